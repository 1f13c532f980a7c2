//! The sandbox's state, read as raw JSON values: kept across a restart with `--db`, the empty
//! and demo seeds, and the simulation that moves an invite to scored.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

#[path = "support/sandbox_raw.rs"]
mod support;

use std::time::Duration;

use rickrut_dashboard::sandbox::{SandboxConfig, Seed};
use serde_json::json;
use support::{KEY, assert_error, http, rfc3339_z, send, start};

#[tokio::test]
async fn db_keeps_state_across_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("sandbox.sqlite");
    let config = || SandboxConfig {
        db: Some(db.clone()),
        seed: Seed::Empty,
        ..SandboxConfig::default()
    };
    let sb = start(config()).await;
    let created = send(
        http()
            .post(format!("{}applicants?api_key={KEY}", sb.base_url()))
            .json(&json!({"email": "kept@example.com", "opening": "software-engineer"})),
    )
    .await;
    assert_eq!(created.status, 201);
    let id = created.body["data"]["applicant"]["id"].as_u64().unwrap();
    sb.shutdown().await;

    let sb = start(config()).await;
    let got = send(http().get(format!("{}applicants/{id}?api_key={KEY}", sb.base_url()))).await;
    assert_eq!(got.status, 200);
    assert_eq!(
        got.body["data"]["applicant"],
        created.body["data"]["applicant"]
    );
    // The duplicate rule survives too.
    let dup = send(
        http()
            .post(format!("{}applicants?api_key={KEY}", sb.base_url()))
            .json(&json!({"email": "kept@example.com", "opening": "software-engineer"})),
    )
    .await;
    assert_error(&dup, 422, "already_invited");
}

#[tokio::test]
async fn empty_seed_has_openings_only() {
    let sb = start(SandboxConfig {
        seed: Seed::Empty,
        ..SandboxConfig::default()
    })
    .await;
    for id in [31415, 1001, 1099] {
        let raw = send(http().get(format!("{}applicants/{id}?api_key={KEY}", sb.base_url()))).await;
        assert_error(&raw, 404, "not_found");
    }
    let created = send(
        http()
            .post(format!("{}applicants?api_key={KEY}", sb.base_url()))
            .json(&json!({"email": "x@example.com", "opening": "software-engineer"})),
    )
    .await;
    assert_eq!(created.status, 201);
}

#[tokio::test]
async fn demo_seed_has_every_status_and_many_answers() {
    let sb = start(SandboxConfig::default()).await;
    let mut statuses = std::collections::BTreeSet::new();
    for id in 1001..=1055 {
        let raw = send(http().get(format!("{}applicants/{id}?api_key={KEY}", sb.base_url()))).await;
        assert_eq!(raw.status, 200, "{id}");
        statuses.insert(
            raw.body["data"]["applicant"]["status"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    for s in [
        "INVITED",
        "STARTED",
        "COMPLETED",
        "SCORED",
        "REJECTED",
        "HIRED",
    ] {
        assert!(statuses.contains(s), "{s} missing from {statuses:?}");
    }
    let big = send(http().get(format!("{}applicants/1099?api_key={KEY}", sb.base_url()))).await;
    let a = &big.body["data"]["applicant"];
    assert!(a["quizz_answers"].as_array().unwrap().len() >= 300);
    assert!(a["case_answers"].as_array().unwrap().len() >= 300);
}

#[tokio::test]
async fn simulate_moves_an_invite_to_scored() {
    let sb = start(SandboxConfig {
        seed: Seed::Empty,
        simulate: true,
        simulate_step: Duration::from_millis(20),
        ..SandboxConfig::default()
    })
    .await;
    let created = send(
        http()
            .post(format!("{}applicants?api_key={KEY}", sb.base_url()))
            .json(&json!({"email": "sim@example.com", "opening": "software-engineer"})),
    )
    .await;
    let id = created.body["data"]["applicant"]["id"].as_u64().unwrap();
    let mut seen = Vec::new();
    for _ in 0..500 {
        let raw = send(http().get(format!("{}applicants/{id}?api_key={KEY}", sb.base_url()))).await;
        let a = raw.body["data"]["applicant"].clone();
        let status = a["status"].as_str().unwrap().to_owned();
        if seen.last() != Some(&status) {
            seen.push(status.clone());
        }
        if status == "SCORED" {
            assert_eq!(a["step"], 6);
            assert!(a["skill_score"].as_str().unwrap().parse::<f64>().is_ok());
            assert!(!a["case_answers"].as_array().unwrap().is_empty());
            rfc3339_z(&a["finished_at"], "finished_at");
            assert!(seen.contains(&"STARTED".to_owned()), "{seen:?}");
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("never reached SCORED: {seen:?}");
}
