//! Bulk invite: a preview turned into a job whose every row's state lives in the record,
//! sent with bounded concurrency, paused and resumed, cancelled, re-sent, marked done, and
//! its results written. The window and the command line run it through [`send`].

mod progress;
mod send;

use std::path::PathBuf;

use chrono::Utc;
use tokio::sync::watch;

use super::export::ExportError;
use super::import::{Preview, Verdict};
use super::record::{Record, StoreError};
use crate::api::Client;

pub use crate::store::bulk::{BulkJob, BulkRow, RowState};
pub use send::{BulkProgress, BulkRun, SharedBulkProgress, run};

/// The job's rows as the preview's verdicts make them: ready rows pending; rows left out
/// and rows that fail their own checks (an invalid email, no opening) excluded, never sent
/// and never "failed"; duplicates and rows already invited skipped.
pub fn job_rows(preview: &Preview) -> Vec<BulkRow> {
    preview
        .rows
        .iter()
        .map(|p| BulkRow {
            row_no: p.row.row_no,
            email: p.row.email.clone(),
            opening: p.row.opening.clone(),
            first_name: p.row.first_name.clone(),
            last_name: p.row.last_name.clone(),
            state: if p.excluded || p.verdict.is_wrong_in_file() {
                RowState::Excluded
            } else {
                match &p.verdict {
                    Verdict::Ready => RowState::Pending,
                    v => RowState::Skipped(v.label()),
                }
            },
        })
        .collect()
}

/// Where a run starts from.
pub enum Start {
    /// A file previewed: a new job, or the unfinished job of the same file (as it was).
    Preview {
        preview: Box<Preview>,
        /// Send again the rows whose outcome is unknown.
        resend_unknown: bool,
    },
    /// A job interrupted (the app stopped while it ran): rows left `sending` become unknown.
    Resume(i64),
    /// A paused job, as it is.
    Continue(i64),
    /// Rows in these states back in the queue (failed ones after a fix, unknown ones the
    /// recruiter chose to re-send).
    Requeue { job: i64, states: Vec<&'static str> },
}

/// What a run starts with, before anything is sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prepared {
    pub job: i64,
    /// The job existed (the same file, unfinished).
    pub resumed: bool,
    /// Rows that were being sent when the app stopped: now unknown.
    pub interrupted: usize,
    /// Rows put back in the queue.
    pub requeued: usize,
}

/// How a run is asked to end early: a pause keeps the job to resume, a cancel ends it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Stop {
    #[default]
    Go,
    Pause,
    Cancel,
}

/// What a run came to.
#[derive(Clone, Debug)]
pub struct Sent {
    pub prepared: Prepared,
    pub summary: BulkProgress,
    pub rows: Vec<BulkRow>,
    pub cancelled: bool,
}

/// Everything a run needs besides where it starts.
pub struct Sender {
    pub client: Client,
    pub record: Record,
    pub concurrency: usize,
    pub progress: SharedBulkProgress,
}

/// Prepares the job (`on_prepared` hears of it before anything is sent), sends its pending
/// rows until none is left or `stop` asks, then, on a cancel, leaves the rest out.
pub async fn send(
    sender: Sender,
    start: Start,
    mut stop: watch::Receiver<Stop>,
    on_prepared: impl FnOnce(&Prepared) + Send,
    wake: impl Fn() + Send + Sync + 'static,
) -> Result<Sent, StoreError> {
    let Sender {
        client,
        record,
        concurrency,
        progress,
    } = sender;
    let prepared = prepare(&record, start).await?;
    on_prepared(&prepared);
    let job = prepared.job;
    // The run stops on a pause or a cancel alike; which it was decides what follows.
    let (halt, halted) = watch::channel(*stop.borrow() != Stop::Go);
    let relay = async move {
        loop {
            if stop.changed().await.is_err() {
                // Nobody can ask any more: the run goes to its end.
                std::future::pending::<()>().await;
            }
            let asked = *stop.borrow();
            if asked != Stop::Go {
                let _ = halt.send(true);
                // The sender stays alive while the run winds down.
                return (asked, halt);
            }
        }
    };
    let what = BulkRun {
        client,
        record: record.clone(),
        job,
        concurrency,
    };
    let run = run(what, progress, halted, wake);
    tokio::pin!(run);
    let (summary, asked) = tokio::select! {
        summary = &mut run => (summary, Stop::Go),
        (asked, _halt) = relay => (run.await, asked),
    };
    let cancelled = asked == Stop::Cancel;
    if cancelled {
        record
            .call(move |s, _| s.cancel_bulk_job(job, Utc::now()))
            .await?;
    }
    let mut rows = rows(&record, job).await?;
    // What the server answered but the record could not keep (a full disk) is shown as the
    // server said it; a row still marked as being sent had its answer lost.
    for row in &mut rows {
        if let Some((_, state)) = summary.unrecorded.iter().find(|(n, _)| *n == row.row_no) {
            row.state = state.clone();
        } else if row.state == RowState::Sending {
            row.state = RowState::Unknown(crate::t!("import-row-answer-not-recorded"));
        }
    }
    Ok(Sent {
        prepared,
        summary,
        rows,
        cancelled,
    })
}

