//! The Applicants toolbar (filter, status, refresh, pace, track an ID, untrack, export) and
//! the refresh's progress.

use std::sync::Arc;

use egui::Ui;

use super::super::command::{Command, Commands};
use super::super::state::AppState;
use super::super::state::applicants::{ApplicantsState, ViewOptions};
use super::super::widgets;
use super::{ApplicantsView, filter_id};
use crate::api::ApplicantId;
use crate::jobs::export::TableFormat;
use crate::jobs::refresh::RefreshProgress;
use crate::t;

/// A control's label in the wrapping toolbar: kept on one line, so it moves to the next line
/// whole with its control rather than breaking in two across them.
fn word(ui: &mut Ui, text: &str) -> egui::Response {
    ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend))
}

pub fn toolbar_ui(
    ui: &mut Ui,
    state: &AppState,
    view: &mut ApplicantsView,
    commands: &mut Commands,
) {
    let data = &state.applicants;
    let mut options: ViewOptions = data.options().clone();
    ui.horizontal_wrapped(|ui| {
        let label = word(ui, &t!("applicants-filter"));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut view.filter)
                    .id(filter_id())
                    .hint_text(t!("applicants-filter-hint"))
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
        crate::ui::a11y::first_field(&response, crate::ui::View::Applicants);
        if response.changed() {
            options.filter = view.filter.clone();
        }
        let any_status = t!("applicants-any-status");
        egui::ComboBox::from_label(t!("applicants-filter-status"))
            .selected_text(options.status.as_deref().unwrap_or(&any_status))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut options.status, None, any_status.as_str());
                for s in data.statuses() {
                    ui.selectable_value(&mut options.status, Some(s.clone()), s.as_str());
                }
            });
        ui.checkbox(
            &mut options.changed_only,
            t!("applicants-changed-only", count = data.changed_count()),
        );
        ui.separator();
        refresh_buttons_ui(ui, data, commands);
        pace_ui(ui, state, commands);
        ui.separator();
        let label = word(ui, &t!("applicants-track-id"));
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut view.track_input)
                    .hint_text(t!("applicants-track-id-hint"))
                    .desired_width(90.0),
            )
            .labelled_by(label.id);
        let enter = widgets::entered(ui, &field);
        let track = ui
            .button(t!("applicants-track"))
            .on_hover_text(t!("applicants-track-hint"));
        if track.clicked() || enter {
            match ApplicantId::parse(&view.track_input) {
                Err(e) => view.track_error = Some(e.to_string()),
                Ok(id) => {
                    view.track_input.clear();
                    view.track_error = None;
                    commands.push(Command::Track(id));
                }
            }
        }
        // The IDs shown are gathered only on a click: 100,000 of them per frame would cost.
        let shown = || data.visible().iter().map(|r| r.id).collect::<Vec<u64>>();
        let count = data.order().len();
        if count > 0
            && ui
                .button(t!("applicants-untrack-shown", count = count))
                .clicked()
        {
            view.confirm_untrack = Some(shown());
        }
        if count > 0 {
            ui.menu_button(t!("applicants-export"), |ui| {
                for format in [TableFormat::Csv, TableFormat::Xlsx] {
                    if ui
                        .button(t!(
                            "applicants-export-as",
                            format = format.what(),
                            count = count
                        ))
                        .clicked()
                    {
                        commands.push(Command::ExportApplicants {
                            ids: shown(),
                            format,
                        });
                        ui.close();
                    }
                }
            });
        }
    });
    if &options != data.options() {
        commands.push(Command::ApplicantsOptions(options));
    }
}

fn refresh_buttons_ui(ui: &mut Ui, data: &ApplicantsState, commands: &mut Commands) {
    if data.is_refreshing() {
        if ui.button(t!("applicants-cancel-refresh")).clicked() {
            commands.push(Command::CancelRefresh);
        }
        return;
    }
    if ui
        .button(t!("applicants-refresh-all"))
        .on_hover_text(t!("applicants-refresh-all-hint"))
        .clicked()
    {
        commands.push(Command::Refresh(None));
    }
    // Always there (greyed out with no row selected), so selecting a row moves nothing.
    let selected = data.selected();
    if ui
        .add_enabled(
            selected.is_some(),
            egui::Button::new(t!("applicants-refresh-selected")),
        )
        .on_hover_text(t!("applicants-refresh-selected-hint"))
        .on_disabled_hover_text(t!("applicants-refresh-selected-none"))
        .clicked()
        && let Some(id) = selected
    {
        commands.push(Command::Refresh(Some(vec![id])));
    }
    let failed: Vec<u64> = data
        .last_refresh()
        .map(|p| {
            p.failures
                .iter()
                .map(|(id, _)| *id)
                .filter(|id| *id > 0)
                .collect()
        })
        .unwrap_or_default();
    if !failed.is_empty()
        && ui
            .button(t!("applicants-retry-failed", count = failed.len()))
            .clicked()
    {
        commands.push(Command::Refresh(Some(failed)));
    }
}

