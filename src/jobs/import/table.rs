//! A sheet of text cells, however it was read (a CSV, a workbook), turned into invite rows:
//! the first non-empty row is the header, its columns matched with common aliases; empty
//! rows are skipped wherever they are.

use std::collections::HashMap;

pub const MAX_ROWS: usize = 100_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRow {
    /// 1 for the first row under the header, as a spreadsheet user counts after it.
    pub row_no: u64,
    pub email: String,
    pub opening: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    NotText,
    NotAWorkbook(String),
    TooLarge(String),
    NoSuchSheet { name: String, sheets: String },
    Empty,
    NoEmailColumn(String),
    TooManyRows(usize),
    Malformed(String),
    NoOpening,
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::t;
        f.write_str(&match self {
            ImportError::NotText => t!("import-not-text"),
            ImportError::NotAWorkbook(_) => t!("import-not-a-workbook"),
            ImportError::TooLarge(why) => t!("import-too-large", why = why.as_str()),
            ImportError::NoSuchSheet { name, sheets } => t!(
                "import-no-such-sheet",
                name = name.as_str(),
                sheets = sheets.as_str()
            ),
            ImportError::Empty => t!("import-empty"),
            ImportError::NoEmailColumn(header) => {
                t!("import-no-email-column", header = header.as_str())
            }
            ImportError::TooManyRows(rows) => t!("import-too-many-rows", rows = *rows),
            ImportError::Malformed(_) => t!("import-malformed"),
            ImportError::NoOpening => t!("import-no-opening"),
        })
    }
}

impl ImportError {
    /// The reader's own words, for details.
    pub fn technical(&self) -> Option<&str> {
        match self {
            // What is too large is in the sentence already.
            ImportError::Malformed(why) | ImportError::NotAWorkbook(why) => Some(why),
            _ => None,
        }
    }
}

/// One non-empty row of a sheet: where it is (0 for the sheet's or file's first row) and its
/// cells as the recruiter sees them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRow {
    pub index: u64,
    pub cells: Vec<String>,
}

/// A sheet's non-empty rows, the header's among them; past the most an import takes, rows
/// are only counted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<TableRow>,
    /// Non-empty rows past the header and `MAX_ROWS` more, counted and not kept.
    pub uncounted: usize,
}

impl Table {
    /// Keeps the row unless all its cells are empty (its cells are trimmed).
    pub fn push(&mut self, index: u64, cells: Vec<String>) {
        if cells.iter().all(|c| c.trim().is_empty()) {
            return;
        }
        if self.rows.len() > MAX_ROWS {
            self.uncounted += 1;
            return;
        }
        let cells = cells
            .into_iter()
            .map(|c| match c.trim() {
                t if t.len() == c.len() => c,
                t => t.to_owned(),
            })
            .collect();
        self.rows.push(TableRow { index, cells });
    }

    /// Every row under the header, counted or kept.
    pub fn data_rows(&self) -> usize {
        self.rows.len().saturating_sub(1) + self.uncounted
    }
}

fn normalise(header: &str) -> String {
    header
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Email,
    Opening,
    First,
    Last,
}

/// A French header, accented, as a recruiter types it.
const PRENOM: &str = "prénom"; // not for people: a header the reader knows

fn field_of(header: &str) -> Option<Field> {
    match normalise(header).as_str() {
        "email" | "emailaddress" | "mail" | "courriel" => Some(Field::Email),
        "opening" | "job" | "position" | "role" | "openingname" | "jobtitle" | "poste" => {
            Some(Field::Opening)
        }
        "firstname" | "first" | "givenname" | "forename" | "prenom" | PRENOM => Some(Field::First),
        "lastname" | "last" | "surname" | "familyname" | "nom" => Some(Field::Last),
        _ => None,
    }
}

