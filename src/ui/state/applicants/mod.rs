//! Applicants: the profile's tracked applicants as the table shows them (filtered and
//! sorted once per change), the one selected with its history, and the refresh.

use std::collections::BTreeSet;

use super::{Problem, Slot, Work};
use crate::api::{Applicant, ApplicantId};
use crate::jobs::assess::Note;
use crate::jobs::news::Opens;
use crate::jobs::record::{Record, Snapshot, StoreError, TrackedApplicant};
use crate::jobs::refresh::{Notifications, RefreshProgress, Refresher, Target};
use crate::jobs::track::{self, Details};
use crate::jobs::{self, Task};

pub(crate) mod export;

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
    rows: Vec<TrackedApplicant>,
    /// Counts each new set of rows, so what is computed from them knows when to count again.
    generation: u64,
    loaded_for: Option<String>,
    loading: Slot<Result<Vec<TrackedApplicant>, StoreError>>,
    reload_wanted: bool,
    options: ViewOptions,
    order: Vec<usize>,
    order_dirty: bool,
    /// The statuses present and the number of changed rows, counted with the order (never
    /// per frame: at 100,000 rows that alone would cost tens of milliseconds).
    statuses: Vec<String>,
    changed: usize,
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
            rows: Vec::new(),
            generation: 0,
            loaded_for: None,
            loading: Slot::default(),
            reload_wanted: true,
            options: ViewOptions::default(),
            order: Vec::new(),
            order_dirty: true,
            statuses: Vec::new(),
            changed: 0,
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
        &self.rows
    }

    pub fn generation(&self) -> u64 {
        self.generation
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
        self.order.iter().map(|&i| &self.rows[i]).collect()
    }

    /// The rows shown, as indices into [`rows`](Self::rows).
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    pub fn options(&self) -> &ViewOptions {
        &self.options
    }

    pub fn statuses(&self) -> &[String] {
        &self.statuses
    }

    /// Rows whose status or scores changed since the recruiter last looked.
    pub fn changed_count(&self) -> usize {
        self.changed
    }

    pub fn selected(&self) -> Option<u64> {
        self.selected
    }

    pub fn selected_row(&self) -> Option<&TrackedApplicant> {
        self.row(self.selected?)
    }

    /// The tracked applicant with this ID (the rows come from the record in ID order).
    pub fn row(&self, id: u64) -> Option<&TrackedApplicant> {
        let at = self.rows.binary_search_by_key(&id, |r| r.id).ok()?;
        self.rows.get(at)
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
            self.order_dirty = true;
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
        if let Some(row) = self.rows.iter_mut().find(|r| r.id == id)
            && row.changed
        {
            row.changed = false;
            self.order_dirty = true;
        }
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
                    self.rows = rows;
                    self.generation += 1;
                    self.order_dirty = true;
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
                self.clear();
            }
            return;
        };
        if self.loaded_for.as_deref() != Some(record.profile()) {
            self.clear();
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
        if self.order_dirty {
            self.order = self.options.order(&self.rows);
            let statuses: BTreeSet<&str> = self.rows.iter().map(|r| r.status.as_str()).collect();
            self.statuses = statuses
                .into_iter()
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            self.changed = self.rows.iter().filter(|r| r.changed).count();
            self.order_dirty = false;
        }
    }

    fn clear(&mut self) {
        self.rows.clear();
        self.generation += 1;
        self.order.clear();
        self.selected = None;
        self.detail = None;
        self.loaded_for = None;
        self.order_dirty = true;
    }
}
