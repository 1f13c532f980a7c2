//! Keys → the profile in use → Team database, against a real PostgreSQL server: the record
//! moves to the team database, and "Copy my local record to the team database" copies what
//! this computer holds there, once.

use crate::fixture::*;
use crate::pg::{PASSWORD, PgServer};

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
