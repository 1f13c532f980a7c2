//! The client against the real sandbox server on loopback, for every documented outcome, and
//! the key never showing in any error.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::io::Write as _;
use std::time::Duration;

use rickrut_dashboard::api::{ApiError, ApplicantId, Client, ClientOptions, NewApplicant, Status};
use rickrut_dashboard::sandbox::{Sandbox, SandboxConfig};
use secrecy::SecretString;

const KEY: &str = "b95cad3e4825ba123995a87b594444dc7a9150f7";

async fn sandbox(config: SandboxConfig) -> Sandbox {
    Sandbox::start(SandboxConfig {
        api_keys: vec![KEY.into()],
        ..config
    })
    .await
    .unwrap()
}

fn client(base: &str, key: &str) -> Client {
    Client::new(base, SecretString::from(key.to_owned())).unwrap()
}

fn id(n: u64) -> ApplicantId {
    ApplicantId::new(n).unwrap()
}

/// Every error's Display and Debug, checked for the key.
fn assert_key_absent(errors: &[ApiError]) {
    for err in errors {
        for text in [err.to_string(), format!("{err:?}"), format!("{err:#?}")] {
            assert!(!text.contains(KEY), "key leaked in {text}");
            let unredacted = text.replace("api_key=[redacted]", "");
            assert!(!unredacted.contains("api_key="), "query leaked in {text}");
        }
    }
}

#[tokio::test]
async fn every_outcome_against_the_sandbox() {
    let sb = sandbox(SandboxConfig::default()).await;
    let good = client(&sb.base_url(), KEY);
    let mut errors = Vec::new();

    // 200: the reference's own example is seeded.
    let got = good.get_applicant(id(31415)).await.unwrap();
    assert_eq!(got.applicant.status, Status::Scored);
    assert_eq!(got.applicant.skill_score.unwrap().text(), "15.0");
    assert_eq!(got.applicant.case_answers[0].gibberish, Some(true));

    // 201.
    let new = NewApplicant::new(
        "ada.lovelace@example.com",
        "software-engineer",
        Some("Ada"),
        Some("Lovelace"),
    )
    .unwrap();
    let created = good.create_applicant(&new).await.unwrap();
    let a = &created.applicant;
    assert_eq!(a.status, Status::Invited);
    assert_eq!(a.step, Some(0));
    assert_eq!(a.email, "ada.lovelace@example.com");
    let code = a.code.clone().unwrap();
    assert!(
        code.len() == 8 && code.chars().all(|c| c.is_ascii_uppercase()),
        "{code}"
    );
    let again = good.get_applicant(id(a.id)).await.unwrap();
    assert_eq!(again.applicant.code.as_deref(), Some(code.as_str()));

    // 422: the same email to the same opening, then an unknown opening.
    let dup = good.create_applicant(&new).await.unwrap_err();
    assert!(
        matches!(&dup, ApiError::Validation { details } if !details.0.is_empty()),
        "{dup:?}"
    );
    errors.push(dup);
    let unknown_opening =
        NewApplicant::new("x@example.com", "no-such-opening", None, None).unwrap();
    let err = good.create_applicant(&unknown_opening).await.unwrap_err();
    match &err {
        ApiError::Validation { details } => {
            assert!(details.to_string().contains("no-such-opening"), "{details}")
        }
        other => panic!("{other:?}"),
    }
    errors.push(err);

    // 404.
    let err = good.get_applicant(id(987_654_321)).await.unwrap_err();
    assert!(matches!(err, ApiError::NotFound { .. }), "{err:?}");
    errors.push(err);

    // 401: a wrong key.
    let wrong = client(&sb.base_url(), "0000000000000000000000000000000000000000");
    let err = wrong.get_applicant(id(31415)).await.unwrap_err();
    assert!(
        matches!(err, ApiError::Unauthorized { .. }) && err.is_key_problem(),
        "{err:?}"
    );
    errors.push(err);

    // 400: no key at all.
    let empty = client(&sb.base_url(), "");
    let err = empty.get_applicant(id(31415)).await.unwrap_err();
    assert!(
        matches!(&err, ApiError::BadRequest { details } if details.is_about_key()),
        "{err:?}"
    );
    errors.push(err);

    // Bad input never reaches the network: a client pointed at nothing still answers at once.
    let nowhere = client("http://127.0.0.1:9/api/v1/", KEY);
    let bad = NewApplicant {
        email: "not-an-email".into(),
        opening: "software-engineer".into(),
        first_name: None,
        last_name: None,
    };
    let err = nowhere.create_applicant(&bad).await.unwrap_err();
    assert!(matches!(err, ApiError::InvalidInput(_)), "{err:?}");
    errors.push(err);

    assert_key_absent(&errors);
    assert!(!format!("{good:?}").contains(KEY));
    sb.shutdown().await;
}

