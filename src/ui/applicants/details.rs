//! The selected applicant under the table: the same card as Look up, beside the score
//! history and the status changes the record kept.

use egui::{RichText, Ui};

use super::super::card::{self, CardContext};
use super::super::command::{Command, Commands};
use super::super::state::AppState;
use super::super::{messages, theme};
use crate::jobs::record::{Snapshot, TrackedApplicant};

pub fn details_ui(
    ui: &mut Ui,
    state: &AppState,
    row: &TrackedApplicant,
    panel: &mut super::assess::AssessPanel,
    commands: &mut Commands,
) {
    let detail = state.applicants.detail().filter(|d| d.id == row.id);
    ui.horizontal(|ui| {
        if ui
            .button("Untrack")
            .on_hover_text("Stop tracking this applicant")
            .clicked()
        {
            commands.push(Command::Untrack(vec![row.id]));
        }
        if detail.is_some_and(|d| d.raw.is_some()) && ui.button("Export JSON…").clicked() {
            commands.push(Command::ExportApplicantJson(row.id));
        }
        let compared = state.openings.compared();
        let (text, hint) = if compared.contains(&row.id) {
            (
                "Remove from comparison",
                "Take this applicant out of the comparison",
            )
        } else {
            (
                "Add to comparison",
                "Compare this applicant side by side with others (2 to 4)",
            )
        };
        if ui.button(text).on_hover_text(hint).clicked() {
            commands.push(Command::ToggleCompare(row.id));
        }
        if compared.len() >= 2
            && ui
                .button(format!("Compare ({})", compared.len()))
                .on_hover_text("Show the applicants added side by side")
                .clicked()
        {
            commands.push(Command::ShowComparison(true));
        }
        if ui.button("Close").clicked() {
            commands.push(Command::SelectApplicant(None));
        }
    });
    let site = state.connection().map(|c| c.site()).unwrap_or_default();
    egui::ScrollArea::vertical()
        .id_salt("applicant-details")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.columns(2, |cols| {
                match detail {
                    None => {
                        cols[0].spinner();
                    }
                    Some(d) => match &d.applicant {
                        Some(applicant) => {
                            messages::messages_ui(&mut cols[0], state, applicant);
                            card::applicant_card(
                                &mut cols[0],
                                applicant,
                                &CardContext {
                                    site: &site,
                                    openings: state.openings.names(),
                                },
                            );
                        }
                        None => {
                            cols[0].label(format!(
                                "Applicant {} has not been fetched yet; refresh to see it.",
                                row.id
                            ));
                        }
                    },
                }
                panel.ui(&mut cols[1], state, row, commands);
                cols[1].add_space(theme::SECTION_SPACE);
                history_ui(&mut cols[1], detail.map(|d| d.history.as_slice()));
            });
        });
}

fn history_ui(ui: &mut Ui, history: Option<&[Snapshot]>) {
    ui.label(RichText::new("Score history").strong());
    let Some(history) = history else {
        ui.spinner();
        return;
    };
    let points = |pick: fn(&Snapshot) -> Option<f64>| -> Vec<[f64; 2]> {
        history
            .iter()
            .filter_map(|s| Some([s.taken_at.timestamp() as f64, pick(s)?]))
            .collect()
    };
    let skill = points(|s| s.skill);
    let adequation = points(|s| s.adequation);
    if skill.is_empty() && adequation.is_empty() {
        ui.label(RichText::new("No scores yet.").italics());
    } else {
        egui_plot::Plot::new("score-history")
            .height(180.0)
            .include_y(0.0)
            .include_y(100.0)
            .legend(egui_plot::Legend::default())
            .x_axis_formatter(|mark, _| {
                chrono::DateTime::from_timestamp(mark.value as i64, 0)
                    .map(|t| {
                        t.with_timezone(&chrono::Local)
                            .format("%m-%d %H:%M")
                            .to_string()
                    })
                    .unwrap_or_default()
            })
            .show(ui, |plot| {
                // Points as well as lines: a single snapshot is still visible.
                for (name, series, colour) in [
                    ("Skill", skill, theme::SKILL_COLOUR),
                    ("Adequation", adequation, theme::ADEQUATION_COLOUR),
                ] {
                    plot.line(egui_plot::Line::new(name, series.clone()).color(colour));
                    plot.points(
                        egui_plot::Points::new(name, series)
                            .radius(3.5)
                            .color(colour),
                    );
                }
            });
    }
    ui.add_space(theme::SPACE);
    ui.label(RichText::new("Status changes").strong());
    let mut last: Option<&str> = None;
    for s in history {
        if last != Some(s.status.as_str()) {
            ui.label(format!(
                "{} — {}{}",
                s.taken_at
                    .with_timezone(&chrono::Local)
                    .format("%Y-%m-%d %H:%M"),
                s.status,
                s.step
                    .map_or_else(String::new, |step| format!(" (step {step})"))
            ));
            last = Some(&s.status);
        }
    }
}
