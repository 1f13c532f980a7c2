//! The HTTP side: the deadline and retries (one policy, `retry.rs`), the body cap, the key
//! redacted from whatever comes back, and mapping answers to types or errors.

use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use secrecy::{ExposeSecret, SecretString};
use url::Url;

use super::address::parse_base_url;
use super::connection::connection_error;
use super::envelope::parse_retry_after;
use super::error::ApiError;
use super::input::{ApplicantId, NewApplicant};
use super::retry::{Budget, GiveUp, RetryPolicy};
use super::{ApplicantResponse, decode_applicant_response, decode_applicant_response_unless};
use crate::boundary::redact::Redactor;

/// Tunables, with the defaults a desktop app wants.
#[derive(Clone, Debug)]
pub struct ClientOptions {
    pub connect_timeout: Duration,
    /// The whole operation: every attempt and every wait between them.
    pub timeout: Duration,
    pub max_body_bytes: usize,
    /// How many times a GET is repeated after a 429, a 5xx, a timeout or a lost connection.
    /// A POST is repeated only after a 429 (nothing was created then).
    pub max_retries: u32,
    /// The shortest wait between two attempts, whatever the server asks.
    pub retry_floor: Duration,
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
            retry_floor: Duration::from_millis(250),
            log_successes: true,
        }
    }
}

