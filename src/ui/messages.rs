//! The messages a recruiter copies for a candidate: the invitation, and the reminder for one
//! invited days ago who has not started. Both come from the templates in Settings.

use egui::{RichText, Ui};

use super::state::AppState;
use super::widgets;
use crate::api::{Applicant, Status};
use crate::jobs::messages::{self, Fields};

/// Under an applicant's name: "Invited 4 days ago, not started" with Copy reminder, or the
/// invitation to copy while they are fresh; nothing once they started.
pub fn messages_ui(ui: &mut Ui, state: &AppState, applicant: &Applicant) {
    if applicant.status != Status::Invited || applicant.step.unwrap_or(0) > 0 {
        return;
    }
    let fields = Fields::of(applicant, state.openings.names(), chrono::Utc::now());
    let late = fields.days >= i64::from(state.settings.stale_after_days);
    ui.horizontal_wrapped(|ui| {
        let since = match fields.days {
            0 => "Invited today".to_owned(),
            1 => "Invited yesterday".to_owned(),
            n => format!("Invited {n} days ago"),
        };
        let said = format!("{since}, not started yet");
        if late {
            ui.label(RichText::new(said).strong());
            widgets::copy_made(
                ui,
                "Copy reminder",
                "Copy a reminder to send the candidate, from your template in Settings",
                false,
                || messages::fill(&state.settings.reminder_template, &fields),
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
        "Copy invitation message",
        "Copy a message to send the candidate, from your template in Settings",
        false,
        || {
            let fields = Fields::of(applicant, state.openings.names(), chrono::Utc::now());
            messages::fill(&state.settings.invitation_template, &fields)
        },
    );
}
