//! Openings: one row per opening with its funnel and median scores; the opening selected
//! shows its score distribution, how its overall score is weighed, and its shortlist, from
//! which two to four applicants can be compared.

mod chart;
mod list;
mod shortlist;

pub use shortlist::{flags_text, recruiter_text};

use egui::{RichText, Ui};

use super::command::{Command, Commands};
use super::state::AppState;
use super::{theme, widgets};
use crate::boundary::terminal::visible;
use crate::t;

/// What the recruiter is typing here: an opening being named, and the "top N" field.
#[derive(Default)]
pub struct OpeningsView {
    /// The opening ID being named, its name and title as typed.
    naming: Option<(u64, String, String)>,
    top: String,
}

impl OpeningsView {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        crate::ui::a11y::heading(ui, t!("openings-title"));
        if state.connection().is_none() || state.records.is_none() {
            widgets::without_profile(ui, state.keys.connecting(), &t!("openings-no-profile"));
            return;
        }
        let data = &state.openings;
        if let Some((is_error, problem)) = data.message() {
            if *is_error {
                widgets::problem(ui, problem);
            } else {
                widgets::success_message(ui, &problem.sentence);
            }
        }
        if data.summaries().is_empty() {
            ui.label(RichText::new(t!("openings-none")).italics());
            return;
        }
        if data.selected().is_none() {
            ui.label(RichText::new(t!("openings-choose")).weak());
        }
        // The rows and their header, up to a third of the view when one is open.
        let rows_height = (data.summaries().len() as f32 + 1.5) * theme::ROW_HEIGHT + 8.0;
        let list_height = match data.selected() {
            Some(_) => rows_height.min((ui.available_height() * 0.3).max(90.0)),
            None => ui.available_height(),
        };
        ui.allocate_ui(egui::vec2(ui.available_width(), list_height), |ui| {
            list::list_ui(ui, data, commands);
        });
        let Some(opening) = data.selected() else {
            return;
        };
        ui.separator();
        self.heading_ui(ui, opening, data.names(), commands);
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(ui.available_width() * 0.5);
                chart::funnel_ui(ui, opening);
                chart::weight_ui(ui, opening, commands);
            });
            chart::histogram_ui(ui, opening);
        });
        ui.add_space(theme::SPACE);
        shortlist::toolbar_ui(ui, state, &mut self.top, commands);
        shortlist::shortlist_ui(ui, state, commands);
    }

    /// The opening's name and title, and naming it by hand.
    fn heading_ui(
        &mut self,
        ui: &mut Ui,
        opening: &crate::jobs::openings::OpeningSummary,
        names: &crate::jobs::openings::OpeningNames,
        commands: &mut Commands,
    ) {
        ui.horizontal(|ui| {
            ui.label(RichText::new(visible(&opening.label)).heading().strong());
            if let Some(id) = opening.id {
                let name = opening.name.clone().unwrap_or_default();
                let shown = if name.is_empty() || name == id.to_string() {
                    t!("openings-id-unnamed", id = id.to_string())
                } else {
                    let name = visible(&name).into_owned();
                    t!("openings-id-named", name = name, id = id.to_string())
                };
                ui.label(RichText::new(shown).weak())
                    .on_hover_text(t!("openings-id-hint"));
                if self.naming.as_ref().is_none_or(|(at, ..)| *at != id)
                    && ui
                        .button(t!("openings-name-button"))
                        .on_hover_text(t!("openings-name-button-hint"))
                        .clicked()
                {
                    let title = names
                        .get(id)
                        .and_then(|o| o.title.clone())
                        .unwrap_or_default();
                    let name = if name == id.to_string() {
                        String::new()
                    } else {
                        name
                    };
                    self.naming = Some((id, name, title));
                }
            }
            if opening.stale > 0
                && ui
                    .button(t!("openings-stale", count = opening.stale))
                    .on_hover_text(t!("openings-stale-hint"))
                    .clicked()
            {
                commands.push(Command::ShowStale(opening.id));
            }
            if ui
                .button(t!("openings-close"))
                .on_hover_text(t!("openings-close-hint"))
                .clicked()
            {
                commands.push(Command::ChooseOpening(None));
                self.naming = None;
            }
        });
        self.naming_ui(ui, commands);
    }

    fn naming_ui(&mut self, ui: &mut Ui, commands: &mut Commands) {
        let Some((id, name, title)) = self.naming.as_mut() else {
            return;
        };
        let mut done = false;
        widgets::labelled_text_edit(
            ui,
            &t!("openings-name-label"),
            name,
            &t!("openings-name-hint"),
            false,
        );
        widgets::labelled_text_edit(
            ui,
            &t!("openings-title-label"),
            title,
            &t!("openings-title-hint"),
            false,
        );
        ui.horizontal(|ui| {
            let ready = !name.trim().is_empty();
            if ui
                .add_enabled(ready, egui::Button::new(t!("openings-save-name")))
                .on_disabled_hover_text(t!("openings-save-name-hint"))
                .clicked()
            {
                commands.push(Command::NameOpening {
                    id: *id,
                    name: name.trim().to_owned(),
                    title: Some(title.trim().to_owned()).filter(|t| !t.is_empty()),
                });
                done = true;
            }
            if ui.button(t!("openings-cancel")).clicked() {
                done = true;
            }
        });
        if done {
            self.naming = None;
        }
    }
}
