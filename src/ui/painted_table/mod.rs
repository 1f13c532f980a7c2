//! Tables of up to 100,000 rows whose cells are painted text, not widgets.
//!
//! A `TableBuilder` gives every cell a child `Ui` and a label widget; at a few dozen rows in
//! view that is most of a frame (BENCHMARKS.md). These tables lay their columns out once per
//! frame, paint each visible cell's text on one line (cut with "…"), and make only what a
//! recruiter acts on interactive. Screen readers still get a node per cell while AccessKit is
//! active (the kittest tests read them too).

mod cell;
mod columns;
mod header;
#[cfg(test)]
mod kept_tests;

use std::collections::HashMap;
use std::sync::Arc;

use egui::{Sense, Ui};

pub use cell::{Cell, check_box, copyable, paint_cell};
use cell::{lay_out, paint_laid_out};
pub use columns::{Columns, Width};
pub use header::{Sorting, header, sort_header};

/// What a table is made of, besides its rows.
pub struct Table<'a> {
    pub id: egui::Id,
    pub columns: &'a Columns,
    /// Which columns line up on the right (numbers).
    pub right: &'a [bool],
    pub row_height: f32,
    /// Rows a click selects, or rows that are only read.
    pub selectable: bool,
}

/// One row as painted: its cells (an empty text for a column the caller paints itself),
/// its name for screen readers, and whether it is the selected one.
pub struct Row<'a> {
    pub key: u64,
    /// The name, made only when a screen reader (or a click's event) asks for it: a sentence
    /// per row and frame that nobody reads costs as much as painting a cell.
    pub label: Box<dyn Fn() -> String + 'a>,
    /// The cells, made only when the table has none kept for this row (see
    /// [`Rows::made_from`]).
    pub cells: Box<dyn FnOnce() -> Vec<Cell> + 'a>,
    pub selected: bool,
}

/// The rows of a table: what each one shows, and what the caller adds to one.
pub trait Rows {
    fn count(&self) -> usize;

    fn row<'a>(&'a self, index: usize, visuals: &'a egui::Visuals) -> Row<'a>;

    /// What every row's cells are made from, when the rows can say it cheaply (the version
    /// of the rows, the second on the clock): while it, the language and the theme stay the
    /// same, each row in view has its texts formatted once and kept, not every frame. `None`:
    /// made every frame.
    fn made_from(&self) -> Option<u64> {
        None
    }

    /// What hovering a cell tells; by default a text that was cut, whole.
    fn tooltip(&self, _index: usize, _column: usize, cell: &Cell, cut: bool) -> Option<String> {
        cut.then(|| cell.text.clone())
    }

    /// Paints what the table does not (a check box, a cell being edited), after the row's
    /// cells; `row` is the row's rect and `id` its id.
    fn extra(&mut self, _ui: &mut Ui, _index: usize, _row: egui::Rect, _id: egui::Id) {}
}

/// The cells of the rows in view, as made for `made_from` (see [`Rows::made_from`]), with
/// their texts laid out.
#[derive(Clone, Default)]
struct KeptCells {
    made_from: Option<u64>,
    /// A text laid out with the table's font each frame: while egui's text cache gives back
    /// this very layout, the fonts and their texture are the ones the kept layouts point
    /// into. A new font, text size or zoom, a texture egui emptied, or a frame the table
    /// was not drawn on (egui then forgets the layout) gives a new one.
    fonts: Option<Arc<egui::Galley>>,
    rows: HashMap<u64, KeptRow>,
}

/// One row's cells, and each cell's text laid out for the width it was painted at.
#[derive(Clone)]
struct KeptRow {
    cells: Arc<[Cell]>,
    laid_out: Vec<Option<(f32, Arc<egui::Galley>)>>,
}

/// One number for everything `value` holds, for [`Rows::made_from`].
pub fn fingerprint(value: impl std::hash::Hash) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(value)
}

/// What the recruiter did to the table this frame.
pub struct Shown {
    /// The row clicked (selectable tables).
    pub clicked: Option<usize>,
    /// The scroll offset the rows were drawn at.
    pub offset: f32,
}

