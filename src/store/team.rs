//! What only a shared record needs: the key a team's rows are kept under, one refresh at a
//! time per team (a PostgreSQL advisory lock; a local record has one user), and moving a
//! local record into the team database, merged by applicant ID, as often as wanted.

use super::sql::{self, Db, Engine, Row, Value};
use super::{Store, StoreError};

/// The profile name a team database keeps its rows under: every recruiter's profile on it
/// shares them, whatever each one named theirs. One team database holds one team's record.
pub const TEAM_RECORD: &str = "team";

/// The advisory lock that makes migrations one instance at a time.
pub(super) const MIGRATION_LOCK: i64 = 0x5269_636b_5275_7401;

/// The advisory lock a refresh holds ("RickRut" and 2).
const REFRESH_LOCK: i64 = 0x5269_636b_5275_7402;

/// A column's kind, to read it back as it was written.
#[derive(Clone, Copy)]
enum Kind {
    Int,
    Real,
    Text,
    Blob,
}

/// How a row moved in meets a row already there.
enum Merge {
    /// The one already there stays (the next refresh brings both up to date).
    KeepTheirs,
    /// The one changed last wins, by the column named.
    Newer(&'static str),
    /// Rows with no key of their own: added unless one equal in these columns is there.
    AddUnlessEqual(&'static [&'static str]),
}

struct Table {
    name: &'static str,
    /// The key after `profile`, for the two merges that have one.
    key: &'static str,
    columns: &'static [(&'static str, Kind)],
    merge: Merge,
}

use Kind::{Blob, Int, Real, Text};

/// Everything a profile holds but its bulk jobs (the work of one machine, finished or not).
const TABLES: &[Table] = &[
    Table {
        name: "tracked",
        key: "id",
        columns: &[
            ("id", Int),
            ("email", Text),
            ("name", Text),
            ("code", Text),
            ("opening_id", Int),
            ("status", Text),
            ("step", Int),
            ("skill", Real),
            ("adequation", Real),
            ("updated_at", Text),
            ("last_checked", Text),
            ("changed", Int),
            ("deleted_upstream", Int),
            ("last_error", Text),
            ("created_at", Text),
            ("finished_at", Text),
            ("recruiter", Real),
            ("quizz_answers", Int),
            ("case_answers", Int),
            ("poll_answers", Int),
            ("gibberish", Int),
            ("case_seconds", Int),
        ],
        merge: Merge::KeepTheirs,
    },
    Table {
        name: "received",
        key: "id",
        columns: &[("id", Int), ("raw_json", Text), ("raw_digest", Blob)],
        merge: Merge::KeepTheirs,
    },
    Table {
        name: "snapshots",
        key: "",
        columns: &[
            ("id", Int),
            ("taken_at", Text),
            ("status", Text),
            ("step", Int),
            ("skill", Real),
            ("adequation", Real),
            ("recruiter", Real),
        ],
        merge: Merge::AddUnlessEqual(&["id", "taken_at", "status"]),
    },
    Table {
        name: "invite_log",
        key: "",
        columns: &[
            ("at", Text),
            ("email", Text),
            ("opening", Text),
            ("outcome", Text),
            ("applicant_id", Int),
            ("code", Text),
            ("detail", Text),
        ],
        merge: Merge::AddUnlessEqual(&["at", "email", "opening", "outcome"]),
    },
    Table {
        name: "notes",
        key: "",
        columns: &[("id", Int), ("at", Text), ("text", Text)],
        merge: Merge::AddUnlessEqual(&["id", "at", "text"]),
    },
    Table {
        name: "tags",
        key: "id, tag",
        columns: &[("id", Int), ("tag", Text)],
        merge: Merge::KeepTheirs,
    },
    Table {
        name: "assessments",
        key: "id",
        columns: &[
            ("id", Int),
            ("rating", Int),
            ("decision", Text),
            ("updated_at", Text),
        ],
        merge: Merge::Newer("updated_at"),
    },
    Table {
        name: "openings",
        key: "opening_id",
        columns: &[
            ("opening_id", Int),
            ("name", Text),
            ("title", Text),
            ("skill_weight", Real),
            ("named_by_hand", Int),
            ("updated_at", Text),
        ],
        merge: Merge::Newer("updated_at"),
    },
];

/// A value read out of one record to be written into another.
#[derive(Clone, Debug, PartialEq)]
enum Owned {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl Owned {
    fn read(row: &dyn Row, column: usize, kind: Kind) -> Result<Owned, StoreError> {
        Ok(match kind {
            Int => row.int(column)?.map_or(Owned::Null, Owned::Int),
            Real => row.real(column)?.map_or(Owned::Null, Owned::Real),
            Text => row.text(column)?.map_or(Owned::Null, Owned::Text),
            Blob => row.blob(column)?.map_or(Owned::Null, Owned::Blob),
        })
    }

    fn value(&self) -> Value<'_> {
        match self {
            Owned::Null => Value::Null,
            Owned::Int(v) => Value::Int(*v),
            Owned::Real(v) => Value::Real(*v),
            Owned::Text(v) => Value::Text(v),
            Owned::Blob(v) => Value::Blob(v),
        }
    }
}

/// One profile's record, read out to be merged into another.
#[derive(Debug, Default)]
pub struct Moving {
    /// Rows per table, in the order of [`TABLES`].
    tables: Vec<Vec<Vec<Owned>>>,
}

