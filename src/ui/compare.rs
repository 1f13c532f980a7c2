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
use crate::{i18n, t};

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
    egui::Window::new(t!("applicant-compare-title"))
        .id(egui::Id::unique("compare-window"))
        .open(&mut open)
        .collapsible(false)
        .resizable([true, false])
        .default_width(COLUMN_WIDTH * compared.len() as f32 + 40.0)
        .show(ctx, |ui| {
            ui.label(RichText::new(t!("applicant-compare-scale")).weak().small());
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
    ui.label(if a.status().is_empty() {
        t!("applicant-not-fetched-short")
    } else {
        crate::ui::widgets::status_word(a.status())
    });
    ui.add_space(theme::SPACE);
    let overall = openings::overall(a, names.skill_weight(a.opening_id));
    bar(ui, &t!("applicant-overall"), overall);
    bar(ui, &t!("applicant-skill"), a.skill.get());
    bar(ui, &t!("applicant-adequation"), a.adequation.get());
    ui.label(t!(
        "applicant-compare-recruiter",
        score = recruiter_text(a.recruiter.get())
    ));
    ui.add_space(theme::SPACE);
    ui.label(t!(
        "applicant-compare-step",
        step = a.step.map_or_else(|| "—".to_owned(), |s| s.to_string())
    ));
    if let (Some(start), Some(end)) = (a.created_at.get(), a.finished_at.get()) {
        let hours = (end - start).num_minutes() as f64 / 60.0;
        ui.label(t!(
            "applicant-compare-finished",
            hours = i18n::decimal(hours, 1)
        ));
    }
    if a.answers.case_seconds > 0 {
        let minutes = f64::from(a.answers.case_seconds) / 60.0;
        ui.label(t!(
            "applicant-compare-case-minutes",
            minutes = i18n::decimal(minutes, 1)
        ));
    }
    ui.label(t!(
        "applicant-compare-answers",
        quizz = a.answers.quizz,
        cases = a.answers.cases,
        polls = a.answers.polls
    ));
    let flags = flags_text(a);
    if !flags.is_empty() {
        ui.label(
            RichText::new(t!("applicant-compare-flagged", flags = flags))
                .color(theme::warning_colour(ui.visuals().dark_mode)),
        );
    }
    ui.add_space(theme::SPACE);
    ui.label(match a.rating {
        Some(r) => t!("applicant-compare-rating", rating = r),
        None => t!("applicant-compare-no-rating"),
    });
    ui.label(t!("applicant-decision", decision = a.decision.label()));
    if !a.tags().is_empty() {
        let tags = visible(&a.tags().join(", ")).into_owned();
        ui.label(t!("applicant-compare-tags", tags = tags));
    }
    let notes = state.openings.notes_of(a.id);
    if !notes.is_empty() {
        ui.label(RichText::new(t!("applicant-compare-notes")).strong());
        for note in notes {
            ui.label(RichText::new(visible_lines(&note.text)).small());
        }
    }
    if ui.button(t!("applicant-compare-open")).clicked() {
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
                let score = i18n::decimal(v, 1);
                let hover = t!(
                    "applicant-score-of-100",
                    what = what,
                    score = score.as_str()
                );
                ui.add(
                    egui::ProgressBar::new((v / 100.0).clamp(0.0, 1.0) as f32)
                        .desired_width(COLUMN_WIDTH - 124.0)
                        .fill(theme::score_colour(v)),
                )
                .on_hover_text(&hover);
                ui.label(score).on_hover_text(hover);
            }
            None => {
                ui.label(RichText::new(t!("applicant-not-scored")).italics());
            }
        }
    });
}
