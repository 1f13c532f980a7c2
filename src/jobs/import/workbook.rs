//! A workbook (`.xlsx`, `.xlsm`, `.xls`, `.ods`) read with calamine into a table of the
//! cells as the recruiter sees them: whole numbers without `.0`, text as typed (leading
//! zeros kept), dates in ISO 8601, formulas as the values last computed. An `.xlsx` is read
//! cell by cell, keeping only the columns an import can use.

use std::io::Cursor;

use calamine::{Data, DataRef, Ods, Reader, Sheets, Xls, Xlsb, Xlsx};

use super::bounds;
use super::table::{ImportError, Table};

/// Columns past this many are not read (the import needs four, wherever they are).
pub const MAX_COLUMNS: usize = 256;

/// A zip (`.xlsx`, `.xlsm`, `.ods`) or an OLE compound file (`.xls`).
pub fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") // not for people: a zip signature
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// A workbook's sheets and the one read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Read {
    pub sheets: Vec<String>,
    pub sheet: String,
    pub table: Table,
}

fn unreadable(e: impl std::fmt::Display) -> ImportError {
    ImportError::NotAWorkbook(e.to_string())
}

/// Reads the sheet named `sheet`, or the first one.
pub fn read(bytes: &[u8], sheet: Option<&str>) -> Result<Read, ImportError> {
    let zipped = bytes.starts_with(b"PK\x03\x04"); // not for people: a zip signature
    if zipped {
        bounds::check_zip(bytes)?;
        if let Ok(mut xlsx) = Xlsx::new(Cursor::new(bytes)) {
            let (sheets, sheet) = choose(xlsx.sheet_names(), sheet)?;
            let table = xlsx_table(&mut xlsx, &sheet)?;
            return Ok(Read {
                sheets,
                sheet,
                table,
            });
        }
    }
    let mut workbook: Sheets<Cursor<&[u8]>> = if zipped {
        match Ods::new(Cursor::new(bytes)) {
            Ok(ods) => Sheets::Ods(ods),
            Err(_) => Sheets::Xlsb(Xlsb::new(Cursor::new(bytes)).map_err(unreadable)?),
        }
    } else {
        Sheets::Xls(Xls::new(Cursor::new(bytes)).map_err(unreadable)?)
    };
    let (sheets, sheet) = choose(workbook.sheet_names(), sheet)?;
    let range = workbook.worksheet_range(&sheet).map_err(unreadable)?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    // Cells keep their sheet column, wherever the range starts.
    let pad = (first_col as usize).min(MAX_COLUMNS);
    let mut table = Table::default();
    for (i, row) in range.rows().enumerate() {
        let mut cells = vec![String::new(); pad];
        cells.extend(row.iter().take(MAX_COLUMNS - pad).map(text));
        table.push(u64::from(first_row) + i as u64, cells);
    }
    Ok(Read {
        sheets,
        sheet,
        table,
    })
}

/// The sheets, and the one named (or the first).
fn choose(sheets: Vec<String>, wanted: Option<&str>) -> Result<(Vec<String>, String), ImportError> {
    let chosen = match wanted.map(str::trim).filter(|w| !w.is_empty()) {
        None => sheets.first().cloned().ok_or(ImportError::Empty)?,
        Some(wanted) => sheets
            .iter()
            .find(|s| *s == wanted)
            .or_else(|| sheets.iter().find(|s| s.eq_ignore_ascii_case(wanted)))
            .cloned()
            .ok_or_else(|| ImportError::NoSuchSheet {
                name: wanted.to_owned(),
                sheets: sheets
                    .iter()
                    .map(|h| crate::t!("import-quoted", name = h.as_str()))
                    .collect::<Vec<_>>()
                    .join(", "),
            })?,
    };
    Ok((sheets, chosen))
}

