//! The sandbox's raw answers, read as JSON values (not through the client's types), against
//! the reference's field names and types.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::time::Duration;

use rickrut_dashboard::sandbox::{Sandbox, SandboxConfig, Seed};
use serde_json::{Value, json};

const KEY: &str = "raw0123456789abcdef0123456789abcdef0123";

async fn start(config: SandboxConfig) -> Sandbox {
    Sandbox::start(SandboxConfig {
        api_keys: vec![KEY.into()],
        ..config
    })
    .await
    .unwrap()
}

struct Raw {
    status: u16,
    retry_after: Option<String>,
    content_type: String,
    body: Value,
}

async fn send(req: reqwest::RequestBuilder) -> Raw {
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let retry_after = resp
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_owned());
    let content_type = resp
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let bytes = resp.bytes().await.unwrap();
    let body = serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&bytes)));
    Raw {
        status,
        retry_after,
        content_type,
        body,
    }
}

fn http() -> reqwest::Client {
    reqwest::Client::new()
}

/// The JSON type of a value, by name.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Every field of `reference` is in `actual` with the same JSON type (null allowed where the
/// reference has null, and strings allowed for a null score once scored).
fn same_shape(reference: &Value, actual: &Value, path: &str) {
    let (Value::Object(r), Value::Object(a)) = (reference, actual) else {
        panic!("{path}: expected objects");
    };
    for (name, rv) in r {
        let av = a
            .get(name)
            .unwrap_or_else(|| panic!("{path}.{name} is missing"));
        match (rv, av) {
            (Value::Null, _) => {}
            (Value::Array(ra), Value::Array(aa)) => {
                if let (Some(r0), Some(a0)) = (ra.first(), aa.first()) {
                    same_shape(r0, a0, &format!("{path}.{name}[0]"));
                }
            }
            (rv, av) => assert_eq!(kind(rv), kind(av), "{path}.{name}"),
        }
    }
}

fn rfc3339_z(v: &Value, what: &str) {
    let text = v
        .as_str()
        .unwrap_or_else(|| panic!("{what} is not a string"));
    assert!(text.ends_with('Z'), "{what} is not UTF (Z): {text}");
    chrono::DateTime::parse_from_rfc3339(text).unwrap_or_else(|e| panic!("{what}: {e}"));
}

fn reference(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn assert_error(raw: &Raw, status: u16, id: &str) {
    assert_eq!(raw.status, status, "{}", raw.body);
    assert!(
        raw.content_type.starts_with("application/json"),
        "{}",
        raw.content_type
    );
    let errors = raw.body["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors array: {}", raw.body));
    assert_eq!(errors.len(), 1);
    let e = &errors[0];
    assert_eq!(e["id"], id, "{}", raw.body);
    assert_eq!(e["code"], status);
    assert!(e["details"].as_str().is_some_and(|d| !d.is_empty()));
    assert_eq!(
        raw.body.as_object().unwrap().len(),
        1,
        "only `errors`: {}",
        raw.body
    );
}

