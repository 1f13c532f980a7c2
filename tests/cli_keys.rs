//! `key set/list/delete` and `--profile` through the real binary and the real Secret Service
//! (scripts/test runs the suite in a D-Bus session with gnome-keyring). Without one it says
//! why it skipped; with RICKRUT_REQUIRE_KEYRING=1 (CI) that is a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/keyring.rs"]
mod keyring;

use keyring::keyring_usable;
use rickrut_dashboard::keys::{OsKeyring, SecretStore};
use rickrut_dashboard::sandbox::{Sandbox, SandboxConfig};

const KEY: &str = "clikeys0123456789abcdef0123456789abcdef";

fn app(config_home: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("rickrut-dashboard").unwrap();
    cmd.env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd.env("XDG_CONFIG_HOME", config_home)
        .env_remove("RICKRUT_API_KEY");
    cmd
}

#[test]
fn set_list_use_and_delete_a_profile() {
    if !keyring_usable("cli_keys") {
        return;
    }
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sb = rt
        .block_on(Sandbox::start(SandboxConfig {
            api_keys: vec![KEY.into()],
            ..SandboxConfig::default()
        }))
        .unwrap();
    let config = tempfile::tempdir().unwrap();
    let name = format!("cli-{}", std::process::id());

    // The key comes from stdin; the base URL is checked.
    let out = app(config.path())
        .args([
            "key",
            "set",
            &name,
            "--base-url",
            "http://example.com/api/v1/",
        ])
        .write_stdin(format!("{KEY}\n"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The sandbox's site alone, as a recruiter might type it: the API's path is filled in.
    let site = sb.base_url().trim_end_matches("api/v1/").to_owned();
    let out = app(config.path())
        .args(["key", "set", &name, "--base-url", &site])
        .write_stdin(format!("{KEY}\n"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // The profile file has the name and URL, never the key.
    let file =
        std::fs::read_to_string(config.path().join("rickrut-dashboard/profiles.json")).unwrap();
    assert!(file.contains(&name) && !file.contains(KEY), "{file}");
    assert!(file.contains(&sb.base_url()), "{file}");

    let out = app(config.path()).args(["key", "list"]).output().unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(
        listed.contains(&name) && listed.contains("127.0.0.1"),
        "{listed}"
    );
    assert!(!listed.contains(KEY) && !listed.contains(&KEY[KEY.len() - 8..]));

    let out = app(config.path())
        .args(["--profile", &name, "get", "31415"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("John Smith"));

    let out = app(config.path())
        .args(["--profile", "nobody", "get", "31415"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));

    let out = app(config.path())
        .args(["key", "delete", &name])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        OsKeyring::new().unwrap().get(&name).unwrap().is_none(),
        "the key left the keyring"
    );
    let out = app(config.path())
        .args(["key", "delete", &name])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    rt.block_on(sb.shutdown());
}
