//! Look up: the applicant asked for, the one shown, and why a look-up failed.

use super::{Problem, Slot, Work};
use crate::api::{ApiError, Applicant, ApplicantId};
use crate::jobs::keys::Connection;
use crate::jobs::lookup::{self, LookedUp};
use crate::jobs::record::{Kept, Record};
use crate::t;

/// The sentence when a request needs a profile and none is in use.
pub fn no_profile() -> String {
    t!("applicant-no-profile")
}

#[derive(Default)]
pub struct LookUpState {
    slot: Slot<Result<LookedUp, ApiError>>,
    /// The ID asked for, with the site its files are on.
    asked: Option<(u64, String)>,
    /// The last applicant shown, with the site its files are on.
    shown: Option<(Applicant, String)>,
    error: Option<Problem>,
    /// Requests actually sent, for tests that check bad input never reaches the network.
    requests_sent: u64,
    /// The last answer was kept in the record (the Applicants table reads it again).
    kept: bool,
}

impl LookUpState {
    pub fn look_up(
        &mut self,
        work: &Work,
        connection: Option<&Connection>,
        record: Option<Record>,
        id: ApplicantId,
    ) {
        let Some(connection) = connection else {
            self.error = Some(no_profile().into());
            return;
        };
        self.error = None;
        self.asked = Some((id.get(), connection.site()));
        self.requests_sent += 1;
        let client = connection.client.clone();
        self.slot.start(work, async move {
            lookup::look_up(&client, record.as_ref(), id).await
        });
    }

    pub fn cancel(&mut self) {
        self.slot.cancel();
    }

    /// How many answers came so far (a view reacts to a new one).
    pub fn answers(&self) -> u64 {
        self.slot.answers()
    }

    /// Takes in an answer; a problem with keeping it comes back for the status bar.
    pub fn poll(&mut self) -> Option<Problem> {
        if !self.slot.poll() {
            return None;
        }
        let (id, site) = self.asked.take().unwrap_or_default();
        match self.slot.take_answer()? {
            Ok(Ok(looked_up)) => {
                self.shown = Some((looked_up.response.applicant, site));
                self.error = None;
                self.kept = matches!(looked_up.kept, Kept::Yes);
                looked_up.kept.problem().map(|e| {
                    let problem = Problem::record(e);
                    Problem {
                        sentence: t!("applicant-not-saved", problem = problem.sentence),
                        ..problem
                    }
                })
            }
            Ok(Err(e)) => {
                // A failed look-up shows no card: never the previous applicant's.
                self.shown = None;
                self.error = Some(match e {
                    ApiError::NotFound { .. } => Problem {
                        sentence: t!("applicant-not-found", id = id.to_string()),
                        details: e.technical(),
                    },
                    e => Problem::api(&e),
                });
                None
            }
            Err(e) => {
                self.shown = None;
                let id = id.to_string();
                self.error = Some(match e.technical() {
                    None => Problem::new(t!("applicant-lookup-cancelled", id = id)),
                    Some(why) => Problem {
                        sentence: t!("applicant-lookup-crashed", id = id),
                        details: Some(why.to_owned()),
                    },
                });
                None
            }
        }
    }

    /// Whether the last answer went into the record, once.
    pub fn take_kept(&mut self) -> bool {
        std::mem::take(&mut self.kept)
    }

    pub fn in_flight(&self) -> usize {
        usize::from(self.slot.is_running())
    }

    pub fn is_running(&self) -> bool {
        self.slot.is_running()
    }

    /// The ID being looked up, while it is.
    pub fn asked(&self) -> Option<u64> {
        self.asked
            .as_ref()
            .filter(|_| self.slot.is_running())
            .map(|(id, _)| *id)
    }

    pub fn requests_sent(&self) -> u64 {
        self.requests_sent
    }

    /// The applicant shown, and the site its files are on.
    pub fn shown_with_site(&self) -> Option<(&Applicant, &str)> {
        self.shown.as_ref().map(|(a, site)| (a, site.as_str()))
    }

    pub fn shown(&self) -> Option<&Applicant> {
        self.shown.as_ref().map(|(a, _)| a)
    }

    pub fn error(&self) -> Option<&Problem> {
        self.error.as_ref()
    }
}
