//! The real binary against a misbehaving sandbox (`--fault`): each fault gets its own exit
//! code and one clear sentence, within the timeout, and never the key.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/processes.rs"]
mod processes;

use std::process::Command;

use assert_cmd::cargo::cargo_bin;
use processes::SandboxProcess;

const KEY: &str = "fault0123456789abcdef0123456789abcdef012";

fn sandbox(fault: &str) -> SandboxProcess {
    SandboxProcess::start(["--api-key", KEY, "--fault", fault, "--fault-rate", "1"])
}

fn get(base: &str) -> (i32, String) {
    let out = Command::new(cargo_bin("rickrut-dashboard"))
        .env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args(["--base-url", base, "--timeout", "3", "-vv", "get", "31415"])
        .env("RICKRUT_API_KEY", KEY)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !stderr.contains(KEY) && !stdout.contains(KEY),
        "the key leaked:\n{stderr}"
    );
    (out.status.code().unwrap_or(-1), stderr)
}

#[test]
fn every_fault_has_its_exit_code_and_sentence() {
    // Each fault: its exit code, its sentence (no HTTP code in it), and with -v the details.
    let cases: [(&str, i32, &str, &str); 8] = [
        (
            "html-502",
            7,
            "The RickRut server had a problem",
            "HTTP 502",
        ),
        ("truncated-json", 9, "could not be read", "HTTP 200"),
        ("wrong-types", 9, "could not be read", "HTTP 200"),
        ("huge", 9, "larger than 10 MiB", "bytes"),
        (
            "errors-object",
            4,
            "no applicant with that ID",
            "No applicant has the id 31415",
        ),
        ("no-retry-after-429", 5, "too many requests", "HTTP 429"),
        ("reset", 8, "could not be reached", "error"),
        (
            "slow-body",
            8,
            "did not answer within 3 s",
            "no complete answer",
        ),
    ];
    let handles: Vec<_> = cases
        .into_iter()
        .map(|(fault, code, sentence, details)| {
            std::thread::spawn(move || {
                let sb = sandbox(fault);
                let (got, stderr) = get(&sb.base_url);
                assert_eq!(got, code, "{fault}: {stderr}");
                let lines: Vec<&str> = stderr.lines().collect();
                let at = lines
                    .iter()
                    .rposition(|l| l.starts_with("Details: "))
                    .unwrap_or_else(|| panic!("{fault}: no details line in {stderr}"));
                assert!(
                    lines[at].contains(details),
                    "{fault}: the details are {:?}",
                    lines[at]
                );
                let said = lines[at.saturating_sub(1)];
                assert!(said.contains(sentence), "{fault}: the sentence is {said:?}");
                assert!(
                    !said.contains("HTTP") && !said.contains("(4") && !said.contains("(5"),
                    "{fault}: a code in the sentence: {said:?}"
                );
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
}

#[test]
fn random_faults_never_crash_the_client() {
    let sb = sandbox("random");
    for _ in 0..6 {
        let (code, stderr) = get(&sb.base_url);
        assert!([4, 5, 7, 8, 9].contains(&code), "{code}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}
