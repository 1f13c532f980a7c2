//! A piece of background work on the tokio runtime, answered through a
//! `poll_promise::Promise` that the window polls each frame without blocking.

use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use poll_promise::Promise;
use tokio::runtime::Handle;
use tokio::sync::oneshot;

/// Wakes whoever waits on the work (the window passes `request_repaint`): nothing is drawn
/// while nothing happens.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// A `Wake` that wakes nobody (the command line blocks on its work instead).
pub fn no_wake() -> Wake {
    Arc::new(|| {})
}

/// Why a task ended without its result.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Interrupted {
    Cancelled,
    Crashed(String),
}

impl std::fmt::Display for Interrupted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            Interrupted::Cancelled => crate::t!("errors-cancelled"),
            Interrupted::Crashed(_) => crate::t!("errors-task-crashed"),
        })
    }
}

impl Interrupted {
    /// The runtime's own words about the crash, for details.
    pub fn technical(&self) -> Option<&str> {
        match self {
            Interrupted::Cancelled => None,
            Interrupted::Crashed(reason) => Some(reason),
        }
    }
}

/// What a task answers: its own result, or why it was interrupted.
pub type Outcome<T> = Result<T, Interrupted>;

/// A running piece of background work. Dropping it cancels the work.
pub struct Task<T: Send + 'static> {
    promise: Promise<Outcome<T>>,
    cancel: Option<oneshot::Sender<()>>,
    started: Instant,
}

impl<T: Send + 'static> Task<T> {
    /// The result once there is one; never blocks.
    pub fn ready(&self) -> Option<&Outcome<T>> {
        self.promise.ready()
    }

    pub fn is_pending(&self) -> bool {
        self.promise.ready().is_none()
    }

    /// Asks the task to stop; it answers `Err(Interrupted::Cancelled)` right away.
    pub fn cancel(&mut self) {
        if let Some(cancel) = self.cancel.take() {
            let _ = cancel.send(());
        }
    }

    /// Takes the result out, leaving nothing behind; `Err(self)` while still running.
    pub fn try_take(self) -> Result<Outcome<T>, Task<T>> {
        let Task {
            promise,
            cancel,
            started,
        } = self;
        promise.try_take().map_err(|promise| Task {
            promise,
            cancel,
            started,
        })
    }

    pub fn started(&self) -> Instant {
        self.started
    }
}

/// Takes a task's result out of `slot` when it has one, leaving `None`; leaves a running task
/// where it is.
pub fn take_finished<T: Send + 'static>(slot: &mut Option<Task<T>>) -> Option<Outcome<T>> {
    let task = slot.take()?;
    match task.try_take() {
        Ok(outcome) => Some(outcome),
        Err(task) => {
            *slot = Some(task);
            None
        }
    }
}

/// Spawns work on the runtime; the caller keeps the `Task` and polls it.
///
/// The work runs in a task of its own, so that a panic in it becomes `Crashed` instead of a
/// dropped promise (which would panic the UI thread on `ready()`), and a cancel stops the work
/// while the promise is still answered. When it is done it calls `wake`.
pub fn spawn<T, F>(runtime: &Handle, wake: &Wake, work: F) -> Task<T>
where
    T: Send + 'static,
    F: Future<Output = T> + Send + 'static,
{
    let (sender, promise) = Promise::new();
    let (cancel_tx, cancel_rx) = oneshot::channel::<()>();
    let wake = wake.clone();
    let inner_runtime = runtime.clone();
    runtime.spawn(async move {
        let inner = inner_runtime.spawn(work);
        let abort = inner.abort_handle();
        let outcome = tokio::select! {
            joined = inner => joined.map_err(|e| {
                tracing::error!("a background task stopped unexpectedly: {e}");
                Interrupted::Crashed(e.to_string())
            }),
            _ = cancel_rx => {
                abort.abort();
                Err(Interrupted::Cancelled)
            }
        };
        sender.send(outcome);
        wake();
    });
    Task {
        promise,
        cancel: Some(cancel_tx),
        started: Instant::now(),
    }
}

/// Runs work that keeps a core busy (ordering a million rows) on the runtime's blocking
/// threads, so it holds up neither the window nor the requests under way; answered and
/// polled as [`spawn`]'s work is. A cancel drops the answer; the work runs to its end.
pub fn compute<T, F>(runtime: &Handle, wake: &Wake, work: F) -> Task<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let blocking = runtime.spawn_blocking(work);
    spawn(runtime, wake, async move {
        match blocking.await {
            Ok(answer) => answer,
            // Its panic, carried to the task that reports it as `Crashed`.
            Err(e) => std::panic::resume_unwind(e.into_panic()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn wait<T: Send + 'static>(task: &Task<T>) {
        for _ in 0..500 {
            if task.ready().is_some() {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("task never answered");
    }

    #[test]
    fn results_cancel_and_panics_all_answer_the_promise() {
        let rt = tokio::runtime::Runtime::new().unwrap();
        let woken = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = woken.clone();
        let wake: Wake = Arc::new(move || {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        });

        let ok = spawn(rt.handle(), &wake, async { 7 });
        wait(&ok);
        assert_eq!(ok.ready(), Some(&Ok(7)));

        let mut slow = spawn(rt.handle(), &wake, async {
            tokio::time::sleep(Duration::from_secs(60)).await;
            1
        });
        assert!(slow.is_pending());
        slow.cancel();
        wait(&slow);
        assert_eq!(slow.ready(), Some(&Err(Interrupted::Cancelled)));

        #[allow(clippy::panic)]
        let crash = spawn(rt.handle(), &wake, async {
            if true {
                panic!("boom");
            }
            0
        });
        wait(&crash);
        assert!(matches!(crash.ready(), Some(Err(Interrupted::Crashed(_)))));
        // Every answer woke the waiter once (the wake comes right after the answer).
        for _ in 0..100 {
            if woken.load(std::sync::atomic::Ordering::SeqCst) == 3 {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(woken.load(std::sync::atomic::Ordering::SeqCst), 3);
    }
}
