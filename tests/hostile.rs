//! The real binary against a hostile server of the tests' own (`tests/support`): names with
//! formulas, terminal escapes and bidi marks, error details that echo the key in every
//! encoding, bodies that trickle, and `Retry-After` values of a day, of zero and of 2^64.
//! Nothing raw reaches the terminal or a spreadsheet, the key reaches nothing, the deadline
//! holds, and no row is dropped.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/keyring.rs"]
mod keyring;

#[path = "support/hostile_server.rs"]
mod hostile_server;

use std::io::Write as _;
use std::process::{Command, Stdio};

use assert_cmd::cargo::cargo_bin;
use hostile_server::{HOSTILE_KEY, HostileServer, echoes, id};
use keyring::keyring_usable;

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

fn app(dirs: &tempfile::TempDir) -> Command {
    let mut cmd = Command::new(cargo_bin("rickrut-dashboard"));
    cmd.env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd.env("XDG_CONFIG_HOME", dirs.path().join("config"))
        .env("XDG_DATA_HOME", dirs.path().join("data"))
        .env("XDG_STATE_HOME", dirs.path().join("state"))
        .env("RICKRUT_API_KEY", HOSTILE_KEY);
    cmd
}

fn run(mut cmd: Command) -> Out {
    let out = cmd.stdin(Stdio::null()).output().unwrap();
    let o = Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    for spelling in echoes() {
        assert!(
            !o.stdout.contains(&spelling) && !o.stderr.contains(&spelling),
            "the key ({spelling}) leaked:\n{}\n{}",
            o.stdout,
            o.stderr
        );
    }
    assert!(!o.stderr.contains("panicked"), "{}", o.stderr);
    o
}

/// No character that could drive a terminal or reorder text.
fn assert_inert(text: &str) {
    for c in text.chars() {
        let bidi = matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        assert!(
            (!c.is_control() || c == '\n' || c == '\t') && !bidi,
            "{c:?} reached the terminal in:\n{text}"
        );
    }
}

fn get(dirs: &tempfile::TempDir, base: &str, args: &[&str]) -> Out {
    let mut cmd = app(dirs);
    cmd.args(["--base-url", base]).args(args);
    run(cmd)
}

