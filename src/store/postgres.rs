//! The team engine: PostgreSQL through the synchronous `postgres` client, on the store's own
//! thread (the client runs its own small runtime, so it is never called from the app's).
//! Statements are the ones SQLite runs, their `?1` parameters spelled `$1`, each prepared once
//! per connection; values are sent as the column's own type.

use std::collections::HashMap;
use std::error::Error as StdError;
use std::time::Duration;

use postgres::types::private::BytesMut;
use postgres::types::{FromSql, IsNull, ToSql, Type};
use postgres::{GenericClient, Statement};
use secrecy::{ExposeSecret, SecretString};

use super::StoreError;
use super::sql::{Db, Engine, Row, Value};

/// How long connecting may take before the team database is called unreachable.
const CONNECT_WITHIN: Duration = Duration::from_secs(10);

/// A connection to the team database.
pub struct Postgres {
    client: postgres::Client,
    prepared: HashMap<String, Statement>,
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
        let mut config: postgres::Config =
            team.url
                .parse()
                .map_err(|e: postgres::Error| StoreError::TeamAddress {
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
        let client = config.connect(tls).map_err(StoreError::from)?;
        Ok(Postgres {
            client,
            prepared: HashMap::new(),
        })
    }

    /// Whether the connection was lost (the server stopped, the network dropped).
    pub fn is_closed(&self) -> bool {
        self.client.is_closed()
    }
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
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

/// `?1` as PostgreSQL spells it (`$1`); quoted text is left as it is.
pub(super) fn dollar_params(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted && chars.peek().is_some_and(char::is_ascii_digit) => out.push('$'),
            _ => out.push(c),
        }
    }
    out
}

impl ToSql for Value<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut BytesMut,
    ) -> Result<IsNull, Box<dyn StdError + Sync + Send>> {
        let text_like = [Type::TEXT, Type::VARCHAR, Type::BPCHAR, Type::NAME];
        match *self {
            Value::Null => Ok(IsNull::Yes),
            Value::Int(v) => match ty {
                t if *t == Type::INT8 => v.to_sql(ty, out),
                t if *t == Type::INT4 => i32::try_from(v)?.to_sql(ty, out),
                t if *t == Type::INT2 => i16::try_from(v)?.to_sql(ty, out),
                t if *t == Type::BOOL => (v != 0).to_sql(ty, out),
                t if *t == Type::FLOAT8 => (v as f64).to_sql(ty, out),
                t if text_like.contains(t) => v.to_string().as_str().to_sql(ty, out),
                _ => Err(format!("an integer cannot be sent as {ty}").into()),
            },
            Value::Real(v) => match ty {
                t if *t == Type::FLOAT8 => v.to_sql(ty, out),
                t if *t == Type::FLOAT4 => (v as f32).to_sql(ty, out),
                t if text_like.contains(t) => v.to_string().as_str().to_sql(ty, out),
                _ => Err(format!("a number cannot be sent as {ty}").into()),
            },
            Value::Text(v) => match ty {
                t if *t == Type::INT8 => v.parse::<i64>()?.to_sql(ty, out),
                _ => v.to_sql(ty, out),
            },
            Value::Blob(v) => v.to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// Reads a column as `T` when the server sent it as `T`'s type.
fn get<'a, T: FromSql<'a>>(row: &'a postgres::Row, column: usize) -> Result<Option<T>, StoreError> {
    row.try_get::<_, Option<T>>(column)
        .map_err(|e| StoreError::Team(crate::logging::with_causes(&e)))
}

impl Row for postgres::Row {
    fn int(&self, column: usize) -> Result<Option<i64>, StoreError> {
        let ty = self.columns().get(column).map(|c| c.type_().clone());
        Ok(match ty {
            Some(Type::INT4) => get::<i32>(self, column)?.map(i64::from),
            Some(Type::INT2) => get::<i16>(self, column)?.map(i64::from),
            Some(Type::BOOL) => get::<bool>(self, column)?.map(i64::from),
            _ => get::<i64>(self, column)?,
        })
    }

    fn real(&self, column: usize) -> Result<Option<f64>, StoreError> {
        let ty = self.columns().get(column).map(|c| c.type_().clone());
        Ok(match ty {
            Some(Type::FLOAT4) => get::<f32>(self, column)?.map(f64::from),
            Some(Type::INT8 | Type::INT4 | Type::INT2 | Type::BOOL) => {
                self.int(column)?.map(|v| v as f64)
            }
            _ => get::<f64>(self, column)?,
        })
    }

    fn text(&self, column: usize) -> Result<Option<String>, StoreError> {
        get::<String>(self, column)
    }

    fn blob(&self, column: usize) -> Result<Option<Vec<u8>>, StoreError> {
        get::<Vec<u8>>(self, column)
    }
}

/// A connection or a transaction on it, with the statements prepared on the connection.
struct On<'a, C: GenericClient> {
    client: &'a mut C,
    prepared: &'a mut HashMap<String, Statement>,
}

impl<C: GenericClient> On<'_, C> {
    fn statement(&mut self, sql: &str) -> Result<Statement, StoreError> {
        if let Some(stmt) = self.prepared.get(sql) {
            return Ok(stmt.clone());
        }
        let stmt = self.client.prepare(&dollar_params(sql))?;
        self.prepared.insert(sql.to_owned(), stmt.clone());
        Ok(stmt)
    }

    fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> Result<u64, StoreError> {
        let stmt = self.statement(sql)?;
        let params: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p as _).collect();
        Ok(self.client.execute(&stmt, &params)?)
    }

    fn query(
        &mut self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&dyn Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let stmt = self.statement(sql)?;
        let params: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p as _).collect();
        for row in self.client.query(&stmt, &params)? {
            each(&row)?;
        }
        Ok(())
    }
}

