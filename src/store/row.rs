//! One tracked applicant as the Applicants table holds them: the columns it sorts on, what
//! their answers say, and what few rows have (the JSON as received, an error, tags).

use chrono::{DateTime, Utc};
use compact_str::CompactString;

use super::Decision;
use crate::api::Applicant;

/// One row of the Applicants table: the columns it sorts on, and what few rows have.
#[derive(Clone, Debug, PartialEq)]
pub struct TrackedApplicant {
    pub id: u64,
    // Short text is kept inside the row (no allocation of its own up to 24 bytes): a million
    // rows in the window cost a hundred megabytes less.
    pub email: CompactString,
    pub name: CompactString,
    pub code: CompactString,
    pub opening_id: Option<u64>,
    pub status: CompactString,
    pub step: Option<u32>,
    pub skill: Option<f64>,
    pub adequation: Option<f64>,
    pub updated_at: Option<DateTime<Utc>>,
    pub last_checked: Option<DateTime<Utc>>,
    /// Status or scores changed since the user last looked.
    pub changed: bool,
    pub deleted_upstream: bool,
    pub created_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    /// The server's recruiter score (0 when nobody rated).
    pub recruiter: Option<f64>,
    pub answers: Answers,
    /// The recruiter's own 1–5, kept here, never sent.
    pub rating: Option<u8>,
    pub decision: Decision,
    /// The JSON as received, the last error and the tags: most rows have none of them, so
    /// they sit apart and an empty row holds one word for the three (a million rows in the
    /// window are 64 MB smaller). Read them with `raw_json()`, `last_error()`, `tags()`.
    pub(crate) seldom: Option<Box<Seldom>>,
}

/// What few tracked applicants have.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Seldom {
    /// `None` until the first fetch (an ID typed in to track), and in the table's rows.
    pub(super) raw_json: Option<String>,
    pub(super) last_error: Option<String>,
    pub(super) tags: Vec<String>,
}

impl Seldom {
    /// `None` when there is nothing to keep.
    pub(super) fn boxed(self) -> Option<Box<Seldom>> {
        (self != Seldom::default()).then(|| Box::new(self))
    }
}

/// What an applicant's answers say, counted when they are received.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    pub quizz: u32,
    pub cases: u32,
    pub polls: u32,
    /// Case recordings the vendor flagged as gibberish.
    pub gibberish: u32,
    /// Time spent answering the cases, in seconds.
    pub case_seconds: u32,
}

impl Answers {
    pub fn of(a: &Applicant) -> Answers {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Answers {
            quizz: count(a.quizz_answers.len()),
            cases: count(a.case_answers.len()),
            polls: count(a.poll_answers.len()),
            gibberish: count(
                a.case_answers
                    .iter()
                    .filter(|c| c.gibberish == Some(true))
                    .count(),
            ),
            case_seconds: a
                .case_answers
                .iter()
                .filter_map(|c| c.duration)
                .fold(0u32, |sum, d| {
                    sum.saturating_add(u32::try_from(d).unwrap_or(u32::MAX))
                }),
        }
    }
}

impl TrackedApplicant {
    /// The full applicant, decoded from what was received.
    pub fn applicant(&self) -> Option<Applicant> {
        serde_json::from_str(self.raw_json()?).ok()
    }

    /// The JSON as last received, when it was read with the row.
    pub fn raw_json(&self) -> Option<&str> {
        self.seldom.as_ref()?.raw_json.as_deref()
    }

    /// Why the last check of this applicant failed.
    pub fn last_error(&self) -> Option<&str> {
        self.seldom.as_ref()?.last_error.as_deref()
    }

    pub fn tags(&self) -> &[String] {
        self.seldom.as_ref().map_or(&[], |s| &s.tags)
    }
}

// A million rows sit in the window: each byte here is a megabyte there.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<TrackedApplicant>() <= 264);
