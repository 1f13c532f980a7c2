//! Refresh all (or some) tracked applicants: bounded concurrency, one pause for everyone on
//! 429, 404 recorded as deleted upstream, other failures listed per applicant. The window's
//! runs (by hand or every N minutes) go through [`Refresher`].

mod runner;

pub use runner::{Notifications, Refresher, Target};

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio::sync::mpsc;
use tokio::task::JoinSet;

use crate::api::{ApiError, ApplicantId, ApplicantResponse, Budget, Client, GiveUp, RetryPolicy};
use crate::jobs::news::Change;
use crate::jobs::record::Record;
use crate::store::{Upserted, raw_digest};

/// Attempts one applicant may make (each 429 costs one) before it is listed as failed.
const MAX_ATTEMPTS: u32 = 20;
/// Results written to the store at once, at most.
const BATCH: usize = 200;
/// The longest a received result waits before it is written (and counted in the progress).
const FLUSH_AFTER: Duration = Duration::from_millis(50);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct RefreshProgress {
    pub total: usize,
    pub done: usize,
    pub changed: usize,
    /// Came back byte for byte as last received: neither decoded nor rewritten, only the
    /// time of the check is written.
    pub same: usize,
    pub deleted: usize,
    pub failed: usize,
    /// The server asked everyone to wait until then.
    pub paused_until: Option<Instant>,
    /// Requests sent, including repeats after 429.
    pub requests: usize,
    pub failures: Vec<(u64, String)>,
    /// The local record could not be written (a full disk, say): nothing more was asked for.
    pub record_failed: bool,
    /// Why the run stopped early, in one sentence, if it did.
    pub stopped_because: Option<String>,
    /// The applicants whose status moved, in the order their answers were written.
    pub changes: Vec<Change>,
    pub finished: bool,
}

/// Why a refresh stops when its results cannot be written: what happened, and what to do.
pub fn record_failed() -> String {
    crate::t!("errors-refresh-record-failed")
}

pub type SharedProgress = Arc<Mutex<RefreshProgress>>;

/// The applicants still to fetch, each with its budget once it made an attempt (boxed: 16
/// bytes for each of a large run's applicants, most of which never need one).
type Queue = Arc<Mutex<VecDeque<(u64, Option<Box<Budget>>)>>>;

impl RefreshProgress {
    /// The failures grouped by reason, the largest group first: when the server is down or
    /// the key refused, that is one reason for every applicant, said once with a count.
    pub fn failures_by_reason(&self) -> Vec<(&str, Vec<u64>)> {
        let mut groups: Vec<(&str, Vec<u64>)> = Vec::new();
        for (id, why) in &self.failures {
            match groups
                .iter_mut()
                .find(|(reason, _)| *reason == why.as_str())
            {
                Some((_, ids)) => ids.push(*id),
                None => groups.push((why, vec![*id])),
            }
        }
        groups.sort_by_key(|(_, ids)| std::cmp::Reverse(ids.len()));
        groups
    }
}

enum Outcome {
    Fetched(Box<ApplicantResponse>),
    /// Came back byte for byte as last received.
    Same(u64),
    Deleted(u64),
    Failed(u64, String),
}

/// Refreshes `ids`, writing to the store as results arrive; `notify` is called on every change
/// of progress. Cancelling stops new requests at once; what was received is kept. On a team
/// database one instance refreshes at a time: another one's run is left to it.
pub async fn refresh(
    client: Client,
    record: Record,
    ids: Vec<u64>,
    concurrency: usize,
    progress: SharedProgress,
    notify: impl Fn() + Send + Sync + 'static,
) -> RefreshProgress {
    let locked = record.call(|s, profile| s.try_refresh_lock(profile)).await;
    if let Ok(false) = locked {
        let mut p = progress.lock().unwrap_or_else(PoisonError::into_inner);
        *p = RefreshProgress {
            total: ids.len(),
            stopped_because: Some(crate::t!("team-teammate-refreshing")),
            finished: true,
            ..RefreshProgress::default()
        };
        let summary = p.clone();
        drop(p);
        notify();
        return summary;
    }
    let summary =
        refresh_unlocked(client, record.clone(), ids, concurrency, progress, notify).await;
    let released = record.call(|s, p| s.release_refresh_lock(p)).await;
    if let Err(e) = released {
        tracing::info!("refresh: the lock goes with the connection: {e:?}");
    }
    summary
}

