//! What a refresh or an invite received for each applicant: the facts a table, a shortlist
//! and a comparison read, a snapshot when status, step or scores change, and the JSON as
//! received with its digest (an applicant back byte for byte the same only gets its check
//! time written).

use chrono::{DateTime, Utc};

use super::sql::{self, Db, Value};
use super::tracked::step_of;
use super::{Answers, StoreError, Upserted, raw_digest};
use crate::api::{Applicant, ApplicantResponse};

/// What decides whether an applicant changed: status, step and the two scores.
type Comparable = (String, Option<u32>, Option<f64>, Option<f64>);

const WRITE: &str = "INSERT INTO tracked (profile, id, email, name, code, opening_id, status, step, skill, adequation, updated_at, last_checked, changed, deleted_upstream, last_error, created_at, finished_at, recruiter, quizz_answers, case_answers, poll_answers, gibberish, case_seconds)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0, NULL, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)
     ON CONFLICT (profile, id) DO UPDATE SET
       email = excluded.email, name = excluded.name, code = excluded.code,
       opening_id = excluded.opening_id, status = excluded.status, step = excluded.step,
       skill = excluded.skill, adequation = excluded.adequation,
       updated_at = excluded.updated_at, last_checked = excluded.last_checked,
       changed = CASE WHEN excluded.changed = 1 THEN 1 ELSE tracked.changed END,
       deleted_upstream = 0, last_error = NULL,
       created_at = excluded.created_at, finished_at = excluded.finished_at,
       recruiter = excluded.recruiter, quizz_answers = excluded.quizz_answers,
       case_answers = excluded.case_answers, poll_answers = excluded.poll_answers,
       gibberish = excluded.gibberish, case_seconds = excluded.case_seconds";

/// Which applicants an upsert may add: anyone (a look-up), only those still tracked (a
/// refresh: one untracked or forgotten while it ran stays gone), or one the server has just
/// created (an invite: new to every record, so there is nothing to compare it with).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Adding {
    Anyone,
    OnlyTracked,
    Created,
}

