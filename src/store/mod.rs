//! The app's own record: every applicant a profile touched (the API cannot list them), a
//! snapshot each time one's status or scores change, the invite log, bulk invite jobs, the
//! openings' names and what the recruiter decided. SQLite by default, through one interface
//! (`sql.rs`) every method is written against. Never a key.

mod access;
mod assessments;
pub mod bulk;
mod claims;
mod error;
pub mod export;
mod invites;
mod openings;
mod postgres;
mod received;
pub mod results;
mod row;
mod schema;
mod sql;
mod sqlite;
pub mod team;
mod tracked;
mod worker;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::t;

pub use access::ReadOnly;
pub use assessments::{Decision, Note};
pub use error::StoreError;
pub use invites::{InviteKey, InviteOutcome};
pub use openings::Opening;
use postgres::Postgres;
pub use postgres::TeamDb;
use row::Seldom;
pub use row::{Answers, Moment, Score, TrackedApplicant};
use schema::MIGRATIONS;
pub use schema::SCHEMA_VERSION;
use sql::{Db, Engine};
use sqlite::Sqlite;
pub use worker::StoreHandle;

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

/// Which engine holds the record.
enum Backend {
    Sqlite(Sqlite),
    /// The team database, with where it is (to connect again after a dropped connection)
    /// and when that was last tried.
    Postgres(Box<Postgres>, TeamDb, Option<std::time::Instant>),
}

pub struct Store {
    db: Backend,
    /// Set when nothing may be written (see `access.rs`).
    read_only: Option<ReadOnly>,
}

