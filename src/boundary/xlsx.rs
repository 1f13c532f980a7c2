//! XLSX workbooks: every text a candidate, a server or the recruiter wrote goes in as a text
//! cell — never a formula, whatever it starts with (`=HYPERLINK(…)` stays those letters) —
//! and numbers the app holds as numbers; a bold header that stays in view, and columns as
//! wide as their text within bounds.

use rust_xlsxwriter::{Format, Workbook};

/// One cell of a sheet.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Empty,
}

impl Value {
    /// A text cell, or an empty one for an empty text.
    pub fn text(text: impl Into<String>) -> Value {
        let text = text.into();
        if text.is_empty() {
            Value::Empty
        } else {
            Value::Text(text)
        }
    }

    /// A number cell, or an empty one.
    pub fn number(value: Option<f64>) -> Value {
        value
            .filter(|v| v.is_finite())
            .map_or(Value::Empty, Value::Number)
    }
}

/// The most a cell holds (Excel's limit, in UTF-16 units); a longer text is cut.
const MAX_CELL: usize = 32_767;
/// Column widths, in characters.
const NARROWEST: usize = 6;
const WIDEST: usize = 60;
/// Rows looked at to size the columns.
const SIZED_ROWS: usize = 2_000;

fn within_a_cell(text: &str) -> &str {
    let mut units = 0;
    for (at, c) in text.char_indices() {
        units += c.len_utf16();
        if units > MAX_CELL {
            return &text[..at];
        }
    }
    text
}

/// A workbook of one sheet named `sheet`: `header` in bold, frozen, then `rows`.
pub fn workbook(sheet: &str, header: &[&str], rows: &[Vec<Value>]) -> Result<Vec<u8>, String> {
    let fail = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let ws = book.add_worksheet();
    ws.set_name(sheet).map_err(fail)?;
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for (c, title) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *title, &bold)
            .map_err(fail)?;
    }
    ws.set_freeze_panes(1, 0).map_err(fail)?;
    for (r, row) in rows.iter().enumerate() {
        let at = u32::try_from(r + 1).map_err(|_| "too many rows".to_owned())?;
        for (c, value) in row.iter().enumerate() {
            let col = u16::try_from(c).map_err(|_| "too many columns".to_owned())?;
            let shown = match value {
                Value::Text(text) => {
                    let text = within_a_cell(text);
                    ws.write_string(at, col, text).map_err(fail)?;
                    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
                }
                Value::Number(n) => {
                    ws.write_number(at, col, *n).map_err(fail)?;
                    n.to_string().len()
                }
                Value::Empty => 0,
            };
            if r < SIZED_ROWS {
                if widths.len() <= c {
                    widths.resize(c + 1, 0);
                }
                widths[c] = widths[c].max(shown);
            }
        }
    }
    for (c, width) in widths.iter().enumerate() {
        let chars = (width + 2).clamp(NARROWEST, WIDEST);
        ws.set_column_width(c as u16, chars as f64).map_err(fail)?;
    }
    book.save_to_buffer().map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_to_a_cell() {
        let long = "é".repeat(40_000);
        assert_eq!(within_a_cell(&long).chars().count(), MAX_CELL);
        assert_eq!(within_a_cell("Zoë"), "Zoë");
        let bytes = workbook(
            "Applicants",
            &["name", "score"],
            &[vec![Value::text(long), Value::number(Some(53.5))]],
        )
        .unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
    }
}
