//! One test, both engines: the case runs on a SQLite record, then on a fresh database of the
//! test binary's PostgreSQL server (or says why that part was skipped).
#![allow(dead_code)] // shared by several test binaries, each using a part
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use rickrut_dashboard::store::Store;

use super::pg::PgServer;

/// Runs `case` on each engine's store.
pub fn each_engine(test: &str, case: impl Fn(&mut Store)) {
    case(&mut Store::open_in_memory().unwrap());
    if let Some(server) = PgServer::shared(test) {
        let db = server.create_db();
        let mut store = Store::open_team(&server.team(&db)).unwrap();
        case(&mut store);
    }
}

/// Two stores on one record, as two app instances would share it (two connections to one
/// team database; one SQLite file opened twice).
pub fn each_shared_pair(test: &str, case: impl Fn(&mut Store, &mut Store)) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tracked.sqlite");
    let mut a = Store::open(&path).unwrap().store;
    let mut b = Store::open(&path).unwrap().store;
    case(&mut a, &mut b);
    if let Some(server) = PgServer::shared(test) {
        let db = server.create_db();
        let mut a = Store::open_team(&server.team(&db)).unwrap();
        let mut b = Store::open_team(&server.team(&db)).unwrap();
        case(&mut a, &mut b);
    }
}

/// Runs `case` on each engine's store, with a way to run SQL on the same database behind
/// the store's back (`raw` answers the first column of a query's first row, 0 for a write).
pub fn each_engine_raw(test: &str, case: impl Fn(&mut Store, &mut dyn FnMut(&str) -> i64)) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tracked.sqlite");
    let mut store = Store::open(&path).unwrap().store;
    let conn = rusqlite::Connection::open(&path).unwrap();
    case(&mut store, &mut |sql| {
        if sql.starts_with("SELECT") {
            conn.query_row(sql, [], |r| r.get(0)).unwrap()
        } else {
            conn.execute_batch(sql).unwrap();
            0
        }
    });
    if let Some(server) = PgServer::shared(test) {
        let db = server.create_db();
        let mut store = Store::open_team(&server.team(&db)).unwrap();
        let mut admin = server.admin(&db).unwrap();
        case(&mut store, &mut |sql| {
            if sql.starts_with("SELECT") {
                admin.query_one(sql, &[]).unwrap().get(0)
            } else {
                admin.batch_execute(sql).unwrap();
                0
            }
        });
    }
}
