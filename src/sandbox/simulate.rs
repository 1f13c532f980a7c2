//! `--simulate`: invited applicants move a step at a time to SCORED, with answers and scores
//! at the end, so there is something to watch.

use std::sync::Arc;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::sync::watch;

use super::{Shared, seed};

/// Moves invited applicants a step at a time to SCORED, with answers and scores at the end.
pub(super) async fn simulate(
    shared: Arc<Shared>,
    step: Duration,
    mut stopped: watch::Receiver<bool>,
) {
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
