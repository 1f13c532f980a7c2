//! Ways the sandbox misbehaves on purpose, each standing for something real servers and
//! proxies do, so that a client's handling of them can be tested.

use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rand::Rng;
use serde_json::json;

use super::Shared;
use super::envelope::{error, truncate};

/// Ways the sandbox can misbehave, each standing for something real servers and proxies do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Fault {
    /// Headers at once, then the body a byte every half second.
    SlowBody,
    /// The connection dropped halfway through the body.
    Reset,
    /// A proxy's HTML 502 page.
    #[value(name = "html-502")]
    Html502,
    /// A 200 whose JSON stops halfway.
    TruncatedJson,
    /// Numbers where strings are, objects where arrays are.
    WrongTypes,
    /// A 50 MiB body.
    Huge,
    /// Errors as `{"errors": {...}}`, the reference's other envelope shape.
    ErrorsObject,
    /// 429 without `Retry-After`.
    #[value(name = "no-retry-after-429")]
    NoRetryAfter429,
    /// Each request one of the above, at `--fault-rate`.
    Random,
}

/// The fault for this request, if any (`Random` draws one, at the configured rate).
pub(super) fn pick_fault(shared: &Shared) -> Option<Fault> {
    match shared.fault? {
        Fault::Random => {
            let mut rng = rand::rng();
            if !rng.random_bool(shared.fault_rate.clamp(0.0, 1.0)) {
                return None;
            }
            const ALL: [Fault; 8] = [
                Fault::SlowBody,
                Fault::Reset,
                Fault::Html502,
                Fault::TruncatedJson,
                Fault::WrongTypes,
                Fault::Huge,
                Fault::ErrorsObject,
                Fault::NoRetryAfter429,
            ];
            Some(ALL[rng.random_range(0..ALL.len())])
        }
        fault => Some(fault),
    }
}

/// The answer a misbehaving server gives instead of the real one.
pub(super) fn misbehave(fault: Option<Fault>, id: &str) -> Response {
    let json = |status: StatusCode, body: String| {
        let mut r = (status, body).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        r
    };
    let example = || {
        json!({"data": {"applicant": {"id": 31415, "email": "john.smith@gmail.com", "status": "SCORED",
            "skill_score": "15.0", "quizz_answers": [], "case_answers": [], "poll_answers": []}}})
        .to_string()
    };
    match fault {
        None | Some(Fault::Random) => error(StatusCode::NOT_FOUND, "not_found", "No applicant"),
        Some(Fault::SlowBody) => {
            let body = example().into_bytes();
            let stream = futures_util::stream::unfold(0usize, move |at| {
                let body = body.clone();
                async move {
                    if at >= body.len() {
                        return None;
                    }
                    if at > 0 {
                        tokio::time::sleep(Duration::from_millis(500)).await;
                    }
                    Some((Ok::<_, std::io::Error>(Bytes::copy_from_slice(&body[at..=at])), at + 1))
                }
            });
            let mut r = Response::new(axum::body::Body::from_stream(stream));
            r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            r
        }
        Some(Fault::Reset) => {
            let half = example().into_bytes();
            let head = Bytes::copy_from_slice(&half[..half.len() / 2]);
            let stream = futures_util::stream::iter([
                Ok(head),
                Err(std::io::Error::new(std::io::ErrorKind::ConnectionReset, "sandbox fault: reset")),
            ]);
            let mut r = Response::new(axum::body::Body::from_stream(stream));
            r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            r
        }
        Some(Fault::Html502) => {
            let mut r = (
                StatusCode::BAD_GATEWAY,
                "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
            )
                .into_response();
            r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
            r
        }
        Some(Fault::TruncatedJson) => {
            let full = example();
            json(StatusCode::OK, full[..full.len() / 2].to_owned())
        }
        Some(Fault::WrongTypes) => json(
            StatusCode::OK,
            json!({"data": {"applicant": {"id": 31415, "email": 42, "status": "SCORED",
                "skill_score": {"value": 15}, "quizz_answers": {"0": {}}, "case_answers": [], "poll_answers": []}}})
            .to_string(),
        ),
        Some(Fault::Huge) => {
            let filler = " ".repeat(50 * 1024 * 1024);
            json(StatusCode::OK, format!("{{\"data\":{{\"applicant\":{{\"id\":1}}}},\"pad\":\"{filler}\"}}"))
        }
        Some(Fault::ErrorsObject) => json(
            StatusCode::NOT_FOUND,
            json!({"errors": {"id": "not_found", "code": 404, "details": format!("No applicant has the id {}", truncate(id))}})
                .to_string(),
        ),
        Some(Fault::NoRetryAfter429) => error(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "You have reached your usage limit",
        ),
    }
}
