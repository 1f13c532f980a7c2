//! Tracked applicants out to files a spreadsheet opens: CSV (RFC 4180, UTF-8, header row),
//! XLSX (text as text, numbers as numbers) and JSON (the applicant as received), each with what the recruiter added: the opening's
//! name, their rating, decision, tags and notes.

use std::collections::HashMap;
use std::io::Write;

use super::{Note, TrackedApplicant};
use crate::boundary::cell;
use crate::boundary::xlsx::Value;

pub const CSV_HEADER: [&str; 17] = [
    "id",
    "name",
    "email",
    "code",
    "opening_id",
    "opening",
    "status",
    "step",
    "skill_score",
    "adequation_score",
    "recruiter_score",
    "updated_at",
    "last_checked",
    "rating",
    "decision",
    "tags",
    "notes",
];

/// What the record holds beside the applicants: the openings' names and the notes.
#[derive(Clone, Debug, Default)]
pub struct Extras {
    /// What a person reads for each opening ID.
    pub openings: HashMap<u64, String>,
    pub notes: HashMap<u64, Vec<Note>>,
}

impl Extras {
    fn opening(&self, id: Option<u64>) -> String {
        id.and_then(|id| self.openings.get(&id))
            .cloned()
            .unwrap_or_default()
    }

    /// Every note, one line each: `2026-12-02 14:03 UTC  text`.
    fn notes(&self, id: u64) -> String {
        self.notes
            .get(&id)
            .map(|notes| {
                notes
                    .iter()
                    .map(|n| format!("{}  {}", n.at.format("%Y-%m-%d %H:%M UTC"), n.text))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default()
    }
}

/// One CSV record per applicant, in the given order. Every text cell from a candidate, a
/// server or the recruiter is neutralised (no formula); the numbers and dates the app formats
/// are as they are.
pub fn csv_records(rows: &[TrackedApplicant], extras: &Extras) -> Vec<[String; 17]> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let score = |v: Option<f64>| opt(v.map(|s| format!("{s:.1}")));
    rows.iter()
        .map(|r| {
            [
                r.id.to_string(),
                cell::text(&r.name).into_owned(),
                cell::text(&r.email).into_owned(),
                cell::text(&r.code).into_owned(),
                opt(r.opening_id.map(|o| o.to_string())),
                cell::text(&extras.opening(r.opening_id)).into_owned(),
                if r.deleted_upstream {
                    "DELETED_UPSTREAM".into()
                } else {
                    cell::text(r.status()).into_owned()
                },
                opt(r.step.map(|s| s.to_string())),
                score(r.skill.get()),
                score(r.adequation.get()),
                score(r.recruiter.get()),
                opt(r.updated_at.get().map(|t| t.to_rfc3339())),
                opt(r.last_checked.get().map(|t| t.to_rfc3339())),
                opt(r.rating.map(|v| v.to_string())),
                r.decision.as_str().to_owned(),
                cell::text(&r.tags().join(", ")).into_owned(),
                cell::text(&extras.notes(r.id)).into_owned(),
            ]
        })
        .collect()
}

/// One XLSX row per applicant, in the given order: the columns of the CSV, IDs, steps,
/// scores and ratings as numbers, every text as text (the XLSX writer never makes a formula).
pub fn xlsx_rows(rows: &[TrackedApplicant], extras: &Extras) -> Vec<Vec<Value>> {
    let number = |v: Option<u64>| Value::number(v.map(|v| v as f64));
    let time = |t: Option<chrono::DateTime<chrono::Utc>>| {
        Value::text(t.map(|t| t.to_rfc3339()).unwrap_or_default())
    };
    rows.iter()
        .map(|r| {
            vec![
                Value::Number(r.id as f64),
                Value::text(r.name.as_str()),
                Value::text(r.email.as_str()),
                Value::text(r.code.as_str()),
                number(r.opening_id),
                Value::text(extras.opening(r.opening_id)),
                Value::text(if r.deleted_upstream {
                    "DELETED_UPSTREAM"
                } else {
                    r.status()
                }),
                Value::number(r.step.map(f64::from)),
                Value::number(r.skill.get()),
                Value::number(r.adequation.get()),
                Value::number(r.recruiter.get()),
                time(r.updated_at.get()),
                time(r.last_checked.get()),
                Value::number(r.rating.map(f64::from)),
                Value::text(r.decision.as_str()),
                Value::text(r.tags().join(", ")),
                Value::text(extras.notes(r.id)),
            ]
        })
        .collect()
}

pub fn write_csv_to<W: Write>(
    out: W,
    rows: &[TrackedApplicant],
    extras: &Extras,
) -> Result<(), csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    writer.write_record(CSV_HEADER)?;
    for record in csv_records(rows, extras) {
        writer.write_record(&record)?;
    }
    writer.flush()?;
    Ok(())
}

/// A JSON array of the applicants as received (those not fetched yet have only their ID),
/// each with one more member, `dashboard`, holding what the recruiter added here.
pub fn json_array(rows: &[TrackedApplicant], extras: &Extras) -> String {
    let items: Vec<String> = rows
        .iter()
        .map(|r| {
            let ours = serde_json::json!({
                "opening": r.opening_id.and_then(|id| extras.openings.get(&id)),
                "rating": r.rating,
                "decision": r.decision.as_str(),
                "tags": r.tags(),
                "notes": extras.notes.get(&r.id).map_or_else(Vec::new, |notes| notes
                    .iter()
                    .map(|n| serde_json::json!({"at": n.at.to_rfc3339(), "text": n.text}))
                    .collect()),
            });
            let raw = r
                .raw_json()
                .map_or_else(|| format!("{{\"id\":{}}}", r.id), str::to_owned);
            with_member(&raw, "dashboard", &ours.to_string())
        })
        .collect();
    format!("[{}]", items.join(","))
}

/// The JSON object `object` (as received, its members in their order) with one more member.
fn with_member(object: &str, name: &str, value: &str) -> String {
    let body = object.trim_end();
    let Some(open) = body.strip_suffix('}') else {
        return object.to_owned();
    };
    let empty = open.trim_end().ends_with('{');
    let comma = if empty { "" } else { "," };
    format!("{open}{comma}\"{name}\":{value}}}")
}

#[cfg(test)]
mod tests {
    use super::with_member;

    #[test]
    fn a_member_is_added_to_an_object_as_received() {
        assert_eq!(with_member("{\"id\":1}", "x", "2"), "{\"id\":1,\"x\":2}");
        assert_eq!(with_member("{ }\n", "x", "2"), "{ \"x\":2}");
        let added = with_member("{\"a\":{\"b\":[1]}}  ", "x", "{}");
        let parsed: serde_json::Value = serde_json::from_str(&added).unwrap();
        assert_eq!(parsed["a"]["b"][0], 1);
        assert_eq!(parsed["x"], serde_json::json!({}));
    }
}
