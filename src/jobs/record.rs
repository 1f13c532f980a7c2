//! The local record: where it lives, opening it (a damaged file moved aside), and the handle
//! for one profile's part of it that every workflow uses.

use std::path::{Path, PathBuf};

use crate::store::team::TEAM_RECORD;
use crate::store::{Store, StoreHandle};
use crate::t;

pub use crate::store::{ReadOnly, Snapshot, StoreError, TeamDb, TrackedApplicant};

/// The record's database — the local SQLite file, or a team's PostgreSQL database — served by
/// a thread of its own (the window never waits on a write).
#[derive(Clone)]
pub struct Records {
    store: StoreHandle,
    /// A team database: every profile on it shares one record.
    team: bool,
    /// Why nothing may be written, when that is so.
    read_only: Option<ReadOnly>,
}

/// What opening the record found, for telling the recruiter.
pub struct OpenedRecords {
    pub records: Records,
    pub path: PathBuf,
    /// Set when a damaged file was moved aside and a new one was started.
    pub notice: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    NoDataDirectory,
    Store(#[from] StoreError),
    /// The team database's password could not be read from the keyring.
    TeamPassword(crate::keys::KeyStoreError),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::NoDataDirectory => f.write_str(&t!("errors-no-data-directory")),
            OpenError::Store(e) => write!(f, "{e}"),
            OpenError::TeamPassword(e) => {
                f.write_str(&t!("team-password-unreadable", reason = e.to_string()))
            }
        }
    }
}

impl OpenError {
    /// Whether the team database did not answer (it may later).
    pub fn is_unreachable(&self) -> bool {
        matches!(self, OpenError::Store(e) if e.is_unreachable())
    }

    /// SQLite's or the system's own words, for details.
    pub fn technical(&self) -> Option<&str> {
        match self {
            OpenError::NoDataDirectory => None,
            OpenError::Store(e) => e.technical(),
            OpenError::TeamPassword(e) => e.technical(),
        }
    }
}

impl Records {
    /// `tracked.sqlite` in `data_dir`, else in the platform's data directory.
    pub fn default_path(data_dir: Option<&Path>) -> Option<PathBuf> {
        Store::default_path(data_dir)
    }

    /// Opens (creating and migrating) the record in `data_dir` or the platform's place.
    pub fn open(data_dir: Option<&Path>) -> Result<OpenedRecords, OpenError> {
        let path = Records::default_path(data_dir).ok_or(OpenError::NoDataDirectory)?;
        let opened = Store::open(&path)?;
        Ok(OpenedRecords {
            records: Records::from_store(opened.store)?,
            path,
            notice: opened.recovered,
        })
    }

    /// The same, with the opening on the record's own thread: the window's first frame does
    /// not wait for the file's check (it reads every page: about a second at a million
    /// applicants). Work sent meanwhile waits for the record to open; `wake` is called once
    /// it has, and [`RecordOpening::poll`] says how it went.
    pub fn open_in_background(
        data_dir: Option<&Path>,
        wake: impl Fn() + Send + 'static,
    ) -> Result<(Records, PathBuf, RecordOpening), OpenError> {
        let path = Records::default_path(data_dir).ok_or(OpenError::NoDataDirectory)?;
        let (told, heard) = std::sync::mpsc::channel();
        let file = path.clone();
        let (store, _) = StoreHandle::open_with(move || {
            let opened = Store::open(&file);
            // Said before the wake, so the frame it brings reads it.
            let _ = told.send(
                opened
                    .as_ref()
                    .map(|o| o.recovered.clone())
                    .map_err(Clone::clone),
            );
            wake();
            Ok(opened?.store)
        })?;
        let records = Records {
            store,
            team: false,
            read_only: None,
        };
        let opening = RecordOpening { heard };
        Ok((records, path, opening))
    }

    /// A record kept in memory only (the demo's, whose sandbox starts afresh every run).
    pub fn in_memory() -> Result<Records, StoreError> {
        Records::from_store(Store::open_in_memory()?)
    }

    /// Serves an open store (tests and benchmarks prepare one first).
    pub fn from_store(store: Store) -> Result<Records, StoreError> {
        let team = store.is_team();
        let read_only = store.read_only().cloned();
        Ok(Records {
            store: StoreHandle::spawn(store)?,
            team,
            read_only,
        })
    }

    /// Connects to a team database (bringing its schema up to date). Blocks until it is
    /// connected or found out of reach: call it off the UI thread.
    pub fn open_team(team: TeamDb) -> Result<Records, StoreError> {
        let (store, opened) = StoreHandle::open_with(move || Store::open_team(&team))?;
        let read_only = opened.recv().map_err(|_| StoreError::Closed)??;
        Ok(Records {
            store,
            team: true,
            read_only,
        })
    }