async fn prepare(record: &Record, start: Start) -> Result<Prepared, StoreError> {
    let now = Utc::now();
    match start {
        Start::Preview {
            preview,
            resend_unknown,
        } => {
            let rows = job_rows(&preview);
            let source = preview.source.display().to_string();
            let fingerprint = preview.fingerprint.clone();
            record
                .call(move |s, profile| {
                    let mut prepared = match s.unfinished_bulk_job(profile, &fingerprint)? {
                        Some(job) => Prepared {
                            job: job.id,
                            resumed: true,
                            interrupted: s.settle_interrupted_rows(job.id, now)?,
                            requeued: 0,
                        },
                        None => Prepared {
                            job: s.create_bulk_job(profile, &source, &fingerprint, &rows, now)?,
                            ..Prepared::default()
                        },
                    };
                    if resend_unknown {
                        prepared.requeued = s.requeue_bulk_rows(prepared.job, &["unknown"], now)?;
                    }
                    Ok(prepared)
                })
                .await
        }
        Start::Resume(job) => {
            record
                .call(move |s, _| {
                    Ok(Prepared {
                        job,
                        resumed: true,
                        interrupted: s.settle_interrupted_rows(job, now)?,
                        requeued: 0,
                    })
                })
                .await
        }
        Start::Continue(job) => Ok(Prepared {
            job,
            resumed: true,
            ..Prepared::default()
        }),
        Start::Requeue { job, states } => {
            record
                .call(move |s, _| {
                    Ok(Prepared {
                        job,
                        resumed: true,
                        interrupted: 0,
                        requeued: s.requeue_bulk_rows(job, &states, now)?,
                    })
                })
                .await
        }
    }
}

/// Every row of a job, with its state.
pub async fn rows(record: &Record, job: i64) -> Result<Vec<BulkRow>, StoreError> {
    record.call(move |s, _| s.bulk_rows(job)).await
}

/// The profile's jobs that did not finish, offered for resume.
pub async fn unfinished(record: &Record) -> Result<Vec<BulkJob>, StoreError> {
    record
        .call(|s, profile| s.unfinished_bulk_jobs(profile))
        .await
}

/// Rows of unknown outcome the recruiter checked in RickRut and marks done by hand.
pub async fn mark_done(record: &Record, job: i64, rows: Vec<u64>) -> Result<usize, StoreError> {
    record
        .call(move |s, _| {
            let now = Utc::now();
            for row in &rows {
                s.set_bulk_row_state(job, *row, &RowState::Excluded, now)?;
            }
            s.finish_bulk_job_if_done(job, now)?;
            Ok(rows.len())
        })
        .await
}

/// The per-row results as a file: XLSX when its name ends in `.xlsx`, CSV otherwise.
pub async fn write_results(path: PathBuf, rows: Vec<BulkRow>) -> Result<PathBuf, ExportError> {
    super::export::write_table(path, move |xlsx| {
        if xlsx {
            let table = crate::store::results::results_xlsx_rows(&rows);
            crate::boundary::xlsx::workbook(
                "Results", // not for people: the results file's sheet, as scripts read it
                &crate::store::results::RESULTS_HEADER,
                &table,
            )
        } else {
            let mut bytes = Vec::new();
            crate::store::results::results_csv(&mut bytes, &rows)
                .map(|()| bytes)
                .map_err(|e| e.to_string())
        }
    })
    .await
}
