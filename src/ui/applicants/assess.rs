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
        ui.label(RichText::new("Your assessment").strong())
            .on_hover_text("Kept on this computer for this profile; never sent to RickRut");
        ui.horizontal(|ui| {
            widgets::fixed_label(ui, "Your rating", theme::FORM_LABEL_WIDTH);
            for r in 1..=5u8 {
                let chosen = row.rating == Some(r);
                if ui
                    .selectable_label(chosen, r.to_string())
                    .on_hover_text(format!("Rate {r} of 5"))
                    .clicked()
                {
                    commands.push(assess(Assessment::Rate((!chosen).then_some(r))));
                }
            }
        });
        ui.horizontal(|ui| {
            let label = widgets::fixed_label(ui, "Your decision", theme::FORM_LABEL_WIDTH);
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
                ui.button("Forget applicant…").on_hover_text(
                    "Remove everything this app holds on them: record, history, notes, tags, decision and invites",
                )
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
            widgets::fixed_label(ui, "Tags", theme::FORM_LABEL_WIDTH);
            for tag in &row.tags {
                if ui
                    .small_button(format!("{} ×", visible(tag)))
                    .on_hover_text(format!("Remove the tag {}", visible(tag)))
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
                        .hint_text("add a tag")
                        .desired_width(120.0),
                )
                .on_hover_text("Type a tag and press Enter");
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
            .filter(|t| t.to_lowercase().starts_with(&typed) && !row.tags.contains(t))
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
                    .on_hover_text("Add this tag")
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
        ui.label(RichText::new(format!("Notes ({})", notes.len())).strong());
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
        let label = ui.label("New note");
        ui.add(
            egui::TextEdit::multiline(&mut self.note)
                .id(egui::Id::unique(("note-field", row.id)))
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text("What you want to remember about this applicant"),
        )
        .labelled_by(label.id);
        let add = ui
            .horizontal(|ui| {
                ui.add_enabled(!self.note.trim().is_empty(), egui::Button::new("Add note"))
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
            ui.heading(format!(
                "Forget {}?",
                visible(&row.name)
            ));
            ui.label("Everything this app holds on them is removed from this computer: their record and history, your notes, tags, rating and decision, and the invites sent to them. RickRut keeps its own copy; untrack instead to keep your notes.");
            ui.add_space(theme::SPACE);
            ui.horizontal(|ui| {
                if ui.button("Forget").clicked() {
                    commands.push(Command::Assess {
                        id: row.id,
                        change: Assessment::Forget,
                    });
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
        if close || modal.should_close() {
            self.confirm_forget = None;
        }
    }
}
