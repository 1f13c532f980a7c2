//! Invite: one new applicant, validated before it is sent, sent once per click.

use egui::{RichText, Ui};
use tokio::runtime::Handle;

use super::{Command, Connection, theme, widgets};
use crate::api::{ApiError, Applicant, ApplicantResponse, InputError, NewApplicant};
use crate::jobs::{self, Task};
use crate::store::InviteOutcome;

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
    task: Option<Task<Result<ApplicantResponse, ApiError>>>,
    created: Option<Applicant>,
    server_error: Option<ApiError>,
    interrupted: Option<String>,
    requests_sent: u64,
    /// What was sent, kept until the answer is logged.
    sending: Option<(String, String)>,
    finished: Option<super::FinishedInvite>,
}

impl InviteView {
    pub fn in_flight(&self) -> usize {
        usize::from(self.task.is_some())
    }

    pub fn requests_sent(&self) -> u64 {
        self.requests_sent
    }

    pub fn created(&self) -> Option<&Applicant> {
        self.created.as_ref()
    }

    /// The invite that just got an answer, once: the app logs it and tracks the applicant.
    pub fn take_finished(&mut self) -> Option<super::FinishedInvite> {
        self.finished.take()
    }

    pub fn cancel(&mut self) {
        if let Some(task) = self.task.as_mut() {
            task.cancel();
        }
    }

    pub fn poll(&mut self, commands: &mut Vec<Command>) {
        let Some(task) = self.task.take() else {
            return;
        };
        match task.try_take() {
            Err(task) => self.task = Some(task),
            Ok(Ok(Ok(response))) => {
                commands.push(Command::RememberOpening(
                    self.form.opening.trim().to_owned(),
                ));
                self.created = Some(response.applicant);
                self.form = InviteForm::default();
                self.problems.clear();
            }
            Ok(Ok(Err(e))) => {
                if let Some((email, opening)) = self.sending.take() {
                    let already = e.details().is_some_and(|d| {
                        d.0.iter()
                            .any(|x| x.id.contains("already") || x.details.contains("already"))
                    });
                    self.finished = Some(super::FinishedInvite {
                        email,
                        opening,
                        outcome: if already {
                            InviteOutcome::AlreadyInvited
                        } else {
                            InviteOutcome::Failed(e.to_string())
                        },
                        created: None,
                    });
                }
                self.server_error = Some(e);
            }
            Ok(Err(e)) => {
                self.interrupted = Some(format!(
                    "The invite was stopped before an answer came ({e}). It may or may not have been created: look the email up before sending it again."
                ));
            }
        }
    }

    fn submit(&mut self, ctx: &egui::Context, runtime: &Handle, connection: Option<&Connection>) {
        self.server_error = None;
        self.interrupted = None;
        let new = self.form.to_new_applicant();
        self.problems = new.problems();
        if !self.problems.is_empty() {
            return;
        }
        let Some(connection) = connection else {
            self.interrupted =
                Some("No profile is in use: add your API key in Keys, or try the demo.".into());
            return;
        };
        self.created = None;
        self.sending = Some((new.email.clone(), new.opening.clone()));
        let client = connection.client.clone();
        self.requests_sent += 1;
        self.task = Some(jobs::spawn(runtime, ctx, async move {
            client.create_applicant(&new).await
        }));
    }

    fn field_problems(&self, field: &str) -> Vec<String> {
        let mut out: Vec<String> = self
            .problems
            .iter()
            .filter(|p| p.field() == field)
            .map(ToString::to_string)
            .collect();
        if let Some(details) = self.server_error.as_ref().and_then(ApiError::details) {
            out.extend(details.for_field(field).iter().map(|d| d.to_string()));
        }
        out
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        runtime: &Handle,
        connection: Option<&Connection>,
        openings_used: &[String],
        commands: &mut Vec<Command>,
    ) {
        self.poll(commands);
        ui.heading("Invite");
        ui.label("Invite one candidate to an opening. They receive the test by email.");
        ui.add_space(theme::SPACE);
        let busy = self.task.is_some();

        ui.add_enabled_ui(!busy, |ui| {
            widgets::labelled_text_edit(
                ui,
                "Email",
                &mut self.form.email,
                "name@example.com",
                false,
            );
            for p in self.field_problems("email") {
                widgets::error_message(ui, &p);
            }
            ui.horizontal(|ui| {
                let label = widgets::fixed_label(ui, "Opening", theme::FORM_LABEL_WIDTH);
                ui.add(
                    egui::TextEdit::singleline(&mut self.form.opening)
                        .hint_text("e.g. software-engineer")
                        .desired_width(320.0),
                )
                .labelled_by(label.id);
                if !openings_used.is_empty() {
                    ui.menu_button("Recent…", |ui| {
                        for opening in openings_used {
                            if ui.button(opening).clicked() {
                                self.form.opening = opening.clone();
                                ui.close();
                            }
                        }
                    })
                    .response
                    .on_hover_text("Openings used before");
                }
            });
            for p in self.field_problems("opening") {
                widgets::error_message(ui, &p);
            }
            widgets::labelled_text_edit(
                ui,
                "First name",
                &mut self.form.first_name,
                "optional",
                false,
            );
            widgets::labelled_text_edit(
                ui,
                "Last name",
                &mut self.form.last_name,
                "optional",
                false,
            );
        });
        ui.add_space(theme::SPACE);
        ui.horizontal(|ui| {
            // Disabled while in flight: one click makes one applicant.
            if ui
                .add_enabled(!busy, egui::Button::new("Send invite"))
                .clicked()
            {
                self.submit(ui.ctx(), runtime, connection);
            }
            if busy {
                ui.spinner();
                ui.label("Sending…");
            }
        });
        if let Some(e) = &self.server_error {
            widgets::error_message(ui, &e.to_string());
        }
        if let Some(text) = &self.interrupted {
            widgets::warning_message(ui, text);
        }
        if let Some(a) = &self.created {
            ui.add_space(theme::SECTION_SPACE);
            egui::Frame::group(ui.style()).show(ui, |ui| {
                widgets::success_message(ui, &format!("{} was invited.", a.display_name()));
                egui::Grid::new("created").num_columns(2).show(ui, |ui| {
                    ui.label("ID");
                    ui.label(a.id.to_string());
                    ui.end_row();
                    ui.label("Code");
                    ui.horizontal(|ui| {
                        let code = a.code.clone().unwrap_or_default();
                        ui.monospace(&code);
                        widgets::copy_button(ui, "code", &code);
                    });
                    ui.end_row();
                    ui.label("Status");
                    widgets::status_badge(ui, &a.status);
                    ui.end_row();
                });
                if ui.button("Open in Look up").clicked() {
                    commands.push(Command::OpenInLookUp(a.id));
                }
            });
        } else if !busy && self.server_error.is_none() && self.problems.is_empty() {
            ui.label(RichText::new("Every field is checked before anything is sent.").weak());
        }
    }
}
