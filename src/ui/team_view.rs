//! Keys → the profile in use → Team database: where its record lives (a PostgreSQL address,
//! or this computer), the database's password (to the keyring, never shown again), and
//! copying this computer's record there.

use egui::Ui;
use secrecy::zeroize::Zeroizing;

use super::command::{Command, Commands};
use super::state::AppState;
use super::{theme, widgets};
use crate::jobs::keys::SecretString;
use crate::jobs::team;
use crate::t;

/// What the recruiter types; the password is wiped from memory when it goes.
#[derive(Default)]
pub struct TeamForm {
    /// The profile the fields were filled for.
    profile: String,
    url: String,
    password: Zeroizing<String>,
    error: Option<String>,
}

impl TeamForm {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        let Some(connection) = state.connection() else {
            return;
        };
        let name = connection.profile.name.clone();
        let saved = state
            .keys
            .profiles
            .get(&name)
            .and_then(|p| p.team_db.clone());
        if self.profile != name {
            *self = TeamForm {
                profile: name.clone(),
                url: saved.clone().unwrap_or_default(),
                ..TeamForm::default()
            };
        }
        ui.add_space(theme::SECTION_SPACE);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong(t!("team-window-heading", profile = name.as_str()));
            ui.label(t!("team-window-explain"));
            ui.add_space(theme::SPACE);
            let url_label = t!("team-window-address");
            widgets::labelled_text_edit(
                ui,
                &url_label,
                &mut self.url,
                "postgres://user@host:5432/team", // not for people: an address's form
                false,
            );
            ui.horizontal(|ui| {
                let label =
                    widgets::fixed_label(ui, &t!("team-window-password"), theme::FORM_LABEL_WIDTH);
                ui.add(
                    egui::TextEdit::singleline(&mut *self.password)
                        .password(true)
                        .desired_width(320.0),
                )
                .labelled_by(label.id);
            });
            ui.add_space(theme::SPACE);
            let busy = state.team.is_busy();
            ui.horizontal(|ui| {
                if ui
                    .add_enabled(!busy, egui::Button::new(t!("team-window-save")))
                    .clicked()
                {
                    self.save(commands);
                }
                if saved.is_some()
                    && ui
                        .add_enabled(!busy, egui::Button::new(t!("team-window-local")))
                        .clicked()
                {
                    self.url.clear();
                    commands.push(Command::SetTeamDb {
                        url: None,
                        password: None,
                    });
                }
                if busy {
                    ui.spinner();
                }
            });
            if saved.is_some()
                && ui
                    .add_enabled(!busy, egui::Button::new(t!("team-window-push")))
                    .clicked()
            {
                commands.push(Command::PushToTeam);
            }
            if let Some(error) = &self.error {
                widgets::error_message(ui, error);
            }
            if let Some((is_error, said)) = state.team.message() {
                if *is_error {
                    widgets::problem(ui, said);
                } else {
                    ui.label(&said.sentence);
                }
            }
        });
    }

    fn save(&mut self, commands: &mut Commands) {
        self.error = None;
        match team::check_team_db(&self.url) {
            Err(why) => self.error = Some(why),
            Ok(url) => {
                let password = (!self.password.is_empty())
                    .then(|| SecretString::from(self.password.as_str().to_owned()));
                self.password = Zeroizing::new(String::new());
                self.url.clone_from(&url);
                commands.push(Command::SetTeamDb {
                    url: Some(url),
                    password,
                });
            }
        }
    }
}
