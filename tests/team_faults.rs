//! The team database drops the connection in the middle of an import (every connection of
//! the app terminated by the server): nothing is sent that cannot be recorded, and running
//! the import again ends with every row created once or listed as unknown, never re-sent.
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
use std::time::Duration;

use keyring::keyring_usable;
use pg::PgServer;
use team::{Machine, candidates, count, sandbox};

#[test]
fn a_connection_dropped_mid_import_sends_nothing_twice() {
    const TEST: &str = "a_connection_dropped_mid_import";
    if !keyring_usable(TEST) {
        return;
    }
    let Some(server) = PgServer::shared(TEST) else {
        return;
    };
    let db = server.create_db();
    // The tables exist before the import starts, to count in them while it runs.
    drop(rickrut_dashboard::store::Store::open_team(&server.team(&db)).unwrap());
    let dir = tempfile::tempdir().unwrap();
    let held_in = dir.path().join("sandbox.sqlite");
    let sb = sandbox(&held_in, "25", &["--allow-duplicates"]);
    let m = Machine::new(dir.path(), "carol");
    m.join_team(&sb.base_url, &server.url(&db));
    let file = candidates(&dir.path().join("carol.csv"), 0..300);
    let import = || {
        m.app()
            .args([
                "--profile",
                &m.profile,
                "import",
                "--yes",
                "--concurrency",
                "2",
            ])
            .arg(&file)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };

    let first = import();
    let created = "SELECT COUNT(*) FROM bulk_rows WHERE state = 'created'";
    let mut waited = 0;
    while count(server, &db, created) < 20 {
        waited += 1;
        assert!(waited < 3000, "the import never got going");
        std::thread::sleep(Duration::from_millis(10));
    }
    let dropped = count(
        server,
        &db,
        &format!(
            "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity
             WHERE datname = '{db}' AND application_name = 'rickrut-dashboard'"
        ),
    );
    assert!(dropped > 0, "the app's connection was there to drop");
    let out = first.wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    // Either it connected again between two rows and went on, or it stopped in words.
    match out.status.code() {
        Some(0) => {}
        Some(10) => {
            assert!(
                said.contains("team database could not be reached"),
                "{said}"
            );
            assert!(!said.contains("disk"), "{said}");
            let again = import().wait_with_output().unwrap();
            assert!(
                matches!(again.status.code(), Some(0 | 8)),
                "{}",
                String::from_utf8_lossy(&again.stderr)
            );
        }
        other => panic!("exit {other:?}: {said}"),
    }

    let held = bulk::held(&held_in);
    assert!(
        held.values().all(|n| *n == 1),
        "invited twice: {:?}",
        held.iter().filter(|(_, n)| **n > 1).collect::<Vec<_>>()
    );
    let state = |s: &str| {
        count(
            server,
            &db,
            &format!("SELECT COUNT(*) FROM bulk_rows WHERE state = '{s}'"),
        )
    };
    let (created, unknown) = (state("created"), state("unknown"));
    assert_eq!(created + unknown, 300, "every row ends created or unknown");
    assert!(
        unknown <= 2,
        "at most the rows in flight are unknown: {unknown}"
    );
    println!(
        "first run exit {:?}; in the end {created} created, {unknown} unknown",
        out.status.code()
    );
    let held_valid = held.len() as i64;
    assert!(
        (created..=created + unknown).contains(&held_valid),
        "held {held_valid}, created {created}, unknown {unknown}"
    );
    m.leave();
}
