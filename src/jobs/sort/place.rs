//! A row's place under one sort column as one number, so that a million rows sort by
//! comparing integers, not by reading two rows per comparison. A text longer than the number
//! holds keeps its first 15 bytes there, and only a tie between two of those reads the texts.

use super::SortKey;
use crate::jobs::record::TrackedApplicant;

/// One row shown, with its place under the first sort column.
#[derive(Clone, Copy, Debug)]
pub(super) struct Placed {
    /// The place, high half first (two halves keep the entry at 24 bytes).
    pub high: u64,
    pub low: u64,
    /// The row's index; the rows come in ID order, so it also breaks ties by ID.
    pub at: u32,
    /// Whether the place is the whole value (false: a tie must compare the texts).
    pub exact: bool,
}

impl Placed {
    pub fn of(key: SortKey, row: &TrackedApplicant, at: u32) -> Placed {
        let (place, exact) = place(key, row);
        Placed {
            high: (place >> 64) as u64,
            low: place as u64,
            at,
            exact,
        }
    }
}

fn place(key: SortKey, r: &TrackedApplicant) -> (u128, bool) {
    match key {
        SortKey::Id => (u128::from(r.id), true),
        SortKey::Name => text_start(r.name.chars().flat_map(char::to_lowercase)),
        SortKey::Email => text_start(r.email.chars()),
        SortKey::Status => text_start(r.status().chars()),
        SortKey::Opening => (maybe(r.opening_id), true),
        SortKey::Step => (maybe(r.step.map(u64::from)), true),
        SortKey::Skill => (maybe(r.skill.get().map(float)), true),
        SortKey::Adequation => (maybe(r.adequation.get().map(float)), true),
        SortKey::Updated => (moment(r.updated_at.get()), true),
        SortKey::LastChecked => (moment(r.last_checked.get()), true),
        SortKey::Rating => (maybe(r.rating.map(u64::from)), true),
        SortKey::Decision => (r.decision as u128, true),
    }
}

/// Nothing before any value, as `Option` orders them.
fn maybe(value: Option<u64>) -> u128 {
    value.map_or(0, |v| 1 << 64 | u128::from(v))
}

/// A float's total order (`f64::total_cmp`) as an unsigned number.
fn float(x: f64) -> u64 {
    let bits = x.to_bits();
    if bits >> 63 == 1 {
        !bits
    } else {
        bits | 1 << 63
    }
}

/// A moment as seconds, then nanoseconds (a leap second's included); nothing first.
fn moment(at: Option<chrono::DateTime<chrono::Utc>>) -> u128 {
    at.map_or(0, |t| {
        let seconds = (t.timestamp() as u64) ^ 1 << 63;
        1 << 96 | u128::from(seconds) << 32 | u128::from(t.timestamp_subsec_nanos())
    })
}

/// The first 15 bytes of a text (UTF-8 orders as its characters do), then its length when it
/// fits: with the same first bytes, the shorter text is the start of the longer one. A text
/// that does not fit ends in 0xFF and is not exact.
fn text_start(chars: impl Iterator<Item = char>) -> (u128, bool) {
    let mut bytes = [0u8; 16];
    let mut len = 0usize;
    for c in chars {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            if len == 15 {
                bytes[15] = 0xFF;
                return (u128::from_be_bytes(bytes), false);
            }
            bytes[len] = b;
            len += 1;
        }
    }
    bytes[15] = len as u8;
    (u128::from_be_bytes(bytes), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_place_as_they_compare() {
        let texts = [
            "",
            "a",
            "a\0",
            "a\0\0",
            "ab",
            "abc",
            "b",
            "Z",
            "é",
            "aaaaaaaaaaaaaaa",
            "aaaaaaaaaaaaaaaa",
            "aaaaaaaaaaaaaab",
            "aaaaaaaaaaaaaa\0x",
            "aaaaaaaaaaaaaaé",
        ];
        for x in texts {
            for y in texts {
                let (px, ex) = text_start(x.chars());
                let (py, ey) = text_start(y.chars());
                let by_place = px.cmp(&py);
                if by_place.is_ne() || (ex && ey) {
                    assert_eq!(by_place, x.cmp(y), "{x:?} against {y:?}");
                }
            }
        }
    }

    #[test]
    fn floats_place_in_total_order() {
        let values = [
            f64::NEG_INFINITY,
            -2.5,
            -0.0,
            0.0,
            1e-300,
            3.0,
            f64::INFINITY,
            f64::NAN,
        ];
        for x in values {
            for y in values {
                assert_eq!(float(x).cmp(&float(y)), x.total_cmp(&y), "{x} against {y}");
            }
        }
    }
}
