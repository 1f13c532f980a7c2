//! The record's behaviour, the same on both engines: each test runs on SQLite, then on a
//! fresh database of a real PostgreSQL server (tests/support/postgres.rs).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/engines.rs"]
mod engines;
#[path = "support/postgres.rs"]
mod pg;
#[path = "support/store.rs"]
mod support;

use chrono::{Duration, TimeZone, Utc};
use engines::each_engine;
use rickrut_dashboard::store::{self, InviteKey, InviteOutcome, StoreError, Upserted};
use support::response;

#[test]
fn changes_make_snapshots_and_marks() {
    each_engine("changes_make_snapshots_and_marks", |store| {
        let t0 = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
        let out = store
            .upsert("Acme", &[response(1, "INVITED", 0, None)], t0)
            .unwrap();
        assert_eq!(out, [Upserted::New]);
        let out = store
            .upsert(
                "Acme",
                &[response(1, "INVITED", 0, None)],
                t0 + Duration::minutes(5),
            )
            .unwrap();
        assert_eq!(out, [Upserted::Unchanged]);
        let out = store
            .upsert(
                "Acme",
                &[response(1, "SCORED", 6, Some("72.5"))],
                t0 + Duration::minutes(9),
            )
            .unwrap();
        assert_eq!(out, [Upserted::Changed]);
        let rows = store.tracked("Acme").unwrap();
        assert!(rows[0].changed);
        assert_eq!(rows[0].skill.get(), Some(72.5));
        assert_eq!(rows[0].applicant().unwrap().status.as_str(), "SCORED");
        // The table's summary leaves the JSON in the file; it is read for one applicant at a time.
        let summary = store.tracked_summary("Acme").unwrap();
        assert_eq!(summary.len(), rows.len());
        assert!(summary.iter().all(|r| r.raw_json().is_none()));
        assert_eq!(summary[0].skill, rows[0].skill);
        assert_eq!(
            store.raw_json("Acme", 1).unwrap().as_deref(),
            rows[0].raw_json()
        );
        assert_eq!(store.raw_json("Acme", 999).unwrap(), None);
        let history = store.history("Acme", 1).unwrap();
        assert_eq!(
            history
                .iter()
                .map(|h| h.status.as_str())
                .collect::<Vec<_>>(),
            ["INVITED", "SCORED"]
        );
        assert_eq!(history[1].skill, Some(72.5));
        store.mark_seen("Acme", &[1]).unwrap();
        assert!(!store.tracked("Acme").unwrap()[0].changed);
        // Profiles do not see each other's applicants.
        assert!(store.tracked("Other").unwrap().is_empty());

        store.mark_deleted_upstream("Acme", &[1], t0).unwrap();
        assert!(store.tracked("Acme").unwrap()[0].deleted_upstream);
        store.track_ids("Acme", &[2, 3]).unwrap();
        assert_eq!(store.tracked_ids("Acme").unwrap(), [1, 2, 3]);
        // A typed-in ID's first fetch is new, not a change.
        assert_eq!(
            store
                .upsert("Acme", &[response(2, "SCORED", 6, Some("10.0"))], t0)
                .unwrap(),
            [Upserted::New]
        );
        assert_eq!(store.untrack("Acme", &[1, 3]).unwrap(), 2);
        assert_eq!(store.tracked_ids("Acme").unwrap(), [2]);
        assert!(store.history("Acme", 1).unwrap().is_empty());
        assert_eq!(
            store.raw_json("Acme", 1).unwrap(),
            None,
            "its JSON goes too"
        );
        assert_eq!(store.raw_digests("Acme").unwrap().len(), 1);
    });
}

#[test]
fn an_applicant_back_unchanged_only_gets_its_check_time() {
    each_engine(
        "an_applicant_back_unchanged_only_gets_its_check_time",
        |store| {
            let t0 = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
            let scored = response(1, "SCORED", 6, Some("72.5"));
            store
                .upsert("Acme", &[response(1, "INVITED", 0, None)], t0)
                .unwrap();
            store
                .upsert("Acme", std::slice::from_ref(&scored), t0)
                .unwrap();
            assert!(store.tracked("Acme").unwrap()[0].changed);
            store.mark_deleted_upstream("Acme", &[1], t0).unwrap();
            store
                .mark_failed("Acme", &[(1, "timed out".to_owned())])
                .unwrap();

            let later = t0 + Duration::hours(2);
            assert_eq!(
                store
                    .upsert("Acme", std::slice::from_ref(&scored), later)
                    .unwrap(),
                [Upserted::Unchanged]
            );
            let row = &store.tracked("Acme").unwrap()[0];
            assert_eq!(row.last_checked.get(), Some(later));
            assert!(!row.deleted_upstream, "it answered again");
            assert_eq!(row.last_error(), None);
            assert!(row.changed, "not yet seen: the earlier change still shows");
            assert_eq!(row.raw_json(), Some(scored.raw.get()));
            assert_eq!(
                store.history("Acme", 1).unwrap().len(),
                2,
                "no new snapshot"
            );
        },
    );
}

