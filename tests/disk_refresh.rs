//! A full disk during `refresh`, with the real binary: nothing more is fetched once a result
//! cannot be written, the command says so in one sentence and exits 10 (as `import` does),
//! the record is not set aside, and once there is room a refresh brings everyone back.
//!
//! A real full filesystem (a tmpfs) needs root, and `--profile` needs the keyring: without
//! either the test says why on stderr and fails when `CI=true` (CI runs as root).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/keyring.rs"]
mod keyring;
#[path = "support/processes.rs"]
mod processes;
#[path = "support/store.rs"]
mod store_support;
#[path = "support/disk.rs"]
mod support;

use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::cargo_bin;
use keyring::keyring_problem;
use processes::set_key;
use rickrut_dashboard::sandbox::{FIRST_CROWD_ID, Sandbox, SandboxConfig, Seed};
use rickrut_dashboard::store::Store;
use store_support::response;
use support::Tmpfs;

const KEY: &str = "fullrefresh0123456789abcdef0123456789ab";
/// Tracked applicants: far more than fit in the room left on the disk.
const CROWD: u32 = 3_000;

fn app(config: &Path, data: &Path) -> Command {
    let mut cmd = Command::new(cargo_bin("rickrut-dashboard"));
    cmd.env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd.env("XDG_CONFIG_HOME", config)
        .env_remove("RICKRUT_API_KEY")
        .arg("--data-dir")
        .arg(data);
    cmd
}

#[test]
fn a_full_disk_stops_the_refresh_and_exits_10() {
    if let Some(why) = keyring_problem() {
        return support::skipped("refresh on a full disk", &why);
    }
    let dir = tempfile::tempdir().unwrap();
    let disk = match Tmpfs::mount(&dir.path().join("disk"), "16m") {
        Ok(disk) => disk,
        Err(why) => return support::skipped("refresh on a full disk", &why),
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let sb = rt
        .block_on(Sandbox::start(SandboxConfig {
            api_keys: vec![KEY.into()],
            seed: Seed::Empty,
            crowd: CROWD,
            ..SandboxConfig::default()
        }))
        .unwrap();
    let config = dir.path().join("config");
    let data = disk.dir.join("record");
    let profile = format!("full-refresh-{}", std::process::id());
    set_key(app(&config, &data), &profile, &sb.base_url(), KEY);

    // Everyone tracked, as an earlier look-up left them: each answer will differ and be
    // written again.
    let ids = FIRST_CROWD_ID..FIRST_CROWD_ID + u64::from(CROWD);
    {
        let mut store = Store::open(&data.join("tracked.sqlite")).unwrap().store;
        let stale: Vec<_> = ids
            .clone()
            .map(|id| response(id, "INVITED", 0, None))
            .collect();
        store.upsert(&profile, &stale, chrono::Utc::now()).unwrap();
    }
    let filler = disk.fill_leaving(160 * 1024);
    let before = sb.counters().0;

    let out = app(&config, &data)
        .args(["--profile", &profile, "refresh"])
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
    let asked = sb.counters().0 - before;
    assert!(
        asked < u64::from(CROWD),
        "it went on fetching after the record could not be written: {asked} requests"
    );
    let names: Vec<String> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.contains("damaged")),
        "a healthy record set aside: {names:?}"
    );

    // Room again: the same command fetches everyone, and nobody was lost.
    std::fs::remove_file(filler).unwrap();
    let out = app(&config, &data)
        .args(["--profile", &profile, "refresh"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let mut store = Store::open(&data.join("tracked.sqlite")).unwrap();
    assert!(store.recovered.is_none());
    let rows = store.store.tracked(&profile).unwrap();
    assert_eq!(rows.len(), CROWD as usize);
    assert!(
        rows.iter().all(|r| !r.email.starts_with("person")),
        "every applicant fetched again and written"
    );
    let _ = app(&config, &data)
        .args(["key", "delete", &profile])
        .status();
    rt.block_on(sb.shutdown());
}
