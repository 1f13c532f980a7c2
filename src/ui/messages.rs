//! The messages a recruiter copies for a candidate: the invitation, and the reminder for one
//! invited days ago who has not started. Both come from the templates in Settings.

use egui::{RichText, Ui};

use super::state::AppState;
use super::widgets;
use crate::api::{Applicant, Status};
use crate::jobs::messages::{self, Fields};
use crate::t;

/// Under an applicant's name: "Invited 4 days ago, not started" with Copy reminder, or the
/// invitation to copy while they are fresh; nothing once they started.
pub fn messages_ui(ui: &mut Ui, state: &AppState, applicant: &Applicant) {
    if applicant.status != Status::Invited || applicant.step.unwrap_or(0) > 0 {
        return;
    }
    let fields = Fields::of(applicant, state.openings.names(), chrono::Utc::now());
    let late = fields.days >= i64::from(state.settings.stale_after_days);
    ui.horizontal_wrapped(|ui| {
        let said = t!("applicants-not-started", days = fields.days);
        if late {
            ui.label(RichText::new(said).strong());
            widgets::copy_made(
                ui,
                &t!("applicants-copy-reminder"),
                &t!("applicants-copy-reminder-hint"),
                false,
                || messages::fill(&state.settings.reminder(), &fields),
            );
        } else {
            ui.label(said);
            copy_invitation(ui, state, applicant);
        }
    });
}

/// "Copy invitation message", from the template in Settings.
pub fn copy_invitation(ui: &mut Ui, state: &AppState, applicant: &Applicant) {
    widgets::copy_made(
        ui,
        &t!("applicants-copy-invitation"),
        &t!("applicants-copy-invitation-hint"),
        false,
        || {
            let fields = Fields::of(applicant, state.openings.names(), chrono::Utc::now());
            messages::fill(&state.settings.invitation(), &fields)
        },
    );
}
