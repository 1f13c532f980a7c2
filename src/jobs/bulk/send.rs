//! Sending a bulk invite job: bounded concurrency, one pause for everyone on 429, and each
//! row's state committed before its request and after its answer. A POST is repeated only
//! after a 429; one that got no answer becomes Unknown, never silently re-sent.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use chrono::Utc;
use tokio::sync::watch;
use tokio::task::JoinSet;

use std::collections::HashMap;

use crate::api::{ApiError, Budget, Client, GiveUp, NewApplicant, RetryPolicy};
use crate::jobs::invite::{InviteKey, InviteOutcome};
use crate::jobs::record::{Record, StoreError};
use crate::store::bulk::{BulkRow, RowState};

pub use super::progress::{BulkProgress, SharedBulkProgress};

/// What a run needs: where to send, where rows live, which job, how many at once.
pub struct BulkRun {
    pub client: Client,
    pub record: Record,
    pub job: i64,
    pub concurrency: usize,
}

/// Sends the job's pending rows until none is left or `stop` turns true (then the requests
/// in flight finish and nothing new starts).
pub async fn run(
    what: BulkRun,
    progress: SharedBulkProgress,
    stop: watch::Receiver<bool>,
    notify: impl Fn() + Send + Sync + 'static,
) -> BulkProgress {
    let BulkRun {
        client,
        record,
        job,
        concurrency,
    } = what;
    let store = record.store().clone();
    // The client's policy, with room for the 429s a bulk invite meets.
    let policy = RetryPolicy {
        max_attempts: MAX_ATTEMPTS,
        ..client.policy()
    };
    let budgets = Arc::new(Mutex::new(HashMap::<u64, Budget>::new()));
    let notify = Arc::new(notify);
    match store.call(move |s| s.bulk_rows(job)).await {
        Ok(rows) => {
            let mut p = progress.lock().unwrap_or_else(PoisonError::into_inner);
            p.count(&rows);
            p.started = Some(Instant::now());
            p.finished = false;
        }
        // Only the counts shown while sending start from zero: each row is still read when
        // it is claimed, and a record that cannot be read stops the run there, in words.
        Err(e) => tracing::warn!(
            "bulk invite: the rows could not be counted before sending, so the progress starts from zero: {}",
            e.technical().unwrap_or_default()
        ),
    }
    let pause = Arc::new(Mutex::new(None::<Instant>));
    let halt = Arc::new(Mutex::new(None::<String>));
    let mut workers = JoinSet::new();
    for record in record.lanes(concurrency).await {
        let w = Worker {
            client: client.clone(),
            policy,
            budgets: budgets.clone(),
            record,
            job,
            progress: progress.clone(),
            pause: pause.clone(),
            halt: halt.clone(),
            stop: stop.clone(),
        };
        let notify = notify.clone();
        workers.spawn(async move { w.work(notify).await });
    }
    while workers.join_next().await.is_some() {}
    let rows = store
        .call(move |s| {
            s.finish_bulk_job_if_done(job, Utc::now())?;
            s.bulk_rows(job)
        })
        .await;
    let mut p = progress.lock().unwrap_or_else(PoisonError::into_inner);
    p.stopped_because = halt.lock().unwrap_or_else(PoisonError::into_inner).clone();
    match rows {
        Ok(rows) => {
            let sent = p.sent;
            p.count(&rows);
            p.sent = sent;
        }
        Err(e) => {
            p.stopped_because.get_or_insert_with(|| record_failed(&e));
        }
    }
    p.paused_until = None;
    p.finished = p.pending == 0;
    let summary = p.clone();
    drop(p);
    notify();
    summary
}

/// Attempts one row may make (each 429 costs one) before it is listed as failed.
const MAX_ATTEMPTS: u32 = 20;

struct Worker {
    client: Client,
    policy: RetryPolicy,
    /// Each row's budget, from its first attempt: its deadline holds across 429s.
    budgets: Arc<Mutex<HashMap<u64, Budget>>>,
    record: Record,
    job: i64,
    progress: SharedBulkProgress,
    pause: Arc<Mutex<Option<Instant>>>,
    halt: Arc<Mutex<Option<String>>>,
    stop: watch::Receiver<bool>,
}

