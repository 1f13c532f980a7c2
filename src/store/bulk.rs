//! Bulk invite jobs: every row's state lives in SQLite, written before a request goes out and
//! after its answer, so a job killed at any moment resumes without inviting anyone twice.

use chrono::{DateTime, Utc};

use super::invites::InviteKey;
use super::sql::{self, Db, Row};
use super::{Store, StoreError, parse_time};

/// Where one row of a bulk invite is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowState {
    Pending,
    /// Written just before the request; a row found in this state after a restart is Unknown.
    Sending,
    Created {
        id: u64,
        code: String,
    },
    /// The server said this email was already invited to this opening (422).
    Skipped(String),
    Failed(String),
    /// The request went out and no answer came back (timeout, lost connection, crash): the
    /// applicant may or may not exist, and the API cannot look one up by email.
    Unknown(String),
    /// Left out by the recruiter in the preview, or marked done by hand.
    Excluded,
}

impl RowState {
    pub fn name(&self) -> &'static str {
        match self {
            RowState::Pending => "pending",
            RowState::Sending => "sending",
            RowState::Created { .. } => "created",
            RowState::Skipped(_) => "skipped",
            RowState::Failed(_) => "failed",
            RowState::Unknown(_) => "unknown",
            RowState::Excluded => "excluded",
        }
    }

    pub fn is_final(&self) -> bool {
        !matches!(self, RowState::Pending | RowState::Sending)
    }

    fn detail(&self) -> Option<&str> {
        match self {
            RowState::Skipped(d) | RowState::Failed(d) | RowState::Unknown(d) => Some(d),
            _ => None,
        }
    }

    fn from_columns(
        state: &str,
        id: Option<i64>,
        code: Option<String>,
        detail: Option<String>,
    ) -> RowState {
        let detail = detail.unwrap_or_default();
        match state {
            "pending" => RowState::Pending,
            "sending" => RowState::Sending,
            "created" => RowState::Created {
                id: id.map(i64::unsigned_abs).unwrap_or_default(),
                code: code.unwrap_or_default(),
            },
            "skipped" => RowState::Skipped(detail),
            "failed" => RowState::Failed(detail),
            "excluded" => RowState::Excluded,
            _ => RowState::Unknown(detail),
        }
    }
}

