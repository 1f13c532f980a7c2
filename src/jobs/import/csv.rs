//! A spreadsheet's CSV export read into invite rows: the header matched with common
//! aliases, UTF-8 with or without BOM, comma or semicolon, quoted fields.

use std::collections::HashMap;

pub const MAX_ROWS: usize = 100_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRow {
    /// 1 for the first data row (the header is row 0), as a spreadsheet user counts after it.
    pub row_no: u64,
    pub email: String,
    pub opening: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedFile {
    pub rows: Vec<ImportRow>,
    /// Identifies the file's content, so the same file resumes the same job.
    pub fingerprint: String,
    pub delimiter: char,
    pub has_opening_column: bool,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("The file is not a text CSV file (it has bytes that are not UTF-8 text).")]
    NotText,
    #[error("The file has no candidates in it.")]
    Empty,
    #[error("No email column was found; the header has {0}. Name a column \"email\".")]
    NoEmailColumn(String),
    #[error("The file has {0} rows; at most 100,000 can be imported at once. Split it.")]
    TooManyRows(usize),
    #[error("The file could not be read as CSV; save it from the spreadsheet again as CSV.")]
    Malformed(String),
    #[error("The file has no opening column; choose one opening for every row.")]
    NoOpening,
}

impl ImportError {
    /// The reader's own words, for details.
    pub fn technical(&self) -> Option<&str> {
        match self {
            ImportError::Malformed(why) => Some(why),
            _ => None,
        }
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

fn field_of(header: &str) -> Option<Field> {
    match normalise(header).as_str() {
        "email" | "emailaddress" | "mail" | "courriel" => Some(Field::Email),
        "opening" | "job" | "position" | "role" | "openingname" | "jobtitle" | "poste" => {
            Some(Field::Opening)
        }
        "firstname" | "first" | "givenname" | "forename" | "prenom" | "prénom" => {
            Some(Field::First)
        }
        "lastname" | "last" | "surname" | "familyname" | "nom" => Some(Field::Last),
        _ => None,
    }
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

/// Parses UTF-8 (with or without BOM), comma or semicolon separated, quoted fields. With no
/// opening column, `default_opening` fills every row.
pub fn parse_csv(bytes: &[u8], default_opening: Option<&str>) -> Result<ParsedFile, ImportError> {
    if bytes.contains(&0) {
        return Err(ImportError::NotText);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        ';'
    } else {
        ','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| ImportError::Malformed(e.to_string()))?
        .clone();
    let mut columns: HashMap<Field, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        if let Some(field) = field_of(h) {
            columns.entry(field).or_insert(i);
        }
    }
    let Some(&email_col) = columns.get(&Field::Email) else {
        let names: Vec<String> = headers.iter().map(|h| format!("\"{h}\"")).collect();
        return Err(ImportError::NoEmailColumn(if names.is_empty() {
            "no columns".into()
        } else {
            names.join(", ")
        }));
    };
    let has_opening_column = columns.contains_key(&Field::Opening);
    let default_opening = default_opening.map(str::trim).filter(|o| !o.is_empty());
    if !has_opening_column && default_opening.is_none() {
        return Err(ImportError::NoOpening);
    }
    let cell = |record: &csv::StringRecord, field: Field| -> Option<String> {
        columns
            .get(&field)
            .and_then(|&i| record.get(i))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ImportError::Malformed(e.to_string()))?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rows.len() >= MAX_ROWS {
            return Err(ImportError::TooManyRows(
                MAX_ROWS + 1 + reader.records().count(),
            ));
        }
        let opening = match (cell(&record, Field::Opening), default_opening) {
            (Some(o), _) => o,
            (None, Some(d)) => d.to_owned(),
            (None, None) => String::new(),
        };
        rows.push(ImportRow {
            row_no: i as u64 + 1,
            email: record.get(email_col).unwrap_or_default().trim().to_owned(),
            opening,
            first_name: cell(&record, Field::First),
            last_name: cell(&record, Field::Last),
        });
    }
    if rows.is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(ParsedFile {
        rows,
        fingerprint: fingerprint(bytes),
        delimiter,
        has_opening_column,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_bom_semicolons_and_quotes() {
        let file = "\u{feff}E-mail;First Name;LASTNAME;Job\n\"ada@example.com\";\"Ada\";\"Lovelace; Countess\";software-engineer\nbo@example.com;Bo;\"O\"\"Neil\";data-analyst\n";
        let parsed = parse_csv(file.as_bytes(), None).unwrap();
        assert_eq!(parsed.delimiter, ';');
        assert_eq!(parsed.rows.len(), 2);
        assert_eq!(parsed.rows[0].email, "ada@example.com");
        assert_eq!(
            parsed.rows[0].last_name.as_deref(),
            Some("Lovelace; Countess")
        );
        assert_eq!(parsed.rows[0].opening, "software-engineer");
        assert_eq!(parsed.rows[1].last_name.as_deref(), Some("O\"Neil"));
        assert_eq!(parsed.rows[1].row_no, 2);
    }

    #[test]
    fn one_opening_for_all_when_the_column_is_missing() {
        let file = "email,first_name\nada@example.com,Ada\n";
        assert_eq!(
            parse_csv(file.as_bytes(), None),
            Err(ImportError::NoOpening)
        );
        let parsed = parse_csv(file.as_bytes(), Some("ux-designer")).unwrap();
        assert!(!parsed.has_opening_column);
        assert_eq!(parsed.rows[0].opening, "ux-designer");
    }

    #[test]
    fn bad_files_get_clear_errors() {
        assert_eq!(parse_csv(b"", None), Err(ImportError::Empty));
        assert_eq!(parse_csv(b"email,opening\n", None), Err(ImportError::Empty));
        assert_eq!(
            parse_csv(b"\x89PNG\r\n\x1a\n\0\0", None),
            Err(ImportError::NotText)
        );
        assert!(matches!(
            parse_csv(b"name,phone\nAda,123\n", None),
            Err(ImportError::NoEmailColumn(_))
        ));
        let mut big = String::from("email,opening\n");
        for i in 0..=MAX_ROWS {
            big.push_str(&format!("p{i}@example.com,x\n"));
        }
        assert!(
            matches!(parse_csv(big.as_bytes(), None), Err(ImportError::TooManyRows(n)) if n > MAX_ROWS)
        );
    }

    #[test]
    fn fingerprints_are_stable() {
        assert_eq!(fingerprint(b"email\n"), fingerprint(b"email\n"));
        assert_ne!(fingerprint(b"email\n"), fingerprint(b"email\r\n"));
    }
}
