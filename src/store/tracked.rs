//! Tracked applicants: who is tracked, the marks a refresh leaves (checked, deleted upstream,
//! failed, seen), and reading them back with what the recruiter decided of each.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::received::Adding;
use super::sql::{self, Engine, Row};
use super::{
    Answers, Decision, Seldom, Snapshot, Store, StoreError, TrackedApplicant, Upserted, parse_time,
    row::status_parts,
};
use crate::api::ApplicantResponse;

impl Store {
    /// Records what was received for each applicant, in one transaction. A new snapshot is
    /// written when status, step or scores differ from the last one.
    pub fn upsert(
        &mut self,
        profile: &str,
        received: &[ApplicantResponse],
        at: DateTime<Utc>,
    ) -> Result<Vec<Upserted>, StoreError> {
        sql::transaction(self.db(), |db| {
            super::received::upsert(db, profile, received, at, Adding::Anyone)
        })
    }

    /// What a refresh received: the same as [`upsert`](Self::upsert), but an applicant no
    /// longer tracked (untracked or forgotten while the refresh ran) is not written back.
    pub fn refreshed(
        &mut self,
        profile: &str,
        received: &[ApplicantResponse],
        at: DateTime<Utc>,
    ) -> Result<Vec<Upserted>, StoreError> {
        sql::transaction(self.db(), |db| {
            super::received::upsert(db, profile, received, at, Adding::OnlyTracked)
        })
    }

