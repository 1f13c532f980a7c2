//! One tracked applicant as the Applicants table holds them: the columns it sorts on, what
//! their answers say, and what few rows have (the JSON as received, an error, tags, a status
//! the API does not document). A million rows sit in the window, so each column is kept in
//! as few bytes as it needs: a score in 8, a moment in 4, a status in 1.

use chrono::{DateTime, Utc};
use compact_str::CompactString;

use super::Decision;
use crate::api::{Applicant, Status};

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
    /// The status as received, in one byte when the API documents it (nearly every row): 0
    /// before the first fetch, 1 and on for `DOCUMENTED`, or `OTHER_STATUS` with the text
    /// among the rare parts. Read it with `status()` or `parsed_status()`.
    pub(crate) status: u8,
    pub step: Option<u32>,
    pub skill: Score,
    pub adequation: Score,
    pub updated_at: Moment,
    pub last_checked: Moment,
    /// Status or scores changed since the user last looked.
    pub changed: bool,
    pub deleted_upstream: bool,
    pub created_at: Moment,
    pub finished_at: Moment,
    /// The server's recruiter score (0 when nobody rated).
    pub recruiter: Score,
    pub answers: Answers,
    /// The recruiter's own 1–5, kept here, never sent.
    pub rating: Option<u8>,
    pub decision: Decision,
    /// The JSON as received, the last error, the tags and a status the API does not
    /// document: most rows have none of them, so they sit apart and an empty row holds one
    /// word for them all. Read them with `raw_json()`, `last_error()`, `tags()`, `status()`.
    pub(crate) seldom: Option<Box<Seldom>>,
}

/// A score the server gave, or none yet, in the 8 bytes of the number: "none" is kept as
/// NaN, which no score can be (a million rows in the window are 24 MB smaller for the three).
#[derive(Clone, Copy)]
pub struct Score(f64);

impl Score {
    pub const NONE: Score = Score(f64::NAN);

    pub fn get(self) -> Option<f64> {
        (!self.0.is_nan()).then_some(self.0)
    }
}

impl From<Option<f64>> for Score {
    /// A NaN received (the text "NaN" parses as one) is no score.
    fn from(v: Option<f64>) -> Score {
        v.map_or(Score::NONE, Score)
    }
}

impl PartialEq for Score {
    fn eq(&self, other: &Score) -> bool {
        self.get() == other.get()
    }
}

impl std::fmt::Debug for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

/// A moment to the second, or none, in 4 bytes instead of 12: the seconds since 1970 plus
/// one, 0 for none (ordered as `Option` is, none first). A row holds four. A moment before
/// 1970 or after 2106 is none here; the record keeps the text as received.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Moment(u32);

impl Moment {
    pub const NONE: Moment = Moment(0);

    pub fn get(self) -> Option<DateTime<Utc>> {
        let seconds = self.0.checked_sub(1)?;
        DateTime::from_timestamp(i64::from(seconds), 0)
    }
}

impl From<Option<DateTime<Utc>>> for Moment {
    fn from(at: Option<DateTime<Utc>>) -> Moment {
        at.and_then(|t| u32::try_from(t.timestamp()).ok())
            .and_then(|seconds| seconds.checked_add(1))
            .map_or(Moment::NONE, Moment)
    }
}

impl std::fmt::Debug for Moment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

/// What few tracked applicants have.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Seldom {
    /// `None` until the first fetch (an ID typed in to track), and in the table's rows.
    pub(super) raw_json: Option<String>,
    pub(super) last_error: Option<String>,
    pub(super) tags: Vec<String>,
    /// A status the API does not document, as received.
    pub(super) status: Option<String>,
}

/// The statuses a row keeps in one byte, after 0 for none yet (before the first fetch): those
/// the API documents, exactly as it spells them.
static DOCUMENTED: [Status; 6] = Status::DOCUMENTED;
const OTHER_STATUS: u8 = u8::MAX;

