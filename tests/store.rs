//! The local record on real SQLite files: migrations, a damaged file, batches, history,
//! the invite log, and CSV export read back with the `csv` crate.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use chrono::{Duration, TimeZone, Utc};
use rickrut_dashboard::api::{ApplicantResponse, decode_applicant_response};
use rickrut_dashboard::jobs::sort::{SortKey, visible_rows};
use rickrut_dashboard::store::{self, InviteKey, InviteOutcome, SCHEMA_VERSION, Store, Upserted};
use serde_json::json;

fn response(id: u64, status: &str, step: u32, skill: Option<&str>) -> ApplicantResponse {
    let body = json!({"data": {"applicant": {
        "id": id, "email": format!("person{id}@example.com"), "opening_id": 45,
        "status": status, "step": step, "skill_score": skill, "adequation_score": skill,
        "first_name": format!("First{id}"), "last_name": "Tester", "code": format!("CODE{id:04}"),
        "updated_at": "2026-11-01T10:00:00Z", "quizz_answers": [], "case_answers": [], "poll_answers": []
    }}});
    decode_applicant_response(200, body.to_string().as_bytes()).unwrap()
}

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
fn a_hundred_thousand_upserts_in_batches() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("big.sqlite")).unwrap().store;
    let now = Utc::now();
    let all: Vec<ApplicantResponse> = (1..=100_000u64)
        .map(|id| {
            response(
                id,
                if id % 3 == 0 { "SCORED" } else { "INVITED" },
                (id % 7) as u32,
                None,
            )
        })
        .collect();
    for batch in all.chunks(5_000) {
        let out = store.upsert("Acme", batch, now).unwrap();
        assert!(out.iter().all(|o| *o == Upserted::New));
    }
    let rows = store.tracked("Acme").unwrap();
    assert_eq!(rows.len(), 100_000);
    assert_eq!(rows.iter().filter(|r| r.status == "SCORED").count(), 33_333);

    // Sorting and filtering the whole set, as the table does once per change.
    let order = visible_rows(
        &rows,
        "person99",
        Some("SCORED"),
        false,
        (SortKey::Id, false),
    );
    assert!(!order.is_empty());
    assert!(
        order
            .iter()
            .all(|&i| rows[i].email.contains("person99") && rows[i].status == "SCORED")
    );
    assert!(order.windows(2).all(|w| rows[w[0]].id > rows[w[1]].id));
}

#[test]
fn csv_export_reads_back_equal_to_the_table() {
    let mut store = Store::open_in_memory().unwrap();
    let mut tricky = response(3, "SCORED", 6, Some("88.0"));
    tricky.applicant.first_name = Some("Zoë \"Z\"".into());
    tricky.applicant.last_name = Some("O'Neil, Jr.".into());
    store
        .upsert(
            "Acme",
            &[
                response(1, "INVITED", 0, None),
                response(2, "SCORED", 6, Some("51.5")),
                tricky,
            ],
            Utc::now(),
        )
        .unwrap();
    let rows = store.tracked("Acme").unwrap();
    let order = visible_rows(&rows, "", None, false, (SortKey::Skill, false));
    let shown: Vec<_> = order.iter().map(|&i| rows[i].clone()).collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.csv");
    std::fs::write(
        &path,
        rickrut_dashboard::jobs::export::csv_bytes(&shown, &Default::default()),
    )
    .unwrap();

    let mut reader = csv::Reader::from_path(&path).unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, store::export::CSV_HEADER);
    let read: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let expected: Vec<Vec<String>> = store::export::csv_records(&shown, &Default::default())
        .into_iter()
        .map(Vec::from)
        .collect();
    assert_eq!(read, expected);
    assert_eq!(
        read[0][1], "Zoë \"Z\" O'Neil, Jr.",
        "quotes and commas survive"
    );
    assert_eq!(
        read.iter().map(|r| r[0].as_str()).collect::<Vec<_>>(),
        ["3", "2", "1"],
        "table order"
    );
    let bytes = std::fs::read(&path).unwrap();
    assert!(std::str::from_utf8(&bytes).is_ok());
    assert!(bytes.windows(2).any(|w| w == b"\r\n"), "RFC 4180 line ends");
}

#[test]
fn a_full_disk_loses_nothing_already_stored() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("full.sqlite")).unwrap().store;
    let first: Vec<ApplicantResponse> = (1..=50u64)
        .map(|id| response(id, "SCORED", 6, Some("50.0")))
        .collect();
    store.upsert("Acme", &first, Utc::now()).unwrap();
    // The disk fills up: the next batch cannot be written.
    store
        .set_max_page_count(store.page_count().unwrap())
        .unwrap();
    let more: Vec<ApplicantResponse> = (51..=5_000u64)
        .map(|id| response(id, "INVITED", 0, None))
        .collect();
    let err = store.upsert("Acme", &more, Utc::now()).unwrap_err();
    assert!(err.to_string().contains("full"), "{err}");
    // The failed batch left nothing half-written, and what was there is intact.
    let rows = store.tracked("Acme").unwrap();
    assert_eq!(rows.len(), 50);
    assert!(
        rows.iter()
            .all(|r| r.status == "SCORED" && r.skill == Some(50.0))
    );
    // Space again: work goes on.
    store.set_max_page_count(1_000_000).unwrap();
    store.upsert("Acme", &more, Utc::now()).unwrap();
    assert_eq!(store.tracked("Acme").unwrap().len(), 5_000);
}

#[test]
fn an_unusable_data_directory_is_an_error_in_words() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the directory should be: nothing can be created under it, whoever runs
    // the test (root ignores permission bits, so this is how "not writable" is made here).
    let blocker = dir.path().join("data");
    std::fs::write(&blocker, b"not a directory").unwrap();
    let err = match Store::open(&blocker.join("tracked.sqlite")) {
        Err(e) => e,
        Ok(_) => panic!("a database was opened under a file"),
    };
    let text = err.to_string();
    assert!(text.contains("could not be opened"), "{text}");
    assert!(text.contains(&blocker.display().to_string()), "{text}");
    assert_eq!(
        std::fs::read(&blocker).unwrap(),
        b"not a directory",
        "nothing was overwritten"
    );
}
