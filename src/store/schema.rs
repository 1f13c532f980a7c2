//! The record's tables, as a list of changes in order, one source for every engine: the
//! types are written as tokens each engine spells its own way. SQLite counts the changes
//! run in `PRAGMA user_version`, PostgreSQL in a table of its own.

use super::StoreError;
use super::sql::{self, Db, Engine};

/// Schema changes, in order.
pub(super) const MIGRATIONS: &[&str] = &[
    // 1: tracked applicants and their history.
    "CREATE TABLE tracked (
        profile TEXT NOT NULL,
        id {INT} NOT NULL,
        email TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL DEFAULT '',
        code TEXT NOT NULL DEFAULT '',
        opening_id {INT},
        status TEXT NOT NULL DEFAULT '',
        step {INT},
        skill {REAL},
        adequation {REAL},
        updated_at TEXT,
        last_checked TEXT,
        raw_json TEXT,
        PRIMARY KEY (profile, id)
     );
     CREATE TABLE snapshots (
        profile TEXT NOT NULL,
        id {INT} NOT NULL,
        taken_at TEXT NOT NULL,
        status TEXT NOT NULL,
        step {INT},
        skill {REAL},
        adequation {REAL},
        recruiter {REAL}{ROW_ORDER}
     );
     CREATE INDEX snapshots_by_applicant ON snapshots (profile, id, taken_at);",
    // 2: change tracking for "changed since last look", upstream deletions, the invite log.
    "ALTER TABLE tracked ADD COLUMN changed {INT} NOT NULL DEFAULT 0;
     ALTER TABLE tracked ADD COLUMN deleted_upstream {INT} NOT NULL DEFAULT 0;
     ALTER TABLE tracked ADD COLUMN last_error TEXT;
     CREATE TABLE invite_log (
        profile TEXT NOT NULL,
        at TEXT NOT NULL,
        email TEXT NOT NULL,
        opening TEXT NOT NULL,
        outcome TEXT NOT NULL,
        applicant_id {INT},
        code TEXT,
        detail TEXT
     );
     CREATE INDEX invite_log_by_email ON invite_log (profile, email, opening);",
    // 3: bulk invite jobs, each row's state written before and after its request.
    "CREATE TABLE bulk_jobs (
        id {SERIAL_KEY},
        profile TEXT NOT NULL,
        source TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        finished_at TEXT
     );
     CREATE TABLE bulk_rows (
        job_id {INT} NOT NULL REFERENCES bulk_jobs (id),
        row_no {INT} NOT NULL,
        email TEXT NOT NULL,
        opening TEXT NOT NULL,
        first_name TEXT,
        last_name TEXT,
        state TEXT NOT NULL,
        applicant_id {INT},
        code TEXT,
        detail TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (job_id, row_no)
     );
     CREATE INDEX bulk_rows_by_state ON bulk_rows (job_id, state);",
    // 4: the JSON as received moves to a table of its own, with a digest of it. A refresh
    // tells "the same again" from the digest alone (filled on the next write), and marking
    // an applicant checked rewrites a row of a hundred bytes instead of one that carries a
    // kilobyte or more of JSON (and loading the table no longer steps over it).
    "CREATE TABLE received (
        profile TEXT NOT NULL,
        id {INT} NOT NULL,
        raw_json TEXT NOT NULL,
        raw_digest {BLOB},
        PRIMARY KEY (profile, id)
     );
     INSERT INTO received (profile, id, raw_json)
        SELECT profile, id, raw_json FROM tracked WHERE raw_json IS NOT NULL;
     ALTER TABLE tracked DROP COLUMN raw_json;",
    // 5: openings named (the API takes a name on create and answers an ID), what the
    // recruiter decides of each applicant (notes, tags, a rating, a decision), and what the
    // shortlist and the comparison read without decoding the JSON (finish time, the
    // recruiter's score, answer counts, recordings flagged, time spent on the cases).
    "CREATE TABLE openings (
        profile TEXT NOT NULL,
        opening_id {INT} NOT NULL,
        name TEXT NOT NULL,
        title TEXT,
        skill_weight {REAL} NOT NULL DEFAULT 0.5,
        named_by_hand {INT} NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (profile, opening_id)
     );
     CREATE TABLE notes (
        profile TEXT NOT NULL,
        id {INT} NOT NULL,
        at TEXT NOT NULL,
        text TEXT NOT NULL
     );
     CREATE INDEX notes_by_applicant ON notes (profile, id, at);
     CREATE TABLE tags (
        profile TEXT NOT NULL,
        id {INT} NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (profile, id, tag)
     );
     CREATE TABLE assessments (
        profile TEXT NOT NULL,
        id {INT} NOT NULL,
        rating {INT},
        decision TEXT NOT NULL DEFAULT 'none',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (profile, id)
     );
     ALTER TABLE tracked ADD COLUMN created_at TEXT;
     ALTER TABLE tracked ADD COLUMN finished_at TEXT;
     ALTER TABLE tracked ADD COLUMN recruiter {REAL};
     ALTER TABLE tracked ADD COLUMN quizz_answers {INT} NOT NULL DEFAULT 0;
     ALTER TABLE tracked ADD COLUMN case_answers {INT} NOT NULL DEFAULT 0;
     ALTER TABLE tracked ADD COLUMN poll_answers {INT} NOT NULL DEFAULT 0;
     ALTER TABLE tracked ADD COLUMN gibberish {INT} NOT NULL DEFAULT 0;
     ALTER TABLE tracked ADD COLUMN case_seconds {INT} NOT NULL DEFAULT 0;",
    // 6: who is being invited to what, claimed once for every record that shares the
    // database: a bulk row is sent only by the import whose claim this is, so two imports
    // of overlapping files (on two machines sharing a team database) never invite anyone
    // twice. A row that failed gives its claim back.
    "CREATE TABLE invite_claims (
        profile TEXT NOT NULL,
        email TEXT NOT NULL,
        opening TEXT NOT NULL,
        job_id {INT} NOT NULL,
        row_no {INT} NOT NULL,
        claimed_at TEXT NOT NULL,
        PRIMARY KEY (profile, email, opening)
     );",
    // 7: the next pending row of a bulk job found at once: by (job, state) alone, it was
    // found by stepping over every row already sent, once per row (quadratic in the file).
    "CREATE INDEX IF NOT EXISTS bulk_rows_pending ON bulk_rows (job_id, state, row_no);
     DROP INDEX IF EXISTS bulk_rows_by_state;",
    // 8: each bulk row's invite as every "already invited" check compares it (written by
    // the app, which trims and lower-cases as the server does), so the team database takes
    // the next row, claims its invite and marks it `sending` in one statement. Rows imported
    // before have none, and are claimed the careful way.
    "ALTER TABLE bulk_rows ADD COLUMN invite_email TEXT;
     ALTER TABLE bulk_rows ADD COLUMN invite_opening TEXT;",
];

