//! Profiles and keys as the window holds them: the keyring (opened in the background), the
//! profile in use and its client, and the saves, checks and deletions under way.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;

mod edits;

use super::{Problem, Slot, Work};
use crate::api::ClientOptions;
use crate::jobs::demo::{DEMO_PROFILE, Demo};
use crate::jobs::keys::{
    self, ConnectError, Connection, KeyStoreError, Profile, ProfileBook, ProfileBookError,
    SaveOutcome, SecretStore, SecretString, SessionStore, Verified,
};
use crate::jobs::{self, Task};

/// Where the window's key store comes from.
pub enum KeyStoreChoice {
    /// The OS keyring, opened in the background at start.
    OsKeyring,
    /// A store given by the caller (tests use a session store).
    Given(Arc<dyn SecretStore>),
}

/// How saving a key ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveAnswer {
    Saved(String),
    /// The server refused the key: nothing was saved unless the recruiter says so.
    Refused {
        name: String,
        problem: Problem,
    },
    /// The keyring refused; the recruiter may keep the key for this session only.
    KeyringFailed {
        name: String,
        problem: Problem,
    },
}

pub struct KeysState {
    pub profiles: ProfileBook,
    profiles_path: Option<PathBuf>,
    store: Option<Arc<dyn SecretStore>>,
    /// Why the OS keyring cannot be used, in words.
    store_problem: Option<Problem>,
    opening_store: Option<Task<Result<Arc<dyn SecretStore>, KeyStoreError>>>,
    /// Keys kept for this session only: the demo's, and any the recruiter chose not to store.
    session: Arc<SessionStore>,
    session_profiles: HashSet<String>,
    connection: Option<Connection>,
    connecting: Option<(String, Task<Result<Connection, ConnectError>>)>,
    writing_profiles: Option<Task<Result<(), ProfileBookError>>>,
    /// The book as its file holds it (read at start, or last written): a profile put in use
    /// writes the file only when that changes it. None once a write failed.
    written_profiles: Option<ProfileBook>,
    save: Slot<SaveOutcome>,
    /// The profile and key being saved, kept only until the key is stored somewhere.
    pending: Option<(Profile, SecretString)>,
    saved: Option<SaveAnswer>,
    saves: u64,
    verify: Slot<Verified>,
    verify_result: Option<(String, Result<String, String>)>,
    delete: Slot<Result<(), KeyStoreError>>,
    deleting: Option<String>,
    error: Option<String>,
    demo: Option<Demo>,
    demo_starting: Option<Task<Result<Demo, String>>>,
    /// Messages for the status bar, taken once.
    problem: Option<Problem>,
    news: Option<String>,
}

impl KeysState {
    pub fn new(
        work: &Work,
        choice: KeyStoreChoice,
        profiles: ProfileBook,
        profiles_path: Option<PathBuf>,
    ) -> KeysState {
        let (store, opening_store) = match choice {
            KeyStoreChoice::Given(store) => (Some(store), None),
            // Opening the keyring talks to D-Bus, which can block: never on the UI thread.
            KeyStoreChoice::OsKeyring => (
                None,
                Some(jobs::spawn(&work.runtime, &work.wake, keys::open_keyring())),
            ),
        };
        KeysState {
            written_profiles: Some(profiles.clone()),
            profiles,
            profiles_path,
            store,
            store_problem: None,
            opening_store,
            session: Arc::new(SessionStore::new()),
            session_profiles: HashSet::new(),
            connection: None,
            connecting: None,
            writing_profiles: None,
            save: Slot::default(),
            pending: None,
            saved: None,
            saves: 0,
            verify: Slot::default(),
            verify_result: None,
            delete: Slot::default(),
            deleting: None,
            error: None,
            demo: None,
            demo_starting: None,
            problem: None,
            news: None,
        }
    }

    pub fn connection(&self) -> Option<&Connection> {
        self.connection.as_ref()
    }

    /// The profile being put in use: its key is being read, or it waits for the keyring to
    /// open (at startup).
    pub fn connecting(&self) -> Option<&str> {
        match &self.connecting {
            Some((name, _)) => Some(name),
            None if self.opening_store.is_some() && self.connection.is_none() => {
                self.profiles.active.as_deref()
            }
            None => None,
        }
    }

    pub fn is_session_only(&self, profile: &str) -> bool {
        self.session_profiles.contains(profile)
    }

    pub fn store_problem(&self) -> Option<&Problem> {
        self.store_problem.as_ref()
    }

    /// The key store, in words, for the diagnostics.
    pub fn describe_store(&self) -> String {
        match (&self.store, &self.store_problem) {
            (Some(store), _) => store.describe().to_owned(),
            (None, Some(problem)) => crate::t!(
                "keys-store-unavailable",
                reason = problem.details.as_deref().unwrap_or(&problem.sentence)
            ),
            (None, None) => crate::t!("keys-store-opening"),
        }
    }

    pub fn has_demo(&self) -> bool {
        self.demo.is_some()
    }

    pub fn demo_starting(&self) -> bool {
        self.demo_starting.is_some()
    }

    pub fn is_saving(&self) -> bool {
        self.save.is_running()
    }

    /// How the last save ended, and how many saves ended so far.
    pub fn saved(&self) -> (Option<&SaveAnswer>, u64) {
        (self.saved.as_ref(), self.saves)
    }

    pub fn verifying(&self) -> bool {
        self.verify.is_running()
    }

