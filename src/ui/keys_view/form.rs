//! The form that adds a profile or replaces its key, and what it says when the server or the
//! keyring refused the key.

use egui::Ui;
use secrecy::zeroize::Zeroizing;

use super::super::command::{Command, Commands};
use super::super::state::AppState;
use super::super::state::keys::SaveAnswer;
use super::super::{theme, widgets};
use super::{KeysView, ProfileForm};
use crate::api;
use crate::jobs::keys;
use crate::t;

impl KeysView {
    pub(super) fn form_ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        let Some(mut form) = self.form.take() else {
            return;
        };
        let busy = state.keys.is_saving();
        let (saved, count) = state.keys.saved();
        // The answer to this form's save, once it came.
        let answer = saved.filter(|_| form.sent_after.is_some_and(|after| count > after));
        let answer = match answer {
            Some(
                SaveAnswer::KeyringFailed { name, problem } | SaveAnswer::Refused { name, problem },
            ) if *name == form.name.trim() => answer,
            _ => None,
        };
        let mut save = false;
        let mut cancel = false;
        let mut enter = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong(if form.replacing {
                t!("keys-replace-title", profile = form.name.as_str())
            } else {
                t!("keys-add-title")
            });
            ui.add_space(theme::SPACE);
            if form.replacing {
                ui.horizontal(|ui| {
                    widgets::fixed_label(ui, &t!("keys-profile-name"), theme::FORM_LABEL_WIDTH);
                    ui.label(&form.name);
                });
            } else {
                let field = widgets::labelled_text_edit(
                    ui,
                    &t!("keys-profile-name"),
                    &mut form.name,
                    &t!("keys-profile-name-hint"),
                    false,
                );
                enter |= widgets::entered(ui, &field);
            }
            let field = widgets::labelled_text_edit(
                ui,
                &t!("keys-server-address"),
                &mut form.base_url,
                api::DEFAULT_BASE_URL,
                false,
            );
            enter |= widgets::entered(ui, &field);
            ui.horizontal(|ui| {
                let label = widgets::fixed_label(ui, &t!("keys-api-key"), theme::FORM_LABEL_WIDTH);
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut *form.key)
                            .password(!form.reveal)
                            .hint_text(t!("keys-api-key-hint"))
                            .desired_width(320.0),
                    )
                    .labelled_by(label.id);
                enter |= widgets::entered(ui, &field);
                let toggle = if form.reveal {
                    t!("keys-hide-key")
                } else {
                    t!("keys-show-key")
                };
                if ui.small_button(toggle).clicked() {
                    form.reveal = !form.reveal;
                }
            });
            ui.add_space(theme::SPACE);
            ui.horizontal(|ui| {
                save = ui
                    .add_enabled(!busy, egui::Button::new(t!("keys-save")))
                    .on_hover_text(t!("keys-save-hint"))
                    .clicked()
                    || (enter && !busy);
                cancel = ui
                    .add_enabled(!busy, egui::Button::new(t!("keys-cancel")))
                    .clicked();
                if busy {
                    ui.spinner();
                    ui.label(t!("keys-saving"));
                }
            });
            if let Some(error) = &self.form_error {
                widgets::error_message(ui, error);
            }
            match answer {
                Some(SaveAnswer::Refused { problem, .. }) => {
                    ui.add_space(theme::SPACE);
                    widgets::problem(ui, problem);
                    ui.label(t!("keys-refused"));
                    if ui.button(t!("keys-save-anyway")).clicked() {
                        commands.push(Command::SaveProfileAnyway);
                    }
                }
                Some(SaveAnswer::KeyringFailed { problem, .. }) => {
                    ui.add_space(theme::SPACE);
                    widgets::warning_message(
                        ui,
                        &t!("keys-keyring-failed", reason = problem.sentence.as_str()),
                    );
                    widgets::details(ui, problem);
                    ui.label(t!("keys-session-explained"));
                    if ui.button(t!("keys-keep-for-session")).clicked() {
                        commands.push(Command::KeepKeyForSession);
                    }
                }
                _ => {}
            }
        });
        if cancel {
            self.form_error = None;
            commands.push(Command::ForgetPendingKey);
            return;
        }
        if save {
            self.save(&mut form, state, count, commands);
        }
        self.form = Some(form);
    }

    /// Checks the form and sends the save; the key leaves the form at once.
    fn save(
        &mut self,
        form: &mut ProfileForm,
        state: &AppState,
        saves: u64,
        commands: &mut Commands,
    ) {
        self.form_error = None;
        let name = form.name.trim().to_owned();
        if !form.replacing && state.keys.profiles.get(&name).is_some() {
            self.form_error = Some(t!("keys-name-taken", profile = name.as_str()));
            return;
        }
        match keys::check_new_profile(&name, &form.base_url, &form.key) {
            Err(problem) => self.form_error = Some(problem),
            Ok((profile, key)) => {
                form.key = Zeroizing::new(String::new());
                form.reveal = false;
                form.sent_after = Some(saves);
                commands.push(Command::SaveProfile { profile, key });
            }
        }
    }
}
