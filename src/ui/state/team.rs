//! The team database, from the window: the record of a profile that names one, opened in the
//! background; saving a profile's team database (its password to the keyring); copying this
//! computer's record into it. While the team database is out of reach, the window reads this
//! computer's copy of what it last read, read only, and tries again every half minute; with
//! no copy, the profile has no record in the window. Either way nothing is sent that could
//! not be recorded, and the reason is said once.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::{Problem, Slot, Work};
use crate::jobs::keys::{Profile, SecretStore, SecretString};
use crate::jobs::record::{ReadOnly, Record, Records, StoreError};
use crate::jobs::team;

/// The copy of the team record is written again after a refresh run at most this often: each
/// copy reads the whole record (the JSON as received included) into memory for a moment.
const COPY_AT_MOST_EVERY: Duration = Duration::from_secs(30 * 60);
/// How long to wait before trying an unreachable team database again.
const TRY_AGAIN_AFTER: Duration = Duration::from_secs(30);

/// What trying to open the team database came to.
enum Opening {
    Live(Records),
    /// Out of reach: this computer's copy, and why.
    LastRead(Records, Problem),
    /// Out of reach, and no copy.
    Unreachable(Problem),
    /// Refused (address, user, password): not tried again until it is saved again.
    Refused(Problem),
}

#[derive(Default)]
pub struct TeamState {
    /// The team record that is open (the live one, or the copy), and the address it is for.
    open: Option<(String, Records)>,
    opening: Slot<Opening>,
    opening_url: Option<String>,
    /// An address that was refused: not tried again until it is saved again.
    failed: Option<String>,
    /// Out of reach, said once: tried again quietly until it answers.
    out_of_reach: Option<String>,
    /// The record in the window changed (opened, or the copy replaced by the live one).
    switched: bool,
    keeping: Slot<Result<usize, StoreError>>,
    /// When the copy was last written, and the refresh runs counted then.
    kept: Option<(Instant, u64)>,
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

    /// Why the team record in the window can be read but not written, when that is so.
    pub fn read_only(&self, profile: Option<&Profile>) -> Option<&ReadOnly> {
        let url = profile?.team_db.as_deref()?;
        let (open, records) = self.open.as_ref()?;
        (open == url).then(|| records.read_only()).flatten()
    }

    pub fn is_busy(&self) -> bool {
        (self.opening.is_running() && self.out_of_reach.is_none()) || self.work.is_running()
    }

    pub fn message(&self) -> Option<&(bool, Problem)> {
        self.message.as_ref()
    }

    /// True once after the record in the window changed: what is shown is read again.
    pub fn take_switched(&mut self) -> bool {
        std::mem::take(&mut self.switched)
    }

    /// Opens the team database the profile in use names, once (and again every half minute
    /// while it is out of reach); answers a problem to say.
    pub fn poll(
        &mut self,
        work: &Work,
        keyring: Option<Arc<dyn SecretStore>>,
        profile: Option<&Profile>,
        data_dir: Option<&Path>,
    ) -> Option<Problem> {
        if let Some((_, said)) = self.work.take_said() {
            self.message = Some((false, said));
        }
        if self.keeping.poll()
            && let Some(Ok(Err(e))) = self.keeping.take_answer()
        {
            tracing::warn!(
                "the copy of the team record was not written: {}",
                e.technical().unwrap_or_default()
            );
        }
        let mut said = None;
        if self.opening.poll()
            && let Some(answer) = self.opening.take_answer()
        {
            said = self.opened(answer);
        }
        let url = profile.and_then(|p| p.team_db.clone())?;
        let live = self
            .open
            .as_ref()
            .is_some_and(|(open, r)| *open == url && r.read_only().is_none_or(|r| !is_copy(r)));
        // Not while a password is being saved: the opening reads it from the keyring.
        let wanted = !live
            && !self.opening.is_running()
            && !self.work.is_running()
            && self.failed.as_deref() != Some(url.as_str());
        if wanted && let Some(profile) = profile.cloned() {
            let wait =
                (self.out_of_reach.as_deref() == Some(url.as_str())).then_some(TRY_AGAIN_AFTER);
            // The copy already shown is not opened again on each try.
            let showing_copy = self.open.as_ref().is_some_and(|(open, _)| *open == url);
            let data_dir = data_dir.filter(|_| !showing_copy).map(Path::to_path_buf);
            self.opening_url = Some(url);
            self.opening
                .start(work, open(keyring, profile, data_dir, wait));
        }
        said
    }

