//! The OpenAPI document the sandbox serves (`/api/v1/openapi.json`) against the reference's
//! own examples and against what the sandbox really answers. `scripts/test` then points
//! schemathesis at the same document and the same sandbox.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use rickrut_dashboard::sandbox::{OPENAPI_JSON, Sandbox, SandboxConfig};
use serde_json::{Value, json};

const KEY: &str = "oas0123456789abcdef0123456789abcdef01234";

fn document() -> Value {
    serde_json::from_str(OPENAPI_JSON).expect("openapi.json is JSON")
}

/// A validator for one schema of `components/schemas`, with the whole document as the root
/// so that its `$ref`s resolve.
fn validator(name: &str) -> jsonschema::Validator {
    let mut root = document();
    assert!(
        root["components"]["schemas"].get(name).is_some(),
        "no schema {name}"
    );
    root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    root["$ref"] = json!(format!("#/components/schemas/{name}"));
    jsonschema::options()
        .should_validate_formats(true)
        .build(&root)
        .unwrap_or_else(|e| panic!("schema {name} does not compile: {e}"))
}

fn assert_valid(schema: &str, instance: &Value, what: &str) {
    let v = validator(schema);
    let errors: Vec<String> = v
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match {schema}: {errors:#?}"
    );
}

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn the_document_is_openapi_3_1_with_both_operations_and_the_query_key() {
    let d = document();
    assert_eq!(d["openapi"], "3.1.0");
    assert_eq!(
        d["paths"]["/applicants"]["post"]["operationId"],
        "createApplicant"
    );
    assert_eq!(
        d["paths"]["/applicants/{id}"]["get"]["operationId"],
        "getApplicant"
    );
    let scheme = &d["components"]["securitySchemes"]["ApiKeyAuth"];
    assert_eq!(scheme["in"], "query");
    assert_eq!(scheme["name"], "api_key");
    // Every status the reference's table lists for these calls is described.
    let get = &d["paths"]["/applicants/{id}"]["get"]["responses"];
    for code in ["200", "400", "401", "404", "429"] {
        assert!(get.get(code).is_some(), "GET lacks {code}");
    }
    let post = &d["paths"]["/applicants"]["post"]["responses"];
    for code in ["201", "400", "401", "422", "429"] {
        assert!(post.get(code).is_some(), "POST lacks {code}");
    }
}

#[test]
fn the_reference_examples_match_the_document() {
    assert_valid(
        "NewApplicant",
        &fixture("create_request.json"),
        "the create request",
    );
    assert_valid(
        "ApplicantResponse",
        &fixture("create_response_201.json"),
        "the 201 example",
    );
    assert_valid(
        "ApplicantResponse",
        &fixture("get_response_200.json"),
        "the 200 example",
    );
    assert_valid(
        "ErrorResponse",
        &fixture("error_400_missing_key.json"),
        "the error example",
    );
    assert_valid(
        "ErrorResponse",
        &fixture("error_object_form.json"),
        "the object form of errors",
    );
}

#[test]
fn the_document_rejects_what_the_client_rejects() {
    // Without these the schema checks above could pass on a schema that accepts anything.
    let v = validator("ApplicantResponse");
    let mut wrong = fixture("get_response_200.json");
    wrong["data"]["applicant"]["email"] = json!(42);
    assert!(!v.is_valid(&wrong), "a number as email");
    let mut wrong = fixture("get_response_200.json");
    wrong["data"]["applicant"]["skill_score"] = json!({"value": 15});
    assert!(!v.is_valid(&wrong), "an object as score");
    let mut wrong = fixture("get_response_200.json");
    wrong["data"]["applicant"]["quizz_answers"] = json!({"0": {}});
    assert!(!v.is_valid(&wrong), "an object where the answers array is");
    let mut wrong = fixture("get_response_200.json");
    wrong["data"]["applicant"]["created_at"] = json!("yesterday");
    assert!(!v.is_valid(&wrong), "a date that is not RFC 3339");
    assert!(!v.is_valid(&json!({"data": {}})), "no applicant");
    let e = validator("ErrorResponse");
    assert!(!e.is_valid(&json!({"errors": []})), "an empty error list");
    assert!(!e.is_valid(&json!({"error": "x"})), "not the envelope");
    let n = validator("NewApplicant");
    assert!(!n.is_valid(&json!({"email": "a@b.co"})), "no opening");
    assert!(
        !n.is_valid(&json!({"email": "not an email", "opening": "x"})),
        "a bad email"
    );
}

async fn get(http: &reqwest::Client, url: String) -> (u16, Value) {
    let resp = http.get(url).send().await.unwrap();
    let status = resp.status().as_u16();
    let ct = resp
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    assert!(ct.starts_with("application/json"), "content type {ct}");
    (status, resp.json().await.unwrap())
}

#[tokio::test]
async fn the_sandbox_serves_the_document_and_every_answer_matches_it() {
    let sandbox = Sandbox::start(SandboxConfig {
        api_keys: vec![KEY.into()],
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let base = sandbox.base_url();
    let http = reqwest::Client::new();

    // Served without a key, byte for byte the document in the assets.
    let (status, served) = get(&http, format!("{base}openapi.json")).await;
    assert_eq!(status, 200);
    assert_eq!(served, document());

    // Every seeded applicant, through the documented GET.
    let mut seen = 0;
    for id in (1000..=1100).chain([31415]) {
        let (status, body) = get(&http, format!("{base}applicants/{id}?api_key={KEY}")).await;
        match status {
            200 => {
                assert_valid("ApplicantResponse", &body, &format!("GET {id}"));
                seen += 1;
            }
            404 => assert_valid("ErrorResponse", &body, &format!("GET {id} (404)")),
            other => panic!("GET {id} answered {other}"),
        }
    }
    assert!(seen >= 50, "only {seen} seeded applicants found");

    // A create, and each documented error.
    let resp = http
        .post(format!("{base}applicants?api_key={KEY}"))
        .json(
            &json!({"email": "oas.check@example.com", "opening": "software-engineer",
            "first_name": "Oas", "last_name": null}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 201);
    assert_valid("ApplicantResponse", &resp.json().await.unwrap(), "the 201");

    for (url, status) in [
        (format!("{base}applicants/1001"), 400),
        (format!("{base}applicants/1001?api_key=wrong"), 401),
        (format!("{base}applicants/abc?api_key={KEY}"), 404),
    ] {
        let (got, body) = get(&http, url).await;
        assert_eq!(got, status);
        assert_valid("ErrorResponse", &body, &format!("the {status}"));
    }
    for (body, status) in [
        (json!({"email": "x@example.com"}), 400),
        (
            json!({"email": "nope", "opening": "software-engineer"}),
            422,
        ),
        (
            json!({"email": "x@example.com", "opening": "astronaut"}),
            422,
        ),
        (
            json!({"email": "oas.check@example.com", "opening": "software-engineer"}),
            422,
        ),
    ] {
        let resp = http
            .post(format!("{base}applicants?api_key={KEY}"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status().as_u16(), status, "{body}");
        assert_valid(
            "ErrorResponse",
            &resp.json().await.unwrap(),
            &format!("the {status} for {body}"),
        );
    }
    sandbox.shutdown().await;
}
