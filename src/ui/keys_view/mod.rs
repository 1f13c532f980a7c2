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
use crate::t;

mod form;

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
            crate::ui::a11y::heading(ui, t!("keys-title"));
            ui.label(t!("keys-intro"));
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
            } else if ui.button(t!("keys-add-profile")).clicked() {
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
            ui.label(RichText::new(t!("keys-no-profile")).italics());
            return;
        }
        let active = state.connection().map(|c| c.profile.name.clone());
        egui::Grid::new("profiles")
            .num_columns(4)
            .striped(true)
            .spacing([theme::SECTION_SPACE, 6.0])
            .show(ui, |ui| {
                ui.strong(t!("keys-column-profile"));
                ui.strong(t!("keys-column-server"));
                ui.strong(t!("keys-column-key"));
                ui.strong(t!("keys-column-actions"));
                ui.end_row();
                for profile in profiles {
                    let is_active = active.as_deref() == Some(profile.name.as_str());
                    ui.horizontal(|ui| {
                        ui.label(&profile.name);
                        if is_active {
                            ui.label(RichText::new(t!("keys-in-use")).strong());
                        }
                    });
                    ui.label(api::site_of(&profile.base_url));
                    self.key_cell_ui(ui, state, profile, is_active);
                    ui.horizontal_wrapped(|ui| {
                        self.actions_ui(ui, state, profile, is_active, commands)
                    });
                    ui.end_row();
                }
            });
        if let Some((name, result)) = state.keys.verify_result() {
            ui.add_space(theme::SPACE);
            let (Ok(text) | Err(text)) = result;
            let said = t!(
                "keys-verify-result",
                profile = name.as_str(),
                result = text.as_str()
            );
            if result.is_ok() {
                widgets::success_message(ui, &said);
            } else {
                widgets::error_message(ui, &said);
            }
        }
        if state.keys.verifying() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(t!("keys-verifying"));
            });
        }
    }

    fn key_cell_ui(&mut self, ui: &mut Ui, state: &AppState, profile: &Profile, active: bool) {
        let (place, in_brackets) = if state.keys.is_session_only(&profile.name) {
            (t!("keys-place-session"), t!("keys-place-session-brackets"))
        } else {
            (t!("keys-place-keyring"), t!("keys-place-keyring-brackets"))
        };
        match state.connection().filter(|_| active) {
            Some(connection) => {
                ui.horizontal(|ui| {
                    if self.reveal_active_key {
                        ui.monospace(connection.key.expose_secret());
                    } else {
                        ui.monospace(keys::mask(&connection.key));
                    }
                    let (label, hint) = reveal_words(self.reveal_active_key, &profile.name);
                    if ui.small_button(label).on_hover_text(hint).clicked() {
                        self.reveal_active_key = !self.reveal_active_key;
                    }
                    ui.label(in_brackets);
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
                .button(t!("keys-use"))
                .on_hover_text(t!("keys-use-hint", profile = profile.name.as_str()))
                .clicked()
        {
            commands.push(Command::UseProfile(profile.name.clone()));
        }
        let verify = egui::Button::new(t!("keys-verify"));
        if active
            && ui
                .add_enabled(!state.keys.verifying(), verify)
                .on_hover_text(t!("keys-verify-hint", profile = profile.name.as_str()))
                .clicked()
        {
            commands.push(Command::VerifyKey);
        }
        if profile.name != DEMO_PROFILE {
            if ui
                .button(t!("keys-replace"))
                .on_hover_text(t!("keys-replace-hint", profile = profile.name.as_str()))
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
                .button(t!("keys-delete-button"))
                .on_hover_text(t!("keys-delete-hint", profile = profile.name.as_str()))
                .clicked()
            {
                self.confirm_delete = Some(profile.name.clone());
            }
        }
    }

    fn delete_dialog_ui(&mut self, ui: &mut Ui, commands: &mut Commands) {
        let Some(name) = self.confirm_delete.clone() else {
            return;
        };
        let modal = egui::Modal::new(egui::Id::unique("confirm-delete")).show(ui.ctx(), |ui| {
            crate::ui::a11y::heading(ui, t!("keys-delete-title", profile = name.as_str()));
            ui.label(t!("keys-delete-body"));
            ui.add_space(theme::SPACE);
            ui.horizontal(|ui| {
                if ui.button(t!("keys-delete")).clicked() {
                    commands.push(Command::DeleteProfile(name.clone()));
                    self.confirm_delete = None;
                }
                if ui.button(t!("keys-cancel")).clicked() {
                    self.confirm_delete = None;
                }
            });
        });
        if modal.should_close() {
            self.confirm_delete = None;
        }
    }
}

/// The reveal button's label and hover text: "Reveal key", "Reveal key of Acme".
fn reveal_words(revealed: bool, profile: &str) -> (String, String) {
    if revealed {
        (
            t!("keys-hide-key"),
            t!("keys-hide-key-of", profile = profile),
        )
    } else {
        (
            t!("keys-reveal-key"),
            t!("keys-reveal-key-of", profile = profile),
        )
    }
}
