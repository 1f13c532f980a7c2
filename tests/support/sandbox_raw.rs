//! What the raw sandbox tests share: a sandbox with a known key, answers read as JSON values,
//! and checks of their shape against the reference's examples.
#![allow(dead_code)] // shared by two test binaries, each using a part
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use rickrut_dashboard::sandbox::{Sandbox, SandboxConfig};
use serde_json::Value;

pub const KEY: &str = "raw0123456789abcdef0123456789abcdef0123";

pub async fn start(config: SandboxConfig) -> Sandbox {
    Sandbox::start(SandboxConfig {
        api_keys: vec![KEY.into()],
        ..config
    })
    .await
    .unwrap()
}

pub struct Raw {
    pub status: u16,
    pub retry_after: Option<String>,
    pub content_type: String,
    pub body: Value,
}

pub async fn send(req: reqwest::RequestBuilder) -> Raw {
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

pub fn http() -> reqwest::Client {
    reqwest::Client::new()
}

/// The JSON type of a value, by name.
pub fn kind(v: &Value) -> &'static str {
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
pub fn same_shape(reference: &Value, actual: &Value, path: &str) {
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

pub fn rfc3339_z(v: &Value, what: &str) {
    let text = v
        .as_str()
        .unwrap_or_else(|| panic!("{what} is not a string"));
    assert!(text.ends_with('Z'), "{what} is not UTF (Z): {text}");
    chrono::DateTime::parse_from_rfc3339(text).unwrap_or_else(|e| panic!("{what}: {e}"));
}

pub fn reference(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

pub fn assert_error(raw: &Raw, status: u16, id: &str) {
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
