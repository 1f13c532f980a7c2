//! What the recruiter decides of an applicant, kept in the profile's record and never sent:
//! timestamped notes, free tags, a rating of 1 to 5 of their own (not the server's
//! recruiter score) and a decision. Forgetting an applicant removes everything the app holds
//! on them.

use chrono::{DateTime, Utc};

use super::sql;
use super::{Store, StoreError, parse_time};

/// The recruiter's decision on an applicant.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Decision {
    #[default]
    None,
    Shortlisted,
    OnHold,
    Rejected,
}

impl Decision {
    pub const ALL: [Decision; 4] = [
        Decision::None,
        Decision::Shortlisted,
        Decision::OnHold,
        Decision::Rejected,
    ];

    /// As kept and as typed on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::None => "none",
            Decision::Shortlisted => "shortlisted",
            Decision::OnHold => "on-hold",
            Decision::Rejected => "rejected",
        }
    }

    /// As a person reads it, in the language in use.
    pub fn label(self) -> String {
        match self {
            Decision::None => crate::t!("applicant-decision-none"),
            Decision::Shortlisted => crate::t!("applicant-decision-shortlisted"),
            Decision::OnHold => crate::t!("applicant-decision-on-hold"),
            Decision::Rejected => crate::t!("applicant-decision-rejected"),
        }
    }

    pub fn parse(text: &str) -> Decision {
        match text
            .trim()
            .to_ascii_lowercase()
            .replace([' ', '_'], "-")
            .as_str()
        {
            "shortlisted" | "shortlist" => Decision::Shortlisted,
            "on-hold" | "hold" => Decision::OnHold,
            "rejected" | "reject" => Decision::Rejected,
            _ => Decision::None,
        }
    }
}

/// A note the recruiter wrote about an applicant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub at: DateTime<Utc>,
    pub text: String,
}

impl Store {
    pub fn add_note(
        &mut self,
        profile: &str,
        id: u64,
        text: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let at = at.to_rfc3339();
        self.db().execute(
            "INSERT INTO notes (profile, id, at, text) VALUES (?1, ?2, ?3, ?4)",
            &[
                profile.into(),
                id.into(),
                at.as_str().into(),
                text.trim().into(),
            ],
        )?;
        Ok(())
    }

    /// An applicant's notes, oldest first.
    pub fn notes(&mut self, profile: &str, id: u64) -> Result<Vec<Note>, StoreError> {
        sql::rows(
            self.db(),
            "SELECT at, text FROM notes WHERE profile = ?1 AND id = ?2 ORDER BY at",
            &[profile.into(), id.into()],
            |r| {
                Ok(Note {
                    at: parse_time(r.text(0)?).unwrap_or_default(),
                    text: r.text_or_empty(1)?,
                })
            },
        )
    }