/// The invite rows of a table, and whether it had an opening column. With none,
/// `default_opening` fills every row.
pub fn invite_rows(
    table: &Table,
    default_opening: Option<&str>,
) -> Result<(Vec<ImportRow>, bool), ImportError> {
    let Some((header, data)) = table.rows.split_first() else {
        return Err(ImportError::Empty);
    };
    if table.data_rows() > MAX_ROWS {
        return Err(ImportError::TooManyRows(table.data_rows()));
    }
    let mut columns: HashMap<Field, usize> = HashMap::new();
    for (i, h) in header.cells.iter().enumerate() {
        if let Some(field) = field_of(h) {
            columns.entry(field).or_insert(i);
        }
    }
    let Some(&email_col) = columns.get(&Field::Email) else {
        let names: Vec<String> = header
            .cells
            .iter()
            .filter(|h| !h.is_empty())
            .map(|h| crate::t!("import-quoted", name = h.as_str()))
            .collect();
        return Err(ImportError::NoEmailColumn(if names.is_empty() {
            crate::t!("import-no-columns")
        } else {
            names.join(", ")
        }));
    };
    let has_opening_column = columns.contains_key(&Field::Opening);
    let default_opening = default_opening.map(str::trim).filter(|o| !o.is_empty());
    if !has_opening_column && default_opening.is_none() {
        return Err(ImportError::NoOpening);
    }
    let cell = |row: &TableRow, field: Field| -> Option<String> {
        columns
            .get(&field)
            .and_then(|&i| row.cells.get(i))
            .filter(|v| !v.is_empty())
            .cloned()
    };
    let rows: Vec<ImportRow> = data
        .iter()
        .map(|row| ImportRow {
            row_no: row.index.saturating_sub(header.index),
            email: row.cells.get(email_col).cloned().unwrap_or_default(),
            opening: cell(row, Field::Opening)
                .or_else(|| default_opening.map(str::to_owned))
                .unwrap_or_default(),
            first_name: cell(row, Field::First),
            last_name: cell(row, Field::Last),
        })
        .collect();
    if rows.is_empty() {
        return Err(ImportError::Empty);
    }
    Ok((rows, has_opening_column))
}

/// FNV-1a: stable across builds, unlike std's hasher.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}-{}", bytes.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[(u64, &[&str])]) -> Table {
        let mut t = Table::default();
        for (i, cells) in rows {
            t.push(*i, cells.iter().map(|c| (*c).to_owned()).collect());
        }
        t
    }

    #[test]
    fn the_header_is_the_first_non_empty_row() {
        let t = table(&[
            (0, &["", " "]),
            (2, &["E-mail", "Prénom", "Job"]),
            (3, &[" ada@example.com ", "Ada", "se"]),
            (4, &["", ""]),
            (5, &["bo@example.com", "", "da"]),
        ]);
        let (rows, has_opening) = invite_rows(&t, None).unwrap();
        assert!(has_opening);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].row_no, 1);
        assert_eq!(rows[0].email, "ada@example.com");
        assert_eq!(rows[0].first_name.as_deref(), Some("Ada"));
        assert_eq!(rows[1].row_no, 3, "counted from the header, empty rows too");
        assert_eq!(rows[1].first_name, None);
    }

    #[test]
    fn missing_columns_and_too_many_rows() {
        let t = table(&[(0, &["name", "phone"]), (1, &["Ada", "123"])]);
        assert_eq!(
            invite_rows(&t, None),
            Err(ImportError::NoEmailColumn("\"name\", \"phone\"".into()))
        );
        let t = table(&[(0, &["email"]), (1, &["ada@example.com"])]);
        assert_eq!(invite_rows(&t, None), Err(ImportError::NoOpening));
        assert_eq!(invite_rows(&t, Some("se")).unwrap().0[0].opening, "se");
        assert_eq!(
            invite_rows(&Table::default(), None),
            Err(ImportError::Empty)
        );
        let mut big = Table::default();
        for i in 0..=(MAX_ROWS as u64 + 5) {
            big.push(i, vec![format!("p{i}@example.com"), "x".into()]);
        }
        assert_eq!(big.rows.len(), MAX_ROWS + 1, "past the most, only counted");
        assert_eq!(
            invite_rows(&big, None),
            Err(ImportError::TooManyRows(MAX_ROWS + 5))
        );
    }

    #[test]
    fn fingerprints_are_stable() {
        assert_eq!(fingerprint(b"email\n"), fingerprint(b"email\n"));
        assert_ne!(fingerprint(b"email\n"), fingerprint(b"email\r\n"));
    }
}
