//! Claiming a bulk row before it is sent: the row is marked `sending`, and its invite (email
//! and opening) is claimed for every record sharing the database, so two imports of
//! overlapping files — in one record, or on two machines sharing a team database — never
//! invite anyone twice.

use chrono::{DateTime, Utc};

use super::bulk::{BulkRow, RowState, bulk_row, set_row_state};
use super::invites::{InviteKey, invited};
use super::sql::{self, Db, Engine, Row};
use super::{Store, StoreError};

/// The next row to send, with its job's profile.
const NEXT_PENDING: &str =
    "SELECT r.row_no, r.email, r.opening, r.first_name, r.last_name, j.profile
     FROM bulk_rows r JOIN bulk_jobs j ON j.id = r.job_id
     WHERE r.job_id = ?1 AND r.state = 'pending' ORDER BY r.row_no LIMIT 1";

/// On the team database, the usual case in one statement: the next pending row is taken,
/// its invite claimed, and the row marked `sending`; the last column says whether the claim
/// was made. A row whose invite is not free (or was imported before its invite was stored
/// with it) is left pending, for the careful way below. Every table is reached through an
/// index however small the planner believes it (a plan made on an empty invite log and kept
/// for the connection would read the whole log once per row): the log is asked in the row's
/// own columns, where PostgreSQL looks it up row by row, and the row is marked by its key.
const CLAIM_NEXT: &str = "WITH next AS (
       SELECT r.row_no, r.email, r.opening, r.first_name, r.last_name, j.profile,
         r.invite_email, r.invite_opening,
         NOT EXISTS (
           SELECT 1 FROM invite_log l WHERE l.profile = j.profile AND l.email = r.invite_email
           AND l.opening = r.invite_opening AND l.outcome IN ('created', 'already_invited')
         ) AS free
       FROM bulk_rows r JOIN bulk_jobs j ON j.id = r.job_id
       WHERE r.job_id = ?1 AND r.state = 'pending' ORDER BY r.row_no LIMIT 1
       FOR UPDATE OF r SKIP LOCKED),
     claimed AS (
       INSERT INTO invite_claims (profile, email, opening, job_id, row_no, claimed_at)
       SELECT n.profile, n.invite_email, n.invite_opening, CAST(?1 AS BIGINT), n.row_no, ?2
       FROM next n
       WHERE n.free AND n.invite_email IS NOT NULL AND n.invite_opening IS NOT NULL
       ON CONFLICT (profile, email, opening) DO NOTHING
       RETURNING row_no),
     marked AS (
       UPDATE bulk_rows SET state = 'sending', applicant_id = NULL, code = NULL, detail = NULL,
         updated_at = ?2
       WHERE job_id = ?1 AND row_no = (SELECT row_no FROM claimed)
       RETURNING row_no)
     SELECT n.row_no, n.email, n.opening, n.first_name, n.last_name,
       (SELECT COUNT(*) FROM marked)
     FROM next n";

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
    // One statement for the usual case.
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
    ///
    /// On the team database the claim commits the transaction it is called in (what the
    /// caller wrote before it leaves in the same round trip), so it must be the last call
    /// of that transaction; a row that takes the careful way is claimed in one of its own.
    pub fn claim_bulk_row(
        &mut self,
        job: i64,
        at: DateTime<Utc>,
    ) -> Result<Option<BulkRow>, StoreError> {
        let at = at.to_rfc3339();
        sql::transaction(self.db(), |db| {
            if db.engine() == Engine::Postgres {
                // One round trip: the commit leaves with the claim (with whatever the caller
                // wrote before it); a row not claimed here is tried the careful way, after.
                let claimed = sql::first_then_commit(
                    db,
                    CLAIM_NEXT,
                    &[job.into(), at.as_str().into()],
                    |r| Ok((row_to_send(r)?, r.flag(5)?)),
                )?;
                match claimed {
                    None => return Ok(None),
                    Some((row, true)) => return Ok(Some(row)),
                    Some((_, false)) => {}
                }
            }
            // Two instances resuming one job: a row one of them is claiming is passed over.
            let next = match db.engine() {
                Engine::Sqlite => NEXT_PENDING.to_owned(),
                Engine::Postgres => format!("{NEXT_PENDING} FOR UPDATE OF r SKIP LOCKED"),
            };
            loop {
                let Some((row, profile)) = sql::first(db, &next, &[job.into()], |r| {
                    Ok((row_to_send(r)?, r.text_or_empty(5)?))
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

/// The row a claim answers (its first five columns), as it is about to be sent.
fn row_to_send(r: &dyn Row) -> Result<BulkRow, StoreError> {
    bulk_row(r, RowState::Sending)
}
