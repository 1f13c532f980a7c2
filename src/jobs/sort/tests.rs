//! The order checked against the plainest statement of it, over rows made to tie.
#![cfg(test)]

use super::*;
use crate::store::{Answers, Moment, Score};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

#[test]
fn the_filter_ignores_case_in_ascii_and_beyond() {
    assert!(contains_folded("John.Smith@Example.com", "smith@ex"));
    assert!(contains_folded("ATZDVQDH", "zdv"));
    assert!(contains_folded("ab", "AB"));
    assert!(!contains_folded("John", "johnny"));
    assert!(!contains_folded("", "a"));
    assert!(contains_folded("anything", ""));
    assert!(contains_folded("Øyvind ÅSE", "åse"));
    assert!(!contains_folded("Øyvind", "ase"));
}

const KEYS: [SortKey; 12] = [
    SortKey::Id,
    SortKey::Name,
    SortKey::Email,
    SortKey::Opening,
    SortKey::Status,
    SortKey::Step,
    SortKey::Skill,
    SortKey::Adequation,
    SortKey::Updated,
    SortKey::LastChecked,
    SortKey::Rating,
    SortKey::Decision,
];

/// Texts that share long starts, differ in case, hold NULs and letters beyond ASCII.
fn text() -> impl Strategy<Value = String> {
    proptest::string::string_regex("(Ka|ka|Kaveh Kowalski-|é|É|\\x00|a|z){0,5}").unwrap()
}

fn row() -> impl Strategy<Value = TrackedApplicant> {
    let moment = proptest::option::of((0i64..4, 0u32..3))
        .prop_map(|t| t.map(|(s, n)| chrono::DateTime::from_timestamp(s, n).unwrap()));
    let score = proptest::option::of(prop_oneof![
        Just(-0.0),
        Just(0.0),
        Just(50.5),
        Just(f64::NAN)
    ]);
    (
        (text(), text(), proptest::option::of(0u64..3), text()),
        (
            proptest::option::of(0u32..3),
            score.clone(),
            score,
            proptest::option::of(1u8..3),
        ),
        (moment.clone(), moment, any::<bool>(), 0usize..4),
    )
        .prop_map(
            |(
                (name, email, opening_id, status),
                (step, skill, adequation, rating),
                (updated_at, last_checked, changed, decision),
            )| {
                let mut r = TrackedApplicant {
                    id: 0,
                    email: email.into(),
                    name: name.into(),
                    code: "C".into(),
                    opening_id,
                    status: 0,
                    step,
                    skill: skill.into(),
                    adequation: adequation.into(),
                    updated_at: updated_at.into(),
                    last_checked: last_checked.into(),
                    changed,
                    deleted_upstream: false,
                    created_at: Moment::NONE,
                    finished_at: Moment::NONE,
                    recruiter: Score::NONE,
                    answers: Answers::default(),
                    rating,
                    decision: [
                        Decision::None,
                        Decision::Shortlisted,
                        Decision::OnHold,
                        Decision::Rejected,
                    ][decision],
                    seldom: None,
                };
                r.set_status(&status);
                r
            },
        )
}

/// The order as plainly as it can be said: filter, then compare whole rows.
fn plainly(rows: &[TrackedApplicant], options: &ViewOptions) -> Vec<u32> {
    let needle = options.filter.trim().to_lowercase();
    let mut order: Vec<usize> = (0..rows.len())
        .filter(|&i| {
            let r = &rows[i];
            (r.name.to_lowercase().contains(&needle)
                || r.email.to_lowercase().contains(&needle)
                || r.code.to_lowercase().contains(&needle))
                && (!options.changed_only || r.changed)
        })
        .collect();
    let directed = |(key, ascending): (SortKey, bool), a: usize, b: usize| {
        let by = compare(key, &rows[a], &rows[b]);
        if ascending { by } else { by.reverse() }
    };
    order.sort_by(|&a, &b| {
        let by = directed(options.sort, a, b);
        let by = match options.then_by {
            Some(then) => by.then_with(|| directed(then, a, b)),
            None => by,
        };
        by.then_with(|| directed((SortKey::Id, options.sort.1), a, b))
    });
    order.into_iter().map(|i| i as u32).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn every_sort_orders_as_whole_rows_compare(
        mut rows in proptest::collection::vec(row(), 0..40),
        key in 0usize..12,
        ascending: bool,
        then in proptest::option::of((0usize..12, any::<bool>())),
        filter in prop_oneof![Just(""), Just("ka"), Just(" É "), Just("z")],
        changed_only: bool,
    ) {
        for (i, r) in rows.iter_mut().enumerate() {
            r.id = 100 + i as u64;
        }
        let options = ViewOptions {
            filter: filter.to_owned(),
            changed_only,
            sort: (KEYS[key], ascending),
            then_by: then.map(|(k, a)| (KEYS[k], a)),
            ..ViewOptions::default()
        };
        prop_assert_eq!(options.order(&rows), plainly(&rows, &options));
    }
}

#[test]
fn many_rows_are_filtered_in_parts_and_merged_in_order() {
    let names = [
        "Kaveh Okafor",
        "ada kowalski",
        "Bram Tanaka",
        "Élise Kaplan-Moreau-Lindqvist",
    ];
    let rows: Vec<TrackedApplicant> = (0..120_000u64)
        .map(|i| {
            let mut r = row()
                .new_tree(&mut proptest::test_runner::TestRunner::deterministic())
                .unwrap()
                .current();
            r.id = i;
            r.name = names[(i * 7 % 4) as usize].into();
            r.skill = (i % 5 != 0).then(|| (i * 37 % 1000) as f64 / 10.0).into();
            r
        })
        .collect();
    for sort in [
        (SortKey::Name, true),
        (SortKey::Skill, false),
        (SortKey::Id, false),
    ] {
        let options = ViewOptions {
            filter: "ka".into(),
            sort,
            ..ViewOptions::default()
        };
        let order = options.order(&rows);
        assert_eq!(order, plainly(&rows, &options), "sorted by {sort:?}");
        assert!(
            order.len() > 50_000,
            "most names hold \"ka\": {}",
            order.len()
        );
    }
}
