//! The sandbox's raw answers, read as JSON values (not through the client's types), against
//! the reference's field names and types. Its state across restarts, its seeds and its
//! simulation are in tests/sandbox_state.rs.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/sandbox_raw.rs"]
mod support;

use rickrut_dashboard::sandbox::{SandboxConfig, Seed};
use serde_json::{Value, json};
use support::{KEY, assert_error, http, reference, rfc3339_z, same_shape, send, start};

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
