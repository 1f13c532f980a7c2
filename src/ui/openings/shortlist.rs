//! The selected opening's applicants, best first: the rank, the overall score and what it is
//! made of, how far each got, flags, and what the recruiter decided. Tick two to four to
//! compare them; a click opens one in Applicants.

use egui::Ui;

use super::super::command::{Command, Commands};
use super::super::painted_table::{self, Cell, Columns, Row, Rows, Table, Width};
use super::super::state::AppState;
use super::super::state::openings::COMPARE_AT_MOST;
use super::super::theme;
use crate::jobs::openings::Ranked;
use crate::jobs::record::TrackedApplicant;
use crate::{i18n, t};

fn titles() -> [String; 12] {
    [
        t!("openings-column-compare"),
        t!("openings-column-rank"),
        t!("openings-column-name"),
        t!("openings-column-overall"),
        t!("openings-column-skill"),
        t!("openings-column-adequation"),
        t!("openings-column-recruiter"),
        t!("openings-column-step"),
        t!("openings-column-finished"),
        t!("openings-column-flags"),
        t!("openings-column-rating"),
        t!("openings-column-decision"),
    ]
}
const WIDTHS: [Width; 12] = [
    Width::Fixed(64.0),
    Width::Fixed(48.0),
    Width::Share(1.0),
    Width::Fixed(64.0),
    Width::Fixed(52.0),
    Width::Fixed(84.0),
    Width::Fixed(76.0),
    Width::Fixed(44.0),
    Width::Fixed(96.0),
    Width::Fixed(96.0),
    Width::Fixed(84.0),
    Width::Fixed(96.0),
];
const RIGHT: [bool; 12] = [
    false, true, false, true, true, true, true, true, false, false, false, false,
];

/// The recruiter score as a person reads it: the vendor sends 0 when nobody rated.
pub fn recruiter_text(score: Option<f64>) -> String {
    match score {
        Some(v) if v > 0.0 => i18n::decimal(v, 0),
        _ => t!("openings-not-rated"),
    }
}

/// The flags a shortlist row carries, in words.
pub fn flags_text(a: &TrackedApplicant) -> String {
    match a.answers.gibberish {
        0 => String::new(),
        n => t!("openings-gibberish", count = n),
    }
}

struct ShortlistRows<'a> {
    rows: &'a [TrackedApplicant],
    ranked: &'a [Ranked],
    compared: &'a [u64],
    commands: &'a mut Commands,
    columns: &'a Columns,
    /// Changes whenever the shortlist does.
    version: u64,
}

impl Rows for ShortlistRows<'_> {
    fn count(&self) -> usize {
        self.ranked.len()
    }

    fn row<'a>(&'a self, index: usize, visuals: &'a egui::Visuals) -> Row<'a> {
        let r = &self.ranked[index];
        let a = &self.rows[r.row];
        Row {
            key: a.id,
            label: Box::new(move || {
                t!(
                    "openings-rank-row",
                    rank = r.rank.to_string(),
                    name = a.name.as_str(),
                    overall = r
                        .overall
                        .map_or_else(|| t!("openings-not-scored"), |v| i18n::decimal(v, 1))
                )
            }),
            cells: Box::new(move || {
                let text = visuals.text_color();
                let plain = |t: String| Cell::plain(t, text);
                let number = |v: Option<f64>| v.map_or_else(String::new, |v| i18n::decimal(v, 1));
                let weak = |t: String| Cell {
                    italics: true,
                    ..Cell::plain(t, visuals.weak_text_color())
                };
                let recruiter = recruiter_text(a.recruiter.get());
                let dark = visuals.dark_mode;
                vec![
                    plain(String::new()),
                    plain(r.rank.to_string()),
                    plain(a.name.to_string()),
                    match r.overall {
                        Some(v) => Cell::plain(i18n::decimal(v, 1), theme::score_colour(v)),
                        None => weak(t!("openings-not-scored")),
                    },
                    plain(number(a.skill.get())),
                    plain(number(a.adequation.get())),
                    if !a.recruiter.get().is_some_and(|v| v > 0.0) {
                        weak(recruiter)
                    } else {
                        plain(recruiter)
                    },
                    plain(a.step.map_or_else(String::new, |s| s.to_string())),
                    plain(a.finished_at.get().map_or_else(String::new, i18n::date)),
                    Cell::plain(flags_text(a), theme::warning_colour(dark)),
                    plain(
                        a.rating
                            .map_or_else(String::new, |r| t!("openings-rating", rating = r)),
                    ),
                    plain(if a.decision == crate::jobs::assess::Decision::None {
                        String::new()
                    } else {
                        a.decision.label()
                    }),
                ]
            }),
            selected: self.compared.contains(&a.id),
        }
    }

    fn made_from(&self) -> Option<u64> {
        Some(self.version)
    }

    fn tooltip(&self, index: usize, column: usize, cell: &Cell, cut: bool) -> Option<String> {
        let a = &self.rows[self.ranked[index].row];
        match column {
            3 => Some(t!("openings-overall-hint")),
            6 => Some(t!("openings-recruiter-hint")),
            9 if a.answers.gibberish > 0 => Some(t!(
                "openings-gibberish-hint",
                gibberish = a.answers.gibberish,
                cases = a.answers.cases
            )),
            10 => Some(t!("openings-rating-hint")),
            _ if cut => Some(cell.text.clone()),
            _ => None,
        }
    }

    fn extra(&mut self, ui: &mut Ui, index: usize, rect: egui::Rect, id: egui::Id) {
        let a = &self.rows[self.ranked[index].row];
        let mut ticked = self.compared.contains(&a.id);
        let check = painted_table::check_box(
            ui,
            id.with("compare"),
            self.columns.rect(0, rect),
            &mut ticked,
            &t!("openings-compare-one", name = a.name.as_str()),
        );
        if check.changed() {
            self.commands.push(Command::ToggleCompare(a.id));
        }
    }
}

