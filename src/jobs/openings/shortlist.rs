//! One opening's applicants, best first by the overall score the recruiter weighs.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};

use super::funnel::{is_scored, overall};
use crate::jobs::record::TrackedApplicant;

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
            .then_with(|| higher_first(a.adequation.get(), b.adequation.get()))
            .then_with(|| earlier_first(a.finished_at.get(), b.finished_at.get()))
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
