//! The preview: every row's verdict before anything is sent, a check box to send it or not,
//! and Email and Opening to click and fix in place. Only the rows in view are drawn.

use egui::{Sense, Ui};

use super::super::command::{Command, Commands};
use super::super::painted_table::{self, Cell, Columns, Row, Rows, Table, Width};
use super::super::state::AppState;
use super::super::state::bulk::PreviewField;
use super::super::{theme, widgets};
use super::Editing;
use crate::jobs::import::{PreviewRow, Verdict};
use crate::jobs::openings::OpeningCheck;

const TITLES: [&str; 6] = ["Row", "Send", "Email", "Opening", "Name", "Verdict"];
const WIDTHS: [Width; 6] = [
    Width::Fixed(56.0),
    Width::Fixed(48.0),
    Width::Share(4.0),
    Width::Fixed(170.0),
    Width::Share(3.0),
    Width::Share(4.0),
];
const RIGHT: [bool; 6] = [true, false, false, false, false, false];
/// Email, Name and Verdict together, at least.
const MIN_SHARED: f32 = 420.0;

pub fn preview_ui(
    ui: &mut Ui,
    state: &AppState,
    editing: &mut Option<Editing>,
    asking: &mut bool,
    commands: &mut Commands,
) {
    let Some(preview) = state.bulk.preview_file() else {
        return;
    };
    let ready = preview.ready();
    ui.label(format!(
        "{}: {} rows. {}",
        preview.source.display(),
        preview.rows.len(),
        preview
            .counts()
            .iter()
            .map(|(k, n)| format!("{n} {k}"))
            .collect::<Vec<_>>()
            .join(" · ")
    ));
    super::confirm::read_as_ui(ui, preview, commands);
    super::confirm::confirm_ui(ui, preview, asking, commands);
    let names = state.openings.names();
    // A few lines at most: a file can name thousands of openings.
    const SAID: usize = 5;
    let mut said = 0;
    for (opening, n) in preview.ready_by_opening() {
        if said == SAID {
            widgets::warning_message(
                ui,
                "More openings in this file need a second look; check the Opening column.",
            );
            break;
        }
        let rows = if *n == 1 {
            "1 row".to_owned()
        } else {
            format!("{n} rows")
        };
        let check = names.check(opening);
        let warning = match &check {
            OpeningCheck::IdOf(name) => Some(format!(
                "{opening} ({rows}) is the ID of {name}, and the server takes names: write {name} in those cells."
            )),
            _ => check.warning().map(|w| format!("{opening} ({rows}): {w}")),
        };
        if let Some(warning) = warning {
            widgets::warning_message(ui, &crate::boundary::terminal::visible(&warning));
            said += 1;
        }
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                ready > 0,
                egui::Button::new(format!("Send {ready} invites…")),
            )
            .clicked()
        {
            *asking = true;
        }
        let mut concurrency = state.bulk.concurrency();
        if ui
            .add(
                egui::DragValue::new(&mut concurrency)
                    .range(1..=64)
                    .prefix("at once: "),
            )
            .changed()
        {
            commands.push(Command::SetImportConcurrency(concurrency));
        }
        if ui.button("Choose another file…").clicked() {
            commands.push(Command::NewImport);
        }
    });
    ui.separator();
    let row_height = theme::ROW_HEIGHT + 4.0;
    let columns = Columns::new(
        &WIDTHS,
        MIN_SHARED,
        ui.max_rect().left(),
        ui.available_width(),
    );
    painted_table::header(ui, &columns, &TITLES, row_height);
    let table = Table {
        id: egui::Id::unique("bulk-preview"),
        columns: &columns,
        right: &RIGHT,
        row_height,
        selectable: false,
    };
    let mut rows = PreviewRows {
        rows: &preview.rows,
        columns: &columns,
        editing,
        commands,
    };
    painted_table::show_rows(ui, &table, &mut rows, "bulk-preview-rows", None);
}

struct PreviewRows<'a> {
    rows: &'a [PreviewRow],
    columns: &'a Columns,
    editing: &'a mut Option<Editing>,
    commands: &'a mut Commands,
}

