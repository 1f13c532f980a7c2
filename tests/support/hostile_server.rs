//! A small hostile RickRut server for the tests: answers that try to get the key printed,
//! drive a terminal, reorder text, lead a link off-site, plant formulas in spreadsheets, make
//! a client wait forever or hammer. Each applicant ID is one behaviour; every request is
//! counted by path.
#![allow(dead_code)] // shared by two test binaries, each using a part

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

/// A key with the characters that change when encoded: `+ / = &`.
pub const HOSTILE_KEY: &str = "k3y+with/slash=and&amp-0123456789abcdef";

/// What the hostile applicant is called and how it tries its luck.
pub const FORMULA_NAME: &str = "=HYPERLINK(\"http://evil\",\"x\")";
pub const ESCAPE_NAME: &str = "Smith\u{1b}]0;owned\u{7}\u{1b}[2J";
pub const BIDI_NAME: &str = "Eve\u{202e}gnp.exe";
pub const OFF_SITE_CV: &str = "http://127.0.0.1:1%3A80@evil.example/cv.pdf";
pub const SNEAKY_AUDIO: &str = "/%2F%2Fevil.example/intro.mp3";

/// Applicant IDs, one behaviour each.
pub mod id {
    /// Hostile fields: a formula, escapes, a bidi override, off-site links.
    pub const HOSTILE: u64 = 1;
    /// 404 whose details hold terminal escapes and bidi marks.
    pub const ESCAPED_404: u64 = 2;
    /// 500 whose details echo the key in every encoding.
    pub const ECHO_500: u64 = 3;
    /// Headers at once, then a byte of body every half second.
    pub const TRICKLE: u64 = 4;
    pub const WAIT_A_DAY: u64 = 5;
    pub const WAIT_FOREVER: u64 = 6;
    pub const WAIT_ZERO: u64 = 7;
    /// 401 whose details echo the key.
    pub const ECHO_401: u64 = 8;
    /// An applicant whose name holds the key, percent-encoded.
    pub const KEY_IN_NAME: u64 = 9;
    pub const WAIT_UNTIL_9999: u64 = 10;
}

#[derive(Default)]
pub struct Seen {
    /// Requests per path (`/api/v1/applicants/7`, `POST /api/v1/applicants`).
    pub requests: HashMap<String, u64>,
}

