//! Openings by name: the API takes a name when inviting and answers an ID, so every create
//! teaches the record which ID the name belongs to; the recruiter can name an ID by hand
//! (and give it a title of their own), and set how the shortlist weighs its two scores.

use chrono::{DateTime, Utc};

use super::sql;
use super::{Store, StoreError};

/// An opening the profile knows.
#[derive(Clone, Debug, PartialEq)]
pub struct Opening {
    pub id: u64,
    /// The name the API takes on create (`software-engineer`).
    pub name: String,
    /// The recruiter's own title for it, if any ("Backend engineer, Lyon").
    pub title: Option<String>,
    /// How much the skill score counts in the overall score (the adequation score counts the
    /// rest), from 0 to 1.
    pub skill_weight: f64,
    pub named_by_hand: bool,
}

impl Opening {
    /// Whether the record knows the name the API takes (an opening seen only as an ID, say
    /// one whose weights were set, is kept under its ID until it is named).
    pub fn is_named(&self) -> bool {
        !self.name.trim().is_empty() && self.name != self.id.to_string()
    }

    /// What the recruiter reads: the title, else the name, else "opening 45".
    pub fn label(&self) -> String {
        match self.title.as_deref().filter(|t| !t.trim().is_empty()) {
            Some(title) => title.to_owned(),
            None if self.is_named() => self.name.clone(),
            None => format!("opening {}", self.id),
        }
    }
}

/// Migration 5: every opening a profile invited to before names were kept is learnt from its
/// invite log (the name sent, and the ID of the applicant it created).
pub(super) fn learn_from_invite_log(db: &mut dyn sql::Db) -> Result<(), StoreError> {
    db.execute(
        "INSERT INTO openings (profile, opening_id, name, updated_at)
         SELECT l.profile, t.opening_id, MIN(l.opening), MAX(l.at)
         FROM invite_log l JOIN tracked t ON t.profile = l.profile AND t.id = l.applicant_id
         WHERE l.outcome = 'created' AND t.opening_id IS NOT NULL
         GROUP BY l.profile, t.opening_id
         ON CONFLICT (profile, opening_id) DO NOTHING",
        &[],
    )?;
    Ok(())
}

impl Store {
    /// A create answered: `name` is the opening with this ID. A name given by hand stays.
    pub fn learn_opening(
        &mut self,
        profile: &str,
        id: u64,
        name: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let at = at.to_rfc3339();
        let params = [
            profile.into(),
            id.into(),
            name.trim().into(),
            at.as_str().into(),
        ];
        // Written only when new or renamed (one statement): every invite to one opening learns
        // the same name, and on a team database a write would hold the opening's row until
        // the commit, making teammates' (and a bulk import's parallel) invites wait in line.
        self.db().write(
            "INSERT INTO openings (profile, opening_id, name, updated_at)
             SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (
               SELECT 1 FROM openings WHERE profile = ?1 AND opening_id = ?2
               AND (name = ?3 OR named_by_hand = 1))
             ON CONFLICT (profile, opening_id) DO UPDATE SET
               name = excluded.name, updated_at = excluded.updated_at
             WHERE openings.named_by_hand = 0",
            &params,
        )?;
        Ok(())
    }

    /// The recruiter names an opening ID (the name the API takes) and may give it a title.
    pub fn name_opening(
        &mut self,
        profile: &str,
        id: u64,
        name: &str,
        title: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let at = at.to_rfc3339();
        let title = title.map(str::trim).filter(|t| !t.is_empty());
        self.db().execute(
            "INSERT INTO openings (profile, opening_id, name, title, named_by_hand, updated_at) VALUES (?1, ?2, ?3, ?4, 1, ?5)
             ON CONFLICT (profile, opening_id) DO UPDATE SET
               name = excluded.name, title = excluded.title, named_by_hand = 1, updated_at = excluded.updated_at",
            &[profile.into(), id.into(), name.trim().into(), title.into(), at.as_str().into()],
        )?;
        Ok(())
    }

    /// How the shortlist of this opening weighs skill against adequation.
    pub fn weigh_opening(
        &mut self,
        profile: &str,
        id: u64,
        skill_weight: f64,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let at = at.to_rfc3339();
        let weight = if skill_weight.is_finite() {
            skill_weight.clamp(0.0, 1.0)
        } else {
            0.5
        };
        let changed = self.db().execute(
            "UPDATE openings SET skill_weight = ?3, updated_at = ?4 WHERE profile = ?1 AND opening_id = ?2",
            &[profile.into(), id.into(), weight.into(), at.as_str().into()],
        )?;
        if changed == 0 {
            // An opening seen only as an ID: it is kept under that ID until it is named.
            self.db().execute(
                "INSERT INTO openings (profile, opening_id, name, skill_weight, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                &[profile.into(), id.into(), id.to_string().as_str().into(), weight.into(), at.as_str().into()],
            )?;
        }
        Ok(())
    }

    /// Every opening the profile knows, by ID.
    pub fn openings(&mut self, profile: &str) -> Result<Vec<Opening>, StoreError> {
        sql::rows(
            self.db(),
            "SELECT opening_id, name, title, skill_weight, named_by_hand FROM openings
             WHERE profile = ?1 ORDER BY opening_id",
            &[profile.into()],
            |r| {
                Ok(Opening {
                    id: r.id(0)?,
                    name: r.text_or_empty(1)?,
                    title: r.text(2)?,
                    skill_weight: r.real(3)?.unwrap_or(0.5),
                    named_by_hand: r.flag(4)?,
                })
            },
        )
    }
}
