//! Bulk invite: the real binary killed again and again mid-import without anyone invited
//! twice.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/keyring.rs"]
mod keyring;

#[path = "support/processes.rs"]
mod processes;
#[path = "support/bulk.rs"]
mod support;

use std::ffi::OsStr;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use assert_cmd::cargo::cargo_bin;
use keyring::keyring_usable;
use processes::{SandboxProcess, set_key};
use support::{KEY, csv_file, held};

/// The sandbox on its own `--db`, a little slow (so a kill lands mid-request), plus `extra`.
fn sandbox(db: &Path, extra: &[&str]) -> SandboxProcess {
    let mut args: Vec<&OsStr> = [
        "--seed",
        "empty",
        "--api-key",
        KEY,
        "--latency-ms",
        "15",
        "--db",
    ]
    .into_iter()
    .map(OsStr::new)
    .collect();
    args.push(db.as_os_str());
    args.extend(extra.iter().map(OsStr::new));
    SandboxProcess::start(args)
}

fn app(config: &Path, data: &Path) -> Command {
    let mut cmd = Command::new(cargo_bin("rickrut-dashboard"));
    cmd.env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
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
    if !keyring_usable("bulk crash test") {
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
        let sb = sandbox(&db, &["--allow-duplicates"]);
        set_key(app(&config, &data), &profile, &sb.base_url, KEY);

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
                // Rows the file itself got wrong start left out, never sent.
                "excluded" => assert!(!email.contains('@'), "{line}"),
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
        let sb = sandbox(&db, &[]);
        set_key(app(&config, &data), &profile, &sb.base_url, KEY);
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
