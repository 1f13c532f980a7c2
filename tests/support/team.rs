//! What the team database tests share: a profile saved on a "machine" of its own (config and
//! data directories) whose record is a team database, candidate files with chosen rows, and
//! counts read from the team database itself.
#![allow(dead_code)] // shared by several test binaries, each using a part
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::ffi::OsStr;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use assert_cmd::cargo::cargo_bin;

use super::pg::{PASSWORD, PgServer};
use super::processes::SandboxProcess;

pub const KEY: &str = "team0123456789abcdef0123456789abcdef0123";

/// One recruiter's computer: their own config (profiles) and data (local record).
pub struct Machine {
    pub config: PathBuf,
    pub data: PathBuf,
    pub profile: String,
}

impl Machine {
    pub fn new(dir: &Path, name: &str) -> Machine {
        Machine {
            config: dir.join(name).join("config"),
            data: dir.join(name).join("data"),
            profile: format!("{name}-{}", std::process::id()),
        }
    }

    /// The real binary, as this machine runs it.
    pub fn app(&self) -> Command {
        let mut cmd = Command::new(cargo_bin("rickrut-dashboard"));
        cmd.env("XDG_CONFIG_HOME", &self.config)
            .env_remove("RICKRUT_API_KEY")
            .env_remove("RICKRUT_TEAM_DB_PASSWORD")
            .arg("--data-dir")
            .arg(&self.data);
        cmd
    }

    /// `key set PROFILE --base-url URL --team-db URL`, the key then the password on stdin.
    pub fn join_team(&self, base_url: &str, team_db: &str) {
        let mut set = self
            .app()
            .args(["key", "set", &self.profile, "--base-url", base_url])
            .args(["--team-db", team_db])
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        set.stdin
            .take()
            .unwrap()
            .write_all(format!("{KEY}\n{PASSWORD}\n").as_bytes())
            .unwrap();
        let out = set.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "key set {}: {}",
            self.profile,
            String::from_utf8_lossy(&out.stderr)
        );
    }

    pub fn leave(&self) {
        let _ = self
            .app()
            .args(["key", "delete", &self.profile])
            .stderr(Stdio::null())
            .status();
    }
}

/// A candidates file with these rows (`cand00007@example.com` for 7), in this order.
pub fn candidates(path: &Path, rows: impl IntoIterator<Item = usize>) -> PathBuf {
    let mut text = String::from("Email;First name;Last name;Position\n");
    for i in rows {
        text.push_str(&format!(
            "cand{i:05}@example.com;Cand;No{i};software-engineer\n"
        ));
    }
    std::fs::write(path, text).unwrap();
    path.to_path_buf()
}

/// The sandbox on its own `--db`, `latency_ms` slow per request, plus `extra`.
pub fn sandbox(db: &Path, latency_ms: &str, extra: &[&str]) -> SandboxProcess {
    let mut args: Vec<&OsStr> = [
        "--seed",
        "empty",
        "--api-key",
        KEY,
        "--latency-ms",
        latency_ms,
    ]
    .into_iter()
    .map(OsStr::new)
    .collect();
    args.push(OsStr::new("--db"));
    args.push(db.as_os_str());
    args.extend(extra.iter().map(OsStr::new));
    SandboxProcess::start(args)
}

/// A number the team database answers (`SELECT COUNT(*) …`).
pub fn count(server: &PgServer, db: &str, sql: &str) -> i64 {
    server
        .admin(db)
        .unwrap()
        .query_one(sql, &[])
        .unwrap()
        .get(0)
}
