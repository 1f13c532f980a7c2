//! Applicants: the profile's tracked applicants as the table shows them (filtered and
//! sorted once per change), the one selected with its history, and the refresh.

use super::{Problem, Slot, Work};
use crate::api::{Applicant, ApplicantId};
use crate::jobs::assess::Note;
use crate::jobs::news::Opens;
use crate::jobs::record::{Record, Snapshot, StoreError, TrackedApplicant};
use crate::jobs::refresh::{Notifications, RefreshProgress, Refresher, Target};
use crate::jobs::track::{self, Details};
use crate::jobs::{self, Task};

mod arranged;
pub(crate) mod export;

use arranged::Arranged;
pub use arranged::{Rows, index_of};

pub use crate::jobs::sort::{SortKey, ViewOptions};

/// The selected applicant, decoded once from what was received (not per frame).
pub struct Detail {
    pub id: u64,
    pub applicant: Option<Applicant>,
    pub raw: Option<String>,
    pub history: Vec<Snapshot>,
    pub notes: Vec<Note>,
}

pub struct ApplicantsState {
    /// The rows and their order, put in order off the window's thread.
    arranged: Arranged,
    loaded_for: Option<String>,
    loading: Slot<Result<Vec<TrackedApplicant>, StoreError>>,
    reload_wanted: bool,
    options: ViewOptions,
    selected: Option<u64>,
    detail: Option<Detail>,
    detail_task: Option<(u64, Task<Result<Details, StoreError>>)>,
    /// The record changed while an applicant was selected: read its details again.
    detail_stale: bool,
    refresher: Refresher,
    runs_seen: u64,
    /// Where a click on a notification asked to go, until the window goes there.
    clicked: std::sync::Arc<std::sync::Mutex<Option<Opens>>>,
    /// The last thing done here, in words (an error or a success).
    message: Option<(bool, Problem)>,
    side: Slot<Result<String, Problem>>,
    /// The ID tracked by hand, fetched once it is in the record.
    fetch_after_track: Option<u64>,
}

impl ApplicantsState {
    pub fn new(work: &Work) -> ApplicantsState {
        ApplicantsState {
            arranged: Arranged::default(),
            loaded_for: None,
            loading: Slot::default(),
            reload_wanted: true,
            options: ViewOptions::default(),
            selected: None,
            detail: None,
            detail_task: None,
            detail_stale: false,
            refresher: Refresher::new(work.runtime.clone(), work.wake.clone()),
            runs_seen: 0,
            clicked: Default::default(),
            message: None,
            side: Slot::default(),
            fetch_after_track: None,
        }
    }

    pub fn rows(&self) -> &[TrackedApplicant] {
        self.arranged.rows()
    }

    /// The rows, shared with work that reads them off the window's thread.
    pub fn shared_rows(&self) -> &Rows {
        self.arranged.shared()
    }

    pub fn generation(&self) -> u64 {
        self.arranged.generation()
    }

    /// Changes whenever what the table shows may have: new rows, a new order, a mark cleared.
    pub fn version(&self) -> u64 {
        self.arranged.version()
    }

    /// Whether the rows shown are being read or put in order (the last ones stay shown).
    pub fn is_arranging(&self) -> bool {
        self.loading.is_running() || self.arranged.is_arranging()
    }

    /// What the recruiter noted or decided of the selected applicant changed: read the
    /// rows and the card again.
    pub fn assessed(&mut self, forgotten: bool) {
        self.reload_wanted = true;
        if forgotten {
            self.selected = None;
        } else {
            self.detail_stale = self.selected.is_some();
        }
    }

    /// The rows shown, in order.
    pub fn visible(&self) -> Vec<&TrackedApplicant> {
        let rows = self.arranged.rows();
        self.arranged
            .order()
            .iter()
            .map(|&i| &rows[i as usize])
            .collect()
    }

    /// The rows shown, as indices into [`rows`](Self::rows).
    pub fn order(&self) -> &[u32] {
        self.arranged.order()
    }

