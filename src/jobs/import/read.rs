//! One file's bytes to invite rows, whatever it is: a workbook (by its first bytes, not its
//! name) or text in the character set and with the separator it shows; or as the recruiter
//! chose after seeing the preview (another sheet, another character set).

use encoding_rs::Encoding;

use super::encoding::{self, Found};
use super::table::{ImportError, ImportRow, Table, fingerprint, invite_rows};
use super::{csv, workbook};

/// How to read a file: the opening for files with none, the sheet, the character set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// With no opening column, this opening fills every row.
    pub default_opening: Option<String>,
    /// A workbook's sheet (the first one when none).
    pub sheet: Option<String>,
    /// A text file's character set (the one it shows when none).
    pub encoding: Option<&'static Encoding>,
}

/// How a file was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadAs {
    Text {
        encoding: &'static Encoding,
        found: Found,
        separator: char,
    },
    Workbook {
        sheets: Vec<String>,
        sheet: String,
    },
}

impl ReadAs {
    /// "Read as Windows-1252, separated by semicolons." — what the preview says, with the
    /// next step when the character set was a guess.
    pub fn sentence(&self) -> String {
        match self {
            ReadAs::Text {
                encoding,
                found,
                separator,
            } => {
                let separator = match separator {
                    ';' => "semicolons",
                    '\t' => "tabs",
                    '|' => "bars",
                    _ => "commas",
                };
                let encoding = encoding::label(encoding);
                if *found == Found::Guessed {
                    crate::t!(
                        "import-read-as-guessed",
                        encoding = encoding,
                        separator = separator
                    )
                } else {
                    crate::t!("import-read-as", encoding = encoding, separator = separator)
                }
            }
            ReadAs::Workbook { sheets, sheet } if sheets.len() > 1 => {
                crate::t!(
                    "import-read-sheet-of",
                    sheet = sheet.as_str(),
                    count = sheets.len()
                )
            }
            ReadAs::Workbook { sheet, .. } => {
                crate::t!("import-read-sheet", sheet = sheet.as_str())
            }
        }
    }
}

/// A file read into invite rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedFile {
    pub rows: Vec<ImportRow>,
    /// Identifies the file's content and how it was read, so the same file read the same
    /// way resumes the same job.
    pub fingerprint: String,
    pub read_as: ReadAs,
    pub has_opening_column: bool,
}

/// Text with more control characters than a list of names ever has is not a CSV (a binary
/// file that happened to hold no NUL byte).
fn looks_binary(text: &str) -> bool {
    let sample = text.chars().take(65_536);
    let (mut controls, mut all) = (0usize, 0usize);
    for c in sample {
        all += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            controls += 1;
        }
    }
    controls > 8 && controls * 100 > all
}

/// Every non-empty row of the file as the recruiter sees it, and how it was read.
pub fn read_table(bytes: &[u8], options: &ReadOptions) -> Result<(Table, ReadAs), ImportError> {
    if workbook::looks_like_workbook(bytes) {
        let read = workbook::read(bytes, options.sheet.as_deref())?;
        return Ok((
            read.table,
            ReadAs::Workbook {
                sheets: read.sheets,
                sheet: read.sheet,
            },
        ));
    }
    let decoded = encoding::decode(bytes, options.encoding)?;
    if looks_binary(&decoded.text) {
        return Err(ImportError::NotText);
    }
    let separator = csv::separator(&decoded.text);
    let table = csv::read(&decoded.text, separator)?;
    Ok((
        table,
        ReadAs::Text {
            encoding: decoded.encoding,
            found: decoded.found,
            separator,
        },
    ))
}

/// The invite rows of a file read as `options` say.
pub fn parse(bytes: &[u8], options: &ReadOptions) -> Result<ParsedFile, ImportError> {
    let (table, read_as) = read_table(bytes, options)?;
    let (rows, has_opening_column) = invite_rows(&table, options.default_opening.as_deref())?;
    // A UTF-8 text keeps the fingerprint it always had; another sheet or character set of
    // the same bytes is another job.
    let fingerprint = match &read_as {
        ReadAs::Text { encoding, .. } if *encoding == encoding_rs::UTF_8 => fingerprint(bytes),
        ReadAs::Text { encoding, .. } => format!("{}:{}", fingerprint(bytes), encoding.name()),
        ReadAs::Workbook { sheet, .. } => format!("{}:sheet={sheet}", fingerprint(bytes)),
    };
    Ok(ParsedFile {
        rows,
        fingerprint,
        read_as,
        has_opening_column,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &str, opening: Option<&str>) -> Result<ParsedFile, ImportError> {
        let options = ReadOptions {
            default_opening: opening.map(str::to_owned),
            ..ReadOptions::default()
        };
        parse(text.as_bytes(), &options)
    }

    #[test]
    fn one_opening_for_all_when_the_column_is_missing() {
        let file = "email,first_name\nada@example.com,Ada\n";
        assert_eq!(csv(file, None), Err(ImportError::NoOpening));
        let parsed = csv(file, Some("ux-designer")).unwrap();
        assert!(!parsed.has_opening_column);
        assert_eq!(parsed.rows[0].opening, "ux-designer");
    }

    #[test]
    fn bad_files_get_clear_errors() {
        assert_eq!(csv("", None), Err(ImportError::Empty));
        assert_eq!(csv("email,opening\n", None), Err(ImportError::Empty));
        assert_eq!(
            parse(b"\x89PNG\r\n\x1a\n\0\0", &ReadOptions::default()),
            Err(ImportError::NotText)
        );
        let noise: Vec<u8> = (0u8..=255).filter(|b| *b != 0).cycle().take(4096).collect();
        assert_eq!(
            parse(&noise, &ReadOptions::default()),
            Err(ImportError::NotText)
        );
        assert!(matches!(
            csv("name,phone\nAda,123\n", None),
            Err(ImportError::NoEmailColumn(_))
        ));
    }

    #[test]
    fn what_the_preview_says_and_the_fingerprint() {
        let utf8 = csv("email;opening\nzoë@example.com;se\n", None).unwrap();
        assert_eq!(
            utf8.read_as.sentence(),
            "Read as UTF-8, separated by semicolons."
        );
        assert_eq!(
            utf8.fingerprint,
            fingerprint("email;opening\nzoë@example.com;se\n".as_bytes())
        );
        let (western, _, _) = encoding_rs::WINDOWS_1252
            .encode("email,first name,opening\nzoe@example.com,Zoë,se\njose@example.com,José,se\n");
        let guessed = parse(&western, &ReadOptions::default()).unwrap();
        assert!(
            guessed
                .read_as
                .sentence()
                .starts_with("Read as Windows-1252 (a guess"),
            "{}",
            guessed.read_as.sentence()
        );
        assert_eq!(guessed.rows[0].first_name.as_deref(), Some("Zoë"));
        assert!(guessed.fingerprint.ends_with(":windows-1252"));
    }
}
