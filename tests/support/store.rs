//! What the record tests share: an applicant as the server would send it, and a bulk
//! import's pending rows.
#![allow(dead_code)] // shared by two test binaries, each using a part
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use rickrut_dashboard::api::{ApplicantResponse, decode_applicant_response};
use rickrut_dashboard::store::bulk::{BulkRow, RowState};
use serde_json::json;

pub fn response(id: u64, status: &str, step: u32, skill: Option<&str>) -> ApplicantResponse {
    let body = json!({"data": {"applicant": {
        "id": id, "email": format!("person{id}@example.com"), "opening_id": 45,
        "status": status, "step": step, "skill_score": skill, "adequation_score": skill,
        "first_name": format!("First{id}"), "last_name": "Tester", "code": format!("CODE{id:04}"),
        "updated_at": "2026-11-01T10:00:00Z", "quizz_answers": [], "case_answers": [], "poll_answers": []
    }}});
    decode_applicant_response(200, body.to_string().as_bytes()).unwrap()
}

/// A file's rows, one per email, all pending, each to the opening given.
pub fn pending_rows(emails: &[&str], opening: &str) -> Vec<BulkRow> {
    emails
        .iter()
        .enumerate()
        .map(|(i, email)| BulkRow {
            row_no: i as u64 + 1,
            email: (*email).to_owned(),
            opening: opening.to_owned(),
            first_name: None,
            last_name: None,
            state: RowState::Pending,
        })
        .collect()
}
