//! How the record is reached when it is a team's: the team database opened (read only when a
//! newer app changed its schema), connected again after a drop, and this computer's copy of
//! what it last read, opened read only while the database is out of reach. A record opened
//! read only refuses every write with one sentence that says why.

use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags};

use super::postgres::{Postgres, TeamDb};
use super::sqlite::Sqlite;
use super::{Backend, SCHEMA_VERSION, Store, StoreError, schema, team};

/// Why a record can be read but not written.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadOnly {
    /// A newer version of the app changed the team database's schema: what this version
    /// knows can be read, nothing is written.
    NewerSchema { found: usize, known: usize },
    /// The team database is out of reach: this computer's copy of what it last read (at).
    LastRead { at: DateTime<Utc> },
}

impl ReadOnly {
    /// The sentence a refused write is told with.
    pub fn refusal(&self) -> StoreError {
        match self {
            ReadOnly::NewerSchema { found, known } => StoreError::NewerSchema {
                found: *found,
                known: *known,
            },
            ReadOnly::LastRead { at } => StoreError::LastRead { at: *at },
        }
    }
}

impl Store {
    /// Connects to the team database and brings its schema up to date (one instance at a
    /// time: the others wait for its lock, then find nothing left to do). A schema newer
    /// than this app's is not touched: the connection is made read only, and reads go on.
    pub fn open_team(team: &TeamDb) -> Result<Store, StoreError> {
        let db = Postgres::connect(team)?;
        let mut store = Store {
            db: Backend::Postgres(Box::new(db), team.clone(), None),
            read_only: None,
        };
        // Under the migrations' lock (a batch is one transaction): else two new instances race.
        store.db().batch(&format!(
            "SELECT pg_advisory_xact_lock({});
             CREATE TABLE IF NOT EXISTS rickrut_schema (version BIGINT NOT NULL);
             INSERT INTO rickrut_schema (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM rickrut_schema)",
            team::MIGRATION_LOCK
        ))?;
        let found = schema::version(store.db())?;
        if found > SCHEMA_VERSION {
            tracing::info!(
                "the team database's schema is {found}, this app knows {SCHEMA_VERSION}: read only"
            );
            store.read_only = Some(ReadOnly::NewerSchema {
                found,
                known: SCHEMA_VERSION,
            });
            store.refuse_writes_on_the_server()?;
            return Ok(store);
        }
        store.migrate()?;
        Ok(store)
    }

    /// This computer's copy of what the team database last held, read only: SQLite refuses
    /// any write to it, and the refusal says the database is out of reach.
    pub fn open_last_read(path: &Path) -> Result<Store, StoreError> {
        let at = std::fs::metadata(path)
            .and_then(|m| m.modified())
            .map(DateTime::<Utc>::from)
            .map_err(|e| StoreError::Open {
                path: path.display().to_string(),
                reason: e.to_string(),
            })?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let mut store = Store {
            db: Backend::Sqlite(Sqlite { conn }),
            read_only: Some(ReadOnly::LastRead { at }),
        };
        let version = store.schema_version()?;
        if version != SCHEMA_VERSION {
            return Err(StoreError::Open {
                path: path.display().to_string(),
                reason: format!("the copy has schema {version}, this app {SCHEMA_VERSION}"), // not for people: details
            });
        }
        Ok(store)
    }

    /// Which engine holds the record.
    pub fn is_team(&self) -> bool {
        matches!(self.db, Backend::Postgres(..))
    }

    /// Where the team database is, when this is one that may be written to (a sending
    /// worker opens a connection of its own there).
    pub fn team_to_write(&self) -> Option<TeamDb> {
        match &self.db {
            Backend::Postgres(_, team, _) if self.read_only.is_none() => Some(team.clone()),
            _ => None,
        }
    }

    /// Why nothing may be written, when that is so.
    pub fn read_only(&self) -> Option<&ReadOnly> {
        self.read_only.as_ref()
    }

    /// Whether a write made now would be kept: called before anything is sent that must be
    /// recorded. The team database is asked (a dropped connection is found here, before the
    /// request leaves, not after).
    pub fn ready_to_write(&mut self) -> Result<(), StoreError> {
        if let Some(read_only) = &self.read_only {
            return Err(read_only.refusal());
        }
        if self.is_team() {
            self.db().batch("SELECT 1")?;
        }
        Ok(())
    }

    /// A write refused because the record is read only, said as why it is.
    pub(super) fn explain(&self, e: StoreError) -> StoreError {
        match (&self.read_only, &e) {
            (Some(read_only), StoreError::Full { .. } | StoreError::Team(_)) => read_only.refusal(),
            _ => e,
        }
    }

    /// After the team database dropped the connection: connects again (the statement that
    /// failed is not run again; the caller said so in words already).
    pub fn reconnect_if_lost(&mut self) -> Result<(), StoreError> {
        if let Backend::Postgres(db, team, tried) = &mut self.db
            && db.is_closed()
        {
            // Not more than once every few seconds: each try may wait for the network.
            if tried.is_some_and(|t| t.elapsed() < std::time::Duration::from_secs(5)) {
                return Ok(());
            }
            *tried = Some(std::time::Instant::now());
            **db = Postgres::connect(team)?;
            tracing::info!("connected to the team database again");
            if self.read_only.is_some() {
                self.refuse_writes_on_the_server()?;
            }
        }
        Ok(())
    }

    /// A copy of the team record is finished: one file, no write-ahead log beside it, so it
    /// opens read only.
    pub fn seal_copy(&self) -> Result<(), StoreError> {
        self.sqlite()?
            .pragma_update(None, "journal_mode", "DELETE")?;
        Ok(())
    }

    /// Every transaction of this connection is read only: PostgreSQL itself refuses a write.
    fn refuse_writes_on_the_server(&mut self) -> Result<(), StoreError> {
        self.db()
            .batch("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    }
}
