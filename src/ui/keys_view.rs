//! Keys: profiles (a name and a base URL) and their keys in the OS keyring.

use std::sync::Arc;

use egui::{RichText, Ui};
use secrecy::zeroize::Zeroize;

use super::{Command, DEMO_PROFILE, DashboardApp, KEYRING_TIMEOUT, theme, widgets};
use crate::api::{self, ApiError, ApplicantId, Client};
use crate::jobs::{self, Task};
use crate::keys::{self, KeyStoreError, Profile, SecretStore, SecretString};

/// An ID no applicant has: asking for it is how a key is verified (the API has no "who am
/// I" call), since the key is checked before the applicant is looked for.
const NO_SUCH_APPLICANT: u64 = 999_999_999_999;

/// What the add/replace form holds while the user types.
#[derive(Default)]
struct ProfileForm {
    name: String,
    base_url: String,
    key: String,
    reveal: bool,
    /// Replacing the key of an existing profile: the name is fixed.
    replacing: bool,
}

impl ProfileForm {
    fn clear_key(&mut self) {
        self.key.zeroize();
        self.key = String::new();
        self.reveal = false;
    }
}

enum SaveResult {
    Saved,
    /// The keyring refused; the user may keep the key for this session only.
    KeyringFailed(KeyStoreError),
}

#[derive(Default)]
pub struct KeysView {
    form: Option<ProfileForm>,
    form_error: Option<String>,
    saving: Option<(Profile, Task<Result<SaveResult, String>>)>,
    /// The keyring failed for this profile; offer the session store.
    keyring_failed: Option<(Profile, String)>,
    verifying: Option<(String, Task<Result<String, String>>)>,
    verify_result: Option<(String, Result<String, String>)>,
    confirm_delete: Option<String>,
    deleting: Option<(String, Task<Result<(), String>>)>,
    reveal_active_key: bool,
    /// The key being saved, kept only until it is stored somewhere (zeroized on drop).
    pending_key: Option<SecretString>,
}

impl KeysView {
    pub fn start_adding(&mut self) {
        self.form = Some(ProfileForm {
            base_url: api::DEFAULT_BASE_URL.to_owned(),
            ..ProfileForm::default()
        });
        self.form_error = None;
        self.keyring_failed = None;
    }

    pub fn in_flight(&self) -> usize {
        usize::from(self.saving.is_some())
            + usize::from(self.verifying.is_some())
            + usize::from(self.deleting.is_some())
    }

