//! Invite: one new applicant, checked before it is sent, sent once per click.

use egui::{Key, RichText, Ui};

use super::command::{Command, Commands};
use super::settings::View;
use super::state::{AppState, Problem};
use super::{a11y, messages, openings_picker, theme, widgets};
use crate::api::{ApiError, InputError, NewApplicant};
use crate::t;

#[derive(Default)]
struct InviteForm {
    email: String,
    opening: String,
    first_name: String,
    last_name: String,
}

impl InviteForm {
    fn to_new_applicant(&self) -> NewApplicant {
        let opt = |s: &str| {
            let t = s.trim();
            (!t.is_empty()).then(|| t.to_owned())
        };
        NewApplicant {
            email: self.email.trim().to_owned(),
            opening: self.opening.trim().to_owned(),
            first_name: opt(&self.first_name),
            last_name: opt(&self.last_name),
        }
    }
}

#[derive(Default)]
pub struct InviteView {
    form: InviteForm,
    /// Problems found before sending, shown next to their field.
    problems: Vec<InputError>,
    /// Answers that had come when the form last looked: a new one that created an
    /// applicant clears the form for the next candidate, but for the opening (the next one
    /// is usually for the same job).
    answers_seen: u64,
    /// Enter sent the form: the keyboard goes back to Email once the form is editable again.
    refocus_email: bool,
}

impl InviteView {
    /// What is wrong with one field: the checks made before sending, and the server's
    /// refusal when it is about this field (said once, here, not again under the form).
    fn field_problems(&self, state: &AppState, field: &str) -> Vec<String> {
        let mut out: Vec<String> = self
            .problems
            .iter()
            .filter(|p| p.field() == field)
            .map(ToString::to_string)
            .collect();
        if let Some(e) = state.invite.server_error()
            && field_of(e) == Some(field)
        {
            out.push(e.to_string());
        }
        out
    }

    /// Checks the form and sends it when nothing is wrong (a click on Send, or Enter).
    fn send(&mut self, state: &AppState, commands: &mut Commands) {
        let mut new = self.form.to_new_applicant();
        new.opening = state
            .openings
            .names()
            .check(&new.opening)
            .name_to_send(&new.opening);
        self.problems = new.problems();
        if self.problems.is_empty() {
            commands.push(Command::Invite(new));
        }
    }

    fn follow_answers(&mut self, state: &AppState) {
        let answers = state.invite.answers();
        if answers != self.answers_seen {
            self.answers_seen = answers;
            if state.invite.created().is_some() {
                self.form = InviteForm {
                    opening: std::mem::take(&mut self.form.opening),
                    ..InviteForm::default()
                };
                self.problems.clear();
            }
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        self.follow_answers(state);
        let invite = &state.invite;
        crate::ui::a11y::heading(ui, t!("invite-title"));
        ui.label(t!("invite-intro"));
        ui.add_space(theme::SPACE);
        let busy = invite.is_running();

        let fields = ui.add_enabled_ui(!busy, |ui| {
            let email = widgets::labelled_text_edit(
                ui,
                &t!("invite-email"),
                &mut self.form.email,
                "name@example.com",
                false,
            );
            a11y::first_field(&email, View::Invite);
            if self.refocus_email && !busy {
                self.refocus_email = false;
                email.request_focus();
            }
            for p in self.field_problems(state, "email") {
                widgets::error_message(ui, &p);
            }
            let opening = ui
                .horizontal(|ui| {
                    let label =
                        widgets::fixed_label(ui, &t!("invite-opening"), theme::FORM_LABEL_WIDTH);
                    let opening = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.form.opening)
                                .hint_text(t!("invite-opening-hint"))
                                .desired_width(320.0),
                        )
                        .labelled_by(label.id);
                    openings_picker::menu_ui(ui, state, &mut self.form.opening);
                    opening
                })
                .inner;
            for p in self.field_problems(state, "opening") {
                widgets::error_message(ui, &p);
            }
            openings_picker::check_ui(ui, state, &self.form.opening);
            let first = widgets::labelled_text_edit(
                ui,
                &t!("invite-first-name"),
                &mut self.form.first_name,
                &t!("invite-optional"),
                false,
            );
            let last = widgets::labelled_text_edit(
                ui,
                &t!("invite-last-name"),
                &mut self.form.last_name,
                &t!("invite-optional"),
                false,
            );
            [email, opening, first, last]
        });
        // Enter in any field sends, as the button does (a single-line field loses focus on Enter).
        let enter = fields.inner.iter().any(egui::Response::lost_focus)
            && ui.input(|i| i.key_pressed(Key::Enter));
        if enter && !busy {
            self.send(state, commands);
            self.refocus_email = true;
        }
        ui.add_space(theme::SPACE);
        ui.horizontal(|ui| {
            // Disabled while in flight: one click makes one applicant.
            if ui
                .add_enabled(!busy, egui::Button::new(t!("invite-send")))
                .clicked()
            {
                self.send(state, commands);
            }
            if busy {
                ui.spinner();
                ui.label(t!("invite-sending"));
            }
        });
        if let Some(e) = invite.server_error() {
            let problem = Problem::api(e);
            if field_of(e).is_some() {
                widgets::details(ui, &problem);
            } else {
                widgets::problem(ui, &problem);
            }
        }
        if let Some(text) = invite.interrupted() {
            widgets::warning_message(ui, text);
        }
        if let Some(a) = invite.created() {
            ui.add_space(theme::SECTION_SPACE);
            egui::Frame::group(ui.style()).show(ui, |ui| {
                widgets::success_message(
                    ui,
                    &t!("invite-invited", name = a.display_name().to_string()),
                );
                egui::Grid::new("created").num_columns(2).show(ui, |ui| {
                    ui.label(t!("invite-id"));
                    ui.label(a.id.to_string());
                    ui.end_row();
                    ui.label(t!("invite-code"));
                    ui.horizontal(|ui| {
                        let code = a.code.clone().unwrap_or_default();
                        ui.monospace(&code);
                        widgets::copy(ui, &t!("invite-copy"), &t!("invite-copy-code"), &code, true);
                    });
                    ui.end_row();
                    ui.label(t!("invite-status"));
                    widgets::status_badge(ui, &a.status);
                    ui.end_row();
                });
                ui.horizontal(|ui| messages::copy_invitation(ui, state, a));
                if ui.button(t!("invite-open-in-look-up")).clicked()
                    && let Ok(id) = crate::api::ApplicantId::new(a.id)
                {
                    commands.push(Command::ShowView(View::LookUp));
                    commands.push(Command::LookUp(id));
                }
            });
        } else if !busy && invite.server_error().is_none() && self.problems.is_empty() {
            ui.label(RichText::new(t!("invite-checked-first")).weak());
        }
    }
}

/// The form field a server's refusal is about, if it is about one.
fn field_of(e: &ApiError) -> Option<&'static str> {
    let ApiError::Validation { details } = e else {
        return None;
    };
    if e.is_already_invited() {
        Some("email")
    } else if !details.for_field("opening").is_empty() {
        Some("opening")
    } else if !details.for_field("email").is_empty() {
        Some("email")
    } else {
        None
    }
}
