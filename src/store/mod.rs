//! The app's own record, in SQLite: every applicant a profile touched (the API cannot list
//! them), a snapshot each time one's status or scores change, and the invite log. Never a key.

pub mod bulk;
pub mod export;
mod worker;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use crate::api::{Applicant, ApplicantResponse};

pub use worker::StoreHandle;

/// Schema changes, in order; `PRAGMA user_version` says how many have run.
const MIGRATIONS: &[&str] = &[
    // 1: tracked applicants and their history.
    "CREATE TABLE tracked (
        profile TEXT NOT NULL,
        id INTEGER NOT NULL,
        email TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL DEFAULT '',
        code TEXT NOT NULL DEFAULT '',
        opening_id INTEGER,
        status TEXT NOT NULL DEFAULT '',
        step INTEGER,
        skill REAL,
        adequation REAL,
        updated_at TEXT,
        last_checked TEXT,
        raw_json TEXT,
        PRIMARY KEY (profile, id)
     );
     CREATE TABLE snapshots (
        profile TEXT NOT NULL,
        id INTEGER NOT NULL,
        taken_at TEXT NOT NULL,
        status TEXT NOT NULL,
        step INTEGER,
        skill REAL,
        adequation REAL,
        recruiter REAL
     );
     CREATE INDEX snapshots_by_applicant ON snapshots (profile, id, taken_at);",
    // 2: change tracking for "changed since last look", upstream deletions, the invite log.
    "ALTER TABLE tracked ADD COLUMN changed INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE tracked ADD COLUMN deleted_upstream INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE tracked ADD COLUMN last_error TEXT;
     CREATE TABLE invite_log (
        profile TEXT NOT NULL,
        at TEXT NOT NULL,
        email TEXT NOT NULL,
        opening TEXT NOT NULL,
        outcome TEXT NOT NULL,
        applicant_id INTEGER,
        code TEXT,
        detail TEXT
     );
     CREATE INDEX invite_log_by_email ON invite_log (profile, email, opening);",
    // 3: bulk invite jobs, each row's state written before and after its request.
    "CREATE TABLE bulk_jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        profile TEXT NOT NULL,
        source TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        finished_at TEXT
     );
     CREATE TABLE bulk_rows (
        job_id INTEGER NOT NULL REFERENCES bulk_jobs (id),
        row_no INTEGER NOT NULL,
        email TEXT NOT NULL,
        opening TEXT NOT NULL,
        first_name TEXT,
        last_name TEXT,
        state TEXT NOT NULL,
        applicant_id INTEGER,
        code TEXT,
        detail TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (job_id, row_no)
     );
     CREATE INDEX bulk_rows_by_state ON bulk_rows (job_id, state);",
    // 4: the JSON as received moves to a table of its own, with a digest of it. A refresh
    // tells "the same again" from the digest alone (filled on the next write), and marking
    // an applicant checked rewrites a row of a hundred bytes instead of one that carries a
    // kilobyte or more of JSON (and loading the table no longer steps over it).
    "CREATE TABLE received (
        profile TEXT NOT NULL,
        id INTEGER NOT NULL,
        raw_json TEXT NOT NULL,
        raw_digest BLOB,
        PRIMARY KEY (profile, id)
     );
     INSERT INTO received (profile, id, raw_json)
        SELECT profile, id, raw_json FROM tracked WHERE raw_json IS NOT NULL;
     ALTER TABLE tracked DROP COLUMN raw_json;",
];

pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("The local database failed: {0}.")]
    Sqlite(String),
    #[error("The local database at {path} could not be opened: {reason}.")]
    Open { path: String, reason: String },
    #[error("The local database is busy with other work; try again.")]
    Closed,
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError::Sqlite(e.to_string())
    }
}

/// One row of the Applicants table: the columns it sorts on, and the JSON as received.
#[derive(Clone, Debug, PartialEq)]
pub struct TrackedApplicant {
    pub id: u64,
    pub email: String,
    pub name: String,
    pub code: String,
    pub opening_id: Option<u64>,
    pub status: String,
    pub step: Option<u32>,
    pub skill: Option<f64>,
    pub adequation: Option<f64>,
    pub updated_at: Option<DateTime<Utc>>,
    pub last_checked: Option<DateTime<Utc>>,
    /// `None` until the first fetch (an ID typed in to track).
    pub raw_json: Option<String>,
    /// Status or scores changed since the user last looked.
    pub changed: bool,
    pub deleted_upstream: bool,
    pub last_error: Option<String>,
}

impl TrackedApplicant {
    /// The full applicant, decoded from what was received.
    pub fn applicant(&self) -> Option<Applicant> {
        serde_json::from_str(self.raw_json.as_deref()?).ok()
    }
}

/// A point in an applicant's history.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    pub taken_at: DateTime<Utc>,
    pub status: String,
    pub step: Option<u32>,
    pub skill: Option<f64>,
    pub adequation: Option<f64>,
    pub recruiter: Option<f64>,
}

/// What happened to one applicant in an upsert.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Upserted {
    New,
    Changed,
    Unchanged,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InviteOutcome {
    Created { id: u64, code: String },
    AlreadyInvited,
    Failed(String),
}

pub struct Store {
    conn: Connection,
}

/// The digest of an applicant's JSON as received (xxh3, 128 bits): equal digests mean the
/// server sent the same bytes again.
pub fn raw_digest(raw: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(raw.as_bytes())
}

