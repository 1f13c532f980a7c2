//! One thread owns the database; everything else sends it work and awaits the answer, so
//! the UI never waits on a write. Work that arrives together shares one commit on the local
//! file (group commit: one sync to the disk for many writes, each still all-or-nothing in a
//! savepoint of its own), and nobody hears "done" before that commit is on the disk.

use std::sync::mpsc;

use tokio::sync::oneshot;

use super::{ReadOnly, Store, StoreError};

/// A piece of work: it runs, and answers how to reply once its commit is known (the commit's
/// error, when it failed, replaces what the work answered).
type Job = Box<dyn FnOnce(&mut Store) -> Reply + Send>;
type Reply = Box<dyn FnOnce(Option<&StoreError>) + Send>;

/// At most this many pieces of work share one commit.
const GROUP_MAX: usize = 64;

/// Whether the store opened on its thread, and why it is read only when it is.
pub type Opened = mpsc::Receiver<Result<Option<ReadOnly>, StoreError>>;

/// A cheap, cloneable way to reach the store's thread.
#[derive(Clone)]
pub struct StoreHandle {
    jobs: mpsc::Sender<Job>,
}

impl StoreHandle {
    /// Moves the store to its own thread; it ends when the last handle is dropped.
    pub fn spawn(store: Store) -> Result<StoreHandle, StoreError> {
        let (handle, opened) = StoreHandle::open_with(move || Ok(store))?;
        opened.recv().map_err(|_| StoreError::Closed)??;
        Ok(handle)
    }

    /// Opens the store on its own thread (the team database's client must not be made on
    /// the app's runtime); the receiver says whether it opened. Before each piece of work, a
    /// team database that dropped the connection is connected to again.
    pub fn open_with(
        open: impl FnOnce() -> Result<Store, StoreError> + Send + 'static,
    ) -> Result<(StoreHandle, Opened), StoreError> {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (opened, result) = mpsc::channel();
        std::thread::Builder::new()
            .name("rickrut-store".into())
            .spawn(move || {
                crate::background::start_thread();
                let mut store = match open() {
                    Ok(store) => {
                        let _ = opened.send(Ok(store.read_only().cloned()));
                        store
                    }
                    Err(e) => {
                        let _ = opened.send(Err(e));
                        return;
                    }
                };
                while let Ok(first) = inbox.recv() {
                    let mut jobs = vec![first];
                    jobs.extend(inbox.try_iter().take(GROUP_MAX - 1));
                    if let Err(e) = store.reconnect_if_lost() {
                        tracing::debug!(
                            "the team database is still out of reach: {}",
                            e.technical().unwrap_or_default()
                        );
                    }
                    let grouped = jobs.len() > 1 && store.begin_group();
                    let replies: Vec<Reply> = jobs.into_iter().map(|job| job(&mut store)).collect();
                    let failed = if grouped {
                        store.end_group().err()
                    } else {
                        None
                    };
                    for reply in replies {
                        reply(failed.as_ref());
                    }
                }
            })
            .map_err(|e| StoreError::Sqlite(format!("the database thread did not start: {e}")))?;
        Ok((StoreHandle { jobs }, result))
    }

    /// Runs `work` on the store's thread and awaits its result.
    pub async fn call<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    {
        let (answer, result) = oneshot::channel();
        self.jobs
            .send(job(work, move |result| {
                let _ = answer.send(result);
            }))
            .map_err(|_| StoreError::Closed)?;
        result.await.map_err(|_| StoreError::Closed)?
    }

    /// The same, for the command line, which has no UI to keep responsive.
    pub fn call_blocking<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    {
        let (answer, result) = mpsc::channel();
        self.jobs
            .send(job(work, move |result| {
                let _ = answer.send(result);
            }))
            .map_err(|_| StoreError::Closed)?;
        result.recv().map_err(|_| StoreError::Closed)?
    }
}

/// `work` as the store's thread runs it: in a savepoint of its own, then `reply` with its
/// answer once the commit is known (a commit that failed replaces the answer of work that
/// wrote; a read keeps its answer).
fn job<T: Send + 'static>(
    work: impl FnOnce(&mut Store) -> Result<T, StoreError> + Send + 'static,
    reply: impl FnOnce(Result<T, StoreError>) + Send + 'static,
) -> Job {
    Box::new(move |store| {
        let before = store.changes();
        let result = store.in_savepoint(work).map_err(|e| store.explain(e));
        let wrote = store.changes() != before;
        Box::new(move |failed: Option<&StoreError>| {
            reply(match failed.filter(|_| wrote) {
                Some(e) => Err(e.clone()),
                None => result,
            });
        })
    })
}
