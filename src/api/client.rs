//! The HTTP side: timeouts, body cap, retries, and mapping responses.

use std::error::Error as _;
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use secrecy::{ExposeSecret, SecretString};
use url::Url;

use super::address::parse_base_url;
use super::error::{ApiError, Details, parse_retry_after};
use super::input::{ApplicantId, NewApplicant};
use super::retry::backoff;
use super::{ApplicantResponse, decode_applicant_response, decode_applicant_response_unless};

/// Tunables, with the defaults a desktop app wants.
#[derive(Clone, Debug)]
pub struct ClientOptions {
    pub connect_timeout: Duration,
    /// Whole request, from sending to the last byte of the body.
    pub timeout: Duration,
    pub max_body_bytes: usize,
    /// How many times a GET is repeated after a 429, a 5xx, a timeout or a lost connection.
    /// A POST is repeated only after a 429 (nothing was created then).
    pub max_retries: u32,
    /// The longest wait the client accepts from `Retry-After` before giving up.
    pub max_retry_wait: Duration,
    /// Each successful call gets a line at info (the window's log file); when false, at
    /// debug. A refresh of thousands turns it off and logs one line for the whole run.
    /// Failures are always logged at info.
    pub log_successes: bool,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(30),
            max_body_bytes: 10 * 1024 * 1024,
            max_retries: 2,
            max_retry_wait: Duration::from_secs(30),
            log_successes: true,
        }
    }
}

/// A client for one account: a base URL and its key. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Client {
    http: reqwest::Client,
    base: Url,
    key: SecretString,
    options: ClientOptions,
}

impl Client {
    pub fn new(base_url: &str, api_key: SecretString) -> Result<Client, ApiError> {
        Client::with_options(base_url, api_key, ClientOptions::default())
    }

