//! What the views read: the work the app runs for the recruiter and what came of it. Only
//! `DashboardApp::apply` (through the methods here) starts work; each frame `poll` folds
//! what finished into the state. Views never change it.

pub mod applicants;
pub mod assess;
pub mod bulk;
pub mod invite;
pub mod keys;
pub mod lookup;
pub mod openings;
mod slot;
pub mod team;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use tokio::runtime::Handle;

use super::settings::Persisted;
use crate::api::ClientOptions;
use crate::jobs::Wake;
use crate::jobs::keys::Connection;
use crate::jobs::record::{Record, RecordOpening, Records};
pub use slot::Slot;

/// Where the app keeps things on this computer (never a key), for the About window.
#[derive(Clone, Debug, Default)]
pub struct AppPaths {
    pub profiles: Option<PathBuf>,
    pub database: Option<PathBuf>,
    pub logs: Option<PathBuf>,
}

/// Something that went wrong, as the recruiter reads it: one sentence with the next step,
/// and what support needs (HTTP status, server ids, library text) behind "Details".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub sentence: String,
    pub details: Option<String>,
}

impl Problem {
    pub fn new(sentence: impl Into<String>) -> Problem {
        Problem {
            sentence: sentence.into(),
            details: None,
        }
    }

    pub fn api(e: &crate::api::ApiError) -> Problem {
        Problem {
            sentence: e.to_string(),
            details: e.technical(),
        }
    }

    pub fn record(e: &crate::jobs::record::StoreError) -> Problem {
        Problem {
            sentence: e.to_string(),
            details: e.technical().map(str::to_owned),
        }
    }

    pub fn keyring(e: &crate::jobs::keys::KeyStoreError) -> Problem {
        Problem {
            sentence: e.to_string(),
            details: e.technical().map(str::to_owned),
        }
    }

    /// The same problem, said of something (`"Not saved locally"`).
    pub fn about(mut self, what: &str) -> Problem {
        self.sentence = format!("{what}: {}", self.sentence);
        self
    }
}

impl From<String> for Problem {
    fn from(sentence: String) -> Problem {
        Problem::new(sentence)
    }
}

impl From<&str> for Problem {
    fn from(sentence: &str) -> Problem {
        Problem::new(sentence)
    }
}

/// A short message at the bottom of the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub problem: Problem,
    pub is_error: bool,
}

/// The help and About windows.
#[derive(Clone, Copy, Debug, Default)]
pub struct Windows {
    pub help: bool,
    pub about: bool,
}

/// What starting work needs: the runtime, and how to wake the window when it is done.
#[derive(Clone)]
pub struct Work {
    pub runtime: Handle,
    pub wake: Wake,
    ctx: Arc<OnceLock<egui::Context>>,
}

impl Work {
    pub fn new(runtime: Handle) -> Work {
        let ctx: Arc<OnceLock<egui::Context>> = Arc::new(OnceLock::new());
        let repaint = ctx.clone();
        Work {
            runtime,
            wake: Arc::new(move || {
                if let Some(ctx) = repaint.get() {
                    ctx.request_repaint();
                }
            }),
            ctx,
        }
    }

    /// The window's context, once it has one (the first frame).
    pub fn attach(&self, ctx: &egui::Context) {
        let _ = self.ctx.set(ctx.clone());
    }
}

/// Everything the views read.
pub struct AppState {
    pub work: Work,
    pub settings: Persisted,
    pub client_options: ClientOptions,
    pub keys: keys::KeysState,
    pub records: Option<Records>,
    /// The local record while it opens on its own thread (the first frame does not wait).
    pub record_opening: Option<RecordOpening>,
    pub lookup: lookup::LookUpState,
    pub invite: invite::InviteState,
    pub applicants: applicants::ApplicantsState,
    pub bulk: bulk::BulkState,
    pub openings: openings::OpeningsState,
    pub assess: assess::AssessState,
    pub team: team::TeamState,
    /// The demo's record being filled with the seeded applicants (once per demo).
    pub demo_fill: Slot<Result<usize, crate::jobs::record::StoreError>>,
    pub notice: Option<Notice>,
    pub paths: AppPaths,
    pub windows: Windows,
}

impl AppState {
    /// Once the local record has opened: a damaged file moved aside is said; a record that
    /// could not be opened is given up for the session, in words.
    fn poll_record_opening(&mut self) {
        let Some(opened) = self.record_opening.as_ref().and_then(RecordOpening::poll) else {
            return;
        };
        self.record_opening = None;
        match opened {
            Ok(None) => {}
            Ok(Some(notice)) => self.warn(Problem {
                sentence: notice,
                details: None,
            }),
            Err(e) => {
                self.records = None;
                self.warn(Problem {
                    sentence: crate::t!("cli-record-unavailable-window", problem = e.to_string()),
                    details: e.technical().map(str::to_owned),
                });
                self.applicants.reload();
            }
        }
    }

    pub fn connection(&self) -> Option<&Connection> {
        self.keys.connection()
    }

    /// The record of the profile in use: its team database's when it names one (none until
    /// that is open), else the local one.
    pub fn record(&self) -> Option<Record> {
        let name = &self.connection()?.profile.name;
        if let Some(team) = self.team.record_for(self.keys.profiles.get(name)) {
            return team;
        }
        let records = self.records.as_ref()?;
        Some(records.for_profile(name))
    }

