//! What the bulk invite tests share: the sandbox key, a CSV of candidates and the emails a
//! sandbox's `--db` file holds.
#![allow(dead_code)] // shared by two test binaries, each using a part
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::collections::HashMap;
use std::path::Path;

pub const KEY: &str = "bulk0123456789abcdef0123456789abcdef0123";

pub fn csv_file(dir: &Path, rows: usize) -> std::path::PathBuf {
    let path = dir.join("candidates.csv");
    let mut text = String::from("Email;First name;Last name;Position\n");
    for i in 0..rows {
        text.push_str(&format!(
            "cand{i:05}@example.com;Cand;No{i};software-engineer\n"
        ));
    }
    // Rows that must never be sent: an invalid email and a duplicate inside the file.
    text.push_str("not-an-email;Bad;Row;software-engineer\n");
    text.push_str("CAND00000@example.com;Dup;Row;software-engineer\n");
    std::fs::write(&path, text).unwrap();
    path
}

/// Emails the sandbox holds, with how many times, read from its `--db` file.
pub fn held(db: &Path) -> HashMap<String, usize> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn.prepare("SELECT json FROM applicants").unwrap();
    let mut counts = HashMap::new();
    for json in stmt.query_map([], |r| r.get::<_, String>(0)).unwrap() {
        let v: serde_json::Value = serde_json::from_str(&json.unwrap()).unwrap();
        *counts
            .entry(v["email"].as_str().unwrap().to_lowercase())
            .or_default() += 1;
    }
    counts
}
