//! `export --format xlsx --output FILE` through the real binary, read back with calamine:
//! what a candidate typed (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`) is a text cell and no
//! formula, numbers are numbers, accents are kept; and the bulk results as XLSX.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use rickrut_dashboard::api::decode_applicant_response;
use rickrut_dashboard::store::Store;

const HOSTILE: &str = "=HYPERLINK(\"http://evil.example\",\"Zoë\")";

fn app(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("rickrut-dashboard").unwrap();
    cmd.env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd.env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env_remove("RICKRUT_API_KEY")
        .args(["--profile", "Export", "--data-dir"])
        .arg(dir.join("record"));
    cmd
}

/// A record holding one applicant whose names and note a hostile candidate chose.
fn record(dir: &Path) {
    std::fs::create_dir_all(dir.join("record")).unwrap();
    let mut store = Store::open(&dir.join("record/tracked.sqlite"))
        .unwrap()
        .store;
    let body = serde_json::json!({"data": {"applicant": {
        "id": 31415, "email": "@SUM(1+1)@example.com", "opening_id": 45, "status": "SCORED",
        "step": 3, "skill_score": "81.5", "adequation_score": 64, "first_name": HOSTILE,
        "last_name": "+cmd|' /C calc'!A0", "code": "-2+3", "updated_at": "2026-11-01T10:00:00Z",
        "quizz_answers": [], "case_answers": [], "poll_answers": []
    }}});
    let received = decode_applicant_response(200, body.to_string().as_bytes()).unwrap();
    store
        .upsert("Export", &[received], chrono::Utc::now())
        .unwrap();
    store
        .add_note("Export", 31415, "=1+1 called back", chrono::Utc::now())
        .unwrap();
}

#[test]
fn an_xlsx_export_has_text_as_text_and_numbers_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    record(dir.path());
    let file = dir.path().join("applicants.xlsx");
    let out = app(dir.path())
        .args(["export", "--format", "xlsx", "--output"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("Exported 1 applicant to"));
    let bytes = std::fs::read(&file).unwrap();
    let mut book = Xlsx::new(Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["Applicants"]);
    let formulas = book.worksheet_formula("Applicants").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formula cell"
    );
    let range = book.worksheet_range("Applicants").unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = range.rows().nth(1).unwrap();
    assert_eq!(row[at("id")], Data::Float(31415.0));
    assert_eq!(row[at("skill_score")], Data::Float(81.5));
    assert_eq!(row[at("step")], Data::Float(3.0));
    assert_eq!(
        row[at("name")],
        Data::String(format!("{HOSTILE} +cmd|' /C calc'!A0"))
    );
    assert_eq!(
        row[at("email")],
        Data::String("@SUM(1+1)@example.com".into())
    );
    assert_eq!(row[at("code")], Data::String("-2+3".into()));
    assert!(matches!(&row[at("notes")], Data::String(n) if n.ends_with("=1+1 called back")));
}

#[test]
fn a_workbook_needs_a_file_and_csv_and_json_go_to_one_too() {
    let dir = tempfile::tempdir().unwrap();
    record(dir.path());
    let out = app(dir.path())
        .args(["export", "--format", "xlsx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "A workbook cannot go to the terminal; add --output FILE.xlsx."
    );
    let csv = dir.path().join("applicants.csv");
    app(dir.path())
        .args(["export", "--output"])
        .arg(&csv)
        .assert()
        .success();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.contains("'=HYPERLINK"),
        "the CSV neutralises, as before: {text}"
    );
}

#[test]
fn bulk_results_are_saved_as_xlsx() {
    use rickrut_dashboard::jobs::bulk::{BulkRow, RowState, write_results};
    let dir = tempfile::tempdir().unwrap();
    let row = |row_no, email: &str, state| BulkRow {
        row_no,
        email: email.to_owned(),
        opening: "software-engineer".to_owned(),
        first_name: None,
        last_name: None,
        state,
    };
    let rows = vec![
        row(
            1,
            "zoe@example.com",
            RowState::Created {
                id: 1001,
                code: "=CODE".into(),
            },
        ),
        row(2, "bad", RowState::Excluded),
        row(3, "x@example.com", RowState::Failed(HOSTILE.into())),
    ];
    let rt = tokio::runtime::Runtime::new().unwrap();
    let path = rt
        .block_on(write_results(dir.path().join("results.xlsx"), rows))
        .unwrap();
    let mut book = Xlsx::new(Cursor::new(std::fs::read(path).unwrap())).unwrap();
    let range = book.worksheet_range("Results").unwrap();
    let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
    assert_eq!(rows[1][0], Data::Float(1.0));
    assert_eq!(rows[1][4], Data::Float(1001.0));
    assert_eq!(rows[1][5], Data::String("=CODE".into()));
    assert_eq!(rows[2][3], Data::String("excluded".into()));
    assert_eq!(rows[3][6], Data::String(HOSTILE.into()));
    let formulas = book.worksheet_formula("Results").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
}
