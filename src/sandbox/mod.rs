//! A RickRut-compatible HTTP server (axum) with seed data, for the demo, the tests and by
//! hand. It shares nothing with the client but JSON, so a mistake in the client's types
//! cannot hide by being mirrored here.

mod config;
mod envelope;
mod faults;
mod routes;
mod seed;
mod simulate;
mod state;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::Rng;
use tokio::sync::watch;

pub use config::{SandboxArgs, SandboxConfig, Seed};
pub use faults::Fault;
pub use routes::OPENAPI_JSON;
pub use seed::{
    FIRST_CROWD_ID, MANY_ANSWERS_ID, crowd, crowd_part, demo_applicants, demo_openings,
};
use state::State;

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
            tokio::spawn(simulate::simulate(
                shared.clone(),
                config.simulate_step,
                stopped.clone(),
            ));
        }
        let app = routes::router(shared);
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

#[cfg(test)]
mod tests {
    use super::*;

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