    pub fn options(&self) -> &ViewOptions {
        &self.options
    }

    pub fn statuses(&self) -> &[String] {
        self.arranged.statuses()
    }

    /// Rows whose status or scores changed since the recruiter last looked.
    pub fn changed_count(&self) -> usize {
        self.arranged.changed_count()
    }

    pub fn selected(&self) -> Option<u64> {
        self.selected
    }

    pub fn selected_row(&self) -> Option<&TrackedApplicant> {
        self.row(self.selected?)
    }

    /// The tracked applicant with this ID (the rows come from the record in ID order).
    pub fn row(&self, id: u64) -> Option<&TrackedApplicant> {
        self.arranged.row(id)
    }

    /// The selected applicant's card and history, once read.
    pub fn detail(&self) -> Option<&Detail> {
        self.detail.as_ref().filter(|d| Some(d.id) == self.selected)
    }

    pub fn history(&self) -> Option<&[Snapshot]> {
        self.detail().map(|d| d.history.as_slice())
    }

    pub fn message(&self) -> Option<&(bool, Problem)> {
        self.message.as_ref()
    }

    pub fn is_refreshing(&self) -> bool {
        self.refresher.is_running()
    }

    pub fn in_flight(&self) -> usize {
        usize::from(self.refresher.is_running())
    }

    /// Requests at once a refresh sends.
    pub fn concurrency(&self) -> usize {
        self.refresher.pace().0
    }

    /// The refresh under way, as the progress bar shows it.
    pub fn progress(&self) -> RefreshProgress {
        self.refresher.progress()
    }

    /// How many refresh runs ended so far.
    pub fn runs_ended(&self) -> u64 {
        self.runs_seen
    }

    pub fn last_refresh(&self) -> Option<RefreshProgress> {
        self.refresher.last()
    }

    /// The record changed (a look-up or an invite was tracked): read it again.
    pub fn reload(&mut self) {
        self.reload_wanted = true;
    }

    pub fn set_options(&mut self, options: ViewOptions) {
        if self.options != options {
            self.options = options;
            self.arranged.again();
        }
    }

    /// The profile in use changed: refreshes follow it, and its rows are read.
    pub fn set_target(&mut self, target: Option<Target>) {
        self.refresher.set_target(target);
    }

    pub fn set_pace(&mut self, concurrency: usize, every: Option<std::time::Duration>) {
        self.refresher.set_concurrency(concurrency);
        self.refresher.set_every(every);
    }

    /// What background checks tell the desktop; a click on their notification is kept for
    /// the window to act on, and wakes it.
    pub fn set_notifications(&mut self, work: &Work, notifications: Notifications) {
        let clicked = self.clicked.clone();
        let wake = work.wake.clone();
        let on_open: crate::jobs::notify::OnOpen = std::sync::Arc::new(move |opens| {
            *clicked
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(opens);
            wake();
        });
        self.refresher
            .set_notifications(notifications, Some(on_open));
    }

    /// Where a click on a notification asked to go, once.
    pub fn take_clicked(&self) -> Option<Opens> {
        self.clicked
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take()
    }

    /// The server could not be reached when a background check was due.
    pub fn is_offline(&self) -> bool {
        self.refresher.is_offline()
    }

    pub fn refresh(&mut self, ids: Option<Vec<u64>>) {
        self.refresher.start(ids);
    }

    pub fn cancel_refresh(&mut self) {
        self.refresher.cancel();
    }

    /// Shows the applicant and reads their history; clears "changed" (they have been seen).
    pub fn select(&mut self, work: &Work, record: Option<&Record>, id: Option<u64>) {
        self.selected = id;
        let (Some(id), Some(record)) = (id, record) else {
            return;
        };
        self.detail = None;
        self.read_detail(work, record, id, true);
        self.arranged.seen(id);
    }

    fn read_detail(&mut self, work: &Work, record: &Record, id: u64, seen: bool) {
        let record = record.clone();
        self.detail_task = Some((
            id,
            jobs::spawn(&work.runtime, &work.wake, async move {
                track::details(&record, id, seen).await
            }),
        ));
    }