    /// Every note of the profile, by applicant, oldest first (for exports).
    pub fn all_notes(
        &mut self,
        profile: &str,
    ) -> Result<std::collections::HashMap<u64, Vec<Note>>, StoreError> {
        let mut out: std::collections::HashMap<u64, Vec<Note>> = std::collections::HashMap::new();
        self.db().query(
            "SELECT id, at, text FROM notes WHERE profile = ?1 ORDER BY id, at",
            &[profile.into()],
            &mut |r| {
                out.entry(r.id(0)?).or_default().push(Note {
                    at: parse_time(r.text(1)?).unwrap_or_default(),
                    text: r.text_or_empty(2)?,
                });
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// Adds tags (spaces trimmed, empty ones dropped, each once).
    pub fn add_tags(&mut self, profile: &str, id: u64, tags: &[String]) -> Result<(), StoreError> {
        sql::transaction(self.db(), |db| {
            for tag in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
                db.execute(
                    "INSERT INTO tags (profile, id, tag) VALUES (?1, ?2, ?3) ON CONFLICT (profile, id, tag) DO NOTHING",
                    &[profile.into(), id.into(), tag.into()],
                )?;
            }
            Ok(())
        })
    }

    pub fn remove_tag(&mut self, profile: &str, id: u64, tag: &str) -> Result<(), StoreError> {
        self.db().execute(
            "DELETE FROM tags WHERE profile = ?1 AND id = ?2 AND tag = ?3",
            &[profile.into(), id.into(), tag.into()],
        )?;
        Ok(())
    }

    /// Every tag the profile used, for completion.
    pub fn all_tags(&mut self, profile: &str) -> Result<Vec<String>, StoreError> {
        sql::rows(
            self.db(),
            "SELECT DISTINCT tag FROM tags WHERE profile = ?1 ORDER BY tag",
            &[profile.into()],
            |r| r.text_or_empty(0),
        )
    }

    /// The recruiter's rating (1–5) and decision; `None` keeps what was there.
    pub fn assess(
        &mut self,
        profile: &str,
        id: u64,
        rating: Option<Option<u8>>,
        decision: Option<Decision>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let at = at.to_rfc3339();
        let rating_set = rating.is_some();
        let rating = rating.flatten().map(|r| i64::from(r.clamp(1, 5)));
        let decision_set = decision.is_some();
        let decision = decision.unwrap_or_default().as_str();
        self.db().execute(
            "INSERT INTO assessments (profile, id, rating, decision, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (profile, id) DO UPDATE SET
               rating = CASE WHEN ?6 = 1 THEN excluded.rating ELSE assessments.rating END,
               decision = CASE WHEN ?7 = 1 THEN excluded.decision ELSE assessments.decision END,
               updated_at = excluded.updated_at",
            &[
                profile.into(),
                id.into(),
                rating.into(),
                decision.into(),
                at.as_str().into(),
                rating_set.into(),
                decision_set.into(),
            ],
        )?;
        Ok(())
    }

    /// Everything the app holds on one applicant — their row, history, JSON, notes, tags,
    /// rating and decision, invite-log entries and claims (but those of rows still to be sent), and their email and names in bulk jobs — is
    /// removed (data protection). Answers whether they were known at all.
    pub fn forget(&mut self, profile: &str, id: u64) -> Result<bool, StoreError> {
        sql::transaction(self.db(), |db| {
            let email = sql::first(
                db,
                "SELECT email FROM tracked WHERE profile = ?1 AND id = ?2",
                &[profile.into(), id.into()],
                |r| r.text(0),
            )?
            .flatten()
            .filter(|e| !e.is_empty());
            let key = [profile.into(), id.into()];
            let mut removed = 0;
            for table in [
                "tracked",
                "snapshots",
                "received",
                "notes",
                "tags",
                "assessments",
            ] {
                removed += db.execute(
                    &format!("DELETE FROM {table} WHERE profile = ?1 AND id = ?2"),
                    &key,
                )?;
            }
            removed += db.execute(
                "DELETE FROM invite_log WHERE profile = ?1 AND applicant_id = ?2",
                &key,
            )?;
            if let Some(email) = email.as_deref() {
                let email = email.trim().to_lowercase();
                removed += db.execute(
                    "DELETE FROM invite_log WHERE profile = ?1 AND email = ?2",
                    &[profile.into(), email.as_str().into()],
                )?;
                // A claim whose row may still be sent (or is being sent, perhaps on a
                // teammate's machine) stays until that row ends: it is what keeps another
                // import from inviting them at the same time.
                removed += db.execute(
                    "DELETE FROM invite_claims WHERE profile = ?1 AND email = ?2 AND NOT EXISTS (
                       SELECT 1 FROM bulk_rows b WHERE b.job_id = invite_claims.job_id
                       AND b.row_no = invite_claims.row_no
                       AND b.state IN ('pending', 'sending', 'unknown'))",
                    &[profile.into(), email.as_str().into()],
                )?;
                removed += db.execute(
                    "UPDATE bulk_rows SET email = '', invite_email = NULL, first_name = NULL, last_name = NULL, detail = NULL
                     WHERE (invite_email = ?2 OR lower(trim(email)) = ?2)
                     AND job_id IN (SELECT id FROM bulk_jobs WHERE profile = ?1)",
                    &[profile.into(), email.as_str().into()],
                )?;
            }
            Ok(removed > 0)
        })
    }
}