/// The byte a row keeps for a status, and the text when it is not one of `DOCUMENTED`.
pub(super) fn status_parts(text: String) -> (u8, Option<String>) {
    if text.is_empty() {
        return (0, None);
    }
    match DOCUMENTED.iter().position(|s| s.as_str() == text) {
        Some(at) => (at as u8 + 1, None),
        None => (OTHER_STATUS, Some(text)),
    }
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

    /// The documented status the row's byte names, if it names one.
    fn documented_status(&self) -> Option<&'static Status> {
        usize::from(self.status)
            .checked_sub(1)
            .and_then(|at| DOCUMENTED.get(at))
    }

    /// The status as last received ("" before the first fetch).
    pub fn status(&self) -> &str {
        match self.documented_status() {
            Some(documented) => documented.as_str(),
            None => self
                .seldom
                .as_ref()
                .and_then(|s| s.status.as_deref())
                .unwrap_or_default(),
        }
    }

    /// The status as the window colours and words it: a documented one straight from its
    /// byte (the table asks for it on every frame), another parsed from its text.
    pub fn parsed_status(&self) -> Status {
        match self.documented_status() {
            Some(documented) => documented.clone(),
            None => Status::parse(self.status()),
        }
    }

    #[cfg(test)]
    pub(crate) fn set_status(&mut self, text: &str) {
        let (byte, other) = status_parts(text.to_owned());
        self.status = byte;
        let mut seldom = self.seldom.take().map(|b| *b).unwrap_or_default();
        seldom.status = other;
        self.seldom = seldom.boxed();
    }
}

// A million rows sit in the window: each byte here is a megabyte there.
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<TrackedApplicant>() <= 184);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_the_api_does_not_document_is_kept_as_received() {
        assert_eq!(status_parts("SCORED".into()), (4, None));
        assert_eq!(status_parts(String::new()), (0, None));
        // Not one of the documented texts, even in another case: kept whole, apart.
        for other in ["scored", "ON_HOLD", "SCORED "] {
            assert_eq!(
                status_parts(other.into()),
                (OTHER_STATUS, Some(other.into()))
            );
        }
    }

    #[test]
    fn the_parsed_status_is_the_one_its_text_parses_as() {
        let mut row = TrackedApplicant {
            id: 1,
            email: "a@example.com".into(),
            name: "A".into(),
            code: "C".into(),
            opening_id: None,
            status: 0,
            step: None,
            skill: Score::NONE,
            adequation: Score::NONE,
            updated_at: Moment::NONE,
            last_checked: Moment::NONE,
            changed: false,
            deleted_upstream: false,
            created_at: Moment::NONE,
            finished_at: Moment::NONE,
            recruiter: Score::NONE,
            answers: Answers::default(),
            rating: None,
            decision: Decision::None,
            seldom: None,
        };
        for text in ["SCORED", "HIRED", "scored ", "ON_HOLD", "On hold (agency)"] {
            row.set_status(text);
            assert_eq!(row.status(), text);
            assert_eq!(row.parsed_status(), Status::parse(text), "{text}");
        }
        assert_eq!(
            row.parsed_status(),
            Status::Other("On hold (agency)".into())
        );
        row.set_status("INVITED");
        assert_eq!(row.parsed_status(), Status::Invited);
        // Back to a documented status: nothing rare is left to keep.
        assert!(row.seldom.is_none());
    }

    #[test]
    fn a_moment_keeps_its_second_and_none_comes_first() {
        let at = DateTime::from_timestamp(1_796_000_000, 999_000_000).unwrap();
        assert_eq!(
            Moment::from(Some(at)).get(),
            DateTime::from_timestamp(1_796_000_000, 0)
        );
        let epoch = DateTime::from_timestamp(0, 0).unwrap();
        assert_eq!(Moment::from(Some(epoch)).get(), Some(epoch));
        assert!(Moment::NONE < Moment::from(Some(epoch)));
        assert!(Moment::from(Some(epoch)) < Moment::from(Some(at)));
        // Outside 1970–2106: none here.
        let before = DateTime::from_timestamp(-1, 0).unwrap();
        let after = DateTime::from_timestamp(1 << 32, 0).unwrap();
        assert_eq!(Moment::from(Some(before)), Moment::NONE);
        assert_eq!(Moment::from(Some(after)), Moment::NONE);
        assert_eq!(Moment::NONE.get(), None);
    }

    #[test]
    fn a_score_keeps_its_value_and_nan_is_none() {
        assert_eq!(Score::from(Some(72.5)).get(), Some(72.5));
        assert_eq!(Score::from(Some(-0.0)).get(), Some(-0.0));
        assert_eq!(Score::from(None).get(), None);
        assert_eq!(Score::from(Some(f64::NAN)), Score::NONE);
        assert_ne!(Score::from(Some(0.0)), Score::NONE);
    }
}
