//! Two to four applicants side by side: their scores as bars on one 0–100 scale, how far
//! they got and how long they took, their answers and flags, and what the recruiter noted
//! and decided. Esc closes it.

use egui::{RichText, Ui};

use super::command::{Command, Commands};
use super::openings::{flags_text, recruiter_text};
use super::state::AppState;
use super::theme;
use crate::boundary::terminal::{visible, visible_lines};
use crate::jobs::openings;
use crate::jobs::record::TrackedApplicant;

const COLUMN_WIDTH: f32 = 220.0;

pub fn compare_ui(ctx: &egui::Context, state: &AppState, commands: &mut Commands) {
    let data = &state.openings;
    if !data.is_comparing() {
        return;
    }
    let compared: Vec<&TrackedApplicant> = data
        .compared()
        .iter()
        .filter_map(|id| state.applicants.row(*id))
        .collect();
    let mut open = true;
    egui::Window::new("Compare applicants")
        .id(egui::Id::unique("compare-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable([true, false])
        .default_width(COLUMN_WIDTH * compared.len() as f32 + 40.0)
        .show(ctx, |ui| {
            ui.label(
                RichText::new("Scores on one 0–100 scale. Esc closes this window.")
                    .weak()
                    .small(),
            );
            egui::ScrollArea::both().max_height(520.0).show(ui, |ui| {
                ui.horizontal_top(|ui| {
                    for a in &compared {
                        ui.vertical(|ui| {
                            ui.set_width(COLUMN_WIDTH);
                            column_ui(ui, state, a, commands);
                        });
                        ui.separator();
                    }
                });
            });
        });
    if !open {
        commands.push(Command::ShowComparison(false));
    }
}

fn column_ui(ui: &mut Ui, state: &AppState, a: &TrackedApplicant, commands: &mut Commands) {
    let names = state.openings.names();
    ui.label(RichText::new(visible(&a.name)).heading().strong());
    ui.label(RichText::new(visible(&names.label(a.opening_id))).weak());
    ui.label(if a.status.is_empty() {
        "not fetched yet".to_owned()
    } else {
        visible(&a.status).into_owned()
    });
    ui.add_space(theme::SPACE);
    let overall = openings::overall(a, names.skill_weight(a.opening_id));
    bar(ui, "Overall", overall);
    bar(ui, "Skill", a.skill);
    bar(ui, "Adequation", a.adequation);
    ui.label(format!("Recruiter score: {}", recruiter_text(a.recruiter)));
    ui.add_space(theme::SPACE);
    ui.label(format!(
        "Step {}",
        a.step.map_or_else(|| "—".to_owned(), |s| s.to_string())
    ));
    if let (Some(start), Some(end)) = (a.created_at, a.finished_at) {
        let hours = (end - start).num_minutes() as f64 / 60.0;
        ui.label(format!("Finished {hours:.1} h after the invite"));
    }
    if a.answers.case_seconds > 0 {
        ui.label(format!(
            "{:.1} min recorded on the cases",
            f64::from(a.answers.case_seconds) / 60.0
        ));
    }
    ui.label(format!(
        "{} quizz, {} case, {} poll answers",
        a.answers.quizz, a.answers.cases, a.answers.polls
    ));
    let flags = flags_text(a);
    if !flags.is_empty() {
        ui.label(
            RichText::new(format!("Flagged: {flags}"))
                .color(theme::warning_colour(ui.visuals().dark_mode)),
        );
    }
    ui.add_space(theme::SPACE);
    ui.label(format!(
        "Your rating: {}",
        a.rating
            .map_or_else(|| "none".to_owned(), |r| format!("{r} / 5"))
    ));
    ui.label(format!("Decision: {}", a.decision.label()));
    if !a.tags.is_empty() {
        ui.label(format!("Tags: {}", visible(&a.tags.join(", "))));
    }
    let notes = state.openings.notes_of(a.id);
    if !notes.is_empty() {
        ui.label(RichText::new("Notes").strong());
        for note in notes {
            ui.label(RichText::new(visible_lines(&note.text)).small());
        }
    }
    if ui.button("Open in Applicants").clicked() {
        commands.push(Command::ShowComparison(false));
        commands.push(Command::ShowApplicant(a.id));
    }
}

/// A score as a bar on the 0–100 scale every column shares.
fn bar(ui: &mut Ui, what: &str, value: Option<f64>) {
    ui.horizontal(|ui| {
        ui.add_sized([76.0, 18.0], egui::Label::new(what));
        match value {
            Some(v) => {
                // The number beside the bar, not over it (see widgets::score_bar).
                let hover = format!("{what}: {v:.1} out of 100");
                ui.add(
                    egui::ProgressBar::new((v / 100.0).clamp(0.0, 1.0) as f32)
                        .desired_width(COLUMN_WIDTH - 124.0)
                        .fill(theme::score_colour(v)),
                )
                .on_hover_text(&hover);
                ui.label(format!("{v:.1}")).on_hover_text(hover);
            }
            None => {
                ui.label(RichText::new("not scored").italics());
            }
        }
    });
}
