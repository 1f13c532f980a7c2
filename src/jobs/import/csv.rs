//! A CSV or tab-separated text read into a table: the separator (`,` `;` tab `|`) is the one
//! the header line uses most outside quotes; fields may be quoted.

use super::table::{ImportError, Table};

/// The separators a spreadsheet writes, in the order a tie is settled.
pub const SEPARATORS: [char; 4] = [',', ';', '\t', '|'];

/// The separator of `text`, as its first line with something in it uses them.
pub fn separator(text: &str) -> char {
    let header = text
        .lines()
        .find(|line| {
            line.chars()
                .any(|c| !c.is_whitespace() && c != '"' && !SEPARATORS.contains(&c))
        })
        .unwrap_or_default();
    let mut counts = [0usize; SEPARATORS.len()];
    let mut quoted = false;
    for c in header.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted && let Some(i) = SEPARATORS.iter().position(|s| *s == c) {
            counts[i] += 1;
        }
    }
    let mut best = 0;
    for (i, n) in counts.iter().enumerate() {
        if *n > counts[best] {
            best = i;
        }
    }
    SEPARATORS[best]
}

/// The rows of `text`, separated by `separator`.
pub fn read(text: &str, separator: char) -> Result<Table, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut table = Table::default();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ImportError::Malformed(e.to_string()))?;
        table.push(i as u64, record.iter().map(str::to_owned).collect());
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jobs::import::table::invite_rows;

    #[test]
    fn separators_are_found_outside_quotes() {
        assert_eq!(separator("email,first name\n"), ',');
        assert_eq!(separator("E-mail;First Name;LASTNAME;Job\n"), ';');
        assert_eq!(separator("\"a;b;c\",email\n"), ',');
        assert_eq!(separator("email\tfirst\tlast\n"), '\t');
        assert_eq!(separator("email|opening\n"), '|');
        assert_eq!(
            separator(";;;\nemail,opening\n"),
            ',',
            "an empty row says nothing"
        );
        assert_eq!(separator("email\n"), ',');
    }

    #[test]
    fn aliases_semicolons_and_quotes() {
        let file = "E-mail;First Name;LASTNAME;Job\n\"ada@example.com\";\"Ada\";\"Lovelace; Countess\";software-engineer\nbo@example.com;Bo;\"O\"\"Neil\";data-analyst\n";
        let table = read(file, separator(file)).unwrap();
        let (rows, _) = invite_rows(&table, None).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].email, "ada@example.com");
        assert_eq!(rows[0].last_name.as_deref(), Some("Lovelace; Countess"));
        assert_eq!(rows[0].opening, "software-engineer");
        assert_eq!(rows[1].last_name.as_deref(), Some("O\"Neil"));
        assert_eq!(rows[1].row_no, 2);
    }
}
