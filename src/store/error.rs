//! What went wrong with the record, in words (the local file's or the team database's); the
//! engine's own text is kept for details.

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
    #[error("{}", crate::t!("team-unreachable"))]
    TeamUnreachable { detail: String },
    #[error("{}", crate::t!("team-refused"))]
    TeamRefused { detail: String },
    #[error("{}", crate::t!("team-address"))]
    TeamAddress { detail: String },
    #[error("{}", crate::t!("team-failed"))]
    Team(String),
    #[error("{}", newer_schema(.found, .known))]
    NewerSchema { found: usize, known: usize },
}

fn newer_schema(found: &usize, known: &usize) -> String {
    crate::t!(
        "team-newer-schema",
        found = found.to_string(),
        known = known.to_string()
    )
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
            StoreError::Closed | StoreError::NewerSchema { .. } => None,
        }
    }
}
