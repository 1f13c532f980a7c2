//! Import: a file of candidates (a workbook, or a CSV in whatever character set and with
//! whatever separator it was saved) read into a preview in which every row has its verdict
//! before anything is sent; the window and the command line load it the same way.

mod bounds;
mod csv;
pub mod encoding;
mod read;
mod table;
mod verdict;
pub mod workbook;

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use super::record::{Record, StoreError};
use crate::store::InviteKey;

pub use bounds::{MAX_FILE_BYTES, MAX_UNPACKED_BYTES};
pub use read::{ParsedFile, ReadAs, ReadOptions, parse, read_table};
pub use table::{ImportError, ImportRow, MAX_ROWS, Table, TableRow, fingerprint};
pub use verdict::{Verdict, verdicts};

/// One row of the preview: what the file said (perhaps fixed by hand), its verdict, and
/// whether the recruiter left it out.
#[derive(Clone, Debug)]
pub struct PreviewRow {
    pub row: ImportRow,
    pub verdict: Verdict,
    pub excluded: bool,
}

impl PreviewRow {
    /// "First Last" as the file gave them.
    pub fn name(&self) -> String {
        [
            self.row.first_name.as_deref(),
            self.row.last_name.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ")
    }

    /// Left out by the recruiter although the file had it right (shown as [`LEFT_OUT`]).
    pub fn left_out_by_hand(&self) -> bool {
        self.excluded && !self.verdict.is_wrong_in_file()
    }
}

/// A file read and checked.
#[derive(Clone, Debug)]
pub struct Preview {
    pub source: PathBuf,
    /// How the file was read (which sheet, which character set), and what it was read with.
    pub read_as: ReadAs,
    pub options: ReadOptions,
    /// Identifies the file's content, so the same file resumes the same job.
    pub fingerprint: String,
    pub rows: Vec<PreviewRow>,
    /// The rows' invites the profile's invite log knew when the file was read.
    invited: HashSet<InviteKey>,
    /// Rows per verdict, counted when the verdicts change (never per frame: a preview can
    /// hold 100,000 rows).
    counts: BTreeMap<&'static str, usize>,
    /// Rows ready to send per opening, counted with the verdicts.
    openings: BTreeMap<String, usize>,
}

impl Preview {
    /// The preview of a file read with `options`: rows that fail the checks a row can fail
    /// by itself (an invalid email, no opening) start left out.
    pub fn new(
        source: PathBuf,
        options: ReadOptions,
        parsed: ParsedFile,
        invited: HashSet<InviteKey>,
    ) -> Preview {
        let mut preview = Preview {
            source,
            read_as: parsed.read_as,
            options,
            fingerprint: parsed.fingerprint,
            rows: parsed
                .rows
                .into_iter()
                .map(|row| PreviewRow {
                    row,
                    verdict: Verdict::Ready,
                    excluded: false,
                })
                .collect(),
            invited,
            counts: BTreeMap::new(),
            openings: BTreeMap::new(),
        };
        preview.recheck();
        for p in &mut preview.rows {
            p.excluded = p.verdict.is_wrong_in_file();
        }
        preview.recheck();
        preview
    }

    /// A row fixed by hand: verdicts again, and the row sent when its own checks now pass
    /// (left out when they fail).
    pub fn fixed(&mut self, index: usize) {
        self.recheck();
        if let Some(p) = self.rows.get_mut(index) {
            p.excluded = p.verdict.is_wrong_in_file();
        }
        self.recheck();
    }

