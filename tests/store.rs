//! The local record on real SQLite files: migrations, a damaged file, SQLite's words kept for
//! details (history and the invite log, on both engines, are in tests/store_engines.rs). Batches, CSV export read back with the `csv` crate, a full disk and an unusable
//! directory are in tests/store_edges.rs.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/store.rs"]
mod support;

use chrono::Utc;
use rickrut_dashboard::store::{self, InviteKey, SCHEMA_VERSION, Store};
use support::response;

#[test]
fn migrates_an_empty_file_and_an_older_schema() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh.sqlite");
    let mut opened = Store::open(&fresh).unwrap();
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
    assert_eq!(rows[0].raw_json(), Some("{\"id\":7}"));
    assert_eq!(rows[1].raw_json(), None, "an ID typed in, never fetched");
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

/// What a refresh holds from start to end for each applicant: their status before the run,
/// one shared copy of each status word (a million applicants, a handful of words).
#[test]
fn statuses_before_a_run_share_each_word() {
    let mut store = Store::open_in_memory().unwrap();
    let now = Utc::now();
    store
        .upsert(
            "Acme",
            &[
                response(1, "INVITED", 0, None),
                response(2, "INVITED", 0, None),
                response(3, "SCORED", 4, Some("7.5")),
            ],
            now,
        )
        .unwrap();
    store.track_ids("Acme", &[4]).unwrap();
    let statuses = store.statuses("Acme").unwrap();
    assert_eq!(statuses.len(), 4);
    assert_eq!(
        (&*statuses[&1], &*statuses[&3], &*statuses[&4]),
        ("INVITED", "SCORED", "")
    );
    assert!(std::sync::Arc::ptr_eq(&statuses[&1], &statuses[&2]));
}
