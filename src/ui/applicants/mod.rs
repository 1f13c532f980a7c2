//! Applicants: everyone this profile invited or looked up, as a sortable, filterable table
//! that refreshes from the API, with the selected applicant's card and history.

mod assess;
mod details;
mod filters;
mod history;
mod table;
mod toolbar;

use egui::{RichText, Ui};

use super::command::{Command, Commands};
use super::state::AppState;
use super::{theme, widgets};
use crate::t;

/// The filter field's id, for Ctrl+F.
pub fn filter_id() -> egui::Id {
    egui::Id::unique("applicants-filter")
}

#[derive(Default)]
pub struct ApplicantsView {
    filter: String,
    track_input: String,
    track_error: Option<String>,
    confirm_untrack: Option<Vec<u64>>,
    /// The rows' scroll offset as last drawn, and the row chosen with the keyboard that must
    /// be brought into view (the table's height may change on the next frames, as the
    /// details open).
    rows_offset: f32,
    keep_in_view: Option<usize>,
    /// The applicant selected when last drawn: one chosen elsewhere (the shortlist, the
    /// comparison) is brought into view once.
    shown_selected: Option<u64>,
    assess: assess::AssessPanel,
}

impl ApplicantsView {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        crate::ui::a11y::heading(ui, t!("applicants-title"));
        if state.connection().is_none() || state.records.is_none() {
            widgets::without_profile(ui, state.keys.connecting(), &t!("applicants-no-profile"));
            if state.records.is_none() {
                widgets::error_message(ui, &t!("applicants-no-database"));
            }
            return;
        }
        let data = &state.applicants;
        if data.options().filter != self.filter && !ui.memory(|m| m.has_focus(filter_id())) {
            // The filter was set from elsewhere (a benchmark, a shortcut): follow it.
            self.filter = data.options().filter.clone();
        }
        toolbar::toolbar_ui(ui, state, self, commands);
        filters::filters_ui(ui, state, commands);
        toolbar::progress_ui(ui, data);
        self.untrack_dialog_ui(ui, commands);
        if let Some(error) = &self.track_error {
            widgets::error_message(ui, error);
        }
        if let Some((is_error, text)) = data.message() {
            if *is_error {
                widgets::problem(ui, text);
            } else {
                widgets::success_message(ui, &text.sentence);
            }
        }
        ui.separator();
        if data.rows().is_empty() {
            if data.is_arranging() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(t!("applicants-reading"));
                });
            } else {
                ui.label(RichText::new(t!("applicants-none-yet")).italics());
            }
            return;
        }
        let selected_row = data.selected_row();
        let table_height = if selected_row.is_some() {
            (ui.available_height() * 0.45).max(160.0)
        } else {
            ui.available_height()
        };
        let keyboard = self.keyboard_row(ui, state);
        if keyboard.is_some() {
            self.keep_in_view = keyboard;
        } else if data.selected() != self.shown_selected
            && let Some(id) = data.selected()
        {
            // Only when the selection changed: finding the row is a scan of the order.
            self.keep_in_view = data
                .order()
                .iter()
                .position(|&i| data.rows()[i as usize].id == id);
        }
        self.shown_selected = data.selected();
        let scroll_to = self.scroll_to(table_height);
        let out = ui
            .allocate_ui(egui::vec2(ui.available_width(), table_height), |ui| {
                table::table_ui(ui, data, &state.openings, keyboard, scroll_to)
            })
            .inner;
        self.rows_offset = out.offset;
        if let Some(options) = out.sort {
            commands.push(Command::ApplicantsOptions(options));
        }
        if let Some(id) = out.select {
            commands.push(Command::SelectApplicant(Some(id)));
        }
        if let Some(row) = selected_row {
            ui.separator();
            details::details_ui(ui, state, row, &mut self.assess, commands);
        }
    }

    /// The offset that brings the row chosen with the keyboard into view, kept until a frame
    /// finds it in view.
    fn scroll_to(&mut self, height: f32) -> Option<f32> {
        let row_height = theme::ROW_HEIGHT;
        // The header takes a row of the table's height.
        let height = height - row_height - 4.0;
        let index = self.keep_in_view?;
        let (top, bottom) = (index as f32 * row_height, (index + 1) as f32 * row_height);
        let to = if top < self.rows_offset {
            Some(top)
        } else if bottom > self.rows_offset + height {
            Some(bottom - height)
        } else {
            None
        };
        if to.is_none() {
            self.keep_in_view = None;
        }
        to
    }

    /// The row ↑ ↓ Home or End asks for this frame (in the visible order), when no field
    /// has the keyboard and no dialog is open.
    fn keyboard_row(&self, ui: &Ui, state: &AppState) -> Option<usize> {
        let data = &state.applicants;
        let last = data.order().len().checked_sub(1)?;
        if self.confirm_untrack.is_some() || ui.memory(|m| m.focused().is_some()) {
            return None;
        }
        let (up, down, home, end) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::ArrowUp),
                i.key_pressed(egui::Key::ArrowDown),
                i.key_pressed(egui::Key::Home),
                i.key_pressed(egui::Key::End),
            )
        });
        if !(up || down || home || end) {
            return None;
        }
        // Only on a key press: finding the selected row is a scan of the order.
        let current = data.selected().and_then(|id| {
            data.order()
                .iter()
                .position(|&i| data.rows()[i as usize].id == id)
        });
        Some(match (current, home, end, down) {
            (_, true, _, _) => 0,
            (_, _, true, _) => last,
            (Some(at), _, _, true) => (at + 1).min(last),
            (Some(at), _, _, false) => at.saturating_sub(1),
            (None, _, _, true) => 0,
            (None, _, _, false) => last,
        })
    }

    fn untrack_dialog_ui(&mut self, ui: &mut Ui, commands: &mut Commands) {
        let Some(ids) = self.confirm_untrack.clone() else {
            return;
        };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("confirm-untrack")).show(ui.ctx(), |ui| {
            crate::ui::a11y::heading(ui, t!("applicants-untrack-title", count = ids.len()));
            ui.label(t!("applicants-untrack-body"));
            ui.add_space(theme::SPACE);
            ui.horizontal(|ui| {
                if ui.button(t!("applicants-untrack")).clicked() {
                    commands.push(Command::Untrack(ids.clone()));
                    close = true;
                }
                if ui.button(t!("applicants-cancel")).clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.confirm_untrack = None;
        }
    }
}
