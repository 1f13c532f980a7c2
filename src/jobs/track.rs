//! Tracked applicants: the API cannot list applicants, so the profile's record keeps everyone
//! it looked up or invited. Reading them, tracking an ID by hand, untracking, marking seen,
//! and one applicant's history.

use crate::api::ApplicantId;

use super::record::{Record, Snapshot, StoreError, TrackedApplicant};

/// Every tracked applicant without the JSON as received: what a table needs, at a fraction
/// of the memory.
pub async fn summaries(record: &Record) -> Result<Vec<TrackedApplicant>, StoreError> {
    record.call(|s, profile| s.tracked_summary(profile)).await
}

/// Every tracked applicant with the JSON as last received (for exports).
pub async fn everyone(record: &Record) -> Result<Vec<TrackedApplicant>, StoreError> {
    record.call(|s, profile| s.tracked(profile)).await
}

/// The IDs of every tracked applicant.
pub async fn ids(record: &Record) -> Result<Vec<u64>, StoreError> {
    record.call(|s, profile| s.tracked_ids(profile)).await
}

/// The IDs of the tracked applicants that may still move (not yet scored): what the
/// background refresh asks for between full refreshes.
pub async fn unfinished_ids(record: &Record) -> Result<Vec<u64>, StoreError> {
    record.call(|s, profile| s.unfinished_ids(profile)).await
}

/// Starts tracking IDs typed in; their data comes with the next refresh.
pub async fn track(record: &Record, ids: Vec<ApplicantId>) -> Result<(), StoreError> {
    let ids: Vec<u64> = ids.into_iter().map(ApplicantId::get).collect();
    record
        .call(move |s, profile| s.track_ids(profile, &ids))
        .await
}

/// Stops tracking (their local history goes too); answers how many were tracked.
pub async fn untrack(record: &Record, ids: Vec<u64>) -> Result<usize, StoreError> {
    record
        .call(move |s, profile| s.untrack(profile, &ids))
        .await
}

/// One applicant as the card shows it: the history and the JSON as last received.
#[derive(Clone, Debug, Default)]
pub struct Details {
    pub history: Vec<Snapshot>,
    pub raw: Option<String>,
    pub notes: Vec<crate::store::Note>,
}

/// Reads one applicant's history and JSON; with `seen`, first clears "changed" (the
/// recruiter has looked).
pub async fn details(record: &Record, id: u64, seen: bool) -> Result<Details, StoreError> {
    record
        .call(move |s, profile| {
            if seen {
                s.mark_seen(profile, &[id])?;
            }
            Ok(Details {
                history: s.history(profile, id)?,
                raw: s.raw_json(profile, id)?,
                notes: s.notes(profile, id)?,
            })
        })
        .await
}

/// When an invited candidate who has not started counts as stale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stale {
    pub after_days: u32,
    pub now: chrono::DateTime<chrono::Utc>,
}

impl Stale {
    pub fn after(after_days: u32) -> Stale {
        Stale {
            after_days,
            now: chrono::Utc::now(),
        }
    }

    /// The days since the invite, when the applicant is still INVITED at step 0 after
    /// `after_days` of them (and still there upstream).
    pub fn days(&self, row: &TrackedApplicant) -> Option<i64> {
        if row.status() != "INVITED" // not for people: the API's status
            || row.step.unwrap_or(0) > 0 || row.deleted_upstream
        {
            return None;
        }
        let days = crate::jobs::messages::days_since(row.created_at.get(), self.now)?;
        (days >= i64::from(self.after_days)).then_some(days)
    }
}
