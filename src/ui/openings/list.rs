//! Every opening, one painted row each: its funnel, completion and median scores. A click
//! shows its shortlist.

use egui::Ui;

use super::super::command::{Command, Commands};
use super::super::painted_table::{self, Cell, Columns, Row, Rows, Table, Width};
use super::super::state::openings::OpeningsState;
use super::super::theme;
use crate::jobs::openings::OpeningSummary;

const TITLES: [&str; 9] = [
    "Opening",
    "Tracked",
    "Not started",
    "Started",
    "Scored",
    "Completion",
    "Median skill",
    "Median adequation",
    "Last activity",
];
const WIDTHS: [Width; 9] = [
    Width::Share(1.0),
    Width::Fixed(64.0),
    Width::Fixed(92.0),
    Width::Fixed(64.0),
    Width::Fixed(64.0),
    Width::Fixed(88.0),
    Width::Fixed(96.0),
    Width::Fixed(132.0),
    Width::Fixed(128.0),
];
const RIGHT: [bool; 9] = [false, true, true, true, true, true, true, true, false];

struct OpeningRows<'a> {
    summaries: &'a [OpeningSummary],
    selected: Option<Option<u64>>,
}

impl Rows for OpeningRows<'_> {
    fn count(&self) -> usize {
        self.summaries.len()
    }

    fn row(&self, index: usize, visuals: &egui::Visuals) -> Row {
        let s = &self.summaries[index];
        let text = visuals.text_color();
        let plain = |t: String| Cell::plain(t, text);
        let score = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.1}"));
        Row {
            key: s.id.map_or(u64::MAX, |id| id),
            label: format!("{}: {} tracked, {} scored", s.label, s.tracked, s.scored),
            cells: vec![
                Cell {
                    italics: s.id.is_none(),
                    ..plain(s.label.clone())
                },
                plain(s.tracked.to_string()),
                plain(if s.stale > 0 {
                    format!("{} · {} late", s.not_started, s.stale)
                } else {
                    s.not_started.to_string()
                }),
                plain(s.started.to_string()),
                plain(s.scored.to_string()),
                plain(format!("{:.0} %", s.completion() * 100.0)),
                plain(score(s.median_skill)),
                plain(score(s.median_adequation)),
                plain(s.last_activity.map_or_else(String::new, |t| {
                    t.with_timezone(&chrono::Local)
                        .format("%Y-%m-%d %H:%M")
                        .to_string()
                })),
            ],
            selected: self.selected == Some(s.id),
        }
    }

    fn tooltip(&self, index: usize, column: usize, cell: &Cell, cut: bool) -> Option<String> {
        let s = &self.summaries[index];
        match column {
            0 => Some(match (s.id, &s.name) {
                (Some(id), Some(name)) => format!("{} — sent as {name}, ID {id}", cell.text),
                (Some(id), None) => format!("Opening ID {id}; name it to invite by name"),
                (None, _) => "Applicants tracked by ID and not fetched yet".to_owned(),
            }),
            2 if s.stale > 0 => Some(format!(
                "Invited and not started yet (step 0); {} of them past the days set in Settings: Applicants lists them with a reminder to copy",
                s.stale
            )),
            2 => Some("Invited and not started yet (step 0)".to_owned()),
            3 => Some("Started the test (step above 0), scored or not".to_owned()),
            4 => Some("Finished with a score".to_owned()),
            5 => Some("Scored, out of everyone tracked".to_owned()),
            _ if cut => Some(cell.text.clone()),
            _ => None,
        }
    }
}

pub fn list_ui(ui: &mut Ui, data: &OpeningsState, commands: &mut Commands) {
    let columns = Columns::new(&WIDTHS, 160.0, ui.max_rect().left(), ui.available_width());
    painted_table::header(ui, &columns, &TITLES, theme::ROW_HEIGHT + 4.0);
    let summaries = data.summaries();
    let mut rows = OpeningRows {
        summaries,
        selected: data.selected().map(|s| s.id),
    };
    let shown = painted_table::show_rows(
        ui,
        &Table {
            id: egui::Id::unique("openings-rows"),
            columns: &columns,
            right: &RIGHT,
            row_height: theme::ROW_HEIGHT,
            selectable: true,
        },
        &mut rows,
        "openings",
        None,
    );
    if let Some(index) = shown.clicked {
        let id = summaries[index].id;
        let again = data.selected().is_some_and(|s| s.id == id);
        commands.push(Command::ChooseOpening((!again).then_some(id)));
    }
}
