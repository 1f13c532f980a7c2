//! Bulk invite: a thousand rows against a rate-limited sandbox, and the real binary killed
//! again and again mid-import without anyone invited twice.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write as _};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use assert_cmd::cargo::cargo_bin;
use rickrut_dashboard::api::Client;
use rickrut_dashboard::jobs::bulk::{self, BulkProgress, BulkRun};
use rickrut_dashboard::jobs::import;
use rickrut_dashboard::jobs::record::Record;
use rickrut_dashboard::keys::{OsKeyring, SecretStore};
use rickrut_dashboard::sandbox::{Sandbox, SandboxConfig, Seed};
use rickrut_dashboard::store::bulk::{BulkRow, RowState};
use rickrut_dashboard::store::{InviteKey, Store, StoreHandle};
use secrecy::SecretString;

const KEY: &str = "bulk0123456789abcdef0123456789abcdef0123";

fn csv_file(dir: &Path, rows: usize) -> std::path::PathBuf {
    let path = dir.join("candidates.csv");
    let mut text = String::from("Email;First name;Last name;Position\n");
    for i in 0..rows {
        text.push_str(&format!(
            "cand{i:05}@example.com;Cand;No{i};software-engineer\n"
        ));
    }
    // Rows that must never be sent: an invalid email and a duplicate inside the file.
    text.push_str("not-an-email;Bad;Row;software-engineer\n");
    text.push_str("CAND00000@example.com;Dup;Row;software-engineer\n");
    std::fs::write(&path, text).unwrap();
    path
}

/// Emails the sandbox holds, with how many times, read from its `--db` file.
fn held(db: &Path) -> HashMap<String, usize> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare("SELECT json FROM applicants").unwrap();
    let mut counts = HashMap::new();
    for json in stmt.query_map([], |r| r.get::<_, String>(0)).unwrap() {
        let v: serde_json::Value = serde_json::from_str(&json.unwrap()).unwrap();
        *counts
            .entry(v["email"].as_str().unwrap().to_lowercase())
            .or_default() += 1;
    }
    counts
}

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
    let parsed = import::parse_csv(&std::fs::read(&file).unwrap(), None).unwrap();
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

fn keyring_usable() -> bool {
    let problem = match OsKeyring::new().and_then(|s| s.get("rickrut-dashboard-probe")) {
        Ok(_) => return true,
        Err(e) => e,
    };
    assert!(
        std::env::var("RICKRUT_REQUIRE_KEYRING").as_deref() != Ok("1"),
        "RICKRUT_REQUIRE_KEYRING=1 but the Secret Service is not usable: {problem}"
    );
    let _ = writeln!(
        std::io::stderr(),
        "bulk crash test: SKIPPED, the Secret Service is not usable here: {problem}"
    );
    false
}

struct SandboxProcess {
    child: std::process::Child,
    base_url: String,
}

impl SandboxProcess {
    fn start(db: &Path, extra: &[&str]) -> SandboxProcess {
        let mut child = Command::new(cargo_bin("rickrut-dashboard"))
            .args([
                "sandbox",
                "--seed",
                "empty",
                "--api-key",
                KEY,
                "--latency-ms",
                "15",
                "--db",
            ])
            .arg(db)
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let line = BufReader::new(child.stdout.take().unwrap())
            .lines()
            .next()
            .unwrap()
            .unwrap();
        let base_url = line.strip_prefix("base_url=").unwrap().to_owned();
        SandboxProcess { child, base_url }
    }
}

impl Drop for SandboxProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn app(config: &Path, data: &Path) -> Command {
    let mut cmd = Command::new(cargo_bin("rickrut-dashboard"));
    cmd.env("XDG_CONFIG_HOME", config)
        .env_remove("RICKRUT_API_KEY")
        .arg("--data-dir")
        .arg(data)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// Kills the import at pseudo-random moments, `kills` times, then lets it finish.
fn kill_loop(config: &Path, data: &Path, profile: &str, file: &Path, kills: usize, seed: u64) {
    let mut state = seed;
    for _ in 0..kills {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let wait = 80 + (state >> 33) % 400;
        let mut child = app(config, data)
            .args(["--profile", profile, "import"])
            .arg(file)
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(wait));
        let _ = child.kill(); // SIGKILL: no chance to tidy up
        let _ = child.wait();
    }
}

