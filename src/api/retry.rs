//! How a request is repeated, in one place for every path (a look-up, an invite, each
//! applicant of a refresh, each row of a bulk invite): the timeout the recruiter set bounds
//! the whole operation, retries and waits included; a server's `Retry-After` is a request,
//! not an order — a wait longer than what is left gives up at once; there is a floor
//! between attempts and a cap on their number.

use std::time::{Duration, Instant};

use rand::Rng;

/// The rules of repeating.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// The whole operation, every attempt and every wait included.
    pub deadline: Duration,
    /// Attempts at most, the first one included.
    pub max_attempts: u32,
    /// The shortest wait between two attempts, whatever the server asks (`Retry-After: 0`).
    pub floor: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            deadline: Duration::from_secs(30),
            max_attempts: 3,
            floor: Duration::from_millis(250),
        }
    }
}

impl RetryPolicy {
    /// A budget for one operation, starting now.
    pub fn start(&self) -> Budget {
        Budget {
            policy: *self,
            started: Instant::now(),
            attempts: 0,
        }
    }
}

/// Why an operation makes no further attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GiveUp {
    /// The wait the server asked for (or the next backoff) does not fit in what is left.
    OutOfTime {
        asked: Option<Duration>,
    },
    OutOfAttempts,
}

/// One operation's budget: when it started and how many attempts it made.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    policy: RetryPolicy,
    started: Instant,
    attempts: u32,
}

impl Budget {
    /// Time left before the deadline.
    pub fn remaining(&self) -> Duration {
        self.policy.deadline.saturating_sub(self.started.elapsed())
    }

    /// Time since the operation started.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// An attempt is made now; false when none may be (no time or no attempt left).
    pub fn take_attempt(&mut self) -> bool {
        if self.attempts >= self.policy.max_attempts.max(1) || self.remaining().is_zero() {
            return false;
        }
        self.attempts += 1;
        true
    }

    /// How long to wait before the next attempt: what the server asked for (at least the
    /// floor), or an exponential backoff with jitter when it asked nothing.
    pub fn wait(&self, asked: Option<Duration>) -> Result<Duration, GiveUp> {
        if self.attempts >= self.policy.max_attempts.max(1) {
            return Err(GiveUp::OutOfAttempts);
        }
        let wait = asked
            .unwrap_or_else(|| backoff(self.attempts.saturating_sub(1)))
            .max(self.policy.floor);
        if wait >= self.remaining() {
            return Err(GiveUp::OutOfTime { asked });
        }
        Ok(wait)
    }
}

/// Exponential, with jitter, from 250 ms.
pub(crate) fn backoff(attempt: u32) -> Duration {
    let base = 250u64.saturating_mul(1 << attempt.min(6));
    let jitter = rand::rng().random_range(0..=base / 2);
    Duration::from_millis(base + jitter)
}

/// A duration as a person reads it: "45 s", "3 min", "2 h", "3 days".
pub fn human_duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 1.0 {
        return format!("{} s", crate::i18n::decimal(secs.max(0.1), 1));
    }
    let secs = d.as_secs();
    match secs {
        0..=119 => format!("{secs} s"),
        120..=7_199 => format!("{} min", secs / 60),
        7_200..=172_799 => format!("{} h", secs / 3600),
        172_800..=63_071_999 => crate::t!("errors-duration-days", count = secs / 86_400),
        _ => crate::t!("errors-duration-years"),
    }
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

    #[test]
    fn waits_fit_the_deadline_or_give_up_at_once() {
        let policy = RetryPolicy {
            deadline: Duration::from_secs(5),
            max_attempts: 4,
            floor: Duration::from_millis(200),
        };
        let mut budget = policy.start();
        assert!(budget.take_attempt());
        assert_eq!(
            budget.wait(Some(Duration::from_secs(1))),
            Ok(Duration::from_secs(1))
        );
        assert_eq!(
            budget.wait(Some(Duration::ZERO)),
            Ok(Duration::from_millis(200)),
            "the floor"
        );
        let day = Duration::from_secs(86_400);
        assert_eq!(
            budget.wait(Some(day)),
            Err(GiveUp::OutOfTime { asked: Some(day) })
        );
        let forever = Duration::from_secs(u64::MAX);
        assert!(
            budget.wait(Some(forever)).is_err(),
            "no overflow on a hostile header"
        );
        for _ in 0..3 {
            assert!(budget.take_attempt());
        }
        assert!(!budget.take_attempt());
        assert_eq!(budget.wait(None), Err(GiveUp::OutOfAttempts));
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(human_duration(Duration::from_secs(86_400)), "24 h");
        assert_eq!(human_duration(Duration::from_secs(5)), "5 s");
        assert_eq!(human_duration(Duration::from_secs(600)), "10 min");
        assert_eq!(human_duration(Duration::from_secs(3 * 86_400)), "3 days");
        assert_eq!(human_duration(Duration::from_secs(u64::MAX)), "years");
    }
}