async fn refresh_unlocked(
    client: Client,
    record: Record,
    ids: Vec<u64>,
    concurrency: usize,
    progress: SharedProgress,
    notify: impl Fn() + Send + Sync + 'static,
) -> RefreshProgress {
    // Its own 429 handling (one pause for everyone) replaces the client's retries; one line
    // in the log for the whole run instead of one per applicant.
    let client = client.with_quiet_successes();
    // The client's policy, with room for the 429s a run of thousands meets.
    let policy = RetryPolicy {
        max_attempts: MAX_ATTEMPTS,
        ..client.policy()
    };
    let store = record.store().clone();
    let profile = record.profile().to_owned();
    let started = Instant::now();
    let notify = Arc::new(notify);
    {
        let mut p = progress.lock().unwrap_or_else(PoisonError::into_inner);
        *p = RefreshProgress {
            total: ids.len(),
            ..RefreshProgress::default()
        };
    }
    // The applicants asked for are tracked from here on; one untracked or forgotten while
    // the run goes is not written back when its answer comes (`Store::refreshed`).
    let asked = ids.clone();
    let queue = Arc::new(Mutex::new(
        ids.into_iter()
            .map(|id| (id, None))
            .collect::<VecDeque<(u64, Option<Box<Budget>>)>>(),
    ));
    // What each applicant's JSON was last time: one that comes back the same is neither
    // decoded nor rewritten (most of them, on an everyday refresh). Without it (a store that
    // cannot answer) every answer is decoded and compared by the store instead.
    // Each one's status before the run, to tell what moved.
    let (known, before) = {
        let profile = profile.clone();
        store
            .call(move |s| {
                s.track_ids(&profile, &asked)?;
                Ok((s.raw_digests(&profile)?, s.statuses(&profile)?))
            })
            .await
            .unwrap_or_else(|e| {
                tracing::warn!(
                    "refresh: the record could not be read before the run, every answer is compared in full: {e}"
                );
                (HashMap::new(), HashMap::new())
            })
    };
    let known = Arc::new(known);
    let pause = Arc::new(Mutex::new(None::<Instant>));
    let (results, mut inbox) = mpsc::channel::<Outcome>(BATCH * 2);
    let mut workers = JoinSet::new();
    for _ in 0..concurrency.max(1) {
        let client = client.clone();
        let queue = queue.clone();
        let pause = pause.clone();
        let results = results.clone();
        let progress = progress.clone();
        let notify = notify.clone();
        let known = known.clone();
        workers.spawn(async move {
            worker(
                client, policy, known, queue, pause, results, progress, notify,
            )
            .await;
        });
    }
    drop(results);

    let mut fetched = Vec::with_capacity(BATCH);
    let mut same = Vec::with_capacity(BATCH);
    let mut deleted = Vec::new();
    let mut failed = Vec::new();
    let at = chrono::Utc::now();
    // When the oldest result not yet written arrived: results are written in batches of up
    // to BATCH, and none waits longer than FLUSH_AFTER (progress stays live when answers
    // are slow, transactions stay large when they are fast).
    let mut oldest: Option<tokio::time::Instant> = None;
    // Everything that arrived since the last look is taken in one go: under load the
    // collector wakes once for many results, not once for each.
    let mut received = Vec::with_capacity(BATCH);
    loop {
        let receive = inbox.recv_many(&mut received, BATCH);
        let (count, timed_out) = match oldest {
            Some(since) => match tokio::time::timeout_at(since + FLUSH_AFTER, receive).await {
                Ok(count) => (count, false),
                Err(_) => (0, true),
            },
            None => (receive.await, false),
        };
        // `recv_many` answers 0 only once every worker is gone and the channel is empty.
        let done = count == 0 && !timed_out;
        for outcome in received.drain(..) {
            match outcome {
                Outcome::Fetched(r) => fetched.push(*r),
                Outcome::Same(id) => same.push(id),
                Outcome::Deleted(id) => deleted.push(id),
                Outcome::Failed(id, why) => failed.push((id, why)),
            }
        }
        let pending = fetched.len() + same.len() + deleted.len() + failed.len();
        if pending > 0 && oldest.is_none() {
            oldest = Some(tokio::time::Instant::now());
        }
        let due = oldest.is_some_and(|since| since.elapsed() >= FLUSH_AFTER);
        if done || timed_out || pending >= BATCH || due {
            oldest = None;
            let batch = std::mem::take(&mut fetched);
            let unchanged = std::mem::take(&mut same);
            let gone = std::mem::take(&mut deleted);
            let bad = std::mem::take(&mut failed);
            let counts = (batch.len() + unchanged.len(), gone.len(), bad.len());
            let profile_name = profile.clone();
            let same_count = unchanged.len();
            let written = store
                .call(move |s| {
                    let outcomes = s.refreshed(&profile_name, &batch, at)?;
                    s.mark_checked(&profile_name, &unchanged, at)?;
                    s.mark_deleted_upstream(&profile_name, &gone, at)?;
                    s.mark_failed(&profile_name, &bad)?;
                    Ok((outcomes, bad, batch))
                })
                .await;
            let mut p = progress.lock().unwrap_or_else(PoisonError::into_inner);
            match written {
                Ok((outcomes, bad, batch)) => {
                    p.changed += outcomes.iter().filter(|o| **o == Upserted::Changed).count();
                    let moved = batch.iter().zip(&outcomes).filter_map(|(r, outcome)| {
                        let from = before.get(&r.applicant.id)?;
                        (*outcome == Upserted::Changed)
                            .then(|| Change::of(&r.applicant, from, at))
                            .flatten()
                    });
                    p.changes.extend(moved);
                    p.same += same_count;
                    p.failed += bad.len();
                    p.failures.extend(bad);
                }
                Err(e) => {
                    // Nothing more is asked for (the requests in flight finish): answers
                    // that cannot be kept are not worth fetching. Said once.
                    queue.lock().unwrap_or_else(PoisonError::into_inner).clear();
                    if !p.record_failed {
                        tracing::warn!(
                            "refresh: the local record could not be written: {}",
                            e.technical().unwrap_or_default()
                        );
                    }
                    p.record_failed = true;
                    p.stopped_because.get_or_insert_with(record_failed);
                    drop(p);
                    notify();
                    if done {
                        break;
                    }
                    continue;
                }
            }
            p.deleted += counts.1;
            p.done += counts.0 + counts.1 + counts.2;
            drop(p);
            notify();
        }
        if done {
            break;
        }
    }
    while workers.join_next().await.is_some() {}
    let mut p = progress.lock().unwrap_or_else(PoisonError::into_inner);
    p.finished = true;
    p.paused_until = None;
    let summary = p.clone();
    drop(p);
    notify();
    tracing::info!(
        total = summary.total,
        requests = summary.requests,
        same = summary.same,
        changed = summary.changed,
        deleted = summary.deleted,
        failed = summary.failed,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "refresh"
    );
    summary
}

