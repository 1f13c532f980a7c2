//! The order the Applicants table shows: filtered by text, status, "changed since last look",
//! opening, tag and decision, sorted by any column and then by a second one. Computed once
//! per change, never per frame.

use std::cmp::Ordering;

use super::assess::Decision;
use super::record::TrackedApplicant;
use place::Placed;

mod place;

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

    /// The keys a second sort can take (`SortKey::name` says each).
    pub const SECOND: [SortKey; 8] = [
        SortKey::Skill,
        SortKey::Adequation,
        SortKey::Rating,
        SortKey::Decision,
        SortKey::Name,
        SortKey::Status,
        SortKey::Step,
        SortKey::Updated,
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
    /// The rows shown, in order, as indices into `rows` (4 bytes each: a million rows' order
    /// is 4 MB).
    pub fn order(&self, rows: &[TrackedApplicant]) -> Vec<u32> {
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
) -> Vec<u32> {
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

/// What a row must be to be shown, prepared once per change.
struct Wanted<'a> {
    needle: String,
    options: &'a ViewOptions,
    stale: Option<crate::jobs::track::Stale>,
}

impl Wanted<'_> {
    fn keeps(&self, r: &TrackedApplicant) -> bool {
        let o = self.options;
        (self.needle.is_empty()
            || contains_folded(&r.name, &self.needle)
            || contains_folded(&r.email, &self.needle)
            || contains_folded(&r.code, &self.needle))
            && o.status.as_deref().is_none_or(|s| r.status() == s)
            && (!o.changed_only || r.changed)
            && o.opening.is_none_or(|id| r.opening_id == id)
            && o.tag
                .as_deref()
                .is_none_or(|t| r.tags().iter().any(|have| have == t))
            && o.decision.is_none_or(|d| r.decision == d)
            && self.stale.is_none_or(|s| s.days(r).is_some())
    }
}

fn order_rows(rows: &[TrackedApplicant], options: &ViewOptions) -> Vec<u32> {
    let wanted = Wanted {
        needle: options.filter.trim().to_lowercase(),
        options,
        stale: options.stale_after.map(crate::jobs::track::Stale::after),
    };
    let (key, ascending) = options.sort;
    if key == SortKey::Id && options.then_by.is_none() {
        // The rows come in ID order already.
        let mut order: Vec<u32> = in_parts(rows.len(), |part| {
            part.filter(|&i| wanted.keeps(&rows[i]))
                .map(|i| i as u32)
                .collect::<Vec<_>>()
        })
        .concat();
        if !ascending {
            order.reverse();
        }
        return order;
    }
    let directed = |(key, ascending): (SortKey, bool), x: &Placed, y: &Placed| {
        let (a, b) = (&rows[x.at as usize], &rows[y.at as usize]);
        let by = compare(key, a, b);
        if ascending { by } else { by.reverse() }
    };
    let in_order = |x: &Placed, y: &Placed| {
        let by = (x.high, x.low).cmp(&(y.high, y.low)).then_with(|| {
            if x.exact && y.exact {
                Ordering::Equal
            } else {
                directed((key, true), x, y)
            }
        });
        let by = if ascending { by } else { by.reverse() };
        let by = match options.then_by {
            Some(then) => by.then_with(|| directed(then, x, y)),
            None => by,
        };
        let by_id = x.at.cmp(&y.at);
        by.then(if ascending { by_id } else { by_id.reverse() })
    };
    let runs = in_parts(rows.len(), |part| {
        let mut run: Vec<Placed> = part
            .filter(|&i| wanted.keeps(&rows[i]))
            .map(|i| Placed::of(key, &rows[i], i as u32))
            .collect();
        run.sort_unstable_by(in_order);
        run
    });
    merge(runs, in_order)
}

/// One column's order between two rows, as the table shows it ascending.
fn compare(key: SortKey, x: &TrackedApplicant, y: &TrackedApplicant) -> Ordering {
    let float = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        (Some(_), None) => Ordering::Greater,
        (None, Some(_)) => Ordering::Less,
        (None, None) => Ordering::Equal,
    };
    match key {
        SortKey::Id => x.id.cmp(&y.id),
        // Case ignored, without a copy per comparison.
        SortKey::Name => x
            .name
            .chars()
            .flat_map(char::to_lowercase)
            .cmp(y.name.chars().flat_map(char::to_lowercase)),
        SortKey::Email => x.email.cmp(&y.email),
        SortKey::Opening => x.opening_id.cmp(&y.opening_id),
        SortKey::Status => x.status().cmp(y.status()),
        SortKey::Step => x.step.cmp(&y.step),
        SortKey::Skill => float(x.skill.get(), y.skill.get()),
        SortKey::Adequation => float(x.adequation.get(), y.adequation.get()),
        SortKey::Updated => x.updated_at.cmp(&y.updated_at),
        SortKey::LastChecked => x.last_checked.cmp(&y.last_checked),
        SortKey::Rating => x.rating.cmp(&y.rating),
        SortKey::Decision => x.decision.cmp(&y.decision),
    }
}

/// `work` on each part of `0..len`, in order, the parts on as many threads as there are
/// cores when there are many rows (filtering a million takes the two cores half the time of
/// one).
pub fn in_parts<T: Send>(len: usize, work: impl Fn(std::ops::Range<usize>) -> T + Sync) -> Vec<T> {
    const WORTH_A_THREAD: usize = 50_000;
    let parts = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .clamp(1, 4)
        .min(len / WORTH_A_THREAD)
        .max(1);
    if parts == 1 {
        return vec![work(0..len)];
    }
    let size = len.div_ceil(parts);
    std::thread::scope(|scope| {
        let work = &work;
        let threads: Vec<_> = (0..parts)
            .map(|p| scope.spawn(move || work(p * size..((p + 1) * size).min(len))))
            .collect();
        threads
            .into_iter()
            .map(|t| t.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// The sorted runs as one order.
fn merge(runs: Vec<Vec<Placed>>, in_order: impl Fn(&Placed, &Placed) -> Ordering) -> Vec<u32> {
    let mut order = Vec::with_capacity(runs.iter().map(Vec::len).sum());
    let mut heads: Vec<_> = runs.into_iter().map(|r| r.into_iter().peekable()).collect();
    loop {
        let mut best: Option<(usize, Placed)> = None;
        for (k, head) in heads.iter_mut().enumerate() {
            if let Some(&p) = head.peek()
                && best.is_none_or(|(_, b)| in_order(&p, &b).is_lt())
            {
                best = Some((k, p));
            }
        }
        let Some((k, p)) = best else {
            return order;
        };
        heads[k].next();
        order.push(p.at);
    }
}

/// Whether `haystack` contains `needle` (already lower case), ignoring case. ASCII text,
/// which is most of it, is compared in place from each place its first letter is found:
/// lower-casing 3,000,000 strings per keystroke would cost more than the rest of the filter.
pub fn contains_folded(haystack: &str, needle: &str) -> bool {
    if haystack.is_ascii() && needle.is_ascii() {
        let (hay, pin) = (haystack.as_bytes(), needle.as_bytes());
        let Some((&first, rest)) = pin.split_first() else {
            return true;
        };
        let Some(last_start) = hay.len().checked_sub(pin.len()) else {
            return false;
        };
        return memchr::memchr2_iter(
            first.to_ascii_lowercase(),
            first.to_ascii_uppercase(),
            &hay[..=last_start],
        )
        .any(|at| hay[at + 1..at + pin.len()].eq_ignore_ascii_case(rest));
    }
    haystack.to_lowercase().contains(needle)
}

mod tests;