    /// Starts tracking an ID typed in; its data comes with the next refresh.
    pub fn track_ids(&mut self, profile: &str, ids: &[u64]) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        // One statement for all of them (a refresh of 100,000 tracks what it asks for).
        let list = ids.iter().map(u64::to_string).collect::<Vec<_>>().join(",");
        let db = self.db();
        match db.engine() {
            Engine::Sqlite => db.execute(
                "INSERT INTO tracked (profile, id) SELECT ?1, value FROM json_each(?2) WHERE true
                 ON CONFLICT (profile, id) DO NOTHING",
                &[profile.into(), format!("[{list}]").as_str().into()],
            )?,
            Engine::Postgres => db.execute(
                "INSERT INTO tracked (profile, id) SELECT ?1, unnest(string_to_array(?2, ',')::BIGINT[])
                 ON CONFLICT (profile, id) DO NOTHING",
                &[profile.into(), list.as_str().into()],
            )?,
        };
        Ok(())
    }

    /// Stops tracking: the applicant and their history go; what the recruiter noted and
    /// decided stays (forget removes that too).
    pub fn untrack(&mut self, profile: &str, ids: &[u64]) -> Result<usize, StoreError> {
        sql::transaction(self.db(), |db| {
            let mut removed = 0;
            for id in ids {
                let key = [profile.into(), (*id).into()];
                removed +=
                    db.execute("DELETE FROM tracked WHERE profile = ?1 AND id = ?2", &key)?;
                db.execute("DELETE FROM snapshots WHERE profile = ?1 AND id = ?2", &key)?;
                db.execute("DELETE FROM received WHERE profile = ?1 AND id = ?2", &key)?;
            }
            Ok(removed as usize)
        })
    }

    /// The digests of the tracked applicants' JSON as last received (none for an applicant
    /// never fetched, or last written before digests were kept).
    pub fn raw_digests(&mut self, profile: &str) -> Result<HashMap<u64, u128>, StoreError> {
        let mut digests = HashMap::new();
        self.db().query(
            "SELECT id, raw_digest FROM received WHERE profile = ?1 AND raw_digest IS NOT NULL",
            &[profile.into()],
            &mut |r| {
                if let Some(digest) = r.blob(1)?
                    && let Ok(digest) = <[u8; 16]>::try_from(digest.as_slice())
                {
                    digests.insert(r.id(0)?, u128::from_le_bytes(digest));
                }
                Ok(())
            },
        )?;
        Ok(digests)
    }

    /// These came back exactly as last received: only the time of the check is written (and
    /// an earlier error or 404 is cleared).
    pub fn mark_checked(
        &mut self,
        profile: &str,
        ids: &[u64],
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        if ids.is_empty() {
            return Ok(());
        }
        // One statement for the whole batch, not one per applicant.
        let list = ids.iter().map(u64::to_string).collect::<Vec<_>>().join(",");
        let at = at.to_rfc3339();
        let db = self.db();
        match db.engine() {
            Engine::Sqlite => db.execute(
                "UPDATE tracked SET last_checked = ?3, deleted_upstream = 0, last_error = NULL
                 WHERE profile = ?1 AND id IN (SELECT value FROM json_each(?2))",
                &[
                    profile.into(),
                    format!("[{list}]").as_str().into(),
                    at.as_str().into(),
                ],
            )?,
            Engine::Postgres => db.execute(
                "UPDATE tracked SET last_checked = ?3, deleted_upstream = 0, last_error = NULL
                 WHERE profile = ?1 AND id = ANY (string_to_array(?2, ',')::BIGINT[])",
                &[profile.into(), list.as_str().into(), at.as_str().into()],
            )?,
        };
        Ok(())
    }

    /// The API answered 404 for these: kept, marked as deleted upstream.
    pub fn mark_deleted_upstream(
        &mut self,
        profile: &str,
        ids: &[u64],
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let at = at.to_rfc3339();
        sql::transaction(self.db(), |db| {
            for id in ids {
                db.execute(
                    "UPDATE tracked SET deleted_upstream = 1, last_checked = ?3, last_error = NULL WHERE profile = ?1 AND id = ?2",
                    &[profile.into(), (*id).into(), at.as_str().into()],
                )?;
            }
            Ok(())
        })
    }

    pub fn mark_failed(
        &mut self,
        profile: &str,
        failures: &[(u64, String)],
    ) -> Result<(), StoreError> {
        sql::transaction(self.db(), |db| {
            for (id, reason) in failures {
                db.execute(
                    "UPDATE tracked SET last_error = ?3 WHERE profile = ?1 AND id = ?2",
                    &[profile.into(), (*id).into(), reason.into()],
                )?;
            }
            Ok(())
        })
    }

    /// The recruiter has seen these: clear "changed".
    pub fn mark_seen(&mut self, profile: &str, ids: &[u64]) -> Result<(), StoreError> {
        sql::transaction(self.db(), |db| {
            for id in ids {
                db.execute(
                    "UPDATE tracked SET changed = 0 WHERE profile = ?1 AND id = ?2",
                    &[profile.into(), (*id).into()],
                )?;
            }
            Ok(())
        })
    }

    pub fn tracked(&mut self, profile: &str) -> Result<Vec<TrackedApplicant>, StoreError> {
        self.tracked_rows(profile, true)
    }

    /// The tracked applicants without the JSON as received (`raw_json` is `None`): what a
    /// table needs, at a fraction of the memory (100,000 rows hold about 100 MB of JSON).
    pub fn tracked_summary(&mut self, profile: &str) -> Result<Vec<TrackedApplicant>, StoreError> {
        self.tracked_rows(profile, false)
    }

    /// One applicant's JSON as last received.
    pub fn raw_json(&mut self, profile: &str, id: u64) -> Result<Option<String>, StoreError> {
        Ok(sql::first(
            self.db(),
            "SELECT raw_json FROM received WHERE profile = ?1 AND id = ?2",
            &[profile.into(), id.into()],
            |r| r.text(0),
        )?
        .flatten())
    }

    fn tracked_rows(
        &mut self,
        profile: &str,
        with_json: bool,
    ) -> Result<Vec<TrackedApplicant>, StoreError> {
        let mut tags: HashMap<u64, Vec<String>> = HashMap::new();
        self.db().query(
            "SELECT id, tag FROM tags WHERE profile = ?1 ORDER BY id, tag",
            &[profile.into()],
            &mut |r| {
                tags.entry(r.id(0)?).or_default().push(r.text_or_empty(1)?);
                Ok(())
            },
        )?;
        let sql = if with_json {
            "SELECT t.id, t.email, t.name, t.code, t.opening_id, t.status, t.step, t.skill, t.adequation, t.updated_at, t.last_checked, t.changed, t.deleted_upstream, t.last_error,
                    t.created_at, t.finished_at, t.recruiter, t.quizz_answers, t.case_answers, t.poll_answers, t.gibberish, t.case_seconds, a.rating, a.decision, r.raw_json
             FROM tracked t
             LEFT JOIN assessments a ON a.profile = t.profile AND a.id = t.id
             LEFT JOIN received r ON r.profile = t.profile AND r.id = t.id
             WHERE t.profile = ?1 ORDER BY t.id"
        } else {
            "SELECT t.id, t.email, t.name, t.code, t.opening_id, t.status, t.step, t.skill, t.adequation, t.updated_at, t.last_checked, t.changed, t.deleted_upstream, t.last_error,
                    t.created_at, t.finished_at, t.recruiter, t.quizz_answers, t.case_answers, t.poll_answers, t.gibberish, t.case_seconds, a.rating, a.decision, NULL
             FROM tracked t
             LEFT JOIN assessments a ON a.profile = t.profile AND a.id = t.id
             WHERE t.profile = ?1 ORDER BY t.id"
        };
        let mut out = sql::rows(self.db(), sql, &[profile.into()], tracked_from_row)?;
        for row in &mut out {
            if let Some(tags) = tags.remove(&row.id) {
                row.seldom.get_or_insert_default().tags = tags;
            }
        }
        Ok(out)
    }

    pub fn tracked_ids(&mut self, profile: &str) -> Result<Vec<u64>, StoreError> {
        sql::rows(
            self.db(),
            "SELECT id FROM tracked WHERE profile = ?1 ORDER BY id",
            &[profile.into()],
            |r| r.id(0),
        )
    }

    /// The tracked applicants that may still move: not scored, rejected or hired, and not
    /// deleted upstream (an ID typed in and never fetched is among them).
    pub fn unfinished_ids(&mut self, profile: &str) -> Result<Vec<u64>, StoreError> {
        sql::rows(
            self.db(),
            "SELECT id FROM tracked WHERE profile = ?1 AND deleted_upstream = 0
               AND COALESCE(status, '') NOT IN ('SCORED', 'REJECTED', 'HIRED') ORDER BY id",
            &[profile.into()],
            |r| r.id(0),
        )
    }

    /// Each tracked applicant's status as last received ("" before the first fetch). The
    /// few statuses there are are shared, not copied for each applicant: a run over a large
    /// record holds this map from start to end.
    pub fn statuses(&mut self, profile: &str) -> Result<HashMap<u64, Arc<str>>, StoreError> {
        let mut statuses = HashMap::new();
        // Looked up by hash: a server that sent every applicant a status of its own costs a
        // copy each, never a search through all the others.
        let mut words: HashSet<Arc<str>> = HashSet::new();
        self.db().query(
            "SELECT id, status FROM tracked WHERE profile = ?1",
            &[profile.into()],
            &mut |r| {
                let status = r.text_or_empty(1)?;
                let word = match words.get(status.as_str()) {
                    Some(word) => word.clone(),
                    None => {
                        let word: Arc<str> = status.into();
                        words.insert(word.clone());
                        word
                    }
                };
                statuses.insert(r.id(0)?, word);
                Ok(())
            },
        )?;
        Ok(statuses)
    }

    pub fn history(&mut self, profile: &str, id: u64) -> Result<Vec<Snapshot>, StoreError> {
        sql::rows(
            self.db(),
            "SELECT taken_at, status, step, skill, adequation, recruiter FROM snapshots
             WHERE profile = ?1 AND id = ?2 ORDER BY taken_at, rowid",
            &[profile.into(), id.into()],
            |r| {
                Ok(Snapshot {
                    taken_at: parse_time(r.text(0)?).unwrap_or_default(),
                    status: r.text_or_empty(1)?,
                    step: step_of(r.int(2)?),
                    skill: r.real(3)?,
                    adequation: r.real(4)?,
                    recruiter: r.real(5)?,
                })
            },
        )
    }
}

