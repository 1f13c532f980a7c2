//! Tables of up to 100,000 rows whose cells are painted text, not widgets.
//!
//! A `TableBuilder` gives every cell a child `Ui` and a label widget; at a few dozen rows in
//! view that is most of a frame (BENCHMARKS.md). These tables lay their columns out once per
//! frame, paint each visible cell's text on one line (cut with "…"), and make only what a
//! recruiter acts on interactive. Screen readers still get a node per cell while AccessKit is
//! active (the kittest tests read them too).

use egui::{Color32, Sense, Ui};

/// How wide a column is: fixed points, or a share of what the fixed columns leave.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Width {
    Fixed(f32),
    Share(f32),
}

/// Space left and right inside each cell.
pub const CELL_PADDING: f32 = 6.0;

/// Where each column of a table starts, and where the last one ends.
#[derive(Clone, Debug)]
pub struct Columns {
    edges: Vec<f32>,
}

impl Columns {
    /// Columns filling `width` from `left`. The shared columns get at least `min_shared`
    /// between them; in a window narrower than that every column shrinks alike.
    pub fn new(widths: &[Width], min_shared: f32, left: f32, width: f32) -> Columns {
        let (mut fixed, mut shares) = (0.0, 0.0);
        for w in widths {
            match w {
                Width::Fixed(w) => fixed += w,
                Width::Share(s) => shares += s,
            }
        }
        let (scale, shared) = if width >= fixed + min_shared {
            (1.0, width - fixed)
        } else {
            let scale = (width / (fixed + min_shared)).max(0.1);
            (scale, min_shared * scale)
        };
        let mut edges = Vec::with_capacity(widths.len() + 1);
        edges.push(left);
        let mut at = left;
        for w in widths {
            at += match w {
                Width::Fixed(w) => w * scale,
                Width::Share(s) if shares > 0.0 => shared * s / shares,
                Width::Share(_) => 0.0,
            };
            edges.push(at);
        }
        Columns { edges }
    }

    /// The edges, left to right: one more than there are columns.
    #[cfg(test)]
    fn edges(&self) -> &[f32] {
        &self.edges
    }

    /// The table's width.
    pub fn width(&self) -> f32 {
        self.edges.last().copied().unwrap_or(0.0) - self.edges.first().copied().unwrap_or(0.0)
    }

    /// Column `i` of a row (or of the header), inside its padding.
    pub fn rect(&self, i: usize, row: egui::Rect) -> egui::Rect {
        let (left, right) = (
            self.edges[i] + CELL_PADDING,
            self.edges[i + 1] - CELL_PADDING,
        );
        egui::Rect::from_x_y_ranges(left..=right.max(left), row.y_range())
    }

    /// The column under `x`, if any.
    pub fn at(&self, x: f32) -> Option<usize> {
        if x < self.edges[0] {
            return None;
        }
        self.edges[1..].iter().position(|&edge| x < edge)
    }
}

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
    if cell.text.is_empty() {
        return false;
    }
    let badge_margin = if cell.badge.is_some() { 6.0 } else { 0.0 };
    let mut job = egui::text::LayoutJob::single_section(
        cell.text.clone(),
        egui::TextFormat {
            font_id: font.clone(),
            color: cell.colour,
            italics: cell.italics,
            ..Default::default()
        },
    );
    job.wrap = egui::text::TextWrapping {
        max_width: (rect.width() - 2.0 * badge_margin).max(1.0),
        max_rows: 1,
        break_anywhere: true,
        overflow_character: Some('…'),
    };
    let painter = ui.painter();
    let galley = painter.layout_job(job);
    let size = galley.size();
    let left = if right {
        rect.right() - size.x - badge_margin
    } else {
        rect.left() + badge_margin
    };
    let pos = egui::pos2(left, rect.center().y - size.y / 2.0);
    if let Some(fill) = cell.badge {
        let badge = egui::Rect::from_min_size(pos, size).expand2(egui::vec2(badge_margin, 2.0));
        painter.rect_filled(badge, 4.0, fill);
    }
    let elided = galley.elided;
    painter.galley(pos, galley, cell.colour);
    elided
}