pub(super) fn upsert(
    db: &mut dyn Db,
    profile: &str,
    received: &[ApplicantResponse],
    at: DateTime<Utc>,
    adding: Adding,
) -> Result<Vec<Upserted>, StoreError> {
    let mut outcomes = Vec::with_capacity(received.len());
    let at_text = at.to_rfc3339();
    for r in received {
        let a = &r.applicant;
        let skill = a.skill_score.as_ref().and_then(|s| s.value());
        let adequation = a.adequation_score.as_ref().and_then(|s| s.value());
        let digest = raw_digest(r.raw.get()).to_le_bytes();
        // What was there before, and whether the applicant came back byte for byte the same
        // (the everyday refresh): then only the time of the check is written.
        let before: Option<(Comparable, bool)> = if adding == Adding::Created {
            None
        } else {
            sql::first(
            db,
            "SELECT t.status, t.step, t.skill, t.adequation, r.raw_digest IS NOT DISTINCT FROM ?3
             FROM tracked t LEFT JOIN received r ON r.profile = t.profile AND r.id = t.id
             WHERE t.profile = ?1 AND t.id = ?2",
            &[profile.into(), a.id.into(), Value::Blob(&digest)],
            |row| {
                Ok((
                    (
                        row.text_or_empty(0)?,
                        step_of(row.int(1)?),
                        row.real(2)?,
                        row.real(3)?,
                    ),
                    row.flag(4)?,
                ))
            },
        )?
        };
        if before.is_none() && adding == Adding::OnlyTracked {
            outcomes.push(Upserted::Unchanged);
            continue;
        }
        if let Some((_, true)) = before {
            db.write(
                "UPDATE tracked SET last_checked = ?3, deleted_upstream = 0, last_error = NULL
                 WHERE profile = ?1 AND id = ?2",
                &[profile.into(), a.id.into(), at_text.as_str().into()],
            )?;
            outcomes.push(Upserted::Unchanged);
            continue;
        }
        let before = before.map(|(comparable, _)| comparable);
        let now = (a.status.as_str().to_owned(), a.step, skill, adequation);
        let outcome = match &before {
            None => Upserted::New,
            // A row typed in to track has no data yet: its first fetch is not a change.
            Some((status, ..)) if status.is_empty() => Upserted::New,
            Some(b) if *b == now => Upserted::Unchanged,
            Some(_) => Upserted::Changed,
        };
        write_facts(db, profile, a, &at_text, outcome == Upserted::Changed)?;
        db.write(
            "INSERT INTO received (profile, id, raw_json, raw_digest) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (profile, id) DO UPDATE SET
               raw_json = excluded.raw_json, raw_digest = excluded.raw_digest",
            &[
                profile.into(),
                a.id.into(),
                r.raw.get().into(),
                Value::Blob(&digest),
            ],
        )?;
        if outcome != Upserted::Unchanged {
            db.write(
                "INSERT INTO snapshots (profile, id, taken_at, status, step, skill, adequation, recruiter)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                &[
                    profile.into(),
                    a.id.into(),
                    at_text.as_str().into(),
                    a.status.as_str().into(),
                    a.step.into(),
                    skill.into(),
                    adequation.into(),
                    a.recruiter_score.as_ref().and_then(|s| s.value()).into(),
                ],
            )?;
        }
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

/// What a shortlist and a comparison read besides status and scores, from the applicant
/// received: written by every upsert, and by migration 5 for what was received before it.
struct Facts {
    created: Option<String>,
    finished: Option<String>,
    recruiter: Option<f64>,
    answers: Answers,
}

impl Facts {
    fn of(a: &Applicant) -> Facts {
        let time = |t: Option<DateTime<Utc>>| t.map(|t| t.to_rfc3339());
        Facts {
            created: time(a.created_at),
            finished: time(a.finished_at),
            recruiter: a.recruiter_score.as_ref().and_then(|s| s.value()),
            answers: Answers::of(a),
        }
    }

    /// In the order of the columns `created_at` … `case_seconds`.
    fn values(&self) -> [Value<'_>; 8] {
        [
            self.created.as_deref().into(),
            self.finished.as_deref().into(),
            self.recruiter.into(),
            self.answers.quizz.into(),
            self.answers.cases.into(),
            self.answers.polls.into(),
            self.answers.gibberish.into(),
            self.answers.case_seconds.into(),
        ]
    }
}

/// The columns a table, a shortlist and a comparison read, from the applicant received.
fn write_facts(
    db: &mut dyn Db,
    profile: &str,
    a: &Applicant,
    checked_at: &str,
    changed: bool,
) -> Result<(), StoreError> {
    let facts = Facts::of(a);
    let updated = a.updated_at.map(|t| t.to_rfc3339());
    let name = a.display_name();
    let mut params: Vec<Value<'_>> = vec![
        profile.into(),
        a.id.into(),
        a.email.as_str().into(),
        name.as_str().into(),
        a.code.as_deref().unwrap_or_default().into(),
        a.opening_id.into(),
        a.status.as_str().into(),
        a.step.into(),
        a.skill_score.as_ref().and_then(|s| s.value()).into(),
        a.adequation_score.as_ref().and_then(|s| s.value()).into(),
        updated.as_deref().into(),
        checked_at.into(),
        changed.into(),
    ];
    params.extend(facts.values());
    db.write(WRITE, &params)?;
    Ok(())
}

/// Migration 5: the new columns filled from the JSON already received (the next refresh of
/// an unchanged applicant writes nothing but its check time). Nothing else is rewritten.
pub(super) fn fill_answers(db: &mut dyn Db) -> Result<(), StoreError> {
    let received = sql::rows(db, "SELECT profile, id, raw_json FROM received", &[], |r| {
        Ok((r.text_or_empty(0)?, r.id(1)?, r.text_or_empty(2)?))
    })?;
    for (profile, id, raw) in received {
        let Ok(a) = serde_json::from_str::<Applicant>(&raw) else {
            continue;
        };
        let facts = Facts::of(&a);
        let mut params: Vec<Value<'_>> = vec![profile.as_str().into(), id.into()];
        params.extend(facts.values());
        db.execute(
            "UPDATE tracked SET created_at = ?3, finished_at = ?4, recruiter = ?5, quizz_answers = ?6,
               case_answers = ?7, poll_answers = ?8, gibberish = ?9, case_seconds = ?10
             WHERE profile = ?1 AND id = ?2",
            &params,
        )?;
    }
    Ok(())
}
