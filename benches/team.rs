//! The team store beside SQLite, in the same run: the app's refresh of 10,000 tracked
//! applicants and a bulk invite of 2,000 rows, each at concurrency 8 against the sandbox
//! process on loopback, with the record on a SQLite file and on a PostgreSQL server started
//! here (tests/support/postgres.rs). Rounds alternate the two stores; medians reported, and
//! the team store's throughput as a share of SQLite's.
//!
//! `cargo bench --bench team` (needs the release binary and PostgreSQL); prints one
//! `RESULT name value` line per figure, which `scripts/bench` reads.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a bench that cannot set up must stop

#[path = "../tests/support/postgres.rs"]
mod pg;
#[path = "support/processes.rs"]
mod processes;

use std::sync::{Arc, Mutex};
use std::time::Instant;

use chrono::Utc;
use pg::PgServer;
use processes::{CROWD, SandboxProcess, median};
use rickrut_dashboard::api::Client;
use rickrut_dashboard::jobs::bulk::{self, BulkProgress, BulkRow, BulkRun, RowState};
use rickrut_dashboard::jobs::record::Record;
use rickrut_dashboard::jobs::refresh::{RefreshProgress, refresh};
use rickrut_dashboard::sandbox::FIRST_CROWD_ID;
use rickrut_dashboard::store::{Store, StoreHandle};
use secrecy::SecretString;

const CONCURRENCY: usize = 8;
const ROUNDS: usize = 3;
const BULK_ROWS: u64 = 2_000;

/// A fresh record on each engine: a SQLite file, or a new database on the server.
fn fresh_store(team: Option<&PgServer>, dir: &std::path::Path, round: usize) -> Store {
    match team {
        None => {
            Store::open(&dir.join(format!("bench-{round}.sqlite")))
                .unwrap()
                .store
        }
        Some(server) => Store::open_team(&server.team(&server.create_db())).unwrap(),
    }
}

/// Refreshes of the crowd once fetched (the everyday refresh): applicants a second.
fn refresh_rate(rt: &tokio::runtime::Runtime, sb: &SandboxProcess, mut store: Store) -> f64 {
    let ids: Vec<u64> = (FIRST_CROWD_ID..FIRST_CROWD_ID + CROWD).collect();
    store.track_ids("Bench", &ids).unwrap();
    let store = StoreHandle::spawn(store).unwrap();
    let client = Client::new(&sb.base_url, SecretString::from(sb.key.clone())).unwrap();
    let run = || {
        let progress = Arc::new(Mutex::new(RefreshProgress::default()));
        let started = Instant::now();
        let summary = rt
            .block_on(rt.spawn(refresh(
                client.clone(),
                Record::new(store.clone(), "Bench"),
                ids.clone(),
                CONCURRENCY,
                progress,
                || {},
            )))
            .unwrap();
        assert_eq!(summary.done, ids.len(), "{summary:?}");
        assert_eq!(summary.failed, 0, "{summary:?}");
        started.elapsed().as_secs_f64()
    };
    run(); // the first fetch
    ids.len() as f64 / run()
}

/// A bulk invite of fresh rows: rows a second.
fn bulk_rate(
    rt: &tokio::runtime::Runtime,
    sb: &SandboxProcess,
    mut store: Store,
    round: usize,
) -> f64 {
    let rows: Vec<BulkRow> = (0..BULK_ROWS)
        .map(|i| BulkRow {
            row_no: i + 1,
            email: format!("bench{round}-{i:05}@example.com"),
            opening: "software-engineer".into(),
            first_name: None,
            last_name: None,
            state: RowState::Pending,
        })
        .collect();
    let job = store
        .create_bulk_job(
            "Bench",
            "bench.csv",
            &format!("bench-{round}"),
            &rows,
            Utc::now(),
        )
        .unwrap();
    let store = StoreHandle::spawn(store).unwrap();
    let client = Client::new(&sb.base_url, SecretString::from(sb.key.clone())).unwrap();
    let (_stop_tx, stop) = tokio::sync::watch::channel(false);
    let started = Instant::now();
    let summary = rt.block_on(rt.spawn(bulk::run(
        BulkRun {
            client,
            record: Record::new(store, "Bench"),
            job,
            concurrency: CONCURRENCY,
        },
        Arc::new(Mutex::new(BulkProgress::default())),
        stop,
        || {},
    )));
    let summary = summary.unwrap();
    assert_eq!(summary.created, BULK_ROWS as usize, "{summary:?}");
    BULK_ROWS as f64 / started.elapsed().as_secs_f64()
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!("team: run with cargo bench --bench team");
        return;
    }
    let Some(server) = PgServer::start("team bench") else {
        println!("RESULT team_skipped 1");
        return;
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let sb = SandboxProcess::start(&[]);
    let dir = tempfile::tempdir().unwrap();
    // For a profiler: `RICKRUT_BENCH_ONLY=bulk-team` sends bulk invites to the team store
    // only, round after round, and prints nothing.
    if std::env::var("RICKRUT_BENCH_ONLY").is_ok_and(|only| only == "bulk-team") {
        for round in 0..20 {
            let store = fresh_store(Some(&server), dir.path(), round);
            bulk_rate(&rt, &sb, store, round);
        }
        return;
    }
    let (mut refresh_sqlite, mut refresh_team) = (Vec::new(), Vec::new());
    let (mut bulk_sqlite, mut bulk_team) = (Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        refresh_sqlite.push(refresh_rate(&rt, &sb, fresh_store(None, dir.path(), round)));
        refresh_team.push(refresh_rate(
            &rt,
            &sb,
            fresh_store(Some(&server), dir.path(), round),
        ));
        bulk_sqlite.push(bulk_rate(
            &rt,
            &sb,
            fresh_store(None, dir.path(), round + 100),
            round,
        ));
        bulk_team.push(bulk_rate(
            &rt,
            &sb,
            fresh_store(Some(&server), dir.path(), round),
            round + ROUNDS,
        ));
    }
    let c = CONCURRENCY;
    for (what, sqlite, team) in [
        ("refresh", median(refresh_sqlite), median(refresh_team)),
        ("bulk", median(bulk_sqlite), median(bulk_team)),
    ] {
        println!("RESULT {what}_sqlite_c{c}_per_s {sqlite:.0}");
        println!("RESULT {what}_team_c{c}_per_s {team:.0}");
        println!("RESULT {what}_team_c{c}_ratio {:.3}", team / sqlite);
    }
}