impl Moving {
    /// Applicants it holds.
    pub fn applicants(&self) -> usize {
        self.tables.first().map_or(0, Vec::len)
    }
}

/// What a merge added (rows already there are not counted).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Merged {
    pub applicants: usize,
    pub rows: usize,
}

impl Store {
    /// Everything `profile` holds (but its bulk jobs), read out to be merged elsewhere.
    pub fn read_out(&mut self, profile: &str) -> Result<Moving, StoreError> {
        let mut moving = Moving::default();
        for table in TABLES {
            let names: Vec<&str> = table.columns.iter().map(|(n, _)| *n).collect();
            let sql = format!(
                "SELECT {} FROM {} WHERE profile = ?1",
                names.join(", "),
                table.name
            );
            let rows = sql::rows(self.db(), &sql, &[profile.into()], |r| {
                table
                    .columns
                    .iter()
                    .enumerate()
                    .map(|(i, (_, kind))| Owned::read(r, i, *kind))
                    .collect()
            })?;
            moving.tables.push(rows);
        }
        Ok(moving)
    }

    /// Merges what was read out of another record into `profile`, by applicant ID, in one
    /// transaction: running it again adds nothing.
    pub fn merge_in(&mut self, profile: &str, moving: &Moving) -> Result<Merged, StoreError> {
        sql::transaction(self.db(), |db| {
            let mut merged = Merged::default();
            for (table, rows) in TABLES.iter().zip(&moving.tables) {
                let added = merge_table(db, profile, table, rows)?;
                if table.name == "tracked" {
                    merged.applicants = added;
                }
                merged.rows += added;
            }
            Ok(merged)
        })
    }

    /// Whether this instance may refresh `profile` now: on a team database, only one
    /// instance at a time does (the lock goes with the connection if this one dies).
    pub fn try_refresh_lock(&mut self, profile: &str) -> Result<bool, StoreError> {
        let db = self.db();
        if db.engine() == Engine::Sqlite {
            return Ok(true);
        }
        Ok(sql::first(
            db,
            "SELECT pg_try_advisory_lock(?1, hashtext(?2))",
            &[REFRESH_LOCK_HIGH.into(), profile.into()],
            |r| r.flag(0),
        )?
        .unwrap_or(false))
    }

    pub fn release_refresh_lock(&mut self, profile: &str) -> Result<(), StoreError> {
        let db = self.db();
        if db.engine() == Engine::Postgres {
            sql::first(
                db,
                "SELECT pg_advisory_unlock(?1, hashtext(?2))",
                &[REFRESH_LOCK_HIGH.into(), profile.into()],
                |r| r.flag(0),
            )?;
        }
        Ok(())
    }
}

/// The refresh lock's first half (PostgreSQL's two-key advisory locks take two integers).
const REFRESH_LOCK_HIGH: i64 = REFRESH_LOCK & 0x7fff_ffff;

fn merge_table(
    db: &mut dyn Db,
    profile: &str,
    table: &Table,
    rows: &[Vec<Owned>],
) -> Result<usize, StoreError> {
    let names: Vec<&str> = table.columns.iter().map(|(n, _)| *n).collect();
    let marks: Vec<String> = (2..names.len() + 2).map(|i| format!("?{i}")).collect();
    let mut insert = format!(
        "INSERT INTO {t} (profile, {cols}) VALUES (?1, {marks})",
        t = table.name,
        cols = names.join(", "),
        marks = marks.join(", ")
    );
    let mut exists = None;
    match &table.merge {
        Merge::KeepTheirs => {
            insert.push_str(&format!(" ON CONFLICT (profile, {}) DO NOTHING", table.key));
        }
        Merge::Newer(column) => {
            let set: Vec<String> = names
                .iter()
                .map(|n| format!("{n} = excluded.{n}"))
                .collect();
            insert.push_str(&format!(
                " ON CONFLICT (profile, {key}) DO UPDATE SET {set} WHERE {t}.{column} < excluded.{column}",
                key = table.key,
                set = set.join(", "),
                t = table.name,
            ));
        }
        Merge::AddUnlessEqual(key) => {
            let conditions: Vec<String> = key
                .iter()
                .enumerate()
                .map(|(i, k)| format!("{k} = ?{}", i + 2))
                .collect();
            let at: Vec<usize> = key
                .iter()
                .filter_map(|k| names.iter().position(|n| n == k))
                .collect();
            exists = Some((
                format!(
                    "SELECT 1 FROM {} WHERE profile = ?1 AND {} LIMIT 1",
                    table.name,
                    conditions.join(" AND ")
                ),
                at,
            ));
        }
    }
    let mut added = 0;
    for row in rows {
        let mut params: Vec<Value<'_>> = vec![profile.into()];
        params.extend(row.iter().map(Owned::value));
        if let Some((exists, at)) = &exists {
            let mut key: Vec<Value<'_>> = vec![profile.into()];
            key.extend(at.iter().filter_map(|i| row.get(*i)).map(Owned::value));
            let found = sql::first(db, exists, &key, |_| Ok(()))?;
            if found.is_some() {
                continue;
            }
        }
        added += db.execute(&insert, &params)? as usize;
    }
    Ok(added)
}
