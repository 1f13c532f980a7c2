//! Writes done side by side (see [`Store::side_by_side`](crate::store::Store::side_by_side)):
//! collected while the work runs, then sent as one statement. A write joins the group when
//! it names the one table it changes and no write of the group changes that table; anything
//! else first sends the group so far, so the order of the work is kept.

use super::statements::{one_statement, written_table};
use super::values::Param;
use super::{Postgres, Waiting};
use crate::store::StoreError;
use crate::store::sql::Value;

impl Postgres {
    /// Puts a write in the group under way; answers false when there is none, or when the
    /// write is not one it can take (it then goes on its own, after the group so far).
    pub(super) fn join_side_by_side(
        &mut self,
        sql: &str,
        params: &[Value<'_>],
    ) -> Result<bool, StoreError> {
        let Some(group) = self.side_by_side.as_ref() else {
            return Ok(false);
        };
        let Some(table) = written_table(sql) else {
            self.line_up_side_by_side()?;
            return Ok(false);
        };
        if group.iter().any(|(w, _)| written_table(w) == Some(table)) {
            self.line_up_side_by_side()?;
        }
        if let Some(group) = self.side_by_side.as_mut() {
            group.push((sql.to_owned(), params.iter().map(Param::of).collect()));
        }
        Ok(true)
    }

    /// Writes of the side-by-side group so far, made one statement and put in line.
    pub(super) fn line_up_side_by_side(&mut self) -> Result<(), StoreError> {
        let Some(group) = self.side_by_side.as_mut().filter(|g| !g.is_empty()) else {
            return Ok(());
        };
        let (sql, params) = one_statement(std::mem::take(group));
        let stmt = self.statement(&sql)?;
        self.waiting.push(Waiting::Statement(stmt, params));
        Ok(())
    }

    /// Starts a side-by-side group unless one is under way; answers whether it started one.
    pub(in crate::store) fn begin_side_by_side(&mut self) -> bool {
        if self.side_by_side.is_some() {
            return false;
        }
        self.side_by_side = Some(Vec::new());
        true
    }

    /// Ends the group: its writes leave as one statement (with the next statement, inside a
    /// transaction; now, outside one). When the work failed, none of them leaves.
    pub(in crate::store) fn finish_side_by_side<T>(
        &mut self,
        done: Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let lined_up = match done {
            Ok(_) => self.line_up_side_by_side(),
            Err(_) => Ok(()),
        };
        self.side_by_side = None;
        let answer = done?;
        lined_up?;
        if !self.in_transaction {
            self.send_waiting()?;
        }
        Ok(answer)
    }
}
