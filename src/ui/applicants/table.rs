//! The Applicants table: a header of sort buttons over the rows in view, painted by the
//! shared row loop; ↑ ↓ Home End choose a row when no field has the keyboard.

use egui::Ui;

use super::super::painted_table::{self, Cell, Columns, Row, Rows, Sorting, Table, Width};
use super::super::state::applicants::{ApplicantsState, SortKey, ViewOptions};
use super::super::state::openings::OpeningsState;
use super::super::{theme, widgets};
use crate::jobs::openings::OpeningNames;
use crate::jobs::record::TrackedApplicant;
use crate::{i18n, t};

pub const COLUMNS: [SortKey; 10] = [
    SortKey::Id,
    SortKey::Name,
    SortKey::Email,
    SortKey::Opening,
    SortKey::Status,
    SortKey::Step,
    SortKey::Skill,
    SortKey::Adequation,
    SortKey::Updated,
    SortKey::LastChecked,
];

/// A column's title, or what a sort goes by.
pub fn title(key: SortKey) -> String {
    match key {
        SortKey::Id => t!("applicants-column-id"),
        SortKey::Name => t!("applicants-column-name"),
        SortKey::Email => t!("applicants-column-email"),
        SortKey::Opening => t!("applicants-column-opening"),
        SortKey::Status => t!("applicants-column-status"),
        SortKey::Step => t!("applicants-column-step"),
        SortKey::Skill => t!("applicants-column-skill"),
        SortKey::Adequation => t!("applicants-column-adequation"),
        SortKey::Updated => t!("applicants-column-updated"),
        SortKey::LastChecked => t!("applicants-column-last-checked"),
        SortKey::Rating => t!("applicants-column-rating"),
        SortKey::Decision => t!("applicants-column-decision"),
    }
}

/// Column widths in points; Name and Email share what is left, 3:2, Email no more than a
/// long address needs.
const WIDTHS: [Width; 10] = [
    Width::Fixed(72.0),
    Width::Share(3.0),
    Width::ShareUpTo(2.0, 280.0),
    Width::Fixed(120.0),
    Width::Fixed(112.0),
    Width::Fixed(50.0),
    Width::Fixed(60.0),
    Width::Fixed(96.0),
    Width::Fixed(128.0),
    Width::Fixed(124.0),
];
/// Numbers line up on the right.
const RIGHT_ALIGNED: [bool; 10] = [
    false, false, false, false, false, true, true, true, false, false,
];
/// Name and Email together, at least (in a narrow window the fixed columns shrink first).
const MIN_SHARED: f32 = 300.0;

/// The tracked applicants in the order shown, as the row loop reads them.
struct TrackedRows<'a> {
    rows: &'a [TrackedApplicant],
    names: &'a OpeningNames,
    order: &'a [u32],
    selected: Option<u64>,
    now: chrono::DateTime<chrono::Utc>,
    /// Change whenever the rows or the names do.
    version: (u64, u64),
}

impl Rows for TrackedRows<'_> {
    fn count(&self) -> usize {
        self.order.len()
    }

    fn row<'a>(&'a self, index: usize, visuals: &'a egui::Visuals) -> Row<'a> {
        let r = &self.rows[self.order[index] as usize];
        Row {
            key: r.id,
            label: Box::new(move || {
                t!(
                    "applicants-row-label",
                    id = r.id.to_string(),
                    name = r.name.as_str()
                )
            }),
            cells: Box::new(move || row_cells(r, self.names, visuals, self.now).into()),
            selected: self.selected == Some(r.id),
        }
    }

    /// The rows and opening names shown, and the second on the clock ("8 minutes ago").
    fn made_from(&self) -> Option<u64> {
        Some(painted_table::fingerprint((
            self.version,
            self.now.timestamp(),
        )))
    }

    /// The status in words, the last error, or a text that was cut.
    fn tooltip(&self, index: usize, column: usize, cell: &Cell, cut: bool) -> Option<String> {
        let r = &self.rows[self.order[index] as usize];
        match COLUMNS[column] {
            SortKey::Status if cell.badge.is_some() => {
                Some(t!("applicants-status-tooltip", status = cell.text.as_str()))
            }
            SortKey::LastChecked => r.last_error().map(str::to_owned),
            SortKey::Opening => r.opening_id.map(|id| {
                t!(
                    "applicants-opening-tooltip",
                    opening = cell.text.as_str(),
                    id = id.to_string()
                )
            }),
            _ if cut => Some(cell.text.trim_start_matches("• ").to_owned()),
            _ => None,
        }
    }
}

