//! The team engine: PostgreSQL through tokio-postgres, on the store's own thread with a small
//! runtime of its own (never the app's). Statements are the ones SQLite runs, their `?1`
//! parameters spelled `$1`, each prepared once per connection; values are sent as the
//! column's own type. Inside a transaction, writes whose answer nobody reads wait and leave
//! together with the next statement (pipelined): a round trip is the cost that counts. Writes
//! to different tables done side by side (an invite recorded) leave as one statement: on the
//! server, each statement costs its own parse, lock and executor start, whatever it writes.

use std::collections::HashMap;
use std::time::Duration;

use std::future::Future;
use std::pin::Pin;
use std::task::Poll;

use tokio_postgres::Statement;
use tokio_postgres::types::ToSql;

mod side_by_side;
mod statements;
mod values;
use secrecy::{ExposeSecret, SecretString};
use statements::dollar_params;
use values::Param;

use super::StoreError;
use super::sql::{Db, Engine, Row, Value};

/// How long connecting may take before the team database is called unreachable.
const CONNECT_WITHIN: Duration = Duration::from_secs(10);

/// A connection to the team database, driven by a small runtime of its own on the store's
/// thread.
pub struct Postgres {
    runtime: tokio::runtime::Runtime,
    client: tokio_postgres::Client,
    prepared: HashMap<String, Statement>,
    /// Writes of the transaction under way that wait for the next statement to leave with.
    waiting: Vec<Waiting>,
    in_transaction: bool,
    /// Writes of a [`Store::side_by_side`](super::Store::side_by_side) under way, to leave as
    /// one statement.
    side_by_side: Option<Vec<(String, Vec<Param>)>>,
}

/// Where the team database is: a `postgres://user@host:port/db` URL and its password (from
/// the OS keyring). Neither Debug nor an error ever shows the password.
#[derive(Clone)]
pub struct TeamDb {
    pub url: String,
    pub password: Option<SecretString>,
}

impl std::fmt::Debug for TeamDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TeamDb")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl Postgres {
    /// Connects, with TLS (rustls, the platform's certificates) whenever the server offers
    /// it; a password written into the URL is refused (it belongs in the keyring).
    pub fn connect(team: &TeamDb) -> Result<Postgres, StoreError> {
        let mut config: tokio_postgres::Config =
            team.url
                .parse()
                .map_err(|e: tokio_postgres::Error| StoreError::TeamAddress {
                    detail: e.to_string(),
                })?;
        if config.get_password().is_some() {
            return Err(StoreError::TeamAddress {
                detail: "the URL holds a password".into(),
            });
        }
        if let Some(password) = &team.password {
            config.password(password.expose_secret());
        }
        config
            .connect_timeout(CONNECT_WITHIN)
            .keepalives_idle(Duration::from_secs(30))
            .application_name("rickrut-dashboard");
        let tls = <rustls::ClientConfig as rustls_platform_verifier::ConfigVerifierExt>::with_platform_verifier()
            .map(tokio_postgres_rustls::MakeRustlsConnect::new)
            .map_err(|e| StoreError::TeamUnreachable {
                detail: format!("TLS could not be set up: {e}"),
            })?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| StoreError::TeamUnreachable {
                detail: format!("the team database's runtime did not start: {e}"),
            })?;
        let (client, connection) = runtime.block_on(config.connect(tls))?;
        // The connection runs whenever the store's thread waits on the database.
        runtime.spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!("the team database's connection ended: {e}");
            }
        });
        Ok(Postgres {
            runtime,
            client,
            prepared: HashMap::new(),
            waiting: Vec::new(),
            in_transaction: false,
            side_by_side: None,
        })
    }

    /// Whether the connection was lost (the server stopped, the network dropped).
    pub fn is_closed(&self) -> bool {
        self.client.is_closed()
    }
}

impl From<tokio_postgres::Error> for StoreError {
    fn from(e: tokio_postgres::Error) -> Self {
        let detail = crate::logging::with_causes(&e);
        match e.code() {
            Some(code) if code.code().starts_with("08") || code.code().starts_with("57P") => {
                StoreError::TeamUnreachable { detail }
            }
            Some(code) if code.code() == "28P01" || code.code() == "28000" => {
                StoreError::TeamRefused { detail }
            }
            Some(code) if code.code() == "3D000" => StoreError::TeamRefused { detail },
            Some(_) => StoreError::Team(detail),
            None => StoreError::TeamUnreachable { detail },
        }
    }
}

