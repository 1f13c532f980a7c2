//! Spreadsheet cells: a text cell that a spreadsheet would read as a formula (OWASP's CSV
//! injection guidance: one beginning with `=`, `+`, `-`, `@`, a tab or a carriage return)
//! is written with a leading `'`, which spreadsheets show as text. Numbers the app formats
//! itself are written as they are.

use std::borrow::Cow;

/// The characters that start a formula (or a DDE call) in Excel, LibreOffice and Sheets.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell, safe to open in a spreadsheet.
pub fn text(value: &str) -> Cow<'_, str> {
    if value.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text_and_the_rest_is_left_alone() {
        for hostile in [
            "=HYPERLINK(\"http://evil\",\"x\") Smith",
            "+cmd|' /C calc'!A0",
            "@SUM(1)",
            "-2+3",
            "\t=1",
            "\r=1",
        ] {
            let safe = text(hostile);
            assert!(safe.starts_with('\''), "{hostile:?} -> {safe:?}");
            assert_eq!(&safe[1..], hostile, "the text itself is kept");
        }
        for plain in [
            "Ada Lovelace",
            "ada@example.com",
            "53.1",
            "",
            "O'Neil",
            "a=b",
        ] {
            assert_eq!(text(plain), plain);
        }
    }
}