/// A transaction under way: its work is part of it.
struct InTransaction<'a, 't> {
    tx: &'a mut postgres::Transaction<'t>,
    prepared: &'a mut HashMap<String, Statement>,
}

impl Db for InTransaction<'_, '_> {
    fn engine(&self) -> Engine {
        Engine::Postgres
    }

    fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> Result<u64, StoreError> {
        On {
            client: self.tx,
            prepared: self.prepared,
        }
        .execute(sql, params)
    }

    fn query(
        &mut self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&dyn Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        On {
            client: self.tx,
            prepared: self.prepared,
        }
        .query(sql, params, each)
    }

    fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        Ok(self.tx.batch_execute(sql)?)
    }

    fn transaction(
        &mut self,
        work: &mut dyn FnMut(&mut dyn Db) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        work(self)
    }
}

impl Db for Postgres {
    fn engine(&self) -> Engine {
        Engine::Postgres
    }

    fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> Result<u64, StoreError> {
        On {
            client: &mut self.client,
            prepared: &mut self.prepared,
        }
        .execute(sql, params)
    }

    fn query(
        &mut self,
        sql: &str,
        params: &[Value<'_>],
        each: &mut dyn FnMut(&dyn Row) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        On {
            client: &mut self.client,
            prepared: &mut self.prepared,
        }
        .query(sql, params, each)
    }

    fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        Ok(self.client.batch_execute(sql)?)
    }

    fn transaction(
        &mut self,
        work: &mut dyn FnMut(&mut dyn Db) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut tx = self.client.transaction()?;
        work(&mut InTransaction {
            tx: &mut tx,
            prepared: &mut self.prepared,
        })?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::dollar_params;

    #[test]
    fn parameters_are_spelled_with_dollars_outside_quotes() {
        assert_eq!(
            dollar_params("SELECT ?1, '?2' FROM t WHERE a = ?12 AND b = '?'"),
            "SELECT $1, '?2' FROM t WHERE a = $12 AND b = '?'"
        );
    }
}