/// An `.xlsx` sheet, cell by cell: only the columns an import can use are kept, so a cell
/// far to the right or far down costs nothing but itself.
fn xlsx_table(xlsx: &mut Xlsx<Cursor<&[u8]>>, sheet: &str) -> Result<Table, ImportError> {
    let mut cells = xlsx.worksheet_cells_reader(sheet).map_err(unreadable)?;
    let mut table = Table::default();
    let mut row: Option<(u32, Vec<String>)> = None;
    while let Some(cell) = cells.next_cell().map_err(unreadable)? {
        let (r, c) = cell.get_position();
        if c as usize >= MAX_COLUMNS {
            continue;
        }
        if row.as_ref().is_some_and(|(at, _)| *at != r)
            && let Some((at, done)) = row.take()
        {
            table.push(u64::from(at), done);
        }
        let (_, values) = row.get_or_insert_with(|| (r, Vec::new()));
        let c = c as usize;
        if values.len() <= c {
            values.resize(c + 1, String::new());
        }
        values[c] = text_ref(cell.get_value());
    }
    if let Some((at, done)) = row {
        table.push(u64::from(at), done);
    }
    // Rows come in order in every file a spreadsheet writes; a hand-made one may not.
    table.rows.sort_by_key(|r| r.index);
    Ok(table)
}

fn text_ref(value: &DataRef<'_>) -> String {
    match value {
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::String(s) => s.clone(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::Bool(b) => bool_text(*b),
        DataRef::DateTime(d) => date(d),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

/// A cell as the recruiter sees it.
pub fn text(value: &Data) -> String {
    match value {
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => bool_text(*b),
        Data::DateTime(d) => date(d),
        Data::DateTimeIso(s) => s.strip_suffix("T00:00:00").unwrap_or(s).to_owned(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
        Data::Empty => String::new(),
    }
}

fn bool_text(b: bool) -> String {
    if b { "TRUE" } else { "FALSE" }.to_owned() // not for people: a cell's value, read as data
}

/// A number with the 15 significant digits a spreadsheet shows, no trailing zeros, no `.0`.
pub fn number(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{f:.0}");
    }
    let magnitude = if f == 0.0 {
        0
    } else {
        f.abs().log10().floor() as i32
    };
    let decimals = (14 - magnitude).clamp(0, 15) as usize;
    let text = format!("{f:.decimals$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// A date as `2024-03-05`, a date and time as `2024-03-05T09:30:00`, a duration as Excel's
/// serial number of days.
fn date(d: &calamine::ExcelDateTime) -> String {
    if d.is_duration() {
        return number(d.as_f64());
    }
    match d.as_datetime() {
        Some(t) if t.time() == chrono::NaiveTime::MIN => t.format("%Y-%m-%d").to_string(), // not for people: a cell's value, read as data
        Some(t) => t.format("%Y-%m-%dT%H:%M:%S").to_string(), // not for people: a cell's value, read as data
        None => number(d.as_f64()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_a_spreadsheet_shows_them() {
        assert_eq!(number(3.0), "3");
        assert_eq!(number(-12.0), "-12");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(1_234_567.0), "1234567");
        assert_eq!(number(0.25), "0.25");
        assert_eq!(number(0.0), "0");
        assert_eq!(text(&Data::Float(2.0)), "2");
        assert_eq!(text(&Data::String("007".into())), "007");
        assert_eq!(text(&Data::Bool(true)), "TRUE");
        assert_eq!(
            text(&Data::DateTimeIso("2024-03-05T00:00:00".into())),
            "2024-03-05"
        );
    }

    #[test]
    fn dates_in_iso_8601() {
        use calamine::{ExcelDateTime, ExcelDateTimeType};
        let day = ExcelDateTime::new(45356.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(date(&day), "2024-03-05");
        let noon = ExcelDateTime::new(45356.5, ExcelDateTimeType::DateTime, false);
        assert_eq!(date(&noon), "2024-03-05T12:00:00");
    }

    #[test]
    fn not_a_workbook() {
        assert!(!looks_like_workbook(b"email,opening\n"));
        assert!(looks_like_workbook(b"PK\x03\x04rest"));
        assert!(matches!(
            read(b"PK\x03\x04 not really", None),
            Err(ImportError::NotAWorkbook(_))
        ));
        assert!(matches!(
            read(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0, 0], None),
            Err(ImportError::NotAWorkbook(_))
        ));
    }
}
