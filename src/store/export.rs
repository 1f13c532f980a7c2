//! Tracked applicants out to files a spreadsheet opens: CSV (RFC 4180, UTF-8, header row)
//! and JSON (the applicant as received).

use std::io::Write;

use super::TrackedApplicant;
use crate::boundary::cell;

pub const CSV_HEADER: [&str; 11] = [
    "id",
    "name",
    "email",
    "code",
    "opening_id",
    "status",
    "step",
    "skill_score",
    "adequation_score",
    "updated_at",
    "last_checked",
];

/// One CSV record per applicant, in the given order. Every text cell from a candidate or a
/// server is neutralised (no formula); the numbers and dates the app formats are as they are.
pub fn csv_records(rows: &[TrackedApplicant]) -> Vec<[String; 11]> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    rows.iter()
        .map(|r| {
            [
                r.id.to_string(),
                cell::text(&r.name).into_owned(),
                cell::text(&r.email).into_owned(),
                cell::text(&r.code).into_owned(),
                opt(r.opening_id.map(|o| o.to_string())),
                if r.deleted_upstream {
                    "DELETED_UPSTREAM".into()
                } else {
                    cell::text(&r.status).into_owned()
                },
                opt(r.step.map(|s| s.to_string())),
                opt(r.skill.map(|s| format!("{s:.1}"))),
                opt(r.adequation.map(|s| format!("{s:.1}"))),
                opt(r.updated_at.map(|t| t.to_rfc3339())),
                opt(r.last_checked.map(|t| t.to_rfc3339())),
            ]
        })
        .collect()
}

pub fn write_csv_to<W: Write>(out: W, rows: &[TrackedApplicant]) -> Result<(), csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(CSV_HEADER)?;
    for record in csv_records(rows) {
        writer.write_record(&record)?;
    }
    writer.flush()?;
    Ok(())
}

/// A JSON array of the applicants as received (those not fetched yet have only their ID).
pub fn json_array(rows: &[TrackedApplicant]) -> String {
    let items: Vec<String> = rows
        .iter()
        .map(|r| {
            r.raw_json
                .clone()
                .unwrap_or_else(|| format!("{{\"id\":{}}}", r.id))
        })
        .collect();
    format!("[{}]", items.join(","))
}
