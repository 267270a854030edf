//! Settings read from the environment (documented in the README's configuration table).

use crate::proxy::TrustedProxies;
use std::time::Duration;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/kinerja.db?mode=rwc";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines for a terminal.
    Pretty,
    /// One JSON object per line, for log collectors.
    Json,
}

#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: String,
    pub log_format: LogFormat,
    /// Load the demo agency and its people once, when the database holds no agency yet.
    pub seed_demo: bool,
    /// Largest request body accepted (bytes); file uploads get their own limit.
    pub max_body_bytes: usize,
    /// How long in-flight requests may run after SIGTERM/SIGINT before the server stops anyway.
    pub shutdown_grace: Duration,
    pub db_max_connections: u32,
    /// Where evidence files live: a directory (or `file:///path`).
    pub evidence_store: String,
    /// Largest evidence file accepted (bytes).
    pub upload_max_bytes: u64,
    /// Reverse proxies whose `X-Forwarded-For`/`-Proto` are believed (`KINERJA_TRUSTED_PROXIES`).
    pub trusted_proxies: TrustedProxies,
    /// Runs the agency's calendar from this day instead of the real one (`KINERJA_TODAY`:
    /// training rooms, demos and browser tests; unset in production).
    pub today: Option<chrono::NaiveDate>,
    /// Reminder e-mails: all three of `KINERJA_SMTP_URL`, `KINERJA_MAIL_FROM` and
    /// `KINERJA_PUBLIC_URL`, or none (in-app reminders only).
    pub mail: Option<MailSettings>,
    /// `KINERJA_PUBLIC_URL`: where people open the application, for links in e-mails and on
    /// printed posters; without it a poster prints the address the admin's browser used.
    pub public_url: Option<String>,
}

#[derive(Clone)]
pub struct MailSettings {
    /// `smtps://user:password@host:465` or `smtp://user:password@host:587?tls=required`.
    pub smtp_url: String,
    /// The sender, e.g. `Kinerja BKPSDM <kinerja@sukamakmur.go.id>`.
    pub from: String,
    /// Where people open the application, for links in messages.
    pub public_url: String,
}

impl std::fmt::Debug for MailSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The SMTP URL holds the password.
        f.debug_struct("MailSettings")
            .field("from", &self.from)
            .field("public_url", &self.public_url)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error)]
