//! Whether the real Secret Service answers here. A test that needs it and finds none says
//! so and skips; under `RICKRUT_REQUIRE_KEYRING=1` (CI) that is a failure instead.
#![allow(dead_code)] // shared by several test binaries, each using a part

use std::io::Write as _;

use rickrut_dashboard::keys::{OsKeyring, SecretStore};

/// Why the Secret Service cannot be used here, if it cannot.
pub fn keyring_problem() -> Option<String> {
    let problem = match OsKeyring::new().and_then(|s| s.get("rickrut-dashboard-probe")) {
        Ok(_) => return None,
        Err(e) => e,
    };
    assert!(
        std::env::var("RICKRUT_REQUIRE_KEYRING").as_deref() != Ok("1"),
        "RICKRUT_REQUIRE_KEYRING=1 but the Secret Service is not usable: {problem}"
    );
    Some(format!("the Secret Service is not usable: {problem}"))
}

/// Whether a test that needs the Secret Service can run; when not, says so on stderr.
pub fn keyring_usable(test: &str) -> bool {
    match keyring_problem() {
        None => true,
        Some(problem) => {
            let _ = writeln!(std::io::stderr(), "{test}: SKIPPED, {problem}");
            false
        }
    }
}
