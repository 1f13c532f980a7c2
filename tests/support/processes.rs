//! The real binary as child processes: the sandbox as a server of its own, and a profile's
//! key saved the way a recruiter saves it (on standard input, never as an argument).
#![allow(dead_code)] // shared by several test binaries, each using a part
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Write as _};
use std::process::{Child, Command, Stdio};

use assert_cmd::cargo::cargo_bin;

/// `rickrut-dashboard sandbox ARGS`, its address read from the first line it prints; killed
/// when dropped.
pub struct SandboxProcess {
    pub child: Child,
    pub base_url: String,
}

impl SandboxProcess {
    pub fn start<S: AsRef<OsStr>>(args: impl IntoIterator<Item = S>) -> SandboxProcess {
        let mut child = Command::new(cargo_bin("rickrut-dashboard"))
            .arg("sandbox")
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let line = BufReader::new(child.stdout.take().unwrap())
            .lines()
            .next()
            .unwrap()
            .unwrap();
        let base_url = line
            .strip_prefix("base_url=")
            .unwrap_or_else(|| panic!("the sandbox's first line was {line:?}"))
            .to_owned();
        SandboxProcess { child, base_url }
    }
}

impl Drop for SandboxProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `key set PROFILE --base-url URL` run by `app`, the key written to its standard input.
pub fn set_key(mut app: Command, profile: &str, base_url: &str, key: &str) {
    let mut set = app
        .args(["key", "set", profile, "--base-url", base_url])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    set.stdin
        .take()
        .unwrap()
        .write_all(format!("{key}\n").as_bytes())
        .unwrap();
    assert!(set.wait().unwrap().success(), "key set {profile}");
}
