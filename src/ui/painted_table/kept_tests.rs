//! The cells a painted table keeps between frames: made once while what they are made from
//! stays the same, made again when it changes, and never given to another row.

use std::cell::Cell as Counter;
use std::sync::Arc;

use egui::Color32;

use super::{Cell, Columns, Row, Rows, Table, Width, show_rows};

/// Rows whose cells say their key's text, counting how often they are made.
struct Counted<'a> {
    keys: Vec<u64>,
    texts: Vec<&'static str>,
    made_from: u64,
    made: &'a Counter<usize>,
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
            selected: false,
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
        .map(|galley| galley.text().to_owned())
        .collect();
    texts.sort();
    texts
}

/// One frame of the table with its one column `width` wide; the texts it painted, laid out.
fn painted(ctx: &egui::Context, rows: &mut Counted<'_>, width: f32) -> Vec<Arc<egui::Galley>> {
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
            egui::Shape::Text(t) => Some(t.galley.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn cells_are_made_once_while_what_they_are_made_from_stays_the_same() {
    let ctx = egui::Context::default();
    let made = Counter::new(0);
    let mut rows = Counted {
        keys: vec![1, 2],
        texts: vec!["Ada", "Bram"], // not for people: test data
        made_from: 7,
        made: &made,
    };
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
    let mut rows = Counted {
        keys: vec![5, 5],
        texts: vec!["Ines", "Jonas"], // not for people: test data
        made_from: 1,
        made: &made,
    };
    for _ in 0..3 {
        assert_eq!(frame(&ctx, &mut rows), ["Ines", "Jonas"]);
    }
}

#[test]
fn kept_texts_are_laid_out_again_for_a_new_width_or_a_new_text_size() {
    let ctx = egui::Context::default();
    let made = Counter::new(0);
    let name = "Wilhelmina Vandersteen-Oosterhuis"; // not for people: test data
    let mut rows = Counted {
        keys: vec![1],
        texts: vec![name],
        made_from: 3,
        made: &made,
    };
    let wide = painted(&ctx, &mut rows, 300.0);
    assert_eq!(wide[0].text(), name);
    let narrow = painted(&ctx, &mut rows, 60.0);
    assert!(
        narrow[0].elided,
        "cut to fit 60 points: {:?}",
        narrow[0].text()
    );
    assert!(narrow[0].size().x <= 60.0, "{:?}", narrow[0].size());
    let before = painted(&ctx, &mut rows, 300.0)[0].size().y;
    ctx.all_styles_mut(|style| {
        let body = style.text_styles.get_mut(&egui::TextStyle::Body).unwrap();
        body.size *= 2.0;
    });
    let after = painted(&ctx, &mut rows, 300.0)[0].size().y;
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
