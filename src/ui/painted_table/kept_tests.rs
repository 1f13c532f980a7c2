//! The cells a painted table keeps between frames: made once while what they are made from
//! stays the same, made again when it changes, and never given to another row.

use std::cell::Cell as Counter;

use egui::Color32;
use egui::epaint::TextShape;

use super::{Cell, Columns, Row, Rows, Table, Width, show_rows};

/// Rows whose cells say their key's text, counting how often they are made.
struct Counted<'a> {
    keys: Vec<u64>,
    texts: Vec<&'static str>,
    made_from: u64,
    made: &'a Counter<usize>,
    selected: Option<u64>,
}

impl<'a> Counted<'a> {
    fn new(
        keys: Vec<u64>,
        texts: Vec<&'static str>,
        made_from: u64,
        made: &'a Counter<usize>,
    ) -> Self {
        Counted {
            keys,
            texts,
            made_from,
            made,
            selected: None,
        }
    }
}

impl Rows for Counted<'_> {
    fn count(&self) -> usize {
        self.keys.len()
    }

    fn row<'a>(&'a self, index: usize, _visuals: &'a egui::Visuals) -> Row<'a> {
        Row {
            key: self.keys[index],
            label: Box::new(String::new),
            cells: Box::new(move || {
                self.made.set(self.made.get() + 1);
                vec![Cell::plain(self.texts[index].to_owned(), Color32::WHITE)]
            }),
            selected: self.selected == Some(self.keys[index]),
        }
    }

    fn made_from(&self) -> Option<u64> {
        Some(self.made_from)
    }
}

/// One frame of the table; the texts it painted.
fn frame(ctx: &egui::Context, rows: &mut Counted<'_>) -> Vec<String> {
    let mut texts: Vec<String> = painted(ctx, rows, 200.0)
        .iter()
        .map(|text| text.galley.text().to_owned())
        .collect();
    texts.sort();
    texts
}

/// One frame of the table with its one column `width` wide; the texts it painted.
fn painted(ctx: &egui::Context, rows: &mut Counted<'_>, width: f32) -> Vec<TextShape> {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(400.0, 300.0),
        )),
        ..Default::default()
    };
    let mut out = ctx.run_ui(input, |ui| {
        let columns = Columns::new(&[Width::Fixed(width)], 0.0, 0.0, width);
        let table = Table {
            id: egui::Id::unique("kept-cells-test"),
            columns: &columns,
            right: &[false],
            row_height: 20.0,
            selectable: false,
        };
        show_rows(ui, &table, rows, "rows", None);
    });
    out.textures_delta.clear();
    out.shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Text(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn cells_are_made_once_while_what_they_are_made_from_stays_the_same() {
    let ctx = egui::Context::default();
    let made = Counter::new(0);
    let mut rows = Counted::new(vec![1, 2], vec!["Ada", "Bram"], 7, &made); // not for people: test data
    assert_eq!(frame(&ctx, &mut rows), ["Ada", "Bram"]);
    assert_eq!(made.get(), 2);
    frame(&ctx, &mut rows);
    assert_eq!(made.get(), 2, "kept: nothing made again");
    rows.texts = vec!["Ada", "Bram Moreau"]; // not for people: test data
    rows.made_from = 8;
    assert_eq!(frame(&ctx, &mut rows), ["Ada", "Bram Moreau"]);
    assert_eq!(made.get(), 4, "made again for the new version");
}

#[test]
fn two_rows_with_one_key_never_show_each_others_cells() {
    let ctx = egui::Context::default();
    let made = Counter::new(0);
    let mut rows = Counted::new(vec![5, 5], vec!["Ines", "Jonas"], 1, &made); // not for people: test data
    for _ in 0..3 {
        assert_eq!(frame(&ctx, &mut rows), ["Ines", "Jonas"]);
    }
}

#[test]
fn kept_texts_are_laid_out_again_for_a_new_width_or_a_new_text_size() {
    let ctx = egui::Context::default();
    let made = Counter::new(0);
    let name = "Wilhelmina Vandersteen-Oosterhuis"; // not for people: test data
    let mut rows = Counted::new(vec![1], vec![name], 3, &made);
    let wide = painted(&ctx, &mut rows, 300.0);
    assert_eq!(wide[0].galley.text(), name);
    let narrow = painted(&ctx, &mut rows, 60.0)[0].galley.clone();
    assert!(narrow.elided, "cut to fit 60 points: {:?}", narrow.text());
    assert!(narrow.size().x <= 60.0, "{:?}", narrow.size());
    let before = painted(&ctx, &mut rows, 300.0)[0].galley.size().y;
    ctx.all_styles_mut(|style| {
        let body = style.text_styles.get_mut(&egui::TextStyle::Body).unwrap();
        body.size *= 2.0;
    });
    let after = painted(&ctx, &mut rows, 300.0)[0].galley.size().y;
    assert!(
        after > 1.5 * before,
        "laid out at the new size: {before} → {after}"
    );
    assert_eq!(
        made.get(),
        1,
        "the cells were kept; only their layout was made again"
    );
}

#[test]
fn kept_texts_are_not_laid_out_again_and_a_selected_row_paints_them_in_its_colour() {
    let ctx = egui::Context::default();
    let made = Counter::new(0);
    let mut rows = Counted::new(vec![1, 2], vec!["Ada", "Bram"], 5, &made); // not for people: test data
    for _ in 0..3 {
        painted(&ctx, &mut rows, 200.0);
    }
    // egui forgets a layout nobody asked for during a frame: only the table's one text for
    // its fonts is left, the rows' layouts being kept by the table.
    assert_eq!(ctx.fonts(|f| f.num_galleys_in_cache()), 1);
    rows.selected = Some(2);
    let shown = painted(&ctx, &mut rows, 200.0);
    let colour = |text: &str| {
        let shape = shown.iter().find(|t| t.galley.text() == text).unwrap();
        shape.fallback_color
    };
    let on_selection = crate::ui::theme::selected_row_text(&ctx.global_style().visuals);
    assert_eq!(colour("Bram"), on_selection); // not for people: test data
    assert_eq!(colour("Ada"), Color32::WHITE); // not for people: test data
    assert_eq!(made.get(), 2, "selecting a row makes no cells again");
}
