//! Claiming the next bulk row, on both engines. On the team database the usual case is one
//! statement that reads the invite stored with the row; rows imported before invites were
//! stored with them are claimed the careful way, and both ways claim the same invite.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/engines.rs"]
mod engines;
#[path = "support/postgres.rs"]
mod pg;
#[path = "support/store.rs"]
mod support;

use chrono::Utc;
use engines::each_engine_raw;
use rickrut_dashboard::store::bulk::{BulkRow, RowState};
use rickrut_dashboard::store::{InviteKey, InviteOutcome};
use support::{pending_rows, response};

fn rows(emails: &[&str]) -> Vec<BulkRow> {
    pending_rows(emails, " software-engineer ")
}

#[test]
fn rows_imported_before_invites_were_stored_with_them_are_claimed_as_the_others() {
    each_engine_raw("rows_imported_before_invites_were_stored", |store, raw| {
        let now = Utc::now();
        let old = store
            .create_bulk_job(
                "team",
                "old.csv",
                "f-old",
                &rows(&[" X@Example.com ", "y@example.com"]),
                now,
            )
            .unwrap();
        // As a record written by the app before schema 8 has them.
        raw("UPDATE bulk_rows SET invite_email = NULL, invite_opening = NULL");
        let first = store.claim_bulk_row(old, now).unwrap().unwrap();
        assert_eq!(
            first.email, " X@Example.com ",
            "the row as the file wrote it"
        );
        assert_eq!(
            raw(
                "SELECT COUNT(*) FROM invite_claims WHERE email = 'x@example.com' AND opening = 'software-engineer'"
            ),
            1,
            "claimed under the key every check compares"
        );
        // A new import of the same person: its row carries its invite, and finds it held.
        let new = store
            .create_bulk_job(
                "team",
                "new.csv",
                "f-new",
                &rows(&["x@example.com", "z@example.com"]),
                now,
            )
            .unwrap();
        assert_eq!(
            raw(
                "SELECT COUNT(*) FROM bulk_rows WHERE invite_email = 'x@example.com' AND invite_opening = 'software-engineer'"
            ),
            1
        );
        assert_eq!(
            store.claim_bulk_row(new, now).unwrap().unwrap().email,
            "z@example.com"
        );
        let new_rows = store.bulk_rows(new).unwrap();
        assert!(
            matches!(&new_rows[0].state, RowState::Skipped(why) if why.contains("another import")),
            "{new_rows:?}"
        );
        assert_eq!(
            store.claim_bulk_row(old, now).unwrap().unwrap().email,
            "y@example.com"
        );
        assert!(store.claim_bulk_row(old, now).unwrap().is_none());
        assert!(store.claim_bulk_row(new, now).unwrap().is_none());
    });
}

#[test]
fn a_claim_after_an_invite_is_saved_with_it_or_not_at_all() {
    each_engine_raw("a_claim_after_an_invite_is_saved_with_it", |store, raw| {
        let now = Utc::now();
        let emails = ["person7@example.com", "b@example.com", "c@example.com"];
        let job = store
            .create_bulk_job("team", "a.csv", "fa", &rows(&emails), now)
            .unwrap();
        let first = store.claim_bulk_row(job, now).unwrap().unwrap();
        // The answer recorded and the next row claimed together, as a bulk run does.
        let created = RowState::Created {
            id: 7,
            code: "CODE0007".into(),
        };
        let next = store
            .together(|s| {
                s.set_bulk_row_state(job, first.row_no, &created, now)?;
                let key = InviteKey::new(&first.email, &first.opening);
                let outcome = InviteOutcome::Created {
                    id: 7,
                    code: "CODE0007".into(),
                };
                let answer = response(7, "INVITED", 0, None);
                s.record_invite("team", &key, &outcome, Some(&answer), now)?;
                s.claim_bulk_row(job, now)
            })
            .unwrap()
            .unwrap();
        assert_eq!(next.email, "b@example.com");
        let states = |store: &mut rickrut_dashboard::store::Store| -> Vec<RowState> {
            store
                .bulk_rows(job)
                .unwrap()
                .into_iter()
                .map(|r| r.state)
                .collect()
        };
        assert_eq!(
            states(store),
            [created.clone(), RowState::Sending, RowState::Pending]
        );
        assert_eq!(raw("SELECT COUNT(*) FROM invite_claims"), 2);
        assert_eq!(raw("SELECT COUNT(*) FROM invite_log"), 1);

        // A claim that fails takes what was written before it down with it.
        raw("ALTER TABLE invite_claims RENAME TO claims_elsewhere");
        let failed = store.together(|s| {
            s.set_bulk_row_state(job, next.row_no, &RowState::Skipped("by hand".into()), now)?;
            s.claim_bulk_row(job, now)
        });
        assert!(failed.is_err(), "{failed:?}");
        assert_eq!(
            states(store),
            [created, RowState::Sending, RowState::Pending]
        );
    });
}

