//! Openings and the shortlist: the API takes an opening's name on create and answers only its
//! ID, so the record learns which is which (and the recruiter can name an ID by hand); per
//! opening, the funnel from invited to scored, and the applicants ranked by an overall score
//! the recruiter weighs. Ranking and counting are computed once per change, never per frame.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::record::{Record, StoreError, TrackedApplicant};

pub use crate::store::Opening;

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
            Some(id) => self
                .by_id
                .get(&id)
                .map_or_else(|| format!("opening {id}"), Opening::label),
            None => "no opening yet".to_owned(),
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
            OpeningCheck::IdOf(name) => Some(format!(
                "That is the ID of {name}; the invite is sent to {name}."
            )),
            OpeningCheck::Spelled(name) => Some(format!(
                "Did you mean {name}? The server compares opening names exactly."
            )),
            OpeningCheck::New => Some(
                "New opening: the server refuses names it does not know, so check the spelling."
                    .to_owned(),
            ),
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

/// Skill and adequation count alike unless the recruiter says otherwise.
pub const DEFAULT_SKILL_WEIGHT: f64 = 0.5;

/// The overall score: the weighted mean of skill and adequation; with one of them, that one.
pub fn overall(a: &TrackedApplicant, skill_weight: f64) -> Option<f64> {
    match (a.skill, a.adequation) {
        (Some(s), Some(q)) => Some(s * skill_weight + q * (1.0 - skill_weight)),
        (Some(v), None) | (None, Some(v)) => Some(v),
        (None, None) => None,
    }
}

/// Whether the test gave this applicant a score yet.
pub fn is_scored(a: &TrackedApplicant) -> bool {
    a.skill.is_some() || a.adequation.is_some()
}

/// One opening's line in the Openings view: its funnel and its scores.
#[derive(Clone, Debug, PartialEq)]
pub struct OpeningSummary {
    /// `None` gathers the applicants whose opening is not known yet (never fetched).
    pub id: Option<u64>,
    pub label: String,
    /// The name the API takes, when known.
    pub name: Option<String>,
    pub tracked: usize,
    /// Still at the invitation: step 0 and no score.
    pub not_started: usize,
    /// Began the test (step above 0), scored or not.
    pub started: usize,
    pub scored: usize,
    /// Every status and how many have it, most common first.
    pub statuses: Vec<(String, usize)>,
    pub median_skill: Option<f64>,
    pub median_adequation: Option<f64>,
    pub last_activity: Option<DateTime<Utc>>,
    pub skill_weight: f64,
    /// The scored applicants' overall scores in ten bands (0–10, 10–20, … 90–100).
    pub bands: [usize; 10],
}

impl OpeningSummary {
    /// The share of applicants who finished with a score, from 0 to 1.
    pub fn completion(&self) -> f64 {
        if self.tracked == 0 {
            0.0
        } else {
            self.scored as f64 / self.tracked as f64
        }
    }
}

#[derive(Default)]
struct Tally<'a> {
    weight: f64,
    tracked: usize,
    not_started: usize,
    started: usize,
    scored: usize,
    /// A handful of statuses per opening: a list beats hashing a string per applicant.
    statuses: Vec<(&'a str, usize)>,
    skills: Vec<f64>,
    adequations: Vec<f64>,
    last: Option<DateTime<Utc>>,
    bands: [usize; 10],
}

