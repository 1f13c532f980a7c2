//! Claiming a bulk row before it is sent: the row is marked `sending`, and its invite (email
//! and opening) is claimed for every record sharing the database, so two imports of
//! overlapping files — in one record, or on two machines sharing a team database — never
//! invite anyone twice.

use chrono::{DateTime, Utc};

use super::bulk::{BulkRow, RowState, set_row_state};
use super::invites::{InviteKey, invited};
use super::sql::{self, Db, Engine};
use super::{Store, StoreError};

/// The next row to send, with its job's profile.
const NEXT_PENDING: &str =
    "SELECT r.row_no, r.email, r.opening, r.first_name, r.last_name, j.profile
     FROM bulk_rows r JOIN bulk_jobs j ON j.id = r.job_id
     WHERE r.job_id = ?1 AND r.state = 'pending' ORDER BY r.row_no LIMIT 1";

/// Whose invite a row is.
enum Claim {
    /// This row's to send (claimed now, or claimed by it before a restart or a 429).
    Ours,
    /// The record already has this applicant invited to this opening.
    Invited,
    /// Another import (here or on a teammate's machine) holds it.
    Elsewhere,
}

/// Claims the row's invite in the database: the unique key makes two claims of one invite,
/// from any number of connections at once, end with one holder. An invite the record
/// already has is never claimed.
fn claim_invite(
    db: &mut dyn Db,
    profile: &str,
    job: i64,
    row: &BulkRow,
    at: &str,
) -> Result<Claim, StoreError> {
    let key = InviteKey::new(&row.email, &row.opening);
    let params = [
        profile.into(),
        key.email().into(),
        key.opening().into(),
        job.into(),
        row.row_no.into(),
        at.into(),
    ];
    // One statement (one round trip on the team database) for the usual case.
    let claimed = db.execute(
        "INSERT INTO invite_claims (profile, email, opening, job_id, row_no, claimed_at)
         SELECT ?1, ?2, ?3, CAST(?4 AS BIGINT), CAST(?5 AS BIGINT), ?6 WHERE NOT EXISTS (
           SELECT 1 FROM invite_log WHERE profile = ?1 AND email = ?2 AND opening = ?3
           AND outcome IN ('created', 'already_invited'))
         ON CONFLICT (profile, email, opening) DO NOTHING",
        &params,
    )?;
    if claimed > 0 {
        return Ok(Claim::Ours);
    }
    if invited(db, profile, &key)? {
        return Ok(Claim::Invited);
    }
    let holder = sql::first(
        db,
        "SELECT job_id, row_no FROM invite_claims WHERE profile = ?1 AND email = ?2 AND opening = ?3",
        &params[..3],
        |r| Ok((r.int(0)?.unwrap_or(0), r.id(1)?)),
    )?;
    Ok(if holder == Some((job, row.row_no)) {
        Claim::Ours
    } else {
        Claim::Elsewhere
    })
}

impl Store {
    /// Claims the next pending row by marking it `sending` (committed, and synced to disk,
    /// before the request). The row's invite is claimed too, for every record sharing this
    /// database: a row someone already invited, or that another import is inviting, is
    /// skipped instead of sent, and the next row is tried.
    pub fn claim_bulk_row(
        &mut self,
        job: i64,
        at: DateTime<Utc>,
    ) -> Result<Option<BulkRow>, StoreError> {
        let at = at.to_rfc3339();
        sql::transaction(self.db(), |db| {
            // Two instances resuming one job: a row one of them is claiming is passed over.
            let next = match db.engine() {
                Engine::Sqlite => NEXT_PENDING.to_owned(),
                Engine::Postgres => format!("{NEXT_PENDING} FOR UPDATE OF r SKIP LOCKED"),
            };
            loop {
                let Some((row, profile)) = sql::first(db, &next, &[job.into()], |r| {
                    let row = BulkRow {
                        row_no: r.id(0)?,
                        email: r.text_or_empty(1)?,
                        opening: r.text_or_empty(2)?,
                        first_name: r.text(3)?,
                        last_name: r.text(4)?,
                        state: RowState::Sending,
                    };
                    Ok((row, r.text_or_empty(5)?))
                })?
                else {
                    return Ok(None);
                };
                let skipped = match claim_invite(db, &profile, job, &row, &at)? {
                    Claim::Ours => None,
                    Claim::Invited => Some("already invited to this opening (the record has it)"),
                    Claim::Elsewhere => {
                        Some("another import sharing this record is inviting them to this opening")
                    }
                };
                let state = match skipped {
                    Some(why) => RowState::Skipped(why.to_owned()),
                    None => RowState::Sending,
                };
                set_row_state(db, job, row.row_no, &state, &at)?;
                if skipped.is_none() {
                    return Ok(Some(row));
                }
            }
        })
    }
}
