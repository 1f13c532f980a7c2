//! Starting and steering a run: from the preview, an interrupted job, a paused one or rows
//! put back in the queue; pausing and cancelling it; marking rows done and saving results.

use tokio::sync::watch;

use super::{BulkState, Stage};
use crate::jobs;
use crate::jobs::bulk::{self, RowState, Sender, Start, Stop};
use crate::jobs::export::TableFormat;
use crate::jobs::keys::Connection;
use crate::jobs::record::Record;
use crate::ui::state::{Problem, Work};

impl BulkState {
    /// Sends from `start`, in the background.
    fn send(
        &mut self,
        work: &Work,
        connection: Option<&Connection>,
        record: Option<&Record>,
        start: Start,
    ) {
        let (Some(connection), Some(record)) = (connection, record) else {
            self.message = Some((true, crate::ui::state::lookup::no_profile().into()));
            return;
        };
        let (stop, stopped) = watch::channel(Stop::Go);
        let sender = Sender {
            client: connection.client.clone(),
            record: record.clone(),
            concurrency: self.concurrency,
            progress: self.progress.clone(),
        };
        let wake = work.wake.clone();
        let task = jobs::spawn(&work.runtime, &work.wake, async move {
            bulk::send(sender, start, stopped, |_| {}, move || wake()).await
        });
        self.message = None;
        self.stage = Stage::Sending { task, stop };
    }

    pub fn send_preview(
        &mut self,
        work: &Work,
        connection: Option<&Connection>,
        record: Option<&Record>,
    ) {
        let Stage::Preview(preview) = &self.stage else {
            return;
        };
        let start = Start::Preview {
            preview: preview.clone(),
            resend_unknown: false,
        };
        self.send(work, connection, record, start);
    }

    pub fn resume(
        &mut self,
        work: &Work,
        connection: Option<&Connection>,
        record: Option<&Record>,
        job: i64,
    ) {
        self.interrupted.clear();
        self.send(work, connection, record, Start::Resume(job));
    }

    pub fn go_on(&mut self, work: &Work, connection: Option<&Connection>, record: Option<&Record>) {
        if let Some(job) = self.sent().map(|s| s.prepared.job) {
            self.send(work, connection, record, Start::Continue(job));
        }
    }

    pub fn requeue(
        &mut self,
        work: &Work,
        connection: Option<&Connection>,
        record: Option<&Record>,
        state: &'static str,
    ) {
        if let Some(job) = self.sent().map(|s| s.prepared.job) {
            let start = Start::Requeue {
                job,
                states: vec![state],
            };
            self.send(work, connection, record, start);
        }
    }

    pub fn stop(&mut self, how: Stop) {
        if let Stage::Sending { stop, .. } = &self.stage {
            let _ = stop.send(how);
        }
    }

    pub fn mark_unknown_done(&mut self, work: &Work, record: Option<&Record>) {
        let (Some(sent), Some(record)) = (self.sent(), record.cloned()) else {
            return;
        };
        let job = sent.prepared.job;
        let rows: Vec<u64> = sent
            .rows
            .iter()
            .filter(|r| matches!(r.state, RowState::Unknown(_)))
            .map(|r| r.row_no)
            .collect();
        self.side.start(work, async move {
            bulk::mark_done(&record, job, rows)
                .await
                .map(|n| crate::t!("bulk-marked-done", count = n))
                .map_err(|e| Problem::record(&e))
        });
    }

    pub fn export_results(&mut self, work: &Work, format: TableFormat) {
        let rows = self.results().to_vec();
        let what = format.what();
        self.side.start(work, async move {
            let ext = format.extension();
            let suggested = format!("invite-results.{ext}");
            let Some(path) = crate::ui::dialogs::save_path(&suggested, &what, &[ext]).await else {
                return Ok(crate::t!("bulk-export-cancelled"));
            };
            bulk::write_results(path, rows)
                .await
                .map(|path| crate::t!("bulk-saved", path = path.display().to_string()))
                .map_err(|e| Problem {
                    sentence: e.to_string(),
                    details: e.technical().map(str::to_owned),
                })
        });
    }

    /// The results again after rows were marked done.
    pub(super) fn reread_results(&mut self, work: &Work, record: Option<&Record>) {
        let (Some(record), Some(job)) = (record.cloned(), self.sent().map(|s| s.prepared.job))
        else {
            return;
        };
        self.rereading = Some(jobs::spawn(&work.runtime, &work.wake, async move {
            bulk::rows(&record, job).await
        }));
    }
}
