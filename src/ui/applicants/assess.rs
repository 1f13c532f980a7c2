//! What the recruiter decides of the selected applicant, beside their card: a rating of
//! their own, a decision, tags (with completion from the tags already used), timestamped
//! notes, and forgetting the applicant altogether. Kept on this computer, never sent.

use egui::{RichText, Ui};

use super::super::command::{Command, Commands};
use super::super::state::AppState;
use super::super::state::assess::Assessment;
use super::super::{theme, widgets};
use crate::boundary::terminal::visible;
use crate::jobs::assess::Decision;
use crate::jobs::record::TrackedApplicant;
use crate::t;

/// What is being typed in the panel.
#[derive(Default)]
pub struct AssessPanel {
    note: String,
    tag: String,
    confirm_forget: Option<u64>,
}

impl AssessPanel {
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        state: &AppState,
        row: &TrackedApplicant,
        commands: &mut Commands,
    ) {
        let id = row.id;
        let assess = |change| Command::Assess { id, change };
        ui.label(RichText::new(t!("applicant-assessment")).strong())
            .on_hover_text(t!("applicant-assessment-hint"));
        ui.horizontal(|ui| {
            widgets::fixed_label(ui, &t!("applicant-your-rating"), theme::FORM_LABEL_WIDTH);
            for r in 1..=5u8 {
                let chosen = row.rating == Some(r);
                if ui
                    .selectable_label(chosen, r.to_string())
                    .on_hover_text(t!("applicant-rate-hint", rating = r))
                    .clicked()
                {
                    commands.push(assess(Assessment::Rate((!chosen).then_some(r))));
                }
            }
        });
        ui.horizontal(|ui| {
            let label =
                widgets::fixed_label(ui, &t!("applicant-your-decision"), theme::FORM_LABEL_WIDTH);
            let mut decision = row.decision;
            egui::ComboBox::from_id_salt(("decision", id))
                .selected_text(decision.label())
                .show_ui(ui, |ui| {
                    for d in Decision::ALL {
                        ui.selectable_value(&mut decision, d, d.label());
                    }
                })
                .response
                .labelled_by(label.id);
            if decision != row.decision {
                commands.push(assess(Assessment::Decide(decision)));
            }
        });
        self.tags_ui(ui, state, row, commands);
        self.notes_ui(ui, state, row, commands);
        ui.add_space(theme::SPACE);
        let forget = ui
            .horizontal(|ui| {
                ui.button(t!("applicant-forget-button"))
                    .on_hover_text(t!("applicant-forget-hint"))
            })
            .inner;
        if forget.clicked() {
            self.confirm_forget = Some(id);
        }
        self.forget_dialog_ui(ui, row, commands);
    }

    fn tags_ui(
        &mut self,
        ui: &mut Ui,
        state: &AppState,
        row: &TrackedApplicant,
        commands: &mut Commands,
    ) {
        let id = row.id;
        ui.horizontal_wrapped(|ui| {
            widgets::fixed_label(ui, &t!("applicant-tags"), theme::FORM_LABEL_WIDTH);
            for tag in row.tags() {
                if ui
                    .small_button(format!("{} ×", visible(tag)))
                    .on_hover_text(t!(
                        "applicant-remove-tag-hint",
                        tag = visible(tag).into_owned()
                    ))
                    .clicked()
                {
                    commands.push(Command::Assess {
                        id,
                        change: Assessment::Untag(tag.clone()),
                    });
                }
            }
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.tag)
                        .id(egui::Id::unique(("tag-field", id)))
                        .hint_text(t!("applicant-tag-hint"))
                        .desired_width(120.0),
                )
                .on_hover_text(t!("applicant-tag-field-hint"));
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if entered && !self.tag.trim().is_empty() {
                commands.push(Command::Assess {
                    id,
                    change: Assessment::Tags(vec![self.tag.trim().to_owned()]),
                });
                self.tag.clear();
            }
        });
        let typed = self.tag.trim().to_lowercase();
        if typed.is_empty() {
            return;
        }
        let suggestions: Vec<&String> = state
            .assess
            .known_tags()
            .iter()
            .filter(|t| t.to_lowercase().starts_with(&typed) && !row.tags().contains(t))
            .take(5)
            .collect();
        if suggestions.is_empty() {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.add_space(theme::FORM_LABEL_WIDTH);
            for tag in suggestions {
                if ui
                    .small_button(tag.as_str())
                    .on_hover_text(t!("applicant-add-tag-hint"))
                    .clicked()
                {
                    commands.push(Command::Assess {
                        id,
                        change: Assessment::Tags(vec![tag.clone()]),
                    });
                    self.tag.clear();
                }
            }
        });
    }

    fn notes_ui(
        &mut self,
        ui: &mut Ui,
        state: &AppState,
        row: &TrackedApplicant,
        commands: &mut Commands,
    ) {
        let notes = state
            .applicants
            .detail()
            .filter(|d| d.id == row.id)
            .map(|d| d.notes.as_slice())
            .unwrap_or_default();
        ui.add_space(theme::SPACE);
        ui.label(RichText::new(t!("applicant-notes", count = notes.len())).strong());
        for note in notes {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(widgets::short_time(Some(note.at)))
                        .weak()
                        .small(),
                );
                ui.label(crate::boundary::terminal::visible_lines(&note.text));
            });
        }
        let label = ui.label(t!("applicant-new-note"));
        ui.add(
            egui::TextEdit::multiline(&mut self.note)
                .id(egui::Id::unique(("note-field", row.id)))
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text(t!("applicant-new-note-hint")),
        )
        .labelled_by(label.id);
        let add = ui
            .horizontal(|ui| {
                ui.add_enabled(
                    !self.note.trim().is_empty(),
                    egui::Button::new(t!("applicant-add-note")),
                )
            })
            .inner;
        if add.clicked() {
            commands.push(Command::Assess {
                id: row.id,
                change: Assessment::Note(self.note.trim().to_owned()),
            });
            self.note.clear();
        }
    }

    fn forget_dialog_ui(&mut self, ui: &mut Ui, row: &TrackedApplicant, commands: &mut Commands) {
        if self.confirm_forget != Some(row.id) {
            return;
        }
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("confirm-forget")).show(ui.ctx(), |ui| {
            crate::ui::a11y::heading(
                ui,
                t!(
                    "applicant-forget-title",
                    name = visible(&row.name).into_owned()
                ),
            );
            ui.label(t!("applicant-forget-text"));
            ui.add_space(theme::SPACE);
            ui.horizontal(|ui| {
                if ui.button(t!("applicant-forget")).clicked() {
                    commands.push(Command::Assess {
                        id: row.id,
                        change: Assessment::Forget,
                    });
                    close = true;
                }
                if ui.button(t!("applicant-cancel")).clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.confirm_forget = None;
        }
    }
}
