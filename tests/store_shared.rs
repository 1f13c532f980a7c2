//! One record, two instances: two connections to one team database (and, the same cases,
//! one SQLite file opened twice). A bulk row's invite is claimed once for everyone, a local
//! record merges into a shared one as often as wanted, one refresh runs at a time, and a
//! schema newer than the app is refused.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/engines.rs"]
mod engines;
#[path = "support/postgres.rs"]
mod pg;
#[path = "support/store.rs"]
mod support;

use chrono::{TimeZone, Utc};
use engines::{each_engine, each_shared_pair};
use pg::PgServer;
use rickrut_dashboard::store::bulk::{BulkRow, RowState};
use rickrut_dashboard::store::{
    Decision, InviteKey, InviteOutcome, SCHEMA_VERSION, Store, StoreError,
};
use support::{pending_rows, response};

fn rows(emails: &[&str]) -> Vec<BulkRow> {
    pending_rows(emails, "software-engineer")
}

#[test]
fn an_invite_claimed_by_one_import_is_skipped_by_the_other() {
    each_shared_pair("an_invite_claimed_by_one_import", |a, b| {
        let now = Utc::now();
        let ja = a
            .create_bulk_job(
                "team",
                "a.csv",
                "fa",
                &rows(&["x@example.com", "y@example.com"]),
                now,
            )
            .unwrap();
        // The same person, written otherwise, in the other machine's file.
        let jb = b
            .create_bulk_job(
                "team",
                "b.csv",
                "fb",
                &rows(&[" X@Example.com ", "z@example.com"]),
                now,
            )
            .unwrap();
        let first = a.claim_bulk_row(ja, now).unwrap().unwrap();
        assert_eq!(first.email, "x@example.com");
        // b passes over x (a holds it) and claims z.
        assert_eq!(
            b.claim_bulk_row(jb, now).unwrap().unwrap().email,
            "z@example.com"
        );
        let b_rows = b.bulk_rows(jb).unwrap();
        assert!(
            matches!(&b_rows[0].state, RowState::Skipped(why) if why.contains("another import")),
            "{b_rows:?}"
        );
        // A row that failed gives its claim back; one created keeps it, and the log says so.
        let second = a.claim_bulk_row(ja, now).unwrap().unwrap();
        a.set_bulk_row_state(ja, second.row_no, &RowState::Failed("400".into()), now)
            .unwrap();
        a.set_bulk_row_state(
            ja,
            first.row_no,
            &RowState::Created {
                id: 7,
                code: "C".into(),
            },
            now,
        )
        .unwrap();
        a.log_invite(
            "team",
            &InviteKey::new("x@example.com", "software-engineer"),
            &InviteOutcome::Created {
                id: 7,
                code: "C".into(),
            },
            now,
        )
        .unwrap();
        let jc = b
            .create_bulk_job(
                "team",
                "c.csv",
                "fc",
                &rows(&["y@example.com", "x@example.com"]),
                now,
            )
            .unwrap();
        assert_eq!(
            b.claim_bulk_row(jc, now).unwrap().unwrap().email,
            "y@example.com",
            "y's claim was given back"
        );
        assert!(
            b.claim_bulk_row(jc, now).unwrap().is_none(),
            "x is invited already"
        );
        assert!(
            matches!(&b.bulk_rows(jc).unwrap()[1].state, RowState::Skipped(why) if why.contains("already invited"))
        );
    });
}

#[test]
fn a_local_record_merges_into_the_shared_one_by_applicant_id_once() {
    each_shared_pair("a_local_record_merges", |team, other| {
        let mut local = Store::open_in_memory().unwrap();
        let t0 = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).unwrap();
        local
            .upsert(
                "Ada",
                &[
                    response(1, "INVITED", 0, None),
                    response(2, "SCORED", 6, Some("80.0")),
                ],
                t0,
            )
            .unwrap();
        local.add_note("Ada", 1, "called, keen", t0).unwrap();
        local.add_tags("Ada", 2, &["backend".into()]).unwrap();
        local
            .assess("Ada", 2, Some(Some(4)), Some(Decision::Shortlisted), t0)
            .unwrap();
        local
            .log_invite(
                "Ada",
                &InviteKey::new("person1@example.com", "software-engineer"),
                &InviteOutcome::Created {
                    id: 1,
                    code: "CODE0001".into(),
                },
                t0,
            )
            .unwrap();
        // The team already has applicant 2, refreshed later, and a later decision on it.
        team.upsert("team", &[response(2, "HIRED", 6, Some("80.0"))], t0)
            .unwrap();
        team.assess(
            "team",
            2,
            None,
            Some(Decision::Rejected),
            t0 + chrono::Duration::hours(1),
        )
        .unwrap();

        let moving = local.read_out("Ada").unwrap();
        let merged = team.merge_in("team", &moving).unwrap();
        assert_eq!(merged.applicants, 1, "only applicant 1 was new");
        assert_eq!(
            team.merge_in("team", &moving).unwrap().rows,
            0,
            "again: nothing added"
        );

        // The other instance reads the merged record.
        let rows = other.tracked("team").unwrap();
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(rows[1].status(), "HIRED", "the team's newer copy stays");
        assert_eq!(
            rows[1].decision,
            Decision::Rejected,
            "the later decision wins"
        );
        assert_eq!(rows[1].tags(), ["backend"]);
        assert_eq!(other.notes("team", 1).unwrap()[0].text, "called, keen");
        assert!(
            other
                .was_invited(
                    "team",
                    &InviteKey::new("PERSON1@example.com", "software-engineer")
                )
                .unwrap()
        );
        assert_eq!(other.history("team", 1).unwrap().len(), 1);
    });
}

