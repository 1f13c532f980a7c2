//! The order the Applicants table shows: filtered by text, status, "changed since last look",
//! opening, tag and decision, sorted by any column and then by a second one. Computed once
//! per change, never per frame.

use std::cmp::Ordering;

use super::assess::Decision;
use super::record::TrackedApplicant;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Id,
    Name,
    Email,
    Opening,
    Status,
    Step,
    Skill,
    Adequation,
    Updated,
    LastChecked,
    /// The recruiter's own rating.
    Rating,
    Decision,
}

impl SortKey {
    /// A second sort's key as the recruiter reads it, in the language in use.
    pub fn name(self) -> String {
        match self {
            SortKey::Skill => crate::t!("notices-sort-skill"),
            SortKey::Adequation => crate::t!("notices-sort-adequation"),
            SortKey::Rating => crate::t!("notices-sort-rating"),
            SortKey::Decision => crate::t!("notices-sort-decision"),
            SortKey::Name => crate::t!("notices-sort-name"),
            SortKey::Status => crate::t!("notices-sort-status"),
            SortKey::Step => crate::t!("notices-sort-step"),
            SortKey::Updated => crate::t!("notices-sort-updated"),
            SortKey::Id => crate::t!("notices-sort-id"),
            SortKey::Email => crate::t!("notices-sort-email"),
            SortKey::Opening => crate::t!("notices-sort-opening"),
            SortKey::LastChecked => crate::t!("notices-sort-last-checked"),
        }
    }

    /// The keys a second sort can take, with their names.
    pub const SECOND: [(SortKey, &'static str); 8] = [
        (SortKey::Skill, "skill"),
        (SortKey::Adequation, "adequation"),
        (SortKey::Rating, "your rating"), // not for people: see SortKey::name, which says it
        (SortKey::Decision, "decision"),
        (SortKey::Name, "name"),
        (SortKey::Status, "status"),
        (SortKey::Step, "step"),
        (SortKey::Updated, "updated"),
    ];
}

/// What the recruiter chose to see: a text to find, a status, only changed rows, a sort.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewOptions {
    pub filter: String,
    pub status: Option<String>,
    pub changed_only: bool,
    /// Only this opening's applicants (`Some(None)`: those whose opening is not known yet).
    pub opening: Option<Option<u64>>,
    pub tag: Option<String>,
    pub decision: Option<Decision>,
    /// Only those invited this many days ago or more who have not started.
    pub stale_after: Option<u32>,
    /// The column, and whether ascending.
    pub sort: (SortKey, bool),
    /// What decides between rows the first sort finds equal.
    pub then_by: Option<(SortKey, bool)>,
}

impl Default for ViewOptions {
    fn default() -> Self {
        ViewOptions {
            filter: String::new(),
            status: None,
            changed_only: false,
            opening: None,
            tag: None,
            decision: None,
            stale_after: None,
            sort: (SortKey::Id, false),
            then_by: None,
        }
    }
}

impl ViewOptions {
    /// The rows shown, in order, as indices into `rows`.
    pub fn order(&self, rows: &[TrackedApplicant]) -> Vec<usize> {
        order_rows(rows, self)
    }
}

/// The rows shown, in order: computed once per change of data, sort or filter, never per frame.
pub fn visible_rows(
    rows: &[TrackedApplicant],
    filter: &str,
    status: Option<&str>,
    changed_only: bool,
    sort: (SortKey, bool),
) -> Vec<usize> {
    order_rows(
        rows,
        &ViewOptions {
            filter: filter.to_owned(),
            status: status.map(str::to_owned),
            changed_only,
            sort,
            ..ViewOptions::default()
        },
    )
}

