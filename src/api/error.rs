//! Every outcome of a call other than success, and the error envelope the server sends.

use std::fmt;
use std::time::Duration;

use serde::Deserialize;

use super::input::InputError;

/// One entry of the server's `errors` envelope.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorDetail {
    pub id: String,
    pub code: Option<u16>,
    pub details: String,
}

/// The server's words, with any control or bidi mark shown as an escape.
impl fmt::Display for ErrorDetail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::boundary::terminal::Visible;
        match (self.id.is_empty(), self.details.is_empty()) {
            (false, false) => write!(f, "{} ({})", Visible(&self.id), Visible(&self.details)),
            (true, false) => write!(f, "{}", Visible(&self.details)),
            (false, true) => write!(f, "{}", Visible(&self.id)),
            (true, true) => f.write_str("no details given"),
        }
    }
}

/// A list of details, shown as one sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Details(pub Vec<ErrorDetail>);

impl fmt::Display for Details {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("the server gave no details");
        }
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

/// Everything that can go wrong with a call. Each `Display` is one sentence in a recruiter's
/// words with the next step, and no HTTP code, error id or library text: those are in
/// [`ApiError::technical`], for a Details expander or `-v`. None ever contains the API key
/// (the URL, which carries it, is never included, and server text is redacted first).
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    InvalidInput(#[from] InputError),
    #[error("The server address is not usable: {reason}")]
    InvalidBaseUrl { reason: String },
    #[error("{}", bad_request_sentence(.details))]
    BadRequest { details: Details },
    #[error(
        "The server refused the API key. Check the key in Keys, or make a new one in your RickRut dashboard."
    )]
    Unauthorized { details: Details },
    #[error("The server has no applicant with that ID; check the number.")]
    NotFound { details: Details },
    #[error("{}", validation_sentence(.details))]
    Validation { details: Details },
    #[error("{}", rate_limited_sentence(.retry_after))]
    RateLimited { retry_after: Option<Duration> },
    #[error("The RickRut server had a problem; try again in a few minutes.")]
    Server { status: u16, details: Details },
    #[error(
        "The server gave an answer the app does not expect; try again later, or check the server address in Keys."
    )]
    UnexpectedStatus { status: u16, details: Details },
    #[error(
        "The server did not answer within {}; it may be slow or unreachable. Try again, or allow more time.",
        super::retry::human_duration(*.after)
    )]
    Timeout { after: Duration },
    #[error(
        "The server could not be reached: {cause}. Check the connection and the server address."
    )]
    Connection { cause: String, detail: String },
    #[error("The server's answer was larger than {} MiB and was not read.", .limit / (1024 * 1024))]
    BodyTooLarge { limit: usize },
    #[error(
        "The server's answer could not be read; it may not be a RickRut server. Check the server address, or try again later."
    )]
    Undecodable {
        status: u16,
        reason: String,
        snippet: String,
    },
}

fn bad_request_sentence(details: &Details) -> String {
    if details.is_about_key() {
        "The API key is missing. Add one in Keys (on the command line: --profile, or RICKRUT_API_KEY)."
            .to_owned()
    } else {
        "The server refused the request as incomplete; check what was typed.".to_owned()
    }
}

fn validation_sentence(details: &Details) -> String {
    let says = |word: &str| {
        details.0.iter().any(|d| {
            d.id.to_ascii_lowercase().contains(word)
                || d.details.to_ascii_lowercase().contains(word)
        })
    };
    if says("already") {
        "This email was already invited to this opening; nothing new was created.".to_owned()
    } else if says("opening") {
        "The server does not know this opening; check its name as RickRut spells it.".to_owned()
    } else if says("email") {
        "The server did not accept this email address; check it.".to_owned()
    } else {
        match details
            .0
            .iter()
            .map(|d| d.details.trim())
            .find(|d| !d.is_empty())
        {
            Some(text) => format!(
                "The server did not accept it: {}.",
                crate::boundary::terminal::visible(text.trim_end_matches('.'))
            ),
            None => "The server did not accept it; check what was typed.".to_owned(),
        }
    }
}

