//! The selected applicant's score history: a chart on a fixed 0–100 scale over a time axis
//! whose labels all differ, its legend beside it rather than over it, and the status changes.

use egui::{RichText, Ui};
use egui_plot::{GridInput, GridMark};

use super::super::theme;
use crate::jobs::record::Snapshot;
use crate::{i18n, t};

const CHART_ID: &str = "score-history";

pub fn history_ui(ui: &mut Ui, history: Option<&[Snapshot]>) {
    ui.label(RichText::new(t!("applicant-history")).strong());
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
        ui.label(RichText::new(t!("applicant-no-scores")).italics());
    } else {
        legend_ui(ui);
        let plot = egui_plot::Plot::new(CHART_ID)
            .height(180.0)
            .default_y_bounds(0.0, 100.0)
            // The scale stays 0–100: only time can be dragged or zoomed.
            .allow_zoom([true, false])
            .allow_drag([true, false])
            .allow_scroll(false)
            .allow_boxed_zoom(false)
            // No coordinates printed over the lines under the pointer.
            .show_x(false)
            .show_y(false)
            .custom_x_axes(vec![
                egui_plot::AxisHints::new_x()
                    .label_spacing(110.0..=140.0)
                    .formatter(|mark, _| time_label(mark.value, mark.step_size)),
            ])
            .x_grid_spacer(time_marks);
        let shown = plot.show(ui, |plot| {
            // Points as well as lines: a single snapshot is still visible.
            for (name, series, colour) in [
                (t!("applicant-skill"), skill, theme::SKILL_COLOUR),
                (
                    t!("applicant-adequation"),
                    adequation,
                    theme::ADEQUATION_COLOUR,
                ),
            ] {
                plot.line(egui_plot::Line::new(name.as_str(), series.clone()).color(colour));
                plot.points(
                    egui_plot::Points::new(name, series)
                        .radius(3.5)
                        .color(colour),
                );
            }
        });
        let (first, last) = (history.first(), history.last());
        let said = match (first, last) {
            (Some(a), Some(b)) => t!(
                "applicant-chart-span",
                from = i18n::date_time(a.taken_at),
                to = i18n::date_time(b.taken_at)
            ),
            _ => t!("applicant-chart"),
        };
        shown
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &said));
    }
    ui.add_space(theme::SPACE);
    ui.label(RichText::new(t!("applicant-status-changes")).strong());
    let mut last: Option<&str> = None;
    for s in history {
        if last != Some(s.status.as_str()) {
            let time = i18n::date_time(s.taken_at);
            let status = crate::ui::widgets::status_word(&s.status);
            ui.label(match s.step {
                Some(step) => t!(
                    "applicant-status-change-step",
                    time = time,
                    status = status,
                    step = step.to_string()
                ),
                None => t!("applicant-status-change", time = time, status = status),
            });
            last = Some(&s.status);
        }
    }
}

/// Which line is which, above the chart: a stroke of each colour and its name in plain text.
fn legend_ui(ui: &mut Ui) {
    ui.horizontal(|ui| {
        for (name, colour) in [
            (t!("applicant-skill"), theme::SKILL_COLOUR),
            (t!("applicant-adequation"), theme::ADEQUATION_COLOUR),
        ] {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 12.0), egui::Sense::hover());
            ui.painter().hline(
                rect.x_range(),
                rect.center().y,
                egui::Stroke::new(3.0, colour),
            );
            ui.label(name);
            ui.add_space(theme::SPACE);
        }
    });
}

/// Steps between time marks, in seconds: round numbers of seconds, minutes, hours and days.
const STEPS: [f64; 17] = [
    1.0,
    5.0,
    15.0,
    30.0,
    60.0,
    300.0,
    900.0,
    1800.0,
    3600.0,
    3.0 * 3600.0,
    6.0 * 3600.0,
    12.0 * 3600.0,
    86_400.0,
    2.0 * 86_400.0,
    7.0 * 86_400.0,
    30.0 * 86_400.0,
    365.0 * 86_400.0,
];

/// Marks on the time axis at three sizes of round steps, each mark with the largest step it
/// falls on (the one its label is written for).
fn time_marks(input: GridInput) -> Vec<GridMark> {
    let first = STEPS
        .iter()
        .position(|s| *s >= input.base_step_size)
        .unwrap_or(STEPS.len() - 1);
    let steps = &STEPS[first..(first + 3).min(STEPS.len())];
    let (low, high) = input.bounds;
    let mut marks: Vec<GridMark> = Vec::new();
    for &step in steps.iter().rev() {
        let mut value = (low / step).ceil() * step;
        while value <= high && marks.len() < 1000 {
            if !marks.iter().any(|m| m.value == value) {
                marks.push(GridMark {
                    value,
                    step_size: step,
                });
            }
            value += step;
        }
    }
    marks
}

/// A mark's time in the local zone, as precise as its step needs and no more: seconds for
/// steps under a minute, minutes under an hour, the day and time under a day, else the day.
fn time_label(seconds: f64, step: f64) -> String {
    let Some(time) = chrono::DateTime::from_timestamp(seconds.round() as i64, 0) else {
        return String::new();
    };
    let local = time.with_timezone(&chrono::Local);
    if step < 60.0 {
        local.format("%H:%M:%S").to_string() // not for people: a clock's digits, alike in both languages
    } else if step < 3600.0 {
        local.format("%H:%M").to_string() // not for people: a clock's digits, alike in both languages
    } else if step < 86_400.0 {
        i18n::day_month_time(time)
    } else if step < 365.0 * 86_400.0 {
        i18n::date(time)
    } else {
        local.format("%Y").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_axis_labels_differ_at_every_step() {
        let start = 1_796_000_000.0; // December 2026
        for span in [20.0, 300.0, 4000.0, 90_000.0, 900_000.0, 8_000_000.0] {
            let marks = time_marks(GridInput {
                bounds: (start, start + span),
                base_step_size: span / 12.0,
            });
            assert!(marks.len() >= 2, "{span}: {marks:?}");
            let mut labels: Vec<String> = marks
                .iter()
                .map(|m| time_label(m.value, m.step_size))
                .collect();
            let count = labels.len();
            labels.sort();
            labels.dedup();
            assert_eq!(labels.len(), count, "{span} s: {labels:?}");
        }
    }

    #[test]
    fn a_label_is_as_precise_as_its_step() {
        let at = 1_796_000_000.0;
        assert_eq!(time_label(at, 15.0).len(), "14:03:20".len());
        assert_eq!(time_label(at, 300.0).len(), "14:03".len());
        assert!(time_label(at, 86_400.0).contains("2026"));
    }
}
