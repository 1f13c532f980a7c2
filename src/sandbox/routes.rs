//! The two documented endpoints (and the OpenAPI document), answered as the vendor does:
//! the key, the rate limit, validation and the error envelope.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State as AxumState};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::Value;

use super::Shared;
use super::envelope::{error, success, truncate};
use super::faults::{misbehave, pick_fault};

/// Every route the sandbox serves.
pub(super) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(
            "/api/v1/applicants",
            axum::routing::post(create_applicant).fallback(method_not_allowed),
        )
        .route(
            "/api/v1/applicants/{id}",
            get(get_applicant).fallback(method_not_allowed),
        )
        .route(
            "/api/v1/openapi.json",
            get(openapi_document).fallback(method_not_allowed),
        )
        .fallback(unknown_route)
        .with_state(shared)
}

/// Latency, the key, then the rate limit: what every documented request goes through.
async fn admit(shared: &Shared, query: Option<&str>) -> Result<(), Response> {
    use std::sync::atomic::Ordering::Relaxed;
    shared.stats.requests.fetch_add(1, Relaxed);
    if !shared.latency.is_zero() {
        tokio::time::sleep(shared.latency).await;
    }
    let key = query.and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(name, _)| name == "api_key")
            .map(|(_, value)| value.into_owned())
    });
    let Some(key) = key.filter(|k| !k.is_empty()) else {
        return Err(error(
            StatusCode::BAD_REQUEST,
            "wrong_params",
            "You are missing the API key",
        ));
    };
    if !shared.keys.iter().any(|k| k == &key) {
        return Err(error(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "The API key is not valid",
        ));
    }
    if let Some(limiter) = &shared.limiter {
        let verdict = match limiter.lock() {
            Ok(mut bucket) => bucket.take(),
            Err(_) => Ok(()),
        };
        if let Err(wait) = verdict {
            shared.stats.rate_limited.fetch_add(1, Relaxed);
            let mut response = error(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "You have reached your usage limit",
            );
            let secs = wait.as_secs_f64().ceil().max(1.0) as u64;
            if let Ok(value) = HeaderValue::from_str(&secs.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            return Err(response);
        }
    }
    Ok(())
}

async fn get_applicant(
    AxumState(shared): AxumState<Arc<Shared>>,
    Path(id): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let fault = pick_fault(&shared);
    let response = match admit(&shared, query.as_deref()).await {
        Err(response) => response,
        Ok(()) if fault.is_some() => misbehave(fault, &id),
        Ok(()) => {
            let found = id
                .parse::<u64>()
                .ok()
                .and_then(|id| shared.state.lock().ok()?.applicants.get(&id).cloned());
            match found {
                Some(applicant) => success(StatusCode::OK, applicant),
                None => error(
                    StatusCode::NOT_FOUND,
                    "not_found",
                    format!("No applicant has the id {}", truncate(&id)),
                ),
            }
        }
    };
    log(&Method::GET, "/api/v1/applicants/{id}", &response);
    response
}

async fn create_applicant(
    AxumState(shared): AxumState<Arc<Shared>>,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let response = match pick_fault(&shared) {
        Some(fault) => match admit(&shared, query.as_deref()).await {
            Err(response) => response,
            Ok(()) => misbehave(Some(fault), "0"),
        },
        None => match admit(&shared, query.as_deref()).await {
            Err(response) => response,
            Ok(()) => create(&shared, &body),
        },
    };
    log(&Method::POST, "/api/v1/applicants", &response);
    response
}

fn create(shared: &Shared, body: &[u8]) -> Response {
    let bad = |details: &str| error(StatusCode::BAD_REQUEST, "wrong_params", details);
    let Ok(Value::Object(fields)) = serde_json::from_slice::<Value>(body) else {
        return bad("The body must be a JSON object with email and opening");
    };
    let text = |name: &str| -> Result<Option<String>, String> {
        match fields.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_owned()).filter(|s| !s.is_empty())),
            Some(_) => Err(format!("{name} must be a string")),
        }
    };
    let (email, opening, first_name, last_name) = match (
        text("email"),
        text("opening"),
        text("first_name"),
        text("last_name"),
    ) {
        (Ok(e), Ok(o), Ok(f), Ok(l)) => (e, o, f, l),
        (Err(why), ..) | (_, Err(why), ..) | (_, _, Err(why), _) | (_, _, _, Err(why)) => {
            return bad(&why);
        }
    };
    let Some(email) = email else {
        return bad("email is missing");
    };
    let Some(opening) = opening else {
        return bad("opening is missing");
    };
    let invalid = |id: &str, details: String| error(StatusCode::UNPROCESSABLE_ENTITY, id, details);
    if !plausible_email(&email) {
        return invalid(
            "invalid_email",
            format!("email {} is not a valid email address", truncate(&email)),
        );
    }
    let Ok(mut state) = shared.state.lock() else {
        return error(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "The sandbox is restarting",
        );
    };
    let Some(opening_id) = state.opening_id(&opening) else {
        return invalid(
            "unknown_opening",
            format!("opening {} does not exist", truncate(&opening)),
        );
    };
    if !shared.allow_duplicates && state.already_invited(&email, opening_id) {
        return invalid(
            "already_invited",
            format!("email {email} has already been invited to opening {opening}"),
        );
    }
    match state.create(
        &email,
        opening_id,
        first_name,
        last_name,
        chrono::Utc::now(),
    ) {
        Ok(applicant) => success(StatusCode::CREATED, applicant),
        Err(e) => error(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            e.to_string(),
        ),
    }
}

/// The sandbox's own, deliberately simple rule (it shares no code with the client's).
fn plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local.len() <= 64
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The OpenAPI 3.1 document of the API as this project reads it (no key needed).
pub const OPENAPI_JSON: &str = include_str!("../../assets/sandbox/openapi.json");

async fn openapi_document() -> Response {
    let mut response = (StatusCode::OK, OPENAPI_JSON).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
}

async fn unknown_route(method: Method, uri: Uri) -> Response {
    let response = error(
        StatusCode::NOT_FOUND,
        "not_found",
        format!("No route for {method} {}", uri.path()),
    );
    log(&method, uri.path(), &response);
    response
}

async fn method_not_allowed(method: Method, uri: Uri) -> Response {
    let response = error(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{method} is not allowed on {}", uri.path()),
    );
    log(&method, uri.path(), &response);
    response
}

/// Method, path without its query (which carries the key), status.
fn log(method: &Method, path: &str, response: &Response) {
    tracing::debug!(%method, path, status = response.status().as_u16(), "sandbox");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_the_sandbox_accepts() {
        assert!(plausible_email("john.smith@gmail.com"));
        for bad in ["john", "john@", "@x.com", "a b@c.com", "a@b", "a@@b.com"] {
            assert!(!plausible_email(bad), "{bad}");
        }
    }
}
