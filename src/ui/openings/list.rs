//! Every opening, one painted row each: its funnel, completion and median scores. A click
//! shows its shortlist.

use egui::Ui;

use super::super::command::{Command, Commands};
use super::super::painted_table::{self, Cell, Columns, Row, Rows, Table, Width};
use super::super::state::openings::OpeningsState;
use super::super::theme;
use crate::jobs::openings::OpeningSummary;
use crate::{i18n, t};

fn titles() -> [String; 9] {
    [
        t!("openings-column-opening"),
        t!("openings-column-tracked"),
        t!("openings-column-not-started"),
        t!("openings-column-started"),
        t!("openings-column-scored"),
        t!("openings-column-completion"),
        t!("openings-column-median-skill"),
        t!("openings-column-median-adequation"),
        t!("openings-column-last-activity"),
    ]
}
const WIDTHS: [Width; 9] = [
    Width::Share(1.0),
    Width::Fixed(64.0),
    // Wide enough for the French headings (Pas commencé, Commencé, Avec score).
    Width::Fixed(108.0),
    Width::Fixed(80.0),
    Width::Fixed(84.0),
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

    fn row<'a>(&'a self, index: usize, visuals: &'a egui::Visuals) -> Row<'a> {
        let s = &self.summaries[index];
        let text = visuals.text_color();
        let plain = |t: String| Cell::plain(t, text);
        let score = |v: Option<f64>| v.map_or_else(String::new, |v| i18n::decimal(v, 1));
        Row {
            key: s.id.map_or(u64::MAX, |id| id),
            label: Box::new(move || {
                t!(
                    "openings-row",
                    opening = s.label.as_str(),
                    tracked = s.tracked,
                    scored = s.scored
                )
            }),
            cells: {
                let cells = vec![
                    Cell {
                        italics: s.id.is_none(),
                        ..plain(s.label.clone())
                    },
                    plain(s.tracked.to_string()),
                    plain(if s.stale > 0 {
                        t!(
                            "openings-not-started-late",
                            count = s.not_started,
                            late = s.stale
                        )
                    } else {
                        s.not_started.to_string()
                    }),
                    plain(s.started.to_string()),
                    plain(s.scored.to_string()),
                    plain(t!(
                        "openings-percent",
                        value = i18n::decimal(s.completion() * 100.0, 0)
                    )),
                    plain(score(s.median_skill)),
                    plain(score(s.median_adequation)),
                    plain(s.last_activity.map_or_else(String::new, i18n::date_time)),
                ];
                Box::new(move || cells)
            },
            selected: self.selected == Some(s.id),
        }
    }

    fn tooltip(&self, index: usize, column: usize, cell: &Cell, cut: bool) -> Option<String> {
        let s = &self.summaries[index];
        match column {
            0 => Some(match (s.id, &s.name) {
                (Some(id), Some(name)) => t!(
                    "openings-sent-as",
                    opening = cell.text.as_str(),
                    name = name.as_str(),
                    id = id.to_string()
                ),
                (Some(id), None) => t!("openings-unnamed-hint", id = id.to_string()),
                (None, _) => t!("openings-by-id-hint"),
            }),
            2 if s.stale > 0 => Some(t!("openings-not-started-late-hint", late = s.stale)),
            2 => Some(t!("openings-not-started-hint")),
            3 => Some(t!("openings-started-column-hint")),
            4 => Some(t!("openings-scored-column-hint")),
            5 => Some(t!("openings-completion-hint")),
            _ if cut => Some(cell.text.clone()),
            _ => None,
        }
    }
}

pub fn list_ui(ui: &mut Ui, data: &OpeningsState, commands: &mut Commands) {
    let columns = Columns::new(&WIDTHS, 160.0, ui.max_rect().left(), ui.available_width());
    let titles = titles();
    let titles = titles.each_ref().map(String::as_str);
    painted_table::header(ui, &columns, &titles, theme::ROW_HEIGHT + 4.0);
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
