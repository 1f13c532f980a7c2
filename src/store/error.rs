//! What went wrong with the record, in words (the local file's or the team database's); the
//! engine's own text is kept for details.

use crate::t;

/// What went wrong with the record, in words; SQLite's or PostgreSQL's text is kept for
/// details.
#[derive(Clone, Debug, thiserror::Error)]
pub enum StoreError {
    Full {
        detail: String,
    },
    Corrupt {
        detail: String,
    },
    Sqlite(String),
    Open {
        path: String,
        reason: String,
    },
    Closed,
    /// The team database did not answer (down, unreachable, the connection dropped).
    TeamUnreachable {
        detail: String,
    },
    /// It refused the user or the password, or has no such database.
    TeamRefused {
        detail: String,
    },
    /// Its address cannot be used (or holds a password).
    TeamAddress {
        detail: String,
    },
    Team(String),
    /// The record was last changed by a newer version of the app: nothing is written.
    NewerSchema {
        found: usize,
        known: usize,
    },
    /// The team database is out of reach and this is the copy of what was last read from
    /// it (at): nothing is written.
    LastRead {
        at: chrono::DateTime<chrono::Utc>,
    },
}

/// The sentence, in the language in use; the database's words are in
/// [`StoreError::technical`].
impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            StoreError::Full { .. } => t!("errors-record-full"),
            StoreError::Corrupt { .. } => t!("errors-record-corrupt"),
            StoreError::Sqlite(_) => t!("errors-record-failed"),
            StoreError::Open { path, .. } => t!("errors-record-open", path = path.as_str()),
            StoreError::Closed => t!("errors-record-busy"),
            StoreError::TeamUnreachable { .. } => t!("team-unreachable"),
            StoreError::TeamRefused { .. } => t!("team-refused"),
            StoreError::TeamAddress { .. } => t!("team-address"),
            StoreError::Team(_) => t!("team-failed"),
            StoreError::NewerSchema { found, known } => t!(
                "team-newer-schema",
                found = found.to_string(),
                known = known.to_string()
            ),
            StoreError::LastRead { at } => {
                t!(
                    "team-last-read",
                    when = crate::i18n::date_time(at.to_owned())
                )
            }
        })
    }
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
    /// Whether the team database could not be reached (the connection may come back).
    pub fn is_unreachable(&self) -> bool {
        matches!(self, StoreError::TeamUnreachable { .. })
    }

    /// The database's own words, for details.
    pub fn technical(&self) -> Option<&str> {
        match self {
            StoreError::Full { detail } | StoreError::Corrupt { detail } => Some(detail),
            StoreError::Sqlite(detail) => Some(detail),
            StoreError::Open { reason, .. } => Some(reason),
            StoreError::TeamUnreachable { detail }
            | StoreError::TeamRefused { detail }
            | StoreError::TeamAddress { detail }
            | StoreError::Team(detail) => Some(detail),
            StoreError::Closed | StoreError::NewerSchema { .. } | StoreError::LastRead { .. } => {
                None
            }
        }
    }
}
