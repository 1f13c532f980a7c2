//! Tracked applicants: what was received for each, a snapshot each time one's status or
//! scores change, and the marks a refresh leaves (checked, deleted upstream, failed, seen).

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::{Snapshot, Store, StoreError, TrackedApplicant, Upserted, parse_time, raw_digest};
use crate::api::ApplicantResponse;

/// What decides whether an applicant changed: status, step and the two scores.
type Comparable = (String, Option<u32>, Option<f64>, Option<f64>);

impl Store {
    /// Records what was received for each applicant, in one transaction. A new snapshot is
    /// written when status, step or scores differ from the last one.
    pub fn upsert(
        &mut self,
        profile: &str,
        received: &[ApplicantResponse],
        at: DateTime<Utc>,
    ) -> Result<Vec<Upserted>, StoreError> {
        let tx = self.conn.transaction()?;
        let mut outcomes = Vec::with_capacity(received.len());
        {
            // What was there before, and whether the applicant came back byte for byte the
            // same (the everyday refresh): then only the time of the check is written.
            let mut previous = tx.prepare_cached(
                "SELECT t.status, t.step, t.skill, t.adequation, r.raw_digest IS ?3
                 FROM tracked t LEFT JOIN received r ON r.profile = t.profile AND r.id = t.id
                 WHERE t.profile = ?1 AND t.id = ?2",
            )?;
            let mut checked = tx.prepare_cached(
                "UPDATE tracked SET last_checked = ?3, deleted_upstream = 0, last_error = NULL
                 WHERE profile = ?1 AND id = ?2",
            )?;
            let mut write = tx.prepare_cached(
                "INSERT INTO tracked (profile, id, email, name, code, opening_id, status, step, skill, adequation, updated_at, last_checked, changed, deleted_upstream, last_error)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 0, NULL)
                 ON CONFLICT (profile, id) DO UPDATE SET
                   email = excluded.email, name = excluded.name, code = excluded.code,
                   opening_id = excluded.opening_id, status = excluded.status, step = excluded.step,
                   skill = excluded.skill, adequation = excluded.adequation,
                   updated_at = excluded.updated_at, last_checked = excluded.last_checked,
                   changed = CASE WHEN excluded.changed = 1 THEN 1 ELSE tracked.changed END,
                   deleted_upstream = 0, last_error = NULL",
            )?;
            let mut keep = tx.prepare_cached(
                "INSERT INTO received (profile, id, raw_json, raw_digest) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (profile, id) DO UPDATE SET
                   raw_json = excluded.raw_json, raw_digest = excluded.raw_digest",
            )?;
            let mut snapshot = tx.prepare_cached(
                "INSERT INTO snapshots (profile, id, taken_at, status, step, skill, adequation, recruiter)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            let at_text = at.to_rfc3339();
            for r in received {
                let a = &r.applicant;
                let skill = a.skill_score.as_ref().and_then(|s| s.value());
                let adequation = a.adequation_score.as_ref().and_then(|s| s.value());
                let digest = raw_digest(r.raw.get()).to_le_bytes();
                let before: Option<(Comparable, bool)> = previous
                    .query_row(params![profile, a.id as i64, digest], |row| {
                        Ok((
                            (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?),
                            row.get(4)?,
                        ))
                    })
                    .optional()?;
                if let Some((_, true)) = before {
                    checked.execute(params![profile, a.id as i64, at_text])?;
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
                write.execute(params![
                    profile,
                    a.id as i64,
                    a.email,
                    a.display_name(),
                    a.code.as_deref().unwrap_or_default(),
                    a.opening_id.map(|o| o as i64),
                    a.status.as_str(),
                    a.step,
                    skill,
                    adequation,
                    a.updated_at.map(|t| t.to_rfc3339()),
                    at_text,
                    i64::from(outcome == Upserted::Changed),
                ])?;
                keep.execute(params![profile, a.id as i64, r.raw.get(), digest])?;
                if outcome != Upserted::Unchanged {
                    snapshot.execute(params![
                        profile,
                        a.id as i64,
                        at_text,
                        a.status.as_str(),
                        a.step,
                        skill,
                        adequation,
                        a.recruiter_score.as_ref().and_then(|s| s.value()),
                    ])?;
                }
                outcomes.push(outcome);
            }
        }
        tx.commit()?;
        Ok(outcomes)
    }

    /// Starts tracking an ID typed in; its data comes with the next refresh.
    pub fn track_ids(&mut self, profile: &str, ids: &[u64]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        {
            let mut insert =
                tx.prepare_cached("INSERT OR IGNORE INTO tracked (profile, id) VALUES (?1, ?2)")?;
            for id in ids {
                insert.execute(params![profile, *id as i64])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    pub fn untrack(&mut self, profile: &str, ids: &[u64]) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        let mut removed = 0;
        {
            let mut delete =
                tx.prepare_cached("DELETE FROM tracked WHERE profile = ?1 AND id = ?2")?;
            let mut history =
                tx.prepare_cached("DELETE FROM snapshots WHERE profile = ?1 AND id = ?2")?;
            let mut received =
                tx.prepare_cached("DELETE FROM received WHERE profile = ?1 AND id = ?2")?;
            for id in ids {
                removed += delete.execute(params![profile, *id as i64])?;
                history.execute(params![profile, *id as i64])?;
                received.execute(params![profile, *id as i64])?;
            }
        }
        tx.commit()?;
        Ok(removed)
    }

    /// The digests of the tracked applicants' JSON as last received (none for an applicant
    /// never fetched, or last written before digests were kept).
    pub fn raw_digests(
        &self,
        profile: &str,
    ) -> Result<std::collections::HashMap<u64, u128>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, raw_digest FROM received WHERE profile = ?1 AND raw_digest IS NOT NULL",
        )?;
        let rows = stmt.query_map(params![profile], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?))
        })?;
        let mut digests = std::collections::HashMap::new();
        for row in rows {
            let (id, digest) = row?;
            if let Ok(digest) = <[u8; 16]>::try_from(digest.as_slice()) {
                digests.insert(id.unsigned_abs(), u128::from_le_bytes(digest));
            }
        }
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
        // One statement for the whole batch (the IDs as a JSON array), not one per applicant.
        let list = format!(
            "[{}]",
            ids.iter().map(u64::to_string).collect::<Vec<_>>().join(",")
        );
        self.conn
            .prepare_cached(
                "UPDATE tracked SET last_checked = ?3, deleted_upstream = 0, last_error = NULL
                 WHERE profile = ?1 AND id IN (SELECT value FROM json_each(?2))",
            )?
            .execute(params![profile, list, at.to_rfc3339()])?;
        Ok(())
    }

    /// The API answered 404 for these: kept, marked as deleted upstream.
    pub fn mark_deleted_upstream(
        &mut self,
        profile: &str,
        ids: &[u64],
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        {
            let mut mark = tx.prepare_cached(
                "UPDATE tracked SET deleted_upstream = 1, last_checked = ?3, last_error = NULL WHERE profile = ?1 AND id = ?2",
            )?;
            for id in ids {
                mark.execute(params![profile, *id as i64, at.to_rfc3339()])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    pub fn mark_failed(
        &mut self,
        profile: &str,
        failures: &[(u64, String)],
    ) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        {
            let mut mark = tx.prepare_cached(
                "UPDATE tracked SET last_error = ?3 WHERE profile = ?1 AND id = ?2",
            )?;
            for (id, reason) in failures {
                mark.execute(params![profile, *id as i64, reason])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The user has seen these: clear "changed".
    pub fn mark_seen(&mut self, profile: &str, ids: &[u64]) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        {
            let mut seen =
                tx.prepare_cached("UPDATE tracked SET changed = 0 WHERE profile = ?1 AND id = ?2")?;
            for id in ids {
                seen.execute(params![profile, *id as i64])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    pub fn tracked(&self, profile: &str) -> Result<Vec<TrackedApplicant>, StoreError> {
        self.tracked_rows(profile, true)
    }

    /// The tracked applicants without the JSON as received (`raw_json` is `None`): what a
    /// table needs, at a fraction of the memory (100,000 rows hold about 100 MB of JSON).
    pub fn tracked_summary(&self, profile: &str) -> Result<Vec<TrackedApplicant>, StoreError> {
        self.tracked_rows(profile, false)
    }

    /// One applicant's JSON as last received.
    pub fn raw_json(&self, profile: &str, id: u64) -> Result<Option<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT raw_json FROM received WHERE profile = ?1 AND id = ?2")?;
        let mut rows = stmt.query(params![profile, id as i64])?;
        match rows.next()? {
            Some(row) => Ok(row.get(0)?),
            None => Ok(None),
        }
    }

    fn tracked_rows(
        &self,
        profile: &str,
        with_json: bool,
    ) -> Result<Vec<TrackedApplicant>, StoreError> {
        let mut stmt = self.conn.prepare_cached(if with_json {
            "SELECT t.id, t.email, t.name, t.code, t.opening_id, t.status, t.step, t.skill, t.adequation, t.updated_at, t.last_checked, r.raw_json, t.changed, t.deleted_upstream, t.last_error
             FROM tracked t LEFT JOIN received r ON r.profile = t.profile AND r.id = t.id
             WHERE t.profile = ?1 ORDER BY t.id"
        } else {
            "SELECT id, email, name, code, opening_id, status, step, skill, adequation, updated_at, last_checked, NULL, changed, deleted_upstream, last_error
             FROM tracked WHERE profile = ?1 ORDER BY id"
        })?;
        let rows = stmt.query_map(params![profile], |r| {
            Ok(TrackedApplicant {
                id: r.get::<_, i64>(0)?.unsigned_abs(),
                email: r.get(1)?,
                name: r.get(2)?,
                code: r.get(3)?,
                opening_id: r.get::<_, Option<i64>>(4)?.map(i64::unsigned_abs),
                status: r.get(5)?,
                step: r.get(6)?,
                skill: r.get(7)?,
                adequation: r.get(8)?,
                updated_at: parse_time(r.get::<_, Option<String>>(9)?),
                last_checked: parse_time(r.get::<_, Option<String>>(10)?),
                raw_json: r.get(11)?,
                changed: r.get::<_, i64>(12)? != 0,
                deleted_upstream: r.get::<_, i64>(13)? != 0,
                last_error: r.get(14)?,
            })
        })?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::from)
    }

    pub fn tracked_ids(&self, profile: &str) -> Result<Vec<u64>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM tracked WHERE profile = ?1 ORDER BY id")?;
        let rows = stmt.query_map(params![profile], |r| r.get::<_, i64>(0))?;
        rows.map(|r| r.map(i64::unsigned_abs).map_err(StoreError::from))
            .collect()
    }

    pub fn history(&self, profile: &str, id: u64) -> Result<Vec<Snapshot>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT taken_at, status, step, skill, adequation, recruiter FROM snapshots
             WHERE profile = ?1 AND id = ?2 ORDER BY taken_at, rowid",
        )?;
        let rows = stmt.query_map(params![profile, id as i64], |r| {
            Ok(Snapshot {
                taken_at: parse_time(r.get::<_, Option<String>>(0)?).unwrap_or_default(),
                status: r.get(1)?,
                step: r.get(2)?,
                skill: r.get(3)?,
                adequation: r.get(4)?,
                recruiter: r.get(5)?,
            })
        })?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(StoreError::from)
    }
}
