//! Look up: one applicant by ID from the server, tracked in the profile's record.

use crate::api::{ApiError, ApplicantId, ApplicantResponse, Client};

use super::record::{Kept, Record};

/// An applicant received, and whether the record kept it.
#[derive(Debug)]
pub struct LookedUp {
    pub response: ApplicantResponse,
    pub kept: Kept,
}

/// Fetches the applicant and, with a record, tracks it (a snapshot when it changed).
pub async fn look_up(
    client: &Client,
    record: Option<&Record>,
    id: ApplicantId,
) -> Result<LookedUp, ApiError> {
    let response = client.get_applicant(id).await?;
    let kept = match record {
        None => Kept::NoRecord,
        Some(record) => {
            let received = response.clone();
            Kept::from(Some(
                record
                    .call(move |s, profile| {
                        s.upsert(profile, &[received], chrono::Utc::now())
                            .map(|_| ())
                    })
                    .await,
            ))
        }
    };
    Ok(LookedUp { response, kept })
}
