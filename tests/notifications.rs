//! Knowing when a candidate finishes, through the real binary on a desktop session of the
//! test's own (a private bus, the real Secret Service, a notification server that writes
//! down each `Notify` call) and a sandbox whose invited applicants move to SCORED by
//! themselves (`--simulate`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/desktop.rs"]
mod desktop;
#[path = "support/processes.rs"]
mod processes;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use assert_cmd::cargo::cargo_bin;
use desktop::Session;
use processes::{SandboxProcess, set_key};
use rickrut_dashboard::api::{ApplicantId, Client};

const KEY: &str = "notify0123456789abcdef0123456789abcdef01";
const PROFILE: &str = "agency";
const OPENING: &str = "software-engineer";
/// Three candidates; the last name of the third is markup, as a hostile form could send.
const CANDIDATES: [(&str, &str, &str); 3] = [
    ("chiara.okafor@example.com", "Chiara", "Okafor"),
    ("jose.muller@example.com", "José", "Müller"),
    ("zoe@example.com", "Zoë", "<b>Ng & Co</b>"),
];

fn app(session: &Session) -> Command {
    let mut cmd = Command::new(cargo_bin("rickrut-dashboard"));
    cmd.env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    session.apply(&mut cmd);
    cmd.arg("--data-dir").arg(session.dir.path().join("record"));
    cmd
}

/// The sandbox, a profile for it, and the three candidates invited through `create`
/// (tracked as INVITED); their IDs.
fn invite_three(session: &Session, step_ms: &str) -> (SandboxProcess, Vec<u64>) {
    let sandbox = SandboxProcess::start([
        "--api-key",
        KEY,
        "--seed",
        "empty",
        "--simulate",
        "--simulate-step-ms",
        step_ms,
    ]);
    set_key(app(session), PROFILE, &sandbox.base_url, KEY);
    let mut ids = Vec::new();
    for (email, first, last) in CANDIDATES {
        let out = app(session)
            .args([
                "--profile",
                PROFILE,
                "create",
                "--email",
                email,
                "--opening",
                OPENING,
            ])
            .args(["--first-name", first, "--last-name", last, "--json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "create {email}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let created: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        ids.push(created["id"].as_u64().unwrap());
    }
    (sandbox, ids)
}

/// Waits until the server says every one of `ids` is SCORED (asked directly, so the
/// record still holds them as invited).
fn wait_until_scored(base_url: &str, ids: &[u64]) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let client = Client::new(base_url, KEY.to_owned().into()).unwrap();
    let start = Instant::now();
    loop {
        let scored = ids.iter().all(|id| {
            rt.block_on(client.get_applicant(ApplicantId::new(*id).unwrap()))
                .is_ok_and(|r| r.applicant.status.as_str() == "SCORED")
        });
        if scored {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the sandbox did not score them"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Nothing a notification says may carry a key or an email address.
fn assert_private(n: &desktop::Notified) {
    for text in [&n.summary, &n.body] {
        assert!(!text.contains(KEY), "{n:?}");
        assert!(
            !text.contains('@'),
            "an email address reached a notification: {n:?}"
        );
    }
}

#[test]
fn refresh_notify_tells_three_finished_candidates_in_one_notification() {
    let session = match Session::start(false) {
        Ok(session) => session,
        Err(why) => return desktop::skipped("refresh --notify", &why),
    };
    let (sandbox, ids) = invite_three(&session, "20");
    wait_until_scored(&sandbox.base_url, &ids);

    let out = app(&session)
        .args(["--profile", PROFILE, "refresh", "--notify"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("3 changed"), "{stderr}");

    let told = session.wait_for(1, Duration::from_secs(10));
    assert_eq!(
        told.len(),
        1,
        "one notification per refresh, not one per applicant: {told:?}"
    );
    let n = &told[0];
    assert_private(n);
    assert_eq!(n.app, "RickRut Dashboard");
    assert_eq!(
        n.summary,
        format!("3 candidates finished the test — {OPENING}")
    );
    let lines: Vec<&str> = n.body.lines().collect();
    assert_eq!(lines.len(), 3, "{}", n.body);
    assert!(
        lines[0].starts_with("Chiara Okafor: skill / fit "),
        "{}",
        n.body
    );
    assert!(
        lines[1].starts_with("José Müller: skill / fit "),
        "{}",
        n.body
    );
    // The server reads markup: the hostile name arrives as text, not as bold.
    assert!(
        lines[2].starts_with("Zoë &lt;b&gt;Ng &amp; Co&lt;/b&gt;: skill / fit "),
        "{}",
        n.body
    );
    assert!(
        n.hints.iter().any(|h| h == "desktop-entry"),
        "{:?}",
        n.hints
    );

    // Nothing moved since: a second refresh tells nothing.
    let again = app(&session)
        .args(["--profile", PROFILE, "refresh", "--notify"])
        .output()
        .unwrap();
    assert!(again.status.success());
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(session.notified().len(), 1);
}

#[test]
fn watch_prints_each_move_and_stops_cleanly_on_ctrl_c() {
    let session = match Session::start(false) {
        Ok(session) => session,
        Err(why) => return desktop::skipped("watch --notify", &why),
    };
    let (_sandbox, ids) = invite_three(&session, "300");
    let mut watch = app(&session)
        .args(["--profile", PROFILE, "watch", "--every", "1s", "--notify"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (lines_tx, lines) = mpsc::channel::<String>();
    let stdout = watch.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { return };
            if lines_tx.send(line).is_err() {
                return;
            }
        }
    });
    let mut printed = Vec::new();
    let start = Instant::now();
    while printed
        .iter()
        .filter(|l: &&String| l.contains("→ SCORED"))
        .count()
        < ids.len()
    {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "not every candidate finished in watch's output: {printed:#?}"
        );
        if let Ok(line) = lines.recv_timeout(Duration::from_millis(200)) {
            printed.push(line);
        }
    }
    // Ctrl-C stops it cleanly.
    let status = Command::new("kill")
        .args(["-INT", &watch.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = watch.wait().unwrap();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut watch.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(exit.code(), Some(0), "{stderr}");
    assert!(stderr.contains("Stopped watching"), "{stderr}");

    // Each line: date and time, ID, name, the move, the scores once scored.
    for id in &ids {
        let line = printed
            .iter()
            .find(|l| l.contains("→ SCORED") && l.contains(&format!("  {id}  ")))
            .unwrap_or_else(|| panic!("no SCORED line for {id}: {printed:#?}"));
        let fields: Vec<&str> = line.split("  ").collect();
        assert_eq!(fields.len(), 5, "{line}");
        assert_eq!(fields[0].len(), "2026-12-02 14:03".len(), "{line}");
        assert!(fields[3].ends_with("→ SCORED"), "{line}");
        let scores: Vec<&str> = fields[4].split(" / ").collect();
        assert!(
            scores.len() == 2 && scores.iter().all(|s| s.parse::<f64>().is_ok()),
            "{line}"
        );
    }
    assert!(printed.iter().any(|l| l.contains("Chiara Okafor")));

    // One notification for each check that found moves: never more than the lines printed,
    // and together they name every candidate who finished.
    let told = session.notified();
    assert!(!told.is_empty() && told.len() <= printed.len(), "{told:#?}");
    for n in &told {
        assert_private(n);
    }
    for name in ["Chiara Okafor", "José Müller"] {
        assert!(
            told.iter()
                .any(|n| n.body.contains(name) && n.summary.contains("finished")
                    || n.summary.starts_with(name)),
            "{name} is in no notification of a finish: {told:#?}"
        );
    }
}
