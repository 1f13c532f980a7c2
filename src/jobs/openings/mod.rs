//! Openings and the shortlist: the API takes an opening's name on create and answers only its
//! ID, so the record learns which is which (and the recruiter can name an ID by hand); per
//! opening, the funnel from invited to scored, and the applicants ranked by an overall score
//! the recruiter weighs. Ranking and counting are computed once per change, never per frame.

mod funnel;
mod shortlist;

pub use funnel::{OpeningSummary, is_scored, overall, summaries};
pub use shortlist::{Ranked, ShortlistOptions, shortlist};

use std::collections::HashMap;

use chrono::Utc;

use super::record::{Record, StoreError};
use crate::t;

pub use crate::store::Opening;

/// Skill and adequation count alike unless the recruiter says otherwise.
pub const DEFAULT_SKILL_WEIGHT: f64 = 0.5;

/// Every opening the profile knows.
pub async fn openings(record: &Record) -> Result<Vec<Opening>, StoreError> {
    record.call(|s, profile| s.openings(profile)).await
}

/// The recruiter names an opening ID (the name the API takes) and may give it a title.
pub async fn name(
    record: &Record,
    id: u64,
    name: String,
    title: Option<String>,
) -> Result<(), StoreError> {
    record
        .call(move |s, profile| s.name_opening(profile, id, &name, title.as_deref(), Utc::now()))
        .await
}

/// How much the skill score counts in this opening's overall score (0 to 1).
pub async fn weigh(record: &Record, id: u64, skill_weight: f64) -> Result<(), StoreError> {
    record
        .call(move |s, profile| s.weigh_opening(profile, id, skill_weight, Utc::now()))
        .await
}

/// The openings by ID, for showing a name where the API gave an ID.
#[derive(Clone, Debug, Default)]
pub struct OpeningNames {
    by_id: HashMap<u64, Opening>,
}

impl OpeningNames {
    pub fn new(openings: &[Opening]) -> OpeningNames {
        OpeningNames {
            by_id: openings.iter().map(|o| (o.id, o.clone())).collect(),
        }
    }

    pub fn get(&self, id: u64) -> Option<&Opening> {
        self.by_id.get(&id)
    }

    /// What a person reads for an opening ID: its title or name, else "opening 45".
    pub fn label(&self, id: Option<u64>) -> String {
        match id {
            Some(id) => self.by_id.get(&id).map_or_else(
                || t!("notices-opening", id = id.to_string()),
                Opening::label,
            ),
            None => t!("notices-no-opening"),
        }
    }

    /// How much skill counts in this opening's overall score.
    pub fn skill_weight(&self, id: Option<u64>) -> f64 {
        id.and_then(|id| self.by_id.get(&id))
            .map_or(DEFAULT_SKILL_WEIGHT, |o| o.skill_weight)
    }

    pub fn all(&self) -> impl Iterator<Item = &Opening> {
        self.by_id.values()
    }

    /// What the recruiter typed where an opening's name is wanted, checked against the
    /// openings known: a known name, a known ID (turned into its name), or a new name.
    pub fn check(&self, typed: &str) -> OpeningCheck {
        let typed = typed.trim();
        if typed.is_empty() {
            return OpeningCheck::Empty;
        }
        if self.by_id.is_empty() {
            return OpeningCheck::NothingKnown;
        }
        if let Ok(id) = typed.parse::<u64>()
            && let Some(o) = self.by_id.get(&id)
            && o.is_named()
        {
            return OpeningCheck::IdOf(o.name.clone());
        }
        let mut named = self.by_id.values().filter(|o| o.is_named());
        if named.clone().any(|o| o.name == typed) {
            return OpeningCheck::Known;
        }
        match named.find(|o| o.name.eq_ignore_ascii_case(typed)) {
            Some(o) => OpeningCheck::Spelled(o.name.clone()),
            None => OpeningCheck::New,
        }
    }
}

