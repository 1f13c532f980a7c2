//! A desktop session of the test's own: a private D-Bus session bus with the real Secret
//! Service (gnome-keyring) and a notification server that writes down every `Notify` call
//! (`notification_server.py`, on python3-dbus). A test that cannot start one says why and
//! skips; with `CI=true` that is a failure instead.
#![allow(dead_code)] // shared by several test binaries, each using a part
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::io::{BufRead, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The Python with python3-dbus and GObject: Debian's, whatever else is first on the PATH.
const PYTHON: &str = "/usr/bin/python3";

/// One `Notify` call, as the server received it.
#[derive(Debug, Clone)]
pub struct Notified {
    pub app: String,
    pub summary: String,
    pub body: String,
    pub actions: Vec<String>,
    pub hints: Vec<String>,
}

pub struct Session {
    pub address: String,
    pub dir: tempfile::TempDir,
    bus: Child,
    server: Child,
    log: PathBuf,
}

impl Session {
    /// A bus, the Secret Service unlocked on it, and the notification server (which clicks
    /// each notification that offers an action, with `click`). `Err` says what is missing.
    pub fn start(click: bool) -> Result<Session, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let mut bus = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("dbus-daemon cannot start: {e}"))?;
        let mut address = String::new();
        BufReader::new(bus.stdout.take().unwrap())
            .read_line(&mut address)
            .map_err(|e| e.to_string())?;
        let address = address.trim().to_owned();
        if address.is_empty() {
            let _ = bus.kill();
            return Err("dbus-daemon printed no address".into());
        }
        let runtime = dir.path().join("runtime");
        std::fs::create_dir_all(&runtime).unwrap();
        // The Secret Service, as the recruiter's desktop has it.
        let keyring = Command::new("gnome-keyring-daemon")
            .args(["--unlock", "--components=secrets"])
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .env("XDG_RUNTIME_DIR", &runtime)
            .env("XDG_DATA_HOME", dir.path().join("data"))
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        match keyring {
            Ok(mut keyring) => {
                keyring
                    .stdin
                    .take()
                    .unwrap()
                    .write_all(b"test-session-pass")
                    .unwrap();
                let _ = keyring.wait();
            }
            Err(e) => {
                let _ = bus.kill();
                return Err(format!("gnome-keyring-daemon cannot start: {e}"));
            }
        }
        let log = dir.path().join("notified.jsonl");
        let script =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/notification_server.py");
        let mut args = vec![script.display().to_string(), log.display().to_string()];
        if click {
            args.push("--click".into());
        }
        let mut server = match Command::new(PYTHON)
            .args(&args)
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
        {
            Ok(server) => server,
            Err(e) => {
                let _ = bus.kill();
                return Err(format!("{PYTHON} cannot start: {e}"));
            }
        };
        let mut ready = String::new();
        let _ = BufReader::new(server.stdout.take().unwrap()).read_line(&mut ready);
        if ready.trim() != "ready" {
            let mut why = String::new();
            let _ = std::io::Read::read_to_string(&mut server.stderr.take().unwrap(), &mut why);
            let _ = server.kill();
            let _ = bus.kill();
            return Err(format!(
                "the notification server did not start (python3-dbus and python3-gi?): {}",
                why.lines().last().unwrap_or("no reason given")
            ));
        }
        Ok(Session {
            address,
            dir,
            bus,
            server,
            log,
        })
    }

    /// Every `Notify` call so far.
    pub fn notified(&self) -> Vec<Notified> {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        text.lines()
            .map(|line| {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                let strings = |key: &str| -> Vec<String> {
                    v[key]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|s| s.as_str().unwrap().to_owned())
                        .collect()
                };
                Notified {
                    app: v["app"].as_str().unwrap().to_owned(),
                    summary: v["summary"].as_str().unwrap().to_owned(),
                    body: v["body"].as_str().unwrap().to_owned(),
                    actions: strings("actions"),
                    hints: strings("hints"),
                }
            })
            .collect()
    }

    /// Waits until at least `count` notifications came, or panics after `limit`.
    pub fn wait_for(&self, count: usize, limit: Duration) -> Vec<Notified> {
        let start = Instant::now();
        loop {
            let got = self.notified();
            if got.len() >= count {
                return got;
            }
            assert!(
                start.elapsed() < limit,
                "{} notification(s) after {limit:?}, wanted {count}: {got:?}",
                got.len()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// `cmd` on this session: its bus, and its own config and data directories.
    pub fn apply(&self, cmd: &mut Command) {
        cmd.env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .env("XDG_RUNTIME_DIR", self.dir.path().join("runtime"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env_remove("RICKRUT_API_KEY");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}

/// Says on stderr that `test` skipped and why; under `CI=true` that fails the test.
pub fn skipped(test: &str, why: &str) {
    let _ = writeln!(std::io::stderr(), "{test}: SKIPPED, {why}");
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true, but {test} could not start a desktop session: {why}"
    );
}
