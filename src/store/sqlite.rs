//! The local engine: SQLite through rusqlite, on the store's own thread.

use rusqlite::types::{ToSql, ToSqlOutput, ValueRef};

use super::StoreError;
use super::sql::{Db, Engine, Row, Value};

/// A SQLite connection.
pub struct Sqlite {
    pub(super) conn: rusqlite::Connection,
}

impl ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(v) => ValueRef::Integer(*v),
            Value::Real(v) => ValueRef::Real(*v),
            Value::Text(v) => ValueRef::Text(v.as_bytes()),
            Value::Blob(v) => ValueRef::Blob(v),
        }))
    }
}

impl Row for rusqlite::Row<'_> {
    fn int(&self, column: usize) -> Result<Option<i64>, StoreError> {
        Ok(self.get(column)?)
    }

    fn real(&self, column: usize) -> Result<Option<f64>, StoreError> {
        Ok(self.get(column)?)
    }

    fn text(&self, column: usize) -> Result<Option<String>, StoreError> {
        Ok(self.get(column)?)
    }

    fn blob(&self, column: usize) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.get(column)?)
    }
}

/// A connection (or a transaction, which derefs to one) borrowed for a statement or two.
struct Borrowed<'a>(&'a rusqlite::Connection);

impl Db for Borrowed<'_> {
    fn engine(&self) -> Engine {
        Engine::Sqlite
    }

    fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> Result<u64, StoreError> {
        let changed = self
            .0
            .prepare_cached(sql)?
            .execute(rusqlite::params_from_iter(params.iter()))?;
        Ok(changed as u64)
    }

    fn query(
        &mut self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&dyn Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut stmt = self.0.prepare_cached(sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params.iter()))?;
        while let Some(row) = rows.next()? {
            each(row)?;
        }
        Ok(())
    }

    fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        Ok(self.0.execute_batch(sql)?)
    }

    /// Already inside one: the work is part of it.
    fn transaction(
        &mut self,
        work: &mut dyn FnMut(&mut dyn Db) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        work(self)
    }
}

impl Db for Sqlite {
    fn engine(&self) -> Engine {
        Engine::Sqlite
    }

    fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> Result<u64, StoreError> {
        Borrowed(&self.conn).execute(sql, params)
    }

    fn query(
        &mut self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&dyn Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        Borrowed(&self.conn).query(sql, params, each)
    }

    fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        Borrowed(&self.conn).batch(sql)
    }

    fn transaction(
        &mut self,
        work: &mut dyn FnMut(&mut dyn Db) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        // Inside a group commit (see `worker.rs`), a savepoint: all of it, or none of it.
        if !self.conn.is_autocommit() {
            let sp = self.conn.savepoint()?;
            work(&mut Borrowed(&sp))?;
            sp.commit()?;
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        work(&mut Borrowed(&tx))?;
        tx.commit()?;
        Ok(())
    }
}

/// Group commit on the local file: several pieces of work in one transaction, each in a
/// savepoint of its own, committed (and synced) once.
impl super::Store {
    /// Opens a group, when this store can share commits (the local file, written to); false
    /// when the work runs on its own.
    pub(super) fn begin_group(&mut self) -> bool {
        let super::Backend::Sqlite(Sqlite { conn }) = &self.db else {
            return false;
        };
        self.read_only.is_none() && conn.execute_batch("BEGIN IMMEDIATE").is_ok()
    }

    /// Commits the group; on failure nothing of it was kept, and every piece hears why.
    pub(super) fn end_group(&mut self) -> Result<(), StoreError> {
        let super::Backend::Sqlite(Sqlite { conn }) = &self.db else {
            return Ok(());
        };
        if conn.is_autocommit() {
            // SQLite rolled the group back itself (a full disk, an I/O error): what ran after
            // that was committed on its own, and is answered as failed (the safe side: a row
            // marked `sending` and never sent is listed as unknown, never sent twice).
            return Err(StoreError::Full {
                detail: "the group's transaction was rolled back by SQLite".into(), // not for people: details
            });
        }
        conn.execute_batch("COMMIT").map_err(|e| {
            let _ = conn.execute_batch("ROLLBACK");
            StoreError::from(e)
        })
    }

    /// Several calls on the store as one transaction: all of them, or none of them (inside a
    /// group commit on the local file, a savepoint; on the team database, one round trip
    /// for the writes at the end). On the team database a bulk claim commits it: it comes
    /// last (see `claim_bulk_row`).
    pub fn together<T>(
        &mut self,
        work: impl FnOnce(&mut super::Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        match &mut self.db {
            super::Backend::Sqlite(db) => {
                db.conn.execute_batch("SAVEPOINT together")?;
                let done = work(self);
                let conn = self.sqlite()?;
                match done {
                    Ok(answer) => {
                        conn.execute_batch("RELEASE together")?;
                        Ok(answer)
                    }
                    // (SQLite may have rolled it all back already: a full disk.)
                    Err(e) => {
                        let _ = conn.execute_batch("ROLLBACK TO together; RELEASE together");
                        Err(e)
                    }
                }
            }
            super::Backend::Postgres(db, ..) => {
                if !db.begin() {
                    return work(self);
                }
                let done = work(self);
                match &mut self.db {
                    super::Backend::Postgres(db, ..) => db.finish(done),
                    super::Backend::Sqlite(_) => done,
                }
            }
        }
    }

    /// [`together`](Self::together), for writes that each change a table none of the others
    /// changes and read nothing another writes (an invite recorded: its bulk row, the
    /// applicant, what was received, the opening, the log): on the team database they leave
    /// as one statement, where each would cost a statement's own work on the server. A
    /// query, or a second write to one of the group's tables, is sent after what came
    /// before it, in order.
    pub fn side_by_side<T>(
        &mut self,
        work: impl FnOnce(&mut super::Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.together(|s| {
            let super::Backend::Postgres(db, ..) = &mut s.db else {
                return work(s);
            };
            if !db.begin_side_by_side() {
                return work(s);
            }
            let done = work(s);
            match &mut s.db {
                super::Backend::Postgres(db, ..) => db.finish_side_by_side(done),
                super::Backend::Sqlite(_) => done,
            }
        })
    }

    /// Runs one piece of work: inside a group, in a savepoint of its own (its writes undone
    /// when it fails, the others kept).
    pub(super) fn in_savepoint<T>(
        &mut self,
        work: impl FnOnce(&mut super::Store) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        if !self.in_group() {
            return work(self);
        }
        self.group_batch("SAVEPOINT job")?;
        let result = work(self);
        // SQLite may have rolled the whole group back (see `end_group`): nothing to end then.
        if self.in_group() {
            self.group_batch(if result.is_ok() {
                "RELEASE job"
            } else {
                "ROLLBACK TO job; RELEASE job"
            })?;
        }
        result
    }

    /// Rows changed on this connection so far (the local file's count; 0 for the team's).
    pub(super) fn changes(&self) -> u64 {
        match &self.db {
            super::Backend::Sqlite(Sqlite { conn }) => conn.total_changes(),
            super::Backend::Postgres(..) => 0,
        }
    }

    fn in_group(&self) -> bool {
        matches!(&self.db, super::Backend::Sqlite(Sqlite { conn }) if !conn.is_autocommit())
    }

    fn group_batch(&self, sql: &str) -> Result<(), StoreError> {
        if let super::Backend::Sqlite(Sqlite { conn }) = &self.db {
            conn.execute_batch(sql)?;
        }
        Ok(())
    }
}
