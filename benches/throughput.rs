//! Refresh throughput: 10,000 tracked applicants refreshed by the app's own refresh job
//! (store on disk, results written as they come) against the sandbox process on loopback,
//! at concurrency 8 and 64, beside `wrk` on the same GET endpoint with as many connections,
//! in the same run. Then with `--latency-ms 50`, against the ideal N × 50 ms / concurrency.
//!
//! `cargo bench --bench throughput` (needs the release binary and wrk); prints one
//! `RESULT name value` line per figure, which `scripts/bench` reads.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)] // a bench that cannot set up must stop

use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use rickrut_dashboard::api::Client;
use rickrut_dashboard::jobs::refresh::{RefreshProgress, refresh};
use rickrut_dashboard::sandbox::FIRST_CROWD_ID;
use rickrut_dashboard::store::{Store, StoreHandle};
use secrecy::SecretString;

const CROWD: u64 = 10_000;

struct SandboxProcess {
    child: Child,
    base_url: String,
    key: String,
}

impl SandboxProcess {
    fn start(extra: &[&str]) -> SandboxProcess {
        let bin = std::env::var("RICKRUT_BIN").unwrap_or_else(|_| {
            let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
            format!("{target}/release/rickrut-dashboard")
        });
        let mut child = Command::new(&bin)
            .args([
                "sandbox",
                "--addr",
                "127.0.0.1:0",
                "--seed",
                "empty",
                "--crowd",
            ])
            .arg(CROWD.to_string())
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {bin}: {e} (build it with cargo build --release)")
            });
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let base_url = lines.next().unwrap().unwrap();
        let key = lines.next().unwrap().unwrap();
        SandboxProcess {
            child,
            base_url: base_url.trim_start_matches("base_url=").to_owned(),
            key: key.trim_start_matches("api_key=").to_owned(),
        }
    }
}

impl Drop for SandboxProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Refreshes `n` tracked applicants; returns (seconds, failed).
fn app_refresh(
    rt: &tokio::runtime::Runtime,
    sb: &SandboxProcess,
    n: u64,
    concurrency: usize,
) -> (f64, usize) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("bench.sqlite")).unwrap().store;
    let ids: Vec<u64> = (FIRST_CROWD_ID..FIRST_CROWD_ID + n).collect();
    store.track_ids("Bench", &ids).unwrap();
    let store = StoreHandle::spawn(store).unwrap();
    let client = Client::new(&sb.base_url, SecretString::from(sb.key.clone())).unwrap();
    let progress = Arc::new(Mutex::new(RefreshProgress::default()));
    let started = Instant::now();
    let summary = rt.block_on(refresh(
        client,
        store,
        "Bench".into(),
        ids,
        concurrency,
        progress,
        || {},
    ));
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(summary.done, n as usize, "{summary:?}");
    (seconds, summary.failed)
}

/// wrk on the same endpoint: requests per second.
fn wrk(sb: &SandboxProcess, connections: usize, seconds: u32) -> f64 {
    let script = format!("{}/scripts/load.lua", env!("CARGO_MANIFEST_DIR"));
    let origin = sb.base_url.trim_end_matches("/api/v1/");
    let out = Command::new("wrk")
        .args([
            "-t",
            "2",
            "-c",
            &connections.to_string(),
            "-d",
            &format!("{seconds}s"),
            "-s",
            &script,
            origin,
        ])
        .env("RICKRUT_LOAD_KEY", &sb.key)
        .env("RICKRUT_LOAD_CROWD", CROWD.to_string())
        .output()
        .expect("wrk is needed (apt-get install wrk)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("Non-2xx"), "{text}");
    text.lines()
        .find_map(|l| l.strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no rate in wrk's output: {text}"))
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing useful: run only
    // when benchmarking.
    if !std::env::args().any(|a| a == "--bench") {
        println!("throughput: run with cargo bench --bench throughput");
        return;
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();

    let sb = SandboxProcess::start(&[]);
    // Warm both up once (connections, page cache, the sandbox's allocator).
    let _ = app_refresh(&rt, &sb, 1_000, 8);
    let _ = wrk(&sb, 8, 2);
    for concurrency in [8usize, 64] {
        let (seconds, failed) = app_refresh(&rt, &sb, CROWD, concurrency);
        let app_rate = CROWD as f64 / seconds;
        let wrk_rate = wrk(&sb, concurrency, 10);
        println!("RESULT refresh_c{concurrency}_per_s {app_rate:.0}");
        println!("RESULT refresh_c{concurrency}_failed {failed}");
        println!("RESULT wrk_c{concurrency}_per_s {wrk_rate:.0}");
        println!(
            "RESULT refresh_c{concurrency}_ratio {:.3}",
            app_rate / wrk_rate
        );
    }
    drop(sb);

    let slow = SandboxProcess::start(&["--latency-ms", "50"]);
    for (concurrency, n) in [(64usize, CROWD), (8, 1_000)] {
        let (seconds, failed) = app_refresh(&rt, &slow, n, concurrency);
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
