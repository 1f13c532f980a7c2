//! Openings: the names the record knows, each opening's funnel, the opening selected and its
//! shortlist, and the applicants picked to compare. Counted and ranked once per change of the
//! rows, the names or the options, never per frame.

use std::collections::HashMap;

use super::applicants::{Rows, index_of};
use super::{Problem, Slot, Work};
use crate::jobs::assess::{self, Note};
use crate::jobs::openings::{
    self, Opening, OpeningNames, OpeningSummary, Ranked, ShortlistOptions,
};
use crate::jobs::record::{Record, StoreError, TrackedApplicant};
use crate::jobs::{self, Task};
use crate::{i18n, t};

/// At most this many applicants side by side.
pub const COMPARE_AT_MOST: usize = 4;

pub struct OpeningsState {
    names: OpeningNames,
    /// Counts every change of the names or of what was counted from the rows.
    version: u64,
    loaded_for: Option<String>,
    loading: Slot<Result<Vec<Opening>, StoreError>>,
    reload_wanted: bool,
    summaries: Vec<OpeningSummary>,
    /// The applicants' generation the summaries and shortlist were computed from.
    counted: Option<u64>,
    dirty: bool,
    options: ShortlistOptions,
    /// Whether an opening is selected (its ID may be `None`: the applicants not fetched yet).
    chosen: bool,
    ranked: Vec<Ranked>,
    /// The shortlist's applicants, as they were ranked (`Ranked` points into them): a copy,
    /// so that the rows shown in Applicants are not held here.
    ranked_rows: Vec<TrackedApplicant>,
    counting: Option<Task<Counted>>,
    compare: Vec<u64>,
    comparing: bool,
    /// The notes of the applicants compared, read when the comparison opens.
    notes: Slot<Result<HashMap<u64, Vec<Note>>, StoreError>>,
    compare_notes: HashMap<u64, Vec<Note>>,
    side: Slot<Result<String, Problem>>,
    message: Option<(bool, Problem)>,
    /// Invited this many days ago and not started: counted as stale per opening.
    stale_after_days: u32,
}

impl Default for OpeningsState {
    fn default() -> Self {
        OpeningsState {
            names: OpeningNames::default(),
            version: 0,
            loaded_for: None,
            loading: Slot::default(),
            reload_wanted: true,
            summaries: Vec::new(),
            counted: None,
            dirty: true,
            options: ShortlistOptions {
                opening: None,
                scored_only: false,
                top: None,
            },
            chosen: false,
            ranked: Vec::new(),
            ranked_rows: Vec::new(),
            counting: None,
            compare: Vec::new(),
            comparing: false,
            notes: Slot::default(),
            compare_notes: HashMap::new(),
            side: Slot::default(),
            message: None,
            stale_after_days: 3,
        }
    }
}

impl OpeningsState {
    /// After how many days an invited candidate who has not started counts as stale.
    pub fn set_stale_after(&mut self, days: u32) {
        if self.stale_after_days != days {
            self.stale_after_days = days;
            self.dirty = true;
        }
    }

    pub fn stale_after_days(&self) -> u32 {
        self.stale_after_days
    }

    pub fn names(&self) -> &OpeningNames {
        &self.names
    }

    /// Changes whenever the names or what was counted from the rows may have.
    pub fn version(&self) -> u64 {
        self.version
    }

    pub fn summaries(&self) -> &[OpeningSummary] {
        &self.summaries
    }

    /// The opening selected, if any.
    pub fn selected(&self) -> Option<&OpeningSummary> {
        if !self.chosen {
            return None;
        }
        self.summaries.iter().find(|s| s.id == self.options.opening)
    }

    pub fn options(&self) -> &ShortlistOptions {
        &self.options
    }

    /// The selected opening's applicants, best first.
    pub fn ranked(&self) -> &[Ranked] {
        &self.ranked
    }

    /// The rows [`ranked`](Self::ranked) points into.
    pub fn ranked_rows(&self) -> &[TrackedApplicant] {
        &self.ranked_rows
    }

    /// Whether the funnels or the shortlist are being counted again (the last ones shown).
    pub fn is_counting(&self) -> bool {
        self.dirty || self.counting.is_some()
    }

    pub fn compared(&self) -> &[u64] {
        &self.compare
    }

    pub fn is_comparing(&self) -> bool {
        self.comparing && self.compare.len() >= 2
    }

    pub fn message(&self) -> Option<&(bool, Problem)> {
        self.message.as_ref()
    }

    pub fn in_flight(&self) -> usize {
        usize::from(self.side.is_running())
    }

    /// The record's openings changed (an invite taught a name): read them again.
    pub fn reload(&mut self) {
        self.reload_wanted = true;
    }

    pub fn choose(&mut self, opening: Option<Option<u64>>) {
        self.chosen = opening.is_some();
        self.options.opening = opening.flatten();
        self.dirty = true;
    }

    pub fn set_filter(&mut self, scored_only: bool, top: Option<usize>) {
        if self.options.scored_only != scored_only || self.options.top != top {
            self.options.scored_only = scored_only;
            self.options.top = top;
            self.dirty = true;
        }
    }

    /// Adds an applicant to the comparison, or takes them out; at most four.
    pub fn toggle_compare(&mut self, id: u64) {
        if let Some(at) = self.compare.iter().position(|c| *c == id) {
            self.compare.remove(at);
        } else if self.compare.len() < COMPARE_AT_MOST {
            self.compare.push(id);
        } else {
            self.message = Some((
                true,
                t!("openings-compare-full", most = COMPARE_AT_MOST).into(),
            ));
        }
    }

