//! Bulk invite, as one stage at a time: choosing a file, reading it, the preview, sending,
//! and the results. The job keeps every row's state in the record.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::sync::watch;

mod send;

use super::{Problem, Slot, Work};
use crate::jobs::bulk::{self, BulkJob, BulkProgress, BulkRow, Sent, SharedBulkProgress, Stop};
use crate::jobs::import::{self, LoadError, Preview, PreviewRow};
use crate::jobs::record::{Record, StoreError};
use crate::jobs::{self, Task};

/// The file names the dialog offers to import.
const IMPORTED: [&str; 7] = ["xlsx", "xlsm", "xls", "ods", "csv", "txt", "tsv"];

/// A preview cell the recruiter can fix in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreviewField {
    Email,
    Opening,
}

/// Where the bulk invite is.
pub enum Stage {
    Choose,
    Loading(Task<Result<Preview, LoadError>>),
    Preview(Box<Preview>),
    Sending {
        task: Task<Result<Sent, StoreError>>,
        stop: watch::Sender<Stop>,
    },
    Results(Box<Sent>),
}

pub struct BulkState {
    stage: Stage,
    /// The platform's file dialog, open, and the opening for every row to read it with.
    choosing: Option<(String, Task<Option<PathBuf>>)>,
    load_error: Option<Problem>,
    concurrency: usize,
    progress: SharedBulkProgress,
    message: Option<(bool, Problem)>,
    side: Slot<Result<String, Problem>>,
    interrupted: Vec<BulkJob>,
    interrupted_for: Option<String>,
    interrupted_task: Option<Task<Result<Vec<BulkJob>, StoreError>>>,
    rereading: Option<Task<Result<Vec<BulkRow>, StoreError>>>,
}

impl Default for BulkState {
    fn default() -> Self {
        BulkState {
            stage: Stage::Choose,
            choosing: None,
            load_error: None,
            concurrency: 4,
            progress: Arc::new(Mutex::new(BulkProgress::default())),
            message: None,
            side: Slot::default(),
            interrupted: Vec::new(),
            interrupted_for: None,
            interrupted_task: None,
            rereading: None,
        }
    }
}

impl BulkState {
    pub fn stage(&self) -> &Stage {
        &self.stage
    }

    /// The preview's rows (none outside the preview).
    pub fn preview(&self) -> &[PreviewRow] {
        match &self.stage {
            Stage::Preview(p) => &p.rows,
            _ => &[],
        }
    }

    pub fn preview_file(&self) -> Option<&Preview> {
        match &self.stage {
            Stage::Preview(p) => Some(p),
            _ => None,
        }
    }

    /// The rows of the last run, with their states (none before one ended).
    pub fn results(&self) -> &[BulkRow] {
        match &self.stage {
            Stage::Results(sent) => &sent.rows,
            _ => &[],
        }
    }

    pub fn sent(&self) -> Option<&Sent> {
        match &self.stage {
            Stage::Results(sent) => Some(sent),
            _ => None,
        }
    }