    pub fn ui(&mut self, ui: &mut Ui, app: &mut DashboardApp, commands: &mut Vec<Command>) {
        self.poll(app, commands);
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.heading("Keys");
            ui.label(
                "A profile is a name and a server address. Its API key is kept in the OS keyring, never in a file.",
            );
            if let Some(problem) = app.key_store_problem() {
                ui.add_space(theme::SPACE);
                widgets::warning_message(
                    ui,
                    &format!("{problem} Keys you add now can be kept for this session only."),
                );
            }
            ui.add_space(theme::SECTION_SPACE);
            self.profiles_ui(ui, app, commands);
            ui.add_space(theme::SECTION_SPACE);
            if self.form.is_some() {
                self.form_ui(ui, app);
            } else if ui.button("Add profile…").clicked() {
                self.start_adding();
            }
            self.delete_dialog_ui(ui, app);
        });
    }

    fn profiles_ui(&mut self, ui: &mut Ui, app: &mut DashboardApp, commands: &mut Vec<Command>) {
        if app.profiles().profiles.is_empty() {
            ui.label(RichText::new("No profile yet. Add one with your API key.").italics());
            return;
        }
        let active = app.connection().map(|c| c.profile.name.clone());
        let profiles = app.profiles().profiles.clone();
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
                for profile in &profiles {
                    let is_active = active.as_deref() == Some(profile.name.as_str());
                    ui.horizontal(|ui| {
                        ui.label(&profile.name);
                        if is_active {
                            ui.label(RichText::new("(in use)").strong());
                        }
                    });
                    ui.label(super::site_of(&profile.base_url));
                    self.key_cell_ui(ui, app, profile, is_active);
                    ui.horizontal(|ui| self.actions_ui(ui, app, profile, is_active, commands));
                    ui.end_row();
                }
            });
        if let Some((name, result)) = &self.verify_result {
            ui.add_space(theme::SPACE);
            match result {
                Ok(text) => widgets::success_message(ui, &format!("{name}: {text}")),
                Err(text) => widgets::error_message(ui, &format!("{name}: {text}")),
            }
        }
        if let Some((name, _)) = &self.verifying {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!("Verifying the key of {name}…"));
            });
        }
    }

    fn key_cell_ui(&mut self, ui: &mut Ui, app: &DashboardApp, profile: &Profile, active: bool) {
        let place = if app.is_session_only(&profile.name) {
            "this session only"
        } else {
            "OS keyring"
        };
        match app.connection().filter(|_| active) {
            Some(connection) => {
                ui.horizontal(|ui| {
                    if self.reveal_active_key {
                        ui.monospace(secrecy::ExposeSecret::expose_secret(&connection.key));
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
        app: &mut DashboardApp,
        profile: &Profile,
        active: bool,
        commands: &mut Vec<Command>,
    ) {
        if !active
            && ui
                .button("Use")
                .on_hover_text(format!("Use profile {}", profile.name))
                .clicked()
        {
            commands.push(Command::Activate(profile.name.clone()));
        }
        if active
            && let Some(connection) = app.connection()
            && ui
                .add_enabled(self.verifying.is_none(), egui::Button::new("Verify"))
                .on_hover_text(format!(
                    "Check that the server accepts the key of {}",
                    profile.name
                ))
                .clicked()
        {
            self.verify(
                ui.ctx(),
                app,
                profile.name.clone(),
                connection.client.clone(),
            );
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
                self.keyring_failed = None;
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

    fn verify(&mut self, ctx: &egui::Context, app: &DashboardApp, name: String, client: Client) {
        self.verify_result = None;
        let task = jobs::spawn(app.runtime(), ctx, async move {
            let probe = ApplicantId::new(NO_SUCH_APPLICANT).map_err(|e| e.to_string())?;
            match client.get_applicant(probe).await {
                Err(ApiError::NotFound { .. }) | Ok(_) => {
                    Ok("the key was accepted by the server.".to_owned())
                }
                Err(e) if e.is_key_problem() => Err(format!("the key was refused. {e}")),
                Err(e) => Err(format!("the key could not be checked. {e}")),
            }
        });
        self.verifying = Some((name, task));
    }

    fn form_ui(&mut self, ui: &mut Ui, app: &mut DashboardApp) {
        let Some(mut form) = self.form.take() else {
            return;
        };
        let busy = self.saving.is_some();
        let mut keep_for_session = None;
        let mut save = false;
        let mut cancel = false;
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
                widgets::labelled_text_edit(ui, "Profile name", &mut form.name, "e.g. Acme hiring", false);
            }
            widgets::labelled_text_edit(ui, "Server address", &mut form.base_url, api::DEFAULT_BASE_URL, false);
            ui.horizontal(|ui| {
                let label = widgets::fixed_label(ui, "API key", theme::FORM_LABEL_WIDTH);
                ui.add(
                    egui::TextEdit::singleline(&mut form.key)
                        .password(!form.reveal)
                        .hint_text("paste the key from your RickRut dashboard")
                        .desired_width(320.0),
                )
                .labelled_by(label.id);
                let toggle = if form.reveal { "Hide key" } else { "Show key" };
                if ui.small_button(toggle).clicked() {
                    form.reveal = !form.reveal;
                }
            });
            ui.add_space(theme::SPACE);
            ui.horizontal(|ui| {
                save = ui
                    .add_enabled(!busy, egui::Button::new("Save key"))
                    .on_hover_text("Save the key in the OS keyring")
                    .clicked();
                cancel = ui.add_enabled(!busy, egui::Button::new("Cancel")).clicked();
                if busy {
                    ui.spinner();
                    ui.label("Saving…");
                }
            });
            if let Some(error) = &self.form_error {
                widgets::error_message(ui, error);
            }
            if let Some((profile, reason)) = self.keyring_failed.clone() {
                ui.add_space(theme::SPACE);
                widgets::warning_message(
                    ui,
                    &format!("The key was not saved in the OS keyring: {reason}"),
                );
                ui.label("You can keep it for this session only; it is forgotten when the app closes. It is never written to a file.");
                if ui.button("Keep for this session only").clicked() {
                    keep_for_session = Some(profile);
                }
            }
        });
        if cancel {
            form.clear_key();
            self.form_error = None;
            self.keyring_failed = None;
            self.pending_key = None;
            return;
        }
        self.form = Some(form);
        if let Some(profile) = keep_for_session {
            self.keep_for_session(app, profile);
        } else if save {
            self.save(ui.ctx(), app);
        }
    }

    /// Validates the form and saves the key in the keyring in the background.
    fn save(&mut self, ctx: &egui::Context, app: &mut DashboardApp) {
        let Some(form) = self.form.as_mut() else {
            return;
        };
        self.form_error = None;
        self.keyring_failed = None;
        let name = form.name.trim().to_owned();
        if let Err(e) = keys::validate_profile_name(&name) {
            self.form_error = Some(e.to_string());
            return;
        }
        if name == DEMO_PROFILE {
            self.form_error = Some("\"Demo\" is the built-in demo's name; choose another.".into());
            return;
        }
        if !form.replacing && app.profiles().get(&name).is_some() {
            self.form_error = Some(format!(
                "A profile named {name} exists already; use Replace key… on it."
            ));
            return;
        }
        let base_url = match api::parse_base_url(&form.base_url) {
            Ok(url) => url.to_string(),
            Err(e) => {
                self.form_error = Some(e.to_string());
                return;
            }
        };
        let key_text = form.key.trim().to_owned();
        if key_text.is_empty() {
            self.form_error = Some("Paste the API key first.".into());
            return;
        }
        if key_text.chars().any(char::is_whitespace) {
            self.form_error = Some("An API key has no spaces in it; check what was pasted.".into());
            return;
        }
        let key = SecretString::from(key_text);
        let profile = Profile { name, base_url };
        let Some(store) = app.key_store() else {
            let reason = app
                .key_store_problem()
                .unwrap_or("the OS keyring is still opening; try again in a moment.")
                .to_owned();
            self.pending_key = Some(key);
            self.keyring_failed = Some((profile, reason));
            return;
        };
        self.pending_key = Some(key.clone());
        let name = profile.name.clone();
        let task = jobs::spawn(app.runtime(), ctx, async move {
            match keys::run_blocking(store, KEYRING_TIMEOUT, move |s| s.set(&name, &key)).await {
                Ok(()) => Ok(SaveResult::Saved),
                Err(e) => Ok(SaveResult::KeyringFailed(e)),
            }
        });
        self.saving = Some((profile, task));
    }

    fn keep_for_session(&mut self, app: &mut DashboardApp, profile: Profile) {
        let Some(key) = self.pending_key.take() else {
            self.form_error = Some("Paste the key again.".into());
            return;
        };
        // The session store is memory only, so this call cannot block.
        match app.session_store().set(&profile.name, &key) {
            Ok(()) => {
                self.finish_saved();
                app.queue(Command::ProfileSaved {
                    profile,
                    session_only: true,
                });
            }
            Err(e) => self.form_error = Some(e.to_string()),
        }
    }

    fn finish_saved(&mut self) {
        if let Some(form) = self.form.as_mut() {
            form.clear_key();
        }
        self.form = None;
        self.form_error = None;
        self.keyring_failed = None;
        self.pending_key = None;
    }

    fn delete_dialog_ui(&mut self, ui: &mut Ui, app: &mut DashboardApp) {
        let Some(name) = self.confirm_delete.clone() else {
            return;
        };
        let modal = egui::Modal::new(egui::Id::unique("confirm-delete")).show(ui.ctx(), |ui| {
            ui.heading(format!("Delete profile {name}?"));
            ui.label("Its key is removed from the keyring. This cannot be undone.");
            ui.add_space(theme::SPACE);
            ui.horizontal(|ui| {
                if ui.button("Delete").clicked() {
                    self.delete(ui.ctx(), app, name.clone());
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

    fn delete(&mut self, ctx: &egui::Context, app: &DashboardApp, name: String) {
        let store: Option<Arc<dyn SecretStore>> = if app.is_session_only(&name) {
            Some(app.session_store())
        } else {
            app.key_store()
        };
        let task_name = name.clone();
        let task = jobs::spawn(app.runtime(), ctx, async move {
            let key_name = task_name.clone();
            match store {
                Some(store) => {
                    keys::run_blocking(store, KEYRING_TIMEOUT, move |s| s.delete(&key_name))
                        .await
                        .map_err(|e| format!("The key of {task_name} was not deleted: {e}"))
                }
                // Nothing could have been stored without a keyring.
                None => Ok(()),
            }
        });
        self.deleting = Some((name, task));
    }

    fn poll(&mut self, app: &mut DashboardApp, commands: &mut Vec<Command>) {
        if let Some((profile, task)) = self.saving.take() {
            match task.try_take() {
                Err(task) => self.saving = Some((profile, task)),
                Ok(Ok(Ok(SaveResult::Saved))) => {
                    self.finish_saved();
                    commands.push(Command::ProfileSaved {
                        profile,
                        session_only: false,
                    });
                }
                Ok(Ok(Ok(SaveResult::KeyringFailed(e)))) => {
                    self.keyring_failed = Some((profile, e.to_string()));
                }
                Ok(Ok(Err(e))) => self.form_error = Some(e),
                Ok(Err(e)) => self.form_error = Some(e.to_string()),
            }
        }
        if let Some((name, task)) = self.verifying.take() {
            match task.try_take() {
                Err(task) => self.verifying = Some((name, task)),
                Ok(Ok(result)) => self.verify_result = Some((name, result)),
                Ok(Err(e)) => self.verify_result = Some((name, Err(e.to_string()))),
            }
        }
        if let Some((name, task)) = self.deleting.take() {
            match task.try_take() {
                Err(task) => self.deleting = Some((name, task)),
                Ok(Ok(Ok(()))) => commands.push(Command::ProfileDeleted(name)),
                Ok(Ok(Err(e))) => self.form_error = Some(e),
                Ok(Err(e)) => self.form_error = Some(e.to_string()),
            }
        }
        let _ = app;
    }
}
