//! The window's own thread comes first: the real binary on the demo, under Xvfb, runs its
//! record's thread and its runtime's workers at a lower priority than the thread that draws,
//! while the command line (the sandbox server here) keeps every thread where it started.
//! Linux only: the nice value of each thread is read from `/proc`.
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/desktop.rs"]
mod desktop;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use assert_cmd::cargo::cargo_bin;

/// Each thread of `pid` as (name, nice), from `/proc/PID/task/*/stat`.
fn threads(pid: u32) -> Vec<(String, i32)> {
    let mut found = Vec::new();
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).unwrap() {
        let stat = std::fs::read_to_string(task.unwrap().path().join("stat")).unwrap();
        found.push(parse_stat(&stat));
    }
    found
}

/// (name, nice) from one `stat` line: the name sits in parentheses and may hold spaces; the
/// nice value is the 19th field, the 17th after the name.
fn parse_stat(stat: &str) -> (String, i32) {
    let open = stat.find('(').unwrap();
    let close = stat.rfind(')').unwrap();
    let after: Vec<&str> = stat[close + 1..].split_whitespace().collect();
    (stat[open + 1..close].to_owned(), after[16].parse().unwrap())
}

fn nice_of<'a>(threads: &'a [(String, i32)], name: &str) -> Vec<&'a i32> {
    threads
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, nice)| nice)
        .collect()
}

/// What this test process runs at: every thread it starts begins there.
fn own_nice() -> i32 {
    parse_stat(&std::fs::read_to_string("/proc/thread-self/stat").unwrap()).1
}

#[test]
fn the_window_draws_first_and_the_command_line_is_left_as_it_is() {
    if Command::new("xvfb-run").arg("--help").output().is_err()
        || Command::new("xdotool").arg("--version").output().is_err()
    {
        return desktop::skipped("the window's priority", "xvfb-run and xdotool are needed");
    }
    let base = own_nice();
    let lowered = (base + 10).min(19);
    let dirs = tempfile::tempdir().unwrap();
    let dump = dirs.path().join("threads.txt");
    // The window on the demo; once it is up, the nice value of each of its threads is
    // written down (the script's own `/proc` read, so the window is alive when it is taken).
    let script = format!(
        r#"
        "{bin}" --demo --data-dir "{dir}/store" >"{dir}/out.txt" 2>&1 &
        app=$!
        for _ in $(seq 1 200); do wid=$(xdotool search --name "RickRut Dashboard" 2>/dev/null | head -1); [ -n "$wid" ] && break; sleep 0.1; done
        [ -n "$wid" ] || {{ cat "{dir}/out.txt"; exit 3; }}
        sleep 2
        {{ cat /proc/$app/task/$app/stat; for t in /proc/$app/task/*; do cat "$t/stat"; done; }} > "{dump}"
        xdotool windowfocus --sync "$wid" 2>/dev/null || true; xdotool key ctrl+q
        wait $app
        "#,
        bin = cargo_bin("rickrut-dashboard").display(),
        dir = dirs.path().display(),
        dump = dump.display(),
    );
    let status = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x860x24", "bash", "-c", &script])
        .env("XDG_CONFIG_HOME", dirs.path().join("config"))
        .env("XDG_DATA_HOME", dirs.path().join("data"))
        .env("XDG_STATE_HOME", dirs.path().join("state"))
        .status()
        .unwrap();
    assert!(status.success(), "the window run failed: {status:?}");
    let window: Vec<(String, i32)> = std::fs::read_to_string(&dump)
        .unwrap()
        .lines()
        .map(parse_stat)
        .collect();
    // The thread that draws is the process's first (written down first); it keeps the
    // priority it started with.
    assert_eq!(
        window[0].1, base,
        "the window's own thread was moved: {window:?}"
    );
    for name in ["rickrut-store", "rickrut-worker"] {
        let nice = nice_of(&window, name);
        assert!(!nice.is_empty(), "no {name} thread: {window:?}");
        assert!(
            nice.iter().all(|n| **n == lowered),
            "{name} should run at {lowered}: {window:?}"
        );
    }

    // The command line: the sandbox server, on the same runtime, keeps every thread as is.
    let mut sandbox = Command::new(cargo_bin("rickrut-dashboard"))
        .args(["sandbox", "--addr", "127.0.0.1:0"])
        .env("XDG_CONFIG_HOME", dirs.path().join("config"))
        .env("XDG_DATA_HOME", dirs.path().join("data"))
        .env("XDG_STATE_HOME", dirs.path().join("state"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(sandbox.stdout.take().unwrap()).lines();
    while let Some(Ok(line)) = lines.next() {
        if line.starts_with("api_key=") {
            break;
        }
    }
    let server = threads(sandbox.id());
    let _ = sandbox.kill();
    let _ = sandbox.wait();
    let workers = nice_of(&server, "rickrut-worker");
    assert!(!workers.is_empty(), "no rickrut-worker thread: {server:?}");
    assert!(
        server.iter().all(|(_, nice)| *nice == base),
        "the command line's threads were moved: {server:?}"
    );
}

/// A background thread started by another one lands where the first did, not lower again:
/// the value is the window's plus the same step, whoever starts the thread.
#[test]
fn a_thread_started_by_a_background_thread_is_lowered_once() {
    let base = own_nice();
    rickrut_dashboard::background::put_window_first();
    let (first, second) = std::thread::spawn(|| {
        rickrut_dashboard::background::start_thread();
        let first = own_nice();
        let second = std::thread::spawn(|| {
            rickrut_dashboard::background::start_thread();
            own_nice()
        })
        .join()
        .unwrap();
        (first, second)
    })
    .join()
    .unwrap();
    let lowered = (base + rickrut_dashboard::background::NICER).min(19);
    assert_eq!((first, second), (lowered, lowered));
    assert_eq!(own_nice(), base, "the calling thread keeps its own");
}
