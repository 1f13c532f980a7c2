//! Keys: profiles (a name and a server address) and their keys in the OS keyring.

use egui::{RichText, Ui};
use secrecy::zeroize::Zeroizing;

use super::command::{Command, Commands};
use super::state::AppState;
use super::state::keys::SaveAnswer;
use super::{theme, widgets};
use crate::api;
use crate::jobs::demo::DEMO_PROFILE;
use crate::jobs::keys::{self, ExposeSecret, Profile};

/// What the add or replace form holds while the recruiter types.
#[derive(Default)]
struct ProfileForm {
    name: String,
    base_url: String,
    /// Wiped from memory when it goes.
    key: Zeroizing<String>,
    reveal: bool,
    /// Replacing the key of an existing profile: the name is fixed.
    replacing: bool,
    /// Saves that had ended when this form's was sent (a new one is this form's answer).
    sent_after: Option<u64>,
}

#[derive(Default)]
pub struct KeysView {
    form: Option<ProfileForm>,
    form_error: Option<String>,
    confirm_delete: Option<String>,
    reveal_active_key: bool,
    /// The form opens by itself once for a recruiter with no profile yet.
    offered_form: bool,
    team: super::team_view::TeamForm,
}

impl KeysView {
    fn start_adding(&mut self) {
        self.form = Some(ProfileForm {
            base_url: api::DEFAULT_BASE_URL.to_owned(),
            ..ProfileForm::default()
        });
        self.form_error = None;
    }

    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        self.follow_saves(state);
        if !self.offered_form && self.form.is_none() && state.keys.profiles.profiles.is_empty() {
            self.offered_form = true;
            self.start_adding();
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.heading("Keys");
            ui.label(
                "A profile is a name and a server address. Its API key is kept in the OS keyring, never in a file.",
            );
            if let Some(problem) = state.keys.store_problem() {
                ui.add_space(theme::SPACE);
                widgets::warning_message(ui, &problem.sentence);
                widgets::details(ui, problem);
            }
            ui.add_space(theme::SECTION_SPACE);
            self.profiles_ui(ui, state, commands);
            if let Some(error) = state.keys.error() {
                widgets::error_message(ui, error);
            }
            self.team.ui(ui, state, commands);
            ui.add_space(theme::SECTION_SPACE);
            if self.form.is_some() {
                self.form_ui(ui, state, commands);
            } else if ui.button("Add profile…").clicked() {
                self.start_adding();
            }
            self.delete_dialog_ui(ui, commands);
        });
    }

    /// A save this form sent has ended: closed when saved, kept open when the keyring
    /// refused (the form then offers to keep the key for this session).
    fn follow_saves(&mut self, state: &AppState) {
        let (saved, count) = state.keys.saved();
        let Some(form) = self.form.as_mut() else {
            return;
        };
        if form.sent_after.is_none_or(|after| count <= after) {
            return;
        }
        if let Some(SaveAnswer::Saved(name)) = saved
            && *name == form.name.trim()
        {
            self.form = None;
            self.form_error = None;
        }
    }

    fn profiles_ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        let profiles = &state.keys.profiles.profiles;
        if profiles.is_empty() {
            ui.label(RichText::new("No profile yet. Add one with your API key.").italics());
            return;
        }
        let active = state.connection().map(|c| c.profile.name.clone());
        egui::Grid::new("profiles")
            .num_columns(4)
            .striped(true)
            .spacing([theme::SECTION_SPACE, 6.0])
            .show(ui, |ui| {
                ui.strong("Profile");
                ui.strong("Server");
                ui.strong("Key");
                ui.strong("Actions");
                ui.end_row();
                for profile in profiles {
                    let is_active = active.as_deref() == Some(profile.name.as_str());
                    ui.horizontal(|ui| {
                        ui.label(&profile.name);
                        if is_active {
                            ui.label(RichText::new("(in use)").strong());
                        }
                    });
                    ui.label(api::site_of(&profile.base_url));
                    self.key_cell_ui(ui, state, profile, is_active);
                    ui.horizontal(|ui| self.actions_ui(ui, state, profile, is_active, commands));
                    ui.end_row();
                }
            });
        if let Some((name, result)) = state.keys.verify_result() {
            ui.add_space(theme::SPACE);
            match result {
                Ok(text) => widgets::success_message(ui, &format!("{name}: {text}")),
                Err(text) => widgets::error_message(ui, &format!("{name}: {text}")),
            }
        }
        if state.keys.verifying() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Verifying the key…");
            });
        }
    }

    fn key_cell_ui(&mut self, ui: &mut Ui, state: &AppState, profile: &Profile, active: bool) {
        let place = if state.keys.is_session_only(&profile.name) {
            "this session only"
        } else {
            "OS keyring"
        };
        match state.connection().filter(|_| active) {
            Some(connection) => {
                ui.horizontal(|ui| {
                    if self.reveal_active_key {
                        ui.monospace(connection.key.expose_secret());
                    } else {
                        ui.monospace(keys::mask(&connection.key));
                    }
                    let label = if self.reveal_active_key {
                        "Hide key"
                    } else {
                        "Reveal key"
                    };
                    if ui
                        .small_button(label)
                        .on_hover_text(format!("{label} of {}", profile.name))
                        .clicked()
                    {
                        self.reveal_active_key = !self.reveal_active_key;
                    }
                    ui.label(format!("({place})"));
                });
            }
            None => {
                ui.label(place);
            }
        }
    }

    fn actions_ui(
        &mut self,
        ui: &mut Ui,
        state: &AppState,
        profile: &Profile,
        active: bool,
        commands: &mut Commands,
    ) {
        if !active
            && ui
                .button("Use")
                .on_hover_text(format!("Use profile {}", profile.name))
                .clicked()
        {
            commands.push(Command::UseProfile(profile.name.clone()));
        }
        if active
            && ui
                .add_enabled(!state.keys.verifying(), egui::Button::new("Verify"))
                .on_hover_text(format!(
                    "Check that the server accepts the key of {}",
                    profile.name
                ))
                .clicked()
        {
            commands.push(Command::VerifyKey);
        }
        if profile.name != DEMO_PROFILE {
            if ui
                .button("Replace key…")
                .on_hover_text(format!("Paste a new key for {}", profile.name))
                .clicked()
            {
                self.form = Some(ProfileForm {
                    name: profile.name.clone(),
                    base_url: profile.base_url.clone(),
                    replacing: true,
                    ..ProfileForm::default()
                });
                self.form_error = None;
            }
            if ui
                .button("Delete…")
                .on_hover_text(format!("Delete profile {} and its key", profile.name))
                .clicked()
            {
                self.confirm_delete = Some(profile.name.clone());
            }
        }
    }

    fn form_ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
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
                format!("Replace the key of {}", form.name)
            } else {
                "Add a profile".to_owned()
            });
            ui.add_space(theme::SPACE);
            if form.replacing {
                ui.horizontal(|ui| {
                    widgets::fixed_label(ui, "Profile name", theme::FORM_LABEL_WIDTH);
                    ui.label(&form.name);
                });
            } else {
                let field = widgets::labelled_text_edit(ui, "Profile name", &mut form.name, "e.g. Acme hiring", false);
                enter |= widgets::entered(ui, &field);
            }
            let field = widgets::labelled_text_edit(ui, "Server address", &mut form.base_url, api::DEFAULT_BASE_URL, false);
            enter |= widgets::entered(ui, &field);
            ui.horizontal(|ui| {
                let label = widgets::fixed_label(ui, "API key", theme::FORM_LABEL_WIDTH);
                let field = ui.add(
                    egui::TextEdit::singleline(&mut *form.key)
                        .password(!form.reveal)
                        .hint_text("paste the key from your RickRut dashboard")
                        .desired_width(320.0),
                )
                .labelled_by(label.id);
                enter |= widgets::entered(ui, &field);
                let toggle = if form.reveal { "Hide key" } else { "Show key" };
                if ui.small_button(toggle).clicked() {
                    form.reveal = !form.reveal;
                }
            });
            ui.add_space(theme::SPACE);
            ui.horizontal(|ui| {
                save = ui
                    .add_enabled(!busy, egui::Button::new("Save key"))
                    .on_hover_text("Save the key in the OS keyring (or press Enter)")
                    .clicked()
                    || (enter && !busy);
                cancel = ui.add_enabled(!busy, egui::Button::new("Cancel")).clicked();
                if busy {
                    ui.spinner();
                    ui.label("Saving…");
                }
            });
            if let Some(error) = &self.form_error {
                widgets::error_message(ui, error);
            }
            match answer {
                Some(SaveAnswer::Refused { problem, .. }) => {
                    ui.add_space(theme::SPACE);
                    widgets::problem(ui, problem);
                    ui.label("The key was not saved. Check it in your RickRut dashboard, or save it as it is if you know it is right.");
                    if ui.button("Save anyway").clicked() {
                        commands.push(Command::SaveProfileAnyway);
                    }
                }
                Some(SaveAnswer::KeyringFailed { problem, .. }) => {
                    ui.add_space(theme::SPACE);
                    widgets::warning_message(ui, &format!("The key was not saved in the OS keyring. {}", problem.sentence));
                    widgets::details(ui, problem);
                    ui.label("A key kept for this session is forgotten when the app closes, and never written to a file.");
                    if ui.button("Keep for this session only").clicked() {
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
            self.form_error = Some(format!(
                "A profile named {name} exists already; use Replace key… on it."
            ));
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

    fn delete_dialog_ui(&mut self, ui: &mut Ui, commands: &mut Commands) {
        let Some(name) = self.confirm_delete.clone() else {
            return;
        };
        let modal = egui::Modal::new(egui::Id::unique("confirm-delete")).show(ui.ctx(), |ui| {
            ui.heading(format!("Delete profile {name}?"));
            ui.label("Its key is removed from the keyring. This cannot be undone.");
            ui.add_space(theme::SPACE);
            ui.horizontal(|ui| {
                if ui.button("Delete").clicked() {
                    commands.push(Command::DeleteProfile(name.clone()));
                    self.confirm_delete = None;
                }
                if ui.button("Cancel").clicked() {
                    self.confirm_delete = None;
                }
            });
        });
        if modal.should_close() {
            self.confirm_delete = None;
        }
    }
}
