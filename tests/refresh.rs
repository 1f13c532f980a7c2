//! Refresh-all against the in-process sandbox: changes found, 404s marked, one pause for
//! everyone on 429, and cancel stopping new requests at once.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::sync::{Arc, Mutex};
use std::time::Duration;

use rickrut_dashboard::api::{ApplicantId, ApplicantResponse, Client, NewApplicant};
use rickrut_dashboard::jobs::record::Record;
use rickrut_dashboard::jobs::refresh::{RefreshProgress, refresh};
use rickrut_dashboard::sandbox::{Sandbox, SandboxConfig, Seed};
use rickrut_dashboard::store::{Store, StoreHandle};
use secrecy::SecretString;

const KEY: &str = "refresh0123456789abcdef0123456789abcdef";

fn client(sb: &Sandbox) -> Client {
    Client::new(&sb.base_url(), SecretString::from(KEY.to_owned())).unwrap()
}

/// Invites `n` candidates (`{prefix}{i}@example.com`) as the app does.
async fn invite(c: &Client, prefix: &str, n: usize) -> Vec<ApplicantResponse> {
    let mut created = Vec::new();
    for i in 0..n {
        let new = NewApplicant::new(
            &format!("{prefix}{i}@example.com"),
            "software-engineer",
            None,
            None,
        )
        .unwrap();
        created.push(c.create_applicant(&new).await.unwrap());
    }
    created
}

