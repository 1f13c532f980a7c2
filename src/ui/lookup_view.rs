//! Look up: one applicant by ID, shown as the applicant card.

use egui::{Key, RichText, Ui};
use tokio::runtime::Handle;

use super::widgets::{self, CardContext};
use super::{Command, Connection, theme};
use crate::api::{ApiError, Applicant, ApplicantId, ApplicantResponse};
use crate::jobs::{self, Task};

pub const ID_FIELD_LABEL: &str = "Applicant ID";

/// Seeded applicants worth a look in the demo (see assets/sandbox/README.md).
const DEMO_IDS: &[(u64, &str)] = &[
    (31415, "the API reference's own example, scored"),
    (1002, "scored, with quizz and case answers"),
    (1003, "scored, a recording flagged as gibberish"),
    (1017, "invited, moving along while the demo runs"),
    (1099, "scored, 1,000 quizz and 1,000 case answers"),
];

/// The ID field's id, for Ctrl+L.
pub fn id_field() -> egui::Id {
    egui::Id::unique("lookup-id-field")
}

#[derive(Default)]
pub struct LookupView {
    id_input: String,
    input_error: Option<String>,
    task: Option<(u64, Task<Result<ApplicantResponse, ApiError>>)>,
    /// The last applicant shown, with the site its files are on.
    shown: Option<(Applicant, String)>,
    error: Option<String>,
    pending_site: Option<String>,
    /// The last answer, until the app has tracked it.
    received: Option<ApplicantResponse>,
    /// Requests actually sent, for tests that check bad input never reaches the network.
    requests_sent: u64,
}

impl LookupView {
    pub fn in_flight(&self) -> usize {
        usize::from(self.task.is_some())
    }

    pub fn requests_sent(&self) -> u64 {
        self.requests_sent
    }

    pub fn shown(&self) -> Option<&Applicant> {
        self.shown.as_ref().map(|(a, _)| a)
    }

    /// The applicant just received, once: the app tracks it.
    pub fn take_received(&mut self) -> Option<ApplicantResponse> {
        self.received.take()
    }

    pub fn cancel(&mut self) {
        if let Some((_, task)) = self.task.as_mut() {
            task.cancel();
        }
    }

    pub fn poll(&mut self) {
        let Some((id, task)) = self.task.take() else {
            return;
        };
        match task.try_take() {
            Err(task) => self.task = Some((id, task)),
            Ok(Ok(Ok(response))) => {
                let site = self.pending_site.take().unwrap_or_default();
                self.shown = Some((response.applicant.clone(), site));
                self.received = Some(response);
                self.error = None;
            }
            Ok(Ok(Err(e))) => {
                self.error = Some(match e {
                    ApiError::NotFound { .. } => format!("No applicant has the ID {id}. {e}"),
                    e => e.to_string(),
                });
            }
            Ok(Err(e)) => self.error = Some(format!("Look up of {id} stopped: {e}")),
        }
    }

    /// Starts a look-up for `id` (from another view, e.g. after an invite).
    pub fn look_up_now(
        &mut self,
        ctx: &egui::Context,
        runtime: &Handle,
        connection: Option<&Connection>,
        id: u64,
    ) {
        self.id_input = id.to_string();
        self.submit(ctx, runtime, connection);
    }

    fn submit(&mut self, ctx: &egui::Context, runtime: &Handle, connection: Option<&Connection>) {
        self.input_error = None;
        let id = match ApplicantId::parse(&self.id_input) {
            Ok(id) => id,
            Err(e) => {
                self.input_error = Some(e.to_string());
                return;
            }
        };
        let Some(connection) = connection else {
            self.error =
                Some("No profile is in use: add your API key in Keys, or try the demo.".into());
            return;
        };
        if let Some((_, mut old)) = self.task.take() {
            old.cancel();
        }
        self.error = None;
        self.pending_site = Some(connection.site());
        let client = connection.client.clone();
        self.requests_sent += 1;
        self.task = Some((
            id.get(),
            jobs::spawn(runtime, ctx, async move { client.get_applicant(id).await }),
        ));
    }

    pub fn ui(
        &mut self,
        ui: &mut Ui,
        runtime: &Handle,
        connection: Option<&Connection>,
        _commands: &mut Vec<Command>,
    ) {
        self.poll();
        ui.heading("Look up");
        ui.add_space(theme::SPACE);
        ui.horizontal(|ui| {
            let label = ui.label(ID_FIELD_LABEL);
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.id_input)
                        .id(id_field())
                        .hint_text("e.g. 31415")
                        .desired_width(160.0),
                )
                .labelled_by(label.id);
            if field.changed() {
                self.input_error = None;
            }
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            let in_flight = self.task.is_some();
            if in_flight {
                ui.spinner();
                if ui
                    .button("Cancel")
                    .on_hover_text("Stop this look-up (Esc)")
                    .clicked()
                {
                    self.cancel();
                }
            } else if ui.button("Look up").clicked() || enter {
                self.submit(ui.ctx(), runtime, connection);
                if enter {
                    field.request_focus();
                }
            }
        });
        if let Some(error) = &self.input_error {
            widgets::error_message(ui, error);
        }
        if let Some(error) = &self.error {
            widgets::error_message(ui, error);
        }
        ui.separator();
        match &self.shown {
            Some((applicant, site)) => {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        widgets::applicant_card(ui, applicant, &CardContext { site });
                    });
            }
            None => {
                ui.label(RichText::new("Type an applicant's ID and press Enter.").italics());
                if connection.is_some_and(|c| c.profile.name == super::DEMO_PROFILE) {
                    ui.add_space(theme::SPACE);
                    ui.label("In the demo, try:");
                    for (id, what) in DEMO_IDS {
                        ui.horizontal(|ui| {
                            if ui.link(id.to_string()).clicked() {
                                self.id_input = id.to_string();
                                self.submit(ui.ctx(), runtime, connection);
                            }
                            ui.label(*what);
                        });
                    }
                }
            }
        }
    }
}