    pub fn verify_result(&self) -> Option<&(String, Result<String, String>)> {
        self.verify_result.as_ref()
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn in_flight(&self) -> usize {
        usize::from(self.save.is_running())
            + usize::from(self.verify.is_running())
            + usize::from(self.delete.is_running())
            + usize::from(self.connecting().is_some())
            + usize::from(self.demo_starting.is_some())
    }

    /// What the keys part is doing, for the status bar.
    pub fn activity(&self) -> Option<String> {
        if let Some(name) = self.connecting() {
            Some(crate::t!("keys-activity-opening", profile = name))
        } else if self.save.is_running() {
            Some(crate::t!("keys-activity-saving"))
        } else if self.verify.is_running() {
            Some(crate::t!("keys-activity-verifying"))
        } else if self.delete.is_running() {
            Some(crate::t!("keys-activity-deleting"))
        } else if self.demo_starting.is_some() {
            Some(crate::t!("keys-activity-demo"))
        } else {
            None
        }
    }

    pub fn take_problem(&mut self) -> Option<Problem> {
        self.problem.take()
    }

    pub fn take_news(&mut self) -> Option<String> {
        self.news.take()
    }

    /// Puts a profile in use: its key is read in the background and its client built.
    pub fn use_profile(&mut self, work: &Work, name: &str, options: &ClientOptions) {
        let Some(profile) = self.profiles.get(name).cloned() else {
            self.problem = Some(crate::t!("keys-no-such-profile", profile = name).into());
            return;
        };
        let session_only = self.session_profiles.contains(name);
        let store: Arc<dyn SecretStore> = if session_only {
            self.session.clone()
        } else {
            match &self.store {
                Some(store) => store.clone(),
                None if self.opening_store.is_some() => {
                    // Put in use once the keyring is open.
                    self.profiles.active = Some(name.to_owned());
                    return;
                }
                None => {
                    self.problem = Some(Problem {
                        sentence: crate::t!("keys-no-keyring", profile = name),
                        details: self.store_problem.as_ref().and_then(|p| p.details.clone()),
                    });
                    return;
                }
            }
        };
        self.profiles.active = Some(name.to_owned());
        if name != DEMO_PROFILE && self.written_profiles.as_ref() != Some(&self.profiles) {
            self.write_profiles(work);
        }
        let task = jobs::spawn(
            &work.runtime,
            &work.wake,
            keys::connect(store, profile, options.clone(), session_only),
        );
        self.connecting = Some((name.to_owned(), task));
    }

    /// The profile in use with new client settings (a new timeout applies at once).
    pub fn apply_options(&mut self, options: &ClientOptions) {
        if let Some(c) = &self.connection
            && let Ok(updated) = c.with_options(options.clone())
        {
            self.connection = Some(updated);
        }
    }

    fn write_profiles(&mut self, work: &Work) {
        let Some(path) = self.profiles_path.clone() else {
            return;
        };
        self.written_profiles = Some(self.profiles.clone());
        self.writing_profiles = Some(jobs::spawn(
            &work.runtime,
            &work.wake,
            keys::save_profiles(path, self.profiles.clone()),
        ));
    }

    /// Takes in what finished; true when the profile in use changed. A demo that just
    /// started is put in use.
    pub fn poll(&mut self, work: &Work, options: &ClientOptions) -> bool {
        let mut changed = false;
        if let Some(opened) = jobs::take_finished(&mut self.opening_store) {
            match opened {
                Ok(Ok(store)) => {
                    self.store = Some(store);
                    self.store_problem = None;
                    // A profile waiting for the keyring can now load its key.
                    if self.connection.is_none()
                        && self.connecting.is_none()
                        && let Some(active) = self.profiles.active.clone()
                    {
                        self.use_profile(work, &active, options);
                    }
                }
                Ok(Err(e)) => self.store_problem = Some(Problem::keyring(&e)),
                Err(e) => self.store_problem = Some(e.to_string().into()),
            }
        }
        if let Some((name, task)) = self.connecting.take() {
            match task.try_take() {
                Err(task) => self.connecting = Some((name, task)),
                Ok(Ok(Ok(connection))) => {
                    self.news = Some(crate::t!(
                        "keys-using-profile",
                        profile = connection.profile.name.as_str()
                    ));
                    self.connection = Some(connection);
                    changed = true;
                }
                Ok(Ok(Err(e))) => {
                    self.problem = Some(Problem {
                        sentence: e.to_string(),
                        details: e.technical(),
                    });
                }
                Ok(Err(e)) => {
                    self.problem = Some(Problem {
                        sentence: crate::t!("keys-open-failed", profile = name.as_str()),
                        details: Some(e.to_string()),
                    });
                }
            }
        }
        if let Some(written) = jobs::take_finished(&mut self.writing_profiles) {
            match written {
                Ok(Ok(())) => {}
                Ok(Err(e)) => {
                    self.written_profiles = None;
                    self.problem = Some(Problem {
                        sentence: e.to_string(),
                        details: e.technical().map(str::to_owned),
                    });
                }
                Err(e) => {
                    self.written_profiles = None;
                    self.problem = Some(Problem {
                        sentence: crate::t!("keys-profiles-not-saved"),
                        details: Some(e.to_string()),
                    });
                }
            }
        }
        if let Some(started) = jobs::take_finished(&mut self.demo_starting) {
            match started {
                Ok(Ok(demo)) => self.install_demo(work, demo, options),
                Ok(Err(message)) => self.problem = Some(message.into()),
                Err(e) => {
                    self.problem = Some(Problem {
                        sentence: crate::t!("keys-demo-failed"),
                        details: Some(e.to_string()),
                    });
                }
            }
        }
        changed |= self.poll_edits(work, options);
        changed
    }
}
