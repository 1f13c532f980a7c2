//! What the recruiter decides of an applicant: notes, tags, a rating of their own (1 to 5,
//! not the server's recruiter score) and a decision, kept in the profile's record and never
//! sent; and forgetting an applicant altogether (data protection).

use chrono::Utc;

use super::record::{Record, StoreError};

pub use crate::store::{Decision, Note};

/// Adds a timestamped note; an empty one is refused before it reaches the record.
pub async fn add_note(record: &Record, id: u64, text: String) -> Result<bool, StoreError> {
    if text.trim().is_empty() {
        return Ok(false);
    }
    record
        .call(move |s, profile| s.add_note(profile, id, &text, Utc::now()))
        .await?;
    Ok(true)
}

/// An applicant's notes, oldest first.
pub async fn notes(record: &Record, id: u64) -> Result<Vec<Note>, StoreError> {
    record.call(move |s, profile| s.notes(profile, id)).await
}

/// Adds tags (each once; spaces around them trimmed).
pub async fn tag(record: &Record, id: u64, tags: Vec<String>) -> Result<(), StoreError> {
    record
        .call(move |s, profile| s.add_tags(profile, id, &tags))
        .await
}

pub async fn untag(record: &Record, id: u64, tag: String) -> Result<(), StoreError> {
    record
        .call(move |s, profile| s.remove_tag(profile, id, &tag))
        .await
}

/// Every tag the profile used, for completion.
pub async fn all_tags(record: &Record) -> Result<Vec<String>, StoreError> {
    record.call(|s, profile| s.all_tags(profile)).await
}

/// The recruiter's own rating, 1 to 5, or none.
pub async fn rate(record: &Record, id: u64, rating: Option<u8>) -> Result<(), StoreError> {
    record
        .call(move |s, profile| s.assess(profile, id, Some(rating), None, Utc::now()))
        .await
}

pub async fn decide(record: &Record, id: u64, decision: Decision) -> Result<(), StoreError> {
    record
        .call(move |s, profile| s.assess(profile, id, None, Some(decision), Utc::now()))
        .await
}

/// Removes everything the app holds on one applicant; answers whether it held anything.
pub async fn forget(record: &Record, id: u64) -> Result<bool, StoreError> {
    record.call(move |s, profile| s.forget(profile, id)).await
}