fn row_cells(
    r: &TrackedApplicant,
    names: &OpeningNames,
    visuals: &egui::Visuals,
    now: chrono::DateTime<chrono::Utc>,
) -> [Cell; 10] {
    let dark = visuals.dark_mode;
    let normal = visuals.text_color();
    let main = if r.changed {
        visuals.strong_text_color()
    } else {
        normal
    };
    let plain = Cell::plain;
    let status = if r.deleted_upstream {
        plain(
            t!("applicants-deleted-upstream"),
            theme::warning_colour(dark),
        )
    } else if r.status().is_empty() {
        Cell {
            italics: true,
            ..plain(t!("applicants-not-fetched"), normal)
        }
    } else {
        let status = r.parsed_status();
        Cell {
            badge: Some(theme::status_colour(&status, dark)),
            ..plain(widgets::status_word(status.as_str()), theme::BADGE_TEXT)
        }
    };
    let checked = r
        .last_checked
        .get()
        .map_or_else(String::new, |t| widgets::relative(now, t));
    let checked = match r.last_error() {
        Some(_) => plain(format!("⚠ {checked}"), theme::error_colour(dark)),
        None => plain(checked, normal),
    };
    let number = |v: Option<f64>| v.map_or_else(String::new, |s| i18n::decimal(s, 1));
    [
        plain(r.id.to_string(), main),
        plain(
            if r.changed {
                format!("• {}", r.name)
            } else {
                r.name.to_string()
            },
            main,
        ),
        plain(r.email.to_string(), main),
        plain(
            r.opening_id
                .map_or_else(String::new, |o| names.label(Some(o))),
            normal,
        ),
        status,
        plain(r.step.map_or_else(String::new, |s| s.to_string()), normal),
        plain(number(r.skill.get()), normal),
        plain(number(r.adequation.get()), normal),
        plain(
            r.updated_at.get().map_or_else(String::new, i18n::date_time),
            normal,
        ),
        checked,
    ]
}

/// What the table asks of the app this frame.
#[derive(Default)]
pub struct TableOutput {
    pub sort: Option<ViewOptions>,
    pub select: Option<u64>,
    /// The scroll offset the rows were drawn at.
    pub offset: f32,
}

/// The table: each row is one click target; its cells are painted text, not widgets, so a
/// frame costs the same at 100 rows as at 100,000 (BENCHMARKS.md).
pub fn table_ui(
    ui: &mut Ui,
    data: &ApplicantsState,
    openings: &OpeningsState,
    keyboard: Option<usize>,
    scroll_to: Option<f32>,
) -> TableOutput {
    let mut out = TableOutput::default();
    let row_height = theme::ROW_HEIGHT;
    let columns = Columns::new(
        &WIDTHS,
        MIN_SHARED,
        ui.max_rect().left(),
        ui.available_width(),
    );
    let options = data.options();
    let titles: Vec<String> = COLUMNS.into_iter().map(title).collect();
    let sorting = Sorting {
        column: COLUMNS.iter().position(|&key| key == options.sort.0),
        ascending: options.sort.1,
        hint: &|column| t!("applicants-sort-by", column = column),
    };
    let id = egui::Id::unique("applicants-sort");
    let header_height = row_height + 4.0;
    if let Some(i) = painted_table::sort_header(
        ui,
        id,
        &columns,
        &titles,
        &RIGHT_ALIGNED,
        header_height,
        &sorting,
    ) {
        let key = COLUMNS[i];
        let ascending = if options.sort.0 == key {
            !options.sort.1
        } else {
            true
        };
        out.sort = Some(ViewOptions {
            sort: (key, ascending),
            ..options.clone()
        });
    }
    let table = Table {
        id: egui::Id::unique("applicants-table"),
        columns: &columns,
        right: &RIGHT_ALIGNED,
        row_height,
        selectable: true,
    };
    let mut rows = TrackedRows {
        rows: data.rows(),
        names: openings.names(),
        version: (data.version(), openings.version()),
        order: data.order(),
        selected: data.selected(),
        now: chrono::Utc::now(),
    };
    let shown = painted_table::show_rows(ui, &table, &mut rows, "applicants-rows", scroll_to);
    out.offset = shown.offset;
    let chosen = keyboard.or(shown.clicked);
    if let Some(id) = chosen
        .and_then(|index| data.order().get(index))
        .map(|&i| data.rows()[i as usize].id)
        .filter(|id| data.selected() != Some(*id))
    {
        out.select = Some(id);
    }
    out
}
