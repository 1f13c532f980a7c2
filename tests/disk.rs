//! A full disk during a bulk invite: sending stops at once, the command says so in one
//! sentence and exits 10, every row whose answer was not written is unknown (never sent again
//! by itself), the record is not set aside as damaged, and once there is room the same
//! command goes on without inviting anyone twice.
//!
//! As root it is a real full filesystem: a 16 MiB tmpfs holding the record, the real binary,
//! the sandbox process. Without root (no mount) or a keyring, it says why on stderr — and
//! fails when `CI=true`, where it runs as root — then makes the same run in-process with
//! SQLite's page limit set to the file's size, which fails writes the way a full disk does.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/processes.rs"]
mod processes;
#[path = "support/disk.rs"]
mod support;

use std::collections::HashMap;
use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::cargo_bin;
use processes::{SandboxProcess, set_key};

const KEY: &str = "disk0123456789abcdef0123456789abcdef0123";
const ROWS: usize = 200;

fn csv(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("people.csv");
    let mut text = String::from("email,opening,first name,last name\n");
    for i in 0..ROWS {
        text.push_str(&format!(
            "full{i:04}@example.com,software-engineer,Candidate With A Longer Name {i},Surname {i}\n"
        ));
    }
    std::fs::write(&path, text).unwrap();
    path
}

/// Emails the sandbox holds, with how many times, from its `--db` file.
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

#[test]
fn a_full_disk_stops_the_import_and_loses_nothing() {
    match real_disk_problem() {
        None => {
            println!("full disk: a 16 MiB tmpfs, the real binary");
            with_a_real_full_disk();
        }
        Some(why) => {
            support::skipped("full disk", &why);
            println!("full disk: SQLite's page limit instead, because {why}");
            with_a_page_limit();
        }
    }
}

/// Why the real binary cannot be run on a real full disk here, if it cannot.
fn real_disk_problem() -> Option<String> {
    use rickrut_dashboard::keys::{OsKeyring, SecretStore};
    if !support::is_root() {
        return Some("not running as root, so no tmpfs can be mounted".into());
    }
    let problem = match OsKeyring::new().and_then(|s| s.get("rickrut-dashboard-probe")) {
        Ok(_) => return None,
        Err(e) => e,
    };
    assert!(
        std::env::var("RICKRUT_REQUIRE_KEYRING").as_deref() != Ok("1"),
        "RICKRUT_REQUIRE_KEYRING=1 but the Secret Service is not usable: {problem}"
    );
    Some(format!("the Secret Service is not usable: {problem}"))
}

struct Mounted(std::path::PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn with_a_real_full_disk() {
    let dir = tempfile::tempdir().unwrap();
    let disk = dir.path().join("disk");
    std::fs::create_dir_all(&disk).unwrap();
    let status = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=16m", "tmpfs"])
        .arg(&disk)
        .status()
        .unwrap();
    assert!(status.success(), "mount a tmpfs");
    let _mounted = Mounted(disk.clone());
    let data = disk.join("record");
    let config = dir.path().join("config");
    let sandbox_db = dir.path().join("sandbox.sqlite");

    let sandbox = SandboxProcess::start([
        OsStr::new("--seed"),
        OsStr::new("empty"),
        OsStr::new("--allow-duplicates"),
        OsStr::new("--api-key"),
        OsStr::new(KEY),
        OsStr::new("--db"),
        sandbox_db.as_os_str(),
    ]);
    let base = sandbox.base_url.clone();
    let profile = format!("disk-{}", std::process::id());
    let app = || {
        let mut cmd = Command::new(cargo_bin("rickrut-dashboard"));
        cmd.env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
        cmd.env("XDG_CONFIG_HOME", &config)
            .env_remove("RICKRUT_API_KEY")
            .arg("--data-dir")
            .arg(&data);
        cmd
    };
    set_key(app(), &profile, &base, KEY);

    // The record exists; then the disk fills up to a little room.
    assert!(
        app()
            .args(["--profile", &profile, "list"])
            .status()
            .unwrap()
            .success()
    );
    let filler = disk.join("filler");
    let free = || {
        let out = Command::new("df")
            .args(["--output=avail", "-B1"])
            .arg(&disk)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .nth(1)
            .unwrap()
            .trim()
            .parse::<u64>()
            .unwrap()
    };
    let room = free().saturating_sub(160 * 1024);
    std::fs::write(&filler, vec![0u8; room as usize]).unwrap();

    let file = csv(dir.path());
    let out = app()
        .args(["--profile", &profile, "import"])
        .arg(&file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(10), "{stderr}");
    assert!(stderr.contains("is the disk full?"), "{stderr}");
    let last = stderr.trim().lines().last().unwrap();
    assert!(
        !last.contains("SQLITE") && !last.contains("database or disk"),
        "{last}"
    );
    let damaged: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("damaged"))
        .collect();
    assert!(
        damaged.is_empty(),
        "a healthy record set aside: {damaged:?}"
    );
    let results = std::fs::read_to_string(file.with_extension("results.csv")).unwrap();
    let first = held(&sandbox_db);
    let created_then = results.lines().filter(|l| l.contains(",created,")).count();
    assert!(first.len() < ROWS, "sending stopped: {} held", first.len());
    assert!(
        first.len()
            <= created_then + 1 + results.lines().filter(|l| l.contains(",unknown,")).count(),
        "every invite the server accepted is in the results"
    );

    // Room again: the same command goes on, and nobody is held twice.
    std::fs::remove_file(&filler).unwrap();
    let out = app()
        .args(["--profile", &profile, "import"])
        .arg(&file)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 8)), "{stderr}");
    let after = held(&sandbox_db);
    assert!(after.values().all(|n| *n == 1), "an email held twice");
    let results = std::fs::read_to_string(file.with_extension("results.csv")).unwrap();
    let created = results.lines().filter(|l| l.contains(",created,")).count();
    let unknown = results.lines().filter(|l| l.contains(",unknown,")).count();
    assert_eq!(created + unknown, ROWS, "{results}");
    assert!(after.len() >= created && after.len() <= created + unknown);
    let _ = app().args(["key", "delete", &profile]).status();
    drop(sandbox);
}

