//! Whether the real Secret Service answers here. A test that needs it and finds none says
//! so and skips; under `RICKRUT_REQUIRE_KEYRING=1` (CI) that is a failure instead.

use std::io::Write as _;

use rickrut_dashboard::keys::{OsKeyring, SecretStore};

pub fn keyring_usable(test: &str) -> bool {
    let problem = match OsKeyring::new().and_then(|s| s.get("rickrut-dashboard-probe")) {
        Ok(_) => return true,
        Err(e) => e,
    };
    assert!(
        std::env::var("RICKRUT_REQUIRE_KEYRING").as_deref() != Ok("1"),
        "RICKRUT_REQUIRE_KEYRING=1 but the Secret Service is not usable: {problem}"
    );
    let _ = writeln!(
        std::io::stderr(),
        "{test}: SKIPPED, the Secret Service is not usable here: {problem}"
    );
    false
}
