//! The real binary against a sandbox started by the real binary: outputs and exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use assert_cmd::cargo::cargo_bin;

const KEY: &str = "0123456789abcdef0123456789abcdef01234567";

/// `rickrut-dashboard sandbox` as a child process, stopped with SIGTERM on drop.
struct SandboxProcess {
    child: Child,
    base_url: String,
}

impl SandboxProcess {
    fn start(extra: &[&str]) -> SandboxProcess {
        let mut child = Command::new(cargo_bin("rickrut-dashboard"))
            .env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .args(["sandbox", "--addr", "127.0.0.1:0", "--api-key", KEY])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().unwrap().unwrap();
        let base_url = first
            .strip_prefix("base_url=")
            .unwrap_or_else(|| panic!("first line was {first:?}"))
            .to_owned();
        SandboxProcess { child, base_url }
    }

    fn stop(mut self) -> std::process::ExitStatus {
        terminate(&self.child);
        self.child.wait().unwrap()
    }
}

impl Drop for SandboxProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn terminate(child: &Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

fn app(base_url: &str, key: Option<&str>) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("rickrut-dashboard").unwrap();
    cmd.env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd.env_remove("RICKRUT_API_KEY")
        .args(["--base-url", base_url]);
    if let Some(key) = key {
        cmd.env("RICKRUT_API_KEY", key);
    }
    cmd
}

struct Outcome {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut assert_cmd::Command) -> Outcome {
    let out = cmd.output().unwrap();
    let o = Outcome {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !o.stdout.contains(KEY) && !o.stderr.contains(KEY),
        "key leaked"
    );
    o
}

#[test]
fn get_and_create_with_every_exit_code() {
    let sb = SandboxProcess::start(&[]);
    let base = sb.base_url.clone();
    assert!(
        base.starts_with("http://127.0.0.1:") && base.ends_with("/api/v1/"),
        "{base}"
    );

    // 0: human output.
    let o = run(app(&base, Some(KEY)).args(["get", "31415"]));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stdout.contains("John Smith <john.smith@gmail.com>"),
        "{}",
        o.stdout
    );
    assert!(o.stdout.contains("SCORED"));
    assert!(o.stdout.contains("15.0") && o.stdout.contains("100.0"));
    assert!(
        o.stdout
            .contains("1 quizz, 1 case (1 flagged gibberish), 0 poll"),
        "{}",
        o.stdout
    );

    // 0: --json is the applicant object as returned.
    let o = run(app(&base, Some(KEY)).args(["get", "31415", "--json", "-vv"]));
    assert_eq!(o.code, 0);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(v["id"], 31415);
    assert_eq!(v["skill_score"], "15.0");

    // 0: create, then get what was created.
    let o = run(app(&base, Some(KEY)).args([
        "create",
        "--email",
        "grace.hopper@example.com",
        "--opening",
        "software-engineer",
        "--first-name",
        "Grace",
        "--last-name",
        "Hopper",
        "--json",
    ]));
    assert_eq!(o.code, 0, "{}", o.stderr);
    let created: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(created["status"], "INVITED");
    let new_id = created["id"].as_u64().unwrap().to_string();
    let o = run(app(&base, Some(KEY)).args(["get", &new_id]));
    assert_eq!(o.code, 0);
    assert!(o.stdout.contains("Grace Hopper"));
    assert!(o.stdout.contains("not scored yet"));

    // 6: the same invite again is refused by validation.
    let o = run(app(&base, Some(KEY)).args([
        "create",
        "--email",
        "grace.hopper@example.com",
        "--opening",
        "software-engineer",
    ]));
    assert_eq!(o.code, 6, "{}", o.stderr);
    assert!(o.stderr.contains("already invited"), "{}", o.stderr);
    assert!(
        !o.stderr.contains("422"),
        "no HTTP code in the sentence: {}",
        o.stderr
    );
    // With -v, what support needs, on a line of its own.
    let o = run(app(&base, Some(KEY)).args([
        "-v",
        "create",
        "--email",
        "grace.hopper@example.com",
        "--opening",
        "software-engineer",
    ]));
    assert_eq!(o.code, 6);
    assert!(o.stderr.contains("Details: HTTP 422"), "{}", o.stderr);

    // 2: bad input, refused before any request.
    for args in [
        &["get", "abc"][..],
        &["get", "0"],
        &[
            "create",
            "--email",
            "not-an-email",
            "--opening",
            "software-engineer",
        ],
        &["create", "--email", "a@example.com", "--opening", " "],
    ] {
        let o = run(app(&base, Some(KEY)).args(args));
        assert_eq!(o.code, 2, "{args:?}: {}", o.stderr);
        assert_eq!(
            o.stderr.trim().lines().count(),
            1,
            "one sentence: {}",
            o.stderr
        );
    }
    // 2: usage errors and an insecure base URL.
    assert_eq!(run(app(&base, Some(KEY)).args(["get"])).code, 2);
    assert_eq!(run(app(&base, Some(KEY)).args(["frobnicate"])).code, 2);
    let o = run(app("http://example.com/api/v1/", Some(KEY)).args(["get", "1"]));
    assert_eq!(o.code, 2);
    assert!(o.stderr.contains("https://"), "{}", o.stderr);

    // 3: no key, then a wrong key.
    let o = run(app(&base, None).args(["get", "31415"]));
    assert_eq!(o.code, 3);
    assert!(o.stderr.contains("RICKRUT_API_KEY"), "{}", o.stderr);
    let o =
        run(app(&base, Some("ffffffffffffffffffffffffffffffffffffffff")).args(["get", "31415"]));
    assert_eq!(o.code, 3, "{}", o.stderr);
    assert!(o.stderr.contains("refused the API key"), "{}", o.stderr);

    // 4: not found.
    let o = run(app(&base, Some(KEY)).args(["get", "987654321"]));
    assert_eq!(o.code, 4, "{}", o.stderr);

    // SIGTERM stops the sandbox with exit 0.
    let status = sb.stop();
    assert_eq!(status.code(), Some(0));

    // 8: nothing listening any more.
    let o = run(app(&base, Some(KEY)).args(["get", "31415"]));
    assert_eq!(o.code, 8, "{}", o.stderr);
    assert!(
        o.stderr.to_lowercase().contains("could not be reached"),
        "{}",
        o.stderr
    );
}

