//! One cell's text painted on one line (cut with "…"), and a check box drawn without a
//! child `Ui`.

use std::sync::Arc;

use egui::{Color32, Sense, Ui};

/// One cell as painted.
#[derive(Clone, Debug)]
pub struct Cell {
    pub text: String,
    pub colour: Color32,
    pub italics: bool,
    /// A badge's fill behind the text (the applicant's status).
    pub badge: Option<Color32>,
}

impl Cell {
    pub fn plain(text: String, colour: Color32) -> Cell {
        Cell {
            text,
            colour,
            italics: false,
            badge: None,
        }
    }
}

/// Paints one cell's text on one line, ending in "…" when it does not fit; says whether it
/// was cut.
pub fn paint_cell(
    ui: &Ui,
    rect: egui::Rect,
    cell: &Cell,
    font: &egui::FontId,
    right: bool,
) -> bool {
    match lay_out(ui, cell, font, rect.width()) {
        Some(galley) => paint_laid_out(ui, rect, cell, galley, cell.colour, right),
        None => false,
    }
}

/// How far a badge's fill reaches beyond its text on each side.
fn badge_margin(cell: &Cell) -> f32 {
    if cell.badge.is_some() { 6.0 } else { 0.0 }
}

/// A cell's text laid out on one line `width` wide (cut with "…"), in no colour of its own:
/// it is painted in the cell's colour, so one layout serves a row selected or not. `None`
/// for an empty cell.
pub fn lay_out(ui: &Ui, cell: &Cell, font: &egui::FontId, width: f32) -> Option<Arc<egui::Galley>> {
    if cell.text.is_empty() {
        return None;
    }
    // Names, emails, codes and details came from a candidate or a server: no mark in them
    // may reorder the text beside them.
    let mut job = egui::text::LayoutJob::single_section(
        crate::boundary::terminal::visible(&cell.text).into_owned(),
        egui::TextFormat {
            font_id: font.clone(),
            color: Color32::PLACEHOLDER,
            italics: cell.italics,
            ..Default::default()
        },
    );
    job.wrap = egui::text::TextWrapping {
        max_width: (width - 2.0 * badge_margin(cell)).max(1.0),
        max_rows: 1,
        break_anywhere: true,
        overflow_character: Some('…'),
    };
    Some(ui.painter().layout_job(job))
}

/// Paints a cell's laid-out text in `colour` (and its badge) in `rect`; says whether it was
/// cut.
pub fn paint_laid_out(
    ui: &Ui,
    rect: egui::Rect,
    cell: &Cell,
    galley: Arc<egui::Galley>,
    colour: Color32,
    right: bool,
) -> bool {
    let margin = badge_margin(cell);
    let size = galley.size();
    let left = if right {
        rect.right() - size.x - margin
    } else {
        rect.left() + margin
    };
    let pos = egui::pos2(left, rect.center().y - size.y / 2.0);
    let painter = ui.painter();
    if let Some(fill) = cell.badge {
        let badge = egui::Rect::from_min_size(pos, size).expand2(egui::vec2(margin, 2.0));
        painter.rect_filled(badge, 4.0, fill);
    }
    let elided = galley.elided;
    painter.galley(pos, galley, colour);
    elided
}

/// Paints a check box in `rect` (its left end) and says whether it was toggled; a real
/// widget for the keyboard and for screen readers, without a child `Ui` of its own.
pub fn check_box(
    ui: &Ui,
    id: egui::Id,
    rect: egui::Rect,
    checked: &mut bool,
    label: &str,
) -> egui::Response {
    let size = ui.spacing().icon_width;
    let square = egui::Rect::from_center_size(
        egui::pos2(rect.left() + size / 2.0, rect.center().y),
        egui::vec2(size, size),
    );
    let mut response = ui.interact(square.expand(2.0), id, Sense::click());
    if response.clicked() {
        *checked = !*checked;
        response.mark_changed();
    }
    let now = *checked;
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::CheckBox, ui.is_enabled(), now, label)
    });
    let visuals = ui.style().interact(&response);
    let (small, big) = ui.spacing().icon_rectangles(square);
    let painter = ui.painter();
    painter.rect(
        big.expand(visuals.expansion),
        visuals.corner_radius,
        visuals.bg_fill,
        visuals.bg_stroke,
        egui::StrokeKind::Inside,
    );
    if now {
        painter.add(egui::Shape::line(
            vec![
                egui::pos2(small.left(), small.center().y),
                egui::pos2(small.center().x, small.bottom()),
                egui::pos2(small.right(), small.top()),
            ],
            visuals.fg_stroke,
        ));
    }
    response
}

/// Makes a painted cell's text readable in full and copyable: hovering shows it wrapped,
/// a click copies it. Says whether it was copied (the caller tells the recruiter).
pub fn copyable(ui: &Ui, id: egui::Id, rect: egui::Rect, text: &str, label: &str) -> bool {
    if text.is_empty() {
        return false;
    }
    let response = ui.interact(rect, id, Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
    let clicked = response.clicked();
    if response.hovered() {
        let shown = crate::boundary::terminal::visible(text).into_owned();
        response.on_hover_ui(|ui| {
            ui.set_max_width(480.0);
            ui.label(shown);
            ui.weak(crate::t!("window-click-to-copy"));
        });
    }
    if clicked {
        ui.ctx().copy_text(text.to_owned());
    }
    clicked
}
