//! Opening the record on a full disk is not damage: the healthy file and its `-wal` stay
//! where they are (nothing set aside, nothing deleted), the opening says in words what went
//! wrong if it fails, and once there is room every applicant is there again.
//!
//! A real full filesystem, a tmpfs, needs root: without it the test says why on stderr and
//! fails when `CI=true` (CI runs as root). SQLite's page limit cannot stand in here, since it
//! is set on a connection that is already open.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/store.rs"]
mod store_support;
#[path = "support/disk.rs"]
mod support;

use chrono::Utc;
use rickrut_dashboard::jobs::record::Records;
use rickrut_dashboard::store::Store;
use store_support::response;
use support::Tmpfs;

const APPLICANTS: u64 = 40;

#[test]
fn opening_the_record_on_a_full_disk_keeps_it_and_its_wal() {
    let dir = tempfile::tempdir().unwrap();
    let disk = match Tmpfs::mount(&dir.path().join("disk"), "2m") {
        Ok(disk) => disk,
        Err(why) => return support::skipped("open on a full disk", &why),
    };
    let path = disk.dir.join("tracked.sqlite");
    let wal = disk.dir.join("tracked.sqlite-wal");

    // A healthy record whose last writes are still in its `-wal`: made beside the tmpfs and
    // copied while its connection is open (closing it would fold the WAL into the file).
    let elsewhere = dir.path().join("tracked.sqlite");
    let mut store = Store::open(&elsewhere).unwrap().store;
    let applicants: Vec<_> = (1..=APPLICANTS)
        .map(|id| response(id, "SCORED", 6, Some("70.0")))
        .collect();
    store.upsert("Acme", &applicants, Utc::now()).unwrap();
    std::fs::copy(&elsewhere, &path).unwrap();
    std::fs::copy(dir.path().join("tracked.sqlite-wal"), &wal).unwrap();
    drop(store);
    let file_bytes = std::fs::read(&path).unwrap();
    let wal_bytes = std::fs::read(&wal).unwrap();
    assert!(!wal_bytes.is_empty(), "the copy has a WAL to recover");

    // The disk fills up to the last byte; then the app opens its record there.
    let filler = disk.fill_leaving(0);
    assert_eq!(disk.free(), 0, "the tmpfs is full");
    let opened = Records::open(Some(&disk.dir));
    // Looked at while the record is still open: closing it may fold the WAL into the file.
    let names: Vec<String> = std::fs::read_dir(&disk.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.contains("damaged")),
        "set aside: {names:?}"
    );
    assert!(
        path.exists() && wal.exists(),
        "the file and its -wal are kept: {names:?}"
    );
    match opened {
        Ok(opened) => assert!(
            opened.notice.is_none(),
            "a healthy record set aside: {:?}",
            opened.notice
        ),
        Err(e) => {
            let sentence = e.to_string();
            assert!(!sentence.contains("damaged"), "{sentence}");
            assert!(
                !sentence.contains("SQLITE") && !sentence.contains("disk I/O"),
                "library words in the sentence: {sentence}"
            );
            println!("opening on a full disk: {sentence} ({:?})", e.technical());
            assert_eq!(
                std::fs::read(&path).unwrap(),
                file_bytes,
                "the file as it was"
            );
            assert_eq!(
                std::fs::read(&wal).unwrap(),
                wal_bytes,
                "its -wal as it was"
            );
        }
    }

    // Room again: every applicant is there.
    std::fs::remove_file(filler).unwrap();
    let mut store = Store::open(&path).unwrap();
    assert!(store.recovered.is_none());
    let rows = store.store.tracked("Acme").unwrap();
    assert_eq!(rows.len() as u64, APPLICANTS);
    assert!(rows.iter().all(|r| r.status() == "SCORED"));
}
