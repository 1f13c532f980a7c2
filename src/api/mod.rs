//! The RickRut API v1 client: types, requests and the error envelope. No UI, no storage.

mod address;
mod applicant;
mod client;
mod connection;
mod envelope;
mod error;
mod input;
pub mod retry;

use serde::Deserialize;
use serde_json::value::RawValue;

pub use address::{DEFAULT_BASE_URL, parse_base_url, site, site_of};
pub use applicant::{Applicant, CaseAnswer, QuizzAnswer, Score, Status};
pub use client::{Client, ClientOptions};
pub use envelope::error_from_response;
pub use error::{ApiError, Details, ErrorDetail};
pub use input::{ApplicantId, InputError, NewApplicant, validate_email};
pub use retry::{Budget, GiveUp, RetryPolicy, human_duration};

/// A successful answer: the applicant decoded, and its JSON exactly as the server sent it
/// (for `--json`, and for keeping what was received).
#[derive(Clone, Debug)]
pub struct ApplicantResponse {
    pub applicant: Applicant,
    pub raw: Box<RawValue>,
    pub meta: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    data: Data<'a>,
    #[serde(default, borrow)]
    meta: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct Data<'a> {
    #[serde(borrow)]
    applicant: &'a RawValue,
}

/// Decodes a success body `{"data":{"applicant":{...}},"meta":{...}}`. Never panics, whatever
/// the bytes; used by the client and by the fuzz target.
pub fn decode_applicant_response(status: u16, body: &[u8]) -> Result<ApplicantResponse, ApiError> {
    let envelope = decode_envelope(status, body)?;
    decode_applicant(status, body, envelope)
}

/// The same, except that when `known` recognises the applicant's JSON (byte for byte what
/// was received and kept before) it answers `None` without decoding the applicant: a
/// refresh of applicants that did not change costs no more than reading the envelope.
pub fn decode_applicant_response_unless(
    status: u16,
    body: &[u8],
    known: impl FnOnce(&str) -> bool,
) -> Result<Option<ApplicantResponse>, ApiError> {
    let envelope = decode_envelope(status, body)?;
    if known(envelope.data.applicant.get()) {
        return Ok(None);
    }
    decode_applicant(status, body, envelope).map(Some)
}

fn undecodable(status: u16, body: &[u8], reason: String) -> ApiError {
    ApiError::Undecodable {
        status,
        reason,
        snippet: envelope::snippet(body),
    }
}

fn decode_envelope(status: u16, body: &[u8]) -> Result<Envelope<'_>, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(undecodable(status, body, "the body is empty".into()));
    }
    serde_json::from_slice(body).map_err(|e| {
        undecodable(
            status,
            body,
            format!("it is not the API's JSON envelope ({e})"),
        )
    })
}

fn decode_applicant(
    status: u16,
    body: &[u8],
    envelope: Envelope<'_>,
) -> Result<ApplicantResponse, ApiError> {
    let raw = envelope.data.applicant;
    let applicant: Applicant = serde_json::from_str(raw.get()).map_err(|e| {
        undecodable(
            status,
            body,
            format!("the applicant does not have the documented fields ({e})"),
        )
    })?;
    if ApplicantId::new(applicant.id).is_err() {
        return Err(undecodable(
            status,
            body,
            format!("the applicant's ID {} is out of range", applicant.id),
        ));
    }
    let meta = match envelope.meta {
        Some(meta) => Some(
            serde_json::from_str(meta.get())
                .map_err(|e| undecodable(status, body, format!("its meta is not JSON ({e})")))?,
        ),
        None => None,
    };
    Ok(ApplicantResponse {
        applicant,
        raw: raw.to_owned(),
        meta,
    })
}