fn progress() -> Arc<Mutex<RefreshProgress>> {
    Arc::new(Mutex::new(RefreshProgress::default()))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refresh_all_with_simulate_and_a_rate_limit() {
    let sb = Sandbox::start(SandboxConfig {
        api_keys: vec![KEY.into()],
        seed: Seed::Empty,
        simulate: true,
        simulate_step: Duration::from_millis(50),
        rate_limit: Some(10),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let c = client(&sb);
    let store = StoreHandle::spawn(Store::open_in_memory().unwrap()).unwrap();

    // Invite a dozen, track them as the app does, and track two IDs that do not exist.
    let created = invite(&c, "cand", 12).await;
    let first = created.clone();
    store
        .call(move |s| s.upsert("Acme", &first, chrono::Utc::now()))
        .await
        .unwrap();
    store
        .call(|s| s.track_ids("Acme", &[900_001, 900_002]))
        .await
        .unwrap();

    // Let the simulation move everyone on (INVITED → ... → SCORED).
    let probe = ApplicantId::new(created[11].applicant.id).unwrap();
    for _ in 0..400 {
        if c.get_applicant(probe)
            .await
            .unwrap()
            .applicant
            .status
            .as_str()
            == "SCORED"
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    let ids = store.call(|s| s.tracked_ids("Acme")).await.unwrap();
    assert_eq!(ids.len(), 14);
    let p = progress();
    let summary = refresh(
        c.clone(),
        Record::new(store.clone(), "Acme"),
        ids,
        8,
        p.clone(),
        || {},
    )
    .await;
    assert!(summary.finished);
    assert_eq!(summary.total, 14);
    assert_eq!(
        summary.done, 14,
        "every applicant ends refreshed or with a reason"
    );
    assert_eq!(
        summary.deleted, 2,
        "unknown IDs are deleted upstream, not failures"
    );
    assert_eq!(summary.failed, 0, "{:?}", summary.failures);
    assert_eq!(summary.changed, 12, "every invite moved on");
    assert!(sb.counters().1 > 0, "the rate limit was met on the way");
    let rows = store.call(|s| s.tracked("Acme")).await.unwrap();
    assert_eq!(rows.iter().filter(|r| r.changed).count(), 12);
    assert_eq!(rows.iter().filter(|r| r.deleted_upstream).count(), 2);
    assert!(rows.iter().all(|r| r.last_checked.get().is_some()));
    let history = store.call(|s| s.history("Acme", 100_001)).await.unwrap();
    assert!(history.len() >= 2, "{history:?}");
    sb.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_that_come_back_the_same_are_only_marked_checked() {
    let sb = Sandbox::start(SandboxConfig {
        api_keys: vec![KEY.into()],
        seed: Seed::Empty,
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let c = client(&sb);
    let store = StoreHandle::spawn(Store::open_in_memory().unwrap()).unwrap();
    let created = invite(&c, "same", 4).await;
    let ids: Vec<u64> = created.iter().map(|r| r.applicant.id).collect();
    // What the store holds: three as the server has them, the fourth as it was before it
    // moved on (other bytes, another status), and an earlier error on the first.
    let mut kept = created.clone();
    let old = kept[3]
        .raw
        .get()
        .replace("\"status\":\"INVITED\"", "\"status\":\"STARTED\"");
    assert_ne!(old, kept[3].raw.get(), "{old}");
    kept[3] = rickrut_dashboard::api::decode_applicant_response(
        200,
        format!("{{\"data\":{{\"applicant\":{old}}}}}").as_bytes(),
    )
    .unwrap();
    let t0 = chrono::Utc::now() - chrono::Duration::hours(1);
    let first = ids[0];
    store
        .call(move |s| {
            s.upsert("Acme", &kept, t0)?;
            s.mark_failed("Acme", &[(first, "timed out".to_owned())])
        })
        .await
        .unwrap();

    let summary = refresh(
        c.clone(),
        Record::new(store.clone(), "Acme"),
        ids.clone(),
        4,
        progress(),
        || {},
    )
    .await;
    assert_eq!(summary.done, 4, "{summary:?}");
    assert_eq!(summary.failed, 0, "{:?}", summary.failures);
    assert_eq!(summary.same, 3, "three came back byte for byte the same");
    assert_eq!(
        summary.changed, 1,
        "the fourth moved from STARTED to INVITED"
    );
    let rows = store.call(|s| s.tracked("Acme")).await.unwrap();
    for (row, response) in rows.iter().zip(&created) {
        assert_eq!(row.id, response.applicant.id);
        assert!(row.last_checked.get().unwrap() > t0, "{row:?}");
        assert_eq!(row.last_error(), None, "an answer clears the earlier error");
        assert_eq!(row.raw_json(), Some(response.raw.get()));
    }
    assert_eq!(rows[3].status(), "INVITED");
    assert!(rows[3].changed && !rows[0].changed);
    let history = store
        .call({
            let fourth = ids[3];
            move |s| s.history("Acme", fourth)
        })
        .await
        .unwrap();
    assert_eq!(history.len(), 2, "{history:?}");

    // Digests kept now for all four: a second refresh finds all of them the same.
    let summary = refresh(c, Record::new(store, "Acme"), ids, 4, progress(), || {}).await;
    assert_eq!((summary.done, summary.same, summary.changed), (4, 4, 0));
    sb.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_pauses_everyone_instead_of_hammering() {
    let sb = Sandbox::start(SandboxConfig {
        api_keys: vec![KEY.into()],
        rate_limit: Some(4),
        ..SandboxConfig::default()
    })
    .await
    .unwrap();
    let store = StoreHandle::spawn(Store::open_in_memory().unwrap()).unwrap();
    let ids: Vec<u64> = (1001..=1020).collect();
    let p = progress();
    let summary = refresh(
        client(&sb),
        Record::new(store.clone(), "Acme"),
        ids.clone(),
        8,
        p,
        || {},
    )
    .await;
    assert_eq!(summary.done, 20);
    assert_eq!(summary.failed, 0, "{:?}", summary.failures);
    let (requests, limited) = sb.counters();
    // Twenty applicants at four a second: without a shared pause, eight workers retrying at
    // once would send hundreds of refused requests. With it, each pause costs at most one
    // refused request per worker.
    assert!(limited > 0, "the limit was reached");
    assert!(
        limited <= 8 * 6,
        "{limited} refused requests for 20 applicants"
    );
    assert_eq!(requests, 20 + limited);
    let rows = store.call(|s| s.tracked("Acme")).await.unwrap();
    assert_eq!(rows.len(), 20);
}

#[test]
fn cancel_stops_new_requests_at_once() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sb = rt
        .block_on(Sandbox::start(SandboxConfig {
            api_keys: vec![KEY.into()],
            latency: Duration::from_millis(200),
            ..SandboxConfig::default()
        }))
        .unwrap();
    let store = StoreHandle::spawn(Store::open_in_memory().unwrap()).unwrap();
    let ids: Vec<u64> = (1001..=1055).collect();
    let p = progress();
    let mut task = rickrut_dashboard::jobs::spawn(
        rt.handle(),
        &rickrut_dashboard::jobs::no_wake(),
        refresh(
            client(&sb),
            Record::new(store.clone(), "Acme"),
            ids,
            4,
            p.clone(),
            || {},
        ),
    );
    // Wait until the sandbox has the first four (each worker's next leaves only once its
    // first is answered, 200 ms later), then cancel: none is on its way unseen.
    for _ in 0..500 {
        if sb.counters().0 >= 4 {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    task.cancel();
    let (at_cancel, _) = sb.counters();
    std::thread::sleep(Duration::from_millis(800));
    let (later, _) = sb.counters();
    assert!(
        matches!(task.ready(), Some(Err(_))),
        "the promise answers Cancelled"
    );
    assert!(
        later <= at_cancel,
        "no request after cancel: {at_cancel} then {later}"
    );
    assert!(at_cancel < 55, "it was cancelled before the end");
    rt.block_on(sb.shutdown());
}
