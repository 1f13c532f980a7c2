//! A table's header: its titles painted in the strong text colour over a line, each one a
//! button when the table sorts by it. Painted, not laid out as a widget per title: a child
//! `Ui` and a label or a button for each of ten titles cost as much as the rows under them.

use egui::{Sense, Ui};

use super::{Cell, Columns, paint_cell};

/// How a sortable header reads: the column the table is sorted by (if it is one of them)
/// and which way, and the hover text that says what a click on a title does.
pub struct Sorting<'a> {
    pub column: Option<usize>,
    pub ascending: bool,
    pub hint: &'a dyn Fn(&str) -> String,
}

/// A header of titles only (each one a node for screen readers).
pub fn header(ui: &mut Ui, columns: &Columns, titles: &[&str], height: f32) {
    let (rect, id) = line(ui, columns, height);
    for (i, title) in titles.iter().enumerate() {
        let cell_rect = columns.rect(i, rect);
        let response = ui.interact(cell_rect, id.with(i), Sense::hover());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, *title));
        let cut = paint_title(ui, cell_rect, title, false);
        if cut {
            response.on_hover_text(*title);
        }
    }
}

/// A header whose titles sort the table: says which column's title was clicked (or pressed
/// with the keyboard).
pub fn sort_header(
    ui: &mut Ui,
    id: egui::Id,
    columns: &Columns,
    titles: &[String],
    right: &[bool],
    height: f32,
    sorting: &Sorting<'_>,
) -> Option<usize> {
    let (rect, _) = line(ui, columns, height);
    let mut clicked = None;
    for (i, title) in titles.iter().enumerate() {
        let cell_rect = columns.rect(i, rect);
        let arrow = match (sorting.column == Some(i), sorting.ascending) {
            (true, true) => " ⏶",
            (true, false) => " ⏷",
            _ => "",
        };
        let text = format!("{title}{arrow}");
        let response = ui.interact(cell_rect, id.with(i), Sense::click());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &text));
        let visuals = ui.visuals();
        if response.hovered() || response.has_focus() {
            let fill = crate::ui::theme::hovered_row_fill(visuals);
            ui.painter().rect_filled(around(cell_rect), 2.0, fill);
        }
        if response.has_focus() {
            let stroke = visuals.selection.stroke;
            ui.painter()
                .rect_stroke(around(cell_rect), 2.0, stroke, egui::StrokeKind::Inside);
        }
        paint_title(ui, cell_rect, &text, right.get(i).copied().unwrap_or(false));
        // What a click does, as a tooltip and for screen readers (made only for them).
        if response.hovered() || super::accessibility_active(ui, response.id) {
            let hint = (sorting.hint)(title);
            response.clone().on_hover_text(hint);
        }
        if response.clicked() {
            clicked = Some(i);
        }
    }
    clicked
}

/// A title's hover fill and focus ring: a little wider than its text.
fn around(title: egui::Rect) -> egui::Rect {
    title.expand2(egui::vec2(3.0, -1.0))
}

/// Takes the header's room and draws the line under it; the room it took, and its id.
fn line(ui: &mut Ui, columns: &Columns, height: f32) -> (egui::Rect, egui::Id) {
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(columns.width(), height), Sense::hover());
    ui.painter().hline(
        rect.x_range(),
        rect.bottom(),
        ui.visuals().widgets.noninteractive.bg_stroke,
    );
    (rect, response.id)
}

/// One title in the strong text colour, cut with "…" when it does not fit; says
/// whether it was cut.
fn paint_title(ui: &Ui, rect: egui::Rect, title: &str, right: bool) -> bool {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let cell = Cell::plain(title.to_owned(), ui.visuals().strong_text_color());
    paint_cell(ui, rect, &cell, &font, right)
}
