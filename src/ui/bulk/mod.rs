//! Bulk invite: load a workbook or CSV (dialog or drag-and-drop), preview every row's
//! verdict, fix or leave out rows, confirm, send with progress, pause, resume, cancel, and
//! read the results.

mod confirm;
mod preview;
mod results;

use egui::Ui;

use super::command::{Command, Commands};
use super::state::AppState;
use super::state::bulk::{PreviewField, Stage};
use super::{theme, widgets};
use crate::t;

/// A preview cell open for editing, and its text as typed.
struct Editing {
    row: usize,
    field: PreviewField,
    text: String,
    /// The field must take the keyboard on the frame it first shows.
    started: bool,
}

#[derive(Default)]
pub struct BulkView {
    opening_for_all: String,
    editing: Option<Editing>,
    /// The results shown: every row, or only those in one state.
    state_filter: Option<&'static str>,
    /// The question before sending is open.
    asking: bool,
}

impl BulkView {
    /// The opening typed for files with no opening column.
    pub fn opening_for_all(&self) -> &str {
        &self.opening_for_all
    }

    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        crate::ui::a11y::heading(ui, t!("bulk-title"));
        if state.connection().is_none() || state.records.is_none() {
            widgets::without_profile(ui, state.keys.connecting(), &t!("bulk-no-profile"));
            return;
        }
        let bulk = &state.bulk;
        if let Some((is_error, text)) = bulk.message() {
            if *is_error {
                widgets::problem(ui, text);
            } else {
                widgets::success_message(ui, &text.sentence);
            }
        }
        interrupted_ui(ui, state, commands);
        match bulk.stage() {
            Stage::Choose | Stage::Loading(_) => self.choose_ui(ui, state, commands),
            Stage::Preview(_) => {
                preview::preview_ui(ui, state, &mut self.editing, &mut self.asking, commands);
            }
            Stage::Sending { .. } | Stage::Results(_) => {
                results::run_ui(ui, state, &mut self.state_filter, commands);
            }
        }
    }

    fn choose_ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        self.editing = None;
        self.asking = false;
        ui.label(t!("bulk-intro"));
        ui.add_space(theme::SPACE);
        ui.horizontal(|ui| {
            let field = widgets::labelled_text_edit(
                ui,
                &t!("bulk-opening-for-all"),
                &mut self.opening_for_all,
                &t!("bulk-opening-for-all-hint"),
                false,
            );
            super::a11y::first_field(&field, super::View::Bulk);
            super::openings_picker::menu_ui(ui, state, &mut self.opening_for_all);
        });
        if !self.opening_for_all.trim().is_empty() {
            super::openings_picker::check_ui(ui, state, &self.opening_for_all);
        }
        ui.add_space(theme::SPACE);
        ui.horizontal(|ui| {
            if ui.button(t!("bulk-choose-file")).clicked() {
                commands.push(Command::ChooseImportFile {
                    opening: self.opening_for_all.clone(),
                });
            }
            if state.bulk.is_loading() {
                ui.spinner();
                ui.label(t!("bulk-reading"));
            }
        });
        if let Some(e) = state.bulk.load_error() {
            widgets::problem(ui, e);
        }
    }
}

/// Imports of this profile that did not finish, each with Resume.
fn interrupted_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    let jobs = state.bulk.interrupted();
    if jobs.is_empty() {
        return;
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        for job in jobs {
            ui.horizontal(|ui| {
                widgets::warning_message(
                    ui,
                    &t!(
                        "bulk-interrupted",
                        file = job.source.as_str(),
                        started = crate::i18n::date_time(job.created_at)
                    ),
                );
                if ui.button(t!("bulk-resume")).clicked() {
                    commands.push(Command::ResumeImport(job.id));
                }
            });
        }
    });
}