#[test]
fn digests_follow_the_json_as_received() {
    each_engine("digests_follow_the_json_as_received", |store| {
        let t0 = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
        store.track_ids("Acme", &[3]).unwrap();
        let invited = response(1, "INVITED", 0, None);
        let scored = response(2, "SCORED", 6, Some("72.5"));
        store
            .upsert("Acme", &[invited.clone(), scored.clone()], t0)
            .unwrap();
        store
            .upsert("Other", &[response(9, "HIRED", 6, None)], t0)
            .unwrap();
        let digests = store.raw_digests("Acme").unwrap();
        assert_eq!(
            digests.len(),
            2,
            "none for an ID never fetched, none from another profile"
        );
        assert_eq!(digests[&1], store::raw_digest(invited.raw.get()));
        assert_eq!(digests[&2], store::raw_digest(scored.raw.get()));
        assert_ne!(digests[&1], digests[&2]);

        let moved = response(1, "STARTED", 1, None);
        store
            .upsert("Acme", std::slice::from_ref(&moved), t0)
            .unwrap();
        assert_eq!(
            store.raw_digests("Acme").unwrap()[&1],
            store::raw_digest(moved.raw.get()),
            "rewritten with the JSON"
        );

        store.mark_deleted_upstream("Acme", &[2], t0).unwrap();
        let later = t0 + Duration::hours(3);
        store.mark_checked("Acme", &[2], later).unwrap();
        let rows = store.tracked("Acme").unwrap();
        let row = rows.iter().find(|r| r.id == 2).unwrap();
        assert_eq!(row.last_checked.get(), Some(later));
        assert!(!row.deleted_upstream, "it answered again");
        assert_eq!(row.raw_json(), Some(scored.raw.get()), "kept as it was");
    });
}

#[test]
fn invite_log_knows_who_was_invited() {
    each_engine("invite_log_knows_who_was_invited", |store| {
        let now = Utc::now();
        store
            .log_invite(
                "Acme",
                &InviteKey::new("Ada@Example.com", "software-engineer"),
                &InviteOutcome::Created {
                    id: 5,
                    code: "ABCDEFGH".into(),
                },
                now,
            )
            .unwrap();
        store
            .log_invite(
                "Acme",
                &InviteKey::new("bo@example.com", "software-engineer"),
                &InviteOutcome::Failed("422".into()),
                now,
            )
            .unwrap();
        assert!(
            store
                .was_invited(
                    "Acme",
                    &InviteKey::new("ada@example.com", "software-engineer")
                )
                .unwrap()
        );
        assert!(
            !store
                .was_invited("Acme", &InviteKey::new("ada@example.com", "data-analyst"))
                .unwrap()
        );
        assert!(
            !store
                .was_invited(
                    "Acme",
                    &InviteKey::new("bo@example.com", "software-engineer")
                )
                .unwrap()
        );
        assert!(
            !store
                .was_invited(
                    "Other",
                    &InviteKey::new("ada@example.com", "software-engineer")
                )
                .unwrap()
        );
    });
}

/// Work done together is kept whole or not at all: when it fails before anything reached the
/// database (on PostgreSQL, writes wait to leave with the next statement) and after (a read
/// sent them); what was written is read back inside the work.
#[test]
fn work_done_together_is_kept_whole_or_not_at_all() {
    each_engine("work_done_together", |store| {
        let t0 = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
        let key = InviteKey::new("ada@example.com", "software-engineer");
        let created = InviteOutcome::Created {
            id: 1,
            code: "AB12".into(),
        };
        let before_any_read = store.together(|s| {
            s.upsert("Acme", &[response(1, "INVITED", 0, None)], t0)?;
            s.log_invite("Acme", &key, &created, t0)?;
            Err::<(), _>(StoreError::Closed)
        });
        assert!(matches!(before_any_read, Err(StoreError::Closed)));
        assert!(store.tracked("Acme").unwrap().is_empty());
        assert!(!store.was_invited("Acme", &key).unwrap());

        let after_a_read = store.together(|s| {
            s.log_invite("Acme", &key, &created, t0)?;
            assert!(
                s.was_invited("Acme", &key)?,
                "a write is read back inside the work"
            );
            s.upsert("Acme", &[response(1, "INVITED", 0, None)], t0)?;
            Err::<(), _>(StoreError::Closed)
        });
        assert!(matches!(after_a_read, Err(StoreError::Closed)));
        assert!(store.tracked("Acme").unwrap().is_empty());
        assert!(!store.was_invited("Acme", &key).unwrap());

        store
            .together(|s| {
                s.upsert("Acme", &[response(1, "INVITED", 0, None)], t0)?;
                s.log_invite("Acme", &key, &created, t0)
            })
            .unwrap();
        assert_eq!(store.tracked("Acme").unwrap().len(), 1);
        assert!(store.was_invited("Acme", &key).unwrap());
        // Nested: the inner work is part of the outer, undone with it.
        let nested = store.together(|s| {
            s.together(|s| {
                s.log_invite("Acme", &InviteKey::new("bo@example.com", "x"), &created, t0)
            })?;
            Err::<(), _>(StoreError::Closed)
        });
        assert!(nested.is_err());
        assert!(
            !store
                .was_invited("Acme", &InviteKey::new("bo@example.com", "x"))
                .unwrap()
        );
    });
}

