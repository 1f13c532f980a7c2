//! The error envelope the server sends, in both shapes the reference shows, turned into the
//! error it stands for; and what else an answer's head and body say (`Retry-After`, the
//! first bytes of a body that is not JSON).

use std::time::Duration;

use serde::Deserialize;

use super::error::{ApiError, Details, ErrorDetail};

/// Turns a non-success answer into the error it stands for.
pub fn error_from_response(status: u16, retry_after: Option<Duration>, body: &[u8]) -> ApiError {
    let details = parse_error_details(body);
    match status {
        429 => ApiError::RateLimited { retry_after },
        500..=599 => ApiError::Server {
            status,
            details: details.unwrap_or_default(),
        },
        400 | 401 | 404 | 422 => {
            let Some(details) = details else {
                return ApiError::Undecodable {
                    status,
                    reason: "the error body is not the API's JSON envelope".into(),
                    snippet: snippet(body),
                };
            };
            match status {
                400 => ApiError::BadRequest { details },
                401 => ApiError::Unauthorized { details },
                404 => ApiError::NotFound { details },
                _ => ApiError::Validation { details },
            }
        }
        _ => ApiError::UnexpectedStatus {
            status,
            details: details.unwrap_or_default(),
        },
    }
}

/// The error envelope in both shapes the reference shows: `errors` as an array of entries, or
/// as one object (a single entry, or a map of field name to message(s)).
#[derive(Deserialize)]
struct ErrorEnvelope {
    errors: serde_json::Value,
}

/// Reads the details out of an error body; `None` when the body is not an error envelope.
pub(crate) fn parse_error_details(body: &[u8]) -> Option<Details> {
    let envelope: ErrorEnvelope = serde_json::from_slice(body).ok()?;
    let mut out = Vec::new();
    match envelope.errors {
        serde_json::Value::Array(items) => {
            for item in items {
                out.push(detail_from_value(&item));
            }
        }
        serde_json::Value::Object(map) if map.contains_key("details") || map.contains_key("id") => {
            out.push(detail_from_value(&serde_json::Value::Object(map)));
        }
        serde_json::Value::Object(map) => {
            for (field, value) in map {
                out.push(ErrorDetail {
                    id: field,
                    code: None,
                    details: text_of(&value),
                });
            }
        }
        other => out.push(ErrorDetail {
            id: String::new(),
            code: None,
            details: text_of(&other),
        }),
    }
    Some(Details(out))
}

fn detail_from_value(value: &serde_json::Value) -> ErrorDetail {
    match value {
        serde_json::Value::Object(map) => ErrorDetail {
            id: map.get("id").map(text_of).unwrap_or_default(),
            code: map
                .get("code")
                .and_then(|c| c.as_u64().or_else(|| c.as_str()?.parse().ok()))
                .and_then(|c| u16::try_from(c).ok()),
            details: map
                .get("details")
                .or_else(|| map.get("message"))
                .map(text_of)
                .unwrap_or_default(),
        },
        other => ErrorDetail {
            id: String::new(),
            code: None,
            details: text_of(other),
        },
    }
}

fn text_of(value: &serde_json::Value) -> String {
    const MAX: usize = 500;
    let text = match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        serde_json::Value::Array(items) => items.iter().map(text_of).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    };
    if text.len() > MAX {
        let mut end = MAX;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}…", &text[..end])
    } else {
        text
    }
}

/// The start of a body, for an error message: at most 120 characters, one line.
pub(crate) fn snippet(body: &[u8]) -> String {
    let head = &body[..body.len().min(240)];
    let text = String::from_utf8_lossy(head);
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(120)
        .collect();
    one_line.trim().to_owned()
}

/// `Retry-After` as seconds or an HTTP date.
pub(crate) fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let wait = when.with_timezone(&chrono::Utc) - chrono::Utc::now();
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_envelope_shapes_decode() {
        let array = br#"{"errors":[{"id":"wrong_params","code":400,"details":"You are missing the API key"}]}"#;
        let d = parse_error_details(array).unwrap();
        assert_eq!(d.0.len(), 1);
        assert_eq!(d.0[0].id, "wrong_params");
        assert_eq!(d.0[0].code, Some(400));
        assert!(d.is_about_key());

        let object = br#"{"errors":{"id":"not_found","code":"404","details":"No applicant 7"}}"#;
        let d = parse_error_details(object).unwrap();
        assert_eq!(d.0[0].id, "not_found");
        assert_eq!(d.0[0].code, Some(404));

        let rails = br#"{"errors":{"email":["is invalid","is taken"]}}"#;
        let d = parse_error_details(rails).unwrap();
        assert_eq!(d.0[0].id, "email");
        assert_eq!(d.0[0].details, "is invalid, is taken");
        assert_eq!(d.for_field("email").len(), 1);

        assert!(parse_error_details(b"<html>502</html>").is_none());
        assert!(parse_error_details(br#"{"data":{}}"#).is_none());
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        assert_eq!(parse_retry_after("3"), Some(Duration::from_secs(3)));
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn snippets_are_short_and_on_one_line() {
        let s = snippet(b"<html>\n<body>Bad gateway</body>\n</html>");
        assert_eq!(s, "<html> <body>Bad gateway</body> </html>");
        assert!(snippet(&[b'x'; 10_000]).len() <= 120);
        assert_eq!(snippet(&[0xff, 0xfe, b'a']), "\u{fffd}\u{fffd}a");
    }
}
