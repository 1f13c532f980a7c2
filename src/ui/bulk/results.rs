//! Sending and its results: the progress, Pause, Resume and Cancel, the rows to retry or
//! re-send, and every row's outcome in a painted table.

use egui::Ui;

use super::super::command::{Command, Commands};
use super::super::painted_table::{self, Cell, Columns, Row, Rows, Table, Width};
use super::super::state::AppState;
use super::super::theme;
use crate::jobs::bulk::{BulkProgress, BulkRow, RowState};

const TITLES: [&str; 7] = [
    "Row", "Email", "Opening", "State", "New ID", "Code", "Detail",
];
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
                .button("Pause")
                .on_hover_text("Finish the invites in flight, then wait; Resume goes on")
                .clicked()
            {
                commands.push(Command::PauseImport);
            }
            if ui
                .button("Cancel")
                .on_hover_text("Finish the invites in flight and leave the rest out")
                .clicked()
            {
                commands.push(Command::CancelImport);
            }
            return;
        }
        let rows = bulk.results();
        if p.pending > 0 && ui.button("Resume").clicked() {
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
        if failed > 0 && ui.button(format!("Retry {failed} failed")).clicked() {
            commands.push(Command::RetryFailed);
        }
        if unknown > 0 {
            if ui
                .button(format!("Re-send {unknown} unknown"))
                .on_hover_text(
                    "Safe where the server refuses a repeated invite: it then counts as already invited",
                )
                .clicked()
            {
                commands.push(Command::ResendUnknown);
            }
            if ui.button("Mark unknown as done").clicked() {
                commands.push(Command::MarkUnknownDone);
            }
        }
        if !rows.is_empty() && ui.button("Export results CSV…").clicked() {
            commands.push(Command::ExportResults);
        }
        if ui.button("New import…").clicked() {
            commands.push(Command::NewImport);
        }
    });
    if sending {
        return;
    }
    ui.horizontal(|ui| {
        ui.label("Show");
        for (state, label) in [
            (None, "all"),
            (Some("created"), "created"),
            (Some("skipped"), "skipped"),
            (Some("failed"), "failed"),
            (Some("unknown"), "unknown"),
        ] {
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
    painted_table::header(ui, &columns, &TITLES, row_height + 4.0);
    let table = Table {
        id: egui::Id::unique("bulk-results"),
        columns: &columns,
        right: &RIGHT,
        row_height,
        selectable: false,
    };
    painted_table::show_rows(
        ui,
        &table,
        &mut ResultRows(&shown),
        "bulk-results-rows",
        None,
    );
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
                .text(format!("{done} / {}", p.total)),
        );
        ui.label(format!(
            "{} sent · {} created · {} skipped · {} failed · {} unknown",
            p.sent, p.created, p.skipped, p.failed, p.unknown
        ));
        if sending {
            let eta = p
                .eta()
                .map_or_else(String::new, |s| format!(", about {:.0} s left", s.ceil()));
            ui.label(format!("{:.1}/s{eta}", p.rate()));
            if let Some(until) = p.paused_until
                && let Some(left) = until.checked_duration_since(std::time::Instant::now())
            {
                ui.label(format!(
                    "the server asked to slow down: {:.0} s",
                    left.as_secs_f32().ceil()
                ));
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(250));
            }
        }
    });
}

struct ResultRows<'a>(&'a [&'a BulkRow]);

impl Rows for ResultRows<'_> {
    fn count(&self) -> usize {
        self.0.len()
    }

    /// One result row's cells: the state coloured by how it ended.
    fn row(&self, index: usize, visuals: &egui::Visuals) -> Row {
        let r = self.0[index];
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
            label: format!("Row {}, {}, {}", r.row_no, r.email, r.state.name()),
            cells: vec![
                Cell::plain(r.row_no.to_string(), weak),
                Cell::plain(r.email.clone(), normal),
                Cell::plain(r.opening.clone(), normal),
                Cell::plain(r.state.name().to_owned(), state_colour),
                Cell::plain(id, normal),
                Cell::plain(code, normal),
                Cell::plain(detail, normal),
            ],
            selected: false,
        }
    }
}