/// Requests at once and the background checks' interval, each a labelled control with its
/// unit: the same settings as in Settings.
fn pace_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    let mut settings = state.settings.clone();
    let label = word(ui, &t!("applicants-concurrency"));
    ui.add(egui::DragValue::new(&mut settings.concurrency).range(1..=64))
        .labelled_by(label.id)
        .on_hover_text(t!("applicants-concurrency-hint"));
    let label = word(ui, &widgets::checks_label());
    ui.add(widgets::check_interval(&mut settings.check_every_minutes))
        .labelled_by(label.id)
        .on_hover_text(widgets::checks_hint());
    if settings != state.settings {
        commands.push(Command::ChangeSettings(settings));
    }
}

pub fn progress_ui(ui: &mut Ui, data: &ApplicantsState) {
    let running = data.is_refreshing();
    let p = if running {
        Some(data.progress())
    } else {
        data.last_refresh()
    };
    let Some(p) = p else { return };
    ui.horizontal(|ui| {
        let fraction = if p.total == 0 {
            1.0
        } else {
            p.done as f32 / p.total as f32
        };
        ui.add(
            egui::ProgressBar::new(fraction)
                .desired_width(240.0)
                .text(t!("applicants-progress", done = p.done, total = p.total)),
        );
        ui.label(t!(
            "applicants-progress-counts",
            changed = p.changed,
            deleted = p.deleted,
            failed = p.failed
        ));
        if running {
            if let Some(until) = p.paused_until
                && let Some(left) = until.checked_duration_since(std::time::Instant::now())
            {
                ui.label(t!(
                    "applicants-slow-down",
                    seconds = left.as_secs_f32().ceil() as u64
                ));
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(250));
            }
        } else if p.finished {
            crate::ui::a11y::status(&ui.label(t!("applicants-refresh-finished")));
        } else {
            crate::ui::a11y::status(&ui.label(t!("applicants-refresh-cancelled")));
        }
    });
    if !running && let Some(why) = &p.stopped_because {
        widgets::error_message(ui, why);
    }
    if !running && !p.failures.is_empty() {
        failures_ui(ui, &p);
    }
}

/// What failed, once per reason with a count: when every request failed for one reason
/// (the server down, the key refused), one banner, not a line per applicant.
fn failures_ui(ui: &mut Ui, p: &RefreshProgress) {
    let groups = p.failures_by_reason();
    if let [(reason, ids)] = groups.as_slice()
        && ids.len() == p.total
    {
        let all = t!(
            "applicants-none-refreshed",
            count = p.total,
            reason = reason.to_string()
        );
        widgets::error_message(ui, &all);
        return;
    }
    for (i, (reason, ids)) in groups.iter().enumerate() {
        let said = t!(
            "applicants-some-not-refreshed",
            count = ids.len(),
            reason = reason.to_string()
        );
        widgets::error_message(ui, &said);
        let ids: Arc<Vec<u64>> = Arc::new(ids.iter().copied().filter(|id| *id > 0).collect());
        if ids.is_empty() {
            continue;
        }
        egui::CollapsingHeader::new(t!("applicants-which-ones"))
            .id_salt(("refresh-failures", i))
            .show(ui, |ui| {
                egui::ScrollArea::vertical().max_height(120.0).show_rows(
                    ui,
                    18.0,
                    ids.len().div_ceil(10),
                    |ui, range| {
                        for line in range {
                            let chunk = &ids[line * 10..((line + 1) * 10).min(ids.len())];
                            let text: Vec<String> = chunk.iter().map(u64::to_string).collect();
                            ui.label(text.join(", "));
                        }
                    },
                );
            });
    }
}
