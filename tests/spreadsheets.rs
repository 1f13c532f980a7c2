//! Files that LibreOffice wrote from one source sheet (tests/fixtures/spreadsheets/make.sh):
//! XLSX, XLSM, XLS, ODS, CSV in UTF-8 (with and without a byte order mark) and in
//! Windows-1252, and tab-separated UTF-16 (little- and big-endian). Each reads to the same
//! cells — accents, leading zeros, ISO dates, numbers without `.0`, formulas' saved values —
//! and, through the real binary, to the same preview, byte for byte.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::{Path, PathBuf};

use rickrut_dashboard::jobs::import::{self, ReadAs, ReadOptions};

const FIXTURES: [&str; 9] = [
    "candidates.xlsx",
    "candidates.xlsm",
    "candidates.xls",
    "candidates.ods",
    "candidates-utf8.csv",
    "candidates-utf8-bom.csv",
    "candidates-windows-1252.csv",
    "candidates-utf16.txt",
    "candidates-utf16be.txt",
];

/// The source sheet's cells as a recruiter sees them in LibreOffice.
const CELLS: [[&str; 8]; 5] = [
    [
        "E-mail",
        "First name",
        "Last name",
        "Position",
        "Employee no",
        "Applied on",
        "Years",
        "Full name",
    ],
    [
        "jose.garcia@example.com",
        "José",
        "García",
        "software-engineer",
        "00123",
        "2024-03-05",
        "3",
        "José García",
    ],
    [
        "j.muller@example.com",
        "Jürgen",
        "Müller",
        "data-analyst",
        "00045",
        "2024-11-30",
        "12.5",
        "Jürgen Müller",
    ],
    [
        "zoe.lefevre@example.com",
        "Zoë",
        "Lefèvre",
        "ux-designer",
        "007",
        "2025-01-02",
        "1234567",
        "Zoë Lefèvre",
    ],
    [
        "not-an-address",
        "Ørjan",
        "Ødegård",
        "software-engineer",
        "0",
        "2025-02-28",
        "0.25",
        "Ørjan Ødegård",
    ],
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/spreadsheets")
        .join(name)
}

#[test]
fn every_fixture_reads_to_the_same_cells() {
    for name in FIXTURES {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let (table, read_as) = import::read_table(&bytes, &ReadOptions::default()).unwrap();
        let cells: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect();
        let mut expected: Vec<Vec<&str>> = CELLS.iter().map(|r| r.to_vec()).collect();
        if name.ends_with(".xls") {
            // LibreOffice saved no value for its formulas (make.sh): what is saved is read.
            for row in &mut expected[1..] {
                row[7] = "0";
            }
        }
        assert_eq!(cells, expected, "{name}");
        let header = table.rows[0].index;
        let under: Vec<u64> = table.rows.iter().map(|r| r.index - header).collect();
        assert_eq!(
            under,
            [0, 1, 2, 3, 4],
            "{name}: rows counted from the header"
        );
        match (name.rsplit('.').next(), read_as) {
            (Some("csv" | "txt"), ReadAs::Text { separator, .. }) => {
                let expected = if name.contains("1252") {
                    ';'
                } else if name.ends_with(".txt") {
                    '\t'
                } else {
                    ','
                };
                assert_eq!(separator, expected, "{name}");
            }
            (Some(_), ReadAs::Workbook { sheets, sheet }) => {
                assert_eq!(sheets, ["Candidates", "Referrals"], "{name}");
                assert_eq!(sheet, "Candidates");
            }
            other => panic!("{name} read as {other:?}"),
        }
    }
}

