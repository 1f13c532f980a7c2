//! The one way the record talks to its database, whichever engine holds it: statements with
//! `?1`-style parameters, values of five kinds, rows read by column, transactions. Every
//! store method is written once against [`Db`].

use super::StoreError;

/// Which engine a database is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A value bound to a statement.
#[derive(Clone, Copy, Debug)]
pub enum Value<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
    Blob(&'a [u8]),
}

impl From<i64> for Value<'_> {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}

impl From<u64> for Value<'_> {
    /// IDs are kept below `i64::MAX` before they reach the record (see `ApplicantId`).
    fn from(v: u64) -> Self {
        Value::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Value<'_> {
    fn from(v: u32) -> Self {
        Value::Int(i64::from(v))
    }
}

impl From<bool> for Value<'_> {
    fn from(v: bool) -> Self {
        Value::Int(i64::from(v))
    }
}

impl From<f64> for Value<'_> {
    fn from(v: f64) -> Self {
        Value::Real(v)
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(v: &'a str) -> Self {
        Value::Text(v)
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(v: &'a String) -> Self {
        Value::Text(v)
    }
}

impl<'a> From<&'a [u8]> for Value<'a> {
    fn from(v: &'a [u8]) -> Self {
        Value::Blob(v)
    }
}

impl<'a, T: Into<Value<'a>>> From<Option<T>> for Value<'a> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

/// One row of a result, read by column number.
pub trait Row {
    fn int(&self, column: usize) -> Result<Option<i64>, StoreError>;
    fn real(&self, column: usize) -> Result<Option<f64>, StoreError>;
    fn text(&self, column: usize) -> Result<Option<String>, StoreError>;
    fn blob(&self, column: usize) -> Result<Option<Vec<u8>>, StoreError>;

    /// An ID or a count (kept as a signed 64-bit integer).
    fn id(&self, column: usize) -> Result<u64, StoreError> {
        Ok(self.int(column)?.unwrap_or(0).unsigned_abs())
    }

    fn flag(&self, column: usize) -> Result<bool, StoreError> {
        Ok(self.int(column)?.unwrap_or(0) != 0)
    }

    fn text_or_empty(&self, column: usize) -> Result<String, StoreError> {
        Ok(self.text(column)?.unwrap_or_default())
    }
}

/// A database connection (or a transaction on one).
pub trait Db {
    fn engine(&self) -> Engine;

    /// Runs one statement; answers the rows it changed.
    fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> Result<u64, StoreError>;

    /// Runs one statement whose answer is not read: on the team database, inside a
    /// transaction, it leaves with the next statement (its error fails that one).
    fn write(&mut self, sql: &str, params: &[Value<'_>]) -> Result<(), StoreError> {
        self.execute(sql, params).map(|_| ())
    }

    /// Runs a query and hands each row to `each`.
    fn query(
        &mut self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&dyn Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;

    /// Runs a query that ends the transaction under way: on the team database the commit
    /// leaves with it (one round trip for both), and any statement after it is a transaction
    /// of its own. Elsewhere, a plain query (its transaction commits at its end).
    fn query_then_commit(
        &mut self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&dyn Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.query(sql, params, each)
    }

    /// Runs several statements with no parameters (a migration).
    fn batch(&mut self, sql: &str) -> Result<(), StoreError>;

    /// Runs `work` in one transaction: all of it, or none of it (a query that commits,
    /// [`Db::query_then_commit`], ends it early).
    fn transaction(
        &mut self,
        work: &mut dyn FnMut(&mut dyn Db) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;
}

/// Every row of a query, each made by `map`.
pub fn rows<T>(
    db: &mut dyn Db,
    sql: &str,
    params: &[Value<'_>],
    map: impl Fn(&dyn Row) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    let mut out = Vec::new();
    db.query(sql, params, &mut |row| {
        out.push(map(row)?);
        Ok(())
    })?;
    Ok(out)
}

/// The first row of a query, if any.
pub fn first<T>(
    db: &mut dyn Db,
    sql: &str,
    params: &[Value<'_>],
    map: impl Fn(&dyn Row) -> Result<T, StoreError>,
) -> Result<Option<T>, StoreError> {
    first_row(db, sql, params, map, false)
}

/// The first row of a query that ends the transaction under way (see
/// [`Db::query_then_commit`]), if any.
pub fn first_then_commit<T>(
    db: &mut dyn Db,
    sql: &str,
    params: &[Value<'_>],
    map: impl Fn(&dyn Row) -> Result<T, StoreError>,
) -> Result<Option<T>, StoreError> {
    first_row(db, sql, params, map, true)
}

fn first_row<T>(
    db: &mut dyn Db,
    sql: &str,
    params: &[Value<'_>],
    map: impl Fn(&dyn Row) -> Result<T, StoreError>,
    commit: bool,
) -> Result<Option<T>, StoreError> {
    let mut out = None;
    let mut each = |row: &dyn Row| {
        if out.is_none() {
            out = Some(map(row)?);
        }
        Ok(())
    };
    if commit {
        db.query_then_commit(sql, params, &mut each)?;
    } else {
        db.query(sql, params, &mut each)?;
    }
    Ok(out)
}

/// Runs `work` in one transaction and answers what it answered.
pub fn transaction<T>(
    db: &mut dyn Db,
    work: impl FnOnce(&mut dyn Db) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    let mut work = Some(work);
    let mut out = None;
    db.transaction(&mut |db| {
        if let Some(work) = work.take() {
            out = Some(work(db)?);
        }
        Ok(())
    })?;
    out.ok_or(StoreError::Closed)
}
