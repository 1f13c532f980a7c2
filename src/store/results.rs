//! A bulk invite's results out to files a spreadsheet opens: each row's state, new ID and
//! code or what ended it, as CSV (every text cell neutralised) or XLSX rows.

use super::bulk::{BulkRow, RowState};
use crate::boundary::cell;

/// The results file's columns.
pub const RESULTS_HEADER: [&str; 7] = [
    "row",
    "email",
    "opening",
    "state",
    "applicant_id",
    "code",
    "detail",
];

/// A row's new ID and code, or the detail of how it ended.
fn outcome(state: &RowState) -> (Option<u64>, String, String) {
    match state {
        RowState::Created { id, code } => (Some(*id), code.clone(), String::new()),
        RowState::Skipped(d) | RowState::Failed(d) | RowState::Unknown(d) => {
            (None, String::new(), d.clone())
        }
        _ => (None, String::new(), String::new()),
    }
}

/// The per-row results as XLSX rows: row numbers and IDs as numbers, the rest as text.
pub fn results_xlsx_rows(rows: &[BulkRow]) -> Vec<Vec<crate::boundary::xlsx::Value>> {
    use crate::boundary::xlsx::Value;
    rows.iter()
        .map(|r| {
            let (id, code, detail) = outcome(&r.state);
            vec![
                Value::Number(r.row_no as f64),
                Value::text(r.email.as_str()),
                Value::text(r.opening.as_str()),
                Value::text(r.state.name()),
                Value::number(id.map(|id| id as f64)),
                Value::text(code),
                Value::text(detail),
            ]
        })
        .collect()
}

/// The per-row results as CSV (RFC 4180, header row, CRLF).
pub fn results_csv<W: std::io::Write>(out: W, rows: &[BulkRow]) -> Result<(), csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(RESULTS_HEADER)?;
    for r in rows {
        let (id, code, detail) = outcome(&r.state);
        let id = id.map(|id| id.to_string()).unwrap_or_default();
        // Emails, openings, codes and details came from a candidate's file or a server.
        w.write_record([
            r.row_no.to_string(),
            cell::text(&r.email).into_owned(),
            cell::text(&r.opening).into_owned(),
            r.state.name().to_owned(),
            id,
            cell::text(&code).into_owned(),
            cell::text(&detail).into_owned(),
        ])?;
    }
    w.flush()?;
    Ok(())
}