/// A client for one account: a base URL and its key. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Client {
    /// Built at the first request and shared by every clone: building it reads the system's
    /// root certificates, CPU that a window just opening has better use for.
    http: Arc<OnceLock<reqwest::Client>>,
    base: Url,
    key: SecretString,
    redactor: Redactor,
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
        let redactor = Redactor::new(&api_key);
        Ok(Client {
            http: Arc::default(),
            base,
            key: api_key,
            redactor,
            options,
        })
    }

    /// The HTTP client, built now if no request was sent yet.
    fn http(&self) -> Result<&reqwest::Client, ApiError> {
        if let Some(http) = self.http.get() {
            return Ok(http);
        }
        let built = reqwest::Client::builder()
            .connect_timeout(self.options.connect_timeout)
            .timeout(self.options.timeout)
            .user_agent(concat!(
                "rickrut-dashboard/",
                env!("CARGO_PKG_VERSION"),
                " (+https://www.rickrut.com/api)"
            ))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| connection_error(&self.redactor, e))?;
        // Two first requests at once may both build one; the first one kept serves both.
        Ok(self.http.get_or_init(|| built))
    }

    pub fn base_url(&self) -> &Url {
        &self.base
    }

    pub fn options(&self) -> &ClientOptions {
        &self.options
    }

    /// The retry policy every call of this client follows.
    pub fn policy(&self) -> RetryPolicy {
        RetryPolicy {
            deadline: self.options.timeout,
            max_attempts: self.options.max_retries.saturating_add(1),
            floor: self.options.retry_floor,
        }
    }

    /// Whether the server's host answers a connection within a few seconds: a timed refresh
    /// waits while this machine is offline instead of failing every applicant.
    pub async fn reachable(&self) -> bool {
        let Some(host) = self.base.host_str() else {
            return false;
        };
        let Some(port) = self.base.port_or_known_default() else {
            return false;
        };
        let connect = tokio::net::TcpStream::connect((host.trim_matches(['[', ']']), port));
        matches!(
            tokio::time::timeout(std::time::Duration::from_secs(5), connect).await,
            Ok(Ok(_))
        )
    }

    /// The same client (and connection pool), logging successful calls at debug only.
    pub fn with_quiet_successes(&self) -> Client {
        let mut client = self.clone();
        client.options.log_successes = false;
        client
    }

    /// `GET applicants/{id}`, repeated as the policy allows.
    pub async fn get_applicant(&self, id: ApplicantId) -> Result<ApplicantResponse, ApiError> {
        let url = self.url(&format!("applicants/{id}"))?;
        let mut budget = self.policy().start();
        self.send(
            Repeat::repeated(true),
            "GET",
            &url,
            |http| http.get(url.clone()),
            decode_applicant_response,
            &mut budget,
        )
        .await
    }

    /// `GET applicants/{id}` once, within what is left of `budget`, answering `None` when
    /// `known` recognises the applicant's JSON as received: what a refresh asks, which
    /// repeats on its own (one pause for everyone).
    pub async fn get_applicant_once(
        &self,
        id: ApplicantId,
        known: impl Fn(&str) -> bool,
        budget: &mut Budget,
    ) -> Result<Option<ApplicantResponse>, ApiError> {
        let url = self.url(&format!("applicants/{id}"))?;
        self.send(
            Repeat::ONCE,
            "GET",
            &url,
            |http| http.get(url.clone()),
            |status, body| decode_applicant_response_unless(status, body, &known),
            budget,
        )
        .await
    }

    /// `POST applicants`, repeated only after a 429. The input is checked first; bad input
    /// never reaches the network.
    pub async fn create_applicant(
        &self,
        new: &NewApplicant,
    ) -> Result<ApplicantResponse, ApiError> {
        let mut budget = self.policy().start();
        self.create(new, Repeat::repeated(false), &mut budget).await
    }

    /// `POST applicants` once, within what is left of `budget` (a bulk invite's row).
    pub async fn create_applicant_once(
        &self,
        new: &NewApplicant,
        budget: &mut Budget,
    ) -> Result<ApplicantResponse, ApiError> {
        self.create(new, Repeat::ONCE, budget).await
    }

    async fn create(
        &self,
        new: &NewApplicant,
        how: Repeat,
        budget: &mut Budget,
    ) -> Result<ApplicantResponse, ApiError> {
        new.validate()?;
        let url = self.url("applicants")?;
        self.send(
            how,
            "POST",
            &url,
            |http| http.post(url.clone()).json(new),
            decode_applicant_response,
            budget,
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

    /// Sends within the budget, and repeats when `how` and the answer allow it; a success
    /// body goes through `decode`.
    async fn send<T>(
        &self,
        how: Repeat,
        method: &str,
        url: &Url,
        request: impl Fn(&reqwest::Client) -> reqwest::RequestBuilder,
        decode: impl Fn(u16, &[u8]) -> Result<T, ApiError>,
        budget: &mut Budget,
    ) -> Result<T, ApiError> {
        let path = url.path();
        let http = self.http()?;
        loop {
            if !budget.take_attempt() {
                return Err(ApiError::Timeout {
                    after: budget.elapsed(),
                });
            }
            let attempt = request(http).timeout(budget.remaining());
            let err = match self.send_once(attempt, method, path, &decode, budget).await {
                Ok(ok) => return Ok(ok),
                Err(err) => err,
            };
            let retryable = match &err {
                ApiError::RateLimited { .. } => true,
                e => how.idempotent && e.is_transient(),
            };
            if !how.repeat || !retryable {
                return Err(err);
            }
            let asked = match &err {
                ApiError::RateLimited { retry_after } => *retry_after,
                _ => None,
            };
            match budget.wait(asked) {
                Ok(wait) => {
                    tracing::debug!(attempt = budget.attempts(), wait_ms = wait.as_millis() as u64, error = %err, "retrying");
                    tokio::time::sleep(wait).await;
                }
                Err(GiveUp::OutOfTime { .. } | GiveUp::OutOfAttempts) => return Err(err),
            }
        }
    }

    async fn send_once<T>(
        &self,
        request: reqwest::RequestBuilder,
        method: &str,
        path: &str,
        decode: impl Fn(u16, &[u8]) -> Result<T, ApiError>,
        budget: &Budget,
    ) -> Result<T, ApiError> {
        let started = Instant::now();
        let response = request
            .send()
            .await
            .map_err(|e| self.map_reqwest_error(e, budget))?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(parse_retry_after);
        let body = self.read_capped(response, budget).await?;
        // Whatever the server wrote, the key goes before anything reads it.
        let body = match self.redactor.bytes(&body) {
            Some(redacted) => redacted,
            None => body,
        };
        let elapsed_ms = started.elapsed().as_millis() as u64;
        if self.options.log_successes || !status.is_success() {
            tracing::info!(%method, %path, status = status.as_u16(), bytes = body.len(), elapsed_ms, "api call");
        } else {
            tracing::debug!(%method, %path, status = status.as_u16(), bytes = body.len(), elapsed_ms, "api call");
        }
        map_response(status, retry_after, &body, decode)
    }

    async fn read_capped(
        &self,
        mut response: reqwest::Response,
        budget: &Budget,
    ) -> Result<Vec<u8>, ApiError> {
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
            .map_err(|e| self.map_reqwest_error(e, budget))?
        {
            if body.len() + chunk.len() > limit {
                return Err(ApiError::BodyTooLarge { limit });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    fn map_reqwest_error(&self, err: reqwest::Error, budget: &Budget) -> ApiError {
        let err = err.without_url();
        if err.is_timeout() {
            return ApiError::Timeout {
                after: budget.elapsed(),
            };
        }
        connection_error(&self.redactor, err)
    }
}

/// How a call is sent: repeated or not, and whether repeating it cannot create twice.
#[derive(Clone, Copy)]
struct Repeat {
    repeat: bool,
    idempotent: bool,
}

impl Repeat {
    const ONCE: Repeat = Repeat {
        repeat: false,
        idempotent: false,
    };

    fn repeated(idempotent: bool) -> Repeat {
        Repeat {
            repeat: true,
            idempotent,
        }
    }
}

fn map_response<T>(
    status: StatusCode,
    retry_after: Option<Duration>,
    body: &[u8],
    decode: impl Fn(u16, &[u8]) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    if status.is_success() {
        return decode(status.as_u16(), body);
    }
    Err(super::envelope::error_from_response(
        status.as_u16(),
        retry_after,
        body,
    ))
}