    /// Why nothing may be sent now, when that is so: the profile in use keeps its record in a
    /// team database that is not open, or only its copy is (nothing sent could be recorded).
    pub fn sending_refused(&self) -> Option<String> {
        let profile = self.keys.profiles.get(&self.connection()?.profile.name);
        match self.team.record_for(profile)? {
            None => Some(crate::t!("team-window-not-recorded")),
            Some(_) => self.read_only().map(|r| r.refusal().to_string()),
        }
    }

    /// Why the record in the window can be read but not written, when that is so.
    pub fn read_only(&self) -> Option<&crate::jobs::record::ReadOnly> {
        let profile = self.keys.profiles.get(&self.connection()?.profile.name);
        self.team.read_only(profile)
    }

    /// The folder the local record is in (this computer's copy of a team record goes there).
    fn data_dir(&self) -> Option<&std::path::Path> {
        self.paths.database.as_deref()?.parent()
    }

    /// This computer's record of the profile in use, whatever the profile names.
    pub fn local_record(&self) -> Option<Record> {
        let records = self.records.as_ref()?;
        Some(records.for_profile(&self.connection()?.profile.name))
    }

    /// Requests in flight across the app, for the status bar.
    pub fn requests_in_flight(&self) -> usize {
        self.lookup.in_flight()
            + self.invite.in_flight()
            + self.keys.in_flight()
            + self.applicants.in_flight()
            + self.bulk.in_flight()
            + self.openings.in_flight()
            + self.assess.in_flight()
    }

    pub fn tell(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            problem: Problem::new(text),
            is_error: false,
        });
    }

    pub fn warn(&mut self, problem: impl Into<Problem>) {
        self.notice = Some(Notice {
            problem: problem.into(),
            is_error: true,
        });
    }

    /// Folds what finished since the last frame into the state.
    pub fn poll(&mut self) {
        self.poll_record_opening();
        let connection = self.keys.poll(&self.work, &self.client_options);
        if let Some(problem) = self.keys.take_problem() {
            self.warn(problem);
        }
        if let Some(text) = self.keys.take_news() {
            self.tell(text);
        }
        if connection {
            self.connection_changed();
        }
        let profile = self
            .connection()
            .and_then(|c| self.keys.profiles.get(&c.profile.name))
            .cloned();
        let data_dir = self.data_dir().map(std::path::Path::to_path_buf);
        if let Some(problem) = self.team.poll(
            &self.work,
            self.keys.secret_store(),
            profile.as_ref(),
            data_dir.as_deref(),
        ) {
            self.warn(problem);
        }
        if self.team.take_switched() {
            // The team database opened (or its copy gave way to it): read from it.
            self.connection_changed();
            self.applicants.reload();
            self.openings.reload();
        }
        let record = self.record();
        if let Some(problem) = self.lookup.poll() {
            self.warn(problem);
        }
        let invited = self.invite.poll(&mut self.settings);
        if invited {
            self.applicants.reload();
            self.openings.reload();
        }
        if let Some(problem) = self.invite.take_problem() {
            self.warn(problem);
        }
        if self.lookup.take_kept() {
            self.applicants.reload();
        }
        if self.bulk.poll(&self.work, record.as_ref()) {
            self.applicants.reload();
            self.openings.reload();
        }
        self.assess.poll(&self.work, record.as_ref());
        if let Some((_, forgotten)) = self.assess.take_landed() {
            self.applicants.assessed(forgotten);
        }
        if self.demo_fill.poll() {
            match self.demo_fill.take_answer() {
                Some(Ok(Ok(_))) => {
                    self.openings.reload();
                    self.applicants.refresh(None);
                }
                Some(Ok(Err(e))) => self.warn(Problem::record(&e)),
                Some(Err(e)) => self.warn(e.to_string()),
                None => {}
            }
        }
        self.applicants.poll(&self.work, record.as_ref());
        self.team.keep_copy(
            &self.work,
            data_dir.as_deref(),
            self.applicants.runs_ended(),
        );
        self.openings.poll(
            &self.work,
            record.as_ref(),
            self.applicants.shared_rows(),
            self.applicants.generation(),
        );
    }

    /// A new profile is in use (or none): the refresh, the bulk invite and the table follow.
    pub fn connection_changed(&mut self) {
        // A record read only cannot keep what a refresh brings: none runs.
        let target = self
            .connection()
            .zip(self.record())
            .filter(|_| self.read_only().is_none())
            .map(|(c, record)| crate::jobs::refresh::Target {
                client: c.client.clone(),
                record,
            });
        self.applicants.set_target(target);
        let record = self.record();
        self.bulk.profile_changed(&self.work, record.as_ref());
        let demo = self
            .connection()
            .is_some_and(|c| c.profile.name == crate::jobs::demo::DEMO_PROFILE);
        if demo
            && self.keys.has_demo()
            && self.demo_fill.answers() == 0
            && !self.demo_fill.is_running()
            && let Some(record) = record
        {
            self.demo_fill.start(&self.work, async move {
                crate::jobs::demo::fill_record(&record).await
            });
        }
    }
}
