//! What a view (or a shortcut) asks of the app. Views draw from a read-only state and push
//! commands; `DashboardApp::apply` carries them out once per frame, after the views drew.

use std::path::PathBuf;

use super::settings::{Persisted, View};
use super::state::applicants::ViewOptions;
use super::state::assess::Assessment;
use super::state::bulk::PreviewField;
use crate::api::{ApplicantId, NewApplicant};
use crate::jobs::export::TableFormat;
use crate::jobs::keys::{Profile, SecretString};

pub enum Command {
    // Where the recruiter is.
    ShowView(View),
    /// Look up, with the ID field focused (Ctrl+L).
    FocusLookUp,
    /// Invite, with the email field focused (Ctrl+N).
    NewInvite,
    /// Applicants, with the filter focused (Ctrl+F).
    FocusFilter,
    ToggleHelp,
    ToggleAbout,
    Quit,
    /// Esc: stop the requests in flight and close the help and About windows.
    Escape,
    DismissNotice,
    /// Tell the recruiter something went well (a copy, say).
    Tell(String),

    // Profiles and keys.
    UseProfile(String),
    SaveProfile {
        profile: Profile,
        key: SecretString,
    },
    /// Save the key the server refused, as the recruiter asked.
    SaveProfileAnyway,
    /// The profile in use keeps its record in this team database (`None`: the local file);
    /// its password, when given, goes to the keyring.
    SetTeamDb {
        url: Option<String>,
        password: Option<SecretString>,
    },
    /// Copy this computer's record of the profile in use to its team database.
    PushToTeam,
    /// Keep the key the keyring refused for this session only.
    KeepKeyForSession,
    /// The add or replace form was closed: forget a key waiting there.
    ForgetPendingKey,
    VerifyKey,
    DeleteProfile(String),
    StartDemo,

    // Look up.
    LookUp(ApplicantId),
    CancelLookUp,

    // Invite.
    Invite(NewApplicant),

    // Applicants.
    /// Read the tracked applicants from the record again.
    ReloadApplicants,
    ApplicantsOptions(ViewOptions),
    SelectApplicant(Option<u64>),
    Track(ApplicantId),
    Untrack(Vec<u64>),
    /// These applicants again, or every tracked one.
    Refresh(Option<Vec<u64>>),
    CancelRefresh,
    /// The rows shown, in their order, to a CSV or XLSX file the recruiter chooses.
    ExportApplicants {
        ids: Vec<u64>,
        format: TableFormat,
    },
    /// One applicant's JSON as received, to a file.
    ExportApplicantJson(u64),

    // Bulk invite.
    /// Read this file into a preview; with no opening column, `opening` fills every row.
    OpenImport {
        path: PathBuf,
        opening: String,
    },
    /// Ask for a file with the platform's dialog, then open it.
    ChooseImportFile {
        opening: String,
    },
    EditPreview {
        row: usize,
        field: PreviewField,
        text: String,
    },
    LeaveOut {
        row: usize,
        excluded: bool,
    },
    SendImport,
    PauseImport,
    CancelImport,
    /// Go on with a paused job.
    ContinueImport,
    /// Pick up a job that did not finish when the app stopped.
    ResumeImport(i64),
    RetryFailed,
    ResendUnknown,
    MarkUnknownDone,
    ExportResults(TableFormat),
    /// Read the previewed file again: another sheet, or another character set.
    ReadImportAs {
        sheet: Option<String>,
        encoding: Option<&'static encoding_rs::Encoding>,
    },
    NewImport,
    SetImportConcurrency(usize),

    // Openings and the shortlist.
    /// Show this opening's shortlist (`Some(None)`: applicants whose opening is not known
    /// yet), or none.
    ChooseOpening(Option<Option<u64>>),
    ShortlistFilter {
        scored_only: bool,
        top: Option<usize>,
    },
    WeighOpening {
        id: u64,
        skill_weight: f64,
    },
    NameOpening {
        id: u64,
        name: String,
        title: Option<String>,
    },
    /// Add an applicant to the comparison, or take them out.
    ToggleCompare(u64),
    ShowComparison(bool),
    ClearComparison,
    /// Show these applicants in Applicants (one opening's, say).
    ShowApplicant(u64),
    /// Applicants, filtered to this opening's invited candidates who have not started.
    ShowStale(Option<u64>),

    // What the recruiter decides of an applicant.
    Assess {
        id: u64,
        change: Assessment,
    },

    // Settings.
    ChangeSettings(Persisted),
}

/// The commands of one frame, in the order they were sent.
#[derive(Default)]
pub struct Commands {
    queue: Vec<Command>,
}

impl Commands {
    pub fn push(&mut self, command: Command) {
        self.queue.push(command);
    }

    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    pub(super) fn take(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.queue)
    }
}
