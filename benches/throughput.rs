//! Refresh throughput: 10,000 tracked applicants refreshed by the app's own refresh job
//! (store on disk, results written as they come) against the sandbox process on loopback,
//! at concurrency 8 and 64, beside `wrk` on the same GET endpoint with as many connections,
//! in the same run: three rounds in which they take turns, medians reported. Then with `--latency-ms 50`, against the ideal N × 50 ms / concurrency.
//!
//! `cargo bench --bench throughput` (needs the release binary and wrk); prints one
//! `RESULT name value` line per figure, which `scripts/bench` reads.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a bench that cannot set up must stop

#[path = "support/processes.rs"]
mod processes;

use std::sync::{Arc, Mutex};
use std::time::Instant;

use processes::{CROWD, SandboxProcess, cpu_seconds, cpu_split, median, threads_named, wrk};
use rickrut_dashboard::api::{ApplicantId, Client};
use rickrut_dashboard::jobs::record::Record;
use rickrut_dashboard::jobs::refresh::{RefreshProgress, refresh};
use rickrut_dashboard::sandbox::FIRST_CROWD_ID;
use rickrut_dashboard::store::{Store, StoreHandle};
use secrecy::SecretString;

/// In each round the refresh (and each baseline) runs over the 10,000 this many times in a row.
const REPEATS: u32 = 2;
/// Rounds per concurrency: the app, the baselines and wrk take turns, and each figure is the
/// median of its rounds, so that a slow spell of this shared 2-core VM falls on all of them
/// alike instead of on whichever ran then.
const ROUNDS: usize = 3;
/// wrk's run in each round.
const WRK_SECONDS: u32 = 4;

/// One refresh of `n` tracked applicants, as the app runs it.
struct RefreshRun {
    /// Applicants refreshed in all (`n` × the repeats) and the time it took.
    refreshed: u64,
    seconds: f64,
    failed: usize,
    /// CPU seconds of this run's store thread.
    store_cpu: f64,
    /// The same applicants' first fetch (IDs typed in to track, no data yet), before.
    first_fetch_seconds: f64,
    /// CPU seconds of this process (user, system) and of the sandbox during the refresh.
    client_cpu: (f64, f64),
    sandbox_cpu: f64,
}

/// Refreshes `n` tracked applicants that were fetched once before (as everyone looked up or
/// invited is), `repeats` times in a row: the first fetch is timed apart, then the
/// refreshes (a run of a third of a second alone is at the mercy of one scheduling hiccup).
fn app_refresh(
    rt: &tokio::runtime::Runtime,
    sb: &SandboxProcess,
    n: u64,
    concurrency: usize,
    repeats: u32,
) -> RefreshRun {
    let sandbox_pid = sb.child.id().to_string();
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.sqlite")).unwrap().store;
    let ids: Vec<u64> = (FIRST_CROWD_ID..FIRST_CROWD_ID + n).collect();
    store.track_ids("Bench", &ids).unwrap();
    // The store thread of this run only: earlier runs' threads may still be ending.
    let earlier: Vec<String> = threads_named("rickrut-store")
        .into_iter()
        .map(|(tid, _)| tid)
        .collect();
    let store = StoreHandle::spawn(store).unwrap();
    // Held until the store thread's CPU is read: the thread ends with its last handle.
    let store_kept = store.clone();
    let client = Client::new(&sb.base_url, SecretString::from(sb.key.clone())).unwrap();
    let run = |ids: Vec<u64>| {
        let progress = Arc::new(Mutex::new(RefreshProgress::default()));
        let started = Instant::now();
        // Spawned on the runtime, as the window does (`jobs::spawn`).
        let summary = rt
            .block_on(rt.spawn(refresh(
                client.clone(),
                Record::new(store.clone(), "Bench"),
                ids,
                concurrency,
                progress,
                || {},
            )))
            .unwrap();
        assert_eq!(summary.done, n as usize, "{summary:?}");
        (started.elapsed().as_secs_f64(), summary)
    };
    let (first_fetch_seconds, first) = run(ids.clone());
    assert_eq!(first.failed, 0, "{first:?}");
    let store_before = this_store_thread(&earlier);
    let (sandbox_before, client_before) = (cpu_seconds(&sandbox_pid), cpu_split("self"));
    let (mut seconds, mut failed) = (0.0, 0);
    for _ in 0..repeats {
        let (took, summary) = run(ids.clone());
        // The sandbox's crowd does not move: every answer is the same as the last, which is
        // what this measures (the everyday refresh).
        assert_eq!(summary.same, n as usize, "{summary:?}");
        seconds += took;
        failed += summary.failed;
    }
    let (sandbox_after, client_after) = (cpu_seconds(&sandbox_pid), cpu_split("self"));
    let store_cpu = this_store_thread(&earlier) - store_before;
    drop(store_kept);
    RefreshRun {
        refreshed: n * u64::from(repeats),
        seconds,
        failed,
        store_cpu,
        first_fetch_seconds,
        client_cpu: (
            client_after.0 - client_before.0,
            client_after.1 - client_before.1,
        ),
        sandbox_cpu: sandbox_after - sandbox_before,
    }
}