#[test]
fn forgetting_an_applicant_removes_their_invite_but_a_claim_still_being_sent() {
    each_engine_raw("forgetting_removes_their_invite", |store, raw| {
        let now = Utc::now();
        let emails = [" Person7@Example.com ", "person8@example.com"];
        let job = store
            .create_bulk_job("team", "a.csv", "fa", &rows(&emails), now)
            .unwrap();
        let seven = store.claim_bulk_row(job, now).unwrap().unwrap();
        let created = RowState::Created {
            id: 7,
            code: "CODE0007".into(),
        };
        store
            .set_bulk_row_state(job, seven.row_no, &created, now)
            .unwrap();
        // Eight's invite is on its way: its claim keeps another import from sending it too.
        store.claim_bulk_row(job, now).unwrap().unwrap();
        let answers = [
            response(7, "INVITED", 0, None),
            response(8, "INVITED", 0, None),
        ];
        store.upsert("team", &answers, now).unwrap();
        let claims = "SELECT COUNT(*) FROM invite_claims WHERE email = ";
        assert_eq!(raw(&format!("{claims}'person7@example.com'")), 1);

        assert!(store.forget("team", 7).unwrap());
        assert!(store.forget("team", 8).unwrap());
        assert_eq!(raw(&format!("{claims}'person7@example.com'")), 0);
        assert_eq!(raw(&format!("{claims}'person8@example.com'")), 1);
        assert_eq!(
            raw("SELECT COUNT(*) FROM bulk_rows WHERE email <> '' OR invite_email IS NOT NULL"),
            0
        );
    });
}

#[test]
fn a_row_put_back_after_a_pause_is_claimed_again_by_its_own_claim() {
    each_engine_raw("a_row_put_back_after_a_pause", |store, raw| {
        let now = Utc::now();
        let job = store
            .create_bulk_job(
                "team",
                "a.csv",
                "fa",
                &rows(&["a@example.com", "b@example.com"]),
                now,
            )
            .unwrap();
        let first = store.claim_bulk_row(job, now).unwrap().unwrap();
        // A 429 or a pause: the row goes back to pending, its invite still claimed by it.
        store
            .set_bulk_row_state(job, first.row_no, &RowState::Pending, now)
            .unwrap();
        let again = store.claim_bulk_row(job, now).unwrap().unwrap();
        assert_eq!(again.row_no, first.row_no);
        assert_eq!(store.bulk_rows(job).unwrap()[0].state, RowState::Sending);
        assert_eq!(raw("SELECT COUNT(*) FROM invite_claims"), 1);
    });
}

#[test]
fn a_bulk_run_on_the_team_database_reaches_each_row_through_an_index() {
    // A plan made while the invite log was empty, and kept for the connection, read the
    // whole log once per row: quadratic in the file. The server's own counts tell.
    let Some(server) = pg::PgServer::shared("a_bulk_run_reaches_each_row_through_an_index") else {
        return;
    };
    const ROWS: i64 = 300;
    let db = server.create_db();
    let mut store = rickrut_dashboard::store::Store::open_team(&server.team(&db)).unwrap();
    let now = Utc::now();
    let emails: Vec<String> = (0..ROWS).map(|i| format!("p{i}@example.com")).collect();
    let emails: Vec<&str> = emails.iter().map(String::as_str).collect();
    let job = store
        .create_bulk_job("team", "a.csv", "fa", &rows(&emails), now)
        .unwrap();
    let mut next = store.claim_bulk_row(job, now).unwrap();
    let mut id = 1000;
    while let Some(row) = next {
        id += 1;
        next = store
            .together(|s| {
                let code = format!("CODE{id:04}");
                let created = RowState::Created {
                    id,
                    code: code.clone(),
                };
                s.set_bulk_row_state(job, row.row_no, &created, now)?;
                let key = InviteKey::new(&row.email, &row.opening);
                let outcome = InviteOutcome::Created { id, code };
                let answer = response(id, "INVITED", 0, None);
                s.record_invite("team", &key, &outcome, Some(&answer), now)?;
                s.claim_bulk_row(job, now)
            })
            .unwrap();
    }
    // A connection's counts reach the server's tables when it ends.
    drop(store);
    let mut admin = server.admin(&db).unwrap();
    let count = "SELECT relname, seq_tup_read, COALESCE(idx_tup_fetch, 0), n_tup_ins
                 FROM pg_stat_user_tables";
    let mut tables: Vec<(String, i64, i64, i64)> = Vec::new();
    for _ in 0..100 {
        tables = admin
            .query(count, &[])
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
            .collect();
        if tables.iter().any(|t| t.0 == "invite_log" && t.3 == ROWS) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let log = tables.iter().find(|t| t.0 == "invite_log");
    assert_eq!(
        log.map(|t| t.3),
        Some(ROWS),
        "the counts arrived: {tables:?}"
    );
    for (table, read_in_full, fetched, _) in &tables {
        // (The schema's one row is read at opening.)
        assert!(
            *read_in_full < ROWS,
            "{table}: {read_in_full} rows read from end to end for {ROWS} invites: {tables:?}"
        );
        assert!(
            *fetched <= 4 * ROWS,
            "{table}: {fetched} rows fetched through indexes for {ROWS} invites: {tables:?}"
        );
    }
}
