//! The selected applicant under the table: the same card as Look up, beside the score
//! history and the status changes the record kept.

use egui::Ui;

use super::super::card::{self, CardContext};
use super::super::command::{Command, Commands};
use super::super::state::AppState;
use super::super::state::applicants::Detail;
use super::super::{messages, theme};
use crate::jobs::record::TrackedApplicant;
use crate::t;

pub fn details_ui(
    ui: &mut Ui,
    state: &AppState,
    row: &TrackedApplicant,
    panel: &mut super::assess::AssessPanel,
    commands: &mut Commands,
) {
    let detail = state.applicants.detail().filter(|d| d.id == row.id);
    ui.horizontal(|ui| {
        if ui
            .button(t!("applicant-untrack"))
            .on_hover_text(t!("applicant-untrack-hint"))
            .clicked()
        {
            commands.push(Command::Untrack(vec![row.id]));
        }
        if detail.is_some_and(|d| d.raw.is_some())
            && ui.button(t!("applicant-export-json")).clicked()
        {
            commands.push(Command::ExportApplicantJson(row.id));
        }
        let compared = state.openings.compared();
        let (text, hint) = if compared.contains(&row.id) {
            (
                t!("applicant-compare-remove"),
                t!("applicant-compare-remove-hint"),
            )
        } else {
            (
                t!("applicant-compare-add"),
                t!("applicant-compare-add-hint"),
            )
        };
        if ui.button(text).on_hover_text(hint).clicked() {
            commands.push(Command::ToggleCompare(row.id));
        }
        if compared.len() >= 2
            && ui
                .button(t!("applicant-compare-show", count = compared.len()))
                .on_hover_text(t!("applicant-compare-show-hint"))
                .clicked()
        {
            commands.push(Command::ShowComparison(true));
        }
        if ui.button(t!("applicant-close")).clicked() {
            commands.push(Command::SelectApplicant(None));
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("applicant-details")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Side by side when both fit; at large text sizes or in a narrow window, one
            // under the other, so the card's bars never run under the chart.
            if ui.available_width() >= SIDE_BY_SIDE {
                ui.columns(2, |cols| {
                    let (left, right) = cols.split_at_mut(1);
                    card_ui(&mut left[0], state, row, detail);
                    side_ui(&mut right[0], state, row, detail, panel, commands);
                });
            } else {
                card_ui(ui, state, row, detail);
                ui.add_space(theme::SECTION_SPACE);
                side_ui(ui, state, row, detail, panel, commands);
            }
        });
}

/// The width under which the card and the assessment stack (in points).
const SIDE_BY_SIDE: f32 = 900.0;

fn card_ui(ui: &mut Ui, state: &AppState, row: &TrackedApplicant, detail: Option<&Detail>) {
    let site = state.connection().map(|c| c.site()).unwrap_or_default();
    match detail {
        None => {
            ui.spinner();
        }
        Some(d) => match &d.applicant {
            Some(applicant) => {
                messages::messages_ui(ui, state, applicant);
                card::applicant_card(
                    ui,
                    applicant,
                    &CardContext {
                        site: &site,
                        openings: state.openings.names(),
                    },
                );
            }
            None => {
                ui.label(t!("applicant-not-fetched", id = row.id.to_string()));
            }
        },
    }
}

/// Your assessment, then the score history and the status changes.
fn side_ui(
    ui: &mut Ui,
    state: &AppState,
    row: &TrackedApplicant,
    detail: Option<&Detail>,
    panel: &mut super::assess::AssessPanel,
    commands: &mut Commands,
) {
    panel.ui(ui, state, row, commands);
    ui.add_space(theme::SECTION_SPACE);
    super::history::history_ui(ui, detail.map(|d| d.history.as_slice()));
}
