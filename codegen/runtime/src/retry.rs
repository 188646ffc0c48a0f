//! When to send a request again, and how long to wait first.

use reqwest::Method;
use std::time::Duration;
use time::format_description::well_known::Rfc2822;
use time::OffsetDateTime;

/// When a failed request is sent again.
///
/// The default retries idempotent requests (`GET`, `HEAD`, `OPTIONS`, `PUT`,
/// `DELETE`) that were answered 429 (too many requests) or 503 (unavailable), or
/// that could not connect, making at most 3 attempts in all. Between attempts it
/// waits as the answer's `Retry-After` header says (delta-seconds or an HTTP date);
/// without one it backs off exponentially with full jitter: a random wait between
/// zero and `base_delay × 2^(retry − 1)`, never more than `max_delay` (100 ms and
/// 3 s by default, as Twilio's Node library does). A `Retry-After` longer than
/// `max_retry_after` (10 s by default) is not waited out: the error is returned at
/// once so the caller decides. `POST` (create, update) is retried only after
/// [`RetryPolicy::retry_non_idempotent`], since the first attempt may have been
/// carried out. A timed-out attempt is never retried, for the same reason.
///
/// ```
/// use std::time::Duration;
/// use twilio_codegen_runtime::RetryPolicy;
///
/// // Five attempts, creates and updates too, on 500 as well.
/// let eager = RetryPolicy::default()
///     .max_attempts(5)
///     .retry_non_idempotent(true)
///     .statuses([429, 500, 503])
///     .max_delay(Duration::from_secs(1));
/// assert_ne!(eager, RetryPolicy::none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    max_retry_after: Duration,
    retry_non_idempotent: bool,
    statuses: Vec<u16>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(3),
            max_retry_after: Duration::from_secs(10),
            retry_non_idempotent: false,
            statuses: vec![429, 503],
        }
    }
}

impl RetryPolicy {
    /// Never retries: every request is sent once.
    pub fn none() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// At most `n` attempts in all, the first included; 0 counts as 1.
    pub fn max_attempts(mut self, n: u32) -> Self {
        self.max_attempts = n.max(1);
        self
    }

    /// The backoff before the first retry, doubled for each one after it.
    pub fn base_delay(mut self, d: Duration) -> Self {
        self.base_delay = d;
        self
    }

    /// The longest backoff between two attempts when the answer has no `Retry-After`.
    pub fn max_delay(mut self, d: Duration) -> Self {
        self.max_delay = d;
        self
    }

    /// The longest `Retry-After` that is waited out; a longer one ends retrying and
    /// returns the error.
    pub fn max_retry_after(mut self, d: Duration) -> Self {
        self.max_retry_after = d;
        self
    }

    /// Also retry requests that are not idempotent (`POST`: create and update).
    pub fn retry_non_idempotent(mut self, yes: bool) -> Self {
        self.retry_non_idempotent = yes;
        self
    }

    /// The HTTP statuses that are retried, replacing the default 429 and 503.
    pub fn statuses(mut self, statuses: impl IntoIterator<Item = u16>) -> Self {
        self.statuses = statuses.into_iter().collect();
        self
    }

    /// How many attempts in all a request may get, the first included.
    pub(crate) fn attempts_for(&self, method: &Method) -> u32 {
        let idempotent = [
            Method::GET,
            Method::HEAD,
            Method::OPTIONS,
            Method::PUT,
            Method::DELETE,
        ]
        .contains(method);
        if idempotent || self.retry_non_idempotent {
            self.max_attempts
        } else {
            1
        }
    }

    /// True when an answer with this status is retried.
    pub(crate) fn retries_status(&self, status: u16) -> bool {
        self.statuses.contains(&status)
    }

    /// How long to wait before retry number `retry` (1 for the second attempt), given
    /// the answer's `Retry-After`; `None` when the server asked for longer than
    /// `max_retry_after`.
    pub(crate) fn wait(&self, retry: u32, retry_after: Option<Duration>) -> Option<Duration> {
        match retry_after {
            Some(asked) if asked > self.max_retry_after => None,
            Some(asked) => Some(asked),
            None => Some(self.backoff(retry)),
        }
    }

    /// Full jitter: uniform in `0..=min(max_delay, base_delay × 2^(retry − 1))`.
    pub(crate) fn backoff(&self, retry: u32) -> Duration {
        let factor = 1u32
            .checked_shl(retry.saturating_sub(1))
            .unwrap_or(u32::MAX);
        let ceiling = self.base_delay.saturating_mul(factor).min(self.max_delay);
        let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
        Duration::from_nanos(fastrand::u64(0..=nanos))
    }
}

/// Reads a `Retry-After` value: delta-seconds (`120`) or an HTTP date
/// (`Sun, 06 Nov 1994 08:49:37 GMT`), as a wait from `now`; a date in the past is no
/// wait. `None` when it is neither.
pub(crate) fn parse_retry_after(value: &str, now: OffsetDateTime) -> Option<Duration> {
    let value = value.trim();
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        // Too many digits for a u64 is still "a very long time".
        return Some(
            value
                .parse()
                .map(Duration::from_secs)
                .unwrap_or(Duration::MAX),
        );
    }
    let at = http_date(value, now)?;
    Some(Duration::try_from(at - now).unwrap_or(Duration::ZERO))
}

/// An HTTP date in any of the three forms RFC 9110 (§5.6.7) says a recipient must
/// accept: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), RFC 850
/// (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`).
/// The obsolete two are rewritten as RFC 2822 dates, without the weekday.
fn http_date(value: &str, now: OffsetDateTime) -> Option<OffsetDateTime> {
    if let Ok(at) = OffsetDateTime::parse(value, &Rfc2822) {
        return Some(at);
    }
    let words: Vec<&str> = value.split_ascii_whitespace().collect();
    let rfc2822 = match words[..] {
        [_weekday, date, time, "GMT"] => {
            let mut parts = date.split('-');
            let (day, month, yy) = (parts.next()?, parts.next()?, parts.next()?);
            if parts.next().is_some() || yy.len() != 2 || !yy.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let yy: i32 = yy.parse().ok()?;
            // The latest year with those two digits that is at most 50 years ahead.
            let mut year = now.year() - now.year().rem_euclid(100) + yy;
            if year > now.year() + 50 {
                year -= 100;
            } else if year + 100 <= now.year() + 50 {
                year += 100;
            }
            format!("{day} {month} {year} {time} GMT")
        }
        [_weekday, month, day, time, year] => format!("{day} {month} {year} {time} GMT"),
        _ => return None,
    };
    OffsetDateTime::parse(&rfc2822, &Rfc2822).ok()
}
