//! The local record at its edges, on real SQLite files: a hundred thousand rows in batches,
//! CSV export read back with the `csv` crate, a full disk and an unusable data directory.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/store.rs"]
mod support;

use chrono::Utc;
use rickrut_dashboard::api::ApplicantResponse;
use rickrut_dashboard::jobs::sort::{SortKey, visible_rows};
use rickrut_dashboard::store::{self, Store, Upserted};
use support::response;

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
    assert_eq!(
        rows.iter().filter(|r| r.status() == "SCORED").count(),
        33_333
    );

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
            .all(|&i| rows[i as usize].email.contains("person99")
                && rows[i as usize].status() == "SCORED")
    );
    assert!(
        order
            .windows(2)
            .all(|w| rows[w[0] as usize].id > rows[w[1] as usize].id)
    );
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
    let shown: Vec<_> = order.iter().map(|&i| rows[i as usize].clone()).collect();
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
            .all(|r| r.status() == "SCORED" && r.skill.get() == Some(50.0))
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

#[test]
fn every_commit_reaches_the_disk_before_it_returns() {
    // A bulk row's "sending" mark must survive a power cut after its request left: with WAL
    // and synchronous=NORMAL, commits wait for the next checkpoint's sync (a simulated loss of
    // the un-synced WAL frames re-sent rows); FULL syncs the WAL at every commit.
    let dir = tempfile::tempdir().unwrap();
    let opened = Store::open(&dir.path().join("tracked.sqlite")).unwrap();
    let (journal, synchronous) = opened.store.durability().unwrap();
    assert_eq!(journal.to_lowercase(), "wal");
    assert_eq!(synchronous, 2, "synchronous=FULL");
}

#[test]
fn a_record_from_before_opening_names_learns_them_from_its_invite_log() {
    // A record at schema 4: the tables and columns schemas 5 to 8 added taken away again.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tracked.sqlite");
    drop(Store::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TABLE invite_claims;
             DROP TABLE openings; DROP TABLE notes; DROP TABLE tags; DROP TABLE assessments;
             ALTER TABLE tracked DROP COLUMN created_at; ALTER TABLE tracked DROP COLUMN finished_at;
             ALTER TABLE tracked DROP COLUMN recruiter; ALTER TABLE tracked DROP COLUMN quizz_answers;
             ALTER TABLE tracked DROP COLUMN case_answers; ALTER TABLE tracked DROP COLUMN poll_answers;
             ALTER TABLE tracked DROP COLUMN gibberish; ALTER TABLE tracked DROP COLUMN case_seconds;
             ALTER TABLE bulk_rows DROP COLUMN invite_email; ALTER TABLE bulk_rows DROP COLUMN invite_opening;
             INSERT INTO tracked (profile, id, email, opening_id, status) VALUES ('Acme', 9, 'b@example.com', 46, 'INVITED');
             INSERT INTO tracked (profile, id, email, opening_id, status) VALUES ('Acme', 10, 'c@example.com', 47, 'INVITED');
             INSERT INTO invite_log (profile, at, email, opening, outcome, applicant_id, code)
                VALUES ('Acme', '2026-11-01T08:00:00+00:00', 'b@example.com', 'data-analyst', 'created', 9, 'X');
             INSERT INTO invite_log (profile, at, email, opening, outcome, detail)
                VALUES ('Acme', '2026-11-01T08:01:00+00:00', 'c@example.com', 'typo-opening', 'failed', 'refused');
             PRAGMA user_version = 4;",
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap().store;
    let openings = store.openings("Acme").unwrap();
    assert_eq!(
        openings.len(),
        1,
        "only the invite that created someone: {openings:?}"
    );
    assert_eq!(
        (openings[0].id, openings[0].name.as_str()),
        (46, "data-analyst")
    );
    assert_eq!(store.tracked("Acme").unwrap().len(), 2);
}

#[test]
fn a_refresh_answer_for_an_applicant_forgotten_meanwhile_is_not_written_back() {
    let mut store = Store::open_in_memory().unwrap();
    let t0 = Utc::now();
    store
        .upsert("Acme", &[response(1, "INVITED", 0, None)], t0)
        .unwrap();
    store.track_ids("Acme", &[2]).unwrap();
    // The refresh asked for both; the recruiter forgot 1 before its answer was written.
    assert!(store.forget("Acme", 1).unwrap());
    let answers = [
        response(1, "SCORED", 6, Some("80.0")),
        response(2, "SCORED", 6, Some("70.0")),
    ];
    store.refreshed("Acme", &answers, t0).unwrap();
    assert_eq!(store.tracked_ids("Acme").unwrap(), [2]);
    assert!(store.history("Acme", 1).unwrap().is_empty());
    assert_eq!(store.raw_json("Acme", 1).unwrap(), None);
    // A look-up of the same applicant tracks them again, as the recruiter asked.
    store.upsert("Acme", &answers[..1], t0).unwrap();
    assert_eq!(store.tracked_ids("Acme").unwrap(), [1, 2]);
}
