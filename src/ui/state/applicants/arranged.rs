//! The rows the Applicants table shows, in the order the recruiter chose. They are put in
//! order on a blocking thread whenever the rows or the options change, and the last order is
//! shown until the new one is ready: with a million rows a sort takes longer than a frame.

use std::collections::BTreeSet;
use std::sync::Arc;

use super::super::Work;
use crate::jobs::record::TrackedApplicant;
use crate::jobs::sort::ViewOptions;
use crate::jobs::{self, Task};

/// The rows, shared with the work that orders or counts them.
pub type Rows = Arc<Vec<TrackedApplicant>>;

/// The rows shown and their order, always of the same rows.
#[derive(Default)]
pub struct Arranged {
    rows: Rows,
    order: Vec<u32>,
    /// The statuses present and the number of changed rows, counted with new rows.
    statuses: Vec<String>,
    changed: usize,
    /// Counts each new set of rows, so what is computed from them knows when to count again.
    generation: u64,
    /// Counts every change of what is shown: new rows, a new order, a mark cleared.
    version: u64,
    /// Rows read from the record, shown once they are in order.
    newer: Option<Rows>,
    /// The rows or the options changed since the order was asked for.
    dirty: bool,
    recount: bool,
    task: Option<Task<Arranging>>,
    /// Applicants looked at, whose "changed" mark goes once nothing else reads the rows.
    seen: Vec<u64>,
}

/// What the blocking thread answers.
struct Arranging {
    rows: Rows,
    order: Vec<u32>,
    counts: Option<(Vec<String>, usize)>,
}

impl Arranged {
    pub fn rows(&self) -> &[TrackedApplicant] {
        &self.rows
    }

    pub fn shared(&self) -> &Rows {
        &self.rows
    }

    pub fn order(&self) -> &[u32] {
        &self.order
    }

    pub fn statuses(&self) -> &[String] {
        &self.statuses
    }

    pub fn changed_count(&self) -> usize {
        self.changed
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn version(&self) -> u64 {
        self.version
    }

    /// Whether the rows shown may still change: new rows, options or seen marks are waiting.
    pub fn is_arranging(&self) -> bool {
        self.dirty || self.task.is_some() || self.newer.is_some()
    }

    /// New rows from the record: shown once in order.
    pub fn take(&mut self, rows: Vec<TrackedApplicant>) {
        self.newer = Some(Arc::new(rows));
        self.dirty = true;
        self.recount = true;
    }

    /// The options changed: order again.
    pub fn again(&mut self) {
        self.dirty = true;
    }

    /// The recruiter looked at this applicant: their "changed" mark goes.
    pub fn seen(&mut self, id: u64) {
        if self.row(id).is_some_and(|r| r.changed) {
            self.seen.push(id);
        }
    }

    pub fn row(&self, id: u64) -> Option<&TrackedApplicant> {
        self.rows.get(index_of(&self.rows, id)?)
    }

    /// No rows (no record): shown at once.
    pub fn clear(&mut self, work: &Work) {
        let old = std::mem::take(&mut self.rows);
        drop_later(work, old);
        *self = Arranged {
            generation: self.generation + 1,
            version: self.version + 1,
            dirty: true,
            ..Arranged::default()
        };
    }

    /// Takes in the order that is ready, and asks for one when something changed.
    pub fn poll(&mut self, work: &Work, options: &ViewOptions) {
        if let Some(outcome) = jobs::take_finished(&mut self.task) {
            match outcome {
                Ok(ready) => self.show(work, ready),
                // The order shown stays (a crash is in the log); the next change asks again.
                Err(e) => tracing::warn!("the applicants could not be put in order: {e}"),
            }
        }
        if !self.seen.is_empty() {
            self.mark_seen();
        }
        if self.dirty && self.task.is_none() {
            self.dirty = false;
            let counts = std::mem::take(&mut self.recount);
            let rows = self.newer.take().unwrap_or_else(|| self.rows.clone());
            let options = options.clone();
            self.task = Some(jobs::compute(&work.runtime, &work.wake, move || {
                let order = options.order(&rows);
                let counts = counts.then(|| count(&rows));
                Arranging {
                    rows,
                    order,
                    counts,
                }
            }));
        }
    }

    fn show(&mut self, work: &Work, ready: Arranging) {
        if !Arc::ptr_eq(&ready.rows, &self.rows) {
            let old = std::mem::replace(&mut self.rows, ready.rows);
            drop_later(work, old);
            self.generation += 1;
        }
        self.order = ready.order;
        self.version += 1;
        if let Some((statuses, changed)) = ready.counts {
            self.statuses = statuses;
            self.changed = changed;
        }
    }

    /// Clears the marks of the applicants seen, in the rows shown and in those waiting, once
    /// no other work reads them (until then they are kept for the next poll).
    fn mark_seen(&mut self) {
        let Some(rows) = Arc::get_mut(&mut self.rows) else {
            return;
        };
        let mut newer = self.newer.as_mut().and_then(Arc::get_mut);
        for id in self.seen.drain(..) {
            for rows in std::iter::once(&mut *rows).chain(newer.as_deref_mut()) {
                if let Some(at) = index_of(rows, id) {
                    rows[at].changed = false;
                }
            }
        }
        self.version += 1;
        self.dirty = true;
        self.recount = true;
    }
}

/// Where the tracked applicant with this ID is among rows read from the record, which come
/// in ID order.
pub fn index_of(rows: &[TrackedApplicant], id: u64) -> Option<usize> {
    rows.binary_search_by_key(&id, |r| r.id).ok()
}

/// The statuses present (none empty) and the rows changed since last looked at.
fn count(rows: &[TrackedApplicant]) -> (Vec<String>, usize) {
    // Inserted one by one: collecting would first copy and sort every row's status (24 MB
    // more at the peak for a million rows).
    let mut statuses = BTreeSet::new();
    for r in rows {
        statuses.insert(r.status());
    }
    let statuses = statuses
        .into_iter()
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    (statuses, rows.iter().filter(|r| r.changed).count())
}

/// Rows no longer shown are freed on a blocking thread: a million of them take the time of
/// a frame or two.
fn drop_later(work: &Work, rows: Rows) {
    if Arc::strong_count(&rows) == 1 && rows.len() > 10_000 {
        drop(work.runtime.spawn_blocking(move || drop(rows)));
    }
}