/// What decides whether an applicant changed: status, step and the two scores.
type Comparable = (String, Option<u32>, Option<f64>, Option<f64>);

/// What opening found, for telling the user.
pub struct Opened {
    pub store: Store,
    /// Set when a damaged file was moved aside and a new one started.
    pub recovered: Option<String>,
}

impl Store {
    /// `tracked.sqlite` in the data directory (`--data-dir`, or the platform's).
    pub fn default_path(data_dir: Option<&Path>) -> Option<PathBuf> {
        let dir = match data_dir {
            Some(dir) => dir.to_path_buf(),
            None => directories::ProjectDirs::from("com", "RickRut", "rickrut-dashboard")?
                .data_dir()
                .to_path_buf(),
        };
        Some(dir.join("tracked.sqlite"))
    }

    /// Opens (creating and migrating) the database. A damaged file is moved aside with a
    /// timestamp and a new one is created; `recovered` says so in words.
    pub fn open(path: &Path) -> Result<Opened, StoreError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::Open {
                path: path.display().to_string(),
                reason: e.to_string(),
            })?;
        }
        match Store::open_checked(path) {
            Ok(store) => Ok(Opened {
                store,
                recovered: None,
            }),
            Err(first) if path.exists() => {
                let stamp = Utc::now().format("%Y%m%d-%H%M%S");
                let aside = path.with_extension(format!("damaged-{stamp}.sqlite"));
                std::fs::rename(path, &aside).map_err(|e| StoreError::Open {
                    path: path.display().to_string(),
                    reason: format!("{first}; moving it aside failed too: {e}"),
                })?;
                for suffix in ["-wal", "-shm"] {
                    let side = PathBuf::from(format!("{}{suffix}", path.display()));
                    let _ = std::fs::remove_file(side);
                }
                let store = Store::open_checked(path)?;
                Ok(Opened {
                    store,
                    recovered: Some(format!(
                        "The local database was damaged ({first}). It was moved to {} and a new one was started; applicants will be tracked again as you look them up.",
                        aside.display()
                    )),
                })
            }
            Err(e) => Err(e),
        }
    }

    fn open_checked(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|e| StoreError::Open {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        let check: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| StoreError::Open {
                path: path.display().to_string(),
                reason: e.to_string(),
            })?;
        if check != "ok" {
            return Err(StoreError::Open {
                path: path.display().to_string(),
                reason: check,
            });
        }
        let mut store = Store { conn };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    pub fn open_in_memory() -> Result<Store, StoreError> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    fn configure(&mut self) -> Result<(), StoreError> {
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        self.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(())
    }

    /// Runs the migrations not yet applied, each in its own transaction.
    pub fn migrate(&mut self) -> Result<(), StoreError> {
        self.migrate_to(SCHEMA_VERSION)
    }

    /// Up to `target` only (tests build older schemas with it).
    pub fn migrate_to(&mut self, target: usize) -> Result<(), StoreError> {
        let current: usize = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))?
            .try_into()
            .unwrap_or(0);
        for (i, sql) in MIGRATIONS.iter().enumerate().take(target).skip(current) {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Caps the database file at this many pages, the way a full disk would: writes past it
    /// fail with SQLite's "database or disk is full". Tests use it to prove a full disk loses
    /// nothing already stored.
    pub fn set_max_page_count(&self, pages: u64) -> Result<(), StoreError> {
        self.conn
            .pragma_update(None, "max_page_count", pages as i64)?;
        Ok(())
    }

    pub fn page_count(&self) -> Result<u64, StoreError> {
        let n: i64 = self
            .conn
            .pragma_query_value(None, "page_count", |r| r.get(0))?;
        Ok(n.unsigned_abs())
    }

    pub fn schema_version(&self) -> Result<usize, StoreError> {
        let v: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        Ok(usize::try_from(v).unwrap_or(0))
    }

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

    pub fn log_invite(
        &mut self,
        profile: &str,
        email: &str,
        opening: &str,
        outcome: &InviteOutcome,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let (kind, id, code, detail) = match outcome {
            InviteOutcome::Created { id, code } => {
                ("created", Some(*id as i64), Some(code.as_str()), None)
            }
            InviteOutcome::AlreadyInvited => ("already_invited", None, None, None),
            InviteOutcome::Failed(why) => ("failed", None, None, Some(why.as_str())),
        };
        self.conn.execute(
            "INSERT INTO invite_log (profile, at, email, opening, outcome, applicant_id, code, detail)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![profile, at.to_rfc3339(), email.trim().to_lowercase(), opening.trim(), kind, id, code, detail],
        )?;
        Ok(())
    }

    /// Whether this email was already invited to this opening by this profile.
    pub fn was_invited(
        &self,
        profile: &str,
        email: &str,
        opening: &str,
    ) -> Result<bool, StoreError> {
        let found: Option<i64> = self
            .conn
            .query_row(
                "SELECT 1 FROM invite_log WHERE profile = ?1 AND email = ?2 AND opening = ?3 AND outcome IN ('created', 'already_invited') LIMIT 1",
                params![profile, email.trim().to_lowercase(), opening.trim()],
                |r| r.get(0),
            )
            .optional()?;
        Ok(found.is_some())
    }
}

fn parse_time(text: Option<String>) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.as_deref()?)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
