//! Fuzzing the response decoder with proptest (cargo-fuzz needs a nightly toolchain, which
//! this machine cannot fetch): arbitrary bytes, and structure-aware mutations of real
//! responses (the reference's examples in tests/fuzz-seeds/). No input may panic.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use proptest::prelude::*;
use rickrut_dashboard::api::{decode_applicant_response, error_from_response};

fn seeds() -> Vec<Vec<u8>> {
    let dir = format!("{}/tests/fuzz-seeds", env!("CARGO_MANIFEST_DIR"));
    let mut out: Vec<Vec<u8>> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    out.sort();
    assert!(out.len() >= 4, "the seeds are there");
    out
}

/// Replaces one JSON value somewhere in the document with another of any type.
fn mutate(node: &mut serde_json::Value, path: &[usize], replacement: serde_json::Value) {
    let Some((step, rest)) = path.split_first() else {
        *node = replacement;
        return;
    };
    match node {
        serde_json::Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(step % map.len()).cloned().unwrap();
            mutate(map.get_mut(&key).unwrap(), rest, replacement);
        }
        serde_json::Value::Array(items) if !items.is_empty() => {
            let i = step % items.len();
            mutate(&mut items[i], rest, replacement);
        }
        _ => *node = replacement,
    }
}

fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            prop::collection::hash_map(".{0,6}", inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048), status in 100u16..600) {
        let _ = decode_applicant_response(status, &bytes);
        let _ = error_from_response(status, None, &bytes);
    }

    #[test]
    fn mutated_real_responses_never_panic(
        seed in 0usize..16,
        path in prop::collection::vec(any::<usize>(), 0..6),
        replacement in any_json(),
        cut in any::<usize>(),
    ) {
        let seeds = seeds();
        let mut doc: serde_json::Value = serde_json::from_slice(&seeds[seed % seeds.len()]).unwrap();
        mutate(&mut doc, &path, replacement);
        let bytes = serde_json::to_vec(&doc).unwrap();
        let _ = decode_applicant_response(200, &bytes);
        let _ = error_from_response(422, None, &bytes);
        // And cut short anywhere.
        let cut = cut % (bytes.len() + 1);
        let _ = decode_applicant_response(200, &bytes[..cut]);
    }
}