impl Worker {
    async fn work(self, notify: Arc<impl Fn() + Send + Sync>) {
        // The next row, when it was claimed with the last one's result (one commit for both,
        // but for a row whose invite was not free: that one is claimed in a commit of its own).
        let mut claimed: Option<Option<BulkRow>> = None;
        loop {
            if *self.stop.borrow()
                || self
                    .halt
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .is_some()
            {
                self.unclaim(claimed.take().flatten()).await;
                return;
            }
            let wait = self
                .pause
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .and_then(|until| until.checked_duration_since(Instant::now()));
            if let Some(wait) = wait {
                // Not held as `sending` through a pause.
                self.unclaim(claimed.take().flatten()).await;
                let mut stop = self.stop.clone();
                tokio::select! {
                    _ = tokio::time::sleep(wait) => {}
                    changed = stop.changed() => {
                        if changed.is_err() {
                            tokio::time::sleep(wait).await;
                        }
                    }
                }
                continue;
            }
            let job = self.job;
            // Committed as `sending` before the request leaves.
            let next = match claimed.take() {
                Some(next) => Ok(next),
                None => {
                    self.record
                        .call(move |s, _| s.claim_bulk_row(job, Utc::now()))
                        .await
                }
            };
            let row = match next {
                Ok(Some(row)) => row,
                Ok(None) => return,
                Err(e) => {
                    self.stop_for_record(&e);
                    return;
                }
            };
            let new = NewApplicant {
                email: row.email.clone(),
                opening: row.opening.clone(),
                first_name: row.first_name.clone(),
                last_name: row.last_name.clone(),
            };
            let mut budget = self
                .budgets
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .remove(&row.row_no)
                .unwrap_or_else(|| self.policy.start());
            let result = self.client.create_applicant_once(&new, &mut budget).await;
            let state = match result {
                Ok(response) => {
                    let state = RowState::Created {
                        id: response.applicant.id,
                        code: response.applicant.code.clone().unwrap_or_default(),
                    };
                    let key = InviteKey::new(&row.email, &row.opening);
                    let outcome = crate::jobs::invite::created(&response);
                    let recorded = state.clone();
                    let row_no = row.row_no;
                    // The same path as every other invite: tracked, and logged, beside the
                    // row's new state (on the team database, one statement); the next row is
                    // claimed in the same commit (see `claim_bulk_row`).
                    let saved = self
                        .record
                        .call(move |s, profile| {
                            let now = Utc::now();
                            s.together(|s| {
                                s.side_by_side(|s| {
                                    s.set_bulk_row_state(job, row_no, &recorded, now)?;
                                    s.record_invite(profile, &key, &outcome, Some(&response), now)
                                })?;
                                s.claim_bulk_row(job, now)
                            })
                        })
                        .await;
                    match saved {
                        Ok(next) => claimed = Some(next),
                        Err(e) => {
                            // The applicant exists; the row stays `sending` and becomes
                            // Unknown on the next start: never re-sent blindly. (On the team
                            // database, a claim that failed after its commit left with the
                            // row's answer has it recorded as created: the safe side either
                            // way.) Nothing more is sent, and the results still say what the
                            // server answered.
                            self.bump(|p| p.unrecorded.push((row_no, state)));
                            self.stop_for_record(&e);
                            return;
                        }
                    }
                    self.bump(|p| {
                        p.created += 1;
                        p.sent += 1;
                        p.pending = p.pending.saturating_sub(1);
                    });
                    notify();
                    continue;
                }
                // Refused, so nothing was created: the one case a POST is sent again, after
                // a wait that fits the row's deadline (one pause for everyone).
                Err(e @ ApiError::RateLimited { retry_after }) => match budget.wait(retry_after) {
                    Ok(wait) => {
                        let until = Instant::now() + wait;
                        {
                            let mut p = self.pause.lock().unwrap_or_else(PoisonError::into_inner);
                            if p.is_none_or(|current| current < until) {
                                *p = Some(until);
                            }
                        }
                        self.bump(|p| p.paused_until = Some(until));
                        self.budgets
                            .lock()
                            .unwrap_or_else(PoisonError::into_inner)
                            .insert(row.row_no, budget);
                        RowState::Pending
                    }
                    Err(GiveUp::OutOfTime { .. } | GiveUp::OutOfAttempts) => {
                        RowState::Failed(e.to_string())
                    }
                },
                Err(e) if e.is_already_invited() => {
                    let key = InviteKey::new(&row.email, &row.opening);
                    let logged = self
                        .record
                        .call(move |s, profile| {
                            s.log_invite(profile, &key, &InviteOutcome::AlreadyInvited, Utc::now())
                        })
                        .await;
                    if let Err(e) = logged {
                        self.bump(|p| {
                            p.unrecorded
                                .push((row.row_no, RowState::Skipped(e.to_string())))
                        });
                        self.stop_for_record(&e);
                        return;
                    }
                    RowState::Skipped(crate::t!("import-row-already-invited"))
                }
                Err(
                    e @ (ApiError::Timeout { .. }
                    | ApiError::Connection { .. }
                    | ApiError::Server { .. }
                    | ApiError::Undecodable { .. }
                    | ApiError::BodyTooLarge { .. }
                    | ApiError::UnexpectedStatus { .. }),
                ) => RowState::Unknown(e.to_string()),
                Err(e) if e.is_key_problem() => {
                    self.stop_all(e.to_string());
                    RowState::Pending
                }
                Err(e) => RowState::Failed(e.to_string()),
            };
            let recorded = state.clone();
            let row_no = row.row_no;
            if let Err(e) = self
                .record
                .call(move |s, _| s.set_bulk_row_state(job, row_no, &recorded, Utc::now()))
                .await
            {
                if state != RowState::Pending {
                    self.bump(|p| p.unrecorded.push((row_no, state)));
                }
                self.stop_for_record(&e);
                return;
            }
            self.bump(|p| match &state {
                RowState::Pending => {}
                RowState::Skipped(_) => {
                    p.skipped += 1;
                    p.sent += 1;
                    p.pending = p.pending.saturating_sub(1);
                }
                RowState::Unknown(_) => {
                    p.unknown += 1;
                    p.sent += 1;
                    p.pending = p.pending.saturating_sub(1);
                }
                _ => {
                    p.failed += 1;
                    p.sent += 1;
                    p.pending = p.pending.saturating_sub(1);
                }
            });
            notify();
        }
    }