    /// The notes kept on an applicant being compared.
    pub fn notes_of(&self, id: u64) -> &[Note] {
        self.compare_notes.get(&id).map_or(&[], Vec::as_slice)
    }

    /// Opens the comparison (reading the notes of those compared) or closes it.
    pub fn show_comparison(&mut self, work: &Work, record: Option<&Record>, open: bool) {
        self.comparing = open;
        if let (true, Some(record)) = (open, record.cloned()) {
            let ids = self.compare.clone();
            self.notes.start(work, async move {
                let mut notes = HashMap::new();
                for id in ids {
                    notes.insert(id, assess::notes(&record, id).await?);
                }
                Ok(notes)
            });
        }
    }

    pub fn clear_comparison(&mut self) {
        self.compare.clear();
        self.comparing = false;
    }

    pub fn name(
        &mut self,
        work: &Work,
        record: Option<&Record>,
        id: u64,
        name: String,
        title: Option<String>,
    ) {
        let Some(record) = record.cloned() else {
            return;
        };
        self.side.start(work, async move {
            let said = t!("openings-named", id = id.to_string(), name = name.trim());
            openings::name(&record, id, name, title)
                .await
                .map(|()| said)
                .map_err(|e| Problem::record(&e))
        });
    }

    pub fn weigh(&mut self, work: &Work, record: Option<&Record>, id: u64, skill_weight: f64) {
        let Some(record) = record.cloned() else {
            return;
        };
        self.side.start(work, async move {
            openings::weigh(&record, id, skill_weight)
                .await
                .map(|()| {
                    let skill = (skill_weight * 100.0).round();
                    t!(
                        "openings-weighed",
                        skill = i18n::decimal(skill, 0),
                        adequation = i18n::decimal(100.0 - skill, 0)
                    )
                })
                .map_err(|e| Problem::record(&e))
        });
    }

    /// Takes in what finished and counts again when the rows, the names or the options
    /// changed. `generation` tells a new set of rows from the last one.
    pub fn poll(&mut self, work: &Work, record: Option<&Record>, rows: &Rows, generation: u64) {
        if self.loading.poll() {
            match self.loading.take_answer() {
                Some(Ok(Ok(openings))) => {
                    self.names = OpeningNames::new(&openings);
                    self.version += 1;
                    self.dirty = true;
                }
                Some(Ok(Err(e))) => self.message = Some((true, Problem::record(&e))),
                Some(Err(e)) => self.message = Some((true, e.to_string().into())),
                None => {}
            }
        }
        if self.notes.poll() {
            match self.notes.take_answer() {
                Some(Ok(Ok(notes))) => self.compare_notes = notes,
                Some(Ok(Err(e))) => self.message = Some((true, Problem::record(&e))),
                Some(Err(e)) => self.message = Some((true, e.to_string().into())),
                None => {}
            }
        }
        if let Some(said) = self.side.take_said() {
            // Done: what it changed is read again.
            self.reload_wanted |= !said.0;
            self.message = Some(said);
        }
        match record {
            None => {
                if self.loaded_for.is_some() {
                    *self = OpeningsState {
                        stale_after_days: self.stale_after_days,
                        version: self.version + 1,
                        ..OpeningsState::default()
                    };
                }
            }
            Some(record) => {
                if self.loaded_for.as_deref() != Some(record.profile()) {
                    *self = OpeningsState {
                        stale_after_days: self.stale_after_days,
                        version: self.version + 1,
                        ..OpeningsState::default()
                    };
                }
                if self.reload_wanted && !self.loading.is_running() {
                    self.reload_wanted = false;
                    self.loaded_for = Some(record.profile().to_owned());
                    let record = record.clone();
                    self.loading
                        .start(work, async move { openings::openings(&record).await });
                }
            }
        }
        if self.counted != Some(generation) {
            self.counted = Some(generation);
            self.dirty = true;
            self.compare.retain(|id| index_of(rows, *id).is_some());
        }
        if let Some(outcome) = jobs::take_finished(&mut self.counting) {
            match outcome {
                Ok(counted) => {
                    self.version += 1;
                    self.ranked_rows = counted.rows;
                    self.summaries = counted.summaries;
                    self.ranked = counted.ranked;
                }
                Err(e) => tracing::warn!("the openings could not be counted: {e}"),
            }
        }
        if self.dirty && self.counting.is_none() {
            self.dirty = false;
            let stale = crate::jobs::track::Stale::after(self.stale_after_days);
            let (names, options, chosen) = (self.names.clone(), self.options.clone(), self.chosen);
            let rows = rows.clone();
            self.counting = Some(jobs::compute(&work.runtime, &work.wake, move || {
                let summaries = openings::summaries(&rows, &names, stale);
                let mut ranked = if chosen {
                    let weight = names.skill_weight(options.opening);
                    openings::shortlist(&rows, &options, weight)
                } else {
                    Vec::new()
                };
                let mut copied = Vec::with_capacity(ranked.len());
                for (at, r) in ranked.iter_mut().enumerate() {
                    copied.push(rows[r.row].clone());
                    r.row = at;
                }
                Counted {
                    rows: copied,
                    summaries,
                    ranked,
                }
            }));
        }
    }
}

/// Funnels and a shortlist counted off the window's thread, with the shortlist's rows.
struct Counted {
    rows: Vec<TrackedApplicant>,
    summaries: Vec<OpeningSummary>,
    ranked: Vec<Ranked>,
}