/// An invite teaches the record its opening's name: written when new or renamed, never over
/// a name the recruiter gave by hand.
#[test]
fn an_opening_learns_its_name_and_keeps_one_given_by_hand() {
    each_engine("an_opening_learns_its_name", |store| {
        let at = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
        let names = |store: &mut store::Store| {
            store
                .openings("Acme")
                .unwrap()
                .into_iter()
                .map(|o| (o.id, o.name, o.named_by_hand))
                .collect::<Vec<_>>()
        };
        store
            .learn_opening("Acme", 45, "software-engineer", at)
            .unwrap();
        store
            .learn_opening("Acme", 45, "software-engineer", at)
            .unwrap();
        store
            .learn_opening("Acme", 46, "  data-analyst ", at)
            .unwrap();
        assert_eq!(
            names(store),
            [
                (45, "software-engineer".to_owned(), false),
                (46, "data-analyst".to_owned(), false)
            ]
        );
        store
            .learn_opening("Acme", 45, "backend-engineer", at)
            .unwrap();
        assert_eq!(names(store)[0], (45, "backend-engineer".to_owned(), false));
        store
            .name_opening("Acme", 45, "platform", Some("Platform engineer"), at)
            .unwrap();
        store
            .learn_opening("Acme", 45, "software-engineer", at)
            .unwrap();
        assert_eq!(names(store)[0], (45, "platform".to_owned(), true));
    });
}

/// An invite recorded reaches every table it writes (on PostgreSQL as one statement): the
/// applicant, the JSON received, its first snapshot, the opening's name and the log.
#[test]
fn an_invite_recorded_reaches_every_table() {
    each_engine("an_invite_recorded", |store| {
        let at = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
        let key = InviteKey::new("person7@example.com", "software-engineer");
        let outcome = InviteOutcome::Created {
            id: 7,
            code: "CODE0007".into(),
        };
        let answer = response(7, "INVITED", 0, None);
        store
            .record_invite("Acme", &key, &outcome, Some(&answer), at)
            .unwrap();
        let tracked = store.tracked("Acme").unwrap();
        assert_eq!(tracked.len(), 1);
        assert_eq!((tracked[0].id, tracked[0].status()), (7, "INVITED"));
        assert_eq!(
            store.raw_json("Acme", 7).unwrap().as_deref(),
            Some(answer.raw.get())
        );
        assert_eq!(store.history("Acme", 7).unwrap().len(), 1);
        let openings = store.openings("Acme").unwrap();
        assert_eq!(
            (openings[0].id, openings[0].name.as_str()),
            (45, "software-engineer")
        );
        assert!(store.was_invited("Acme", &key).unwrap());
    });
}

/// Writes side by side: a second write to a table of the group comes after the first (the
/// later name wins), a read inside sees what was written before it, and work that fails
/// leaves nothing.
#[test]
fn writes_side_by_side_keep_their_order_and_are_whole() {
    each_engine("writes_side_by_side", |store| {
        let at = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
        let key = InviteKey::new("ada@example.com", "software-engineer");
        let created = InviteOutcome::Created {
            id: 1,
            code: "AB12".into(),
        };
        store
            .side_by_side(|s| {
                s.learn_opening("Acme", 45, "first-name", at)?;
                s.log_invite("Acme", &key, &created, at)?;
                s.learn_opening("Acme", 45, "second-name", at)?;
                assert!(
                    s.was_invited("Acme", &key)?,
                    "a read sees the writes before it"
                );
                s.learn_opening("Acme", 46, "data-analyst", at)
            })
            .unwrap();
        let names: Vec<_> = store
            .openings("Acme")
            .unwrap()
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect();
        assert_eq!(
            names,
            [
                (45, "second-name".to_owned()),
                (46, "data-analyst".to_owned())
            ]
        );

        let other = InviteKey::new("bo@example.com", "software-engineer");
        let failed = store.side_by_side(|s| {
            s.log_invite("Acme", &other, &created, at)?;
            s.learn_opening("Acme", 47, "designer", at)?;
            Err::<(), _>(StoreError::Closed)
        });
        assert!(matches!(failed, Err(StoreError::Closed)));
        assert!(!store.was_invited("Acme", &other).unwrap());
        assert_eq!(store.openings("Acme").unwrap().len(), 2);
    });
}
