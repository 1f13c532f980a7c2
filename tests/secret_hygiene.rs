//! The key, end to end: the real binary — every subcommand, and the window under Xvfb driven
//! with the keyboard — through successes and failures with the most verbose logging, then
//! a scan of everything it left behind (log files, the database, the profiles file,
//! eframe's storage, stdout and stderr, and the window's /proc/<pid>/cmdline).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/hygiene.rs"]
mod support;

use std::process::Command;

use assert_cmd::cargo::cargo_bin;
use rickrut_dashboard::sandbox::{Sandbox, SandboxConfig};
use support::{Env, files_under, run, skip_unless_possible};

/// With the characters that change when encoded: the scans look for every spelling.
const KEY: &str = "hygiene+7c3f/9a1b=2d4e&6f8091a2b3c4d5e6f7a8b9";

/// The key as sent, percent-encoded in upper and lower case hex, and form-encoded.
fn spellings() -> Vec<String> {
    let upper: String = KEY
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    // The escapes in lower case; the key's own letters as they are.
    let lower = upper
        .replace("%2B", "%2b")
        .replace("%2F", "%2f")
        .replace("%3D", "%3d");
    let form: String = url::form_urlencoded::byte_serialize(KEY.as_bytes()).collect();
    vec![KEY.to_owned(), upper, lower, form]
}

