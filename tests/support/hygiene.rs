//! What the end-to-end key scan needs: a check that it can run here, a private set of
//! directories for the binary, a run that keeps everything printed, and the files left behind.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use assert_cmd::cargo::cargo_bin;
use rickrut_dashboard::keys::{OsKeyring, SecretStore};

pub fn have(tool: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

pub fn skip_unless_possible() -> bool {
    let problem = match OsKeyring::new().and_then(|s| s.get("rickrut-dashboard-probe")) {
        Err(e) => Some(e.to_string()),
        Ok(_) if !have("xvfb-run") || !have("xdotool") => {
            Some("xvfb-run or xdotool is missing".into())
        }
        Ok(_) => None,
    };
    let Some(problem) = problem else { return false };
    assert!(
        std::env::var("RICKRUT_REQUIRE_KEYRING").as_deref() != Ok("1"),
        "RICKRUT_REQUIRE_KEYRING=1 but the end-to-end secret scan cannot run: {problem}"
    );
    let _ = writeln!(std::io::stderr(), "secret_hygiene: SKIPPED: {problem}");
    true
}

pub struct Env {
    pub config: PathBuf,
    pub data: PathBuf,
    pub state: PathBuf,
    pub store: PathBuf,
    _dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let make = |name: &str| {
            let p = dir.path().join(name);
            std::fs::create_dir_all(&p).unwrap();
            p
        };
        Env {
            config: make("config"),
            data: make("data"),
            state: make("state"),
            store: make("store"),
            _dir: dir,
        }
    }

    pub fn command(&self) -> Command {
        let mut cmd = Command::new(cargo_bin("rickrut-dashboard"));
        cmd.env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES");
        cmd.env("XDG_CONFIG_HOME", &self.config)
            .env("XDG_DATA_HOME", &self.data)
            .env("XDG_STATE_HOME", &self.state)
            .env("RUST_LOG", "trace")
            .env("RUST_BACKTRACE", "1")
            .env_remove("RICKRUT_API_KEY");
        cmd
    }
}

/// Runs the command and returns everything it printed.
pub fn run(mut cmd: Command, stdin: Option<&str>) -> String {
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let pid = child.id();
    // Whatever the process was given as arguments, while it runs.
    let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    format!(
        "{}\n{}\n{}",
        String::from_utf8_lossy(&cmdline),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

pub fn files_under(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, found);
        } else {
            found.push(path);
        }
    }
}
