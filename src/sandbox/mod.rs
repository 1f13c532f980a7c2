//! A RickRut-compatible HTTP server (axum) with seed data, for the demo, the tests and by
//! hand. It shares nothing with the client but JSON, so a mistake in the client's types
//! cannot hide by being mirrored here.

mod seed;
mod state;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State as AxumState};
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use rand::Rng;
use serde_json::{Value, json};
use tokio::sync::watch;

pub use seed::{FIRST_CROWD_ID, MANY_ANSWERS_ID, crowd};
use state::State;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Seed {
    /// Openings and 57 applicants across every status (see assets/sandbox/README.md).
    #[default]
    Demo,
    /// Openings only.
    Empty,
}

#[derive(Clone, Debug)]
pub struct SandboxConfig {
    pub addr: SocketAddr,
    /// Accepted keys; empty means one is generated.
    pub api_keys: Vec<String>,
    pub seed: Seed,
    /// Keep state in this SQLite file (it survives restarts); `None` keeps it in memory.
    pub db: Option<PathBuf>,
    /// Added before every answer.
    pub latency: Duration,
    /// Requests per second over all clients; over it the answer is 429 with `Retry-After`.
    pub rate_limit: Option<u32>,
    /// Invited applicants move a step every `simulate_step` until SCORED.
    pub simulate: bool,
    pub simulate_step: Duration,
    /// Accept a repeated invite (same email, same opening) instead of answering 422, so a
    /// test can prove a client never sends one twice by itself.
    pub allow_duplicates: bool,
    /// Misbehave on purpose, for testing clients (see [`Fault`]).
    pub fault: Option<Fault>,
    /// With `Fault::Random`, the share of requests that get one of the other faults.
    pub fault_rate: f64,
    /// This many generated applicants besides the seed (IDs from 1000001).
    pub crowd: u32,
}

/// Ways the sandbox can misbehave, each standing for something real servers and proxies do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Fault {
    /// Headers at once, then the body a byte every half second.
    SlowBody,
    /// The connection dropped halfway through the body.
    Reset,
    /// A proxy's HTML 502 page.
    #[value(name = "html-502")]
    Html502,
    /// A 200 whose JSON stops halfway.
    TruncatedJson,
    /// Numbers where strings are, objects where arrays are.
    WrongTypes,
    /// A 50 MiB body.
    Huge,
    /// Errors as `{"errors": {...}}`, the reference's other envelope shape.
    ErrorsObject,
    /// 429 without `Retry-After`.
    #[value(name = "no-retry-after-429")]
    NoRetryAfter429,
    /// Each request one of the above, at `--fault-rate`.
    Random,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            api_keys: Vec::new(),
            seed: Seed::Demo,
            db: None,
            latency: Duration::ZERO,
            rate_limit: None,
            simulate: false,
            simulate_step: Duration::from_secs(10),
            allow_duplicates: false,
            fault: None,
            fault_rate: 0.5,
            crowd: 0,
        }
    }
}

/// `rickrut-dashboard sandbox` options.
#[derive(Clone, Debug, clap::Args)]
pub struct SandboxArgs {
    /// Address to listen on; port 0 picks a free one.
    #[arg(long, default_value = "127.0.0.1:0")]
    pub addr: SocketAddr,
    /// An accepted API key (repeat for more). Without one, a key is generated and printed.
    #[arg(long = "api-key", value_name = "KEY")]
    pub api_keys: Vec<String>,
    /// Which data to start with.
    #[arg(long, value_enum, default_value_t = Seed::Demo)]
    pub seed: Seed,
    /// Keep state in this SQLite file, so it survives a restart.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// Wait this long before every answer.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub latency_ms: u64,
    /// Answer 429 with Retry-After beyond this many requests per second.
    #[arg(long, value_name = "N_PER_SECOND")]
    pub rate_limit: Option<u32>,
    /// Move invited applicants through the steps to SCORED over a couple of minutes.
    #[arg(long)]
    pub simulate: bool,
    /// Time between two steps of the simulation.
    #[arg(
        long,
        value_name = "MS",
        default_value_t = 10_000,
        hide_short_help = true
    )]
    pub simulate_step_ms: u64,
    /// Accept an email invited again to the same opening (no 422), for testing clients.
    #[arg(long)]
    pub allow_duplicates: bool,
    /// Misbehave on purpose on the API's routes, to test clients.
    #[arg(long, value_enum)]
    pub fault: Option<Fault>,
    /// With --fault random, the share of requests that misbehave (0 to 1).
    #[arg(long, default_value_t = 0.5)]
    pub fault_rate: f64,
    /// Add N generated applicants (IDs from 1000001), for load tests and benchmarks.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub crowd: u32,
}