#[test]
fn rate_limited_exits_5() {
    let sb = SandboxProcess::start(&["--rate-limit", "1"]);
    // Retries are bounded: a burst of six concurrent calls against one request per second
    // cannot all get through within the client's retries, and the ones left over exit 5.
    let children: Vec<_> = (0..6)
        .map(|_| {
            Command::new(cargo_bin("rickrut-dashboard"))
                .env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
                .env_remove("LC_ALL")
                .env_remove("LC_MESSAGES")
                .args(["--base-url", &sb.base_url, "get", "31415"])
                .env("RICKRUT_API_KEY", KEY)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut codes = Vec::new();
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains(KEY));
        let code = out.status.code().unwrap_or(-1);
        if code == 5 {
            assert!(stderr.contains("too many requests"), "{stderr}");
        }
        codes.push(code);
    }
    assert!(codes.iter().all(|c| *c == 0 || *c == 5), "{codes:?}");
    assert!(codes.contains(&5), "{codes:?}");
    assert!(codes.contains(&0), "{codes:?}");
    drop(sb);
}

#[test]
fn sandbox_prints_a_generated_key_when_none_is_given() {
    let mut child = Command::new(cargo_bin("rickrut-dashboard"))
        .env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["sandbox", "--addr", "127.0.0.1:0", "--seed", "empty"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let base = lines.next().unwrap().unwrap();
    let key = lines.next().unwrap().unwrap();
    assert!(base.starts_with("base_url=http://127.0.0.1:"), "{base}");
    let key = key.strip_prefix("api_key=").unwrap().to_owned();
    assert!(key.len() >= 20, "{key}");
    let base = base.strip_prefix("base_url=").unwrap();
    // The seed is empty, so the reference's example is not there, but the key works.
    let o = run(app(base, Some(&key)).args(["get", "31415"]));
    assert_eq!(o.code, 4, "{}", o.stderr);
    terminate(&child);
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

#[test]
fn help_for_every_subcommand() {
    for sub in [&[][..], &["get"], &["create"], &["sandbox"]] {
        let o = run(assert_cmd::Command::cargo_bin("rickrut-dashboard")
            .unwrap()
            .env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .args(sub)
            .arg("--help"));
        assert_eq!(o.code, 0, "{sub:?}");
        assert!(o.stdout.contains("Usage"), "{sub:?}");
    }
}

/// `… 2>&1 | head` closed before the sentence is written: the exit code is the command's
/// own, not a panic's (101).
#[test]
fn a_closed_pipe_is_not_a_panic() {
    let mut child = Command::new(cargo_bin("rickrut-dashboard"))
        .args(["get", "not-an-id"])
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reading ends close before the binary has started to write.
    drop(child.stdout.take());
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(2), "{status:?}");
}