    pub fn with_options(
        base_url: &str,
        api_key: SecretString,
        options: ClientOptions,
    ) -> Result<Client, ApiError> {
        let base = parse_base_url(base_url)?;
        let http = reqwest::Client::builder()
            .connect_timeout(options.connect_timeout)
            .timeout(options.timeout)
            .user_agent(concat!(
                "rickrut-dashboard/",
                env!("CARGO_PKG_VERSION"),
                " (+https://www.rickrut.com/api)"
            ))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| ApiError::Connection {
                reason: describe_reqwest_error(e),
            })?;
        Ok(Client {
            http,
            base,
            key: api_key,
            options,
        })
    }

    pub fn base_url(&self) -> &Url {
        &self.base
    }

    pub fn options(&self) -> &ClientOptions {
        &self.options
    }

    /// The same client (and connection pool) with another retry budget.
    pub fn with_max_retries(&self, max_retries: u32) -> Client {
        let mut client = self.clone();
        client.options.max_retries = max_retries;
        client
    }

    /// The same client (and connection pool), logging successful calls at debug only.
    pub fn with_quiet_successes(&self) -> Client {
        let mut client = self.clone();
        client.options.log_successes = false;
        client
    }

    /// `GET applicants/{id}`.
    pub async fn get_applicant(&self, id: ApplicantId) -> Result<ApplicantResponse, ApiError> {
        self.get(id, decode_applicant_response).await
    }

    /// `GET applicants/{id}`, answering `None` when `known` recognises the applicant's JSON as
    /// received (see [`decode_applicant_response_unless`]): what a refresh asks.
    pub async fn get_applicant_unless(
        &self,
        id: ApplicantId,
        known: impl Fn(&str) -> bool,
    ) -> Result<Option<ApplicantResponse>, ApiError> {
        self.get(id, |status, body| {
            decode_applicant_response_unless(status, body, &known)
        })
        .await
    }

    async fn get<T>(
        &self,
        id: ApplicantId,
        decode: impl Fn(u16, &[u8]) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let url = self.url(&format!("applicants/{id}"))?;
        self.send_with_retries(
            true,
            "GET",
            url.path(),
            || self.http.get(url.clone()),
            decode,
        )
        .await
    }

    /// `POST applicants`. The input is validated first; bad input never reaches the network.
    pub async fn create_applicant(
        &self,
        new: &NewApplicant,
    ) -> Result<ApplicantResponse, ApiError> {
        new.validate()?;
        let url = self.url("applicants")?;
        self.send_with_retries(
            false,
            "POST",
            url.path(),
            || self.http.post(url.clone()).json(new),
            decode_applicant_response,
        )
        .await
    }

    fn url(&self, path: &str) -> Result<Url, ApiError> {
        let mut url = self.base.join(path).map_err(|e| ApiError::InvalidBaseUrl {
            reason: e.to_string(),
        })?;
        url.query_pairs_mut()
            .append_pair("api_key", self.key.expose_secret());
        Ok(url)
    }

    /// Sends, and repeats when the answer allows it; a success body goes through `decode`.
    async fn send_with_retries<T>(
        &self,
        idempotent: bool,
        method: &str,
        path: &str,
        request: impl Fn() -> reqwest::RequestBuilder,
        decode: impl Fn(u16, &[u8]) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let mut attempt = 0;
        loop {
            let result = self.send_once(request(), method, path, &decode).await;
            let err = match result {
                Ok(ok) => return Ok(ok),
                Err(err) => err,
            };
            let retryable = match &err {
                ApiError::RateLimited { .. } => true,
                e => idempotent && e.is_transient(),
            };
            if !retryable || attempt >= self.options.max_retries {
                return Err(err);
            }
            let wait = match &err {
                ApiError::RateLimited {
                    retry_after: Some(wait),
                } => *wait,
                _ => backoff(attempt),
            };
            if wait > self.options.max_retry_wait {
                return Err(err);
            }
            tracing::debug!(attempt, wait_ms = wait.as_millis() as u64, error = %err, "retrying");
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    async fn send_once<T>(
        &self,
        request: reqwest::RequestBuilder,
        method: &str,
        path: &str,
        decode: impl Fn(u16, &[u8]) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let started = Instant::now();
        let response = request
            .send()
            .await
            .map_err(|e| self.map_reqwest_error(e))?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(parse_retry_after);
        let body = self.read_capped(response).await?;
        let elapsed_ms = started.elapsed().as_millis() as u64;
        if self.options.log_successes || !status.is_success() {
            tracing::info!(%method, %path, status = status.as_u16(), bytes = body.len(), elapsed_ms, "api call");
        } else {
            tracing::debug!(%method, %path, status = status.as_u16(), bytes = body.len(), elapsed_ms, "api call");
        }
        self.map_response(status, retry_after, &body, decode)
    }

    async fn read_capped(&self, mut response: reqwest::Response) -> Result<Vec<u8>, ApiError> {
        let limit = self.options.max_body_bytes;
        if response
            .content_length()
            .is_some_and(|len| len > limit as u64)
        {
            return Err(ApiError::BodyTooLarge { limit });
        }
        let mut body = Vec::with_capacity(
            response
                .content_length()
                .map_or(0, |len| len as usize)
                .min(limit),
        );
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|e| self.map_reqwest_error(e))?
        {
            if body.len() + chunk.len() > limit {
                return Err(ApiError::BodyTooLarge { limit });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    fn map_response<T>(
        &self,
        status: StatusCode,
        retry_after: Option<Duration>,
        body: &[u8],
        decode: impl Fn(u16, &[u8]) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        if status.is_success() {
            return decode(status.as_u16(), body).map_err(|e| self.redact_error(e));
        }
        let err = super::error::error_from_response(status.as_u16(), retry_after, body);
        Err(self.redact_error(err))
    }

    fn map_reqwest_error(&self, err: reqwest::Error) -> ApiError {
        let err = err.without_url();
        if err.is_timeout() {
            return ApiError::Timeout {
                after: self.options.timeout,
            };
        }
        ApiError::Connection {
            reason: self.redact(&describe_reqwest_error(err)),
        }
    }

    /// The server could echo the query back; make sure the key never leaves in a message.
    fn redact(&self, text: &str) -> String {
        let key = self.key.expose_secret();
        if key.is_empty() {
            text.to_owned()
        } else {
            text.replace(key, "[redacted]")
        }
    }

    fn redact_error(&self, err: ApiError) -> ApiError {
        let key = self.key.expose_secret();
        if key.is_empty() || !err.to_string().contains(key) {
            return err;
        }
        match err {
            ApiError::Undecodable {
                status,
                reason,
                snippet,
            } => ApiError::Undecodable {
                status,
                reason: self.redact(&reason),
                snippet: self.redact(&snippet),
            },
            other => {
                let redact_details = |d: Details| {
                    Details(
                        d.0.into_iter()
                            .map(|mut e| {
                                e.id = self.redact(&e.id);
                                e.details = self.redact(&e.details);
                                e
                            })
                            .collect(),
                    )
                };
                match other {
                    ApiError::BadRequest { details } => ApiError::BadRequest {
                        details: redact_details(details),
                    },
                    ApiError::Unauthorized { details } => ApiError::Unauthorized {
                        details: redact_details(details),
                    },
                    ApiError::NotFound { details } => ApiError::NotFound {
                        details: redact_details(details),
                    },
                    ApiError::Validation { details } => ApiError::Validation {
                        details: redact_details(details),
                    },
                    ApiError::Server { status, details } => ApiError::Server {
                        status,
                        details: redact_details(details),
                    },
                    ApiError::UnexpectedStatus { status, details } => ApiError::UnexpectedStatus {
                        status,
                        details: redact_details(details),
                    },
                    e => e,
                }
            }
        }
    }
}

/// The most specific cause in the chain ("connection refused", "certificate expired").
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
