//! How long to wait before a request is sent again.

use std::time::Duration;

use rand::Rng;

/// Exponential, with jitter, from 250 ms.
pub(crate) fn backoff(attempt: u32) -> Duration {
    let base = 250u64.saturating_mul(1 << attempt.min(6));
    let jitter = rand::rng().random_range(0..=base / 2);
    Duration::from_millis(base + jitter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows() {
        assert!(backoff(0) >= Duration::from_millis(250));
        assert!(backoff(3) >= Duration::from_millis(2000));
        assert!(backoff(60) <= Duration::from_millis(16_000 * 3 / 2));
    }
}