#[allow(clippy::too_many_arguments)]
async fn worker(
    client: Client,
    policy: RetryPolicy,
    known: Arc<HashMap<u64, u128>>,
    queue: Queue,
    pause: Arc<Mutex<Option<Instant>>>,
    results: mpsc::Sender<Outcome>,
    progress: SharedProgress,
    notify: Arc<impl Fn() + Send + Sync>,
) {
    loop {
        // Everyone waits out a 429 together.
        let wait = pause
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .and_then(|until| until.checked_duration_since(Instant::now()));
        if let Some(wait) = wait {
            tokio::time::sleep(wait).await;
            continue;
        }
        let next = queue
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop_front();
        let Some((id, budget)) = next else {
            return;
        };
        // The deadline runs from the applicant's first attempt, its waits included.
        let mut budget = budget.map_or_else(|| policy.start(), |b| *b);
        let outcome = match ApplicantId::new(id) {
            Err(e) => Outcome::Failed(id, e.to_string()),
            Ok(applicant_id) => {
                progress
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .requests += 1;
                let last = known.get(&id).copied();
                let same_as_last = |raw: &str| last.is_some_and(|last| last == raw_digest(raw));
                match client
                    .get_applicant_once(applicant_id, same_as_last, &mut budget)
                    .await
                {
                    Ok(Some(r)) => Outcome::Fetched(Box::new(r)),
                    Ok(None) => Outcome::Same(id),
                    Err(ApiError::NotFound { .. }) => Outcome::Deleted(id),
                    Err(e @ ApiError::RateLimited { retry_after }) => {
                        match budget.wait(retry_after) {
                            Ok(wait) => {
                                let until = Instant::now() + wait;
                                {
                                    let mut p =
                                        pause.lock().unwrap_or_else(PoisonError::into_inner);
                                    if p.is_none_or(|current| current < until) {
                                        *p = Some(until);
                                    }
                                }
                                progress
                                    .lock()
                                    .unwrap_or_else(PoisonError::into_inner)
                                    .paused_until = Some(until);
                                notify();
                                queue
                                    .lock()
                                    .unwrap_or_else(PoisonError::into_inner)
                                    .push_front((id, Some(Box::new(budget))));
                                continue;
                            }
                            Err(GiveUp::OutOfTime { .. } | GiveUp::OutOfAttempts) => {
                                Outcome::Failed(id, e.to_string())
                            }
                        }
                    }
                    Err(e) => Outcome::Failed(id, e.to_string()),
                }
            }
        };
        if results.send(outcome).await.is_err() {
            return;
        }
    }
}