/// CPU seconds of the store thread that is not one of `earlier`.
fn this_store_thread(earlier: &[String]) -> f64 {
    threads_named("rickrut-store")
        .into_iter()
        .filter(|(tid, _)| !earlier.contains(tid))
        .map(|(_, cpu)| cpu)
        .sum()
}

/// Sends `n × repeats` requests, `concurrency` at once: `request(i)` for the i-th, `i` from
/// 0. Returns requests/s and the CPU seconds this process used meanwhile.
fn drive<F, Fut>(
    rt: &tokio::runtime::Runtime,
    n: u64,
    concurrency: usize,
    repeats: u32,
    request: F,
) -> (f64, f64)
where
    F: Fn(u64) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let total = n * u64::from(repeats);
    let next = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let cpu_before = cpu_seconds("self");
    let started = Instant::now();
    rt.block_on(async {
        let mut workers = tokio::task::JoinSet::new();
        for _ in 0..concurrency {
            let (request, next) = (request.clone(), next.clone());
            workers.spawn(async move {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= total {
                        return;
                    }
                    request(i).await;
                }
            });
        }
        while workers.join_next().await.is_some() {}
    });
    let rate = total as f64 / started.elapsed().as_secs_f64();
    (rate, cpu_seconds("self") - cpu_before)
}

/// The floor for a client built on reqwest: the same GETs, each body read and dropped (no
/// decoding, no store, no timeouts).
fn bare_reqwest(
    rt: &tokio::runtime::Runtime,
    sb: &SandboxProcess,
    n: u64,
    concurrency: usize,
    repeats: u32,
) -> (f64, f64) {
    let client = reqwest::Client::new();
    let urls: Arc<Vec<String>> = Arc::new(
        (FIRST_CROWD_ID..FIRST_CROWD_ID + n)
            .map(|id| format!("{}applicants/{id}?api_key={}", sb.base_url, sb.key))
            .collect(),
    );
    drive(rt, n, concurrency, repeats, move |i| {
        let (client, urls) = (client.clone(), urls.clone());
        async move {
            let response = client.get(&urls[(i % n) as usize]).send().await.unwrap();
            assert!(response.status().is_success());
            assert!(!response.bytes().await.unwrap().is_empty());
        }
    })
}