pub const SCHEMA_VERSION: usize = MIGRATIONS.len();

/// A change written for one engine.
pub(super) fn render(sql: &str, engine: Engine) -> String {
    let tokens: [(&str, &str); 5] = match engine {
        Engine::Sqlite => [
            ("{SERIAL_KEY}", "INTEGER PRIMARY KEY AUTOINCREMENT"),
            ("{INT}", "INTEGER"),
            ("{REAL}", "REAL"),
            ("{BLOB}", "BLOB"),
            // SQLite orders rows by its own rowid.
            ("{ROW_ORDER}", ""),
        ],
        Engine::Postgres => [
            (
                "{SERIAL_KEY}",
                "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
            ),
            ("{INT}", "BIGINT"),
            ("{REAL}", "DOUBLE PRECISION"),
            ("{BLOB}", "BYTEA"),
            (
                "{ROW_ORDER}",
                ",\n        rowid BIGINT GENERATED BY DEFAULT AS IDENTITY",
            ),
        ],
    };
    let mut out = sql.to_owned();
    for (token, spelled) in tokens {
        out = out.replace(token, spelled);
    }
    out
}

/// How many changes the database has had.
pub(super) fn version(db: &mut dyn Db) -> Result<usize, StoreError> {
    let sql = match db.engine() {
        Engine::Sqlite => "PRAGMA user_version",
        Engine::Postgres => "SELECT version FROM rickrut_schema",
    };
    let v = sql::first(db, sql, &[], |r| r.int(0))?.flatten();
    Ok(v.and_then(|v| usize::try_from(v).ok()).unwrap_or(0))
}

/// Counts one more change (inside its migration's transaction).
pub(super) fn set_version(db: &mut dyn Db, version: usize) -> Result<(), StoreError> {
    match db.engine() {
        Engine::Sqlite => db.batch(&format!("PRAGMA user_version = {version}")),
        Engine::Postgres => {
            db.execute(
                "UPDATE rickrut_schema SET version = ?1",
                &[(version as u64).into()],
            )?;
            Ok(())
        }
    }
}