impl From<SandboxArgs> for SandboxConfig {
    fn from(a: SandboxArgs) -> Self {
        SandboxConfig {
            addr: a.addr,
            api_keys: a.api_keys,
            seed: a.seed,
            db: a.db,
            latency: Duration::from_millis(a.latency_ms),
            rate_limit: a.rate_limit.filter(|n| *n > 0),
            simulate: a.simulate,
            simulate_step: Duration::from_millis(a.simulate_step_ms.max(10)),
            allow_duplicates: a.allow_duplicates,
            fault: a.fault,
            fault_rate: a.fault_rate.clamp(0.0, 1.0),
            crowd: a.crowd,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error("The sandbox could not listen on {addr}: {reason}.")]
    Bind { addr: SocketAddr, reason: String },
    #[error("The sandbox's database failed: {0}.")]
    Database(String),
    #[error("The sandbox's seed data is damaged: {0}.")]
    Seed(String),
    #[error("The sandbox stopped unexpectedly: {0}.")]
    Serve(String),
}

struct Shared {
    fault: Option<Fault>,
    fault_rate: f64,
    allow_duplicates: bool,
    stats: Arc<Counters>,
    keys: Vec<String>,
    latency: Duration,
    limiter: Option<Mutex<TokenBucket>>,
    state: Mutex<State>,
}

/// What the sandbox answered, for tests that check a client's manners.
#[derive(Debug, Default)]
pub struct Counters {
    /// Every request that reached a documented endpoint.
    pub requests: std::sync::atomic::AtomicU64,
    pub rate_limited: std::sync::atomic::AtomicU64,
}

/// `rate` tokens a second, at most `rate` saved up.
struct TokenBucket {
    rate: f64,
    tokens: f64,
    last: Instant,
}

impl TokenBucket {
    /// `Ok` when a request may go, else how long until one may.
    fn take(&mut self) -> Result<(), Duration> {
        let now = Instant::now();
        let elapsed = now.duration_since(self.last).as_secs_f64();
        self.last = now;
        self.tokens = (self.tokens + elapsed * self.rate).min(self.rate);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - self.tokens) / self.rate))
        }
    }
}

/// A running sandbox. Dropping it stops the server.
pub struct Sandbox {
    stats: Arc<Counters>,
    addr: SocketAddr,
    key: String,
    generated: bool,
    stop: watch::Sender<bool>,
    server: Option<tokio::task::JoinHandle<()>>,
}

