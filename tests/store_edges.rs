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
