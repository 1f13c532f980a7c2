//! Settings: request timeout, concurrency, auto-refresh, data directory, theme and text size;
//! kept in eframe's storage, checked, and restored to defaults in one click.

use egui::Ui;

use super::command::{Command, Commands};
use super::settings::{apply_language, language_name, theme_name};
use super::state::AppState;
use super::{theme, widgets};
use crate::i18n::Lang;
use crate::jobs::messages;
use crate::t;

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
        crate::ui::a11y::heading(ui, t!("settings-title"));
        ui.add_space(theme::SPACE);
        egui::Grid::new("settings")
            .num_columns(2)
            .spacing([theme::SECTION_SPACE, 8.0])
            .show(ui, |ui| {
                let label = ui.label(t!("settings-timeout"));
                let field = ui
                    .add(
                        egui::DragValue::new(&mut settings.timeout_secs)
                            .range(5..=300)
                            .suffix(t!("settings-seconds-suffix")),
                    )
                    .labelled_by(label.id)
                    .on_hover_text(t!("settings-timeout-hint"));
                super::a11y::first_field(&field, super::View::Settings);
                ui.end_row();

                let label = ui.label(t!("settings-concurrency"));
                ui.add(egui::DragValue::new(&mut settings.concurrency).range(1..=64))
                    .labelled_by(label.id)
                    .on_hover_text(t!("settings-concurrency-hint"));
                ui.end_row();

                let label = ui.label(widgets::checks_label());
                ui.add(widgets::check_interval(&mut settings.check_every_minutes))
                    .labelled_by(label.id)
                    .on_hover_text(widgets::checks_hint());
                ui.end_row();

                let label = ui.label(t!("settings-notifications"));
                ui.horizontal(|ui| {
                    ui.checkbox(&mut settings.notify, t!("settings-notify-moved"))
                        .labelled_by(label.id);
                    ui.add_enabled(
                        settings.notify,
                        egui::Checkbox::new(
                            &mut settings.notify_only_finished,
                            t!("settings-notify-finished"),
                        ),
                    );
                });
                ui.end_row();

                let label = ui.label(t!("settings-stale-after"));
                ui.add(
                    egui::DragValue::new(&mut settings.stale_after_days)
                        .range(1..=90)
                        .suffix(t!("settings-days-suffix")),
                )
                .labelled_by(label.id)
                .on_hover_text(t!("settings-stale-hint"));
                ui.end_row();

                let label = ui.label(t!("settings-language"));
                egui::ComboBox::from_id_salt("settings-language")
                    .selected_text(language_name(settings.language))
                    .show_ui(ui, |ui| {
                        for choice in [None, Some(Lang::En), Some(Lang::Fr)] {
                            ui.selectable_value(
                                &mut settings.language,
                                choice,
                                language_name(choice),
                            );
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if settings.language != state.settings.language {
                    apply_language(settings.language);
                }
                ui.end_row();

                let label = ui.label(t!("settings-theme"));
                egui::ComboBox::from_id_salt("settings-theme")
                    .selected_text(theme_name(settings.theme))
                    .show_ui(ui, |ui| {
                        for pref in [
                            egui::ThemePreference::System,
                            egui::ThemePreference::Light,
                            egui::ThemePreference::Dark,
                        ] {
                            ui.selectable_value(&mut settings.theme, pref, theme_name(pref));
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();

                let label = ui.label(t!("settings-text-size"));
                ui.add(
                    egui::Slider::new(&mut settings.zoom, 0.75..=2.0)
                        .step_by(0.25)
                        .suffix("×"),
                )
                .labelled_by(label.id);
                ui.end_row();

                let label = ui.label(t!("settings-data-dir"));
                ui.vertical(|ui| {
                    ui.add(
                        egui::TextEdit::singleline(&mut settings.data_dir)
                            .hint_text(t!("settings-data-dir-default"))
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
                        let now = in_use.unwrap_or_else(|| t!("settings-data-dir-default"));
                        ui.label(
                            egui::RichText::new(t!("settings-data-dir-next-start", now = now))
                                .weak(),
                        );
                    }
                });
                ui.end_row();
            });
        ui.add_space(theme::SECTION_SPACE);
        messages_ui(ui, &mut settings);
        ui.add_space(theme::SECTION_SPACE);
        if ui.button(t!("settings-restore")).clicked() {
            settings = state.settings.restored();
        }
        if settings != state.settings {
            commands.push(Command::ChangeSettings(settings));
        }
        ui.add_space(theme::SECTION_SPACE);
        if ui.button(t!("settings-about")).clicked() {
            commands.push(Command::ToggleAbout);
        }
        if ui.button(t!("settings-shortcuts")).clicked() {
            commands.push(Command::ToggleHelp);
        }
    }
}

/// The two messages a recruiter copies for candidates, each editable and restorable. An
/// empty template is the default in the language in use, shown in the field as it is.
fn messages_ui(ui: &mut Ui, settings: &mut crate::ui::Persisted) {
    crate::ui::a11y::heading(ui, t!("settings-messages-title"));
    ui.label(t!(
        "settings-messages-help",
        placeholders = messages::PLACEHOLDERS.join(" ")
    ));
    for (title, field_label, text, default) in [
        (
            t!("settings-invitation"),
            t!("settings-invitation-field"),
            &mut settings.invitation_template,
            messages::default_invitation(),
        ),
        (
            t!("settings-reminder"),
            t!("settings-reminder-field"),
            &mut settings.reminder_template,
            messages::default_reminder(),
        ),
    ] {
        ui.add_space(theme::SPACE);
        ui.horizontal(|ui| {
            ui.strong(title);
            if ui
                .add_enabled(
                    !text.is_empty(),
                    egui::Button::new(t!("settings-restore-message")),
                )
                .clicked()
            {
                text.clear();
            }
        });
        let label = ui.label(field_label);
        let mut shown = if text.is_empty() {
            default.clone()
        } else {
            text.clone()
        };
        let edited = ui
            .add(
                egui::TextEdit::multiline(&mut shown)
                    .desired_rows(6)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
            .changed();
        if edited {
            *text = if shown == default {
                String::new()
            } else {
                shown
            };
        }
    }
}

/// An empty directory means the default; anything else must be an absolute path.
pub fn data_dir_problem(dir: &str) -> Option<String> {
    let dir = dir.trim();
    if dir.is_empty() || std::path::Path::new(dir).is_absolute() {
        None
    } else {
        Some(t!("settings-data-dir-not-full"))
    }
}