#[test]
fn the_key_occurs_nowhere() {
    if skip_unless_possible() {
        return;
    }
    let rt = tokio::runtime::Runtime::new().unwrap();
    // In-process, so no process of ours is even started with the key as an argument.
    let sb = rt
        .block_on(Sandbox::start(SandboxConfig {
            api_keys: vec![KEY.into()],
            ..SandboxConfig::default()
        }))
        .unwrap();
    let base = sb.base_url();
    let env = Env::new();
    let profile = format!("hygiene-{}", std::process::id());
    let store = env.store.to_str().unwrap().to_owned();
    let csv = env.store.join("people.csv");
    std::fs::write(
        &csv,
        "email,opening\nh1@example.com,software-engineer\nbad,software-engineer\n",
    )
    .unwrap();
    let mut outputs = Vec::new();

    let mut cmd = env.command();
    cmd.args(["-vv", "key", "set", &profile, "--base-url", &base]);
    outputs.push(run(cmd, Some(&format!("{KEY}\n"))));
    let every: Vec<Vec<String>> = [
        vec!["key", "list"],
        vec![
            "--profile",
            &profile,
            "--data-dir",
            &store,
            "-vv",
            "get",
            "31415",
        ],
        vec![
            "--profile",
            &profile,
            "--data-dir",
            &store,
            "-vv",
            "get",
            "31415",
            "--json",
        ],
        vec![
            "--profile",
            &profile,
            "--data-dir",
            &store,
            "-vv",
            "get",
            "987654321",
        ],
        vec![
            "--profile",
            &profile,
            "--data-dir",
            &store,
            "-vv",
            "get",
            "not-a-number",
        ],
        vec![
            "--profile",
            &profile,
            "--data-dir",
            &store,
            "-vv",
            "create",
            "--email",
            "h0@example.com",
            "--opening",
            "software-engineer",
        ],
        vec![
            "--profile",
            &profile,
            "--data-dir",
            &store,
            "-vv",
            "create",
            "--email",
            "h0@example.com",
            "--opening",
            "software-engineer",
        ],
        vec![
            "--profile",
            &profile,
            "--data-dir",
            &store,
            "-vv",
            "create",
            "--email",
            "h9@example.com",
            "--opening",
            "astronaut",
        ],
        vec![
            "--profile",
            &profile,
            "--data-dir",
            &store,
            "-vv",
            "list",
            "--json",
        ],
        vec![
            "--profile",
            &profile,
            "--data-dir",
            &store,
            "-vv",
            "refresh",
        ],
        vec![
            "--profile",
            &profile,
            "--data-dir",
            &store,
            "-vv",
            "export",
            "--format",
            "csv",
        ],
        vec![
            "--profile",
            &profile,
            "--data-dir",
            &store,
            "-vv",
            "export",
            "--format",
            "json",
        ],
        vec![
            "--profile",
            &profile,
            "--data-dir",
            &store,
            "-vv",
            "import",
            csv.to_str().unwrap(),
            "--dry-run",
        ],
        vec![
            "--profile",
            &profile,
            "--data-dir",
            &store,
            "-vv",
            "import",
            csv.to_str().unwrap(),
        ],
        vec![
            "--profile",
            &profile,
            "--base-url",
            "http://127.0.0.1:9/api/v1/",
            "-vv",
            "get",
            "1",
        ],
        vec!["sandbox", "--help"],
    ]
    .iter()
    .map(|args| args.iter().map(|a| a.to_string()).collect())
    .collect();
    for args in &every {
        let mut cmd = env.command();
        cmd.args(args);
        outputs.push(run(cmd, None));
    }
    // The key from the environment, right and wrong.
    let mut cmd = env.command();
    cmd.env("RICKRUT_API_KEY", KEY)
        .args(["-vv", "--base-url", &base, "get", "31415"]);
    outputs.push(run(cmd, None));

    // The window, driven by the keyboard: look ups that work and fail, a refresh, then quit
    // so eframe writes its storage.
    let script = format!(
        r#"
        "{bin}" --profile "{profile}" --data-dir "{store}" -vv 2>"{state}/window-stderr.txt" >"{state}/window-stdout.txt" &
        app=$!
        for _ in $(seq 1 100); do wid=$(xdotool search --name "RickRut Dashboard" 2>/dev/null | head -1); [ -n "$wid" ] && break; sleep 0.1; done
        [ -n "$wid" ] || exit 3
        sleep 1.5
        tr '\0' ' ' < /proc/$app/cmdline > "{state}/window-cmdline.txt"
        k() {{ xdotool windowfocus --sync "$wid" 2>/dev/null || true; xdotool key "$@"; }}
        t() {{ xdotool windowfocus --sync "$wid" 2>/dev/null || true; xdotool type --delay 15 "$1"; }}
        k ctrl+l; t 31415; k Return; sleep 1
        k ctrl+l; k ctrl+a; t 987654321; k Return; sleep 1
        k ctrl+r; sleep 1.5
        k ctrl+1; sleep 0.5
        k ctrl+q
        wait $app
        "#,
        bin = cargo_bin("rickrut-dashboard").display(),
        state = env.state.display(),
    );
    let mut cmd = env.command();
    cmd.env("RUST_LOG", "trace");
    let status = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x860x24", "bash", "-c", &script])
        .env("XDG_CONFIG_HOME", &env.config)
        .env("XDG_DATA_HOME", &env.data)
        .env("XDG_STATE_HOME", &env.state)
        .env("RUST_LOG", "trace")
        .status()
        .unwrap();
    assert!(status.success(), "the window run failed: {status:?}");
    let _ = env.command().args(["key", "delete", &profile]).status();
    rt.block_on(sb.shutdown());

    // What the runs printed.
    let spellings = spellings();
    for out in &outputs {
        for key in &spellings {
            assert!(
                !out.contains(key.as_str()),
                "the key ({key}) was printed:\n{out}"
            );
        }
        assert!(!out.contains("panicked"), "a panic:\n{out}");
    }
    // Everything left on disk: logs, database, profiles, eframe storage, window output.
    let mut files = Vec::new();
    for dir in [&env.config, &env.data, &env.state, &env.store] {
        files_under(dir, &mut files);
    }
    let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    assert!(
        names
            .iter()
            .any(|n| n.contains("rickrut-dashboard.") && n.ends_with(".log")),
        "a log file: {names:?}"
    );
    assert!(
        names.iter().any(|n| n.ends_with("tracked.sqlite")),
        "the database: {names:?}"
    );
    assert!(
        names.iter().any(|n| n.ends_with("profiles.json")),
        "the profiles: {names:?}"
    );
    assert!(
        names.iter().any(|n| n.ends_with("app.ron")),
        "eframe's storage: {names:?}"
    );
    let log = files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "log"))
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect::<String>();
    assert!(log.contains("api call"), "the log records the calls");
    let cmdline = std::fs::read_to_string(env.state.join("window-cmdline.txt")).unwrap();
    assert!(
        cmdline.contains("--profile"),
        "the window's cmdline was read: {cmdline}"
    );
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        for key in &spellings {
            assert!(
                !bytes.windows(key.len()).any(|w| w == key.as_bytes()),
                "the key ({key}) is in {}",
                file.display()
            );
        }
    }
}
