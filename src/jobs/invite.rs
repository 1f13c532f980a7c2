//! Invite: one new applicant, created on the server, tracked and logged in the profile's
//! record; and the one rule for "already invited" that every invite path shares.

use std::collections::HashSet;

use crate::api::{ApiError, ApplicantResponse, Client, NewApplicant};

use super::record::{Kept, Record, StoreError};

pub use crate::store::{InviteKey, InviteOutcome};

/// What an invite came to, and whether the record kept it.
#[derive(Debug)]
pub struct Invited {
    pub key: InviteKey,
    pub result: Result<ApplicantResponse, ApiError>,
    pub kept: Kept,
}

impl InviteKey {
    /// The key of what a create call sends.
    pub fn of(new: &NewApplicant) -> InviteKey {
        InviteKey::new(&new.email, &new.opening)
    }
}

/// How an answer to a create call goes into the invite log.
pub fn outcome_of(result: &Result<ApplicantResponse, ApiError>) -> InviteOutcome {
    match result {
        Ok(r) => created(r),
        Err(e) if e.is_already_invited() => InviteOutcome::AlreadyInvited,
        Err(e) => InviteOutcome::Failed(e.to_string()),
    }
}

/// What the log keeps of an applicant the server created: its ID and invitation code.
pub fn created(r: &ApplicantResponse) -> InviteOutcome {
    InviteOutcome::Created {
        id: r.applicant.id,
        code: r.applicant.code.clone().unwrap_or_default(),
    }
}

/// Sends the invite (checked first: bad input never reaches the network) and, with a record,
/// tracks the new applicant and logs the invite. Input refused before sending is not logged.
/// A record that could not keep it (read only, or a team database out of reach) is found out
/// before the request leaves: then nothing is sent, and the error says why.
pub async fn invite(
    client: &Client,
    record: Option<&Record>,
    new: NewApplicant,
) -> Result<Invited, StoreError> {
    if let Some(record) = record {
        record.ready_to_write().await?;
    }
    let key = InviteKey::of(&new);
    let result = client.create_applicant(&new).await;
    let kept = match (record, &result) {
        (None, _) | (_, Err(ApiError::InvalidInput(_))) => Kept::NoRecord,
        (Some(record), result) => Kept::from(Some(
            keep(
                record,
                key.clone(),
                outcome_of(result),
                result.as_ref().ok().cloned(),
            )
            .await,
        )),
    };
    Ok(Invited { key, result, kept })
}

/// Writes an answered invite to the record: the one path for the window, the command line
/// and each row of a bulk import.
pub(crate) async fn keep(
    record: &Record,
    key: InviteKey,
    outcome: InviteOutcome,
    created: Option<ApplicantResponse>,
) -> Result<(), StoreError> {
    record
        .call(move |s, profile| {
            s.record_invite(
                profile,
                &key,
                &outcome,
                created.as_ref(),
                chrono::Utc::now(),
            )
        })
        .await
}

/// What the opening typed is, among the openings this profile knows (a known ID is turned
/// into its name; a name never seen is said before sending).
pub async fn check_opening(
    record: &Record,
    typed: &str,
) -> Result<super::openings::OpeningCheck, StoreError> {
    let known = super::openings::openings(record).await?;
    Ok(super::openings::OpeningNames::new(&known).check(typed))
}

/// Which of `keys` this profile invited before, according to its invite log.
pub async fn already_invited(
    record: &Record,
    keys: Vec<InviteKey>,
) -> Result<HashSet<InviteKey>, StoreError> {
    record
        .call(move |s, profile| s.invited_among(profile, &keys))
        .await
}