/// A statement whose answer nobody waits for, kept until one is needed.
enum Waiting {
    /// `BEGIN` or `COMMIT`.
    Plain(&'static str),
    Statement(Statement, Vec<Param>),
}

type Sent<'a> = Pin<Box<dyn Future<Output = Result<u64, tokio_postgres::Error>> + 'a>>;

/// Every future to the end, each polled first in the order given (each sends its request
/// on its first poll, so the server receives them in that order, one after the other on
/// the wire, and answers them all in one round trip).
async fn in_order(mut sent: Vec<Sent<'_>>) -> Vec<Result<u64, tokio_postgres::Error>> {
    let mut answers: Vec<Option<Result<u64, tokio_postgres::Error>>> =
        sent.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut waiting = false;
        for (future, answer) in sent.iter_mut().zip(answers.iter_mut()) {
            if answer.is_none() {
                match future.as_mut().poll(cx) {
                    Poll::Ready(result) => *answer = Some(result),
                    Poll::Pending => waiting = true,
                }
            }
        }
        if waiting {
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    })
    .await;
    answers.into_iter().flatten().collect()
}

/// Sends what was waiting, then `last`, in one round trip; answers `last`'s answer, or the
/// first error among them all.
fn with_waiting<T>(
    runtime: &tokio::runtime::Runtime,
    client: &tokio_postgres::Client,
    waiting: Vec<Waiting>,
    last: impl Future<Output = Result<T, tokio_postgres::Error>>,
) -> Result<T, StoreError> {
    let (earlier, last) = runtime.block_on(async {
        let sent: Vec<Sent<'_>> = waiting
            .iter()
            .map(|w| -> Sent<'_> {
                match w {
                    Waiting::Plain(sql) => {
                        Box::pin(async move { client.batch_execute(sql).await.map(|()| 0) })
                    }
                    Waiting::Statement(stmt, params) => {
                        Box::pin(async move { client.execute(stmt, &as_params(params)).await })
                    }
                }
            })
            .collect();
        // The earlier ones are polled first: their requests leave before `last`'s.
        futures_util::future::join(in_order(sent), last).await
    });
    for answer in earlier {
        answer?;
    }
    Ok(last?)
}

fn as_params<P: ToSql + Sync>(params: &[P]) -> Vec<&(dyn ToSql + Sync)> {
    params.iter().map(|p| p as _).collect()
}

impl Postgres {
    fn statement(&mut self, sql: &str) -> Result<Statement, StoreError> {
        if let Some(stmt) = self.prepared.get(sql) {
            return Ok(stmt.clone());
        }
        let stmt = with_waiting(
            &self.runtime,
            &self.client,
            std::mem::take(&mut self.waiting),
            self.client.prepare(&dollar_params(sql)),
        )?;
        self.prepared.insert(sql.to_owned(), stmt.clone());
        Ok(stmt)
    }

    fn send_waiting(&mut self) -> Result<(), StoreError> {
        self.line_up_side_by_side()?;
        if self.waiting.is_empty() {
            return Ok(());
        }
        let waiting = std::mem::take(&mut self.waiting);
        with_waiting(&self.runtime, &self.client, waiting, async { Ok(()) })
    }

    /// Starts a transaction unless one is under way (then the work is part of it); answers
    /// whether it started one. BEGIN leaves with the transaction's first statement.
    pub(super) fn begin(&mut self) -> bool {
        if self.in_transaction {
            return false;
        }
        self.waiting.push(Waiting::Plain("BEGIN"));
        self.in_transaction = true;
        true
    }