#[test]
fn every_fixture_makes_the_same_invite_rows_and_another_sheet_is_chosen() {
    let first = import::parse(
        &std::fs::read(fixture(FIXTURES[0])).unwrap(),
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(first.rows.len(), 4);
    assert_eq!(first.rows[2].first_name.as_deref(), Some("Zoë"));
    for name in FIXTURES {
        let parsed = import::parse(
            &std::fs::read(fixture(name)).unwrap(),
            &ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(parsed.rows, first.rows, "{name}");
    }
    for name in ["candidates.xlsx", "candidates.xls", "candidates.ods"] {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let referrals = ReadOptions {
            default_opening: None,
            sheet: Some("referrals".into()),
            encoding: None,
        };
        let parsed = import::parse(&bytes, &referrals).unwrap();
        assert_eq!(parsed.rows.len(), 1, "{name}");
        assert_eq!(parsed.rows[0].first_name.as_deref(), Some("Chloé"));
        let first_sheet = import::parse(&bytes, &ReadOptions::default()).unwrap();
        assert_ne!(
            parsed.fingerprint, first_sheet.fingerprint,
            "another sheet is another job"
        );
    }
}

/// `import FILE --dry-run` with a record of its own; stdout and stderr.
fn dry_run(dir: &Path, file: &Path, extra: &[&str]) -> (Option<i32>, String, String) {
    let output = assert_cmd::Command::cargo_bin("rickrut-dashboard")
        .unwrap()
        .env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env_remove("RICKRUT_API_KEY")
        .args(["--profile", "Sheets", "--data-dir"])
        .arg(dir.join("record"))
        .arg("import")
        .arg(file)
        .arg("--dry-run")
        .args(extra)
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

const PREVIEW: &str = "1\tjose.garcia@example.com\tsoftware-engineer\tJosé García\tready\n\
2\tj.muller@example.com\tdata-analyst\tJürgen Müller\tready\n\
3\tzoe.lefevre@example.com\tux-designer\tZoë Lefèvre\tready\n";

#[test]
fn the_command_line_previews_every_fixture_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    for name in FIXTURES {
        let (code, out, err) = dry_run(dir.path(), &fixture(name), &[]);
        assert_eq!(code, Some(0), "{name}: {err}");
        assert!(out.starts_with(PREVIEW), "{name}:\n{out}");
        let last = out.lines().nth(3).unwrap();
        assert!(
            last.starts_with("4\tnot-an-address\tsoftware-engineer\tØrjan Ødegård\tinvalid email"),
            "{name}: {last}"
        );
        assert!(
            err.contains("4 rows: 1 invalid email, 3 ready."),
            "{name}: {err}"
        );
        let said = if name.contains("1252") {
            "Read as Windows-1252 (a guess"
        } else if name.contains("utf16be") {
            "Read as UTF-16 (big-endian), separated by tabs."
        } else if name.ends_with(".txt") {
            "Read as UTF-16 (little-endian), separated by tabs."
        } else if name.ends_with(".csv") {
            "Read as UTF-8, separated by commas."
        } else {
            "Read the sheet \"Candidates\", one of 2 sheets."
        };
        assert!(err.contains(said), "{name}: {err}");
    }
    let first = dry_run(dir.path(), &fixture(FIXTURES[0]), &[]).1;
    for name in FIXTURES {
        assert_eq!(dry_run(dir.path(), &fixture(name), &[]).1, first, "{name}");
    }
}

#[test]
fn the_command_line_takes_a_sheet_and_a_character_set() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = dry_run(
        dir.path(),
        &fixture("candidates.ods"),
        &["--sheet", "Referrals"],
    );
    assert_eq!(code, Some(0));
    assert_eq!(
        out,
        "1\tchloe.dubois@example.com\tdata-analyst\tChloé\tready\n"
    );

    let (code, out, err) = dry_run(
        dir.path(),
        &fixture("candidates.xlsx"),
        &["--sheet", "Nope"],
    );
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(
        err.contains(
            "The workbook has no sheet named \"Nope\"; choose one of \"Candidates\", \"Referrals\"."
        ),
        "{err}"
    );

    // The UTF-8 file read as Windows-1252, as asked: each accent becomes two letters.
    let (code, out, err) = dry_run(
        dir.path(),
        &fixture("candidates-utf8.csv"),
        &["--encoding", "windows-1252"],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("JosÃ© GarcÃ\u{AD}a"), "{out}");
    assert!(
        err.contains("Read as Windows-1252, separated by commas."),
        "{err}"
    );

    let (code, _, err) = dry_run(
        dir.path(),
        &fixture("candidates-utf8.csv"),
        &["--encoding", "klingon"],
    );
    assert_eq!(code, Some(2));
    assert_eq!(
        err.trim(),
        "\"klingon\" is not a character set this app knows; try utf-8, windows-1252, iso-8859-15 or utf-16le."
    );
}
