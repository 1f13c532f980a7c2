//! What changes profiles and keys: saving a key (or keeping it for this session), checking
//! it with the server, deleting a profile, and the demo's profile.

use std::sync::Arc;

use super::{KeysState, SaveAnswer};
use crate::api::ClientOptions;
use crate::jobs;
use crate::jobs::demo::{DEMO_PROFILE, Demo};
use crate::jobs::keys::{self, Profile, SaveOutcome, SecretStore, SecretString, Verified};
use crate::ui::state::{Problem, Work};

impl KeysState {
    /// The key store in use (for the team database's password, kept beside the key).
    pub fn secret_store(&self) -> Option<Arc<dyn SecretStore>> {
        self.store.clone()
    }

    /// Names (or clears) the team database a profile's record lives in, in the profiles file.
    pub fn set_team_db(&mut self, work: &Work, name: &str, url: Option<String>) {
        if let Some(profile) = self.profiles.profiles.iter_mut().find(|p| p.name == name) {
            profile.team_db = url;
            self.write_profiles(work);
        }
    }

    /// Checks a profile's key with the server (unless `check` is false: the recruiter said to
    /// save a refused key anyway), then saves it in the OS keyring, in the background.
    pub fn save_profile(
        &mut self,
        work: &Work,
        profile: Profile,
        key: SecretString,
        check: bool,
        options: &ClientOptions,
    ) {
        self.saved = None;
        let store = self.store.clone();
        let (checked, secret, options) = (profile.clone(), key.clone(), options.clone());
        self.pending = Some((profile, key));
        self.save.start(work, async move {
            keys::check_and_save(store, &checked, secret, options, check).await
        });
    }

    /// Saves the key waiting in the form although the server refused it.
    pub fn save_anyway(&mut self, work: &Work, options: &ClientOptions) {
        match self.pending.take() {
            Some((profile, key)) => self.save_profile(work, profile, key, false, options),
            None => self.error = Some(crate::t!("keys-paste-again")),
        }
    }

