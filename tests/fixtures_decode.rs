//! The reference's own examples decode to the values they show.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test that cannot read its fixture must fail loudly

use rickrut_dashboard::api::{
    ApiError, Status, decode_applicant_response, decode_applicant_response_unless,
    error_from_response,
};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn get_example_decodes_to_the_documented_values() {
    let r = decode_applicant_response(200, &fixture("get_response_200.json")).unwrap();
    let a = &r.applicant;
    assert_eq!(a.id, 31415);
    assert_eq!(a.email, "john.smith@gmail.com");
    assert_eq!(a.opening_id, Some(45));
    assert_eq!(a.status, Status::Scored);
    assert_eq!(a.skill_score.as_ref().unwrap().text(), "15.0");
    assert_eq!(a.skill_score.as_ref().unwrap().value(), Some(15.0));
    assert_eq!(a.adequation_score.as_ref().unwrap().text(), "100.0");
    assert_eq!(a.recruiter_score.as_ref().unwrap().value(), Some(0.0));
    assert_eq!(a.first_name.as_deref(), Some("John"));
    assert_eq!(a.last_name.as_deref(), Some("Smith"));
    assert_eq!(a.code.as_deref(), Some("ATZDVQDH"));
    assert_eq!(a.source.as_deref(), Some("API"));
    assert_eq!(a.step, Some(6));
    assert_eq!(a.cv_path(), None, "missing.png means no CV");
    assert_eq!(a.audio_introduction_path(), None);
    assert_eq!(a.video_uuid, None);
    assert_eq!(
        a.slug.as_deref(),
        Some("de-corn-henri-2016-10-27-09-02-49-utc")
    );
    assert_eq!(
        a.created_at.unwrap().to_rfc3339(),
        "2016-10-27T09:02:49+00:00"
    );
    assert_eq!(a.finished_at, None);
    assert_eq!(a.quizz_answers.len(), 1);
    let q = &a.quizz_answers[0];
    assert_eq!(
        (q.id, q.applicant_id, q.quizz_option_id, q.quizz_id),
        (Some(150), Some(329), Some(56), Some(28))
    );
    assert_eq!(q.final_score.as_ref().unwrap().text(), "100.0");
    assert_eq!(q.created_at.unwrap().timestamp_subsec_millis(), 345);
    assert!(a.poll_answers.is_empty());
    let c = &a.case_answers[0];
    assert_eq!(c.id, Some(212));
    assert_eq!(c.value, None);
    assert_eq!(c.final_score.as_ref().unwrap().value(), Some(15.0));
    assert_eq!(c.opening_case_id, Some(25));
    assert_eq!(c.duration, Some(8));
    assert_eq!(
        c.audio_file_file_name.as_deref(),
        Some("audio_recording_1477558998009.mp3")
    );
    assert_eq!(c.audio_file_content_type.as_deref(), Some("audio/mp3"));
    assert_eq!(c.audio_file_file_size, Some(7313));
    assert_eq!(c.gibberish, Some(true));
    // The raw JSON is kept exactly as received.
    let raw: serde_json::Value = serde_json::from_str(r.raw.get()).unwrap();
    let whole: serde_json::Value =
        serde_json::from_slice(&fixture("get_response_200.json")).unwrap();
    assert_eq!(raw, whole["data"]["applicant"]);
}

#[test]
fn create_example_decodes() {
    let r = decode_applicant_response(201, &fixture("create_response_201.json")).unwrap();
    let a = &r.applicant;
    assert_eq!(a.status, Status::Invited);
    assert_eq!(a.step, Some(0));
    assert_eq!(a.code.as_deref(), Some("IKWOOFKE"));
    assert_eq!(a.skill_score, None);
    assert_eq!(a.adequation_score, None);
    assert!(a.quizz_answers.is_empty() && a.case_answers.is_empty());
    assert_eq!(a.display_name(), "John Smith");
}

#[test]
fn create_request_example_matches_what_the_client_sends() {
    let sent = rickrut_dashboard::api::NewApplicant::new(
        "john.smith@gmail.com",
        "software-engineer",
        Some("John"),
        Some("Smith"),
    )
    .unwrap();
    let expected: serde_json::Value =
        serde_json::from_slice(&fixture("create_request.json")).unwrap();
    assert_eq!(serde_json::to_value(&sent).unwrap(), expected);
}

#[test]
fn error_examples_decode_in_both_shapes() {
    match error_from_response(400, None, &fixture("error_400_missing_key.json")) {
        ApiError::BadRequest { details } => {
            assert!(details.is_about_key());
            assert_eq!(details.0[0].id, "wrong_params");
            assert_eq!(details.0[0].code, Some(400));
            assert_eq!(details.0[0].details, "You are missing the API key");
        }
        other => panic!("unexpected {other:?}"),
    }
    match error_from_response(404, None, &fixture("error_object_form.json")) {
        ApiError::NotFound { details } => assert_eq!(details.0[0].id, "not_found"),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn hostile_bodies_give_errors_not_panics() {
    for (status, body) in [
        (200, &b""[..]),
        (200, b"<html>oops</html>"),
        (200, br#"{"data":{"applicant":{"id":"seven"}}}"#),
        (
            200,
            br#"{"data":{"applicant":{"id":1,"quizz_answers":{}}}}"#,
        ),
        (200, br#"{"data":{"applicant":{"id":1,"skill_score":[1]}}}"#),
        (200, br#"{"data":{"applicant""#),
        (200, br#"[]"#),
    ] {
        assert!(matches!(
            decode_applicant_response(status, body),
            Err(ApiError::Undecodable { .. })
        ));
    }
    match error_from_response(502, None, b"<html><body>502 Bad Gateway</body></html>") {
        ApiError::Server { status, .. } => assert_eq!(status, 502),
        other => panic!("unexpected {other:?}"),
    }
    match error_from_response(404, None, b"<html>not here</html>") {
        ApiError::Undecodable {
            status, snippet, ..
        } => {
            assert_eq!(status, 404);
            assert!(snippet.starts_with("<html>"));
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_known_applicant_is_recognised_without_decoding_it() {
    let body = fixture("get_response_200.json");
    let full = decode_applicant_response(200, &body).unwrap();
    let mut seen = None;
    let known = decode_applicant_response_unless(200, &body, |raw| {
        seen = Some(raw.to_owned());
        true
    })
    .unwrap();
    assert!(known.is_none());
    assert_eq!(
        seen.as_deref(),
        Some(full.raw.get()),
        "asked about the JSON as received"
    );
    let unknown = decode_applicant_response_unless(200, &body, |_| false)
        .unwrap()
        .unwrap();
    assert_eq!(unknown.applicant, full.applicant);
    assert_eq!(unknown.raw.get(), full.raw.get());
    assert_eq!(unknown.meta, full.meta);

    // Recognised, the applicant is not decoded at all; a broken envelope is still an error.
    let odd = br#"{"data":{"applicant":{"id":"not a number"}}}"#;
    assert!(decode_applicant_response(200, odd).is_err());
    assert!(
        decode_applicant_response_unless(200, odd, |_| true)
            .unwrap()
            .is_none()
    );
    for bad in [&b"  "[..], b"{\"data\":{}}", b"<html>"] {
        assert!(matches!(
            decode_applicant_response_unless(200, bad, |_| true),
            Err(ApiError::Undecodable { .. })
        ));
    }
}