pub struct HostileServer {
    pub addr: SocketAddr,
    pub seen: Arc<Mutex<Seen>>,
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl HostileServer {
    /// Serves on loopback from the current runtime.
    pub async fn start() -> HostileServer {
        let seen = Arc::new(Mutex::new(Seen::default()));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let app = Router::new()
            .route("/api/v1/applicants/{id}", get(applicant))
            .route("/api/v1/applicants", post(create))
            .with_state(seen.clone());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
        HostileServer {
            addr,
            seen,
            _stop: stop,
        }
    }

    pub fn base_url(&self) -> String {
        format!("http://{}/api/v1/", self.addr)
    }

    /// Requests seen on this path.
    pub fn requests(&self, path: &str) -> u64 {
        self.seen
            .lock()
            .unwrap()
            .requests
            .get(path)
            .copied()
            .unwrap_or(0)
    }
}

/// Every spelling of the key a server might echo.
pub fn echoes() -> Vec<String> {
    let upper: String = HOSTILE_KEY
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let lower = upper
        .replace("%2B", "%2b")
        .replace("%2F", "%2f")
        .replace("%3D", "%3d");
    let form = url::form_urlencoded::byte_serialize(HOSTILE_KEY.as_bytes()).collect::<String>();
    vec![HOSTILE_KEY.to_owned(), upper, lower, form]
}

fn count(seen: &Mutex<Seen>, path: String) {
    *seen.lock().unwrap().requests.entry(path).or_default() += 1;
}

fn errors(status: StatusCode, id: &str, details: &str) -> Response {
    let body = json!({"errors": [{"id": id, "code": status.as_u16(), "details": details}]});
    (status, axum::Json(body)).into_response()
}

fn too_many(retry_after: &str) -> Response {
    let mut r = errors(StatusCode::TOO_MANY_REQUESTS, "rate_limited", "slow down");
    r.headers_mut().insert(
        header::RETRY_AFTER,
        HeaderValue::from_str(retry_after).unwrap(),
    );
    r
}

pub fn hostile_applicant(id: u64) -> Value {
    json!({
        "id": id, "email": "-2+3@example.com", "opening_id": 45, "status": "SCORED",
        "skill_score": "55.0", "adequation_score": "60.0",
        "first_name": FORMULA_NAME, "last_name": ESCAPE_NAME,
        "code": "@SUM(1)", "recruiter_score": 0, "source": "+cmd|' /C calc'!A0", "step": 6,
        "cv": OFF_SITE_CV, "video_uuid": null, "audio_introduction": SNEAKY_AUDIO,
        "text_introduction": format!("Hello\u{1b}[31m {BIDI_NAME}"),
        "slug": "x", "created_at": "2026-11-02T09:00:00Z", "updated_at": "2026-11-02T10:00:00Z",
        "finished_at": "2026-11-02T10:00:00Z",
        "quizz_answers": [], "poll_answers": [], "case_answers": []
    })
}

async fn applicant(
    State(seen): State<Arc<Mutex<Seen>>>,
    Path(id): Path<String>,
    RawQuery(_query): RawQuery,
) -> Response {
    count(&seen, format!("/api/v1/applicants/{id}"));
    let id: u64 = id.parse().unwrap_or(0);
    let echoed = echoes().join(" | ");
    match id {
        id::HOSTILE => {
            axum::Json(json!({"data": {"applicant": hostile_applicant(id)}})).into_response()
        }
        id::ESCAPED_404 => errors(
            StatusCode::NOT_FOUND,
            "not_found\u{1b}[2J",
            "No applicant \u{1b}]0;owned\u{7} here \u{202e}txet",
        ),
        id::ECHO_500 => errors(
            StatusCode::INTERNAL_SERVER_ERROR,
            "oops",
            &format!("bad api_key={echoed}"),
        ),
        id::TRICKLE => {
            let body = json!({"data": {"applicant": hostile_applicant(id)}})
                .to_string()
                .into_bytes();
            let stream = futures_util::stream::unfold(0usize, move |at| {
                let body = body.clone();
                async move {
                    if at >= body.len() {
                        return None;
                    }
                    tokio::time::sleep(Duration::from_millis(500)).await;
                    Some((
                        Ok::<_, std::io::Error>(Bytes::copy_from_slice(&body[at..=at])),
                        at + 1,
                    ))
                }
            });
            let mut r = Response::new(Body::from_stream(stream));
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            r
        }
        id::WAIT_A_DAY => too_many("86400"),
        id::WAIT_FOREVER => too_many("18446744073709551615"),
        id::WAIT_ZERO => too_many("0"),
        id::WAIT_UNTIL_9999 => too_many("Fri, 31 Dec 9999 23:59:59 GMT"),
        id::ECHO_401 => errors(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            &format!("key {echoed} is not valid"),
        ),
        id::KEY_IN_NAME => {
            let mut a = hostile_applicant(id);
            a["first_name"] = json!(echoes()[1]);
            a["last_name"] = json!(echoes()[3]);
            axum::Json(json!({"data": {"applicant": a}})).into_response()
        }
        _ => errors(StatusCode::NOT_FOUND, "not_found", "No applicant"),
    }
}

async fn create(State(seen): State<Arc<Mutex<Seen>>>, body: Bytes) -> Response {
    count(&seen, "POST /api/v1/applicants".to_owned());
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let email = body["email"].as_str().unwrap_or_default().to_owned();
    if email.starts_with("retry-zero") {
        return too_many("0");
    }
    if email.starts_with("retry-forever") {
        return too_many("18446744073709551615");
    }
    // The key echoed back in an error detail, in every spelling: raw, percent-encoded in
    // upper and lower hex, form-encoded.
    if email.starts_with("echo-422") {
        return errors(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            &format!("the request with key {} was refused", echoes().join(" | ")),
        );
    }
    if email.starts_with("echo-500") {
        return errors(
            StatusCode::INTERNAL_SERVER_ERROR,
            "oops",
            &format!("bad api_key={}", echoes().join("&api_key=")),
        );
    }
    let n = seen.lock().unwrap().requests.values().sum::<u64>();
    let mut a = hostile_applicant(200_000 + n);
    a["email"] = json!(email);
    a["status"] = json!("INVITED");
    (
        StatusCode::CREATED,
        axum::Json(json!({"data": {"applicant": a}})),
    )
        .into_response()
}
