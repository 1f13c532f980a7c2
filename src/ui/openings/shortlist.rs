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

const TITLES: [&str; 12] = [
    "Compare",
    "Rank",
    "Name",
    "Overall",
    "Skill",
    "Adequation",
    "Recruiter",
    "Step",
    "Finished",
    "Flags",
    "Your rating",
    "Decision",
];
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
        Some(v) if v > 0.0 => format!("{v:.0}"),
        _ => "not rated".to_owned(),
    }
}

/// The flags a shortlist row carries, in words.
pub fn flags_text(a: &TrackedApplicant) -> String {
    match a.answers.gibberish {
        0 => String::new(),
        1 => "1 gibberish".to_owned(),
        n => format!("{n} gibberish"),
    }
}

struct ShortlistRows<'a> {
    rows: &'a [TrackedApplicant],
    ranked: &'a [Ranked],
    compared: &'a [u64],
    commands: &'a mut Commands,
    columns: &'a Columns,
}

impl Rows for ShortlistRows<'_> {
    fn count(&self) -> usize {
        self.ranked.len()
    }

    fn row(&self, index: usize, visuals: &egui::Visuals) -> Row {
        let r = &self.ranked[index];
        let a = &self.rows[r.row];
        let text = visuals.text_color();
        let plain = |t: String| Cell::plain(t, text);
        let number = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.1}"));
        let weak = |t: String| Cell {
            italics: true,
            ..Cell::plain(t, visuals.weak_text_color())
        };
        let recruiter = recruiter_text(a.recruiter);
        let dark = visuals.dark_mode;
        Row {
            key: a.id,
            label: format!(
                "Rank {}, {}, overall {}",
                r.rank,
                a.name,
                r.overall
                    .map_or_else(|| "not scored".to_owned(), |v| format!("{v:.1}"))
            ),
            cells: vec![
                plain(String::new()),
                plain(r.rank.to_string()),
                plain(a.name.clone()),
                match r.overall {
                    Some(v) => Cell::plain(format!("{v:.1}"), theme::score_colour(v)),
                    None => weak("not scored".to_owned()),
                },
                plain(number(a.skill)),
                plain(number(a.adequation)),
                if recruiter == "not rated" {
                    weak(recruiter)
                } else {
                    plain(recruiter)
                },
                plain(a.step.map_or_else(String::new, |s| s.to_string())),
                plain(a.finished_at.map_or_else(String::new, |t| {
                    t.with_timezone(&chrono::Local)
                        .format("%Y-%m-%d")
                        .to_string()
                })),
                Cell::plain(flags_text(a), theme::warning_colour(dark)),
                plain(a.rating.map_or_else(String::new, |r| format!("{r} / 5"))),
                plain(if a.decision == crate::jobs::assess::Decision::None {
                    String::new()
                } else {
                    a.decision.label().to_owned()
                }),
            ],
            selected: self.compared.contains(&a.id),
        }
    }

    fn tooltip(&self, index: usize, column: usize, cell: &Cell, cut: bool) -> Option<String> {
        let a = &self.rows[self.ranked[index].row];
        match column {
            3 => Some("The overall score: skill and adequation, weighed as set above".to_owned()),
            6 => Some(
                "The score a recruiter gave in RickRut; 0 there means nobody rated yet".to_owned(),
            ),
            9 if a.answers.gibberish > 0 => Some(format!(
                "{} of {} recorded case answers were flagged as gibberish by RickRut",
                a.answers.gibberish, a.answers.cases
            )),
            10 => Some("Your own rating, kept on this computer".to_owned()),
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
            &format!("Compare {}", a.name),
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
        ui.label(egui::RichText::new("Shortlist").strong());
        let mut scored_only = options.scored_only;
        if ui
            .checkbox(&mut scored_only, "Scored only")
            .on_hover_text("Leave out applicants who have no score yet")
            .changed()
        {
            commands.push(Command::ShortlistFilter {
                scored_only,
                top: options.top,
            });
        }
        let label = ui.label("Top");
        let field = ui
            .add(
                egui::TextEdit::singleline(top)
                    .desired_width(48.0)
                    .hint_text("all"),
            )
            .labelled_by(label.id)
            .on_hover_text("Show only the best N; empty shows everyone");
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
                egui::Button::new(format!("Compare ({picked})")),
            )
            .on_hover_text("Show the ticked applicants side by side")
            .on_disabled_hover_text(format!(
                "Tick 2 to {COMPARE_AT_MOST} applicants in the first column to compare them"
            ));
        if compare.clicked() {
            commands.push(Command::ShowComparison(true));
        }
        if picked > 0
            && ui
                .button("Clear")
                .on_hover_text("Untick everyone")
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
        ui.label(
            egui::RichText::new("No applicant matches; untick Scored only or clear Top.").italics(),
        );
        return;
    }
    let columns = Columns::new(&WIDTHS, 160.0, ui.max_rect().left(), ui.available_width());
    painted_table::header(ui, &columns, &TITLES, theme::ROW_HEIGHT + 4.0);
    let rows = state.applicants.rows();
    let mut painted = ShortlistRows {
        rows,
        ranked,
        compared: data.compared(),
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