#[test]
fn killed_again_and_again_never_invites_twice() {
    if !keyring_usable() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let profile = format!("bulk-{}", std::process::id());
    let file = csv_file(dir.path(), 500);
    const KILLS: usize = 10;
    const CONCURRENCY: usize = 4;

    // With duplicates allowed by the server, only the client's bookkeeping prevents them.
    {
        let db = dir.path().join("dups-allowed.sqlite");
        let data = dir.path().join("data-1");
        let sb = SandboxProcess::start(&db, &["--allow-duplicates"]);
        let mut set = app(&config, &data)
            .args(["key", "set", &profile, "--base-url", &sb.base_url])
            .stdin(Stdio::piped())
            .spawn()
            .unwrap();
        set.stdin
            .take()
            .unwrap()
            .write_all(format!("{KEY}\n").as_bytes())
            .unwrap();
        assert!(set.wait().unwrap().success());

        kill_loop(&config, &data, &profile, &file, KILLS, 7);
        let status = app(&config, &data)
            .args(["--profile", &profile, "import"])
            .arg(&file)
            .status()
            .unwrap();
        assert!(matches!(status.code(), Some(0 | 8)), "{status:?}");

        let counts = held(&db);
        assert!(
            counts.values().all(|n| *n == 1),
            "an email is held twice: {:?}",
            counts.iter().filter(|(_, n)| **n > 1).collect::<Vec<_>>()
        );
        let results = std::fs::read_to_string(file.with_extension("results.csv")).unwrap();
        let mut unknown = 0;
        for line in results.lines().skip(1) {
            let cells: Vec<&str> = line.split(',').collect();
            let (email, state) = (cells[1].to_lowercase(), cells[3]);
            match state {
                "created" => assert_eq!(counts.get(&email), Some(&1), "{email}"),
                "unknown" => unknown += 1,
                "failed" | "skipped" => assert!(
                    !email.starts_with("cand") || email == "cand00000@example.com",
                    "{line}"
                ),
                other => panic!("row without a final state: {other} in {line}"),
            }
        }
        let valid_held = (0..500)
            .filter(|i| counts.contains_key(&format!("cand{i:05}@example.com")))
            .count();
        let created = results.lines().filter(|l| l.contains(",created,")).count();
        assert!(
            valid_held >= created && valid_held <= created + unknown,
            "held {valid_held}, created {created}, unknown {unknown}"
        );
        assert_eq!(
            created + unknown,
            500,
            "every valid row is held once or reported unknown"
        );
        assert!(
            unknown <= KILLS * CONCURRENCY,
            "{unknown} unknown rows after {KILLS} kills"
        );
        println!(
            "after {KILLS} kills: {created} created, {unknown} unknown, {} held twice",
            counts.values().filter(|n| **n > 1).count()
        );
        let _ = app(&config, &data)
            .args(["key", "delete", &profile])
            .status();
    }

    // Without that flag the server refuses a repeat, so re-sending unknown rows is safe and
    // every valid row ends held exactly once.
    {
        let db = dir.path().join("strict.sqlite");
        let data = dir.path().join("data-2");
        let sb = SandboxProcess::start(&db, &[]);
        let mut set = app(&config, &data)
            .args(["key", "set", &profile, "--base-url", &sb.base_url])
            .stdin(Stdio::piped())
            .spawn()
            .unwrap();
        set.stdin
            .take()
            .unwrap()
            .write_all(format!("{KEY}\n").as_bytes())
            .unwrap();
        assert!(set.wait().unwrap().success());
        kill_loop(&config, &data, &profile, &file, 4, 11);
        let status = app(&config, &data)
            .args(["--profile", &profile, "import", "--resend-unknown"])
            .arg(&file)
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(0));
        let counts = held(&db);
        for i in 0..500 {
            assert_eq!(
                counts.get(&format!("cand{i:05}@example.com")),
                Some(&1),
                "row {i}"
            );
        }
        assert_eq!(counts.len(), 500);
        let _ = app(&config, &data)
            .args(["key", "delete", &profile])
            .status();
    }
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