    pub fn progress(&self) -> BulkProgress {
        self.progress
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub fn concurrency(&self) -> usize {
        self.concurrency
    }

    pub fn load_error(&self) -> Option<&Problem> {
        self.load_error.as_ref()
    }

    pub fn message(&self) -> Option<&(bool, Problem)> {
        self.message.as_ref()
    }

    pub fn is_loading(&self) -> bool {
        matches!(self.stage, Stage::Loading(_)) || self.choosing.is_some()
    }

    pub fn is_sending(&self) -> bool {
        matches!(self.stage, Stage::Sending { .. })
    }

    /// Jobs of this profile that did not finish, offered for resume.
    pub fn interrupted(&self) -> &[BulkJob] {
        if matches!(self.stage, Stage::Choose | Stage::Preview(_)) {
            &self.interrupted
        } else {
            &[]
        }
    }

    pub fn in_flight(&self) -> usize {
        usize::from(self.is_sending()) + usize::from(matches!(self.stage, Stage::Loading(_)))
    }

    pub fn set_concurrency(&mut self, concurrency: usize) {
        self.concurrency = concurrency.clamp(1, 64);
    }

    /// Reads a file into a preview, in the background.
    pub fn open(&mut self, work: &Work, record: Option<&Record>, path: PathBuf, opening: String) {
        if self.is_sending() {
            self.message = Some((true, crate::t!("bulk-busy-sending").into()));
            return;
        }
        self.load_error = None;
        self.message = None;
        let record = record.cloned();
        self.stage = Stage::Loading(jobs::spawn(
            &work.runtime,
            &work.wake,
            import::load(path, Some(opening), record),
        ));
    }

    /// The previewed file read again as another sheet or in another character set.
    pub fn read_as(
        &mut self,
        work: &Work,
        record: Option<&Record>,
        sheet: Option<String>,
        encoding: Option<&'static encoding_rs::Encoding>,
    ) {
        let Stage::Preview(preview) = &self.stage else {
            return;
        };
        let options = import::ReadOptions {
            sheet,
            encoding,
            ..preview.options.clone()
        };
        let (path, record) = (preview.source.clone(), record.cloned());
        self.load_error = None;
        self.message = None;
        self.stage = Stage::Loading(jobs::spawn(
            &work.runtime,
            &work.wake,
            import::load_as(path, options, record),
        ));
    }

    pub fn choose_file(&mut self, work: &Work, opening: String) {
        let what = crate::t!("bulk-file-kind");
        let task = jobs::spawn(&work.runtime, &work.wake, async move {
            crate::ui::dialogs::open_path(&what, &IMPORTED).await
        });
        self.choosing = Some((opening, task));
    }

    /// A fix typed into the preview, or a row left out or taken back: verdicts again.
    pub fn edit(&mut self, row: usize, field: PreviewField, text: String) {
        if let Stage::Preview(p) = &mut self.stage
            && let Some(r) = p.rows.get_mut(row)
        {
            match field {
                PreviewField::Email => r.row.email = text,
                PreviewField::Opening => r.row.opening = text,
            }
            p.fixed(row);
        }
    }

    pub fn leave_out(&mut self, row: usize, excluded: bool) {
        if let Stage::Preview(p) = &mut self.stage
            && let Some(r) = p.rows.get_mut(row)
        {
            r.excluded = excluded;
            p.recheck();
        }
    }

    /// Back to choosing a file (nothing is sending).
    pub fn new_import(&mut self) {
        if !self.is_sending() {
            self.stage = Stage::Choose;
            self.message = None;
            self.load_error = None;
            self.interrupted_for = None;
        }
    }

    /// Another profile is in use: its unfinished jobs are looked for.
    pub fn profile_changed(&mut self, work: &Work, record: Option<&Record>) {
        self.interrupted.clear();
        self.interrupted_for = None;
        if !self.is_sending() && !matches!(self.stage, Stage::Choose) {
            self.stage = Stage::Choose;
        }
        self.look_for_interrupted(work, record);
    }

    fn look_for_interrupted(&mut self, work: &Work, record: Option<&Record>) {
        let Some(record) = record else { return };
        if self.interrupted_for.as_deref() == Some(record.profile())
            || self.interrupted_task.is_some()
        {
            return;
        }
        self.interrupted_for = Some(record.profile().to_owned());
        let record = record.clone();
        self.interrupted_task = Some(jobs::spawn(&work.runtime, &work.wake, async move {
            bulk::unfinished(&record).await
        }));
    }

    /// Takes in what finished; true when invites were sent (the record changed).
    pub fn poll(&mut self, work: &Work, record: Option<&Record>) -> bool {
        self.look_for_interrupted(work, record);
        if let Some(found) = jobs::take_finished(&mut self.interrupted_task) {
            match found {
                Ok(Ok(jobs)) => self.interrupted = jobs,
                Ok(Err(e)) => {
                    self.message = Some((
                        true,
                        Problem::record(&e).about(&crate::t!("bulk-interrupted-unreadable")),
                    ))
                }
                Err(e) => self.message = Some((true, e.to_string().into())),
            }
        }
        if let Some((opening, task)) = self.choosing.take() {
            match task.try_take() {
                Err(task) => self.choosing = Some((opening, task)),
                Ok(Ok(Some(path))) => self.open(work, record, path, opening),
                Ok(Ok(None)) => {}
                Ok(Err(e)) => self.load_error = Some(e.to_string().into()),
            }
        }
        if self.side.poll() {
            match self.side.take_answer() {
                Some(Ok(Ok(text))) => {
                    self.message = Some((false, text.into()));
                    self.reread_results(work, record);
                }
                Some(Ok(Err(e))) => self.message = Some((true, e)),
                Some(Err(e)) => self.message = Some((true, e.to_string().into())),
                None => {}
            }
        }
        if let Some(rows) = jobs::take_finished(&mut self.rereading) {
            match (rows, &mut self.stage) {
                (Ok(Ok(rows)), Stage::Results(sent)) => {
                    sent.summary.count(&rows);
                    sent.rows = rows;
                }
                (Ok(Err(e)), _) => self.message = Some((true, Problem::record(&e))),
                (Err(e), _) => self.message = Some((true, e.to_string().into())),
                _ => {}
            }
        }
        let stage = std::mem::replace(&mut self.stage, Stage::Choose);
        let (stage, sent) = match stage {
            Stage::Loading(task) => match task.try_take() {
                Err(task) => (Stage::Loading(task), false),
                Ok(Ok(Ok(preview))) => (Stage::Preview(Box::new(preview)), false),
                Ok(Ok(Err(e))) => {
                    self.load_error = Some(Problem {
                        sentence: e.to_string(),
                        details: e.technical(),
                    });
                    (Stage::Choose, false)
                }
                Ok(Err(e)) => {
                    self.load_error = Some(e.to_string().into());
                    (Stage::Choose, false)
                }
            },
            Stage::Sending { task, stop } => match task.try_take() {
                Err(task) => (Stage::Sending { task, stop }, false),
                Ok(Ok(Ok(sent))) => {
                    if let Some(why) = &sent.summary.stopped_because {
                        self.message = Some((true, why.clone().into()));
                    } else if sent.prepared.interrupted > 0 {
                        self.message = Some((
                            false,
                            Problem::new(crate::t!(
                                "bulk-interrupted-unknown",
                                count = sent.prepared.interrupted
                            )),
                        ));
                    }
                    (Stage::Results(Box::new(sent)), true)
                }
                Ok(Ok(Err(e))) => {
                    self.message = Some((true, Problem::record(&e)));
                    (Stage::Choose, true)
                }
                Ok(Err(e)) => {
                    self.message = Some((
                        true,
                        Problem {
                            sentence: crate::t!("bulk-sending-stopped"),
                            details: Some(e.to_string()),
                        },
                    ));
                    (Stage::Choose, true)
                }
            },
            other => (other, false),
        };
        self.stage = stage;
        sent
    }
}