/// Filters over the shortlist and the comparison's buttons.
pub fn toolbar_ui(ui: &mut Ui, state: &AppState, top: &mut String, commands: &mut Commands) {
    let data = &state.openings;
    let options = data.options();
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(t!("openings-shortlist")).strong());
        let mut scored_only = options.scored_only;
        if ui
            .checkbox(&mut scored_only, t!("openings-scored-only"))
            .on_hover_text(t!("openings-scored-only-hint"))
            .changed()
        {
            commands.push(Command::ShortlistFilter {
                scored_only,
                top: options.top,
            });
        }
        let label = ui.label(t!("openings-top"));
        let field = ui
            .add(
                egui::TextEdit::singleline(top)
                    .desired_width(48.0)
                    .hint_text(t!("openings-top-all")),
            )
            .labelled_by(label.id)
            .on_hover_text(t!("openings-top-hint"));
        if field.changed() {
            let n = top.trim().parse::<usize>().ok().filter(|n| *n > 0);
            commands.push(Command::ShortlistFilter {
                scored_only: options.scored_only,
                top: n,
            });
        }
        ui.separator();
        let picked = data.compared().len();
        let compare = ui
            .add_enabled(
                picked >= 2,
                egui::Button::new(t!("openings-compare", count = picked)),
            )
            .on_hover_text(t!("openings-compare-hint"))
            .on_disabled_hover_text(t!("openings-compare-disabled-hint", most = COMPARE_AT_MOST));
        if compare.clicked() {
            commands.push(Command::ShowComparison(true));
        }
        if picked > 0
            && ui
                .button(t!("openings-clear"))
                .on_hover_text(t!("openings-clear-hint"))
                .clicked()
        {
            commands.push(Command::ClearComparison);
        }
    });
}

pub fn shortlist_ui(ui: &mut Ui, state: &AppState, commands: &mut Commands) {
    let data = &state.openings;
    let ranked = data.ranked();
    if ranked.is_empty() {
        ui.label(egui::RichText::new(t!("openings-no-match")).italics());
        return;
    }
    let columns = Columns::new(&WIDTHS, 160.0, ui.max_rect().left(), ui.available_width());
    let titles = titles();
    let titles = titles.each_ref().map(String::as_str);
    painted_table::header(ui, &columns, &titles, theme::ROW_HEIGHT + 4.0);
    let rows = data.ranked_rows();
    let mut painted = ShortlistRows {
        rows,
        ranked,
        compared: data.compared(),
        version: data.version(),
        commands,
        columns: &columns,
    };
    let shown = painted_table::show_rows(
        ui,
        &Table {
            id: egui::Id::unique("shortlist-rows"),
            columns: &columns,
            right: &RIGHT,
            row_height: theme::ROW_HEIGHT,
            selectable: true,
        },
        &mut painted,
        "shortlist",
        None,
    );
    if let Some(index) = shown.clicked {
        commands.push(Command::ShowApplicant(rows[ranked[index].row].id));
    }
}
