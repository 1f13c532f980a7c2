//! The selected opening at a glance: its funnel as bars, how its overall score is weighed,
//! and how the overall scores spread (a histogram).

use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Plot};

use super::super::command::{Command, Commands};
use super::super::theme;
use crate::boundary::terminal::visible;
use crate::jobs::openings::OpeningSummary;
use crate::{i18n, t};

/// Invited → started → scored, each as a bar of everyone tracked, then the other statuses.
pub fn funnel_ui(ui: &mut Ui, opening: &OpeningSummary) {
    ui.label(RichText::new(t!("openings-funnel")).strong());
    let total = opening.tracked.max(1) as f32;
    for (what, count, hint) in [
        (
            t!("openings-invited"),
            opening.tracked,
            t!("openings-invited-hint"),
        ),
        (
            t!("openings-started"),
            opening.started,
            t!("openings-started-hint"),
        ),
        (
            t!("openings-scored"),
            opening.scored,
            t!("openings-scored-hint"),
        ),
    ] {
        ui.horizontal(|ui| {
            super::super::widgets::fixed_label(ui, &what, theme::FORM_LABEL_WIDTH);
            ui.add(
                egui::ProgressBar::new(count as f32 / total)
                    .desired_width(220.0)
                    .text(format!("{count}")),
            )
            .on_hover_text(hint);
        });
    }
    let others: Vec<String> = opening
        .statuses
        .iter()
        .map(|(status, n)| {
            let status = visible(&status.to_lowercase()).into_owned();
            t!("openings-status-count", count = *n, status = status)
        })
        .collect();
    if !others.is_empty() {
        let statuses = others.join(", ");
        ui.label(RichText::new(t!("openings-by-status", statuses = statuses)).small())
            .on_hover_text(t!("openings-by-status-hint"));
    }
}

/// The overall score's weights: skill against adequation, saved per opening.
pub fn weight_ui(ui: &mut Ui, opening: &OpeningSummary, commands: &mut Commands) {
    let Some(id) = opening.id else {
        return;
    };
    ui.add_space(theme::SPACE);
    let mut skill = (opening.skill_weight * 100.0).round();
    let response = ui
        .horizontal(|ui| {
            let label = super::super::widgets::fixed_label(
                ui,
                &t!("openings-skill-counts"),
                theme::FORM_LABEL_WIDTH,
            );
            let slider = ui
                .add(
                    egui::Slider::new(&mut skill, 0.0..=100.0)
                        .step_by(5.0)
                        .suffix(" %"),
                )
                .labelled_by(label.id)
                .on_hover_text(t!("openings-skill-counts-hint"));
            let share = i18n::decimal(100.0 - skill, 0);
            ui.label(t!("openings-adequation-share", share = share));
            slider
        })
        .inner;
    if response.drag_stopped() || (response.changed() && !response.dragged()) {
        commands.push(Command::WeighOpening {
            id,
            skill_weight: skill / 100.0,
        });
    }
}

/// How many scored applicants fall in each tenth of the overall scale.
pub fn histogram_ui(ui: &mut Ui, opening: &OpeningSummary) {
    ui.vertical(|ui| {
        ui.label(RichText::new(t!("openings-overall-scores")).strong())
            .on_hover_text(t!("openings-overall-scores-hint"));
        let bars: Vec<Bar> = opening
            .bands
            .iter()
            .enumerate()
            .map(|(i, n)| {
                Bar::new(i as f64 * 10.0 + 5.0, *n as f64)
                    .width(9.0)
                    .name(format!("{}–{}", i * 10, i * 10 + 10))
            })
            .collect();
        let most = opening.bands.iter().copied().max().unwrap_or(0).max(1) as f64;
        Plot::new(("histogram", opening.id))
            .height(150.0)
            .allow_drag(false)
            .allow_zoom(false)
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            .include_x(0.0)
            .include_x(100.0)
            .include_y(0.0)
            .include_y(most)
            .x_axis_label(t!("openings-axis-overall"))
            .y_axis_label(t!("openings-axis-applicants"))
            .show(ui, |plot| {
                let name = t!("openings-axis-applicants");
                plot.bar_chart(BarChart::new(name, bars).color(theme::SKILL_COLOUR));
            });
    });
}
