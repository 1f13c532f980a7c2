//! The invite log: every invite a profile sent and how it ended, and the one key every
//! "already invited" check compares.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError};
use crate::api::ApplicantResponse;

/// Who was invited to what: the email as the server compares it (no surrounding spaces,
/// case ignored) and the opening as sent (no surrounding spaces). Every check of "already
/// invited" — the window's, the command line's, a bulk import's — compares these.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct InviteKey {
    email: String,
    opening: String,
}

impl InviteKey {
    pub fn new(email: &str, opening: &str) -> InviteKey {
        InviteKey {
            email: email.trim().to_lowercase(),
            opening: opening.trim().to_owned(),
        }
    }

    pub fn email(&self) -> &str {
        &self.email
    }

    pub fn opening(&self) -> &str {
        &self.opening
    }
}

/// How an invite ended, as the log keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InviteOutcome {
    Created { id: u64, code: String },
    AlreadyInvited,
    Failed(String),
}

impl Store {
    pub fn log_invite(
        &mut self,
        profile: &str,
        key: &InviteKey,
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
        self.conn
            .prepare_cached(
                "INSERT INTO invite_log (profile, at, email, opening, outcome, applicant_id, code, detail)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                profile,
                at.to_rfc3339(),
                key.email,
                key.opening,
                kind,
                id,
                code,
                detail
            ])?;
        Ok(())
    }

    /// An invite that got an answer: the applicant it created is tracked, and the invite is
    /// logged. The one path every invite takes (the window's, the command line's, a bulk
    /// import's row), so "already invited" knows them all.
    pub fn record_invite(
        &mut self,
        profile: &str,
        key: &InviteKey,
        outcome: &InviteOutcome,
        created: Option<&ApplicantResponse>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        if let Some(created) = created {
            self.upsert(profile, std::slice::from_ref(created), at)?;
        }
        self.log_invite(profile, key, outcome, at)
    }

    /// Whether this email was already invited to this opening by this profile.
    pub fn was_invited(&self, profile: &str, key: &InviteKey) -> Result<bool, StoreError> {
        let found: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT 1 FROM invite_log WHERE profile = ?1 AND email = ?2 AND opening = ?3
                 AND outcome IN ('created', 'already_invited') LIMIT 1",
            )?
            .query_row(params![profile, key.email, key.opening], |r| r.get(0))
            .optional()?;
        Ok(found.is_some())
    }

    /// Which of `keys` the log knows as invited, in one pass over the profile's log.
    pub fn invited_among(
        &self,
        profile: &str,
        keys: &[InviteKey],
    ) -> Result<HashSet<InviteKey>, StoreError> {
        let wanted: HashSet<&InviteKey> = keys.iter().collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT email, opening FROM invite_log
             WHERE profile = ?1 AND outcome IN ('created', 'already_invited')",
        )?;
        let rows = stmt.query_map(params![profile], |r| {
            Ok(InviteKey {
                email: r.get(0)?,
                opening: r.get(1)?,
            })
        })?;
        let mut found = HashSet::new();
        for key in rows {
            let key = key?;
            if wanted.contains(&key) {
                found.insert(key);
            }
        }
        Ok(found)
    }
}
