//! Sending and its results: the progress, Pause, Resume and Cancel, the rows to retry (only
//! those the server or the network failed) or re-send, every row's outcome in a painted
//! table with its detail readable in full and copied on a click, and the results saved.

use egui::Ui;

use super::super::command::{Command, Commands};
use super::super::painted_table::{self, Cell, Columns, Row, Rows, Table, Width};
use super::super::state::AppState;
use super::super::{theme, widgets};
use crate::boundary::terminal::visible;
use crate::jobs::bulk::{BulkProgress, BulkRow, RowState};
use crate::jobs::export::TableFormat;
use crate::jobs::messages;
use crate::{i18n, t};

/// The invitation for each candidate the send created, each under "To: email".
fn invitation_messages(rows: &[BulkRow], template: &str) -> String {
    rows.iter()
        .filter_map(|r| match &r.state {
            RowState::Created { code, .. } => {
                let fields = messages::Fields {
                    first_name: r.first_name.clone().unwrap_or_default(),
                    last_name: r.last_name.clone().unwrap_or_default(),
                    opening: r.opening.clone(),
                    code: code.clone(),
                    days: 0,
                };
                Some(t!(
                    "bulk-message-to",
                    email = visible(&r.email).into_owned(),
                    message = messages::fill(template, &fields)
                ))
            }
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n\n————————\n\n")
}

/// The columns' titles, in the language in use.
fn titles() -> [String; 7] {
    [
        t!("bulk-column-row"),
        t!("bulk-column-email"),
        t!("bulk-column-opening"),
        t!("bulk-column-state"),
        t!("bulk-column-new-id"),
        t!("bulk-column-code"),
        t!("bulk-column-detail"),
    ]
}
const WIDTHS: [Width; 7] = [
    Width::Fixed(56.0),
    Width::Share(3.0),
    Width::Fixed(160.0),
    Width::Fixed(80.0),
    Width::Fixed(80.0),
    Width::Fixed(96.0),
    Width::Share(4.0),
];
const RIGHT: [bool; 7] = [true, false, false, false, true, false, false];
/// Email and Detail together, at least.
const MIN_SHARED: f32 = 320.0;

pub fn run_ui(
    ui: &mut Ui,
    state: &AppState,
    filter: &mut Option<&'static str>,
    commands: &mut Commands,
) {
    let bulk = &state.bulk;
    let sending = bulk.is_sending();
    let p = match bulk.sent() {
        Some(sent) if !sending => sent.summary.clone(),
        _ => bulk.progress(),
    };
    progress_ui(ui, &p, sending);
    ui.horizontal(|ui| {
        if sending {
            if ui
                .button(t!("bulk-pause"))
                .on_hover_text(t!("bulk-pause-hint"))
                .clicked()
            {
                commands.push(Command::PauseImport);
            }
            if ui
                .button(t!("bulk-cancel"))
                .on_hover_text(t!("bulk-cancel-hint"))
                .clicked()
            {
                commands.push(Command::CancelImport);
            }
            return;
        }
        let rows = bulk.results();
        if p.pending > 0 && ui.button(t!("bulk-resume")).clicked() {
            commands.push(Command::ContinueImport);
        }
        let failed = rows
            .iter()
            .filter(|r| matches!(r.state, RowState::Failed(_)))
            .count();
        let unknown = rows
            .iter()
            .filter(|r| matches!(r.state, RowState::Unknown(_)))
            .count();
        if failed > 0
            && ui
                .button(t!("bulk-retry-failed", count = failed))
                .on_hover_text(t!("bulk-retry-failed-hint"))
                .clicked()
        {
            commands.push(Command::RetryFailed);
        }
        if unknown > 0 {
            if ui
                .button(t!("bulk-resend-unknown", count = unknown))
                .on_hover_text(t!("bulk-resend-unknown-hint"))
                .clicked()
            {
                commands.push(Command::ResendUnknown);
            }
            if ui.button(t!("bulk-mark-unknown-done")).clicked() {
                commands.push(Command::MarkUnknownDone);
            }
        }
        let created = rows
            .iter()
            .filter(|r| matches!(r.state, RowState::Created { .. }))
            .count();
        if created > 0 {
            widgets::copy_made(
                ui,
                &t!("bulk-copy-messages", count = created),
                &t!("bulk-copy-messages-hint"),
                false,
                || invitation_messages(rows, &state.settings.invitation()),
            );
        }
        if !rows.is_empty() {
            ui.menu_button(t!("bulk-save-results"), |ui| {
                for format in [TableFormat::Csv, TableFormat::Xlsx] {
                    if ui
                        .button(t!("bulk-save-as", format = format.what()))
                        .clicked()
                    {
                        commands.push(Command::ExportResults(format));
                        ui.close();
                    }
                }
            });
        }
        if ui.button(t!("bulk-new-import")).clicked() {
            commands.push(Command::NewImport);
        }
    });
    if sending {
        return;
    }
    ui.horizontal(|ui| {
        ui.label(t!("bulk-show"));
        for state in [
            None,
            Some("created"),
            Some("skipped"),
            Some("excluded"),
            Some("failed"),
            Some("unknown"),
        ] {
            let label = state.map_or_else(|| t!("bulk-show-all"), state_label);
            if ui.selectable_label(*filter == state, label).clicked() {
                *filter = state;
            }
        }
    });
    ui.separator();
    let shown: Vec<&BulkRow> = bulk
        .results()
        .iter()
        .filter(|r| filter.is_none_or(|f| r.state.name() == f))
        .collect();
    let row_height = theme::ROW_HEIGHT;
    let columns = Columns::new(
        &WIDTHS,
        MIN_SHARED,
        ui.max_rect().left(),
        ui.available_width(),
    );
    let titles = titles();
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    painted_table::header(ui, &columns, &titles, row_height + 4.0);
    let table = Table {
        id: egui::Id::unique("bulk-results"),
        columns: &columns,
        right: &RIGHT,
        row_height,
        selectable: false,
    };
    let mut rows = ResultRows {
        rows: &shown,
        columns: &columns,
        commands,
    };
    painted_table::show_rows(ui, &table, &mut rows, "bulk-results-rows", None);
}

fn progress_ui(ui: &mut Ui, p: &BulkProgress, sending: bool) {
    let done = p.total.saturating_sub(p.pending);
    ui.horizontal(|ui| {
        let fraction = if p.total == 0 {
            0.0
        } else {
            done as f32 / p.total as f32
        };
        ui.add(
            egui::ProgressBar::new(fraction)
                .desired_width(280.0)
                .text(t!("bulk-progress", done = done, total = p.total)),
        );
        ui.label(t!(
            "bulk-progress-counts",
            sent = p.sent,
            created = p.created,
            skipped = p.skipped,
            left_out = p.left_out,
            failed = p.failed,
            unknown = p.unknown
        ));
        if sending {
            let rate = i18n::decimal(p.rate(), 1);
            ui.label(match p.eta() {
                Some(s) => t!("bulk-rate-eta", rate = rate, seconds = s.ceil() as u64),
                None => t!("bulk-rate", rate = rate),
            });
            if let Some(until) = p.paused_until
                && let Some(left) = until.checked_duration_since(std::time::Instant::now())
            {
                ui.label(t!(
                    "bulk-slow-down",
                    seconds = left.as_secs_f32().ceil() as u64
                ));
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(250));
            }
        }
    });
}

struct ResultRows<'a> {
    rows: &'a [&'a BulkRow],
    columns: &'a Columns,
    commands: &'a mut Commands,
}

