//! `import` against a hostile server that echoes the API key back in its error details —
//! percent-encoded (`%2B %2F %3D %26`, upper and lower hex), form-encoded and raw: the key
//! reaches neither the terminal (even at `-vv`), nor the results file, nor the record. And a
//! results file that cannot be written is said once, in words.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/keyring.rs"]
mod keyring;

#[path = "support/hostile_server.rs"]
mod hostile_server;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use assert_cmd::cargo::cargo_bin;
use hostile_server::{HOSTILE_KEY, HostileServer, echoes};
use keyring::keyring_usable;

fn app(dirs: &Path) -> Command {
    let mut cmd = Command::new(cargo_bin("rickrut-dashboard"));
    cmd.env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd.env("XDG_CONFIG_HOME", dirs.join("config"))
        .env("XDG_DATA_HOME", dirs.join("data"))
        .env("XDG_STATE_HOME", dirs.join("state"))
        .env_remove("RICKRUT_API_KEY");
    cmd
}

fn files_under(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, found);
        } else {
            found.push(path);
        }
    }
}

/// The key in none of these bytes, in any spelling.
fn assert_no_key(what: &str, bytes: &[u8]) {
    for spelling in echoes() {
        assert!(
            !bytes
                .windows(spelling.len())
                .any(|w| w == spelling.as_bytes()),
            "the key ({spelling}) is in {what}:\n{}",
            String::from_utf8_lossy(bytes)
        );
    }
}

/// The hostile server, a profile whose key it is (in the keyring), and a record of its own;
/// the key is deleted when dropped.
struct Setup {
    server: HostileServer,
    dir: tempfile::TempDir,
    profile: String,
    data: PathBuf,
    _rt: tokio::runtime::Runtime,
}

impl Setup {
    fn new(name: &str) -> Setup {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let server = rt.block_on(HostileServer::start());
        let dir = tempfile::tempdir().unwrap();
        let profile = format!("{name}-{}", std::process::id());
        let mut set = app(dir.path())
            .args(["key", "set", &profile, "--base-url", &server.base_url()])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        set.stdin
            .take()
            .unwrap()
            .write_all(format!("{HOSTILE_KEY}\n").as_bytes())
            .unwrap();
        assert!(set.wait().unwrap().success());
        let data = dir.path().join("record");
        Setup {
            server,
            dir,
            profile,
            data,
            _rt: rt,
        }
    }

    /// `import FILE` with this profile and record.
    fn import(&self, file: &Path, verbose: bool) -> std::process::Output {
        let mut cmd = app(self.dir.path());
        if verbose {
            cmd.arg("-vv");
        }
        cmd.arg("--data-dir")
            .arg(&self.data)
            .args(["--profile", &self.profile, "import"])
            .arg(file)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }
}

impl Drop for Setup {
    fn drop(&mut self) {
        let _ = app(self.dir.path())
            .args(["key", "delete", &self.profile])
            .status();
    }
}

#[test]
fn a_key_echoed_in_error_details_reaches_no_output_of_import() {
    if !keyring_usable("hostile import test") {
        return;
    }
    // The server echoes these, and the scans look for them: raw, upper and lower hex, form.
    let spellings = echoes();
    assert!(spellings[1].contains("%2B") && spellings[1].contains("%26"));
    assert!(spellings[2].contains("%2b") && spellings[2].contains("%3d"));

    let setup = Setup::new("echo");
    let (server, dirs, data) = (&setup.server, setup.dir.path(), &setup.data);
    let csv = dirs.join("echo.csv");
    std::fs::write(
        &csv,
        "email,opening\necho-422@example.com,software-engineer\necho-500@example.com,software-engineer\nok@example.com,software-engineer\n",
    )
    .unwrap();
    let out = setup.import(&csv, true);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The refused row fails and the row with no usable answer is unknown: both say so.
    assert_eq!(out.status.code(), Some(8), "{stderr}");
    assert!(server.requests("POST /api/v1/applicants") >= 3);
    assert_no_key("stderr", &out.stderr);
    assert_no_key("stdout", &out.stdout);

    let results = std::fs::read(dirs.join("echo.results.csv")).unwrap();
    let text = String::from_utf8_lossy(&results);
    assert!(text.contains(",failed,"), "{text}");
    assert!(text.contains(",unknown,"), "{text}");
    assert!(text.contains(",created,"), "{text}");
    assert!(
        text.contains("[redacted]"),
        "the echoed detail reached the results, redacted: {text}"
    );
    assert_no_key("the results file", &results);

    let mut files = Vec::new();
    files_under(data, &mut files);
    assert!(
        files.iter().any(|f| f.ends_with("tracked.sqlite")),
        "{files:?}"
    );
    for file in files {
        assert_no_key(&file.display().to_string(), &std::fs::read(&file).unwrap());
    }
}

/// A results file that cannot be written is said once, in words, without the system's.
#[test]
fn a_results_file_that_cannot_be_written_is_said_once() {
    if !keyring_usable("hostile import test") {
        return;
    }
    let setup = Setup::new("blocked");
    let dirs = setup.dir.path();
    let blocked = dirs.join("blocked.csv");
    std::fs::write(
        &blocked,
        "email,opening\nblocked@example.com,software-engineer\n",
    )
    .unwrap();
    std::fs::create_dir(dirs.join("blocked.results.csv")).unwrap();
    let out = setup.import(&blocked, false);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches("could not be written").count(),
        1,
        "{stderr}"
    );
    assert!(!stderr.contains("os error"), "{stderr}");
}
