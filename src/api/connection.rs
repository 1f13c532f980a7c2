//! A connection that failed, in words: the cause a recruiter can act on for the sentence,
//! the library's chain of causes (the key redacted) for the details.

use std::error::Error as _;

use super::error::ApiError;
use crate::boundary::redact::Redactor;

/// A connection failure: the cause in words for the sentence, the library's chain (the key
/// redacted) for the details.
pub(super) fn connection_error(redactor: &Redactor, err: reqwest::Error) -> ApiError {
    let detail = describe_reqwest_error(err);
    let lower = detail.to_ascii_lowercase();
    let cause = if lower.contains("refused") {
        "nothing answers at that address"
    } else if lower.contains("dns")
        || lower.contains("lookup address")
        || lower.contains("name or service not known")
        || lower.contains("no such host")
    {
        "the server's name was not found"
    } else if lower.contains("certificate") || lower.contains("tls") {
        "its certificate is not trusted"
    } else if lower.contains("reset")
        || lower.contains("closed")
        || lower.contains("eof")
        || lower.contains("incomplete")
        || lower.contains("broken pipe")
    {
        "the connection was cut"
    } else if lower.contains("unreachable") {
        "the network is unreachable"
    } else {
        "the connection failed"
    };
    ApiError::Connection {
        cause: cause.to_owned(),
        detail: redactor.text(&detail).into_owned(),
    }
}

/// The chain of causes, most specific first ("connection refused (error sending request)").
fn describe_reqwest_error(err: reqwest::Error) -> String {
    let err = err.without_url();
    let mut causes = vec![err.to_string()];
    let mut source = err.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !causes.contains(&text) {
            causes.push(text);
        }
        source = cause.source();
    }
    let most_specific = causes.pop().unwrap_or_default();
    if causes.is_empty() {
        most_specific
    } else {
        format!("{most_specific} ({})", causes.join(": "))
    }
}
