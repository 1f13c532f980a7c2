//! Values as PostgreSQL takes and gives them: the store's five kinds sent as each column's
//! own type, and rows read by column.

use std::error::Error as StdError;

use tokio_postgres::types::private::BytesMut;
use tokio_postgres::types::{FromSql, IsNull, ToSql, Type};

use crate::store::StoreError;
use crate::store::sql::{Row, Value};

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

    tokio_postgres::types::to_sql_checked!();
}

/// Reads a column as `T` when the server sent it as `T`'s type.
fn get<'a, T: FromSql<'a>>(
    row: &'a tokio_postgres::Row,
    column: usize,
) -> Result<Option<T>, StoreError> {
    row.try_get::<_, Option<T>>(column)
        .map_err(|e| StoreError::Team(crate::logging::with_causes(&e)))
}

impl Row for tokio_postgres::Row {
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

/// A value owned until its statement is sent.
#[derive(Debug)]
pub(super) enum Param {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl Param {
    pub(super) fn of(value: &Value<'_>) -> Param {
        match *value {
            Value::Null => Param::Null,
            Value::Int(v) => Param::Int(v),
            Value::Real(v) => Param::Real(v),
            Value::Text(v) => Param::Text(v.to_owned()),
            Value::Blob(v) => Param::Blob(v.to_vec()),
        }
    }

    fn value(&self) -> Value<'_> {
        match self {
            Param::Null => Value::Null,
            Param::Int(v) => Value::Int(*v),
            Param::Real(v) => Value::Real(*v),
            Param::Text(v) => Value::Text(v),
            Param::Blob(v) => Value::Blob(v),
        }
    }
}

impl ToSql for Param {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut BytesMut,
    ) -> Result<IsNull, Box<dyn StdError + Sync + Send>> {
        self.value().to_sql(ty, out)
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    tokio_postgres::types::to_sql_checked!();
}
