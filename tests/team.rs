//! A team on one PostgreSQL database, tried the way a team would: two machines (two config
//! and data directories) running the real binary at once against the sandbox, counted on the
//! sandbox and in the database. The server is real (tests/support/postgres.rs), and so is
//! the Secret Service that keeps the key and the database password.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/bulk.rs"]
mod bulk;
#[path = "support/keyring.rs"]
mod keyring;
#[path = "support/postgres.rs"]
mod pg;
#[path = "support/processes.rs"]
mod processes;
#[path = "support/team.rs"]
mod team;

use std::process::Stdio;

use keyring::keyring_usable;
use pg::PgServer;
use team::{Machine, candidates, count, sandbox};

#[test]
fn two_machines_importing_overlapping_files_never_invite_anyone_twice() {
    const TEST: &str = "two_machines_importing_overlapping_files";
    if !keyring_usable(TEST) {
        return;
    }
    let Some(server) = PgServer::shared(TEST) else {
        return;
    };
    let db = server.create_db();
    let dir = tempfile::tempdir().unwrap();
    // The server would refuse a repeat: with duplicates allowed, only the record prevents them.
    let held_in = dir.path().join("sandbox.sqlite");
    let sb = sandbox(&held_in, "10", &["--allow-duplicates"]);
    let alice = Machine::new(dir.path(), "alice");
    let bob = Machine::new(dir.path(), "bob");
    // Both files start with the same 150 people, so both imports reach them at once.
    let alice_file = candidates(&dir.path().join("alice.csv"), 0..300);
    let bob_file = candidates(&dir.path().join("bob.csv"), (0..150).chain(300..450));
    for m in [&alice, &bob] {
        m.join_team(&sb.base_url, &server.url(&db));
    }

    let imports: Vec<_> = [(&alice, &alice_file), (&bob, &bob_file)]
        .into_iter()
        .map(|(m, file)| {
            m.app()
                .args([
                    "--profile",
                    &m.profile,
                    "import",
                    "--yes",
                    "--concurrency",
                    "4",
                ])
                .arg(file)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for import in imports {
        let out = import.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    let held = bulk::held(&held_in);
    assert!(
        held.values().all(|n| *n == 1),
        "invited twice: {:?}",
        held.iter().filter(|(_, n)| **n > 1).collect::<Vec<_>>()
    );
    assert_eq!(held.len(), 450, "everyone in either file is invited");
    // The team's record has each of them once, whoever sent it.
    let created = "SELECT COUNT(DISTINCT email) FROM invite_log WHERE outcome = 'created'";
    assert_eq!(count(server, &db, created), 450);
    assert_eq!(
        count(
            server,
            &db,
            "SELECT COUNT(*) FROM bulk_rows WHERE state = 'created'"
        ),
        450
    );
    // The shared 150 were skipped by whichever import came second to each.
    assert_eq!(
        count(
            server,
            &db,
            "SELECT COUNT(*) FROM bulk_rows WHERE state = 'skipped'"
        ),
        150
    );
    // Either machine lists the whole team's applicants.
    for m in [&alice, &bob] {
        let out = m
            .app()
            .args(["--profile", &m.profile, "list", "--json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(listed.as_array().map(Vec::len), Some(450), "{}", m.profile);
    }
    alice.leave();
    bob.leave();
}