/// What an opening typed in Invite or Bulk invite is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpeningCheck {
    Empty,
    /// The profile knows no opening yet: nothing to check against.
    NothingKnown,
    /// A name this profile invited to before.
    Known,
    /// The ID of a known opening: the API wants its name, this one.
    IdOf(String),
    /// A known name written with other capitals: the server compares names exactly.
    Spelled(String),
    /// Never seen here: the server refuses names it does not know.
    New,
}

impl OpeningCheck {
    /// A sentence for the recruiter when the opening needs a second look.
    pub fn warning(&self) -> Option<String> {
        match self {
            OpeningCheck::Empty | OpeningCheck::NothingKnown | OpeningCheck::Known => None,
            OpeningCheck::IdOf(name) => Some(t!("errors-opening-is-id", name = name.as_str())),
            OpeningCheck::Spelled(name) => Some(t!("errors-opening-spelled", name = name.as_str())),
            OpeningCheck::New => Some(t!("errors-opening-new")),
        }
    }

    /// The name to send, where the check found a better one.
    pub fn name_to_send(&self, typed: &str) -> String {
        match self {
            OpeningCheck::IdOf(name) => name.clone(),
            _ => typed.trim().to_owned(),
        }
    }
}

/// The opening a recruiter typed (a name, a title or an ID), among the known ones.
pub fn find_opening<'a>(openings: &'a [Opening], typed: &str) -> Option<&'a Opening> {
    let typed = typed.trim();
    openings
        .iter()
        .find(|o| o.name == typed)
        .or_else(|| {
            typed
                .parse::<u64>()
                .ok()
                .and_then(|id| openings.iter().find(|o| o.id == id))
        })
        .or_else(|| {
            openings.iter().find(|o| {
                o.name.eq_ignore_ascii_case(typed)
                    || o.title
                        .as_deref()
                        .is_some_and(|t| t.eq_ignore_ascii_case(typed))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::funnel::median;
    use super::{Opening, OpeningCheck, OpeningNames};

    #[test]
    fn what_was_typed_for_an_opening_is_checked_against_the_known_ones() {
        let none = OpeningNames::default();
        assert_eq!(none.check("anything"), OpeningCheck::NothingKnown);
        assert_eq!(none.check("anything").warning(), None);
        let names = OpeningNames::new(&[Opening {
            id: 45,
            name: "software-engineer".into(),
            title: Some("Software Engineer".into()),
            skill_weight: 0.5,
            named_by_hand: false,
        }]);
        assert_eq!(names.check(" software-engineer "), OpeningCheck::Known);
        assert_eq!(names.check("").warning(), None);
        let by_id = names.check("45");
        assert_eq!(by_id, OpeningCheck::IdOf("software-engineer".into()));
        assert_eq!(by_id.name_to_send("45"), "software-engineer");
        assert!(matches!(
            names.check("Software-Engineer"),
            OpeningCheck::Spelled(_)
        ));
        let new = names.check("sofware-engineer");
        assert_eq!(new, OpeningCheck::New);
        assert!(new.warning().unwrap().contains("check the spelling"));
        assert_eq!(new.name_to_send(" sofware-engineer "), "sofware-engineer");
        assert_eq!(names.label(Some(45)), "Software Engineer");
        assert_eq!(names.label(Some(46)), "opening 46");

        // An opening kept under its ID (its weights were set before it was named) is not a
        // name the server takes: "46" typed is new, not known.
        let unnamed = OpeningNames::new(&[Opening {
            id: 46,
            name: "46".into(),
            title: None,
            skill_weight: 0.8,
            named_by_hand: false,
        }]);
        assert_eq!(unnamed.check("46"), OpeningCheck::New);
        assert_eq!(unnamed.label(Some(46)), "opening 46");
    }

    #[test]
    fn the_median_of_odd_and_even_counts() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0]), Some(3.0));
        assert_eq!(median(&mut [5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }
}