/// The one row loop every long table uses: only the rows in view are painted, each one click
/// target (or a hover target) with painted cells, a tooltip for a cell that was cut, and
/// nodes for screen readers while one reads the tree. `scroll_to` brings an offset into view.
pub fn show_rows(
    ui: &mut Ui,
    table: &Table<'_>,
    rows: &mut impl Rows,
    salt: &str,
    scroll_to: Option<f32>,
) -> Shown {
    let mut clicked = None;
    ui.spacing_mut().item_spacing.y = 0.0;
    let mut scroll = egui::ScrollArea::vertical()
        .id_salt(salt)
        .auto_shrink([false, false]);
    if let Some(offset) = scroll_to {
        scroll = scroll.vertical_scroll_offset(offset);
    }
    let sense = if table.selectable {
        Sense::click()
    } else {
        Sense::hover()
    };
    let kept_id = table.id.with("kept cells");
    let mut kept: KeptCells = ui.data_mut(|d| d.remove_temp(kept_id)).unwrap_or_default();
    let output = scroll.show_rows(ui, table.row_height, rows.count(), |ui, range| {
        let visuals = ui.visuals().clone();
        let font = egui::TextStyle::Body.resolve(ui.style());
        let made_from = rows.made_from().map(|version| {
            let text = (
                visuals.text_color(),
                visuals.strong_text_color(),
                visuals.weak_text_color(),
            );
            fingerprint((version, crate::i18n::current(), visuals.dark_mode, text))
        });
        let fonts = made_from.map(|_| {
            ui.painter()
                .layout_no_wrap("0".into(), font.clone(), egui::Color32::PLACEHOLDER)
        });
        let same_fonts = match (&kept.fonts, &fonts) {
            (Some(kept), Some(now)) => Arc::ptr_eq(kept, now),
            _ => false,
        };
        if kept.made_from != made_from {
            kept = KeptCells {
                made_from,
                fonts,
                rows: HashMap::new(),
            };
        } else if !same_fonts {
            // The cells still hold; their layouts may point into fonts that are gone.
            kept.fonts = fonts;
            for row in kept.rows.values_mut() {
                row.laid_out.clear();
            }
        }
        // Only the rows in view this frame are kept.
        let mut in_view = HashMap::with_capacity(if made_from.is_some() { range.len() } else { 0 });
        let mut repeated = false;
        for index in range {
            let rect = egui::Rect::from_min_size(
                ui.cursor().min,
                egui::vec2(table.columns.width(), table.row_height),
            );
            ui.advance_cursor_after_rect(rect);
            let Row {
                key,
                label,
                cells: make_cells,
                selected,
            } = rows.row(index, &visuals);
            let KeptRow {
                cells: made,
                mut laid_out,
            } = match kept.rows.remove(&key) {
                Some(row) => {
                    drop(make_cells);
                    row
                }
                None => KeptRow {
                    cells: make_cells().into(),
                    laid_out: Vec::new(),
                },
            };
            let cells = &*made;
            // A selected row's text (not its badges) takes the selection's colour.
            let on_selection = selected.then(|| crate::ui::theme::selected_row_text(&visuals));
            let id = table.id.with(key);
            let response = ui.interact(rect, id, sense);
            let hovered = response.hovered() || ui.rect_contains_pointer(rect);
            paint_row_background(ui, rect, index, selected, hovered);
            let mut cut = vec![false; cells.len()];
            laid_out.resize(cells.len(), None);
            for (i, cell) in cells.iter().enumerate() {
                let right = table.right.get(i).copied().unwrap_or(false);
                let cell_rect = table.columns.rect(i, rect);
                let width = cell_rect.width();
                let galley = match &laid_out[i] {
                    Some((at, galley)) if *at == width => Some(galley.clone()),
                    _ => {
                        let galley = lay_out(ui, cell, &font, width);
                        laid_out[i] = galley.clone().map(|g| (width, g));
                        galley
                    }
                };
                let colour = match on_selection {
                    Some(colour) if cell.badge.is_none() => colour,
                    _ => cell.colour,
                };
                if let Some(galley) = galley {
                    cut[i] = paint_laid_out(ui, cell_rect, cell, galley, colour, right);
                }
            }
            let selectable = table.selectable;
            response.widget_info(|| {
                if selectable {
                    egui::WidgetInfo::selected(egui::Role::Row, true, selected, label())
                } else {
                    egui::WidgetInfo::labeled(egui::Role::Row, true, label())
                }
            });
            drop(label);
            // Cells are nodes of their own only while a screen reader (or a test) reads the
            // tree: creating them costs as much as the painting.
            if accessibility_active(ui, response.id) {
                for (i, cell) in cells.iter().enumerate() {
                    if !cell.text.is_empty() {
                        cell_node(ui, response.id, i, table.columns.rect(i, rect), &cell.text);
                    }
                }
            }
            rows.extra(ui, index, rect, id);
            if let Some(tip) = response
                .hover_pos()
                .and_then(|pos| table.columns.at(pos.x))
                .and_then(|c| Some((c, cells.get(c)?)))
                .and_then(|(c, cell)| rows.tooltip(index, c, cell, cut[c]))
            {
                // A cut cell's text came from a candidate or a server, like the cell.
                response
                    .clone()
                    .on_hover_text(crate::boundary::terminal::visible(&tip));
            }
            if response.clicked() {
                clicked = Some(index);
            }
            // Two rows with one key would swap cells: such a table keeps none.
            if made_from.is_some()
                && in_view
                    .insert(
                        key,
                        KeptRow {
                            cells: made,
                            laid_out,
                        },
                    )
                    .is_some()
            {
                repeated = true;
            }
        }
        if repeated {
            kept.made_from = None;
            in_view.clear();
        }
        kept.rows = in_view;
    });
    ui.data_mut(|d| d.insert_temp(kept_id, kept));
    Shown {
        clicked,
        offset: output.state.clamped_offset().y,
    }
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
        Some(crate::ui::theme::hovered_row_fill(visuals))
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
        .widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Cell,
                true,
                crate::boundary::terminal::visible(text),
            )
        });
}