#[test]
fn names_escapes_and_error_details_reach_the_terminal_inert() {
    let rt = runtime();
    let server = rt.block_on(HostileServer::start());
    let dirs = tempfile::tempdir().unwrap();
    let base = server.base_url();

    let o = get(&dirs, &base, &["get", &id::HOSTILE.to_string()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_inert(&o.stdout);
    assert!(o.stdout.contains("\\u{1b}]0;owned\\u{7}"), "{}", o.stdout);
    assert!(o.stdout.contains("\\u{1b}[2J"), "{}", o.stdout);
    assert!(
        o.stdout.contains(hostile_server::FORMULA_NAME),
        "{}",
        o.stdout
    );

    // --json stays the server's JSON exactly.
    let o = get(&dirs, &base, &["get", &id::HOSTILE.to_string(), "--json"]);
    assert_eq!(o.code, 0);
    let printed: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    assert_eq!(printed, hostile_server::hostile_applicant(id::HOSTILE));
    assert_inert(&o.stdout);

    // An error's details: one sentence without codes; the server's words with -v, inert.
    let o = get(&dirs, &base, &["get", &id::ESCAPED_404.to_string()]);
    assert_eq!(o.code, 4, "{}", o.stderr);
    assert_eq!(o.stderr.trim().lines().count(), 1, "{}", o.stderr);
    assert!(
        !o.stderr.contains("404"),
        "no HTTP code in the sentence: {}",
        o.stderr
    );
    let o = get(&dirs, &base, &["-v", "get", &id::ESCAPED_404.to_string()]);
    assert_inert(&o.stderr);
    assert!(o.stderr.contains("Details: HTTP 404"), "{}", o.stderr);
    assert!(o.stderr.contains("\\u{202e}"), "{}", o.stderr);
}

#[test]
fn the_key_echoed_in_any_encoding_is_redacted() {
    let rt = runtime();
    let server = rt.block_on(HostileServer::start());
    let dirs = tempfile::tempdir().unwrap();
    let base = server.base_url();
    for (applicant, code) in [(id::ECHO_500, 7), (id::ECHO_401, 3)] {
        // `run` fails the test when any spelling of the key shows.
        let o = get(&dirs, &base, &["-vv", "get", &applicant.to_string()]);
        assert_eq!(o.code, code, "{}", o.stderr);
        assert!(o.stderr.contains("[redacted]"), "{}", o.stderr);
    }
    let o = get(
        &dirs,
        &base,
        &["get", &id::KEY_IN_NAME.to_string(), "--json"],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(o.stdout.contains("[redacted]"), "{}", o.stdout);
}

#[test]
fn the_timeout_bounds_every_wait_and_no_header_makes_it_hammer() {
    let rt = runtime();
    let server = rt.block_on(HostileServer::start());
    let dirs = tempfile::tempdir().unwrap();
    let base = server.base_url();
    let path = |id: u64| format!("/api/v1/applicants/{id}");

    // A body that trickles: the five seconds asked for hold for the whole command.
    let o = get(
        &dirs,
        &base,
        &["--timeout", "5", "get", &id::TRICKLE.to_string()],
    );
    assert_eq!(o.code, 8, "{}", o.stderr);
    assert!(o.stderr.contains("within 5 s"), "{}", o.stderr);
    assert_eq!(
        server.requests(&path(id::TRICKLE)),
        1,
        "no retry past the deadline"
    );

    // A wait longer than what is left gives up at once, saying how long was asked for.
    for (applicant, said) in [
        (id::WAIT_A_DAY, "24 h"),
        (id::WAIT_UNTIL_9999, "years"),
        (id::WAIT_FOREVER, "years"),
    ] {
        let o = get(&dirs, &base, &["get", &applicant.to_string()]);
        assert_eq!(o.code, 5, "{}", o.stderr);
        assert!(o.stderr.contains(said), "{applicant}: {}", o.stderr);
        assert_eq!(server.requests(&path(applicant)), 1, "{applicant}");
    }

    // `Retry-After: 0` is not an order to hammer: a floor between attempts, and three at most.
    let o = get(&dirs, &base, &["get", &id::WAIT_ZERO.to_string()]);
    assert_eq!(o.code, 5, "{}", o.stderr);
    assert_eq!(server.requests(&path(id::WAIT_ZERO)), 3);
}

#[test]
fn ids_the_record_cannot_hold_are_refused_before_any_request() {
    let rt = runtime();
    let server = rt.block_on(HostileServer::start());
    let dirs = tempfile::tempdir().unwrap();
    for too_large in [
        "9223372036854775808",
        "9223372036854775809",
        "18446744073709551615",
    ] {
        let o = get(&dirs, &server.base_url(), &["get", too_large]);
        assert_eq!(o.code, 2, "{}", o.stderr);
        assert_eq!(o.stderr.trim().lines().count(), 1, "{}", o.stderr);
        assert!(
            o.stderr.contains("larger than any applicant ID"),
            "{}",
            o.stderr
        );
    }
    assert_eq!(
        server.seen.lock().unwrap().requests.len(),
        0,
        "nothing was asked"
    );
}

/// A refresh and an import against the same server: every applicant and every row ends with
/// a reason, none waits a day, none hammers, no worker panics; the files written hold no
/// live formula.
#[test]
fn refresh_and_import_keep_the_deadline_drop_nothing_and_write_no_formula() {
    if !keyring_usable("hostile refresh/import test") {
        return;
    }
    let rt = runtime();
    let server = rt.block_on(HostileServer::start());
    let dirs = tempfile::tempdir().unwrap();
    let profile = format!("hostile-{}", std::process::id());
    let data = dirs.path().join("record");
    let mut set = app(&dirs);
    set.args(["key", "set", &profile, "--base-url", &server.base_url()])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let mut child = set.spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{HOSTILE_KEY}\n").as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    let with_profile = |args: &[&str]| {
        let mut cmd = app(&dirs);
        cmd.env_remove("RICKRUT_API_KEY")
            .arg("--data-dir")
            .arg(&data)
            .args(["--profile", &profile, "--timeout", "5"])
            .args(args);
        run(cmd)
    };

    // Tracked: the hostile applicant, and the ones whose server asks for odd waits.
    let o = with_profile(&["get", &id::HOSTILE.to_string()]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    {
        let mut store = rickrut_dashboard::store::Store::open(&data.join("tracked.sqlite"))
            .unwrap()
            .store;
        store
            .track_ids(
                &profile,
                &[
                    id::WAIT_A_DAY,
                    id::WAIT_FOREVER,
                    id::WAIT_ZERO,
                    id::WAIT_UNTIL_9999,
                ],
            )
            .unwrap();
    }
    let o = with_profile(&["refresh", "--concurrency", "2"]);
    assert_eq!(o.code, 8, "some failed: {}", o.stderr);
    assert_inert(&o.stderr);
    assert!(o.stderr.contains("Refreshed 1 of 5"), "{}", o.stderr);
    let path = |id: u64| format!("/api/v1/applicants/{id}");
    assert!(
        server.requests(&path(id::WAIT_ZERO)) <= 20,
        "a floor and a cap on attempts"
    );
    assert_eq!(server.requests(&path(id::WAIT_A_DAY)), 1);
    assert_eq!(server.requests(&path(id::WAIT_FOREVER)), 1);

    // An import: one row the server keeps refusing with `Retry-After: 0`, one with 2^64
    // seconds, one it creates; the opening is a formula.
    let csv = dirs.path().join("hostile.csv");
    std::fs::write(
        &csv,
        "email,opening,first name\nretry-zero@example.com,=cmd|' /C calc'!A0,Zero\nretry-forever@example.com,=cmd|' /C calc'!A0,Forever\nok@example.com,=cmd|' /C calc'!A0,@SUM(1)\n",
    )
    .unwrap();
    let o = with_profile(&["import", csv.to_str().unwrap()]);
    // Every row has a final state; two the server kept refusing make it exit 8, as refresh.
    assert_eq!(o.code, 8, "two rows failed: {}", o.stderr);
    assert!(o.stderr.contains("refused 2 rows"), "{}", o.stderr);
    assert!(
        server.requests("POST /api/v1/applicants") <= 22,
        "{}",
        server.requests("POST /api/v1/applicants")
    );
    let results = std::fs::read_to_string(dirs.path().join("hostile.results.csv")).unwrap();
    let mut rows = csv::Reader::from_reader(results.as_bytes());
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3, "no row dropped: {results}");
    let states: Vec<&str> = rows.iter().map(|r| &r[3]).collect();
    assert_eq!(states, ["failed", "failed", "created"], "{results}");
    for r in &rows {
        assert!(
            r[2].starts_with("'="),
            "the opening is text, not a formula: {results}"
        );
        assert!(!r[6].starts_with(['=', '+', '-', '@']), "{results}");
    }

    // The export of what is tracked: every text cell that reads as a formula is text.
    let o = with_profile(&["export", "--format", "csv"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let mut reader = csv::Reader::from_reader(o.stdout.as_bytes());
    let mut checked = 0;
    for record in reader.records() {
        let record = record.unwrap();
        for cell in record.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a live formula: {cell:?}"
            );
        }
        checked += 1;
    }
    assert!(checked >= 2, "{}", o.stdout);
    assert!(o.stdout.contains("'=HYPERLINK"), "{}", o.stdout);
    assert!(o.stdout.contains("'-2+3@example.com"), "{}", o.stdout);
    let _ = with_profile(&["key", "delete", &profile]);
}
