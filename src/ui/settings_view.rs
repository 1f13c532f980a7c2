//! Settings: request timeout, concurrency, auto-refresh, data directory, theme and text size;
//! kept in eframe's storage, checked, and restored to defaults in one click.

use egui::Ui;

use super::command::{Command, Commands};
use super::settings::theme_name;
use super::state::AppState;
use super::{theme, widgets};
use crate::jobs::messages;

#[derive(Default)]
pub struct SettingsView;

impl SettingsView {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| self.body(ui, state, commands));
    }

    fn body(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        let mut settings = state.settings.clone();
        ui.heading("Settings");
        ui.add_space(theme::SPACE);
        egui::Grid::new("settings").num_columns(2).spacing([theme::SECTION_SPACE, 8.0]).show(ui, |ui| {
            let label = ui.label("Request timeout");
            let field = ui.add(egui::DragValue::new(&mut settings.timeout_secs).range(5..=300).suffix(" s"))
                .labelled_by(label.id)
                .on_hover_text("How long one request may take before it is given up (5–300 s)");
            super::a11y::first_field(&field, super::View::Settings);
            ui.end_row();

            let label = ui.label("Requests at once");
            ui.add(egui::DragValue::new(&mut settings.concurrency).range(1..=64))
                .labelled_by(label.id)
                .on_hover_text("For refresh all and bulk invite (1–64)");
            ui.end_row();

            let label = ui.label(widgets::CHECKS_LABEL);
            ui.add(widgets::check_interval(&mut settings.check_every_minutes))
                .labelled_by(label.id)
                .on_hover_text(widgets::CHECKS_HINT);
            ui.end_row();

            let label = ui.label("Desktop notifications");
            ui.horizontal(|ui| {
                ui.checkbox(&mut settings.notify, "when a check finds candidates moved")
                    .labelled_by(label.id);
                ui.add_enabled(
                    settings.notify,
                    egui::Checkbox::new(&mut settings.notify_only_finished, "only when they finish"),
                );
            });
            ui.end_row();

            let label = ui.label("Not started after");
            ui.add(egui::DragValue::new(&mut settings.stale_after_days).range(1..=90).suffix(" days"))
                .labelled_by(label.id)
                .on_hover_text("Invited candidates who have not begun after this many days are listed for a reminder");
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
        messages_ui(ui, &mut settings);
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

/// The two messages a recruiter copies for candidates, each editable and restorable.
fn messages_ui(ui: &mut Ui, settings: &mut crate::ui::Persisted) {
    ui.heading("Messages to candidates");
    ui.label(format!(
        "Copied from an applicant's card and after an invite. These fill in: {}.",
        messages::PLACEHOLDERS.join(" ")
    ));
    for (title, text, default) in [
        (
            "Invitation",
            &mut settings.invitation_template,
            messages::default_invitation(),
        ),
        (
            "Reminder",
            &mut settings.reminder_template,
            messages::default_reminder(),
        ),
    ] {
        ui.add_space(theme::SPACE);
        ui.horizontal(|ui| {
            ui.strong(title);
            if ui
                .add_enabled(*text != default, egui::Button::new("Restore the default"))
                .clicked()
            {
                *text = default.clone();
            }
        });
        let label = ui.label(format!("{title} message"));
        ui.add(
            egui::TextEdit::multiline(text)
                .desired_rows(6)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
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
