//! The order the Applicants table shows: filtered by text, status and "changed since last
//! look", sorted by any column. Computed once per change, never per frame.

use std::cmp::Ordering;

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
}

/// What the recruiter chose to see: a text to find, a status, only changed rows, a sort.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewOptions {
    pub filter: String,
    pub status: Option<String>,
    pub changed_only: bool,
    /// The column, and whether ascending.
    pub sort: (SortKey, bool),
}

impl Default for ViewOptions {
    fn default() -> Self {
        ViewOptions {
            filter: String::new(),
            status: None,
            changed_only: false,
            sort: (SortKey::Id, false),
        }
    }
}

impl ViewOptions {
    /// The rows shown, in order, as indices into `rows`.
    pub fn order(&self, rows: &[TrackedApplicant]) -> Vec<usize> {
        visible_rows(
            rows,
            &self.filter,
            self.status.as_deref(),
            self.changed_only,
            self.sort,
        )
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
    let needle = filter.trim().to_lowercase();
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
        })
        .map(|(i, _)| i)
        .collect();
    let (key, ascending) = sort;
    let float = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        (Some(_), None) => Ordering::Greater,
        (None, Some(_)) => Ordering::Less,
        (None, None) => Ordering::Equal,
    };
    if key == SortKey::Name {
        // Lower-casing inside the comparator would allocate millions of times at 100,000 rows.
        order.sort_by_cached_key(|&i| (rows[i].name.to_lowercase(), rows[i].id));
        if !ascending {
            order.reverse();
        }
        return order;
    }
    order.sort_by(|&a, &b| {
        let (x, y) = (&rows[a], &rows[b]);
        let by = match key {
            SortKey::Id => x.id.cmp(&y.id),
            SortKey::Name => x.name.cmp(&y.name),
            SortKey::Email => x.email.cmp(&y.email),
            SortKey::Opening => x.opening_id.cmp(&y.opening_id),
            SortKey::Status => x.status.cmp(&y.status),
            SortKey::Step => x.step.cmp(&y.step),
            SortKey::Skill => float(x.skill, y.skill),
            SortKey::Adequation => float(x.adequation, y.adequation),
            SortKey::Updated => x.updated_at.cmp(&y.updated_at),
            SortKey::LastChecked => x.last_checked.cmp(&y.last_checked),
        }
        .then(x.id.cmp(&y.id));
        if ascending { by } else { by.reverse() }
    });
    order
}

/// Whether `haystack` contains `needle` (already lower case), ignoring case. ASCII text,
/// which is most of it, is compared in place: lower-casing 300,000 strings per keystroke
/// would cost more than the rest of the filter.
fn contains_folded(haystack: &str, needle: &str) -> bool {
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
