//! Statements as PostgreSQL takes them: `?1` parameters spelled `$1`, and writes side by
//! side made one statement.

use super::values::Param;

/// `?1` as PostgreSQL spells it (`$1`); quoted text is left as it is.
pub(super) fn dollar_params(sql: &str) -> String {
    renumbered(sql, '$', 0)
}

/// Each `?n` outside quotes spelled `{mark}{n + by}`.
fn renumbered(sql: &str, mark: char, by: usize) -> String {
    let mut out = String::with_capacity(sql.len() + 16);
    let mut quoted = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted && chars.peek().is_some_and(char::is_ascii_digit) => {
                let mut n = 0usize;
                while let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    n = n * 10 + d as usize;
                    chars.next();
                }
                out.push(mark);
                out.push_str(&(n + by).to_string());
            }
            _ => out.push(c),
        }
    }
    out
}

/// The table a single write changes (`INSERT INTO t`, `UPDATE t`, `DELETE FROM t`); none
/// for anything else.
pub(super) fn written_table(sql: &str) -> Option<&str> {
    let mut words = sql.split_whitespace();
    let table = match words.next()? {
        "INSERT" | "DELETE" => {
            words.next()?;
            words.next()?
        }
        "UPDATE" => words.next()?,
        _ => return None,
    };
    Some(table.split('(').next().unwrap_or(table))
}

/// Writes as one statement: each but the last a part of its `WITH`, every part's parameters
/// numbered on from the one before's. PostgreSQL runs every part to its end, all on one
/// snapshot (so none may read what another writes).
pub(super) fn one_statement(writes: Vec<(String, Vec<Param>)>) -> (String, Vec<Param>) {
    let parts = writes.len();
    if parts == 1 {
        return writes.into_iter().next().unwrap_or_default();
    }
    let mut sql = String::from("WITH ");
    let mut params = Vec::new();
    for (i, (text, values)) in writes.into_iter().enumerate() {
        let text = renumbered(&text, '?', params.len());
        if i + 1 < parts {
            sql.push_str(&format!("part{i} AS ({text}),\n"));
        } else {
            sql.truncate(sql.len() - 2);
            sql.push('\n');
            sql.push_str(&text);
        }
        params.extend(values);
    }
    (sql, params)
}

#[cfg(test)]
mod tests {
    use super::super::values::Param;
    use super::{dollar_params, one_statement, written_table};

    #[test]
    fn parameters_are_spelled_with_dollars_outside_quotes() {
        assert_eq!(
            dollar_params("SELECT ?1, '?2' FROM t WHERE a = ?12 AND b = '?'"),
            "SELECT $1, '?2' FROM t WHERE a = $12 AND b = '?'"
        );
    }

    #[test]
    fn a_write_names_the_table_it_changes() {
        assert_eq!(
            written_table("INSERT INTO tracked (profile, id) VALUES (?1, ?2)"),
            Some("tracked")
        );
        assert_eq!(
            written_table("INSERT INTO invite_log(profile) VALUES (?1)"),
            Some("invite_log")
        );
        assert_eq!(
            written_table("UPDATE bulk_rows SET state = ?3"),
            Some("bulk_rows")
        );
        assert_eq!(
            written_table("DELETE FROM invite_claims WHERE job_id = ?1"),
            Some("invite_claims")
        );
        assert_eq!(
            written_table("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x"),
            None
        );
        assert_eq!(written_table("SELECT 1"), None);
    }

    #[test]
    fn writes_side_by_side_become_one_statement_numbered_on() {
        let (sql, params) = one_statement(vec![
            (
                "INSERT INTO a (x, y) VALUES (?1, ?2)".into(),
                vec![Param::Int(1), Param::Text("?1".into())],
            ),
            (
                "UPDATE b SET z = ?2, w = '?1' WHERE k = ?1".into(),
                vec![Param::Int(3), Param::Int(4)],
            ),
            ("DELETE FROM c WHERE k = ?1".into(), vec![Param::Int(5)]),
        ]);
        assert_eq!(
            sql,
            "WITH part0 AS (INSERT INTO a (x, y) VALUES (?1, ?2)),\n\
             part1 AS (UPDATE b SET z = ?4, w = '?1' WHERE k = ?3)\n\
             DELETE FROM c WHERE k = ?5"
        );
        assert_eq!(params.len(), 5);
        let (alone, _) = one_statement(vec![("UPDATE t SET a = ?1".into(), vec![Param::Int(1)])]);
        assert_eq!(alone, "UPDATE t SET a = ?1");
    }
}
