//! Invite: the invite under way and what it came to. The job tracks and logs it.

use super::lookup::no_profile;
use super::{Problem, Slot, Work};
use crate::api::{ApiError, Applicant, NewApplicant};
use crate::jobs::invite::{self, Invited};
use crate::jobs::keys::Connection;
use crate::jobs::record::{Record, StoreError};
use crate::ui::settings::Persisted;

#[derive(Default)]
pub struct InviteState {
    slot: Slot<Result<Invited, StoreError>>,
    created: Option<Applicant>,
    server_error: Option<ApiError>,
    /// Why there is no answer (no profile, or the request was stopped).
    interrupted: Option<String>,
    requests_sent: u64,
    problem: Option<Problem>,
}

impl InviteState {
    pub fn invite(
        &mut self,
        work: &Work,
        connection: Option<&Connection>,
        record: Option<Record>,
        new: NewApplicant,
    ) {
        self.server_error = None;
        self.interrupted = None;
        let Some(connection) = connection else {
            self.interrupted = Some(no_profile());
            return;
        };
        if self.slot.is_running() {
            return;
        }
        self.created = None;
        self.requests_sent += 1;
        let client = connection.client.clone();
        self.slot.start(work, async move {
            invite::invite(&client, record.as_ref(), new).await
        });
    }

    pub fn cancel(&mut self) {
        self.slot.cancel();
    }

    /// Takes in an answer; true when the record changed. A created invite's opening is
    /// remembered in the settings, for the next one.
    pub fn poll(&mut self, settings: &mut Persisted) -> bool {
        if !self.slot.poll() {
            return false;
        }
        match self.slot.take_answer() {
            Some(Ok(Err(e))) => {
                // Nothing was sent: the record could not have kept it.
                self.interrupted = Some(e.to_string());
                false
            }
            Some(Ok(Ok(invited))) => {
                let kept = invited.kept.problem().is_none();
                if let Some(e) = invited.kept.problem() {
                    self.problem =
                        Some(Problem::record(e).about(&crate::t!("invite-not-saved-locally")));
                }
                match invited.result {
                    Ok(response) => {
                        self.created = Some(response.applicant);
                        let opening = invited.key.opening().to_owned();
                        let used = &mut settings.openings_used;
                        used.retain(|o| o != &opening);
                        used.insert(0, opening);
                        used.truncate(20);
                    }
                    Err(e) => self.server_error = Some(e),
                }
                kept
            }
            Some(Err(e)) => {
                tracing::warn!("the invite was stopped before an answer came: {e}");
                self.interrupted = Some(crate::t!("invite-interrupted"));
                false
            }
            None => false,
        }
    }

    /// A problem with keeping the invite, once, for the status bar.
    pub fn take_problem(&mut self) -> Option<Problem> {
        self.problem.take()
    }

    pub fn in_flight(&self) -> usize {
        usize::from(self.slot.is_running())
    }

    pub fn is_running(&self) -> bool {
        self.slot.is_running()
    }

    /// How many answers came so far (the form clears on a new success).
    pub fn answers(&self) -> u64 {
        self.slot.answers()
    }

    pub fn requests_sent(&self) -> u64 {
        self.requests_sent
    }

    pub fn created(&self) -> Option<&Applicant> {
        self.created.as_ref()
    }

    pub fn server_error(&self) -> Option<&ApiError> {
        self.server_error.as_ref()
    }

    pub fn interrupted(&self) -> Option<&str> {
        self.interrupted.as_deref()
    }
}
