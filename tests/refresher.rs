//! The window's refresher against the in-process sandbox: one run at a time, by hand or on
//! its own timer (the background check of those not yet scored), with no frame drawn.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::time::Duration;

use rickrut_dashboard::api::Client;
use rickrut_dashboard::jobs::record::Record;
use rickrut_dashboard::jobs::refresh::{Refresher, Target};
use rickrut_dashboard::sandbox::{Sandbox, SandboxConfig};
use rickrut_dashboard::store::{Store, StoreHandle};
use secrecy::SecretString;

const KEY: &str = "refresher0123456789abcdef0123456789abcde";

/// A sandbox answering after `latency_ms`, a record tracking 1002, 1003, 1012 and 1017 by
/// ID (not fetched yet), and a refresher with no profile.
async fn set_up(latency_ms: u64) -> (Sandbox, StoreHandle, Refresher) {
    let sb = Sandbox::start(SandboxConfig {
        api_keys: vec![KEY.into()],
        latency: Duration::from_millis(latency_ms),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let store = StoreHandle::spawn(Store::open_in_memory().unwrap()).unwrap();
    store
        .call(|s| s.track_ids("Acme", &[1002, 1003, 1012, 1017]))
        .await
        .unwrap();
    let refresher = Refresher::new(
        tokio::runtime::Handle::current(),
        rickrut_dashboard::jobs::no_wake(),
    );
    (sb, store, refresher)
}

fn target(sb: &Sandbox, store: &StoreHandle) -> Target {
    Target {
        client: Client::new(&sb.base_url(), SecretString::from(KEY.to_owned())).unwrap(),
        record: Record::new(store.clone(), "Acme"),
    }
}

/// The window's refresher: one run at a time, by hand or on its own timer, with no frame;
/// the timer asks only for those not yet scored, and nothing at all once all are.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_refresher_runs_one_at_a_time_and_on_its_timer() {
    // 1002 and 1003 are scored, 1012 and 1017 started and invited.
    let (sb, store, refresher) = set_up(30).await;
    // No profile yet: nothing to run.
    assert!(!refresher.start(None));
    refresher.set_target(Some(target(&sb, &store)));
    refresher.set_concurrency(1);
    assert!(refresher.start(None));
    assert!(!refresher.start(None), "never two runs at once");
    while refresher.is_running() {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let first = refresher.last().unwrap();
    assert!(first.finished);
    assert_eq!((first.total, first.done, first.failed), (4, 4, 0));
    assert_eq!(refresher.runs_ended(), 1);

    // Every 200 ms from the last start: the timer starts the next runs by itself.
    refresher.set_every(Some(Duration::from_millis(200)));
    for _ in 0..300 {
        if refresher.runs_ended() >= 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(refresher.runs_ended() >= 3, "{}", refresher.runs_ended());
    let timed = refresher.last().unwrap();
    assert_eq!(
        timed.total, 2,
        "the timer asks only for the two not yet scored"
    );
    // Off again: no more runs.
    refresher.set_every(None);
    while refresher.is_running() {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let ended = refresher.runs_ended();
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(refresher.runs_ended(), ended);

    // Once every one is scored (the two others gone from the record here), the timer asks
    // the server nothing.
    store
        .call(|s| s.untrack("Acme", &[1012, 1017]).map(|_| ()))
        .await
        .unwrap();
    let asked = sb.counters().0;
    refresher.set_every(Some(Duration::from_millis(100)));
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(
        sb.counters().0,
        asked,
        "a request with nothing left to finish"
    );
    assert_eq!(refresher.runs_ended(), ended);
    sb.shutdown().await;
}

/// A refresh by hand replaces a background check under way (the recruiter asked for
/// everyone), and a second one by hand is still refused while the first runs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refresh_by_hand_replaces_a_background_check() {
    // Typed in and never fetched: all four are unfinished for the background check.
    let (sb, store, refresher) = set_up(200).await;
    refresher.set_target(Some(target(&sb, &store)));
    refresher.set_concurrency(1);
    // The first background check is due at once.
    refresher.set_every(Some(Duration::from_secs(3600)));
    for _ in 0..300 {
        if refresher.is_running() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    assert!(refresher.is_running(), "no background check began");
    assert!(
        refresher.start(None),
        "a refresh by hand replaces the check"
    );
    assert!(!refresher.start(None), "but never two by hand at once");
    while refresher.is_running() {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let done = refresher.last().unwrap();
    assert!(done.finished);
    assert_eq!((done.total, done.done, done.failed), (4, 4, 0));
    sb.shutdown().await;
}
