//! A real Secret Service round trip through the app's key store. Run under
//! `dbus-run-session` with an unlocked `gnome-keyring-daemon` (scripts/test does). Without a
//! session bus it says why it skipped; with RICKRUT_REQUIRE_KEYRING=1 (CI) that is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::io::Write as _;

use rickrut_dashboard::keys::{ExposeSecret, KeyStoreError, OsKeyring, SecretStore, SecretString};

fn keyring_or_skip(test: &str) -> Option<OsKeyring> {
    let required = std::env::var("RICKRUT_REQUIRE_KEYRING").is_ok_and(|v| v == "1");
    let problem = match OsKeyring::new() {
        Ok(store) => match store.get("rickrut-dashboard-probe") {
            Ok(_) => return Some(store),
            Err(e) => e,
        },
        Err(e) => e,
    };
    assert!(
        !required,
        "{test}: RICKRUT_REQUIRE_KEYRING=1 but the Secret Service is not usable: {problem}"
    );
    // Straight to stderr, past the test harness's capture, so the skip is seen.
    let _ = writeln!(
        std::io::stderr(),
        "{test}: SKIPPED, the Secret Service is not usable here: {problem}"
    );
    None
}

#[test]
fn set_get_replace_delete() {
    let Some(store) = keyring_or_skip("set_get_replace_delete") else {
        return;
    };
    let profile = format!("test-{}-{}", std::process::id(), rand_suffix());
    let first = SecretString::from("first-key-0000000000000000000000000001".to_owned());
    let second = SecretString::from("second-key-000000000000000000000000002".to_owned());

    assert!(store.get(&profile).unwrap().is_none());
    store.set(&profile, &first).unwrap();
    assert_eq!(
        store.get(&profile).unwrap().unwrap().expose_secret(),
        first.expose_secret()
    );
    store.set(&profile, &second).unwrap();
    assert_eq!(
        store.get(&profile).unwrap().unwrap().expose_secret(),
        second.expose_secret()
    );
    // A second handle (a restart, in effect) finds the same key.
    let again = OsKeyring::new().unwrap();
    assert_eq!(
        again.get(&profile).unwrap().unwrap().expose_secret(),
        second.expose_secret()
    );
    store.delete(&profile).unwrap();
    assert!(store.get(&profile).unwrap().is_none());
    // Deleting twice is not an error.
    store.delete(&profile).unwrap();
}

#[test]
fn no_session_bus_is_unavailable_in_words() {
    // A bus address where nothing listens: the store must say "no keyring", not hang or panic.
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "probe_without_bus",
            "--nocapture",
            "--include-ignored",
        ])
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}/no-bus", dir.path().display()),
        )
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("PROBE: Unavailable"), "{text}");
}

/// Run by `no_session_bus_is_unavailable_in_words` in a child process with no bus.
#[test]
#[ignore = "run as a child of no_session_bus_is_unavailable_in_words"]
fn probe_without_bus() {
    let outcome = OsKeyring::new().and_then(|s| s.get("anything"));
    match outcome {
        Err(KeyStoreError::Unavailable { reason }) => {
            assert!(reason.to_lowercase().contains("connect") || !reason.is_empty());
            println!("PROBE: Unavailable ({reason})");
        }
        other => panic!("expected Unavailable, got {other:?}"),
    }
}

/// The warning the window and the command line show when there is no keyring is the error's
/// sentence: the bus address and socket path stay in its details.
#[test]
fn the_no_keyring_sentence_names_no_socket_path() {
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "probe_sentence_without_bus",
            "--nocapture",
            "--include-ignored",
        ])
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            format!("unix:path={}/no-bus", dir.path().display()),
        )
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{text}");
    let line = |prefix: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(prefix))
            .unwrap_or_else(|| panic!("no {prefix} line in:\n{text}"))
            .to_owned()
    };
    let sentence = line("SENTENCE: ");
    assert!(sentence.contains("keyring"), "{sentence}");
    for library_words in ["unix:path", "no-bus", "/run/user", "Zbus", "os error"] {
        assert!(!sentence.contains(library_words), "{sentence}");
    }
    assert!(
        !sentence.contains(&dir.path().display().to_string()),
        "{sentence}"
    );
    assert!(
        !line("DETAILS: ").is_empty(),
        "the library's words stay in the details"
    );
}

/// Run by `the_no_keyring_sentence_names_no_socket_path` in a child process with no bus.
#[test]
#[ignore = "run as a child of the_no_keyring_sentence_names_no_socket_path"]
fn probe_sentence_without_bus() {
    let e = OsKeyring::new()
        .and_then(|s| s.get("anything"))
        .expect_err("no bus, no keyring");
    println!("SENTENCE: {e}");
    println!("DETAILS: {}", e.technical().unwrap_or_default());
}

fn rand_suffix() -> u64 {
    use std::time::{SystemTime, UNIX_EPOCH};
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0)
}

#[test]
fn a_locked_keyring_is_reported_as_locked() {
    // A fresh D-Bus session whose gnome-keyring was started but never unlocked, and a fresh
    // data directory, so there is no login collection to open without a prompt.
    let required = std::env::var("RICKRUT_REQUIRE_KEYRING").is_ok_and(|v| v == "1");
    let have = |tool: &str| {
        std::process::Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !have("dbus-run-session") || !have("gnome-keyring-daemon") {
        assert!(
            !required,
            "RICKRUT_REQUIRE_KEYRING=1 but dbus-run-session or gnome-keyring-daemon is missing"
        );
        let _ = writeln!(
            std::io::stderr(),
            "a_locked_keyring_is_reported_as_locked: SKIPPED, dbus-run-session or gnome-keyring-daemon is missing"
        );
        return;
    }
    let runtime = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let output = std::process::Command::new("dbus-run-session")
        .args([
            "--",
            "sh",
            "-c",
            "gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1; exec \"$0\" --exact probe_locked --include-ignored --nocapture",
        ])
        .arg(std::env::current_exe().unwrap())
        .env("XDG_RUNTIME_DIR", runtime.path())
        .env("XDG_DATA_HOME", data.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{text}");
    assert!(text.contains("PROBE: Locked"), "{text}");
}

/// Run by `a_locked_keyring_is_reported_as_locked` inside its own D-Bus session.
#[test]
#[ignore = "run as a child of a_locked_keyring_is_reported_as_locked"]
fn probe_locked() {
    let store = OsKeyring::new().expect("the session has a Secret Service");
    let key = SecretString::from("locked-probe-key-0000000000000000000000".to_owned());
    match store.set("rickrut-dashboard-locked-probe", &key) {
        Err(e @ KeyStoreError::Locked { .. }) => {
            let text = e.to_string();
            assert!(text.contains("locked"), "{text}");
            assert!(
                !text.contains("locked-probe-key"),
                "the key is not in the message"
            );
            println!("PROBE: Locked ({text})");
        }
        other => panic!("expected Locked, got {other:?}"),
    }
}