/// A table's header: its titles, in bold, over a line.
pub fn header(ui: &mut Ui, columns: &Columns, titles: &[&str], height: f32) {
    let (header, _) = ui.allocate_exact_size(egui::vec2(columns.width(), height), Sense::hover());
    for (i, title) in titles.iter().enumerate() {
        ui.scope_builder(
            egui::UiBuilder::new()
                .max_rect(columns.rect(i, header))
                .layout(egui::Layout::left_to_right(egui::Align::Center)),
            |ui| ui.add(egui::Label::new(egui::RichText::new(*title).strong()).truncate()),
        );
    }
    ui.painter().hline(
        header.x_range(),
        header.bottom(),
        ui.visuals().widgets.noninteractive.bg_stroke,
    );
}

/// The row's background: selected, hovered, or every other row striped.
pub fn paint_row_background(
    ui: &Ui,
    rect: egui::Rect,
    index: usize,
    selected: bool,
    hovered: bool,
) {
    let visuals = ui.visuals();
    let fill = if selected {
        Some(visuals.selection.bg_fill)
    } else if hovered {
        Some(visuals.widgets.hovered.weak_bg_fill)
    } else if index % 2 == 1 {
        Some(visuals.faint_bg_color)
    } else {
        None
    };
    if let Some(fill) = fill {
        ui.painter().rect_filled(rect, 0.0, fill);
    }
}

/// Whether a screen reader (or a test) reads the tree this frame, asked of a widget of the
/// row that has reported its info: only then are painted cells given nodes of their own,
/// which costs as much as painting them.
pub fn accessibility_active(ui: &Ui, widget: egui::Id) -> bool {
    ui.ctx().has_accesskit_node(widget)
}

/// A node for a painted cell, under `parent` (read by screen readers; no interaction).
pub fn cell_node(ui: &Ui, parent: egui::Id, column: usize, rect: egui::Rect, text: &str) {
    ui.interact(rect, parent.with(column), Sense::hover())
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Cell, true, text));
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

#[cfg(test)]
mod tests {
    use super::*;

    const WIDTHS: [Width; 5] = [
        Width::Fixed(72.0),
        Width::Share(2.0),
        Width::Share(3.0),
        Width::Fixed(112.0),
        Width::Fixed(50.0),
    ];

    #[test]
    fn columns_fill_the_width_and_shrink_alike_when_narrow() {
        let fixed = 72.0 + 112.0 + 50.0;
        for width in [300.0, 500.0, fixed + 260.0, 1040.0, 1900.0] {
            let columns = Columns::new(&WIDTHS, 260.0, 10.0, width);
            let edges = columns.edges();
            assert_eq!(edges.len(), WIDTHS.len() + 1);
            assert!(edges.windows(2).all(|w| w[1] > w[0]), "{width}: {edges:?}");
            assert!((columns.width() - width).abs() < 0.01, "{width}: {edges:?}");
            assert!((edges[0] - 10.0).abs() < f32::EPSILON);
        }
        // Wide: the fixed columns keep their width, the shared ones split the rest 2:3.
        let columns = Columns::new(&WIDTHS, 260.0, 0.0, 1900.0);
        let edges = columns.edges();
        assert!((edges[1] - edges[0] - 72.0).abs() < 0.001);
        let (two, three) = (edges[2] - edges[1], edges[3] - edges[2]);
        assert!((three / two - 1.5).abs() < 0.001);
        assert!((two + three - (1900.0 - fixed)).abs() < 0.01);
        // Narrow: every column keeps its proportion.
        let columns = Columns::new(&WIDTHS, 260.0, 0.0, 300.0);
        let edges = columns.edges();
        let (first, fourth) = (edges[1] - edges[0], edges[4] - edges[3]);
        assert!((fourth / first - 112.0 / 72.0).abs() < 0.001);
    }

    #[test]
    fn a_point_finds_its_column() {
        let columns = Columns::new(&WIDTHS, 260.0, 100.0, 1000.0);
        assert_eq!(columns.at(99.0), None);
        assert_eq!(columns.at(100.0), Some(0));
        assert_eq!(columns.at(171.0), Some(0));
        assert_eq!(columns.at(173.0), Some(1));
        assert_eq!(columns.at(1099.0), Some(4));
        assert_eq!(columns.at(1101.0), None);
    }

    #[test]
    fn a_cell_keeps_at_least_no_width_in_a_tiny_window() {
        let columns = Columns::new(&WIDTHS, 260.0, 0.0, 10.0);
        let row = egui::Rect::from_min_size(egui::pos2(0.0, 0.0), egui::vec2(10.0, 20.0));
        for i in 0..WIDTHS.len() {
            let rect = columns.rect(i, row);
            assert!(rect.width() >= 0.0 && rect.is_finite(), "{i}: {rect:?}");
        }
    }
}
