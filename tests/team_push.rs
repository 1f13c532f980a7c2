//! `team push` through the real binary: a recruiter who kept a local record joins the team
//! database and copies it there, once; the password is in no file and no output.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/keyring.rs"]
mod keyring;
#[path = "support/postgres.rs"]
mod pg;
#[path = "support/processes.rs"]
mod processes;
#[path = "support/team.rs"]
mod team;

use std::process::Output;

use keyring::keyring_usable;
use pg::{PASSWORD, PgServer};
use team::{KEY, Machine, count, sandbox};

fn said(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn a_local_record_is_pushed_to_the_team_database_once() {
    const TEST: &str = "a_local_record_is_pushed";
    if !keyring_usable(TEST) {
        return;
    }
    let Some(server) = PgServer::shared(TEST) else {
        return;
    };
    let db = server.create_db();
    let dir = tempfile::tempdir().unwrap();
    let sb = sandbox(&dir.path().join("sandbox.sqlite"), "0", &[]);
    let m = Machine::new(dir.path(), "erin");
    // First on this computer only: an invite, tracked in the local record.
    processes::set_key(m.app(), &m.profile, &sb.base_url, KEY);
    let out = m
        .app()
        .args([
            "--profile",
            &m.profile,
            "create",
            "--email",
            "ada@example.com",
        ])
        .args(["--opening", "software-engineer"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", said(&out));
    let push = || {
        m.app()
            .args(["--profile", &m.profile, "team", "push"])
            .output()
            .unwrap()
    };
    let out = push();
    assert_eq!(
        out.status.code(),
        Some(2),
        "no team database yet: {}",
        said(&out)
    );

    // Then the team's database, the password on the line after the key.
    m.join_team(&sb.base_url, &server.url(&db));
    let listed = m.app().args(["key", "list"]).output().unwrap();
    assert!(
        said(&listed).contains(&format!("postgres@127.0.0.1:{}/{db}", server.port)),
        "{}",
        said(&listed)
    );
    let out = push();
    assert!(out.status.success(), "{}", said(&out));
    assert!(
        said(&out).contains("1 of its 1 applicants were new"),
        "{}",
        said(&out)
    );
    let out = push();
    assert!(
        said(&out).contains("0 of its 1 applicants were new"),
        "{}",
        said(&out)
    );
    assert_eq!(count(server, &db, "SELECT COUNT(*) FROM tracked"), 1);
    assert_eq!(
        count(
            server,
            &db,
            "SELECT COUNT(*) FROM invite_log WHERE email = 'ada@example.com' AND outcome = 'created'"
        ),
        1
    );
    // The team's record now answers for the profile.
    let out = m
        .app()
        .args(["--profile", &m.profile, "list", "--json"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("ada@example.com"));

    // The password is in no file of the machine's and in nothing it printed.
    for file in walk(dir.path()) {
        let bytes = std::fs::read(&file).unwrap_or_default();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(PASSWORD),
            "{} holds the password",
            file.display()
        );
    }
    for out in [&listed, &out] {
        assert!(!said(out).contains(PASSWORD));
    }
    m.leave();
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
