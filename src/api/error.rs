//! Every outcome of a call other than success, and the error envelope the server sends.

use std::fmt;
use std::time::Duration;

use super::input::InputError;
use crate::t;

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
#[derive(Debug)]
pub enum ApiError {
    InvalidInput(InputError),
    InvalidBaseUrl {
        reason: String,
    },
    BadRequest {
        details: Details,
    },
    Unauthorized {
        details: Details,
    },
    NotFound {
        details: Details,
    },
    Validation {
        details: Details,
    },
    RateLimited {
        retry_after: Option<Duration>,
    },
    Server {
        status: u16,
        details: Details,
    },
    UnexpectedStatus {
        status: u16,
        details: Details,
    },
    Timeout {
        after: Duration,
    },
    Connection {
        cause: String,
        detail: String,
    },
    BodyTooLarge {
        limit: usize,
    },
    Undecodable {
        status: u16,
        reason: String,
        snippet: String,
    },
}

impl From<InputError> for ApiError {
    fn from(e: InputError) -> ApiError {
        ApiError::InvalidInput(e)
    }
}

impl std::error::Error for ApiError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ApiError::InvalidInput(e) => Some(e),
            _ => None,
        }
    }
}

/// The sentence, in the language in use.
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ApiError::InvalidInput(e) => return write!(f, "{e}"),
            ApiError::InvalidBaseUrl { reason } => {
                t!("errors-api-base-url", reason = reason.as_str())
            }
            ApiError::BadRequest { details } => bad_request_sentence(details),
            ApiError::Unauthorized { .. } => t!("errors-api-unauthorized"),
            ApiError::NotFound { .. } => t!("errors-api-not-found"),
            ApiError::Validation { details } => validation_sentence(details),
            ApiError::RateLimited { retry_after } => rate_limited_sentence(retry_after),
            ApiError::Server { .. } => t!("errors-api-server"),
            ApiError::UnexpectedStatus { .. } => t!("errors-api-unexpected-status"),
            ApiError::Timeout { after } => t!(
                "errors-api-timeout",
                after = super::retry::human_duration(*after)
            ),
            ApiError::Connection { cause, .. } => connection_sentence(cause),
            ApiError::BodyTooLarge { limit } => t!(
                "errors-api-body-too-large",
                mib = (limit / (1024 * 1024)).to_string()
            ),
            ApiError::Undecodable { .. } => t!("errors-api-undecodable"),
        };
        f.write_str(&text)
    }
}

/// The connection's cause (a fixed phrase from `connection.rs`), said in a whole sentence.
fn connection_sentence(cause: &str) -> String {
    match cause {
        "nothing answers at that address" => t!("errors-api-connection-refused"),
        "the server's name was not found" => t!("errors-api-connection-dns"),
        "its certificate is not trusted" => t!("errors-api-connection-certificate"),
        "the connection was cut" => t!("errors-api-connection-cut"),
        "the network is unreachable" => t!("errors-api-connection-unreachable"),
        _ => t!("errors-api-connection-failed"),
    }
}

fn bad_request_sentence(details: &Details) -> String {
    if details.is_about_key() {
        t!("errors-api-key-missing")
    } else {
        t!("errors-api-bad-request")
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
        t!("errors-api-already-invited")
    } else if says("opening") {
        t!("errors-api-unknown-opening")
    } else if says("email") {
        t!("errors-api-email-refused")
    } else {
        match details
            .0
            .iter()
            .map(|d| d.details.trim())
            .find(|d| !d.is_empty())
        {
            Some(text) => t!(
                "errors-api-refused-saying",
                reason = crate::boundary::terminal::visible(text.trim_end_matches('.')).to_string()
            ),
            None => t!("errors-api-refused"),
        }
    }
}

/// Says how long the server asked for whenever it said (`Retry-After`), however short.
fn rate_limited_sentence(retry_after: &Option<Duration>) -> String {
    match retry_after {
        Some(wait) if wait.is_zero() => t!("errors-api-rate-limited-no-wait"),
        Some(wait) => t!(
            "errors-api-rate-limited-wait",
            wait = super::retry::human_duration(*wait)
        ),
        None => t!("errors-api-rate-limited"),
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
            Some(technical) => format!("{self}\n{}", t!("errors-details", details = technical)),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_limit_says_how_long_the_server_asked_for() {
        let said = |secs: Option<u64>| {
            ApiError::RateLimited {
                retry_after: secs.map(Duration::from_secs),
            }
            .to_string()
        };
        assert!(said(Some(45)).contains("wait 45 s"), "{}", said(Some(45)));
        assert!(said(Some(1)).contains("wait 1 s"), "{}", said(Some(1)));
        assert!(
            said(Some(600)).contains("wait 10 min"),
            "{}",
            said(Some(600))
        );
        assert!(!said(Some(45)).contains("a minute"), "{}", said(Some(45)));
        assert!(said(Some(0)).contains("no wait"), "{}", said(Some(0)));
        assert!(
            said(None).contains("try again in a minute"),
            "{}",
            said(None)
        );
    }
}
