//! The real binary in French (`--lang fr`) against a sandbox started by the real binary: the
//! sentence a person reads is French, the exit code and the `--json` output are not touched.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/processes.rs"]
mod processes;

use std::process::{Command, Output};

use assert_cmd::cargo::cargo_bin;
use processes::SandboxProcess;

const KEY: &str = "0123456789abcdef0123456789abcdef01234567";

/// `rickrut-dashboard sandbox` with the test's key.
fn sandbox() -> SandboxProcess {
    SandboxProcess::start(["--addr", "127.0.0.1:0", "--api-key", KEY])
}

/// The binary in `lang`, whatever language the machine running the tests speaks.
fn run(base_url: &str, lang: &str, args: &[&str]) -> Output {
    Command::new(cargo_bin("rickrut-dashboard"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .env("RICKRUT_API_KEY", KEY)
        .args(["--base-url", base_url, "--lang", lang])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_wrong_id_is_said_in_french_with_the_same_exit_code() {
    let sb = sandbox();
    let en = run(&sb.base_url, "en", &["get", "987654321"]);
    let fr = run(&sb.base_url, "fr", &["get", "987654321"]);
    let (en_err, fr_err) = (
        String::from_utf8_lossy(&en.stderr),
        String::from_utf8_lossy(&fr.stderr),
    );
    assert_eq!(en.status.code(), Some(4), "{en_err}");
    assert_eq!(fr.status.code(), en.status.code(), "{fr_err}");
    assert!(
        en_err.contains("The server has no applicant with that ID; check the number."),
        "{en_err}"
    );
    assert!(
        fr_err.contains("Le serveur n’a aucun candidat avec cet ID\u{a0}; vérifiez le numéro."),
        "{fr_err}"
    );
}

#[test]
fn json_is_the_same_bytes_in_either_language() {
    let sb = sandbox();
    let en = run(&sb.base_url, "en", &["get", "31415", "--json"]);
    let fr = run(&sb.base_url, "fr", &["get", "31415", "--json"]);
    assert_eq!(
        en.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&en.stderr)
    );
    assert_eq!(fr.status.code(), Some(0));
    assert!(!en.stdout.is_empty());
    assert_eq!(en.stdout, fr.stdout, "--json changed with the language");

    // The same applicant for a person is in French, its name and email as received.
    let human = run(&sb.base_url, "fr", &["get", "31415"]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("John Smith <john.smith@gmail.com>"), "{text}");
    assert!(text.contains("Score d’adéquation\u{a0}:"), "{text}");
}
