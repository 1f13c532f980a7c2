//! The window's refresh: one run at a time, started by hand or every N minutes by a timer
//! of its own on the runtime — whichever view is on screen, and with no frame drawn while
//! it waits.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use tokio::runtime::Handle;
use tokio::sync::oneshot;

use super::{RefreshProgress, SharedProgress, refresh};
use crate::api::Client;
use crate::jobs::notify::{self, OnOpen};
use crate::jobs::record::Record;
use crate::jobs::task::Wake;

/// Whether and what the desktop is told when a timed run finds changes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Notifications {
    pub enabled: bool,
    /// Only candidates who finished, not those who started or moved on otherwise.
    pub only_finished: bool,
}

/// The run under way.
struct Running {
    number: u64,
    /// Started by the timer (a refresh by hand replaces it).
    timed: bool,
    cancel: oneshot::Sender<()>,
}

impl Running {
    fn cancel(self) {
        let _ = self.cancel.send(());
    }
}

/// Which applicants a run asks for.
enum Scope {
    /// Every tracked applicant.
    All,
    These(Vec<u64>),
}

/// What a refresh runs against: the profile in use's client and record.
#[derive(Clone)]
pub struct Target {
    pub client: Client,
    pub record: Record,
}

/// The refresh of the profile in use. Cheap to clone; every clone is the same refresher.
#[derive(Clone)]
pub struct Refresher {
    shared: Arc<Shared>,
}

struct Shared {
    runtime: Handle,
    wake: Wake,
    /// The progress of the run under way; each run has its own (one replaced by a refresh
    /// by hand may write a last count after the new one began).
    progress: Mutex<SharedProgress>,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    target: Option<Target>,
    concurrency: usize,
    every: Option<Duration>,
    /// The run under way: its cancel signal.
    running: Option<Running>,
    /// Counts the runs started, so a run that ends after another replaced it clears nothing.
    started: u64,
    last_started: Option<Instant>,
    /// The last run's summary (unfinished when it was cancelled).
    last: Option<RefreshProgress>,
    /// Runs ended so far: a change tells the window to read the record again.
    runs_ended: u64,
    /// The timer task, replaced whenever the interval or the target changes.
    timer: Option<tokio::task::AbortHandle>,
    /// The server could not be reached when a timed run was due: runs wait until it can.
    offline: bool,
    notifications: Notifications,
    /// What a click on a notification does (the window brings itself forward).
    on_open: Option<OnOpen>,
}