    pub fn track(&mut self, work: &Work, record: Option<&Record>, id: ApplicantId) {
        let Some(record) = record.cloned() else {
            return;
        };
        self.fetch_after_track = Some(id.get());
        self.side.start(work, async move {
            track::track(&record, vec![id])
                .await
                .map(|()| crate::t!("applicants-tracking-fetching", id = id.to_string()))
                .map_err(|e| Problem::record(&e))
        });
    }

    pub fn untrack(&mut self, work: &Work, record: Option<&Record>, ids: Vec<u64>) {
        let Some(record) = record.cloned() else {
            return;
        };
        if ids.iter().any(|id| Some(*id) == self.selected) {
            self.selected = None;
        }
        let count = ids.len();
        self.side.start(work, async move {
            track::untrack(&record, ids)
                .await
                .map(|_| crate::t!("applicants-untracked", count = count))
                .map_err(|e| Problem::record(&e))
        });
    }

    /// Takes in what finished, reads the profile's rows when they are stale, and puts them
    /// in order when the rows or the options changed.
    pub fn poll(&mut self, work: &Work, record: Option<&Record>) {
        if self.loading.poll() {
            match self.loading.take_answer() {
                Some(Ok(Ok(rows))) => {
                    self.arranged.take(rows);
                    // The history may have grown with the new data: read it again, and keep
                    // showing the old one meanwhile.
                    self.detail_stale = self.selected.is_some();
                }
                Some(Ok(Err(e))) => self.message = Some((true, Problem::record(&e))),
                Some(Err(e)) => self.message = Some((true, e.to_string().into())),
                None => {}
            }
        }
        if let Some((id, task)) = self.detail_task.take() {
            match task.try_take() {
                Err(task) => self.detail_task = Some((id, task)),
                Ok(Ok(Ok(details))) => {
                    let applicant = details
                        .raw
                        .as_deref()
                        .and_then(|r| serde_json::from_str(r).ok());
                    self.detail = Some(Detail {
                        id,
                        applicant,
                        raw: details.raw,
                        history: details.history,
                        notes: details.notes,
                    });
                }
                Ok(Ok(Err(e))) => self.message = Some((true, Problem::record(&e))),
                Ok(Err(e)) => self.message = Some((true, e.to_string().into())),
            }
        }
        if let Some(mut said) = self.side.take_said() {
            // Done: what it changed is read again; an ID tracked by hand is fetched at once
            // (unless a refresh is running already).
            self.reload_wanted |= !said.0;
            if let Some(id) = self.fetch_after_track.take()
                && !said.0
                && !self.refresher.start(Some(vec![id]))
            {
                said.1 = crate::t!("applicants-tracking-refresh", id = id.to_string()).into();
            }
            self.message = Some(said);
        }
        let runs = self.refresher.runs_ended();
        if runs != self.runs_seen {
            self.runs_seen = runs;
            self.reload_wanted = true;
        }
        let Some(record) = record else {
            if self.loaded_for.is_some() {
                self.clear(work);
            }
            self.arranged.poll(work, &self.options);
            return;
        };
        if self.loaded_for.as_deref() != Some(record.profile()) {
            self.clear(work);
            self.reload_wanted = true;
        }
        if self.detail_stale
            && self.detail_task.is_none()
            && let Some(id) = self.selected
        {
            self.detail_stale = false;
            self.read_detail(work, record, id, false);
        }
        if self.reload_wanted && !self.loading.is_running() {
            self.reload_wanted = false;
            self.loaded_for = Some(record.profile().to_owned());
            let record = record.clone();
            self.loading
                .start(work, async move { track::summaries(&record).await });
        }
        self.arranged.poll(work, &self.options);
    }

    fn clear(&mut self, work: &Work) {
        self.arranged.clear(work);
        self.selected = None;
        self.detail = None;
        self.loaded_for = None;
    }
}