    /// A row claimed and not sent (the run stops or pauses) is put back, to be sent later.
    async fn unclaim(&self, row: Option<BulkRow>) {
        let Some(row) = row else { return };
        let job = self.job;
        let put_back = self
            .record
            .call(move |s, _| s.set_bulk_row_state(job, row.row_no, &RowState::Pending, Utc::now()))
            .await;
        if let Err(e) = put_back {
            // It stays `sending`, and is listed as unknown on the next start: never sent twice.
            self.stop_for_record(&e);
        }
    }

    /// The record could not be written: every worker stops.
    fn stop_for_record(&self, e: &crate::jobs::record::StoreError) {
        self.bump(|p| p.record_failed = true);
        self.stop_all(record_failed(e));
    }

    /// Ends the run for every worker: the requests in flight finish, nothing new starts.
    fn stop_all(&self, why: String) {
        self.halt
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get_or_insert(why);
    }

    fn bump(&self, change: impl FnOnce(&mut BulkProgress)) {
        change(&mut self.progress.lock().unwrap_or_else(PoisonError::into_inner));
    }
}

/// Why a run stopped when the record could not be written: what happened, and what to do.
fn record_failed(e: &StoreError) -> String {
    tracing::info!(
        "bulk invite: the local record could not be written: {}",
        e.technical().unwrap_or_default()
    );
    match e {
        e if e.is_unreachable() => crate::t!("team-record-unreachable-stop"),
        // Read only: its own sentence says why.
        StoreError::NewerSchema { .. } | StoreError::LastRead { .. } => e.to_string(),
        _ => crate::t!("import-stopped-record-failed"),
    }
}