/// A row as the job holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BulkRow {
    /// The line in the file (1 is the first data row).
    pub row_no: u64,
    pub email: String,
    pub opening: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub state: RowState,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BulkJob {
    pub id: i64,
    pub profile: String,
    pub source: String,
    pub fingerprint: String,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

impl Store {
    /// Creates a job with its rows, all in one transaction.
    pub fn create_bulk_job(
        &mut self,
        profile: &str,
        source: &str,
        fingerprint: &str,
        rows: &[BulkRow],
        at: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let at = at.to_rfc3339();
        sql::transaction(self.db(), |db| {
            let job = sql::first(
                db,
                "INSERT INTO bulk_jobs (profile, source, fingerprint, created_at) VALUES (?1, ?2, ?3, ?4) RETURNING id",
                &[profile.into(), source.into(), fingerprint.into(), at.as_str().into()],
                |r| Ok(r.int(0)?.unwrap_or(0)),
            )?
            .ok_or(StoreError::Closed)?;
            for r in rows {
                let (id, code) = match &r.state {
                    RowState::Created { id, code } => (Some(*id), Some(code.as_str())),
                    _ => (None, None),
                };
                let key = InviteKey::new(&r.email, &r.opening);
                db.execute(
                    "INSERT INTO bulk_rows (job_id, row_no, email, opening, first_name, last_name, state, applicant_id, code, detail, updated_at, invite_email, invite_opening)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                    &[
                        job.into(),
                        r.row_no.into(),
                        r.email.as_str().into(),
                        r.opening.as_str().into(),
                        r.first_name.as_deref().into(),
                        r.last_name.as_deref().into(),
                        r.state.name().into(),
                        id.into(),
                        code.into(),
                        r.state.detail().into(),
                        at.as_str().into(),
                        key.email().into(),
                        key.opening().into(),
                    ],
                )?;
            }
            Ok(job)
        })
    }

    /// The newest unfinished job for this profile and file content, to resume.
    pub fn unfinished_bulk_job(
        &mut self,
        profile: &str,
        fingerprint: &str,
    ) -> Result<Option<BulkJob>, StoreError> {
        sql::first(
            self.db(),
            "SELECT id, profile, source, fingerprint, created_at, finished_at FROM bulk_jobs
             WHERE profile = ?1 AND fingerprint = ?2 AND finished_at IS NULL ORDER BY id DESC LIMIT 1",
            &[profile.into(), fingerprint.into()],
            job_from_row,
        )
    }

    /// Every unfinished job of a profile (offered for resume at start).
    pub fn unfinished_bulk_jobs(&mut self, profile: &str) -> Result<Vec<BulkJob>, StoreError> {
        sql::rows(
            self.db(),
            "SELECT id, profile, source, fingerprint, created_at, finished_at FROM bulk_jobs
             WHERE profile = ?1 AND finished_at IS NULL ORDER BY id",
            &[profile.into()],
            job_from_row,
        )
    }

    /// After a restart: a row left `sending` had its request out when the app stopped.
    pub fn settle_interrupted_rows(
        &mut self,
        job: i64,
        at: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        let at = at.to_rfc3339();
        Ok(self.db().execute(
            "UPDATE bulk_rows SET state = 'unknown', detail = 'the app stopped while this invite was being sent; it may or may not have been created', updated_at = ?2
             WHERE job_id = ?1 AND state = 'sending'",
            &[job.into(), at.as_str().into()],
        )? as usize)
    }

    pub fn set_bulk_row_state(
        &mut self,
        job: i64,
        row_no: u64,
        state: &RowState,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        set_row_state(self.db(), job, row_no, state, &at.to_rfc3339())
    }

    /// Ends a job the recruiter cancelled: rows not sent yet are left out, and the job is
    /// finished once nothing is unknown.
    pub fn cancel_bulk_job(&mut self, job: i64, at: DateTime<Utc>) -> Result<usize, StoreError> {
        let at_text = at.to_rfc3339();
        let left_out = sql::transaction(self.db(), |db| {
            db.execute(
                "DELETE FROM invite_claims WHERE job_id = ?1 AND row_no IN
                   (SELECT row_no FROM bulk_rows WHERE job_id = ?1 AND state = 'pending')",
                &[job.into()],
            )?;
            db.execute(
                "UPDATE bulk_rows SET state = 'excluded', detail = NULL, updated_at = ?2
                 WHERE job_id = ?1 AND state = 'pending'",
                &[job.into(), at_text.as_str().into()],
            )
        })?;
        self.finish_bulk_job_if_done(job, at)?;
        Ok(left_out as usize)
    }

    /// Puts rows back in the queue: unknown ones the recruiter chose to re-send, failed ones
    /// after a fix.
    pub fn requeue_bulk_rows(
        &mut self,
        job: i64,
        states: &[&str],
        at: DateTime<Utc>,
    ) -> Result<usize, StoreError> {
        let at = at.to_rfc3339();
        let mut total = 0;
        for state in states {
            total += self.db().execute(
                "UPDATE bulk_rows SET state = 'pending', detail = NULL, updated_at = ?3 WHERE job_id = ?1 AND state = ?2",
                &[job.into(), (*state).into(), at.as_str().into()],
            )?;
        }
        Ok(total as usize)
    }

    pub fn bulk_rows(&mut self, job: i64) -> Result<Vec<BulkRow>, StoreError> {
        sql::rows(
            self.db(),
            "SELECT row_no, email, opening, first_name, last_name, state, applicant_id, code, detail
             FROM bulk_rows WHERE job_id = ?1 ORDER BY row_no",
            &[job.into()],
            |r| {
                let state = RowState::from_columns(
                    &r.text_or_empty(5)?,
                    r.int(6)?,
                    r.text(7)?,
                    r.text(8)?,
                );
                bulk_row(r, state)
            },
        )
    }

    /// Marks the job finished when every row has a final state; returns whether it did.
    pub fn finish_bulk_job_if_done(
        &mut self,
        job: i64,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let open = sql::first(
            self.db(),
            "SELECT COUNT(*) FROM bulk_rows WHERE job_id = ?1 AND state IN ('pending', 'sending', 'unknown')",
            &[job.into()],
            |r| Ok(r.int(0)?.unwrap_or(0)),
        )?
        .unwrap_or(0);
        if open == 0 {
            let at = at.to_rfc3339();
            self.db().execute(
                "UPDATE bulk_jobs SET finished_at = ?2 WHERE id = ?1",
                &[job.into(), at.as_str().into()],
            )?;
        }
        Ok(open == 0)
    }
}

pub(super) fn set_row_state(
    db: &mut dyn Db,
    job: i64,
    row_no: u64,
    state: &RowState,
    at: &str,
) -> Result<(), StoreError> {
    let (id, code) = match state {
        RowState::Created { id, code } => (Some(*id), Some(code.as_str())),
        _ => (None, None),
    };
    if matches!(state, RowState::Failed(_) | RowState::Excluded) {
        // Nothing was created: the invite is free for another import to send.
        db.write(
            "DELETE FROM invite_claims WHERE job_id = ?1 AND row_no = ?2",
            &[job.into(), row_no.into()],
        )?;
    }
    db.write(
        "UPDATE bulk_rows SET state = ?3, applicant_id = ?4, code = ?5, detail = ?6, updated_at = ?7 WHERE job_id = ?1 AND row_no = ?2",
        &[
            job.into(),
            row_no.into(),
            state.name().into(),
            id.into(),
            code.into(),
            state.detail().into(),
            at.into(),
        ],
    )?;
    Ok(())
}

/// A bulk row from its first five columns (row number, email, opening, first and last
/// name), in the state given.
pub(super) fn bulk_row(r: &dyn Row, state: RowState) -> Result<BulkRow, StoreError> {
    Ok(BulkRow {
        row_no: r.id(0)?,
        email: r.text_or_empty(1)?,
        opening: r.text_or_empty(2)?,
        first_name: r.text(3)?,
        last_name: r.text(4)?,
        state,
    })
}

fn job_from_row(r: &dyn Row) -> Result<BulkJob, StoreError> {
    Ok(BulkJob {
        id: r.int(0)?.unwrap_or(0),
        profile: r.text_or_empty(1)?,
        source: r.text_or_empty(2)?,
        fingerprint: r.text_or_empty(3)?,
        created_at: parse_time(r.text(4)?).unwrap_or_default(),
        finished_at: parse_time(r.text(5)?),
    })
}
