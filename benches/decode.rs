//! Decoding an applicant with 1,000 quizz and 1,000 case answers (the sandbox's 1099, as the
//! sandbox sends it) into the app's types, against `serde_json::from_slice` into a
//! `serde_json::Value` of the same bytes.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a bench that cannot set up must stop

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rickrut_dashboard::api::decode_applicant_response;
use rickrut_dashboard::sandbox::{MANY_ANSWERS_ID, Sandbox, SandboxConfig};

const KEY: &str = "decode0123456789abcdef0123456789abcdef01";

fn body() -> Vec<u8> {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let sb = Sandbox::start(SandboxConfig {
            api_keys: vec![KEY.into()],
            ..SandboxConfig::default()
        })
        .await
        .unwrap();
        let url = format!(
            "{}applicants/{MANY_ANSWERS_ID}?api_key={KEY}",
            sb.base_url()
        );
        let bytes = reqwest::get(url)
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap()
            .to_vec();
        sb.shutdown().await;
        bytes
    })
}

fn bench(c: &mut Criterion) {
    let bytes = body();
    let decoded = decode_applicant_response(200, &bytes).unwrap();
    assert_eq!(decoded.applicant.quizz_answers.len(), 1000);
    assert_eq!(decoded.applicant.case_answers.len(), 1000);
    c.bench_function("baseline_decode_value_1000_answers", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&bytes)).unwrap())
    });
    c.bench_function("decode_applicant_1000_answers", |b| {
        b.iter(|| decode_applicant_response(200, black_box(&bytes)).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(60).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);