    /// Every row's verdict again (after a fix or a row left out).
    pub fn recheck(&mut self) {
        let rows: Vec<ImportRow> = self.rows.iter().map(|p| p.row.clone()).collect();
        for (p, v) in self.rows.iter_mut().zip(verdicts(&rows, &self.invited)) {
            p.verdict = v;
        }
        let mut counts = BTreeMap::new();
        let mut openings: BTreeMap<String, usize> = BTreeMap::new();
        for p in &self.rows {
            // A row left out for what it got wrong is counted by what that is.
            let kind = if p.excluded && !p.verdict.is_wrong_in_file() {
                LEFT_OUT
            } else {
                p.verdict.kind()
            };
            *counts.entry(kind).or_default() += 1;
            if !p.excluded && p.verdict == Verdict::Ready {
                let opening = p.row.opening.trim();
                match openings.get_mut(opening) {
                    Some(n) => *n += 1,
                    None => {
                        openings.insert(opening.to_owned(), 1);
                    }
                }
            }
        }
        self.counts = counts;
        self.openings = openings;
    }

    /// How many rows ready to send go to each opening.
    pub fn ready_by_opening(&self) -> &BTreeMap<String, usize> {
        &self.openings
    }

    /// Rows per verdict ("left out" for those the recruiter unticked), in a stable order.
    pub fn counts(&self) -> &BTreeMap<&'static str, usize> {
        &self.counts
    }

    /// "2 ready, 1 invalid email".
    pub fn summary(&self) -> String {
        self.counts()
            .iter()
            .map(|(k, n)| verdict::count_words(k, *n))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// How many rows would be sent.
    pub fn ready(&self) -> usize {
        self.counts.get(Verdict::Ready.kind()).copied().unwrap_or(0)
    }
}

/// What the preview counts the rows the recruiter unticked as.
pub const LEFT_OUT: &str = "left out"; // not for people: the key counts use; left_out_label says it

/// How a row the recruiter unticked is shown.
pub fn left_out_label() -> String {
    crate::t!("import-verdict-left-out")
}

/// Why a file could not be previewed.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    Read {
        path: String,
        reason: String,
    },
    Import(#[from] ImportError),
    /// The record's own sentence: it says what went wrong and what to do, once.
    Store(#[from] StoreError),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Read { path, .. } => {
                f.write_str(&crate::t!("import-file-unreadable", path = path.as_str()))
            }
            LoadError::Import(e) => write!(f, "{e}"),
            LoadError::Store(e) => write!(f, "{e}"),
        }
    }
}

impl LoadError {
    /// The system's or the reader's own words, for details.
    pub fn technical(&self) -> Option<String> {
        match self {
            LoadError::Read { reason, .. } => Some(reason.clone()),
            LoadError::Import(e) => e.technical().map(str::to_owned),
            LoadError::Store(e) => e.technical().map(str::to_owned),
        }
    }
}

/// Reads and parses the file as the first sheet or the character set it shows (with no
/// opening column, `default_opening` fills every row), and checks each row against the
/// profile's invite log when there is a record.
pub async fn load(
    path: PathBuf,
    default_opening: Option<String>,
    record: Option<Record>,
) -> Result<Preview, LoadError> {
    let options = ReadOptions {
        default_opening,
        ..ReadOptions::default()
    };
    load_as(path, options, record).await
}

/// Reads and parses the file as `options` say, and checks each row against the profile's
/// invite log when there is a record.
pub async fn load_as(
    path: PathBuf,
    mut options: ReadOptions,
    record: Option<Record>,
) -> Result<Preview, LoadError> {
    let unreadable = |e: std::io::Error| LoadError::Read {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let size = tokio::fs::metadata(&path).await.map_err(unreadable)?.len();
    bounds::check_file_size(size)?;
    let bytes = tokio::fs::read(&path).await.map_err(unreadable)?;
    options.default_opening = options.default_opening.filter(|o| !o.trim().is_empty());
    let reading = options.clone();
    let parsed = tokio::task::spawn_blocking(move || parse(&bytes, &reading))
        .await
        .map_err(|e| LoadError::Read {
            path: path.display().to_string(),
            reason: e.to_string(),
        })??;
    let invited = match record {
        Some(record) => {
            let keys = parsed.rows.iter().map(ImportRow::key).collect();
            super::invite::already_invited(&record, keys).await?
        }
        None => HashSet::new(),
    };
    Ok(Preview::new(path, options, parsed, invited))
}
