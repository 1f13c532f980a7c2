//! Exports: the tracked applicants as CSV or XLSX (a spreadsheet opens either) or JSON (as
//! received), to standard output or a file; a file is written beside its place and renamed, so a failed
//! export never leaves half a file.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::store::export as table;

use super::openings::OpeningNames;
use super::record::{Record, StoreError, TrackedApplicant};

pub use crate::store::export::Extras;

/// What an export adds to the applicants from the record: the openings' names and the notes.
pub async fn extras(record: &Record) -> Result<Extras, StoreError> {
    record
        .call(|s, profile| {
            let openings = s.openings(profile)?;
            let names = OpeningNames::new(&openings);
            Ok(Extras {
                openings: openings
                    .iter()
                    .map(|o| (o.id, names.label(Some(o.id))))
                    .collect(),
                notes: s.all_notes(profile)?,
            })
        })
        .await
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    Write { path: String, reason: String },
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            ExportError::Write { path, .. } => {
                crate::t!("errors-export-write", path = path.as_str())
            }
        })
    }
}

impl ExportError {
    /// The system's own words, for details.
    pub fn technical(&self) -> Option<&str> {
        match self {
            ExportError::Write { reason, .. } => Some(reason),
        }
    }
}

/// The applicants as CSV (RFC 4180, header row, CRLF), in the order given.
pub fn csv_bytes(rows: &[TrackedApplicant], extras: &Extras) -> Vec<u8> {
    let mut bytes = Vec::new();
    // Writing to memory cannot fail but for a bug in the writer: then the error is logged
    // and what was written so far is kept.
    if let Err(e) = table::write_csv_to(&mut bytes, rows, extras) {
        tracing::error!("the CSV export failed in memory: {e}");
    }
    bytes
}

/// The applicants as an XLSX workbook: text as text, numbers as numbers, a bold frozen header.
pub fn xlsx_bytes(rows: &[TrackedApplicant], extras: &Extras) -> Result<Vec<u8>, String> {
    crate::boundary::xlsx::workbook(
        "Applicants", // not for people: the export's sheet, as scripts read it back
        &table::CSV_HEADER,
        &table::xlsx_rows(rows, extras),
    )
}

/// The formats a table of rows is saved in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    Csv,
    Xlsx,
}

impl TableFormat {
    pub fn extension(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Xlsx => "xlsx",
        }
    }

    /// What a save dialog calls files of this format.
    pub fn what(self) -> String {
        match self {
            TableFormat::Csv => crate::t!("errors-format-csv"),
            TableFormat::Xlsx => crate::t!("errors-format-xlsx"),
        }
    }
}

/// Whether a path asks for a workbook (`.xlsx`) rather than CSV.
pub fn wants_xlsx(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
}

/// Writes the applicants to `path`: XLSX when its name ends in `.xlsx`, CSV otherwise.
pub async fn table_file(
    path: PathBuf,
    rows: Vec<TrackedApplicant>,
    extras: Extras,
) -> Result<PathBuf, ExportError> {
    write_table(path, move |xlsx| {
        if xlsx {
            xlsx_bytes(&rows, &extras)
        } else {
            Ok(csv_bytes(&rows, &extras))
        }
    })
    .await
}

/// Builds a table's bytes off the runtime (`build` is told whether `path` asks for XLSX)
/// and writes them to `path`; a failure either way is one `ExportError::Write`.
pub async fn write_table(
    path: PathBuf,
    build: impl FnOnce(bool) -> Result<Vec<u8>, String> + Send + 'static,
) -> Result<PathBuf, ExportError> {
    let xlsx = wants_xlsx(&path);
    let reason = match tokio::task::spawn_blocking(move || build(xlsx)).await {
        Ok(Ok(bytes)) => return write_file(path, bytes).await,
        Ok(Err(reason)) => reason,
        Err(e) => e.to_string(),
    };
    Err(ExportError::Write {
        path: path.display().to_string(),
        reason,
    })
}

/// A JSON array of the applicants as received (those not fetched yet have only their ID).
pub fn json_text(rows: &[TrackedApplicant], extras: &Extras) -> String {
    table::json_array(rows, extras)
}

/// Writes `text` to `path` (an applicant's JSON, say).
pub async fn text_file(path: PathBuf, text: String) -> Result<PathBuf, ExportError> {
    write_file(path, text.into_bytes()).await
}

/// Writes beside the target and renames over it.
pub async fn write_file(path: PathBuf, bytes: Vec<u8>) -> Result<PathBuf, ExportError> {
    tokio::task::spawn_blocking(move || write_whole(&path, &bytes).map(|()| path))
        .await
        .unwrap_or_else(|e| {
            Err(ExportError::Write {
                path: String::new(),
                reason: e.to_string(),
            })
        })
}

fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let fail = |e: std::io::Error| ExportError::Write {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    let tmp = path.with_file_name(name);
    let mut file = std::fs::File::create(&tmp).map_err(fail)?;
    let written = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}
