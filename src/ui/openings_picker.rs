//! Choosing an opening where one is typed (Invite, Bulk invite): the openings this profile
//! knows, by name and title, and a word when what was typed needs a second look.

use egui::Ui;

use super::state::AppState;
use super::{theme, widgets};
use crate::t;

/// The openings this profile knows (by name, with their titles) and those typed before.
/// The list is made only while the menu is open, not every frame.
pub fn menu_ui(ui: &mut Ui, state: &AppState, opening: &mut String) {
    let names = state.openings.names();
    let used = &state.settings.openings_used;
    if used.is_empty() && !names.all().any(|o| o.is_named()) {
        return;
    }
    ui.menu_button(t!("openings-picker"), |ui| {
        let mut known: Vec<(String, String)> = names
            .all()
            .filter(|o| o.is_named())
            .map(|o| (o.name.clone(), o.label()))
            .collect();
        known.sort_by_key(|(_, label)| label.to_lowercase());
        for used in used {
            if !known.iter().any(|(name, _)| name == used) {
                known.push((used.clone(), used.clone()));
            }
        }
        for (name, label) in &known {
            let text = if name == label {
                name.clone()
            } else {
                format!("{label} ({name})")
            };
            if ui
                .button(crate::boundary::terminal::visible(&text))
                .clicked()
            {
                opening.clone_from(name);
                ui.close();
            }
        }
    })
    .response
    .on_hover_text(t!("openings-picker-hint"));
}

/// Under the field: a known ID turned into its name, a name in other capitals, or a name
/// never seen (the server refuses names it does not know).
pub fn check_ui(ui: &mut Ui, state: &AppState, typed: &str) {
    if let Some(warning) = state.openings.names().check(typed).warning() {
        ui.horizontal(|ui| {
            ui.add_space(theme::FORM_LABEL_WIDTH + ui.spacing().item_spacing.x);
            widgets::warning_message(ui, &warning);
        });
    }
}