    /// Keeps the key the keyring refused in memory, for this session only.
    pub fn keep_for_session(&mut self, work: &Work, options: &ClientOptions) {
        let Some((profile, key)) = self.pending.take() else {
            self.error = Some(crate::t!("keys-paste-again"));
            return;
        };
        // The session store is memory only, so this call cannot block.
        match self.session.set(&profile.name, &key) {
            Ok(()) => self.profile_saved(work, profile, true, options),
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    pub fn forget_pending(&mut self) {
        self.pending = None;
        self.saved = None;
    }

    fn profile_saved(
        &mut self,
        work: &Work,
        profile: Profile,
        session_only: bool,
        options: &ClientOptions,
    ) {
        if session_only {
            self.session_profiles.insert(profile.name.clone());
        } else {
            self.session_profiles.remove(&profile.name);
        }
        let name = profile.name.clone();
        self.profiles.upsert(profile);
        self.saved = Some(SaveAnswer::Saved(name.clone()));
        self.saves += 1;
        self.use_profile(work, &name, options);
    }

    /// Asks the server about the key in use.
    pub fn verify(&mut self, work: &Work) {
        let Some(connection) = &self.connection else {
            return;
        };
        self.verify_result = None;
        let client = connection.client.clone();
        self.verify
            .start(work, async move { keys::verify(&client).await });
    }

    pub fn delete_profile(&mut self, work: &Work, name: String) {
        let store: Option<Arc<dyn SecretStore>> = if self.session_profiles.contains(&name) {
            Some(self.session.clone())
        } else {
            self.store.clone()
        };
        self.error = None;
        self.deleting = Some(name.clone());
        self.delete.start(work, async move {
            match store {
                Some(store) => keys::delete_key(store, &name).await,
                // Nothing could have been stored without a keyring.
                None => Ok(()),
            }
        });
    }

    pub fn start_demo(&mut self, work: &Work, options: &ClientOptions) {
        if self.demo.is_some() {
            self.use_profile(work, DEMO_PROFILE, options);
            return;
        }
        if self.demo_starting.is_none() {
            self.demo_starting = Some(jobs::spawn(&work.runtime, &work.wake, async {
                Demo::start()
                    .await
                    .map_err(|e| crate::t!("keys-demo-failed-because", reason = e.to_string()))
            }));
        }
    }

    /// The demo's profile joins the others (in memory only: its port changes every run)
    /// with its key for this session, and is put in use.
    pub fn install_demo(&mut self, work: &Work, demo: Demo, options: &ClientOptions) {
        if let Err(e) = self.session.set(DEMO_PROFILE, &demo.key()) {
            self.problem = Some(Problem::keyring(&e));
        }
        self.session_profiles.insert(DEMO_PROFILE.to_owned());
        self.profiles.profiles.retain(|p| p.name != DEMO_PROFILE);
        self.profiles.profiles.push(demo.profile());
        self.demo = Some(demo);
        self.use_profile(work, DEMO_PROFILE, options);
    }

    /// Takes in the saves, checks and deletions that ended; true when the profile in use
    /// went.
    pub(super) fn poll_edits(&mut self, work: &Work, options: &ClientOptions) -> bool {
        let mut changed = false;
        if self.save.poll() {
            let name = self
                .pending
                .as_ref()
                .map(|(p, _)| p.name.clone())
                .unwrap_or_default();
            match self.save.take_answer() {
                Some(Ok(SaveOutcome::Saved { unchecked })) => {
                    if let Some((profile, _key)) = self.pending.take() {
                        self.profile_saved(work, profile, false, options);
                    }
                    if let Some(e) = unchecked {
                        self.problem =
                            Some(Problem::api(&e).about(&crate::t!("keys-saved-unchecked")));
                    }
                }
                Some(Ok(SaveOutcome::Refused(e))) => {
                    self.saved = Some(SaveAnswer::Refused {
                        name,
                        problem: Problem::api(&e),
                    });
                    self.saves += 1;
                }
                Some(Ok(SaveOutcome::Keyring(e))) => {
                    self.saved = Some(SaveAnswer::KeyringFailed {
                        name,
                        problem: Problem::keyring(&e),
                    });
                    self.saves += 1;
                }
                Some(Err(e)) => self.error = Some(e.to_string()),
                None => {}
            }
        }
        if self.verify.poll() {
            let name = self
                .connection
                .as_ref()
                .map(|c| c.profile.name.clone())
                .unwrap_or_default();
            self.verify_result = match self.verify.take_answer() {
                Some(Ok(Verified::Accepted)) => Some((name, Ok(crate::t!("keys-accepted")))),
                Some(Ok(Verified::Refused(e))) => Some((name, Err(e.to_string()))),
                Some(Ok(Verified::Unchecked(e))) => Some((
                    name,
                    Err(crate::t!("keys-unchecked", reason = e.to_string())),
                )),
                Some(Err(e)) => Some((name, Err(e.to_string()))),
                None => None,
            };
        }
        if self.delete.poll() {
            let name = self.deleting.take().unwrap_or_default();
            match self.delete.take_answer() {
                Some(Ok(Ok(()))) => {
                    changed |= self.profile_deleted(work, &name);
                }
                Some(Ok(Err(e))) => {
                    self.error = Some(crate::t!(
                        "keys-not-deleted",
                        profile = name.as_str(),
                        reason = e.to_string()
                    ));
                }
                Some(Err(e)) => self.error = Some(e.to_string()),
                None => {}
            }
        }
        changed
    }

    /// Forgets the profile; true when it was the one in use.
    fn profile_deleted(&mut self, work: &Work, name: &str) -> bool {
        self.profiles.remove(name);
        self.session_profiles.remove(name);
        let was_in_use = self
            .connection
            .as_ref()
            .is_some_and(|c| c.profile.name == name);
        if was_in_use {
            self.connection = None;
        }
        self.write_profiles(work);
        self.news = Some(crate::t!("keys-deleted", profile = name));
        was_in_use
    }
}
