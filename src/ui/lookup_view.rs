//! Look up: one applicant by ID, shown as the applicant card.

use egui::{Key, RichText, Ui};

use super::card::{self, CardContext};
use super::command::{Command, Commands};
use super::find::{self, Finder};
use super::settings::View;
use super::state::AppState;
use super::{a11y, messages, theme, widgets};
use crate::api::ApplicantId;
use crate::jobs::demo::DEMO_PROFILE;
use crate::t;

/// Seeded applicants worth a look in the demo (see assets/sandbox/README.md).
const DEMO_IDS: [u64; 5] = [31415, 1002, 1003, 1017, 1099];

/// What a seeded applicant of the demo shows.
fn demo_note(id: u64) -> String {
    match id {
        31415 => t!("applicant-demo-reference"),
        1002 => t!("applicant-demo-answers"),
        1003 => t!("applicant-demo-gibberish"),
        1017 => t!("applicant-demo-moving"),
        _ => t!("applicant-demo-many"),
    }
}

/// The ID field's id, for Ctrl+L.
pub fn id_field() -> egui::Id {
    egui::Id::unique("lookup-id-field")
}

#[derive(Default)]
pub struct LookupView {
    id_input: String,
    input_error: Option<String>,
    finder: Finder,
}

impl LookupView {
    fn submit(&mut self, commands: &mut Commands) {
        self.input_error = None;
        if !find::is_id(&self.id_input) && self.finder.found_any() {
            // A name or an email: the one tracked applicant it found, else a choice.
            match self.finder.only_match().map(ApplicantId::new) {
                Some(Ok(id)) => commands.push(Command::LookUp(id)),
                _ => {
                    self.input_error = Some(t!("applicant-choose-one"));
                }
            }
            return;
        }
        match ApplicantId::parse(&self.id_input) {
            Ok(id) => commands.push(Command::LookUp(id)),
            Err(e) => self.input_error = Some(e.to_string()),
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, commands: &mut Commands) {
        let lookup = &state.lookup;
        self.finder.follow(state);
        self.finder.search(state, &self.id_input);
        crate::ui::a11y::heading(ui, t!("applicant-lookup-title"));
        ui.add_space(theme::SPACE);
        ui.horizontal(|ui| {
            let label = ui.label(t!("applicant-id-label"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.id_input)
                        .id(id_field())
                        .hint_text(t!("applicant-id-hint"))
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            a11y::first_field(&field, View::LookUp);
            if field.changed() {
                self.input_error = None;
            }
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if lookup.is_running() {
                ui.spinner();
                if ui
                    .button(t!("applicant-cancel"))
                    .on_hover_text(t!("applicant-lookup-cancel-hint"))
                    .clicked()
                {
                    commands.push(Command::CancelLookUp);
                }
            } else if ui.button(t!("applicant-lookup-button")).clicked() || enter {
                self.submit(commands);
                if enter {
                    field.request_focus();
                }
            }
        });
        if let Some(error) = &self.input_error {
            widgets::error_message(ui, error);
        }
        self.finder.matches_ui(ui, commands);
        self.finder.recent_ui(ui, state, commands);
        if let Some(error) = lookup.error() {
            widgets::problem(ui, error);
        }
        ui.separator();
        match lookup.shown_with_site() {
            Some((applicant, site)) => {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        assessment_ui(ui, state, applicant.id, commands);
                        messages::messages_ui(ui, state, applicant);
                        card::applicant_card(
                            ui,
                            applicant,
                            &CardContext {
                                site,
                                openings: state.openings.names(),
                            },
                        );
                    });
            }
            None => {
                ui.label(RichText::new(t!("applicant-lookup-empty")).italics());
                if state
                    .connection()
                    .is_some_and(|c| c.profile.name == DEMO_PROFILE)
                {
                    ui.add_space(theme::SPACE);
                    ui.label(t!("applicant-demo-try"));
                    for id in DEMO_IDS {
                        ui.horizontal(|ui| {
                            if ui.link(id.to_string()).clicked() {
                                self.id_input = id.to_string();
                                self.submit(commands);
                            }
                            ui.label(demo_note(id));
                        });
                    }
                }
            }
        }
    }
}

/// What the recruiter decided of this applicant, when the record tracks them: a line above
/// the card, and the way to note or decide (beside the card in Applicants).
fn assessment_ui(ui: &mut Ui, state: &AppState, id: u64, commands: &mut Commands) {
    let Some(row) = state.applicants.row(id) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        let mut said = vec![t!("applicant-decision", decision = row.decision.label())];
        if let Some(r) = row.rating {
            said.push(t!("applicant-rating-short", rating = r));
        }
        if !row.tags().is_empty() {
            said.push(t!(
                "applicant-tags-short",
                tags = crate::boundary::terminal::visible(&row.tags().join(", ")).into_owned()
            ));
        }
        ui.label(RichText::new(said.join(" · ")).strong());
        if ui
            .button(t!("applicant-note-or-decide"))
            .on_hover_text(t!("applicant-note-or-decide-hint"))
            .clicked()
        {
            commands.push(Command::ShowApplicant(id));
        }
    });
    ui.add_space(theme::SPACE);
}