fn rate_limited_sentence(retry_after: &Option<Duration>) -> String {
    match retry_after {
        Some(wait) if *wait >= Duration::from_secs(60) => format!(
            "The server asks to wait {} before more requests; try again then.",
            super::retry::human_duration(*wait)
        ),
        _ => "The server has had too many requests for now; try again in a minute.".to_owned(),
    }
}

impl Details {
    /// The reference's 400 `wrong_params` "You are missing the API key".
    pub fn is_about_key(&self) -> bool {
        self.0.iter().any(|d| {
            let text = d.details.to_ascii_lowercase();
            text.contains("api key") || text.contains("api_key")
        })
    }

    /// The details for one form field ("email", "opening"), for showing next to it.
    pub fn for_field(&self, field: &str) -> Vec<&ErrorDetail> {
        self.0
            .iter()
            .filter(|d| {
                d.id.to_ascii_lowercase().contains(field)
                    || d.details.to_ascii_lowercase().contains(field)
            })
            .collect()
    }
}

impl ApiError {
    /// True when the key itself is the problem: missing (400 about the key) or refused (401).
    pub fn is_key_problem(&self) -> bool {
        match self {
            ApiError::Unauthorized { .. } => true,
            ApiError::BadRequest { details } => details.is_about_key(),
            _ => false,
        }
    }

    /// The server refused an invite because this email was invited to this opening before
    /// (a 422 that says so): nothing was created, and nothing needs to be.
    pub fn is_already_invited(&self) -> bool {
        match self {
            ApiError::Validation { details } => details.0.iter().any(|d| {
                d.id.to_ascii_lowercase().contains("already")
                    || d.details.to_ascii_lowercase().contains("already")
            }),
            _ => false,
        }
    }

    /// The server's details, when it sent any.
    pub fn details(&self) -> Option<&Details> {
        match self {
            ApiError::BadRequest { details }
            | ApiError::Unauthorized { details }
            | ApiError::NotFound { details }
            | ApiError::Validation { details }
            | ApiError::Server { details, .. }
            | ApiError::UnexpectedStatus { details, .. } => Some(details),
            _ => None,
        }
    }

    /// What support needs besides the sentence: the HTTP status, the server's error ids and
    /// details, the library's words. `None` for input refused before sending.
    pub fn technical(&self) -> Option<String> {
        let with = |status: u16, details: &Details| format!("HTTP {status} · {details}");
        Some(match self {
            ApiError::InvalidInput(_) | ApiError::InvalidBaseUrl { .. } => return None,
            ApiError::BadRequest { details } => with(400, details),
            ApiError::Unauthorized { details } => with(401, details),
            ApiError::NotFound { details } => with(404, details),
            ApiError::Validation { details } => with(422, details),
            ApiError::RateLimited { retry_after } => match retry_after {
                Some(wait) => format!("HTTP 429 · Retry-After {} s", wait.as_secs()),
                None => "HTTP 429 · no Retry-After".to_owned(),
            },
            ApiError::Server { status, details }
            | ApiError::UnexpectedStatus { status, details } => with(*status, details),
            ApiError::Timeout { after } => {
                format!("no complete answer after {} ms", after.as_millis())
            }
            ApiError::Connection { detail, .. } => detail.clone(),
            ApiError::BodyTooLarge { limit } => format!("the body is over {limit} bytes"),
            ApiError::Undecodable {
                status,
                reason,
                snippet,
            } => format!("HTTP {status} · {reason} · it began with {snippet:?}"),
        })
    }

    /// The sentence, and with `verbose` the technical details on a line of their own.
    pub fn explained(&self, verbose: bool) -> String {
        match self.technical().filter(|_| verbose) {
            Some(technical) => format!("{self}\nDetails: {technical}"),
            None => self.to_string(),
        }
    }

    /// Whether repeating a GET could help.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            ApiError::RateLimited { .. }
                | ApiError::Server { .. }
                | ApiError::Timeout { .. }
                | ApiError::Connection { .. }
        )
    }
}

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