impl Rows for PreviewRows<'_> {
    fn count(&self) -> usize {
        self.rows.len()
    }

    fn row(&self, index: usize, visuals: &egui::Visuals) -> Row {
        let p = &self.rows[index];
        let dark = visuals.dark_mode;
        let (normal, weak) = (visuals.text_color(), visuals.weak_text_color());
        let name = p.name();
        let verdict = if p.left_out_by_hand() {
            Cell::plain(crate::jobs::import::LEFT_OUT.to_owned(), weak)
        } else {
            let colour = match &p.verdict {
                Verdict::Ready => theme::success_colour(dark),
                Verdict::DuplicateInFile { .. } | Verdict::AlreadyInvited => {
                    theme::warning_colour(dark)
                }
                _ => theme::error_colour(dark),
            };
            Cell::plain(p.verdict.label(), colour)
        };
        // Send, Email and Opening are drawn by `extra`, as widgets.
        let blank = || Cell::plain(String::new(), normal);
        Row {
            key: index as u64,
            label: format!("Row {}, {}, {}", p.row.row_no, p.row.email, verdict.text),
            cells: vec![
                Cell::plain(p.row.row_no.to_string(), weak),
                blank(),
                blank(),
                blank(),
                Cell::plain(name, normal),
                verdict,
            ],
            selected: false,
        }
    }

    fn extra(&mut self, ui: &mut Ui, index: usize, rect: egui::Rect, id: egui::Id) {
        let p = &self.rows[index];
        let row_no = p.row.row_no;
        let mut send = !p.excluded;
        let check = painted_table::check_box(
            ui,
            id.with("send"),
            self.columns.rect(1, rect),
            &mut send,
            &format!("Send row {row_no}"),
        );
        if check.changed() {
            self.commands.push(Command::LeaveOut {
                row: index,
                excluded: !send,
            });
        }
        if check.hovered() {
            check.on_hover_text(if send {
                format!("Row {row_no} will be sent: click to leave it out")
            } else {
                format!("Row {row_no} is left out: click to send it")
            });
        }
        for (column, field) in [(2, PreviewField::Email), (3, PreviewField::Opening)] {
            self.cell_ui(ui, index, column, field, rect, id);
        }
        let verdict = p.verdict.label();
        if painted_table::copyable(
            ui,
            id.with("verdict"),
            self.columns.rect(5, rect),
            &verdict,
            &format!("Verdict of row {row_no}: {verdict}"),
        ) {
            self.commands.push(Command::Tell(format!(
                "Copied the verdict of row {row_no}."
            )));
        }
    }
}

impl PreviewRows<'_> {
    /// An Email or Opening cell: painted text to click, or the field being edited.
    fn cell_ui(
        &mut self,
        ui: &mut Ui,
        index: usize,
        column: usize,
        field: PreviewField,
        rect: egui::Rect,
        id: egui::Id,
    ) {
        let p = &self.rows[index];
        let cell_rect = self.columns.rect(column, rect);
        let (text, what) = match field {
            PreviewField::Email => (&p.row.email, "Email"),
            PreviewField::Opening => (&p.row.opening, "Opening"),
        };
        if let Some(editing) = self
            .editing
            .as_mut()
            .filter(|e| e.row == index && e.field == field)
        {
            let response = ui.put(
                cell_rect,
                egui::TextEdit::singleline(&mut editing.text).desired_width(f32::INFINITY),
            );
            if editing.started {
                response.request_focus();
                editing.started = false;
            } else if !ui.memory(|m| m.has_focus(response.id)) {
                // The keyboard went to another widget (Enter, Tab, Escape or a click
                // elsewhere); not merely to another window, so a recruiter can switch away to
                // copy an address and come back.
                *self.editing = None;
                return;
            }
            if response.changed() {
                self.commands.push(Command::EditPreview {
                    row: index,
                    field,
                    text: editing.text.clone(),
                });
            }
            return;
        }
        let response = ui.interact(cell_rect, id.with(column), Sense::click());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text.as_str()));
        let normal = ui.visuals().text_color();
        let font = egui::TextStyle::Body.resolve(ui.style());
        let cut = painted_table::paint_cell(
            ui,
            cell_rect,
            &Cell::plain(text.clone(), normal),
            &font,
            false,
        );
        if response.hovered() {
            let tip = format!("{what} of row {}: click to edit", p.row.row_no);
            let response = response.clone().on_hover_cursor(egui::CursorIcon::Text);
            if cut {
                response.on_hover_text(format!("{text}\n{tip}"));
            } else {
                response.on_hover_text(tip);
            }
        }
        if response.clicked() {
            *self.editing = Some(Editing {
                row: index,
                field,
                text: text.clone(),
                started: true,
            });
            ui.ctx().request_repaint();
        }
    }
}