impl Refresher {
    pub fn new(runtime: Handle, wake: Wake) -> Refresher {
        Refresher {
            shared: Arc::new(Shared {
                runtime,
                wake,
                progress: Mutex::new(Arc::new(Mutex::new(RefreshProgress::default()))),
                state: Mutex::new(State {
                    concurrency: 8,
                    ..State::default()
                }),
            }),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.shared
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The profile (and record) refreshes run against; `None` stops the timer. A run under
    /// way for another profile is cancelled.
    pub fn set_target(&self, target: Option<Target>) {
        let mut state = self.state();
        let same = match (&state.target, &target) {
            (Some(a), Some(b)) => a.record.profile() == b.record.profile(),
            (None, None) => true,
            _ => false,
        };
        if !same {
            if let Some(running) = state.running.take() {
                running.cancel();
            }
            state.last = None;
            state.last_started = None;
        }
        state.target = target;
        drop(state);
        self.restart_timer();
    }

    /// Requests at once for the next run.
    pub fn set_concurrency(&self, concurrency: usize) {
        self.state().concurrency = concurrency.max(1);
    }

    /// Refresh every tracked applicant this often (`None`: only by hand). The first run is
    /// due at once when none ran yet.
    pub fn set_every(&self, every: Option<Duration>) {
        let mut state = self.state();
        if state.every == every {
            return;
        }
        state.every = every;
        drop(state);
        self.restart_timer();
    }

    /// What timed runs tell the desktop, and what a click on their notification does.
    pub fn set_notifications(&self, notifications: Notifications, on_open: Option<OnOpen>) {
        let mut state = self.state();
        state.notifications = notifications;
        if on_open.is_some() {
            state.on_open = on_open;
        }
    }

    /// The server could not be reached when a timed run was due.
    pub fn is_offline(&self) -> bool {
        self.state().offline
    }

    /// Starts a run over `ids` (every tracked applicant when `None`); false when one is
    /// already under way or no profile is in use.
    pub fn start(&self, ids: Option<Vec<u64>>) -> bool {
        self.start_scoped(ids.map_or(Scope::All, Scope::These), false)
    }

    fn start_scoped(&self, scope: Scope, timed: bool) -> bool {
        let mut state = self.state();
        match &state.running {
            // A refresh by hand replaces a background check; what it received is kept.
            Some(running) if running.timed && !timed => {
                if let Some(running) = state.running.take() {
                    running.cancel();
                }
            }
            Some(_) => return false,
            None => {}
        }
        let Some(target) = state.target.clone() else {
            return false;
        };
        let (cancel, cancelled) = oneshot::channel();
        let progress: SharedProgress = Arc::new(Mutex::new(RefreshProgress::default()));
        *self
            .shared
            .progress
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = progress.clone();
        state.started += 1;
        let number = state.started;
        state.running = Some(Running {
            number,
            timed,
            cancel,
        });
        state.last_started = Some(Instant::now());
        state.last = None;
        let concurrency = state.concurrency;
        drop(state);
        let me = self.clone();
        self.shared.runtime.spawn(async move {
            let wake = me.shared.wake.clone();
            let record = target.record.clone();
            let work = async {
                let ids = match scope {
                    Scope::These(ids) => Ok(ids),
                    Scope::All => crate::jobs::track::ids(&target.record).await,
                };
                let ids = match ids {
                    Ok(ids) => ids,
                    Err(e) => {
                        let mut p = progress.lock().unwrap_or_else(PoisonError::into_inner);
                        *p = RefreshProgress {
                            failures: vec![(0, e.to_string())],
                            failed: 1,
                            finished: true,
                            ..RefreshProgress::default()
                        };
                        return p.clone();
                    }
                };
                refresh(
                    target.client,
                    target.record,
                    ids,
                    concurrency,
                    progress.clone(),
                    move || wake(),
                )
                .await
            };
            let summary = tokio::select! {
                summary = work => summary,
                _ = cancelled => {
                    let mut p = progress.lock().unwrap_or_else(PoisonError::into_inner).clone();
                    p.finished = false;
                    p.paused_until = None;
                    p
                }
            };
            let told = {
                let mut state = me.state();
                let replaced = state.running.as_ref().is_some_and(|r| r.number != number);
                if !replaced {
                    state.running = None;
                }
                let told = (timed && state.notifications.enabled && !summary.changes.is_empty())
                    .then(|| {
                        (
                            state.notifications,
                            state.on_open.clone(),
                            summary.changes.clone(),
                        )
                    });
                if !replaced {
                    state.last = Some(summary);
                }
                state.runs_ended += 1;
                told
            };
            (me.shared.wake)();
            if let Some((notifications, on_open, changes)) = told {
                notify::tell(&record, &changes, notifications.only_finished, on_open).await;
            }
        });
        (self.shared.wake)();
        true
    }

    /// Stops the run under way; what was received is kept.
    pub fn cancel(&self) {
        if let Some(running) = self.state().running.take() {
            running.cancel();
        }
    }

    pub fn is_running(&self) -> bool {
        self.state().running.is_some()
    }

    /// Requests at once, and the interval of the automatic runs.
    pub fn pace(&self) -> (usize, Option<Duration>) {
        let state = self.state();
        (state.concurrency, state.every)
    }

    /// The run under way, as the progress bar shows it.
    pub fn progress(&self) -> RefreshProgress {
        let progress = self
            .shared
            .progress
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        progress
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The last run that ended.
    pub fn last(&self) -> Option<RefreshProgress> {
        self.state().last.clone()
    }

    /// How many runs ended so far.
    pub fn runs_ended(&self) -> u64 {
        self.state().runs_ended
    }

    /// A timer task that starts a run whenever one is due, on the runtime: it needs no
    /// frame, so it keeps time while the window is hidden.
    fn restart_timer(&self) {
        let mut state = self.state();
        if let Some(timer) = state.timer.take() {
            timer.abort();
        }
        let (Some(every), Some(_)) = (state.every, state.target.as_ref()) else {
            return;
        };
        tracing::debug!("background check every {} s", every.as_secs());
        // The timer holds the refresher weakly: it ends with the last handle.
        let weak = Arc::downgrade(&self.shared);
        let upgrade = move || weak.upgrade().map(|shared| Refresher { shared });
        let timer = self.shared.runtime.spawn(async move {
            loop {
                let Some(due) = upgrade().map(|me| {
                    me.state()
                        .last_started
                        .map_or_else(Instant::now, |started| started + every)
                }) else {
                    return;
                };
                tokio::time::sleep_until(due.into()).await;
                let Some(me) = upgrade() else {
                    return;
                };
                let Some(target) = me.state().target.clone() else {
                    return;
                };
                // Between full refreshes (by hand), only those not yet scored are asked for;
                // when every one is scored, nothing is, and the server is not even called.
                let unfinished = crate::jobs::track::unfinished_ids(&target.record)
                    .await
                    .unwrap_or_else(|e| {
                        tracing::warn!("background refresh: the record could not be read: {e}");
                        Vec::new()
                    });
                tracing::debug!("background check: {} not yet scored", unfinished.len());
                let started = if unfinished.is_empty() {
                    me.state().last_started = Some(Instant::now());
                    true
                } else {
                    // Offline (the server cannot be reached): no run, and the window says so.
                    let reachable = target.client.reachable().await;
                    if !reachable {
                        tracing::info!("background check: the server cannot be reached, waiting");
                    }
                    let was_offline = std::mem::replace(&mut me.state().offline, !reachable);
                    if was_offline == reachable {
                        (me.shared.wake)();
                    }
                    reachable && me.start_scoped(Scope::These(unfinished), true)
                };
                drop(me);
                if !started {
                    // One is under way, no profile, or offline: look again after a while.
                    tokio::time::sleep(every.min(Duration::from_secs(60))).await;
                }
            }
        });
        state.timer = Some(timer.abort_handle());
    }
}

impl Drop for Shared {
    fn drop(&mut self) {
        let state = self.state.get_mut().unwrap_or_else(PoisonError::into_inner);
        if let Some(timer) = state.timer.take() {
            timer.abort();
        }
        if let Some(running) = state.running.take() {
            running.cancel();
        }
    }
}