/// The digest of an applicant's JSON as received (xxh3, 128 bits): equal digests mean the
/// server sent the same bytes again.
pub fn raw_digest(raw: &str) -> u128 {
    xxhash_rust::xxh3::xxh3_128(raw.as_bytes())
}

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

    /// Opens (creating and migrating) the database. A file SQLite calls corrupt is moved
    /// aside with a timestamp (its `-wal` and `-shm` beside it, untouched) and a new one is
    /// created; `recovered` says so in words. Any other failure — a full disk, a file that
    /// cannot be read — leaves the file as it is and says why: the record is never given up
    /// for a problem that is not in it.
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
            Err(StoreError::Corrupt { detail }) if path.exists() => {
                let stamp = Utc::now().format("%Y%m%d-%H%M%S");
                let aside = path.with_extension(format!("damaged-{stamp}.sqlite"));
                let side =
                    |p: &Path, suffix: &str| PathBuf::from(format!("{}{suffix}", p.display()));
                std::fs::rename(path, &aside).map_err(|e| StoreError::Open {
                    path: path.display().to_string(),
                    reason: format!("it is damaged ({detail}); moving it aside failed too: {e}"), // not for people: details
                })?;
                for suffix in ["-wal", "-shm"] {
                    let from = side(path, suffix);
                    if from.exists()
                        && let Err(e) = std::fs::rename(&from, side(&aside, suffix))
                    {
                        tracing::warn!("could not move {} aside: {e}", from.display());
                    }
                }
                let store = Store::open_checked(path)?;
                tracing::warn!("the local record was set aside as damaged: {detail}");
                Ok(Opened {
                    store,
                    recovered: Some(t!(
                        "errors-record-moved-aside",
                        path = aside.display().to_string()
                    )),
                })
            }
            Err(e) => Err(e),
        }
    }

    fn open_checked(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|e| match StoreError::from(e) {
            StoreError::Sqlite(reason) => StoreError::Open {
                path: path.display().to_string(),
                reason,
            },
            other => other,
        })?;
        let check: String = conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(StoreError::from)?;
        if check != "ok" {
            return Err(StoreError::Corrupt { detail: check });
        }
        let mut store = Store {
            db: Backend::Sqlite(Sqlite { conn }),
            read_only: None,
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    pub fn open_in_memory() -> Result<Store, StoreError> {
        let mut store = Store {
            db: Backend::Sqlite(Sqlite {
                conn: Connection::open_in_memory()?,
            }),
            read_only: None,
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// The local SQLite connection (pragmas have no team counterpart).
    fn sqlite(&self) -> Result<&Connection, StoreError> {
        match &self.db {
            Backend::Sqlite(db) => Ok(&db.conn),
            Backend::Postgres(..) => Err(StoreError::Team(
                "this is a SQLite setting; the team database has none".into(),
            )),
        }
    }

    fn configure(&mut self) -> Result<(), StoreError> {
        let Backend::Sqlite(Sqlite { conn }) = &mut self.db else {
            return Ok(());
        };
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // Every commit reaches the disk before it returns: a bulk row marked `sending` is
        // never lost to a power cut after its request left, so a restart cannot send it
        // twice (with NORMAL, WAL commits wait for the next checkpoint's sync).
        conn.pragma_update(None, "synchronous", "FULL")?;
        // A savepoint's undo pages (one per bulk row, inside the group's transaction) stay in
        // memory instead of a temporary file: they are never needed after a crash, since the
        // WAL alone decides what was committed.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(())
    }

    /// The database, whichever engine it is.
    fn db(&mut self) -> &mut dyn Db {
        match &mut self.db {
            Backend::Sqlite(db) => db,
            Backend::Postgres(db, ..) => &mut **db,
        }
    }

    /// Runs the migrations not yet applied, each in its own transaction.
    pub fn migrate(&mut self) -> Result<(), StoreError> {
        self.migrate_to(SCHEMA_VERSION)
    }

    /// Up to `target` only (tests build older schemas with it).
    pub fn migrate_to(&mut self, target: usize) -> Result<(), StoreError> {
        let current = self.schema_version()?;
        if current > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                found: current,
                known: SCHEMA_VERSION,
            });
        }
        for (i, change) in MIGRATIONS.iter().enumerate().take(target).skip(current) {
            let engine = self.db().engine();
            let sql = schema::render(change, engine);
            sql::transaction(self.db(), |db| {
                if engine == Engine::Postgres {
                    // Two instances starting at once: the second waits here, then finds the
                    // change made.
                    db.batch(&format!(
                        "SELECT pg_advisory_xact_lock({})",
                        team::MIGRATION_LOCK
                    ))?;
                    if schema::version(db)? > i {
                        return Ok(());
                    }
                }
                db.batch(&sql)?;
                if i + 1 == 5 {
                    received::fill_answers(db)?;
                    openings::learn_from_invite_log(db)?;
                }
                schema::set_version(db, i + 1)
            })?;
        }
        Ok(())
    }

    /// Caps the database file at this many pages, the way a full disk would: writes past it
    /// fail with SQLite's "database or disk is full". Tests use it to prove a full disk loses
    /// nothing already stored.
    pub fn set_max_page_count(&self, pages: u64) -> Result<(), StoreError> {
        self.sqlite()?
            .pragma_update(None, "max_page_count", pages as i64)?;
        Ok(())
    }

    pub fn page_count(&self) -> Result<u64, StoreError> {
        let n: i64 = self
            .sqlite()?
            .pragma_query_value(None, "page_count", |r| r.get(0))?;
        Ok(n.unsigned_abs())
    }

    /// How commits reach the disk: the journal mode and SQLite's `synchronous` level (2 is
    /// FULL: a commit, such as a bulk row's "sending" mark, is on the disk when it returns).
    pub fn durability(&self) -> Result<(String, i64), StoreError> {
        let conn = self.sqlite()?;
        let journal: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0))?;
        let synchronous: i64 = conn.pragma_query_value(None, "synchronous", |r| r.get(0))?;
        Ok((journal, synchronous))
    }

    pub fn schema_version(&mut self) -> Result<usize, StoreError> {
        schema::version(self.db())
    }
}

pub(crate) fn parse_time(text: Option<String>) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.as_deref()?)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
