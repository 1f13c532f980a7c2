//! The app's own record, in SQLite: every applicant a profile touched (the API cannot list
//! them), a snapshot each time one's status or scores change, and the invite log. Never a key.

pub mod bulk;
pub mod export;
mod invites;
mod schema;
mod tracked;
mod worker;

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::api::Applicant;

pub use invites::{InviteKey, InviteOutcome};
use schema::MIGRATIONS;
pub use schema::SCHEMA_VERSION;
pub use worker::StoreHandle;

/// What went wrong with the local record, in words; the SQLite text is kept for details.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "The local record could not be written: the disk is full (or not writable). Free some space, then try again."
    )]
    Full { detail: String },
    #[error(
        "The local record is damaged; close the app and open it again to set it aside and start a new one."
    )]
    Corrupt { detail: String },
    #[error(
        "The local record could not be read or written; try again, and if it happens again, copy the details into a report."
    )]
    Sqlite(String),
    #[error(
        "The local record at {path} could not be opened; check that its folder can be written to, or choose another data directory."
    )]
    Open { path: String, reason: String },
    #[error("The local record is busy with other work; try again.")]
    Closed,
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        let detail = e.to_string();
        match e.sqlite_error_code() {
            Some(C::DiskFull | C::SystemIoFailure | C::ReadOnly) => StoreError::Full { detail },
            Some(C::DatabaseCorrupt | C::NotADatabase) => StoreError::Corrupt { detail },
            _ => StoreError::Sqlite(detail),
        }
    }
}

impl StoreError {
    /// SQLite's own words, for details.
    pub fn technical(&self) -> Option<&str> {
        match self {
            StoreError::Full { detail } | StoreError::Corrupt { detail } => Some(detail),
            StoreError::Sqlite(detail) => Some(detail),
            StoreError::Open { reason, .. } => Some(reason),
            StoreError::Closed => None,
        }
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

pub struct Store {
    conn: Connection,
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
                    reason: format!("it is damaged ({detail}); moving it aside failed too: {e}"),
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
                    recovered: Some(format!(
                        "The local record was damaged, so it was moved to {} and a new one was started; applicants will be tracked again as you look them up.",
                        aside.display()
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
        // Every commit reaches the disk before it returns: a bulk row marked `sending` is
        // never lost to a power cut after its request left, so a restart cannot send it
        // twice (with NORMAL, WAL commits wait for the next checkpoint's sync).
        self.conn.pragma_update(None, "synchronous", "FULL")?;
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
}

pub(crate) fn parse_time(text: Option<String>) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.as_deref()?)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