#[error("invalid value for {name}: `{value}` ({reason})")]
pub struct ConfigError {
    name: &'static str,
    value: String,
    reason: &'static str,
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads settings through `lookup` so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let parse_u64 = |name: &'static str, default: u64| -> Result<u64, ConfigError> {
            match get(name) {
                None => Ok(default),
                Some(v) => v.trim().parse().map_err(|_| ConfigError {
                    name,
                    value: v,
                    reason: "expected a whole number",
                }),
            }
        };
        let log_format = match get("LOG_FORMAT").as_deref().map(str::trim) {
            None | Some("pretty") => LogFormat::Pretty,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError {
                    name: "LOG_FORMAT",
                    value: other.to_owned(),
                    reason: "expected `pretty` or `json`",
                });
            }
        };
        let seed_demo = match get("KINERJA_DEMO_DATA").as_deref().map(str::trim) {
            None | Some("0") | Some("false") => false,
            Some("1") | Some("true") => true,
            Some(other) => {
                return Err(ConfigError {
                    name: "KINERJA_DEMO_DATA",
                    value: other.to_owned(),
                    reason: "expected `true` or `false`",
                });
            }
        };
        let database_url = get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned());
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(ConfigError {
                name: "DATABASE_URL",
                value: database_url,
                reason: "expected a sqlite: or postgres:// URL",
            });
        }
        let upload_max_bytes = parse_u64("KINERJA_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)?;
        if upload_max_bytes == 0 || upload_max_bytes > 1024 * 1024 * 1024 {
            return Err(ConfigError {
                name: "KINERJA_UPLOAD_MAX_BYTES",
                value: upload_max_bytes.to_string(),
                reason: "expected 1 byte to 1 GiB",
            });
        }
        let trusted_proxies = match get("KINERJA_TRUSTED_PROXIES") {
            None => TrustedProxies::NONE,
            Some(list) => TrustedProxies::parse(&list).map_err(|item| ConfigError {
                name: "KINERJA_TRUSTED_PROXIES",
                value: item,
                reason: "expected IP addresses or CIDR ranges, separated by commas",
            })?,
        };
        let today = match get("KINERJA_TODAY") {
            None => None,
            Some(text) => Some(
                chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
                    ConfigError {
                        name: "KINERJA_TODAY",
                        value: text,
                        reason: "expected a date as YYYY-MM-DD",
                    }
                })?,
            ),
        };
        let public_url = match get("KINERJA_PUBLIC_URL") {
            None => None,
            Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
                Some(url.trim_end_matches('/').to_owned())
            }
            Some(url) => {
                return Err(ConfigError {
                    name: "KINERJA_PUBLIC_URL",
                    value: url,
                    reason: "expected an http(s):// address",
                });
            }
        };
        let mail = match (
            get("KINERJA_SMTP_URL"),
            get("KINERJA_MAIL_FROM"),
            public_url.clone(),
        ) {
            (None, None, _) => None,
            (Some(smtp_url), Some(from), Some(public_url)) => Some(MailSettings {
                smtp_url,
                from,
                public_url,
            }),
            (smtp, from, _) => {
                let name = match (smtp, from) {
                    (None, _) => "KINERJA_SMTP_URL",
                    (_, None) => "KINERJA_MAIL_FROM",
                    _ => "KINERJA_PUBLIC_URL",
                };
                return Err(ConfigError {
                    name,
                    value: String::new(),
                    reason: "reminder e-mail needs KINERJA_SMTP_URL, KINERJA_MAIL_FROM and KINERJA_PUBLIC_URL together",
                });
            }
        };
        Ok(Self {
            mail,
            public_url,
            today,
            database_url,
            trusted_proxies,
            log_format,
            seed_demo,
            evidence_store: get("KINERJA_EVIDENCE_STORE")
                .unwrap_or_else(|| "data/bukti".to_owned()),
            upload_max_bytes,
            max_body_bytes: usize::try_from(parse_u64("KINERJA_MAX_BODY_BYTES", 1024 * 1024)?)
                .unwrap_or(usize::MAX),
            shutdown_grace: Duration::from_secs(parse_u64("KINERJA_SHUTDOWN_GRACE_SECS", 20)?),
            db_max_connections: u32::try_from(parse_u64("KINERJA_DB_MAX_CONNECTIONS", 10)?)
                .unwrap_or(u32::MAX)
                .max(1),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_use_the_sqlite_file_under_data() {
        let c = config(&[]).unwrap();
        assert_eq!(c.database_url, DEFAULT_DATABASE_URL);
        assert_eq!(c.log_format, LogFormat::Pretty);
        assert!(!c.seed_demo);
        assert_eq!(c.max_body_bytes, 1024 * 1024);
    }

    #[test]
    fn rejects_unknown_values_with_the_variable_name() {
        let err = config(&[("LOG_FORMAT", "xml")]).unwrap_err();
        assert!(err.to_string().contains("LOG_FORMAT"));
        assert!(config(&[("DATABASE_URL", "mysql://x")]).is_err());
        assert!(config(&[("KINERJA_MAX_BODY_BYTES", "lots")]).is_err());
        assert!(config(&[("KINERJA_UPLOAD_MAX_BYTES", "0")]).is_err());
        assert!(config(&[("KINERJA_TODAY", "20-08-2026")]).is_err());
        assert!(config(&[("KINERJA_SMTP_URL", "smtps://u:p@mail.example:465")]).is_err());
        assert!(config(&[("KINERJA_PUBLIC_URL", "kinerja.example.go.id")]).is_err());
        let alone = config(&[("KINERJA_PUBLIC_URL", "https://kinerja.example.go.id/")]).unwrap();
        assert_eq!(
            (alone.public_url.as_deref(), alone.mail.is_none()),
            (Some("https://kinerja.example.go.id"), true),
            "a public address alone serves the posters"
        );
        let mail = config(&[
            ("KINERJA_SMTP_URL", "smtps://u:p@mail.example:465"),
            ("KINERJA_MAIL_FROM", "Kinerja <kinerja@example.go.id>"),
            ("KINERJA_PUBLIC_URL", "https://kinerja.example.go.id"),
        ])
        .unwrap()
        .mail
        .unwrap();
        assert!(
            !format!("{mail:?}").contains("u:p"),
            "the password is never printed"
        );
        assert_eq!(
            config(&[("KINERJA_TODAY", "2026-08-20")]).unwrap().today,
            chrono::NaiveDate::from_ymd_opt(2026, 8, 20)
        );
        assert_eq!(config(&[]).unwrap().upload_max_bytes, 10 * 1024 * 1024);
        assert_eq!(config(&[]).unwrap().evidence_store, "data/bukti");
        assert_eq!(config(&[]).unwrap().trusted_proxies, TrustedProxies::NONE);
        let err = config(&[("KINERJA_TRUSTED_PROXIES", "10.0.0.1, lb.local")]).unwrap_err();
        assert!(err.to_string().contains("lb.local"), "{err}");
        assert_eq!(
            config(&[("KINERJA_TRUSTED_PROXIES", "10.0.0.0/8")])
                .unwrap()
                .trusted_proxies,
            TrustedProxies::parse("10.0.0.0/8").unwrap()
        );
    }

    #[test]
    fn accepts_postgres_and_demo_flag() {
        let c = config(&[
            ("DATABASE_URL", "postgres://postgres@127.0.0.1/kinerja"),
            ("KINERJA_DEMO_DATA", "true"),
            ("LOG_FORMAT", "json"),
        ])
        .unwrap();
        assert!(c.seed_demo);
        assert_eq!(c.log_format, LogFormat::Json);
    }
}
