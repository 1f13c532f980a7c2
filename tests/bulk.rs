//! Bulk invite: a thousand rows against a rate-limited sandbox, and Pause and Cancel. The real
//! binary killed again and again mid-import is in tests/bulk_killed.rs.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/bulk.rs"]
mod support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rickrut_dashboard::api::Client;
use rickrut_dashboard::jobs::bulk::{self, BulkProgress, BulkRun};
use rickrut_dashboard::jobs::import;
use rickrut_dashboard::jobs::record::Record;
use rickrut_dashboard::sandbox::{Sandbox, SandboxConfig, Seed};
use rickrut_dashboard::store::bulk::{BulkRow, RowState};
use rickrut_dashboard::store::{InviteKey, Store, StoreHandle};
use secrecy::SecretString;
use support::{KEY, csv_file, held};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_rows_at_fifty_a_second_are_created_once_each() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sandbox.sqlite");
    let sb = Sandbox::start(SandboxConfig {
        api_keys: vec![KEY.into()],
        seed: Seed::Empty,
        rate_limit: Some(50),
        db: Some(db.clone()),
        allow_duplicates: true,
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let file = csv_file(dir.path(), 1000);
    let parsed = import::parse(&std::fs::read(&file).unwrap(), &Default::default()).unwrap();
    let verdicts = import::verdicts(&parsed.rows, &std::collections::HashSet::new());
    let rows: Vec<BulkRow> = parsed
        .rows
        .iter()
        .zip(&verdicts)
        .map(|(r, v)| BulkRow {
            row_no: r.row_no,
            email: r.email.clone(),
            opening: r.opening.clone(),
            first_name: r.first_name.clone(),
            last_name: r.last_name.clone(),
            state: if *v == import::Verdict::Ready {
                RowState::Pending
            } else {
                RowState::Failed(v.label())
            },
        })
        .collect();
    let store = StoreHandle::spawn(Store::open_in_memory().unwrap()).unwrap();
    let job = store
        .call(move |s| s.create_bulk_job("Acme", "candidates.csv", "fp", &rows, chrono::Utc::now()))
        .await
        .unwrap();
    let client = Client::new(&sb.base_url(), SecretString::from(KEY.to_owned())).unwrap();
    let progress = Arc::new(Mutex::new(BulkProgress::default()));
    let (_stop, stop_rx) = tokio::sync::watch::channel(false);
    let summary = bulk::run(
        BulkRun {
            client,
            record: Record::new(store.clone(), "Acme"),
            job,
            concurrency: 8,
        },
        progress,
        stop_rx,
        || {},
    )
    .await;
    assert!(summary.finished);
    assert_eq!(summary.created, 1000);
    assert_eq!(summary.failed, 2, "the invalid row and the duplicate row");
    assert_eq!(summary.unknown, 0);
    let (_, limited) = sb.counters();
    assert!(limited > 0, "the limit of 50/s was met");
    let counts = held(&db);
    assert_eq!(counts.len(), 1000);
    assert!(
        counts.values().all(|n| *n == 1),
        "nobody invited twice, even with duplicates allowed"
    );
    // Created applicants are tracked, and the invite log knows them.
    let tracked = store.call(|s| s.tracked_ids("Acme")).await.unwrap();
    assert_eq!(tracked.len(), 1000);
    assert!(
        store
            .call(|s| s.was_invited(
                "Acme",
                &InviteKey::new("cand00999@example.com", "software-engineer")
            ))
            .await
            .unwrap()
    );
    assert!(
        store
            .call(move |s| s.finish_bulk_job_if_done(job, chrono::Utc::now()))
            .await
            .unwrap()
    );
}

/// Pause stops sending and keeps the job to resume; Cancel stops sending and ends the job,
/// the rows not sent left out. Nobody is invited twice on the way.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pause_keeps_a_job_to_resume_and_cancel_ends_it() {
    use rickrut_dashboard::jobs::bulk::{Sender, Start, Stop};
    use rickrut_dashboard::jobs::record::Records;

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sandbox.sqlite");
    let sb = Sandbox::start(SandboxConfig {
        api_keys: vec![KEY.into()],
        seed: Seed::Empty,
        latency: Duration::from_millis(40),
        db: Some(db.clone()),
        allow_duplicates: true,
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let file = csv_file(dir.path(), 80);
    let preview = import::load(file, None, None).await.unwrap();
    let records = Records::in_memory().unwrap();
    let record = records.for_profile("Acme");
    let client = Client::new(&sb.base_url(), SecretString::from(KEY.to_owned())).unwrap();
    let sender = || Sender {
        client: client.clone(),
        record: record.clone(),
        concurrency: 2,
        progress: Arc::new(Mutex::new(BulkProgress::default())),
    };
    // Pause once a few are out.
    let (stop, stopped) = tokio::sync::watch::channel(Stop::Go);
    let start = Start::Preview {
        preview: Box::new(preview),
        resend_unknown: false,
    };
    let run = tokio::spawn(bulk::send(sender(), start, stopped, |_| {}, || {}));
    wait_for_requests(&sb, 6).await;
    stop.send(Stop::Pause).unwrap();
    let paused = run.await.unwrap().unwrap();
    assert!(!paused.cancelled);
    assert!(paused.summary.pending > 0, "{:?}", paused.summary);
    // A row claimed with the last one's answer, and not sent, is put back: none is left
    // `sending`, or listed as unknown for it.
    let unsure = |r: &&BulkRow| matches!(r.state, RowState::Sending | RowState::Unknown(_));
    assert_eq!(paused.rows.iter().filter(unsure).count(), 0);
    let job = paused.prepared.job;
    let waiting = bulk::unfinished(&record).await.unwrap();
    assert!(
        waiting.iter().any(|j| j.id == job),
        "a paused job waits to be resumed"
    );

    // Go on, then cancel.
    let (stop, stopped) = tokio::sync::watch::channel(Stop::Go);
    let before = sb.counters().0;
    let run = tokio::spawn(bulk::send(
        sender(),
        Start::Continue(job),
        stopped,
        |_| {},
        || {},
    ));
    wait_for_requests(&sb, before + 6).await;
    stop.send(Stop::Cancel).unwrap();
    let cancelled = run.await.unwrap().unwrap();
    assert!(cancelled.cancelled);
    assert!(
        cancelled.summary.created > paused.summary.created,
        "it went on"
    );
    assert!(
        cancelled
            .rows
            .iter()
            .all(|r| !matches!(r.state, RowState::Pending | RowState::Sending)),
        "nothing is left to send"
    );
    let left_out = cancelled
        .rows
        .iter()
        .filter(|r| r.state == RowState::Excluded)
        .count();
    assert!(left_out > 0, "the rows not sent are left out");
    assert!(
        !bulk::unfinished(&record)
            .await
            .unwrap()
            .iter()
            .any(|j| j.id == job),
        "a cancelled job is not offered again"
    );
    // Everyone created is held once, and only they are.
    let created = cancelled
        .rows
        .iter()
        .filter(|r| matches!(r.state, RowState::Created { .. }))
        .count();
    sb.shutdown().await;
    let counts = held(&db);
    assert!(counts.values().all(|n| *n == 1), "{counts:?}");
    assert_eq!(counts.len(), created);
}

/// Waits until the sandbox has answered `n` requests.
async fn wait_for_requests(sb: &Sandbox, n: u64) {
    for _ in 0..1000 {
        if sb.counters().0 >= n {
            return;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    panic!("the sandbox never saw {n} requests");
}
