//! The RickRut API v1 client: types, requests and the error envelope. No UI, no storage.

mod client;
mod error;
mod types;

use serde::Deserialize;
use serde_json::value::RawValue;

pub use client::{Client, ClientOptions, DEFAULT_BASE_URL, parse_base_url};
pub use error::{ApiError, Details, ErrorDetail, error_from_response};
pub use types::{
    Applicant, ApplicantId, CaseAnswer, InputError, NewApplicant, QuizzAnswer, Score, Status,
    validate_email,
};

/// A successful answer: the applicant decoded, and its JSON exactly as the server sent it
/// (for `--json`, and for keeping what was received).
#[derive(Clone, Debug)]
pub struct ApplicantResponse {
    pub applicant: Applicant,
    pub raw: Box<RawValue>,
    pub meta: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct Envelope {
    data: Data,
    #[serde(default)]
    meta: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct Data {
    applicant: Box<RawValue>,
}

/// Decodes a success body `{"data":{"applicant":{...}},"meta":{...}}`. Never panics, whatever
/// the bytes; used by the client and by the fuzz target.
pub fn decode_applicant_response(status: u16, body: &[u8]) -> Result<ApplicantResponse, ApiError> {
    let undecodable = |reason: String| ApiError::Undecodable {
        status,
        reason,
        snippet: error::snippet(body),
    };
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(undecodable("the body is empty".into()));
    }
    let envelope: Envelope = serde_json::from_slice(body)
        .map_err(|e| undecodable(format!("it is not the API's JSON envelope ({e})")))?;
    let applicant: Applicant =
        serde_json::from_str(envelope.data.applicant.get()).map_err(|e| {
            undecodable(format!(
                "the applicant does not have the documented fields ({e})"
            ))
        })?;
    Ok(ApplicantResponse {
        applicant,
        raw: envelope.data.applicant,
        meta: envelope.meta,
    })
}
