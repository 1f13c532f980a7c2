//! A team's record that can be read but not written, against a real PostgreSQL server and the
//! sandbox on loopback: a schema a newer app changed, and this computer's copy of what the
//! team database last held (read while it is out of reach). Reads go on; every write is
//! refused with a sentence that says why; nothing is sent that could not be recorded. And
//! what one instance does, another reads.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/postgres.rs"]
mod pg;

use pg::PgServer;
use rickrut_dashboard::api::{Client, ClientOptions, NewApplicant};
use rickrut_dashboard::jobs::keys::{SecretString, connect_without_profile};
use rickrut_dashboard::jobs::record::{ReadOnly, Record, Records, StoreError};
use rickrut_dashboard::jobs::{assess, invite, team, track};
use rickrut_dashboard::sandbox::{Sandbox, SandboxConfig};
use rickrut_dashboard::store::{Decision, SCHEMA_VERSION};

const KEY: &str = "readonly0123456789abcdef0123456789abcde";

struct World {
    runtime: tokio::runtime::Runtime,
    sandbox: Sandbox,
    client: Client,
}

impl World {
    fn new() -> World {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let sandbox = runtime
            .block_on(Sandbox::start(SandboxConfig {
                api_keys: vec![KEY.into()],
                ..SandboxConfig::default()
            }))
            .unwrap();
        let client = connect_without_profile(
            &sandbox.base_url(),
            SecretString::from(KEY.to_owned()),
            ClientOptions {
                max_retries: 0,
                ..ClientOptions::default()
            },
        )
        .unwrap()
        .client;
        World {
            runtime,
            sandbox,
            client,
        }
    }

    /// Invites `email` with `record`: the applicant's ID, or why nothing was sent.
    fn invite(&self, record: &Record, email: &str) -> Result<u64, StoreError> {
        let new = NewApplicant::new(email, "software-engineer", Some("Grace"), None).unwrap();
        let invited = self
            .runtime
            .block_on(invite::invite(&self.client, Some(record), new))?;
        assert!(invited.kept.problem().is_none(), "{:?}", invited.kept);
        Ok(invited.result.unwrap().applicant.id)
    }

    fn requests(&self) -> u64 {
        self.sandbox.counters().0
    }
}

#[test]
fn what_one_instance_does_the_other_reads() {
    let Some(server) = PgServer::shared("what_one_instance_does") else {
        return;
    };
    let db = server.create_db();
    let w = World::new();
    // Two instances: two connections, two profile names, one team.
    let alice = Records::open_team(server.team(&db)).unwrap();
    let bob = Records::open_team(server.team(&db)).unwrap();
    let (alice, bob) = (alice.for_profile("Alice"), bob.for_profile("Bob"));
    let id = w.invite(&alice, "grace.hopper@example.com").unwrap();
    w.runtime.block_on(async {
        assess::add_note(&alice, id, "Strong on SQL".into())
            .await
            .unwrap();
        assess::decide(&alice, id, Decision::Shortlisted)
            .await
            .unwrap();
        let seen = track::summaries(&bob).await.unwrap();
        let row = seen
            .iter()
            .find(|r| r.id == id)
            .expect("Bob sees the invite");
        assert_eq!(row.decision, Decision::Shortlisted);
        let notes = assess::notes(&bob, id).await.unwrap();
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].text, "Strong on SQL");
        // The team's "already invited" is Bob's too.
        let key = invite::InviteKey::new("grace.hopper@example.com", "software-engineer");
        let known = invite::already_invited(&bob, vec![key.clone()])
            .await
            .unwrap();
        assert!(known.contains(&key));
    });
}

