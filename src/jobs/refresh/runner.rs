//! The window's refresh: one run at a time, started by hand or every N minutes by a timer
//! of its own on the runtime — whichever view is on screen, and with no frame drawn while
//! it waits.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

use tokio::runtime::Handle;
use tokio::sync::oneshot;

use super::{RefreshProgress, SharedProgress, refresh};
use crate::api::Client;
use crate::jobs::record::Record;
use crate::jobs::task::Wake;

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
    progress: SharedProgress,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    target: Option<Target>,
    concurrency: usize,
    every: Option<Duration>,
    /// The run under way: its cancel signal.
    running: Option<oneshot::Sender<()>>,
    last_started: Option<Instant>,
    /// The last run's summary (unfinished when it was cancelled).
    last: Option<RefreshProgress>,
    /// Runs ended so far: a change tells the window to read the record again.
    runs_ended: u64,
    /// The timer task, replaced whenever the interval or the target changes.
    timer: Option<tokio::task::AbortHandle>,
}

impl Refresher {
    pub fn new(runtime: Handle, wake: Wake) -> Refresher {
        Refresher {
            shared: Arc::new(Shared {
                runtime,
                wake,
                progress: Arc::new(Mutex::new(RefreshProgress::default())),
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
            if let Some(cancel) = state.running.take() {
                let _ = cancel.send(());
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

    /// Starts a run over `ids` (every tracked applicant when `None`); false when one is
    /// already under way or no profile is in use.
    pub fn start(&self, ids: Option<Vec<u64>>) -> bool {
        let mut state = self.state();
        if state.running.is_some() {
            return false;
        }
        let Some(target) = state.target.clone() else {
            return false;
        };
        let (cancel, cancelled) = oneshot::channel();
        state.running = Some(cancel);
        state.last_started = Some(Instant::now());
        state.last = None;
        let concurrency = state.concurrency;
        drop(state);
        let me = self.clone();
        self.shared.runtime.spawn(async move {
            let progress = me.shared.progress.clone();
            let wake = me.shared.wake.clone();
            let work = async {
                let ids = match ids {
                    Some(ids) => ids,
                    None => match crate::jobs::track::ids(&target.record).await {
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
                    },
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
                    let mut p = me.shared.progress.lock().unwrap_or_else(PoisonError::into_inner).clone();
                    p.finished = false;
                    p.paused_until = None;
                    p
                }
            };
            let mut state = me.state();
            state.running = None;
            state.last = Some(summary);
            state.runs_ended += 1;
            drop(state);
            (me.shared.wake)();
        });
        (self.shared.wake)();
        true
    }

    /// Stops the run under way; what was received is kept.
    pub fn cancel(&self) {
        if let Some(cancel) = self.state().running.take() {
            let _ = cancel.send(());
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
        self.shared
            .progress
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
                let Some(started) = upgrade().map(|me| me.start(None)) else {
                    return;
                };
                if !started {
                    // One is under way (or no profile): look again after a while.
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
        if let Some(cancel) = state.running.take() {
            let _ = cancel.send(());
        }
    }
}