    /// This computer's copy of what a team database last held, read only (the window shows
    /// it while the database is out of reach).
    pub fn open_last_read(path: &Path) -> Result<Records, StoreError> {
        let mut records = Records::from_store(Store::open_last_read(path)?)?;
        records.team = true;
        Ok(records)
    }

    /// Why nothing may be written, when that is so.
    pub fn read_only(&self) -> Option<&ReadOnly> {
        self.read_only.as_ref()
    }

    /// Whether this is a team database.
    pub fn is_team(&self) -> bool {
        self.team
    }

    /// One profile's part of the record; on a team database, the team's record, whatever
    /// the profile is called.
    pub fn for_profile(&self, profile: &str) -> Record {
        Record {
            store: self.store.clone(),
            profile: if self.team { TEAM_RECORD } else { profile }.to_owned(),
        }
    }
}

/// Sending workers that share one connection to a team database. Measured at concurrency 8
/// on loopback on 2 cores (`benches/team.rs`), as a share of SQLite's bulk rate: one
/// connection for all 8, 0.25–0.29×; one for every 4, 0.55–0.59×; one for every 2, 0.48×;
/// one each, 0.41–0.46× (the database's processes then contend with the app's for the cores).
/// Measured again once a row cost one round trip: one for every 4, 0.53×; for every 2, 0.48×.
const WORKERS_PER_CONNECTION: usize = 4;

/// A local record opening on its own thread.
pub struct RecordOpening {
    heard: std::sync::mpsc::Receiver<Result<Option<String>, StoreError>>,
}

impl RecordOpening {
    /// `None` while it is still opening; then what to tell the recruiter, if anything (a
    /// damaged file moved aside), or why it could not be opened.
    pub fn poll(&self) -> Option<Result<Option<String>, OpenError>> {
        use std::sync::mpsc::TryRecvError;
        match self.heard.try_recv() {
            Ok(Ok(notice)) => Some(Ok(notice)),
            Ok(Err(e)) => Some(Err(OpenError::Store(e))),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(OpenError::Store(StoreError::Closed))),
        }
    }
}

/// One profile's record: the applicants it tracks, its invite log, its bulk invite jobs.
#[derive(Clone)]
pub struct Record {
    store: StoreHandle,
    profile: String,
}

impl Record {
    /// A profile's part of a store already served (tests and benchmarks set one up).
    pub fn new(store: StoreHandle, profile: &str) -> Record {
        Record {
            store,
            profile: profile.to_owned(),
        }
    }

    pub fn profile(&self) -> &str {
        &self.profile
    }

    /// Runs `work` on the store's thread with this profile's name.
    pub(crate) async fn call<T, F>(&self, work: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store, &str) -> Result<T, StoreError> + Send + 'static,
    {
        let profile = self.profile.clone();
        self.store.call(move |store| work(store, &profile)).await
    }

    pub(crate) fn store(&self) -> &StoreHandle {
        &self.store
    }

    /// Whether what is about to be sent can be recorded: called before the request leaves.
    pub async fn ready_to_write(&self) -> Result<(), StoreError> {
        self.store.call(|s| s.ready_to_write()).await
    }

    /// `n` ways to this record for `n` workers sending at once. On a team database, a
    /// connection for every 4 workers, so one worker's round trips
    /// do not wait for all the others' (the rows are claimed in the database, as between two
    /// machines); where one cannot be opened, workers share. On the local file, one thread
    /// serves them all.
    pub(crate) async fn lanes(&self, n: usize) -> Vec<Record> {
        let mut lanes = vec![self.clone()];
        let team = self.store.call(|s| Ok(s.team_to_write())).await;
        if let Ok(Some(team)) = team {
            while lanes.len() < n.div_ceil(WORKERS_PER_CONNECTION) {
                let team = team.clone();
                let opened = tokio::task::spawn_blocking(move || Records::open_team(team)).await;
                match opened {
                    Ok(Ok(records)) if records.read_only.is_none() => lanes.push(Record {
                        store: records.store,
                        profile: self.profile.clone(),
                    }),
                    _ => break,
                }
            }
        }
        (0..n.max(1))
            .map(|i| lanes[i % lanes.len()].clone())
            .collect()
    }
}

/// Whether what was received was kept in the local record.
#[derive(Debug)]
pub enum Kept {
    /// No record is in use (no profile on the command line, or no database).
    NoRecord,
    Yes,
    No(StoreError),
}

impl Kept {
    pub(crate) fn from(result: Option<Result<(), StoreError>>) -> Kept {
        match result {
            None => Kept::NoRecord,
            Some(Ok(())) => Kept::Yes,
            Some(Err(e)) => Kept::No(e),
        }
    }

    /// The reason it was not kept, when it was not.
    pub fn problem(&self) -> Option<&StoreError> {
        match self {
            Kept::No(e) => Some(e),
            _ => None,
        }
    }
}
