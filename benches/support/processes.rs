//! The throughput bench's measuring tools: the sandbox as a process of its own, CPU time
//! read from /proc, wrk, and the median of a few rounds.
#![allow(dead_code)] // shared by two benches, each using a part

use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};

pub const CROWD: u64 = 10_000;

pub struct SandboxProcess {
    pub child: Child,
    pub base_url: String,
    pub key: String,
}

impl SandboxProcess {
    pub fn start(extra: &[&str]) -> SandboxProcess {
        let bin = std::env::var("RICKRUT_BIN").unwrap_or_else(|_| {
            let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
            format!("{target}/release/rickrut-dashboard")
        });
        let mut child = Command::new(&bin)
            .args([
                "sandbox",
                "--addr",
                "127.0.0.1:0",
                "--seed",
                "empty",
                "--crowd",
            ])
            .arg(CROWD.to_string())
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {bin}: {e} (build it with cargo build --release)")
            });
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let base_url = lines.next().unwrap().unwrap();
        let key = lines.next().unwrap().unwrap();
        SandboxProcess {
            child,
            base_url: base_url.trim_start_matches("base_url=").to_owned(),
            key: key.trim_start_matches("api_key=").to_owned(),
        }
    }
}

impl Drop for SandboxProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// CPU seconds (user + system) used so far by a process (`self` or a pid).
pub fn cpu_seconds(pid: &str) -> f64 {
    let (user, system) = cpu_split(pid);
    user + system
}

/// CPU seconds used so far by a process, (user, system): on loopback much of a request's
/// cost is the kernel's TCP work, charged to whoever sends.
pub fn cpu_split(pid: &str) -> (f64, f64) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // The fields after the command name, which is in parentheses and may hold spaces.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of proc_pid_stat(5); here 0-based after the
    // name: 11, 12. In clock ticks: 100 a second on Linux.
    (ticks(11) / 100.0, ticks(12) / 100.0)
}

/// This process's threads named `name`: (thread id, CPU seconds used so far).
pub fn threads_named(name: &str) -> Vec<(String, f64)> {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return Vec::new();
    };
    tasks
        .flatten()
        .filter(|t| std::fs::read_to_string(t.path().join("comm")).is_ok_and(|c| c.trim() == name))
        .map(|t| {
            let tid = t.file_name().to_string_lossy().into_owned();
            let cpu = cpu_seconds(&format!("self/task/{tid}"));
            (tid, cpu)
        })
        .collect()
}

/// wrk on the same endpoint: requests per second.
pub fn wrk(sb: &SandboxProcess, connections: usize, seconds: u32) -> f64 {
    let script = format!("{}/scripts/load.lua", env!("CARGO_MANIFEST_DIR"));
    let origin = sb.base_url.trim_end_matches("/api/v1/");
    let out = Command::new("wrk")
        .args([
            "-t",
            "2",
            "-c",
            &connections.to_string(),
            "-d",
            &format!("{seconds}s"),
            "-s",
            &script,
            origin,
        ])
        .env("RICKRUT_LOAD_KEY", &sb.key)
        .env("RICKRUT_LOAD_CROWD", CROWD.to_string())
        .output()
        .expect("wrk is needed (apt-get install wrk)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("Non-2xx"), "{text}");
    text.lines()
        .find_map(|l| l.strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no rate in wrk's output: {text}"))
}

/// The middle value (of an odd number of rounds).
pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