/// The app's own client alone: the same GETs through `Client::get_applicant` (timeouts,
/// body cap, typed decoding), nothing stored.
fn client_only(
    rt: &tokio::runtime::Runtime,
    sb: &SandboxProcess,
    n: u64,
    concurrency: usize,
    repeats: u32,
) -> (f64, f64) {
    let client = Client::new(&sb.base_url, SecretString::from(sb.key.clone())).unwrap();
    drive(rt, n, concurrency, repeats, move |i| {
        let client = client.clone();
        async move {
            let id = ApplicantId::new(FIRST_CROWD_ID + i % n).unwrap();
            let got = client.get_applicant(id).await.unwrap();
            assert_eq!(got.applicant.id, id.get());
        }
    })
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing useful: run only
    // when benchmarking.
    if !std::env::args().any(|a| a == "--bench") {
        println!("throughput: run with cargo bench --bench throughput");
        return;
    }
    // The window's logging, as it runs with the app: a daily file, at info.
    let log_dir = tempfile::tempdir().unwrap();
    let _log = rickrut_dashboard::logging::init_logging(0, Some(log_dir.path()));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();

    let sb = SandboxProcess::start(&[]);

    // Warm everything up once (connections, page cache, the sandbox's allocator).
    let _ = app_refresh(&rt, &sb, 1_000, 8, 1);
    let _ = bare_reqwest(&rt, &sb, 1_000, 8, 1);
    let _ = wrk(&sb, 8, 2);
    let sandbox_pid = sb.child.id().to_string();
    let per_request_us = |cpu: f64, requests: f64| cpu / requests * 1e6;
    for concurrency in [8usize, 64] {
        let c = concurrency;
        let (mut app, mut first, mut reqwest, mut client, mut wrk_rates) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        // Where the CPU goes, per request, over all rounds: the sandbox serves both; the
        // client is this process (its refresh job and its store thread), beside wrk's runs.
        let (mut n, mut failed) = (0.0, 0);
        let (mut app_cpu, mut app_system, mut store_cpu, mut sandbox_app) = (0.0, 0.0, 0.0, 0.0);
        let (mut reqwest_cpu, mut client_cpu) = (0.0, 0.0);
        let (mut sandbox_wrk, mut wrk_requests) = (0.0, 0.0);
        for _ in 0..ROUNDS {
            let run = app_refresh(&rt, &sb, CROWD, c, REPEATS);
            n += run.refreshed as f64;
            app.push(run.refreshed as f64 / run.seconds);
            first.push(CROWD as f64 / run.first_fetch_seconds);
            failed += run.failed;
            app_cpu += run.client_cpu.0 + run.client_cpu.1;
            app_system += run.client_cpu.1;
            store_cpu += run.store_cpu;
            sandbox_app += run.sandbox_cpu;
            let (rate, cpu) = bare_reqwest(&rt, &sb, CROWD, c, REPEATS);
            reqwest.push(rate);
            reqwest_cpu += cpu;
            let (rate, cpu) = client_only(&rt, &sb, CROWD, c, REPEATS);
            client.push(rate);
            client_cpu += cpu;
            let before = cpu_seconds(&sandbox_pid);
            let rate = wrk(&sb, c, WRK_SECONDS);
            sandbox_wrk += cpu_seconds(&sandbox_pid) - before;
            wrk_requests += rate * f64::from(WRK_SECONDS);
            wrk_rates.push(rate);
        }
        let (app_rate, wrk_rate) = (median(app), median(wrk_rates));
        let us = |cpu: f64| per_request_us(cpu, n);
        println!("RESULT refresh_c{c}_client_cpu_us {:.1}", us(app_cpu));
        println!(
            "RESULT refresh_c{c}_client_system_cpu_us {:.1}",
            us(app_system)
        );
        println!("RESULT refresh_c{c}_store_cpu_us {:.1}", us(store_cpu));
        println!("RESULT refresh_c{c}_sandbox_cpu_us {:.1}", us(sandbox_app));
        println!(
            "RESULT wrk_c{c}_sandbox_cpu_us {:.1}",
            per_request_us(sandbox_wrk, wrk_requests)
        );
        println!("RESULT refresh_c{c}_per_s {app_rate:.0}");
        println!("RESULT refresh_c{c}_first_fetch_per_s {:.0}", median(first));
        println!("RESULT refresh_c{c}_failed {failed}");
        println!("RESULT reqwest_c{c}_per_s {:.0}", median(reqwest));
        println!("RESULT client_c{c}_per_s {:.0}", median(client));
        println!("RESULT client_c{c}_client_cpu_us {:.1}", us(client_cpu));
        println!("RESULT reqwest_c{c}_client_cpu_us {:.1}", us(reqwest_cpu));
        println!("RESULT wrk_c{c}_per_s {wrk_rate:.0}");
        println!("RESULT refresh_c{c}_ratio {:.3}", app_rate / wrk_rate);
    }
    drop(sb);

    let slow = SandboxProcess::start(&["--latency-ms", "50"]);
    for (concurrency, n) in [(64usize, CROWD), (8, 1_000)] {
        let run = app_refresh(&rt, &slow, n, concurrency, 1);
        let (seconds, failed) = (run.seconds, run.failed);
        let ideal = n as f64 * 0.050 / concurrency as f64;
        println!("RESULT latency50_c{concurrency}_n{n}_s {seconds:.2}");
        println!("RESULT latency50_c{concurrency}_n{n}_ideal_s {ideal:.2}");
        println!(
            "RESULT latency50_c{concurrency}_n{n}_ratio {:.3}",
            seconds / ideal
        );
        println!("RESULT latency50_c{concurrency}_n{n}_failed {failed}");
    }
}