#[test]
fn one_refresh_at_a_time_on_a_team_database() {
    each_shared_pair("one_refresh_at_a_time", |a, b| {
        assert!(a.try_refresh_lock("team").unwrap());
        let team = a.is_team();
        // A local file has one user: no lock to wait for.
        assert_eq!(b.try_refresh_lock("team").unwrap(), !team);
        a.release_refresh_lock("team").unwrap();
        assert!(b.try_refresh_lock("team").unwrap());
        b.release_refresh_lock("team").unwrap();
    });
}

/// Instances new to a team database, all starting at the same moment, each open it, and its
/// schema is made once.
#[test]
fn instances_starting_at_once_on_a_new_team_database_all_open_it() {
    let Some(server) = PgServer::shared("instances_starting_at_once") else {
        return;
    };
    for _ in 0..20 {
        let db = server.create_db();
        let team = server.team(&db);
        let start = std::sync::Barrier::new(8);
        std::thread::scope(|s| {
            let opened: Vec<_> = (0..8)
                .map(|_| {
                    s.spawn(|| {
                        start.wait();
                        Store::open_team(&team).map(drop)
                    })
                })
                .collect();
            for o in opened {
                if let Err(e) = o.join().unwrap() {
                    panic!("{e:?}");
                }
            }
        });
        let versions = server
            .admin(&db)
            .unwrap()
            .query("SELECT version FROM rickrut_schema", &[])
            .unwrap();
        assert_eq!(
            versions.len(),
            1,
            "the schema's version written more than once"
        );
        assert_eq!(versions[0].get::<_, i64>(0), SCHEMA_VERSION as i64);
    }
}

#[test]
fn a_schema_newer_than_the_app_is_refused_with_words() {
    each_engine("a_schema_newer_than_the_app", |store| {
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tracked.sqlite");
    drop(Store::open(&path).unwrap());
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))
        .unwrap();
    let refused = |e: StoreError| {
        assert!(matches!(e, StoreError::NewerSchema { .. }), "{e:?}");
        assert!(e.to_string().contains("newer version"), "{e}");
    };
    refused(Store::open(&path).err().unwrap());
    if let Some(server) = PgServer::shared("a_schema_newer_than_the_app") {
        let db = server.create_db();
        drop(Store::open_team(&server.team(&db)).unwrap());
        server.as_if_a_newer_app_changed(&db);
        // The team's database stays readable (tests/team_read_only.rs): writes are refused.
        let mut store = Store::open_team(&server.team(&db)).unwrap();
        refused(store.ready_to_write().err().unwrap());
        // PostgreSQL itself refuses (the app's store thread says it in words), writes that
        // wait to leave with the commit as loudly as the others.
        let by_the_server = |e: Option<StoreError>| {
            let e = e.expect("the write was refused");
            assert!(
                e.technical()
                    .is_some_and(|t| t.contains("read-only transaction")),
                "{e:?}"
            );
        };
        by_the_server(store.track_ids("Acme", &[1]).err());
        let at = Utc::now();
        by_the_server(
            store
                .upsert("Acme", &[response(1, "INVITED", 0, None)], at)
                .err(),
        );
        let key = InviteKey::new("ada@example.com", "software-engineer");
        by_the_server(
            store
                .together(|s| s.log_invite("Acme", &key, &InviteOutcome::AlreadyInvited, at))
                .err(),
        );
    }
}

#[test]
fn a_team_database_out_of_reach_or_refusing_is_said_in_words() {
    let Some(server) = PgServer::shared("a_team_database_out_of_reach") else {
        return;
    };
    let db = server.create_db();
    let mut wrong = server.team(&db);
    wrong.password = Some("not-the-password".to_owned().into());
    let e = Store::open_team(&wrong).err().unwrap();
    assert!(matches!(e, StoreError::TeamRefused { .. }), "{e:?}");
    assert!(!format!("{e}{e:?}").contains("not-the-password"));
    let gone = rickrut_dashboard::store::TeamDb {
        url: format!("postgres://postgres@127.0.0.1:{}/{db}", free_port()),
        password: None,
    };
    let e = Store::open_team(&gone).err().unwrap();
    assert!(e.is_unreachable(), "{e:?}");
    assert!(e.technical().is_some_and(|t| !t.is_empty()));
    assert!(
        !e.to_string().contains("127.0.0.1"),
        "the address is in the details only"
    );
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