fn order_rows(rows: &[TrackedApplicant], options: &ViewOptions) -> Vec<usize> {
    let needle = options.filter.trim().to_lowercase();
    let status = options.status.as_deref();
    let changed_only = options.changed_only;
    let tag = options.tag.as_deref();
    let stale = options.stale_after.map(crate::jobs::track::Stale::after);
    let mut order: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            (needle.is_empty()
                || contains_folded(&r.name, &needle)
                || contains_folded(&r.email, &needle)
                || contains_folded(&r.code, &needle))
                && status.is_none_or(|s| r.status == s)
                && (!changed_only || r.changed)
                && options.opening.is_none_or(|o| r.opening_id == o)
                && tag.is_none_or(|t| r.tags.iter().any(|have| have == t))
                && options.decision.is_none_or(|d| r.decision == d)
                && stale.is_none_or(|s| s.days(r).is_some())
        })
        .map(|(i, _)| i)
        .collect();
    let (key, ascending) = options.sort;
    let float = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        (Some(_), None) => Ordering::Greater,
        (None, Some(_)) => Ordering::Less,
        (None, None) => Ordering::Equal,
    };
    if key == SortKey::Name && options.then_by.is_none() {
        // Lower-casing inside the comparator would allocate millions of times at 100,000 rows.
        order.sort_by_cached_key(|&i| (rows[i].name.to_lowercase(), rows[i].id));
        if !ascending {
            order.reverse();
        }
        return order;
    }
    let compare = |key: SortKey, x: &TrackedApplicant, y: &TrackedApplicant| match key {
        SortKey::Id => x.id.cmp(&y.id),
        // Case ignored, as the one-key path does, without a copy per comparison.
        SortKey::Name => x
            .name
            .chars()
            .flat_map(char::to_lowercase)
            .cmp(y.name.chars().flat_map(char::to_lowercase)),
        SortKey::Email => x.email.cmp(&y.email),
        SortKey::Opening => x.opening_id.cmp(&y.opening_id),
        SortKey::Status => x.status.cmp(&y.status),
        SortKey::Step => x.step.cmp(&y.step),
        SortKey::Skill => float(x.skill, y.skill),
        SortKey::Adequation => float(x.adequation, y.adequation),
        SortKey::Updated => x.updated_at.cmp(&y.updated_at),
        SortKey::LastChecked => x.last_checked.cmp(&y.last_checked),
        SortKey::Rating => x.rating.cmp(&y.rating),
        SortKey::Decision => x.decision.cmp(&y.decision),
    };
    let directed =
        |(key, ascending): (SortKey, bool), x: &TrackedApplicant, y: &TrackedApplicant| {
            let by = compare(key, x, y);
            if ascending { by } else { by.reverse() }
        };
    order.sort_by(|&a, &b| {
        let (x, y) = (&rows[a], &rows[b]);
        let by = directed((key, ascending), x, y);
        let by = match options.then_by {
            Some(then) => by.then_with(|| directed(then, x, y)),
            None => by,
        };
        by.then_with(|| directed((SortKey::Id, ascending), x, y))
    });
    order
}

/// Whether `haystack` contains `needle` (already lower case), ignoring case. ASCII text,
/// which is most of it, is compared in place: lower-casing 300,000 strings per keystroke
/// would cost more than the rest of the filter.
pub fn contains_folded(haystack: &str, needle: &str) -> bool {
    if haystack.is_ascii() && needle.is_ascii() {
        let (hay, pin) = (haystack.as_bytes(), needle.as_bytes());
        return pin.is_empty()
            || pin.len() <= hay.len()
                && hay.windows(pin.len()).any(|w| w.eq_ignore_ascii_case(pin));
    }
    haystack.to_lowercase().contains(needle)
}

#[cfg(test)]
mod tests {
    use super::contains_folded;

    #[test]
    fn the_filter_ignores_case_in_ascii_and_beyond() {
        assert!(contains_folded("John.Smith@Example.com", "smith@ex"));
        assert!(contains_folded("ATZDVQDH", "zdv"));
        assert!(!contains_folded("John", "johnny"));
        assert!(contains_folded("anything", ""));
        assert!(contains_folded("Øyvind ÅSE", "åse"));
        assert!(!contains_folded("Øyvind", "ase"));
    }
}
