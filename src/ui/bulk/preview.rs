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
use crate::t;

/// The columns' titles, in the language in use.
fn titles() -> [String; 6] {
    [
        t!("bulk-column-row"),
        t!("bulk-column-send"),
        t!("bulk-column-email"),
        t!("bulk-column-opening"),
        t!("bulk-column-name"),
        t!("bulk-column-verdict"),
    ]
}
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
    let counts = preview
        .counts()
        .iter()
        .map(|(k, n)| t!("bulk-verdict-count", count = *n, verdict = *k))
        .collect::<Vec<_>>()
        .join(" · ");
    ui.label(t!(
        "bulk-preview-summary",
        file = preview.source.display().to_string(),
        rows = preview.rows.len(),
        counts = counts
    ));
    super::confirm::read_as_ui(ui, preview, commands);
    super::confirm::confirm_ui(ui, preview, asking, commands);
    let names = state.openings.names();
    // A few lines at most: a file can name thousands of openings.
    const SAID: usize = 5;
    let mut said = 0;
    for (opening, n) in preview.ready_by_opening() {
        if said == SAID {
            widgets::warning_message(ui, &t!("bulk-more-openings-to-check"));
            break;
        }
        let check = names.check(opening);
        let warning = match &check {
            OpeningCheck::IdOf(name) => Some(t!(
                "bulk-opening-is-id",
                opening = opening.as_str(),
                rows = *n,
                name = name.as_str()
            )),
            _ => check.warning().map(|w| {
                t!(
                    "bulk-opening-warning",
                    opening = opening.as_str(),
                    rows = *n,
                    warning = w
                )
            }),
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
                egui::Button::new(t!("bulk-send-invites", count = ready)),
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
                    .prefix(t!("bulk-at-once")),
            )
            .changed()
        {
            commands.push(Command::SetImportConcurrency(concurrency));
        }
        if ui.button(t!("bulk-choose-another")).clicked() {
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
    let titles = titles();
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    painted_table::header(ui, &columns, &titles, row_height);
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

    fn row<'a>(&'a self, index: usize, visuals: &'a egui::Visuals) -> Row<'a> {
        let p = &self.rows[index];
        let dark = visuals.dark_mode;
        let (normal, weak) = (visuals.text_color(), visuals.weak_text_color());
        let name = p.name();
        let verdict = if p.left_out_by_hand() {
            Cell::plain(crate::jobs::import::left_out_label(), weak)
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
        let said = verdict.text.clone();
        Row {
            key: index as u64,
            label: Box::new(move || {
                t!(
                    "bulk-preview-row-label",
                    row = p.row.row_no.to_string(),
                    email = p.row.email.as_str(),
                    verdict = said.as_str()
                )
            }),
            cells: {
                let cells = vec![
                    Cell::plain(p.row.row_no.to_string(), weak),
                    blank(),
                    blank(),
                    blank(),
                    Cell::plain(name, normal),
                    verdict,
                ];
                Box::new(move || cells)
            },
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
            &t!("bulk-send-row", row = row_no.to_string()),
        );
        if check.changed() {
            self.commands.push(Command::LeaveOut {
                row: index,
                excluded: !send,
            });
        }
        if check.hovered() {
            check.on_hover_text(if send {
                t!("bulk-row-will-be-sent", row = row_no.to_string())
            } else {
                t!("bulk-row-left-out", row = row_no.to_string())
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
            &t!(
                "bulk-verdict-of-row",
                row = row_no.to_string(),
                verdict = verdict.as_str()
            ),
        ) {
            self.commands.push(Command::Tell(t!(
                "bulk-verdict-copied",
                row = row_no.to_string()
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
            PreviewField::Email => (&p.row.email, PreviewField::Email),
            PreviewField::Opening => (&p.row.opening, PreviewField::Opening),
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
            let row = p.row.row_no.to_string();
            let tip = match what {
                PreviewField::Email => t!("bulk-edit-email", row = row),
                PreviewField::Opening => t!("bulk-edit-opening", row = row),
            };
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