#[tokio::test]
async fn rate_limit_gives_429_with_retry_after() {
    let sb = sandbox(SandboxConfig {
        rate_limit: Some(1),
        ..SandboxConfig::default()
    })
    .await;
    let impatient = Client::with_options(
        &sb.base_url(),
        SecretString::from(KEY.to_owned()),
        ClientOptions {
            max_retries: 0,
            ..ClientOptions::default()
        },
    )
    .unwrap();
    let mut limited = None;
    for _ in 0..10 {
        if let Err(e) = impatient.get_applicant(id(31415)).await {
            limited = Some(e);
            break;
        }
    }
    let err = limited.expect("ten requests in a row must hit a limit of one per second");
    assert!(
        matches!(
            err,
            ApiError::RateLimited {
                retry_after: Some(_)
            }
        ),
        "{err:?}"
    );
    assert_key_absent(&[err]);

    // With retries the client waits as told and gets through.
    let patient = client(&sb.base_url(), KEY);
    patient.get_applicant(id(31415)).await.unwrap();
    sb.shutdown().await;
}

#[tokio::test]
async fn slow_server_times_out() {
    let sb = sandbox(SandboxConfig {
        latency: Duration::from_secs(3),
        ..SandboxConfig::default()
    })
    .await;
    let hasty = Client::with_options(
        &sb.base_url(),
        SecretString::from(KEY.to_owned()),
        ClientOptions {
            timeout: Duration::from_millis(300),
            max_retries: 0,
            ..ClientOptions::default()
        },
    )
    .unwrap();
    let err = hasty.get_applicant(id(31415)).await.unwrap_err();
    assert!(matches!(err, ApiError::Timeout { .. }), "{err:?}");
    assert_key_absent(&[err]);
}

#[tokio::test]
async fn body_over_the_cap_is_refused() {
    let sb = sandbox(SandboxConfig::default()).await;
    let tiny = Client::with_options(
        &sb.base_url(),
        SecretString::from(KEY.to_owned()),
        ClientOptions {
            max_body_bytes: 200,
            ..ClientOptions::default()
        },
    )
    .unwrap();
    let err = tiny.get_applicant(id(31415)).await.unwrap_err();
    assert!(
        matches!(err, ApiError::BodyTooLarge { limit: 200 }),
        "{err:?}"
    );
}

#[tokio::test]
async fn connection_refused_is_a_connection_error() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let c = Client::with_options(
        &format!("http://127.0.0.1:{port}/api/v1/"),
        SecretString::from(KEY.to_owned()),
        ClientOptions {
            max_retries: 0,
            ..ClientOptions::default()
        },
    )
    .unwrap();
    let err = c.get_applicant(id(1)).await.unwrap_err();
    assert!(matches!(err, ApiError::Connection { .. }), "{err:?}");
    assert!(
        err.to_string().contains("nothing answers at that address"),
        "{err}"
    );
    assert!(
        err.technical().unwrap().to_lowercase().contains("refused"),
        "{err:?}"
    );
    assert_key_absent(&[err]);
}

/// A one-shot HTTP server on loopback answering every request with the given bytes, for the
/// answers the sandbox does not give on purpose (an HTML 502 from a proxy, a body that is
/// not JSON). It echoes the request line into the body, as some proxies do, so the key
/// would leak if the client did not redact.
fn canned_server(status_line: &'static str, body: &'static str) -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut buf = [0u8; 4096];
            let n = std::io::Read::read(&mut stream, &mut buf).unwrap_or(0);
            let request_line = String::from_utf8_lossy(&buf[..n])
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned();
            let body = format!("{body} {request_line}");
            let _ = write!(
                stream,
                "{status_line}\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    format!("http://127.0.0.1:{port}/api/v1/")
}

#[tokio::test]
async fn html_pages_are_clear_errors_without_the_key() {
    let no_retry = ClientOptions {
        max_retries: 0,
        ..ClientOptions::default()
    };
    let base = canned_server(
        "HTTP/1.1 502 Bad Gateway",
        "<html><body>502 Bad Gateway</body></html>",
    );
    let c =
        Client::with_options(&base, SecretString::from(KEY.to_owned()), no_retry.clone()).unwrap();
    let err = c.get_applicant(id(1)).await.unwrap_err();
    assert!(
        matches!(err, ApiError::Server { status: 502, .. }),
        "{err:?}"
    );
    let server_error = err;

    let base = canned_server("HTTP/1.1 200 OK", "<html>maintenance</html>");
    let c = Client::with_options(&base, SecretString::from(KEY.to_owned()), no_retry).unwrap();
    let err = c.get_applicant(id(1)).await.unwrap_err();
    match &err {
        ApiError::Undecodable {
            status, snippet, ..
        } => {
            assert_eq!(*status, 200);
            assert!(snippet.starts_with("<html>maintenance"), "{snippet}");
            assert!(
                snippet.contains("[redacted]"),
                "the echoed key is redacted: {snippet}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert_key_absent(&[server_error, err]);
}
