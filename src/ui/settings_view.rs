//! Settings: request timeout, concurrency, auto-refresh, data directory, theme and text size;
//! kept in eframe's storage, checked, and restored to defaults in one click.

use egui::Ui;

use super::command::{Command, Commands};
use super::settings::theme_name;
use super::state::AppState;
use super::{theme, widgets};

#[derive(Default)]
pub struct SettingsView;

impl SettingsView {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        let mut settings = state.settings.clone();
        ui.heading("Settings");
        ui.add_space(theme::SPACE);
        egui::Grid::new("settings").num_columns(2).spacing([theme::SECTION_SPACE, 8.0]).show(ui, |ui| {
            let label = ui.label("Request timeout");
            ui.add(egui::DragValue::new(&mut settings.timeout_secs).range(5..=300).suffix(" s"))
                .labelled_by(label.id)
                .on_hover_text("How long one request may take before it is given up (5–300 s)");
            ui.end_row();

            let label = ui.label("Requests at once");
            ui.add(egui::DragValue::new(&mut settings.concurrency).range(1..=64))
                .labelled_by(label.id)
                .on_hover_text("For refresh all and bulk invite (1–64)");
            ui.end_row();

            let label = ui.label("Auto-refresh every");
            ui.add(egui::DragValue::new(&mut settings.auto_refresh_minutes).range(0..=240).suffix(" min"))
                .labelled_by(label.id)
                .on_hover_text("Refresh every tracked applicant this often while the app is open; 0 turns it off");
            ui.end_row();

            let label = ui.label("Theme");
            egui::ComboBox::from_id_salt("settings-theme")
                .selected_text(theme_name(settings.theme))
                .show_ui(ui, |ui| {
                    for pref in [egui::ThemePreference::System, egui::ThemePreference::Light, egui::ThemePreference::Dark] {
                        ui.selectable_value(&mut settings.theme, pref, theme_name(pref));
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();

            let label = ui.label("Text size");
            ui.add(egui::Slider::new(&mut settings.zoom, 0.75..=2.0).step_by(0.25).suffix("×"))
                .labelled_by(label.id);
            ui.end_row();

            let label = ui.label("Data directory");
            ui.vertical(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut settings.data_dir)
                        .hint_text("the platform's data directory")
                        .desired_width(360.0),
                )
                .labelled_by(label.id);
                if let Some(problem) = data_dir_problem(&settings.data_dir) {
                    widgets::error_message(ui, &problem);
                } else {
                    let in_use = state
                        .paths
                        .database
                        .as_ref()
                        .and_then(|p| p.parent())
                        .map(|p| p.display().to_string());
                    ui.label(egui::RichText::new(format!(
                        "Used from the next start. Now: {}",
                        in_use.as_deref().unwrap_or("the platform's data directory")
                    )).weak());
                }
            });
            ui.end_row();
        });
        ui.add_space(theme::SECTION_SPACE);
        if ui.button("Restore defaults").clicked() {
            settings = state.settings.restored();
        }
        if settings != state.settings {
            commands.push(Command::ChangeSettings(settings));
        }
        ui.add_space(theme::SECTION_SPACE);
        if ui.button("About and diagnostics…").clicked() {
            commands.push(Command::ToggleAbout);
        }
        if ui.button("Keyboard shortcuts…").clicked() {
            commands.push(Command::ToggleHelp);
        }
    }
}

/// An empty directory means the default; anything else must be an absolute path.
pub fn data_dir_problem(dir: &str) -> Option<String> {
    let dir = dir.trim();
    if dir.is_empty() || std::path::Path::new(dir).is_absolute() {
        None
    } else {
        Some("The data directory must be a full path (starting with / on Linux and macOS).".into())
    }
}
