//! The record's tables, as a list of changes in order; `PRAGMA user_version` says how many
//! have run.

/// Schema changes, in order.
pub(super) const MIGRATIONS: &[&str] = &[
    // 1: tracked applicants and their history.
    "CREATE TABLE tracked (
        profile TEXT NOT NULL,
        id INTEGER NOT NULL,
        email TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL DEFAULT '',
        code TEXT NOT NULL DEFAULT '',
        opening_id INTEGER,
        status TEXT NOT NULL DEFAULT '',
        step INTEGER,
        skill REAL,
        adequation REAL,
        updated_at TEXT,
        last_checked TEXT,
        raw_json TEXT,
        PRIMARY KEY (profile, id)
     );
     CREATE TABLE snapshots (
        profile TEXT NOT NULL,
        id INTEGER NOT NULL,
        taken_at TEXT NOT NULL,
        status TEXT NOT NULL,
        step INTEGER,
        skill REAL,
        adequation REAL,
        recruiter REAL
     );
     CREATE INDEX snapshots_by_applicant ON snapshots (profile, id, taken_at);",
    // 2: change tracking for "changed since last look", upstream deletions, the invite log.
    "ALTER TABLE tracked ADD COLUMN changed INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE tracked ADD COLUMN deleted_upstream INTEGER NOT NULL DEFAULT 0;
     ALTER TABLE tracked ADD COLUMN last_error TEXT;
     CREATE TABLE invite_log (
        profile TEXT NOT NULL,
        at TEXT NOT NULL,
        email TEXT NOT NULL,
        opening TEXT NOT NULL,
        outcome TEXT NOT NULL,
        applicant_id INTEGER,
        code TEXT,
        detail TEXT
     );
     CREATE INDEX invite_log_by_email ON invite_log (profile, email, opening);",
    // 3: bulk invite jobs, each row's state written before and after its request.
    "CREATE TABLE bulk_jobs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        profile TEXT NOT NULL,
        source TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        finished_at TEXT
     );
     CREATE TABLE bulk_rows (
        job_id INTEGER NOT NULL REFERENCES bulk_jobs (id),
        row_no INTEGER NOT NULL,
        email TEXT NOT NULL,
        opening TEXT NOT NULL,
        first_name TEXT,
        last_name TEXT,
        state TEXT NOT NULL,
        applicant_id INTEGER,
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
        id INTEGER NOT NULL,
        raw_json TEXT NOT NULL,
        raw_digest BLOB,
        PRIMARY KEY (profile, id)
     );
     INSERT INTO received (profile, id, raw_json)
        SELECT profile, id, raw_json FROM tracked WHERE raw_json IS NOT NULL;
     ALTER TABLE tracked DROP COLUMN raw_json;",
];

pub const SCHEMA_VERSION: usize = MIGRATIONS.len();
