//! The answer envelopes the reference documents, as the sandbox writes them.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use rand::Rng;
use serde_json::{Value, json};

/// The error envelope the reference documents.
pub(super) fn error(status: StatusCode, id: &str, details: impl Into<String>) -> Response {
    let body = json!({
        "errors": [{ "id": id, "code": status.as_u16(), "details": details.into() }]
    });
    (status, axum::Json(body)).into_response()
}

pub(super) fn success(status: StatusCode, applicant: Value) -> Response {
    let request_id = format!("{:016x}", rand::rng().random::<u64>());
    let body = json!({
        "data": { "applicant": applicant },
        "meta": { "request_id": request_id, "sandbox": true }
    });
    (status, axum::Json(body)).into_response()
}

/// A value as an error message quotes it: at most 80 characters.
pub(super) fn truncate(text: &str) -> String {
    let mut out: String = text.chars().take(80).collect();
    if text.chars().count() > 80 {
        out.push('…');
    }
    out
}