pub(super) fn step_of(v: Option<i64>) -> Option<u32> {
    v.and_then(|v| u32::try_from(v).ok())
}

fn count_of(v: Option<i64>) -> u32 {
    v.and_then(|v| u32::try_from(v).ok()).unwrap_or(0)
}

fn tracked_from_row(r: &dyn Row) -> Result<TrackedApplicant, StoreError> {
    let (status, other_status) = status_parts(r.text_or_empty(5)?);
    Ok(TrackedApplicant {
        id: r.id(0)?,
        email: r.text_or_empty(1)?.into(),
        name: r.text_or_empty(2)?.into(),
        code: r.text_or_empty(3)?.into(),
        opening_id: r.int(4)?.map(i64::unsigned_abs),
        status,
        step: step_of(r.int(6)?),
        skill: r.real(7)?.into(),
        adequation: r.real(8)?.into(),
        updated_at: parse_time(r.text(9)?).into(),
        last_checked: parse_time(r.text(10)?).into(),
        changed: r.flag(11)?,
        deleted_upstream: r.flag(12)?,
        created_at: parse_time(r.text(14)?).into(),
        finished_at: parse_time(r.text(15)?).into(),
        recruiter: r.real(16)?.into(),
        answers: Answers {
            quizz: count_of(r.int(17)?),
            cases: count_of(r.int(18)?),
            polls: count_of(r.int(19)?),
            gibberish: count_of(r.int(20)?),
            case_seconds: count_of(r.int(21)?),
        },
        rating: r.int(22)?.and_then(|v| u8::try_from(v).ok()),
        decision: r.text(23)?.map_or(Decision::None, |d| Decision::parse(&d)),
        seldom: Seldom {
            raw_json: r.text(24)?,
            last_error: r.text(13)?,
            tags: Vec::new(),
            status: other_status,
        }
        .boxed(),
    })
}