#[tokio::test]
async fn get_matches_the_reference_example_field_by_field() {
    let sb = start(SandboxConfig::default()).await;
    let url = format!("{}applicants/31415?api_key={KEY}", sb.base_url());
    let raw = send(http().get(&url)).await;
    assert_eq!(raw.status, 200);
    let expected = reference("get_response_200.json");
    // The seeded example is the reference's, value for value.
    assert_eq!(raw.body["data"], expected["data"]);
    assert!(raw.body["meta"].is_object());

    // Another seeded SCORED applicant has the same shape, scores as decimal strings.
    let raw = send(http().get(format!("{}applicants/1002?api_key={KEY}", sb.base_url()))).await;
    assert_eq!(raw.status, 200);
    let a = &raw.body["data"]["applicant"];
    same_shape(&expected["data"]["applicant"], a, "applicant");
    assert_eq!(a["status"], "SCORED");
    for score in ["skill_score", "adequation_score"] {
        let text = a[score].as_str().unwrap();
        text.parse::<f64>().unwrap();
        assert!(text.contains('.'), "{score} {text}");
    }
    for t in ["created_at", "updated_at"] {
        rfc3339_z(&a[t], t);
    }
    assert!(!a["case_answers"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn create_matches_the_reference_example() {
    // Empty: the demo seed holds the reference's John Smith already (a repeat would be 422).
    let sb = start(SandboxConfig {
        seed: Seed::Empty,
        ..SandboxConfig::default()
    })
    .await;
    let url = format!("{}applicants?api_key={KEY}", sb.base_url());
    let raw = send(http().post(&url).json(&reference("create_request.json"))).await;
    assert_eq!(raw.status, 201, "{}", raw.body);
    let expected = reference("create_response_201.json");
    let a = &raw.body["data"]["applicant"];
    same_shape(&expected["data"]["applicant"], a, "applicant");
    assert_eq!(
        a.as_object().unwrap().len(),
        expected["data"]["applicant"].as_object().unwrap().len()
    );
    assert_eq!(a["status"], "INVITED");
    assert_eq!(a["step"], 0);
    assert_eq!(a["source"], "API");
    assert_eq!(a["email"], "john.smith@gmail.com");
    assert_eq!(a["opening_id"], 45, "software-engineer is opening 45");
    assert_eq!(a["skill_score"], Value::Null);
    assert_eq!(a["recruiter_score"], 0);
    assert_eq!(a["cv"], "/cvs/original/missing.png");
    let code = a["code"].as_str().unwrap();
    assert!(
        code.len() == 8 && code.chars().all(|c| c.is_ascii_uppercase()),
        "{code}"
    );
    assert!(a["slug"].as_str().unwrap().starts_with("john-smith-"));
    rfc3339_z(&a["created_at"], "created_at");
    for list in ["quizz_answers", "poll_answers", "case_answers"] {
        assert_eq!(a[list], json!([]));
    }
    // And it can be fetched.
    let id = a["id"].as_u64().unwrap();
    let got = send(http().get(format!("{}applicants/{id}?api_key={KEY}", sb.base_url()))).await;
    assert_eq!(got.body["data"]["applicant"], *a);
}

#[tokio::test]
async fn every_error_has_the_envelope_and_never_500() {
    let sb = start(SandboxConfig::default()).await;
    let base = sb.base_url();
    let c = http();
    let post = |body: &'static str| {
        c.post(format!("{base}applicants?api_key={KEY}"))
            .header("content-type", "application/json")
            .body(body)
    };

    assert_error(
        &send(c.get(format!("{base}applicants/31415"))).await,
        400,
        "wrong_params",
    );
    let missing = send(c.get(format!("{base}applicants/31415?api_key="))).await;
    assert_error(&missing, 400, "wrong_params");
    assert_eq!(
        missing.body["errors"][0]["details"],
        "You are missing the API key"
    );
    assert_error(
        &send(c.get(format!("{base}applicants/31415?api_key=nope"))).await,
        401,
        "unauthorized",
    );
    assert_error(
        &send(c.get(format!("{base}applicants/999999999?api_key={KEY}"))).await,
        404,
        "not_found",
    );
    assert_error(
        &send(c.get(format!("{base}applicants/abc?api_key={KEY}"))).await,
        404,
        "not_found",
    );
    assert_error(
        &send(c.get(format!("{base}applicants/-1?api_key={KEY}"))).await,
        404,
        "not_found",
    );
    assert_error(
        &send(c.get(format!("{base}nothing-here?api_key={KEY}"))).await,
        404,
        "not_found",
    );

    assert_error(&send(post("{not json")).await, 400, "wrong_params");
    assert_error(&send(post("[1,2]")).await, 400, "wrong_params");
    assert_error(
        &send(post(r#"{"opening":"software-engineer"}"#)).await,
        400,
        "wrong_params",
    );
    assert_error(
        &send(post(r#"{"email":"a@example.com"}"#)).await,
        400,
        "wrong_params",
    );
    assert_error(
        &send(post(r#"{"email":"a@example.com","opening":""}"#)).await,
        400,
        "wrong_params",
    );
    assert_error(
        &send(post(r#"{"email":7,"opening":"software-engineer"}"#)).await,
        400,
        "wrong_params",
    );
    assert_error(
        &send(post(r#"{"email":"nope","opening":"software-engineer"}"#)).await,
        422,
        "invalid_email",
    );
    let unknown = send(post(r#"{"email":"a@example.com","opening":"astronaut"}"#)).await;
    assert_error(&unknown, 422, "unknown_opening");
    assert!(
        unknown.body["errors"][0]["details"]
            .as_str()
            .unwrap()
            .contains("astronaut")
    );

    // No content type at all, valid JSON: accepted.
    let plain = send(
        c.post(format!("{base}applicants?api_key={KEY}"))
            .body(r#"{"email":"Plain@Example.com","opening":"data-analyst"}"#),
    )
    .await;
    assert_eq!(plain.status, 201, "{}", plain.body);
    // The same email (any case) to the same opening: 422; to another opening: fine.
    let again = send(post(
        r#"{"email":"plain@example.com","opening":"data-analyst"}"#,
    ))
    .await;
    assert_error(&again, 422, "already_invited");
    let other = send(post(
        r#"{"email":"plain@example.com","opening":"ux-designer"}"#,
    ))
    .await;
    assert_eq!(other.status, 201);

    // A wrong method on a known route.
    assert_error(
        &send(c.delete(format!("{base}applicants/31415?api_key={KEY}"))).await,
        405,
        "method_not_allowed",
    );
}

#[tokio::test]
async fn over_the_rate_limit_is_429_with_retry_after() {
    let sb = start(SandboxConfig {
        rate_limit: Some(2),
        ..SandboxConfig::default()
    })
    .await;
    let url = format!("{}applicants/31415?api_key={KEY}", sb.base_url());
    let mut statuses = Vec::new();
    let mut limited = None;
    for _ in 0..6 {
        let raw = send(http().get(&url)).await;
        statuses.push(raw.status);
        if raw.status == 429 {
            limited = Some(raw);
        }
    }
    let limited = limited.unwrap_or_else(|| panic!("no 429 in {statuses:?}"));
    assert_error(&limited, 429, "rate_limited");
    let wait: u64 = limited.retry_after.unwrap().parse().unwrap();
    assert!(wait >= 1);
    assert_eq!(statuses[0], 200);
}

#[tokio::test]
async fn db_keeps_state_across_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sandbox.sqlite");
    let config = || SandboxConfig {
        db: Some(db.clone()),
        seed: Seed::Empty,
        ..SandboxConfig::default()
    };
    let sb = start(config()).await;
    let created = send(
        http()
            .post(format!("{}applicants?api_key={KEY}", sb.base_url()))
            .json(&json!({"email": "kept@example.com", "opening": "software-engineer"})),
    )
    .await;
    assert_eq!(created.status, 201);
    let id = created.body["data"]["applicant"]["id"].as_u64().unwrap();
    sb.shutdown().await;

    let sb = start(config()).await;
    let got = send(http().get(format!("{}applicants/{id}?api_key={KEY}", sb.base_url()))).await;
    assert_eq!(got.status, 200);
    assert_eq!(
        got.body["data"]["applicant"],
        created.body["data"]["applicant"]
    );
    // The duplicate rule survives too.
    let dup = send(
        http()
            .post(format!("{}applicants?api_key={KEY}", sb.base_url()))
            .json(&json!({"email": "kept@example.com", "opening": "software-engineer"})),
    )
    .await;
    assert_error(&dup, 422, "already_invited");
}

#[tokio::test]
async fn empty_seed_has_openings_only() {
    let sb = start(SandboxConfig {
        seed: Seed::Empty,
        ..SandboxConfig::default()
    })
    .await;
    for id in [31415, 1001, 1099] {
        let raw = send(http().get(format!("{}applicants/{id}?api_key={KEY}", sb.base_url()))).await;
        assert_error(&raw, 404, "not_found");
    }
    let created = send(
        http()
            .post(format!("{}applicants?api_key={KEY}", sb.base_url()))
            .json(&json!({"email": "x@example.com", "opening": "software-engineer"})),
    )
    .await;
    assert_eq!(created.status, 201);
}

#[tokio::test]
async fn demo_seed_has_every_status_and_many_answers() {
    let sb = start(SandboxConfig::default()).await;
    let mut statuses = std::collections::BTreeSet::new();
    for id in 1001..=1055 {
        let raw = send(http().get(format!("{}applicants/{id}?api_key={KEY}", sb.base_url()))).await;
        assert_eq!(raw.status, 200, "{id}");
        statuses.insert(
            raw.body["data"]["applicant"]["status"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    for s in [
        "INVITED",
        "STARTED",
        "COMPLETED",
        "SCORED",
        "REJECTED",
        "HIRED",
    ] {
        assert!(statuses.contains(s), "{s} missing from {statuses:?}");
    }
    let big = send(http().get(format!("{}applicants/1099?api_key={KEY}", sb.base_url()))).await;
    let a = &big.body["data"]["applicant"];
    assert!(a["quizz_answers"].as_array().unwrap().len() >= 300);
    assert!(a["case_answers"].as_array().unwrap().len() >= 300);
}

#[tokio::test]
async fn simulate_moves_an_invite_to_scored() {
    let sb = start(SandboxConfig {
        seed: Seed::Empty,
        simulate: true,
        simulate_step: Duration::from_millis(20),
        ..SandboxConfig::default()
    })
    .await;
    let created = send(
        http()
            .post(format!("{}applicants?api_key={KEY}", sb.base_url()))
            .json(&json!({"email": "sim@example.com", "opening": "software-engineer"})),
    )
    .await;
    let id = created.body["data"]["applicant"]["id"].as_u64().unwrap();
    let mut seen = Vec::new();
    for _ in 0..500 {
        let raw = send(http().get(format!("{}applicants/{id}?api_key={KEY}", sb.base_url()))).await;
        let a = raw.body["data"]["applicant"].clone();
        let status = a["status"].as_str().unwrap().to_owned();
        if seen.last() != Some(&status) {
            seen.push(status.clone());
        }
        if status == "SCORED" {
            assert_eq!(a["step"], 6);
            assert!(a["skill_score"].as_str().unwrap().parse::<f64>().is_ok());
            assert!(!a["case_answers"].as_array().unwrap().is_empty());
            rfc3339_z(&a["finished_at"], "finished_at");
            assert!(seen.contains(&"STARTED".to_owned()), "{seen:?}");
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("never reached SCORED: {seen:?}");
}