/// What a row's state is called in the table ("left out" for a row never sent).
fn state_name(state: &RowState) -> String {
    state_label(state.name())
}

/// A state by its stored name, as the table and the Show filter call it.
fn state_label(name: &str) -> String {
    match name {
        "pending" => t!("bulk-state-pending"),
        "sending" => t!("bulk-state-sending"),
        "created" => t!("bulk-state-created"),
        "skipped" => t!("bulk-state-skipped"),
        "failed" => t!("bulk-state-failed"),
        "unknown" => t!("bulk-state-unknown"),
        _ => t!("bulk-state-left-out"),
    }
}

impl Rows for ResultRows<'_> {
    fn count(&self) -> usize {
        self.rows.len()
    }

    /// The Detail cell: hovered, it shows in full; clicked, it is copied.
    fn extra(&mut self, ui: &mut Ui, index: usize, rect: egui::Rect, id: egui::Id) {
        let r = self.rows[index];
        let (RowState::Skipped(detail) | RowState::Failed(detail) | RowState::Unknown(detail)) =
            &r.state
        else {
            return;
        };
        let row_no = r.row_no;
        if painted_table::copyable(
            ui,
            id.with("detail"),
            self.columns.rect(6, rect),
            detail,
            &t!(
                "bulk-detail-of-row",
                row = row_no.to_string(),
                detail = detail.as_str()
            ),
        ) {
            self.commands.push(Command::Tell(t!(
                "bulk-detail-copied",
                row = row_no.to_string()
            )));
        }
    }

    /// One result row's cells: the state coloured by how it ended.
    fn row<'a>(&'a self, index: usize, visuals: &'a egui::Visuals) -> Row<'a> {
        let r = self.rows[index];
        let dark = visuals.dark_mode;
        let (normal, weak) = (visuals.text_color(), visuals.weak_text_color());
        let (id, code, detail) = match &r.state {
            RowState::Created { id, code } => (id.to_string(), code.clone(), String::new()),
            RowState::Skipped(d) | RowState::Failed(d) | RowState::Unknown(d) => {
                (String::new(), String::new(), d.clone())
            }
            _ => (String::new(), String::new(), String::new()),
        };
        let state_colour = match &r.state {
            RowState::Created { .. } => theme::success_colour(dark),
            RowState::Skipped(_) | RowState::Unknown(_) => theme::warning_colour(dark),
            RowState::Failed(_) => theme::error_colour(dark),
            _ => normal,
        };
        Row {
            key: r.row_no,
            label: Box::new(move || {
                t!(
                    "bulk-result-row-label",
                    row = r.row_no.to_string(),
                    email = r.email.as_str(),
                    state = state_name(&r.state)
                )
            }),
            cells: {
                let cells = vec![
                    Cell::plain(r.row_no.to_string(), weak),
                    Cell::plain(r.email.clone(), normal),
                    Cell::plain(r.opening.clone(), normal),
                    Cell::plain(state_name(&r.state), state_colour),
                    Cell::plain(id, normal),
                    Cell::plain(code, normal),
                    Cell::plain(detail, normal),
                ];
                Box::new(move || cells)
            },
            selected: false,
        }
    }
}
