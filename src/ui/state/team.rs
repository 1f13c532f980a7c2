//! The team database, from the window: the record of a profile that names one, opened in the
//! background; saving a profile's team database (its password to the keyring); copying this
//! computer's record into it. While the team database cannot be opened, the profile has no
//! record in the window: nothing is kept, and the reason is said once.

use std::sync::Arc;

use super::{Problem, Slot, Work};
use crate::jobs::keys::{Profile, SecretStore, SecretString};
use crate::jobs::record::{Record, Records};
use crate::jobs::team;

#[derive(Default)]
pub struct TeamState {
    /// The team record that is open, and the address it is for.
    open: Option<(String, Records)>,
    opening: Slot<Result<Records, Problem>>,
    opening_url: Option<String>,
    /// An address that could not be opened: not tried again until it is saved again.
    failed: Option<String>,
    work: Slot<Result<String, Problem>>,
    message: Option<(bool, Problem)>,
}

impl TeamState {
    /// The team record of `profile`, when it names one: `Some(None)` while it is not open.
    pub fn record_for(&self, profile: Option<&Profile>) -> Option<Option<Record>> {
        let profile = profile?;
        let url = profile.team_db.as_deref()?;
        Some(
            self.open
                .as_ref()
                .filter(|(open, _)| open == url)
                .map(|(_, records)| records.for_profile(&profile.name)),
        )
    }

    pub fn is_busy(&self) -> bool {
        self.opening.is_running() || self.work.is_running()
    }

    pub fn message(&self) -> Option<&(bool, Problem)> {
        self.message.as_ref()
    }

    /// Opens the team database the profile in use names, once; answers a problem to say.
    pub fn poll(
        &mut self,
        work: &Work,
        keyring: Option<Arc<dyn SecretStore>>,
        profile: Option<&Profile>,
    ) -> Option<Problem> {
        if let Some((_, said)) = self.work.take_said() {
            self.message = Some((false, said));
        }
        if self.opening.poll() {
            match self.opening.take_answer() {
                Some(Ok(Ok(records))) => {
                    self.open = self.opening_url.take().map(|url| (url, records));
                }
                Some(Ok(Err(problem))) => {
                    self.failed = self.opening_url.take();
                    return Some(problem);
                }
                Some(Err(e)) => {
                    self.failed = self.opening_url.take();
                    return Some(e.to_string().into());
                }
                None => {}
            }
        }
        let url = profile.and_then(|p| p.team_db.clone())?;
        let wanted = self.open.as_ref().is_none_or(|(open, _)| *open != url)
            && !self.opening.is_running()
            && self.failed.as_deref() != Some(url.as_str());
        if wanted && let Some(profile) = profile.cloned() {
            self.opening_url = Some(url);
            self.opening.start(work, async move {
                team::open_record(keyring, &profile, None)
                    .await
                    .map(|opened| opened.records)
                    .map_err(|e| Problem {
                        sentence: e.to_string(),
                        details: e.technical().map(str::to_owned),
                    })
            });
        }
        None
    }

    /// The profile's team database was saved (or changed): it is opened again.
    pub fn forget(&mut self) {
        self.open = None;
        self.failed = None;
    }

    /// Keeps the password in the keyring beside the profile's key.
    pub fn save_password(
        &mut self,
        work: &Work,
        keyring: Option<Arc<dyn SecretStore>>,
        profile: &str,
        password: SecretString,
    ) {
        let Some(keyring) = keyring else {
            self.message = Some((true, crate::t!("team-window-no-keyring").into()));
            return;
        };
        let profile = profile.to_owned();
        self.work.start(work, async move {
            team::save_password(keyring, &profile, password)
                .await
                .map(|()| crate::t!("team-window-saved"))
                .map_err(|e| Problem::keyring(&e))
        });
    }

    /// Copies this computer's record of the profile into its team database.
    pub fn push(&mut self, work: &Work, local: Option<Record>, shared: Option<Record>) {
        let (Some(local), Some(shared)) = (local, shared) else {
            self.message = Some((true, crate::t!("team-window-not-open").into()));
            return;
        };
        self.message = None;
        self.work.start(work, async move {
            team::push(&local, &shared)
                .await
                .map(|p| {
                    crate::t!(
                        "team-window-pushed",
                        new = p.new_applicants,
                        local = p.local,
                        rows = p.rows
                    )
                })
                .map_err(|e| Problem::record(&e))
        });
    }
}
