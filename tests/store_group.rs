//! Group commit on the local file: work that reaches the store's thread together shares one
//! commit. Each piece stays all-or-nothing, and nobody hears "done" for a write that is not
//! on the disk: when the group cannot be committed (a full disk), every piece hears it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/disk.rs"]
mod disk;

use std::time::Duration;

use rickrut_dashboard::store::{Store, StoreError, StoreHandle};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// Sends `writes` pieces of work at once, behind a first one that holds the thread, so they
/// queue and run as groups. Piece `i` tracks applicant `i`; `fail(i)` makes it fail after
/// its write. Answers what each piece heard.
fn send_together(
    store: &StoreHandle,
    writes: u64,
    fail: fn(u64) -> bool,
) -> Vec<(u64, Result<(), StoreError>)> {
    runtime().block_on(async {
        let hold = store.call(|_| {
            std::thread::sleep(Duration::from_millis(200));
            Ok(())
        });
        let mut pieces = Vec::new();
        for id in 1..=writes {
            let store = store.clone();
            pieces.push(tokio::spawn(async move {
                let heard = store
                    .call(move |s| {
                        s.track_ids("Acme", &[id])?;
                        if fail(id) {
                            return Err(StoreError::Sqlite("this piece fails".into()));
                        }
                        Ok(())
                    })
                    .await;
                (id, heard)
            }));
        }
        hold.await.unwrap();
        let mut heard = Vec::new();
        for piece in pieces {
            heard.push(piece.await.unwrap());
        }
        heard
    })
}

#[test]
fn a_piece_that_fails_in_a_group_is_undone_and_the_others_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tracked.sqlite");
    let store = StoreHandle::spawn(Store::open(&path).unwrap().store).unwrap();
    let heard = send_together(&store, 200, |id| id % 7 == 0);
    drop(store);
    let failed: Vec<u64> = heard
        .iter()
        .filter(|(_, h)| h.is_err())
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(
        failed,
        (1..=200).filter(|id| id % 7 == 0).collect::<Vec<_>>()
    );
    // Read back from the file: what was answered done is there, nothing else.
    let kept = Store::open(&path)
        .unwrap()
        .store
        .tracked_ids("Acme")
        .unwrap();
    let mut kept = kept;
    kept.sort_unstable();
    assert_eq!(kept, (1..=200).filter(|id| id % 7 != 0).collect::<Vec<_>>());
}

/// Every piece answered done is in the file once it is opened again.
fn done_is_kept(path: &std::path::Path, heard: &[(u64, Result<(), StoreError>)], before: u64) {
    for (_, h) in heard {
        if let Err(e) = h {
            assert!(matches!(e, StoreError::Full { .. }), "{e:?}");
        }
    }
    let kept = Store::open(path)
        .unwrap()
        .store
        .tracked_ids("Acme")
        .unwrap();
    for (id, h) in heard {
        if h.is_ok() {
            assert!(
                kept.contains(id),
                "{id} was answered done but is not on the disk"
            );
        }
    }
    assert!(kept.contains(&before), "what was there before is intact");
}

#[test]
fn on_a_full_record_no_piece_hears_done_for_what_was_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tracked.sqlite");
    let mut opened = Store::open(&path).unwrap().store;
    opened.track_ids("Acme", &[100_000]).unwrap();
    // A few pages of room (SQLite's own limit): some groups fit, then no more.
    opened
        .set_max_page_count(opened.page_count().unwrap() + 3)
        .unwrap();
    let store = StoreHandle::spawn(opened).unwrap();
    let heard = send_together(&store, 3_000, |_| false);
    drop(store);
    assert!(heard.iter().any(|(_, h)| h.is_err()), "meant to fill up");
    done_is_kept(&path, &heard, 100_000);
}

/// The same on a real full filesystem, where a group's commit itself can fail.
#[test]
fn on_a_full_disk_no_piece_hears_done_for_what_was_not_kept() {
    const TEST: &str = "on_a_full_disk_no_piece_hears_done";
    let dir = tempfile::tempdir().unwrap();
    let fs = match disk::Tmpfs::mount(&dir.path().join("disk"), "4m") {
        Ok(fs) => fs,
        Err(why) => return disk::skipped(TEST, &why),
    };
    let path = fs.dir.join("tracked.sqlite");
    let mut opened = Store::open(&path).unwrap().store;
    opened.track_ids("Acme", &[100_000]).unwrap();
    let store = StoreHandle::spawn(opened).unwrap();
    let filler = fs.fill_leaving(48 * 1024);
    let heard = send_together(&store, 3_000, |_| false);
    drop(store);
    assert!(heard.iter().any(|(_, h)| h.is_err()), "meant to fill up");
    std::fs::remove_file(filler).unwrap();
    done_is_kept(&path, &heard, 100_000);
}