fn with_a_page_limit() {
    use std::sync::{Arc, Mutex};

    use rickrut_dashboard::api::Client;
    use rickrut_dashboard::jobs::bulk::{self, BulkProgress, RowState, Sender, Start, Stop};
    use rickrut_dashboard::jobs::import;
    use rickrut_dashboard::jobs::record::{Record, Records};
    use rickrut_dashboard::sandbox::{Sandbox, SandboxConfig, Seed};
    use rickrut_dashboard::store::{Store, StoreHandle};
    use secrecy::SecretString;

    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("sandbox.sqlite");
        let sb = Sandbox::start(SandboxConfig {
            api_keys: vec![KEY.into()],
            seed: Seed::Empty,
            db: Some(db.clone()),
            allow_duplicates: true,
            ..SandboxConfig::default()
        })
        .await
        .unwrap();
        let path = dir.path().join("tracked.sqlite");
        let store = Store::open(&path).unwrap().store;
        let pages = store.page_count().unwrap();
        store.set_max_page_count(pages + 24).unwrap();
        let handle = StoreHandle::spawn(store).unwrap();
        let record = Record::new(handle.clone(), "Acme");
        let preview = import::load(csv(dir.path()), None, None).await.unwrap();
        let client = Client::new(&sb.base_url(), SecretString::from(KEY.to_owned())).unwrap();
        let sender = || Sender {
            client: client.clone(),
            record: record.clone(),
            concurrency: 4,
            progress: Arc::new(Mutex::new(BulkProgress::default())),
        };
        let (_go, stopped) = tokio::sync::watch::channel(Stop::Go);
        let start = Start::Preview {
            preview: Box::new(preview.clone()),
            resend_unknown: false,
        };
        let first = bulk::send(sender(), start, stopped, |_| {}, || {})
            .await
            .unwrap();
        assert!(first.summary.record_failed, "{:?}", first.summary);
        assert!(
            first
                .summary
                .stopped_because
                .as_deref()
                .is_some_and(|s| s.contains("is the disk full?"))
        );
        assert!(held(&db).len() < ROWS, "sending stopped");
        // Room again: go on; nobody held twice, every row final or unknown.
        handle
            .call(|s| s.set_max_page_count(1_000_000))
            .await
            .unwrap();
        let records = Records::open(Some(dir.path())).unwrap();
        assert!(records.notice.is_none(), "not set aside as damaged");
        let (_go, stopped) = tokio::sync::watch::channel(Stop::Go);
        let start = Start::Preview {
            preview: Box::new(preview),
            resend_unknown: false,
        };
        let second = bulk::send(sender(), start, stopped, |_| {}, || {})
            .await
            .unwrap();
        let counts = held(&db);
        assert!(counts.values().all(|n| *n == 1), "an email held twice");
        let created = second
            .rows
            .iter()
            .filter(|r| matches!(r.state, RowState::Created { .. }))
            .count();
        let unknown = second
            .rows
            .iter()
            .filter(|r| matches!(r.state, RowState::Unknown(_)))
            .count();
        assert_eq!(created + unknown, ROWS);
        assert!(counts.len() >= created && counts.len() <= created + unknown);
        sb.shutdown().await;
    });
}
