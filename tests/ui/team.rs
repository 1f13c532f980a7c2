//! Keys → the profile in use → Team database, against a real PostgreSQL server: the record
//! moves to the team database, and "Copy my local record to the team database" copies what
//! this computer holds there, once; what a teammate does shows after one refresh; and with
//! the database out of reach, the window reads what it last read and sends nothing.

use crate::fixture::*;
use crate::pg::{PASSWORD, PgServer};
use rickrut_dashboard::api::{ClientOptions, NewApplicant};
use rickrut_dashboard::jobs::keys::{SecretString, connect_without_profile};
use rickrut_dashboard::jobs::record::{Records, TeamDb};
use rickrut_dashboard::jobs::{self, assess, invite, track};
use rickrut_dashboard::store::Decision;

#[test]
fn a_profile_moves_its_record_to_the_team_database_and_copies_it_once() {
    let Some(server) = PgServer::shared("team database in the window") else {
        return;
    };
    let db = server.create_db();
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    // An applicant this computer tracks.
    look_up(&mut h, "31415");
    step_until(&mut h, "the card", |h| has(h, "ATZDVQDH"));

    navigate(&mut h, "Keys");
    set_text(&mut h, "Team database", &server.url(&db));
    set_text(&mut h, "Database password", PASSWORD);
    click(&mut h, "Save team database");
    step_until(&mut h, "the team's record in use", |h| {
        h.state()
            .state()
            .record()
            .is_some_and(|r| r.profile() == "team")
    });
    assert!(
        !has(&h, PASSWORD),
        "the password is never shown again once saved"
    );
    let tracked = "SELECT COUNT(*) FROM tracked WHERE id = 31415";
    let count = |sql: &str| -> i64 {
        server
            .admin(&db)
            .unwrap()
            .query_one(sql, &[])
            .unwrap()
            .get(0)
    };
    assert_eq!(
        count(tracked),
        0,
        "nothing is copied before the recruiter asks"
    );

    click(&mut h, "Copy my local record to the team database");
    step_until(&mut h, "the copy's answer", |h| {
        has(h, "Copied: 1 of your 1")
    });
    assert_eq!(count(tracked), 1);
    click(&mut h, "Copy my local record to the team database");
    step_until(&mut h, "the second copy's answer", |h| {
        has(h, "Copied: 0 of your 1")
    });
    assert_eq!(count(tracked), 1, "copying again adds nothing");
}

/// Another instance on the team database (its own connection, through the same jobs as the
/// window): invites someone and shortlists them.
fn teammate_invites(f: &Fixture, team: TeamDb, email: &str) -> u64 {
    let client = connect_without_profile(
        &f.base_url(),
        SecretString::from(KEY.to_owned()),
        ClientOptions::default(),
    )
    .unwrap()
    .client;
    let teammate = Records::open_team(team).unwrap().for_profile("Bob");
    f.runtime.block_on(async {
        let new = NewApplicant::new(email, "software-engineer", Some("Grace"), None).unwrap();
        let invited = invite::invite(&client, Some(&teammate), new).await.unwrap();
        let id = invited.result.unwrap().applicant.id;
        assess::decide(&teammate, id, Decision::Shortlisted)
            .await
            .unwrap();
        id
    })
}

fn join_team(h: &mut Harness<'_, DashboardApp>, url: &str) {
    navigate(h, "Keys");
    set_text(h, "Team database", url);
    set_text(h, "Database password", PASSWORD);
    click(h, "Save team database");
}

fn team_in_use(h: &Harness<'_, DashboardApp>) -> bool {
    h.state()
        .state()
        .record()
        .is_some_and(|r| r.profile() == "team")
}

#[test]
fn what_a_teammate_does_shows_in_the_window_within_one_refresh() {
    let Some(server) = PgServer::shared("what_a_teammate_does") else {
        return;
    };
    let db = server.create_db();
    let f = Fixture::new();
    let mut h = f.harness();
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    join_team(&mut h, &server.url(&db));
    step_until(&mut h, "the team's record in use", team_in_use);
    navigate(&mut h, "Applicants");
    h.run_steps(3);
    assert!(h.state().applicants().rows().is_empty());

    let id = teammate_invites(&f, server.team(&db), "grace.hopper@example.com");
    click(&mut h, "Refresh all");
    step_until(&mut h, "the teammate's invite, after one refresh", |h| {
        h.state()
            .applicants()
            .rows()
            .iter()
            .any(|r| r.id == id && r.decision == Decision::Shortlisted)
    });
    assert!(has(&h, "grace.hopper@example.com"), "{:#?}", h.root());
}

#[test]
fn out_of_reach_the_window_reads_what_it_last_read_and_sends_nothing() {
    let Some(mut server) = PgServer::start("out_of_reach_the_window_reads") else {
        return;
    };
    let db = server.create_db();
    let f = Fixture::new();
    let data = tempfile::tempdir().unwrap();
    let id = teammate_invites(&f, server.team(&db), "grace.hopper@example.com");
    let mut h = f.harness_in(data.path());
    add_profile(&mut h, "Acme", &f.base_url(), KEY);
    join_team(&mut h, &server.url(&db));
    step_until(&mut h, "the team's record in use", team_in_use);
    // Once the team's record is open, this computer's copy holds what it held.
    let copy = jobs::team::last_read_path(data.path(), &server.url(&db));
    step_until(&mut h, "the copy, once open", |_| {
        Records::open_last_read(&copy).is_ok_and(|r| {
            f.runtime
                .block_on(track::ids(&r.for_profile("x")))
                .is_ok_and(|ids| ids == vec![id])
        })
    });

    server.stop();
    // The window opens the team database again (as it does at start), and finds it gone.
    join_team(&mut h, &server.url(&db));
    step_until(&mut h, "the window on the copy, read only", |h| {
        has(h, "Read only: as last read")
    });
    assert!(
        has(&h, "this is what this computer last read"),
        "{:#?}",
        h.root()
    );
    navigate(&mut h, "Applicants");
    step_until(&mut h, "the rows last read", |h| {
        h.state().applicants().rows().iter().any(|r| r.id == id)
    });

    let before = f.sandbox.as_ref().unwrap().counters().0;
    navigate(&mut h, "Invite");
    set_text(&mut h, "Email", "dorothy.vaughan@example.com");
    set_text(&mut h, "Opening", "software-engineer");
    click(&mut h, "Send invite");
    h.run_steps(5);
    assert!(has(&h, "nothing can be changed or sent"), "{:#?}", h.root());
    assert_eq!(
        f.sandbox.as_ref().unwrap().counters().0,
        before,
        "nothing sent that could not be recorded"
    );
}