impl Sandbox {
    pub async fn start(config: SandboxConfig) -> Result<Sandbox, SandboxError> {
        let (keys, generated) = if config.api_keys.is_empty() {
            (vec![generate_key()], true)
        } else {
            (config.api_keys.clone(), false)
        };
        let seed = config.seed;
        let db = config.db.clone();
        let crowd = config.crowd;
        let state = tokio::task::spawn_blocking(move || {
            let mut state = State::open(seed, db.as_deref())?;
            state.add_crowd(crowd);
            Ok::<_, SandboxError>(state)
        })
        .await
        .map_err(|e| SandboxError::Serve(e.to_string()))??;
        let stats = Arc::new(Counters::default());
        let shared = Arc::new(Shared {
            fault: config.fault,
            fault_rate: config.fault_rate,
            allow_duplicates: config.allow_duplicates,
            stats: stats.clone(),
            keys: keys.clone(),
            latency: config.latency,
            limiter: config.rate_limit.map(|rate| {
                Mutex::new(TokenBucket {
                    rate: f64::from(rate),
                    tokens: f64::from(rate),
                    last: Instant::now(),
                })
            }),
            state: Mutex::new(state),
        });
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|e| SandboxError::Bind {
                addr: config.addr,
                reason: e.to_string(),
            })?;
        let addr = listener.local_addr().map_err(|e| SandboxError::Bind {
            addr: config.addr,
            reason: e.to_string(),
        })?;
        let (stop, stopped) = watch::channel(false);
        if config.simulate {
            tokio::spawn(simulate(
                shared.clone(),
                config.simulate_step,
                stopped.clone(),
            ));
        }
        let app = Router::new()
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
            .with_state(shared);
        let mut shutdown = stopped;
        let server = tokio::spawn(async move {
            let result = axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    // Stops on `shutdown()`, and when the `Sandbox` is dropped.
                    while !*shutdown.borrow() {
                        if shutdown.changed().await.is_err() {
                            break;
                        }
                    }
                })
                .await;
            if let Err(e) = result {
                tracing::error!("sandbox server stopped: {e}");
            }
        });
        tracing::info!(%addr, "sandbox listening");
        Ok(Sandbox {
            stats,
            addr,
            key: keys.into_iter().next().unwrap_or_default(),
            generated,
            stop,
            server: Some(server),
        })
    }

    /// `http://127.0.0.1:PORT/api/v1/`.
    pub fn base_url(&self) -> String {
        format!("http://{}/api/v1/", self.addr)
    }

    /// The first accepted key (the generated one when none was given).
    pub fn api_key(&self) -> &str {
        &self.key
    }

    pub fn key_was_generated(&self) -> bool {
        self.generated
    }

    /// How many requests were answered, and how many of them with 429.
    pub fn counters(&self) -> (u64, u64) {
        use std::sync::atomic::Ordering::Relaxed;
        (
            self.stats.requests.load(Relaxed),
            self.stats.rate_limited.load(Relaxed),
        )
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// Stops accepting, finishes the requests in flight, and returns when the server is down.
    pub async fn shutdown(mut self) {
        let _ = self.stop.send(true);
        if let Some(server) = self.server.take() {
            let _ = server.await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

/// `rickrut-dashboard sandbox`: prints where it listens (and the generated key), then serves
/// until SIGINT or SIGTERM.
pub async fn run_standalone(config: SandboxConfig) -> Result<(), SandboxError> {
    use std::io::Write as _;
    let sandbox = Sandbox::start(config).await?;
    {
        let mut out = std::io::stdout().lock();
        let mut lines = format!("base_url={}\n", sandbox.base_url());
        if sandbox.key_was_generated() {
            lines.push_str(&format!("api_key={}\n", sandbox.api_key()));
        }
        let _ = out.write_all(lines.as_bytes()).and_then(|()| out.flush());
    }
    wait_for_signal().await;
    sandbox.shutdown().await;
    Ok(())
}

#[cfg(unix)]
async fn wait_for_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    match signal(SignalKind::terminate()) {
        Ok(mut term) => {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
        }
        Err(_) => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

#[cfg(not(unix))]
async fn wait_for_signal() {
    let _ = tokio::signal::ctrl_c().await;
}

fn generate_key() -> String {
    let mut rng = rand::rng();
    (0..40)
        .map(|_| char::from(b"0123456789abcdef"[rng.random_range(0..16)]))
        .collect()
}

/// The error envelope the reference documents.
fn error(status: StatusCode, id: &str, details: impl Into<String>) -> Response {
    let body = json!({
        "errors": [{ "id": id, "code": status.as_u16(), "details": details.into() }]
    });
    (status, axum::Json(body)).into_response()
}

fn success(status: StatusCode, applicant: Value) -> Response {
    let request_id = format!("{:016x}", rand::rng().random::<u64>());
    let body = json!({
        "data": { "applicant": applicant },
        "meta": { "request_id": request_id, "sandbox": true }
    });
    (status, axum::Json(body)).into_response()
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

/// The fault for this request, if any (`Random` draws one, at the configured rate).
fn pick_fault(shared: &Shared) -> Option<Fault> {
    match shared.fault? {
        Fault::Random => {
            let mut rng = rand::rng();
            if !rng.random_bool(shared.fault_rate.clamp(0.0, 1.0)) {
                return None;
            }
            const ALL: [Fault; 8] = [
                Fault::SlowBody,
                Fault::Reset,
                Fault::Html502,
                Fault::TruncatedJson,
                Fault::WrongTypes,
                Fault::Huge,
                Fault::ErrorsObject,
                Fault::NoRetryAfter429,
            ];
            Some(ALL[rng.random_range(0..ALL.len())])
        }
        fault => Some(fault),
    }
}

/// The answer a misbehaving server gives instead of the real one.
fn misbehave(fault: Option<Fault>, id: &str) -> Response {
    let json = |status: StatusCode, body: String| {
        let mut r = (status, body).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        r
    };
    let example = || {
        json!({"data": {"applicant": {"id": 31415, "email": "john.smith@gmail.com", "status": "SCORED",
            "skill_score": "15.0", "quizz_answers": [], "case_answers": [], "poll_answers": []}}})
        .to_string()
    };
    match fault {
        None | Some(Fault::Random) => error(StatusCode::NOT_FOUND, "not_found", "No applicant"),
        Some(Fault::SlowBody) => {
            let body = example().into_bytes();
            let stream = futures_util::stream::unfold(0usize, move |at| {
                let body = body.clone();
                async move {
                    if at >= body.len() {
                        return None;
                    }
                    if at > 0 {
                        tokio::time::sleep(Duration::from_millis(500)).await;
                    }
                    Some((Ok::<_, std::io::Error>(Bytes::copy_from_slice(&body[at..=at])), at + 1))
                }
            });
            let mut r = Response::new(axum::body::Body::from_stream(stream));
            r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            r
        }
        Some(Fault::Reset) => {
            let half = example().into_bytes();
            let head = Bytes::copy_from_slice(&half[..half.len() / 2]);
            let stream = futures_util::stream::iter([
                Ok(head),
                Err(std::io::Error::new(std::io::ErrorKind::ConnectionReset, "sandbox fault: reset")),
            ]);
            let mut r = Response::new(axum::body::Body::from_stream(stream));
            r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            r
        }
        Some(Fault::Html502) => {
            let mut r = (
                StatusCode::BAD_GATEWAY,
                "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>",
            )
                .into_response();
            r.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
            r
        }
        Some(Fault::TruncatedJson) => {
            let full = example();
            json(StatusCode::OK, full[..full.len() / 2].to_owned())
        }
        Some(Fault::WrongTypes) => json(
            StatusCode::OK,
            json!({"data": {"applicant": {"id": 31415, "email": 42, "status": "SCORED",
                "skill_score": {"value": 15}, "quizz_answers": {"0": {}}, "case_answers": [], "poll_answers": []}}})
            .to_string(),
        ),
        Some(Fault::Huge) => {
            let filler = " ".repeat(50 * 1024 * 1024);
            json(StatusCode::OK, format!("{{\"data\":{{\"applicant\":{{\"id\":1}}}},\"pad\":\"{filler}\"}}"))
        }
        Some(Fault::ErrorsObject) => json(
            StatusCode::NOT_FOUND,
            json!({"errors": {"id": "not_found", "code": 404, "details": format!("No applicant has the id {}", truncate(id))}})
                .to_string(),
        ),
        Some(Fault::NoRetryAfter429) => error(
            StatusCode::TOO_MANY_REQUESTS,
            "rate_limited",
            "You have reached your usage limit",
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

fn truncate(text: &str) -> String {
    let mut out: String = text.chars().take(80).collect();
    if text.chars().count() > 80 {
        out.push('…');
    }
    out
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

/// Moves invited applicants a step at a time to SCORED, with answers and scores at the end.
async fn simulate(shared: Arc<Shared>, step: Duration, mut stopped: watch::Receiver<bool>) {
    let mut ticker = tokio::time::interval(step);
    ticker.tick().await;
    loop {
        tokio::select! {
            _ = ticker.tick() => {}
            changed = stopped.changed() => {
                if changed.is_err() || *stopped.borrow() {
                    return;
                }
            }
        }
        let shared = shared.clone();
        let _ = tokio::task::spawn_blocking(move || advance_all(&shared)).await;
    }
}

fn advance_all(shared: &Shared) {
    let Ok(mut state) = shared.state.lock() else {
        return;
    };
    let now = chrono::Utc::now();
    let moving: Vec<Value> = state
        .applicants
        .values()
        .filter(|a| {
            matches!(
                a["status"].as_str(),
                Some("INVITED" | "STARTED" | "COMPLETED")
            )
        })
        .cloned()
        .collect();
    for mut applicant in moving {
        let step = applicant["step"].as_u64().unwrap_or(0) + 1;
        let status = match step {
            0 => "INVITED",
            1..=4 => "STARTED",
            5 => "COMPLETED",
            _ => "SCORED",
        };
        applicant["step"] = json!(step.min(6));
        applicant["status"] = json!(status);
        applicant["updated_at"] = json!(now.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        if status == "SCORED" {
            seed::finish(&mut applicant, now);
        }
        if let Err(e) = state.update(applicant) {
            tracing::warn!("sandbox simulation could not save: {e}");
        }
    }
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

    #[test]
    fn token_bucket_refuses_past_the_rate() {
        let mut bucket = TokenBucket {
            rate: 2.0,
            tokens: 2.0,
            last: Instant::now(),
        };
        assert!(bucket.take().is_ok());
        assert!(bucket.take().is_ok());
        let wait = bucket.take().unwrap_err();
        assert!(wait <= Duration::from_millis(500));
    }
}
