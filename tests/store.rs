//! The local record on real SQLite files: migrations, a damaged file, history and the invite
//! log. Batches, CSV export read back with the `csv` crate, a full disk and an unusable
//! directory are in tests/store_edges.rs.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/store.rs"]
mod support;

use chrono::{Duration, TimeZone, Utc};
use rickrut_dashboard::store::{self, InviteKey, InviteOutcome, SCHEMA_VERSION, Store, Upserted};
use support::response;

#[test]
fn migrates_an_empty_file_and_an_older_schema() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh.sqlite");
    let opened = Store::open(&fresh).unwrap();
    assert!(opened.recovered.is_none());
    assert_eq!(opened.store.schema_version().unwrap(), SCHEMA_VERSION);

    // A database left at schema 1 by an older build, with a row in it.
    let old = dir.path().join("old.sqlite");
    {
        let conn = rusqlite::Connection::open(&old).unwrap();
        conn.execute_batch(SCHEMA_1).unwrap();
        conn.execute_batch(
            "INSERT INTO tracked (profile, id, email, name, status, raw_json) VALUES ('Acme', 7, 'a@example.com', 'Ada', 'INVITED', '{\"id\":7}');
             INSERT INTO tracked (profile, id) VALUES ('Acme', 8);
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let opened = Store::open(&old).unwrap();
    assert!(opened.recovered.is_none());
    let mut store = opened.store;
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let rows = store.tracked("Acme").unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].name, "Ada");
    // The JSON as received moved to its own table (schema 4), without a digest yet.
    assert_eq!(rows[0].raw_json.as_deref(), Some("{\"id\":7}"));
    assert_eq!(rows[1].raw_json, None, "an ID typed in, never fetched");
    assert_eq!(
        store.raw_json("Acme", 7).unwrap().as_deref(),
        Some("{\"id\":7}")
    );
    assert!(store.raw_digests("Acme").unwrap().is_empty());
    assert!(!rows[0].changed && !rows[0].deleted_upstream);
    assert!(
        !store
            .was_invited("Acme", &InviteKey::new("a@example.com", "x"))
            .unwrap(),
        "invite_log exists"
    );
}

/// Schema 1 as the first migration wrote it.
const SCHEMA_1: &str = "CREATE TABLE tracked (profile TEXT NOT NULL, id INTEGER NOT NULL, email TEXT NOT NULL DEFAULT '', name TEXT NOT NULL DEFAULT '', code TEXT NOT NULL DEFAULT '', opening_id INTEGER, status TEXT NOT NULL DEFAULT '', step INTEGER, skill REAL, adequation REAL, updated_at TEXT, last_checked TEXT, raw_json TEXT, PRIMARY KEY (profile, id));
CREATE TABLE snapshots (profile TEXT NOT NULL, id INTEGER NOT NULL, taken_at TEXT NOT NULL, status TEXT NOT NULL, step INTEGER, skill REAL, adequation REAL, recruiter REAL);
CREATE INDEX snapshots_by_applicant ON snapshots (profile, id, taken_at);";

#[test]
fn a_damaged_file_is_set_aside_and_a_new_one_started() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tracked.sqlite");
    std::fs::write(
        &path,
        b"this is not a database, just some bytes that went wrong",
    )
    .unwrap();
    let opened = Store::open(&path).unwrap();
    let notice = opened.recovered.expect("the user is told");
    assert!(notice.contains("damaged"), "{notice}");
    let mut store = opened.store;
    store
        .upsert("Acme", &[response(1, "INVITED", 0, None)], Utc::now())
        .unwrap();
    assert_eq!(store.tracked("Acme").unwrap().len(), 1);
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("damaged"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    let kept = std::fs::read(dir.path().join(&aside[0])).unwrap();
    assert!(
        kept.starts_with(b"this is not a database"),
        "the damaged file is kept as it was"
    );
}

#[test]
fn changes_make_snapshots_and_marks() {
    let mut store = Store::open_in_memory().unwrap();
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
    assert_eq!(rows[0].skill, Some(72.5));
    assert_eq!(rows[0].applicant().unwrap().status.as_str(), "SCORED");
    // The table's summary leaves the JSON in the file; it is read for one applicant at a time.
    let summary = store.tracked_summary("Acme").unwrap();
    assert_eq!(summary.len(), rows.len());
    assert!(summary.iter().all(|r| r.raw_json.is_none()));
    assert_eq!(summary[0].skill, rows[0].skill);
    assert_eq!(store.raw_json("Acme", 1).unwrap(), rows[0].raw_json);
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
}

#[test]
fn an_applicant_back_unchanged_only_gets_its_check_time() {
    let mut store = Store::open_in_memory().unwrap();
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
    assert_eq!(row.last_checked, Some(later));
    assert!(!row.deleted_upstream, "it answered again");
    assert_eq!(row.last_error, None);
    assert!(row.changed, "not yet seen: the earlier change still shows");
    assert_eq!(row.raw_json.as_deref(), Some(scored.raw.get()));
    assert_eq!(
        store.history("Acme", 1).unwrap().len(),
        2,
        "no new snapshot"
    );
}

#[test]
fn digests_follow_the_json_as_received() {
    let mut store = Store::open_in_memory().unwrap();
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
    assert_eq!(row.last_checked, Some(later));
    assert!(!row.deleted_upstream, "it answered again");
    assert_eq!(
        row.raw_json.as_deref(),
        Some(scored.raw.get()),
        "kept as it was"
    );
}

#[test]
fn invite_log_knows_who_was_invited() {
    let mut store = Store::open_in_memory().unwrap();
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
}

#[test]
fn store_errors_keep_sqlite_words_in_the_details() {
    // A damaged file: the notice is words, SQLite's reason is not in it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tracked.sqlite");
    std::fs::write(
        &path,
        b"not a database at all, only some bytes that went wrong",
    )
    .unwrap();
    let notice = Store::open(&path).unwrap().recovered.unwrap();
    assert!(notice.contains("damaged"), "{notice}");
    assert!(
        !notice.contains("file is not a database") && !notice.contains('('),
        "{notice}"
    );

    // Each error: one sentence without the library's words, which stay in the details.
    let sqlite_words = "database disk image is malformed (SQLITE_CORRUPT)";
    for error in [
        store::StoreError::Corrupt {
            detail: sqlite_words.into(),
        },
        store::StoreError::Sqlite(sqlite_words.into()),
        store::StoreError::Open {
            path: "/data/tracked.sqlite".into(),
            reason: sqlite_words.into(),
        },
    ] {
        let sentence = error.to_string();
        assert!(!sentence.contains("malformed"), "{sentence}");
        assert!(!sentence.contains("SQLITE"), "{sentence}");
        assert!(sentence.contains("local record"), "{sentence}");
        assert_eq!(error.technical(), Some(sqlite_words));
    }

    // A directory that cannot be made: the system's words are in the details only.
    let blocker = dir.path().join("data");
    std::fs::write(&blocker, b"not a directory").unwrap();
    let Err(err) = Store::open(&blocker.join("tracked.sqlite")) else {
        panic!("a database was opened under a file");
    };
    let sentence = err.to_string();
    assert!(!sentence.contains("os error"), "{sentence}");
    assert!(
        err.technical().is_some_and(|t| t.contains("os error")),
        "{:?}",
        err.technical()
    );
}