    /// Ends the transaction [`begin`](Self::begin) started: committed when the work was
    /// done, rolled back when it failed.
    pub(super) fn finish<T>(&mut self, done: Result<T, StoreError>) -> Result<T, StoreError> {
        let done = match done {
            Ok(answer) => self.line_up_side_by_side().map(|()| answer),
            Err(e) => {
                if let Some(group) = self.side_by_side.as_mut() {
                    group.clear();
                }
                Err(e)
            }
        };
        self.in_transaction = false;
        match done {
            // Nothing was sent since the last commit (see `query_then_commit`): nothing to end.
            Ok(answer) if matches!(self.waiting[..], [Waiting::Plain("BEGIN")]) => {
                self.waiting.clear();
                Ok(answer)
            }
            Ok(answer) => {
                self.waiting.push(Waiting::Plain("COMMIT"));
                self.send_waiting().map(|()| answer)
            }
            Err(e) => {
                let sent = !matches!(self.waiting.first(), Some(Waiting::Plain("BEGIN")));
                self.waiting.clear();
                if sent {
                    let _ = self.batch("ROLLBACK");
                }
                Err(e)
            }
        }
    }
}

impl Db for Postgres {
    fn engine(&self) -> Engine {
        Engine::Postgres
    }

    fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> Result<u64, StoreError> {
        self.line_up_side_by_side()?;
        let stmt = self.statement(sql)?;
        let waiting = std::mem::take(&mut self.waiting);
        let params = as_params(params);
        with_waiting(
            &self.runtime,
            &self.client,
            waiting,
            self.client.execute(&stmt, &params),
        )
    }

    /// Inside a transaction, the write waits and leaves with the next statement whose answer
    /// is needed (or with the commit): one round trip for many writes. Its error, if any,
    /// fails that statement, and so the transaction.
    ///
    /// In a side-by-side group, a write to a table no write of the group changes joins it;
    /// another to one of its tables (or a write of another kind) follows it.
    fn write(&mut self, sql: &str, params: &[Value<'_>]) -> Result<(), StoreError> {
        if self.join_side_by_side(sql, params)? {
            return Ok(());
        }
        if !self.in_transaction {
            return self.execute(sql, params).map(|_| ());
        }
        let stmt = self.statement(sql)?;
        self.waiting.push(Waiting::Statement(
            stmt,
            params.iter().map(Param::of).collect(),
        ));
        Ok(())
    }

    fn query(
        &mut self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&dyn Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.line_up_side_by_side()?;
        let stmt = self.statement(sql)?;
        let waiting = std::mem::take(&mut self.waiting);
        let params = as_params(params);
        let rows = with_waiting(
            &self.runtime,
            &self.client,
            waiting,
            self.client.query(&stmt, &params),
        )?;
        for row in &rows {
            each(row)?;
        }
        Ok(())
    }

    /// The query, then COMMIT, sent one after the other with what was waiting: one round
    /// trip. Whatever the answer, the transaction has ended on the server: one in which a
    /// statement failed there is rolled back (PostgreSQL answers a COMMIT after an error
    /// with a rollback), and what was written before a statement that never left (its
    /// values could not be encoded) is committed, the error still answered. What follows
    /// begins a new transaction, which costs nothing if nothing follows.
    fn query_then_commit(
        &mut self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&dyn Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        if !self.in_transaction {
            return self.query(sql, params, each);
        }
        self.line_up_side_by_side()?;
        let stmt = self.statement(sql)?;
        let waiting = std::mem::take(&mut self.waiting);
        let params = as_params(params);
        let client = &self.client;
        let answered = with_waiting(&self.runtime, client, waiting, async {
            // The query is polled first: its request leaves before the commit's.
            let (rows, committed) = futures_util::future::join(
                client.query(&stmt, &params),
                client.batch_execute("COMMIT"),
            )
            .await;
            committed.and(rows)
        });
        self.waiting.push(Waiting::Plain("BEGIN"));
        for row in &answered? {
            each(row)?;
        }
        Ok(())
    }

    fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        self.line_up_side_by_side()?;
        let waiting = std::mem::take(&mut self.waiting);
        with_waiting(
            &self.runtime,
            &self.client,
            waiting,
            self.client.batch_execute(sql),
        )
    }

    fn transaction(
        &mut self,
        work: &mut dyn FnMut(&mut dyn Db) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        if !self.begin() {
            return work(self);
        }
        let done = work(self);
        self.finish(done)
    }
}
