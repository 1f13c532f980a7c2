//! Each opening's funnel (invited, started, scored, every status), its median scores and
//! how the overall scores spread, counted in one pass over the tracked applicants.

use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::OpeningNames;
use crate::jobs::record::TrackedApplicant;
use crate::jobs::track::Stale;

/// The overall score: the weighted mean of skill and adequation; with one of them, that one.
pub fn overall(a: &TrackedApplicant, skill_weight: f64) -> Option<f64> {
    match (a.skill.get(), a.adequation.get()) {
        (Some(s), Some(q)) => Some(s * skill_weight + q * (1.0 - skill_weight)),
        (Some(v), None) | (None, Some(v)) => Some(v),
        (None, None) => None,
    }
}

/// Whether the test gave this applicant a score yet.
pub fn is_scored(a: &TrackedApplicant) -> bool {
    a.skill.get().is_some() || a.adequation.get().is_some()
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
    /// Invited and still not started after the recruiter's number of days.
    pub stale: usize,
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
    stale: usize,
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
pub fn summaries(
    rows: &[TrackedApplicant],
    names: &OpeningNames,
    stale: Stale,
) -> Vec<OpeningSummary> {
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
            t.stale += usize::from(stale.days(a).is_some());
        }
        let status = if a.status().is_empty() {
            "not fetched yet" // not for people: a key of the statuses map; the window words it
        } else {
            a.status()
        };
        match t.statuses.iter_mut().find(|(s, _)| *s == status) {
            Some((_, n)) => *n += 1,
            None => t.statuses.push((status, 1)),
        }
        t.skills.extend(a.skill.get());
        t.adequations.extend(a.adequation.get());
        t.last = t.last.max(a.updated_at.get());
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
                stale: t.stale,
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

pub(super) fn median(values: &mut [f64]) -> Option<f64> {
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
