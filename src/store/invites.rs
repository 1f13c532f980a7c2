//! The invite log: every invite a profile sent and how it ended, and the one key every
//! "already invited" check compares.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::received::Adding;
use super::sql::{self, Db};
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
        log_invite(self.db(), profile, key, outcome, at)
    }

    /// An invite that got an answer: the applicant it created is tracked, its opening's
    /// name learnt, and the invite logged. The one path every invite takes (the window's,
    /// the command line's, a bulk import's row), so "already invited" knows them all.
    pub fn record_invite(
        &mut self,
        profile: &str,
        key: &InviteKey,
        outcome: &InviteOutcome,
        created: Option<&ApplicantResponse>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.side_by_side(|s| {
            if let Some(created) = created {
                let received = std::slice::from_ref(created);
                super::received::upsert(s.db(), profile, received, at, Adding::Created)?;
                if let Some(opening) = created.applicant.opening_id {
                    s.learn_opening(profile, opening, key.opening(), at)?;
                }
            }
            log_invite(s.db(), profile, key, outcome, at)
        })
    }

    /// Whether this email was already invited to this opening by this profile (by anyone
    /// sharing its record, on a team database).
    pub fn was_invited(&mut self, profile: &str, key: &InviteKey) -> Result<bool, StoreError> {
        invited(self.db(), profile, key)
    }

    /// Which of `keys` the log knows as invited, in one pass over the profile's log.
    pub fn invited_among(
        &mut self,
        profile: &str,
        keys: &[InviteKey],
    ) -> Result<HashSet<InviteKey>, StoreError> {
        let wanted: HashSet<&InviteKey> = keys.iter().collect();
        let mut found = HashSet::new();
        self.db().query(
            "SELECT DISTINCT email, opening FROM invite_log
             WHERE profile = ?1 AND outcome IN ('created', 'already_invited')",
            &[profile.into()],
            &mut |r| {
                let key = InviteKey {
                    email: r.text_or_empty(0)?,
                    opening: r.text_or_empty(1)?,
                };
                if wanted.contains(&key) {
                    found.insert(key);
                }
                Ok(())
            },
        )?;
        Ok(found)
    }
}

pub(super) fn invited(db: &mut dyn Db, profile: &str, key: &InviteKey) -> Result<bool, StoreError> {
    Ok(sql::first(
        db,
        "SELECT 1 FROM invite_log WHERE profile = ?1 AND email = ?2 AND opening = ?3
         AND outcome IN ('created', 'already_invited') LIMIT 1",
        &[
            profile.into(),
            key.email.as_str().into(),
            key.opening.as_str().into(),
        ],
        |_| Ok(()),
    )?
    .is_some())
}

fn log_invite(
    db: &mut dyn Db,
    profile: &str,
    key: &InviteKey,
    outcome: &InviteOutcome,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let (kind, id, code, detail) = match outcome {
        InviteOutcome::Created { id, code } => ("created", Some(*id), Some(code.as_str()), None),
        InviteOutcome::AlreadyInvited => ("already_invited", None, None, None),
        InviteOutcome::Failed(why) => ("failed", None, None, Some(why.as_str())),
    };
    let at = at.to_rfc3339();
    db.write(
        "INSERT INTO invite_log (profile, at, email, opening, outcome, applicant_id, code, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        &[
            profile.into(),
            at.as_str().into(),
            key.email.as_str().into(),
            key.opening.as_str().into(),
            kind.into(),
            id.into(),
            code.into(),
            detail.into(),
        ],
    )?;
    Ok(())
}