/// Every opening with tracked applicants (and those known with none yet), by label.
pub fn summaries(rows: &[TrackedApplicant], names: &OpeningNames) -> Vec<OpeningSummary> {
    let mut tallies: HashMap<Option<u64>, Tally<'_>> = HashMap::new();
    let tally = |id: Option<u64>| Tally {
        weight: names.skill_weight(id),
        ..Tally::default()
    };
    for o in names.all() {
        tallies.insert(Some(o.id), tally(Some(o.id)));
    }
    for a in rows {
        let t = tallies
            .entry(a.opening_id)
            .or_insert_with(|| tally(a.opening_id));
        t.tracked += 1;
        let scored = is_scored(a);
        if scored {
            t.scored += 1;
        }
        if a.step.unwrap_or(0) > 0 || scored {
            t.started += 1;
        } else {
            t.not_started += 1;
        }
        let status = if a.status.is_empty() {
            "not fetched yet"
        } else {
            a.status.as_str()
        };
        match t.statuses.iter_mut().find(|(s, _)| *s == status) {
            Some((_, n)) => *n += 1,
            None => t.statuses.push((status, 1)),
        }
        t.skills.extend(a.skill);
        t.adequations.extend(a.adequation);
        t.last = t.last.max(a.updated_at);
        if let Some(score) = overall(a, t.weight) {
            t.bands[band(score)] += 1;
        }
    }
    let mut out: Vec<OpeningSummary> = tallies
        .into_iter()
        .map(|(id, mut t)| {
            let mut statuses: Vec<(String, usize)> = t
                .statuses
                .iter()
                .map(|(s, n)| ((*s).to_owned(), *n))
                .collect();
            statuses.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            OpeningSummary {
                id,
                label: names.label(id),
                name: id
                    .and_then(|id| names.get(id))
                    .filter(|o| o.is_named())
                    .map(|o| o.name.clone()),
                tracked: t.tracked,
                not_started: t.not_started,
                started: t.started,
                scored: t.scored,
                statuses,
                median_skill: median(&mut t.skills),
                median_adequation: median(&mut t.adequations),
                last_activity: t.last,
                skill_weight: names.skill_weight(id),
                bands: t.bands,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (a.id.is_none(), a.label.to_lowercase(), a.id).cmp(&(
            b.id.is_none(),
            b.label.to_lowercase(),
            b.id,
        ))
    });
    out
}

fn band(score: f64) -> usize {
    if score.is_finite() {
        ((score / 10.0).floor().max(0.0) as usize).min(9)
    } else {
        0
    }
}

fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mid = values.len() / 2;
    let (_, upper, _) = values.select_nth_unstable_by(mid, f64::total_cmp);
    let upper = *upper;
    if values.len() % 2 == 1 {
        return Some(upper);
    }
    let lower = values[..mid].iter().copied().fold(f64::MIN, f64::max);
    Some((lower + upper) / 2.0)
}

/// What the shortlist shows of an opening.
#[derive(Clone, Debug, PartialEq)]
pub struct ShortlistOptions {
    pub opening: Option<u64>,
    /// Only applicants with a score.
    pub scored_only: bool,
    /// At most this many, best first.
    pub top: Option<usize>,
}

/// One applicant's place in a shortlist.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ranked {
    /// Index into the rows ranked.
    pub row: usize,
    /// 1 for the best; applicants with no score yet are ranked after every scored one.
    pub rank: usize,
    pub overall: Option<f64>,
}

/// The opening's applicants, best first: by overall score, ties broken by adequation, then
/// by who finished first, then by ID.
pub fn shortlist(
    rows: &[TrackedApplicant],
    options: &ShortlistOptions,
    skill_weight: f64,
) -> Vec<Ranked> {
    let mut ranked: Vec<Ranked> = rows
        .iter()
        .enumerate()
        .filter(|(_, a)| a.opening_id == options.opening && (!options.scored_only || is_scored(a)))
        .map(|(row, a)| Ranked {
            row,
            rank: 0,
            overall: overall(a, skill_weight),
        })
        .collect();
    let higher_first = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => b.total_cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    let earlier_first = |a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>| match (a, b) {
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    ranked.sort_by(|x, y| {
        let (a, b) = (&rows[x.row], &rows[y.row]);
        higher_first(x.overall, y.overall)
            .then_with(|| higher_first(a.adequation, b.adequation))
            .then_with(|| earlier_first(a.finished_at, b.finished_at))
            .then(a.id.cmp(&b.id))
    });
    if let Some(top) = options.top {
        ranked.truncate(top);
    }
    for (i, r) in ranked.iter_mut().enumerate() {
        r.rank = i + 1;
    }
    ranked
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
    use super::{Opening, OpeningCheck, OpeningNames, median};

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