#[test]
fn a_schema_newer_than_the_app_is_read_and_never_written() {
    let Some(server) = PgServer::shared("a_schema_newer_than_the_app_is_read") else {
        return;
    };
    let db = server.create_db();
    let w = World::new();
    let id = {
        let records = Records::open_team(server.team(&db)).unwrap();
        assert!(records.read_only().is_none());
        w.invite(&records.for_profile("Alice"), "ada@example.com")
            .unwrap()
    };
    server.as_if_a_newer_app_changed(&db);

    let records = Records::open_team(server.team(&db)).unwrap();
    assert_eq!(
        records.read_only(),
        Some(&ReadOnly::NewerSchema {
            found: SCHEMA_VERSION + 1,
            known: SCHEMA_VERSION
        })
    );
    let record = records.for_profile("Alice");
    let rows = w.runtime.block_on(track::summaries(&record)).unwrap();
    assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![id]);

    let refused = |e: StoreError| {
        assert!(matches!(e, StoreError::NewerSchema { .. }), "{e:?}");
        assert!(e.to_string().contains("update the app"), "{e}");
    };
    let before = w.requests();
    refused(w.invite(&record, "another@example.com").err().unwrap());
    assert_eq!(w.requests(), before, "nothing sent that could not be kept");
    w.runtime.block_on(async {
        refused(
            assess::decide(&record, id, Decision::Rejected)
                .await
                .err()
                .unwrap(),
        );
        refused(
            assess::add_note(&record, id, "no".into())
                .await
                .err()
                .unwrap(),
        );
    });
    let count = |sql: &str| -> i64 {
        server
            .admin(&db)
            .unwrap()
            .query_one(sql, &[])
            .unwrap()
            .get(0)
    };
    assert_eq!(count("SELECT COUNT(*) FROM notes"), 0, "nothing written");
    assert_eq!(
        count("SELECT COUNT(*) FROM assessments"),
        0,
        "nothing written"
    );
}

#[test]
fn out_of_reach_the_copy_last_read_is_read_and_never_written() {
    let Some(mut server) = PgServer::start("out_of_reach_the_copy_last_read") else {
        return;
    };
    let db = server.create_db();
    let url = server.url(&db);
    let w = World::new();
    let data = tempfile::tempdir().unwrap();
    let records = Records::open_team(server.team(&db)).unwrap();
    let record = records.for_profile("Alice");
    let id = w.invite(&record, "katherine@example.com").unwrap();
    let path = team::last_read_path(data.path(), &url);
    w.runtime.block_on(async {
        assess::add_note(&record, id, "Call on Monday".into())
            .await
            .unwrap();
        assess::decide(&record, id, Decision::OnHold).await.unwrap();
        assert_eq!(
            team::keep_last_read(&record, path.clone()).await.unwrap(),
            1
        );
    });

    server.stop();
    // The connection is gone: a single invite finds it out before anything leaves.
    let before = w.requests();
    let e = w.invite(&record, "dorothy@example.com").err().unwrap();
    assert!(e.is_unreachable(), "{e:?}");
    assert_eq!(w.requests(), before, "nothing sent that could not be kept");

    let copy = w
        .runtime
        .block_on(team::open_last_read(data.path().to_path_buf(), url))
        .expect("the copy opens while the database is out of reach");
    assert!(matches!(copy.read_only(), Some(ReadOnly::LastRead { .. })));
    let copy = copy.for_profile("Alice");
    w.runtime.block_on(async {
        let rows = track::summaries(&copy).await.unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].decision, Decision::OnHold);
        assert_eq!(
            assess::notes(&copy, id).await.unwrap()[0].text,
            "Call on Monday"
        );
        let e = assess::decide(&copy, id, Decision::Rejected)
            .await
            .err()
            .unwrap();
        assert!(matches!(e, StoreError::LastRead { .. }), "{e:?}");
        assert!(e.to_string().contains("cannot be reached"), "{e}");
    });
    let e = w.invite(&copy, "dorothy@example.com").err().unwrap();
    assert!(matches!(e, StoreError::LastRead { .. }), "{e:?}");
    assert_eq!(w.requests(), before);
}
