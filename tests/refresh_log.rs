//! What a refresh leaves in the log: one line for the run and one per failed call, not one
//! line per applicant (a refresh of 100,000 would write 100,000 lines).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::sync::{Arc, Mutex};

use rickrut_dashboard::api::{ApplicantId, Client};
use rickrut_dashboard::jobs::record::Record;
use rickrut_dashboard::jobs::refresh::{RefreshProgress, refresh};
use rickrut_dashboard::sandbox::{Sandbox, SandboxConfig};
use rickrut_dashboard::store::{Store, StoreHandle};
use secrecy::SecretString;

const KEY: &str = "refreshlog0123456789abcdef0123456789abc";

fn client(sb: &Sandbox) -> Client {
    Client::new(&sb.base_url(), SecretString::from(KEY.to_owned())).unwrap()
}

fn progress() -> Arc<Mutex<RefreshProgress>> {
    Arc::new(Mutex::new(RefreshProgress::default()))
}

/// A `fmt` writer that keeps what was logged.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_refresh_logs_one_line_and_its_failed_calls_not_every_call() {
    let captured = Captured::default();
    let writer = captured.clone();
    // For the whole process: this file holds this one test, so nothing else logs meanwhile
    // (a scoped subscriber would miss what other tests' threads cached first).
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .init();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let summary = {
        rt.block_on(async {
            let sb = Sandbox::start(SandboxConfig {
                api_keys: vec![KEY.into()],
                ..SandboxConfig::default()
            })
            .await
            .unwrap();
            let store = StoreHandle::spawn(Store::open_in_memory().unwrap()).unwrap();
            let c = client(&sb);
            // A look-up from the window still gets its line.
            c.get_applicant(ApplicantId::new(1001).unwrap())
                .await
                .unwrap();
            let ids = vec![1001, 1002, 1003, 1004, 1005, 999_999];
            let summary = refresh(c, Record::new(store, "Acme"), ids, 3, progress(), || {}).await;
            sb.shutdown().await;
            summary
        })
    };
    assert_eq!((summary.done, summary.deleted), (6, 1), "{summary:?}");
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    let calls: Vec<&str> = log.lines().filter(|l| l.contains("api call")).collect();
    assert_eq!(calls.len(), 2, "the look-up and the 404:\n{log}");
    assert!(calls[0].contains("status=200"), "{log}");
    assert!(calls[1].contains("status=404"), "{log}");
    let runs: Vec<&str> = log.lines().filter(|l| l.contains(" refresh ")).collect();
    assert_eq!(runs.len(), 1, "{log}");
    assert!(
        runs[0].contains("total=6") && runs[0].contains("deleted=1"),
        "{log}"
    );
}
