//! Rules of signing in: how many failures lock an account or an address, and when a session
//! ends. Pure functions over explicit times, so they are tested without a clock or a database.

use chrono::{DateTime, Duration, Utc};

/// Failed logins allowed per window before further attempts wait.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThrottlePolicy {
    pub max_failures: i32,
    pub window: Duration,
    pub lock_for: Duration,
}

/// Per account: slows password guessing against one person (OWASP suggests a handful of tries).
pub const ACCOUNT_THROTTLE: ThrottlePolicy = ThrottlePolicy {
    max_failures: 5,
    window: Duration::minutes(15),
    lock_for: Duration::minutes(15),
};

/// Per client address: slows spraying one password over many accounts. Generous, because a whole
/// office may share one address behind NAT.
pub const ADDRESS_THROTTLE: ThrottlePolicy = ThrottlePolicy {
    max_failures: 30,
    window: Duration::minutes(15),
    lock_for: Duration::minutes(15),
};

/// The stored counter for one key (`account:<login>` or `ip:<address>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FailureCount {
    pub failures: i32,
    pub window_started_at: DateTime<Utc>,
    pub locked_until: Option<DateTime<Utc>>,
}

impl ThrottlePolicy {
    /// Seconds to wait before trying again, if locked now.
    pub fn retry_after(&self, count: Option<&FailureCount>, now: DateTime<Utc>) -> Option<u64> {
        let until = count?.locked_until?;
        (until > now).then(|| (until - now).num_seconds().max(1) as u64)
    }

    /// The counter after one more failure at `now`: a new window starts when the old one has
    /// passed; reaching the limit locks the key.
    pub fn after_failure(&self, count: Option<&FailureCount>, now: DateTime<Utc>) -> FailureCount {
        let (failures, window_started_at) = match count {
            Some(c) if now - c.window_started_at < self.window => {
                (c.failures + 1, c.window_started_at)
            }
            _ => (1, now),
        };
        let locked_until = (failures >= self.max_failures).then(|| now + self.lock_for);
        FailureCount {
            failures,
            window_started_at,
            locked_until,
        }
    }
}

/// Session lifetime: ends after a quiet spell or, regardless of activity, after a working day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionPolicy {
    pub idle_timeout: Duration,
    pub absolute_timeout: Duration,
}

pub const SESSION_POLICY: SessionPolicy = SessionPolicy {
    idle_timeout: Duration::minutes(60),
    absolute_timeout: Duration::hours(12),
};

impl SessionPolicy {
    pub fn expires_at(&self, created_at: DateTime<Utc>) -> DateTime<Utc> {
        created_at + self.absolute_timeout
    }

    pub fn is_alive(
        &self,
        last_seen_at: DateTime<Utc>,
        expires_at: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> bool {
        now < expires_at && now - last_seen_at < self.idle_timeout
    }
}

/// The longest login there can be: an e-mail address has at most 254 characters (RFC 5321).
pub const LOGIN_MAX_CHARS: usize = 254;

/// Logins are NIPs or e-mail addresses; compare them in one canonical form.
pub fn normalize_login(input: &str) -> String {
    let trimmed = input.trim();
    if trimmed
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace())
    {
        trimmed.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        trimmed.to_lowercase()
    }
}

/// Where to send the browser after a form post: only same-site paths are followed, so `next` or
/// `return_to` cannot turn a form into an open redirect.
pub fn local_path_or_root(candidate: Option<&str>) -> String {
    match candidate {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.contains('\\')
                && !p.chars().any(char::is_control) =>
        {
            p.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// Shortest password accepted when one is set (NIST SP 800-63B: at least 8).
pub const MIN_PASSWORD_LEN: usize = 10;

/// How long an admin-issued password-reset link works (once).
pub const RESET_LINK_TTL: chrono::Duration = chrono::Duration::hours(24);

/// Field errors of a new password and its confirmation (`current`: the old one, when known).
pub fn new_password_errors(
    new: &str,
    confirm: &str,
    current: Option<&str>,
) -> Vec<(&'static str, &'static str)> {
    let mut errors = Vec::new();
    if new.chars().count() < MIN_PASSWORD_LEN {
        errors.push(("new_password", "too_short"));
    } else if current == Some(new) {
        errors.push(("new_password", "same_password"));
    }
    if confirm != new {
        errors.push(("confirm_password", "mismatch"));
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(min: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap() + Duration::minutes(min)
    }

    #[test]
    fn locks_after_the_fifth_failure_within_the_window() {
        let p = ACCOUNT_THROTTLE;
        let mut count = None;
        for minute in 0..4 {
            let c = p.after_failure(count.as_ref(), at(minute));
            assert_eq!(c.locked_until, None);
            count = Some(c);
        }
        let locked = p.after_failure(count.as_ref(), at(5));
        assert_eq!(locked.failures, 5);
        assert_eq!(locked.locked_until, Some(at(20)));
        assert_eq!(p.retry_after(Some(&locked), at(5)), Some(15 * 60));
        assert_eq!(p.retry_after(Some(&locked), at(19)), Some(60));
        assert_eq!(p.retry_after(Some(&locked), at(20)), None);
    }

    #[test]
    fn failures_spread_beyond_the_window_start_over() {
        let p = ACCOUNT_THROTTLE;
        let first = p.after_failure(None, at(0));
        let later = p.after_failure(
            Some(&FailureCount {
                failures: 4,
                ..first
            }),
            at(16),
        );
        assert_eq!(later.failures, 1);
        assert_eq!(later.locked_until, None);
    }

    #[test]
    fn sessions_end_when_idle_or_too_old() {
        let p = SESSION_POLICY;
        let created = at(0);
        let expires = p.expires_at(created);
        assert!(p.is_alive(created, expires, at(59)));
        assert!(!p.is_alive(created, expires, at(60)), "idle for an hour");
        assert!(p.is_alive(at(11 * 60 + 30), expires, at(11 * 60 + 59)));
        assert!(
            !p.is_alive(at(12 * 60 - 1), expires, at(12 * 60)),
            "absolute limit"
        );
    }

    #[test]
    fn return_paths_stay_on_this_site() {
        assert_eq!(
            local_path_or_root(Some("/skp?tahun=2026")),
            "/skp?tahun=2026"
        );
        assert_eq!(local_path_or_root(Some("//evil.example")), "/");
        assert_eq!(local_path_or_root(Some("https://evil.example")), "/");
        assert_eq!(local_path_or_root(Some("/\\evil.example")), "/");
        assert_eq!(local_path_or_root(None), "/");
    }

    #[test]
    fn logins_are_normalised() {
        assert_eq!(
            normalize_login(" 19850512 201001 1 001 "),
            "198505122010011001"
        );
        assert_eq!(
            normalize_login("Budi.Santoso@SukaMakmur.go.id"),
            "budi.santoso@sukamakmur.go.id"
        );
    }
}