    /// Takes in what opening came to; answers what to say (once per address).
    fn opened(&mut self, answer: crate::jobs::Outcome<Opening>) -> Option<Problem> {
        let url = self.opening_url.take()?;
        let first_time = self.out_of_reach.as_deref() != Some(url.as_str());
        match answer {
            Ok(Opening::Live(records)) => {
                self.open = Some((url, records));
                self.out_of_reach = None;
                self.switched = true;
                self.kept = None;
                None
            }
            Ok(Opening::LastRead(records, problem)) => {
                self.out_of_reach = Some(url.clone());
                self.open = Some((url, records));
                self.switched = true;
                first_time.then_some(problem)
            }
            Ok(Opening::Unreachable(problem)) => {
                self.out_of_reach = Some(url);
                first_time.then_some(problem)
            }
            Ok(Opening::Refused(problem)) => {
                self.failed = Some(url);
                Some(problem)
            }
            Err(e) => {
                self.failed = Some(url);
                Some(e.to_string().into())
            }
        }
    }

    /// Writes this computer's copy of the team record: once it is open, then after a refresh
    /// run (`runs` counts them) when the copy is half an hour old.
    pub fn keep_copy(&mut self, work: &Work, data_dir: Option<&Path>, runs: u64) {
        let Some((url, records)) = &self.open else {
            return;
        };
        let due = self
            .kept
            .is_none_or(|(at, seen)| seen != runs && at.elapsed() >= COPY_AT_MOST_EVERY);
        if records.read_only().is_some() || self.keeping.is_running() || !due {
            return;
        }
        let Some(data_dir) = data_dir else {
            return;
        };
        self.kept = Some((Instant::now(), runs));
        let path = team::last_read_path(data_dir, url);
        let record = records.for_profile(team::team_record_name());
        self.keeping.start(
            work,
            async move { team::keep_last_read(&record, path).await },
        );
    }

    /// The profile's team database was saved (or changed): it is opened again.
    pub fn forget(&mut self) {
        self.open = None;
        self.failed = None;
        self.out_of_reach = None;
        self.opening.cancel();
        self.opening_url = None;
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

/// Whether a record is this computer's copy (not the team database itself).
fn is_copy(read_only: &ReadOnly) -> bool {
    matches!(read_only, ReadOnly::LastRead { .. })
}

/// Opens the team database (after `wait`, when trying again); out of reach, this computer's
/// copy of what it last held.
async fn open(
    keyring: Option<Arc<dyn SecretStore>>,
    profile: Profile,
    data_dir: Option<PathBuf>,
    wait: Option<Duration>,
) -> Opening {
    if let Some(wait) = wait {
        tokio::time::sleep(wait).await;
    }
    let e = match team::open_record(keyring, &profile, None).await {
        Ok(opened) => return Opening::Live(opened.records),
        Err(e) => e,
    };
    let problem = Problem {
        sentence: e.to_string(),
        details: e.technical().map(str::to_owned),
    };
    if !e.is_unreachable() {
        return Opening::Refused(problem);
    }
    let url = profile.team_db.unwrap_or_default();
    match data_dir {
        Some(dir) => match team::open_last_read(dir, url).await {
            Some(copy) => {
                let sentence = copy
                    .read_only()
                    .map(|r| r.refusal().to_string())
                    .unwrap_or_default();
                Opening::LastRead(
                    copy,
                    Problem {
                        sentence,
                        details: problem.details,
                    },
                )
            }
            None => Opening::Unreachable(problem),
        },
        None => Opening::Unreachable(problem),
    }
}
