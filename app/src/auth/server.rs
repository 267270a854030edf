//! Sessions, passwords, login throttling and the request's actor (server only).
//!
//! Sessions live in the database (`auth_session`), keyed by the SHA-256 of a random 256-bit token
//! that only the browser holds, in an `HttpOnly; SameSite=Lax` cookie (`Secure` and `__Host-`
//! prefixed behind TLS). A login always creates a new token (rotation); logout deletes the row.

use crate::db::entities::{
    auth_session, login_throttle, password_reset, pegawai, unit_kerja, user_account,
};
use crate::domain::access::{
    Actor, AdminRank, AdminRole, AdminScope, UnitPath, admin_rights_suspended,
};
use crate::domain::ids::{AccountId, EmployeeId};
use crate::domain::login::{FailureCount, RESET_LINK_TTL, SESSION_POLICY, ThrottlePolicy};
use crate::error::AppError;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use chrono::{DateTime, Duration, Utc};
use http::HeaderMap;
use rand_core::{OsRng, RngCore};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set,
};
use sha2::{Digest, Sha256};

pub const SESSION_COOKIE: &str = "kinerja_session";
pub const SECURE_SESSION_COOKIE: &str = "__Host-kinerja_session";

/// argon2id with OWASP's first recommended parameter set: 19 MiB memory, 2 passes, 1 lane.
fn hasher() -> Argon2<'static> {
    Argon2::new(
        Algorithm::Argon2id,
        Version::V0x13,
        Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters"),
    )
}

pub fn hash_password(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| {
            tracing::error!(error = %e, "password hashing failed");
            AppError::Internal
        })
}

pub fn verify_password(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Verifying against this when the login is unknown makes both failures take the same time,
/// so response times do not reveal which NIPs have accounts.
fn dummy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| hash_password("not a real password").unwrap_or_default())
}

pub(crate) fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub(crate) fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Where a request came from, as the server decided it: the connection's peer address, or what a
/// trusted proxy reported (see `server::proxy`). The server puts it into every request's
/// extensions; a request without it (built in process) has no known address.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ClientAddr {
    pub ip: Option<std::net::IpAddr>,
    /// Served over TLS, as a trusted proxy's `X-Forwarded-Proto` says.
    pub secure: bool,
}

/// Facts about the request that sessions and the audit log record.
#[derive(Clone, Debug, Default)]
pub struct ClientInfo {
    pub ip: Option<String>,
    pub user_agent: Option<String>,
    pub request_id: Option<String>,
    /// Served over TLS (as told by a trusted proxy's `X-Forwarded-Proto`).
    pub secure: bool,
    pub session_token: Option<String>,
}

impl ClientInfo {
    pub fn from_headers(headers: &HeaderMap, addr: Option<&ClientAddr>) -> Self {
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let cookies: Vec<String> = headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect();
        let cookie = |name: &str| {
            cookies
                .iter()
                .find_map(|h| crate::ui::locale::cookie_value(h, name).map(str::to_owned))
        };
        Self {
            ip: addr.and_then(|a| a.ip).map(|ip| ip.to_string()),
            user_agent: header("user-agent").map(|ua| ua.chars().take(300).collect()),
            request_id: header("x-request-id"),
            secure: addr.is_some_and(|a| a.secure),
            session_token: cookie(SECURE_SESSION_COOKIE).or_else(|| cookie(SESSION_COOKIE)),
        }
    }

    /// From a request's head: its headers, and the address the server recorded for it.
    pub fn from_parts(parts: &http::request::Parts) -> Self {
        Self::from_headers(&parts.headers, parts.extensions.get::<ClientAddr>())
    }

    /// From the request being handled by Leptos (pages and server functions).
    pub fn current() -> Self {
        leptos::prelude::use_context::<http::request::Parts>()
            .map(|parts| Self::from_parts(&parts))
            .unwrap_or_default()
    }
}

/// Plain axum handlers take the client like any other extractor.
impl<S: Send + Sync> axum::extract::FromRequestParts<S> for ClientInfo {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(Self::from_parts(parts))
    }
}

pub fn session_cookie(token: &str, secure: bool) -> String {
    let max_age = SESSION_POLICY.absolute_timeout.num_seconds();
    if secure {
        format!(
            "{SECURE_SESSION_COOKIE}={token}; Path=/; Max-Age={max_age}; HttpOnly; Secure; SameSite=Lax"
        )
    } else {
        format!("{SESSION_COOKIE}={token}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax")
    }
}

pub fn clear_session_cookie(secure: bool) -> String {
    if secure {
        format!("{SECURE_SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax")
    } else {
        format!("{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
    }
}

/// Starts a session for `user_id`; returns the token for the cookie.
pub async fn create_session(
    db: &impl ConnectionTrait,
    user_id: AccountId,
    client: &ClientInfo,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let token = random_token();
    auth_session::ActiveModel {
        id: Set(token_hash(&token)),
        user_id: Set(user_id),
        csrf_token: Set(random_token()),
        created_at: Set(now),
        last_seen_at: Set(now),
        expires_at: Set(SESSION_POLICY.expires_at(now)),
        ip: Set(client.ip.clone()),
        user_agent: Set(client.user_agent.clone()),
    }
    .insert(db)
    .await?;
    Ok(token)
}

pub async fn end_session(db: &impl ConnectionTrait, token: &str) -> Result<(), AppError> {
    auth_session::Entity::delete_by_id(token_hash(token))
        .exec(db)
        .await?;
    Ok(())
}

/// Logout everywhere: ends every session of the account, and any login half-way through its second factor.
pub async fn end_all_sessions(
    db: &impl ConnectionTrait,
    user_id: AccountId,
) -> Result<u64, AppError> {
    crate::db::entities::login_challenge::Entity::delete_many()
        .filter(crate::db::entities::login_challenge::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    let result = auth_session::Entity::delete_many()
        .filter(auth_session::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

/// The signed-in account behind `token`, if its session is alive. Touches the session at most
/// once a minute so reads do not turn every request into a write.
pub async fn session_account(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<user_account::Model>, AppError> {
    let Some((session, account)) = live_session(db, token, now).await? else {
        return Ok(None);
    };
    if now - session.last_seen_at > Duration::minutes(1) {
        let mut touched: auth_session::ActiveModel = session.into();
        touched.last_seen_at = Set(now);
        touched.update(db).await?;
    }
    Ok(Some(account))
}

/// Like [`session_account`], but not counted as the person's activity: a live stream that the
/// browser keeps open (and reopens by itself) must not keep an unattended session from expiring.
pub async fn session_account_passive(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<user_account::Model>, AppError> {
    Ok(live_session(db, token, now)
        .await?
        .map(|(_, account)| account))
}

/// The session behind `token` and its enabled account, if the session is alive; a dead one is
/// deleted.
async fn live_session(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(auth_session::Model, user_account::Model)>, AppError> {
    // One query for both: every authenticated request starts here.
    let Some((session, account)) = auth_session::Entity::find_by_id(token_hash(token))
        .find_also_related(user_account::Entity)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if !SESSION_POLICY.is_alive(session.last_seen_at, session.expires_at, now) {
        auth_session::Entity::delete_by_id(session.id)
            .exec(db)
            .await?;
        return Ok(None);
    }
    Ok(account
        .filter(|account| !account.disabled)
        .map(|account| (session, account)))
}

/// Everything authorization needs about an account.
pub async fn actor_for(
    db: &impl ConnectionTrait,
    account: &user_account::Model,
) -> Result<Actor, AppError> {
    let heads_units = match account.pegawai_id {
        Some(pegawai_id) => headed_unit_paths(db, pegawai_id).await?,
        None => vec![],
    };
    // An agency may demand a second factor for admin rights: without one, an admin acts as a
    // plain employee (the profile says why) until TOTP is set up.
    let rank = account.admin_scope.rank(account.is_super_admin);
    // Only an admin's request reads the agency's setting: most requests are employees'.
    let suspended = rank != AdminRank::None
        && admin_rights_suspended(
            rank,
            account.totp_enabled,
            crate::db::agency::primary(db)
                .await?
                .is_some_and(|a| a.require_admin_mfa),
        );
    let admin_rights = !suspended;
    let admin_scope = match account.admin_scope {
        _ if !admin_rights => None,
        AdminRole::Agency => Some(AdminScope::Agency),
        AdminRole::Subtree => match account.admin_unit_id {
            Some(unit_id) => unit_kerja::Entity::find_by_id(unit_id)
                .one(db)
                .await?
                .map(|u| AdminScope::Subtree(UnitPath(u.path))),
            None => None,
        },
        AdminRole::None => None,
    };
    Ok(Actor {
        user_id: account.id,
        employee_id: account.pegawai_id,
        heads_units,
        admin_scope,
        is_super_admin: account.is_super_admin && admin_rights,
    })
}

/// The unit the employee heads through their position, if it is a head's position: one query,
/// as every authenticated request asks.
async fn headed_unit_paths(
    db: &impl ConnectionTrait,
    pegawai_id: EmployeeId,
) -> Result<Vec<UnitPath>, AppError> {
    use crate::db::entities::jabatan;
    use sea_orm::sea_query::Query;
    let positions_held = Query::select()
        .column(pegawai::Column::JabatanId)
        .from(pegawai::Entity)
        .and_where(pegawai::Column::Id.eq(pegawai_id))
        .to_owned();
    let units_headed = Query::select()
        .column(jabatan::Column::UnitId)
        .from(jabatan::Entity)
        .and_where(jabatan::Column::IsHead.eq(true))
        .and_where(jabatan::Column::Id.in_subquery(positions_held))
        .to_owned();
    Ok(unit_kerja::Entity::find()
        .filter(unit_kerja::Column::Id.in_subquery(units_headed))
        .all(db)
        .await?
        .into_iter()
        .map(|u| UnitPath(u.path))
        .collect())
}

/// Seconds to wait if any of `keys` is locked.
pub async fn throttled(
    db: &impl ConnectionTrait,
    keys: &[(&str, ThrottlePolicy)],
    now: DateTime<Utc>,
) -> Result<Option<u64>, AppError> {
    let mut wait = None;
    for (key, policy) in keys {
        let count = login_throttle::Entity::find_by_id(key.to_string())
            .one(db)
            .await?
            .map(to_count);
        if let Some(secs) = policy.retry_after(count.as_ref(), now) {
            wait = Some(wait.map_or(secs, |w: u64| w.max(secs)));
        }
    }
    Ok(wait)
}

pub async fn record_failure(
    db: &impl ConnectionTrait,
    key: &str,
    policy: ThrottlePolicy,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    let current = login_throttle::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .map(to_count);
    let next = policy.after_failure(current.as_ref(), now);
    login_throttle::Entity::insert(login_throttle::ActiveModel {
        key: Set(key.to_owned()),
        failures: Set(next.failures),
        window_started_at: Set(next.window_started_at),
        locked_until: Set(next.locked_until),
    })
    .on_conflict(
        OnConflict::column(login_throttle::Column::Key)
            .update_columns([
                login_throttle::Column::Failures,
                login_throttle::Column::WindowStartedAt,
                login_throttle::Column::LockedUntil,
            ])
            .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}

pub async fn clear_failures(db: &impl ConnectionTrait, key: &str) -> Result<(), AppError> {
    login_throttle::Entity::delete_by_id(key.to_owned())
        .exec(db)
        .await?;
    Ok(())
}

fn to_count(row: login_throttle::Model) -> FailureCount {
    FailureCount {
        failures: row.failures,
        window_started_at: row.window_started_at,
        locked_until: row.locked_until,
    }
}

/// Outcome of checking a login and password.
pub enum Credentials {
    Valid(user_account::Model),
    Invalid,
}

/// The account a login names. Accounts log in with their NIP; the employee's e-mail address
/// works too and names the account of the one employee who has it (addresses are stored in
/// lower case, as `normalize_login` leaves them). Anything else is returned as it is, and
/// simply matches no account.
pub async fn resolve_login(
    db: &impl ConnectionTrait,
    normalized: &str,
) -> Result<String, AppError> {
    if !normalized.contains('@') {
        return Ok(normalized.to_owned());
    }
    let direct = user_account::Entity::find()
        .filter(user_account::Column::Login.eq(normalized))
        .one(db)
        .await?;
    if direct.is_some() {
        return Ok(normalized.to_owned());
    }
    let people = pegawai::Entity::find()
        .filter(pegawai::Column::Email.eq(normalized))
        .limit(2)
        .all(db)
        .await?;
    let [person] = people.as_slice() else {
        // None, or an address two records share: it names no one in particular.
        return Ok(normalized.to_owned());
    };
    let account = user_account::Entity::find()
        .filter(user_account::Column::PegawaiId.eq(person.id))
        .one(db)
        .await?;
    Ok(account.map_or_else(|| normalized.to_owned(), |a| a.login))
}

pub async fn check_credentials(
    db: &impl ConnectionTrait,
    login: &str,
    password: &str,
) -> Result<Credentials, AppError> {
    let account = user_account::Entity::find()
        .filter(user_account::Column::Login.eq(login))
        .one(db)
        .await?;
    let hash = account
        .as_ref()
        .map(|a| a.password_hash.clone())
        .unwrap_or_else(|| dummy_hash().to_owned());
    // argon2 is deliberately slow: keep it off the async workers.
    let password = password.to_owned();
    let ok = tokio_blocking(move || verify_password(&password, &hash)).await;
    Ok(match account {
        Some(a) if ok && !a.disabled => Credentials::Valid(a),
        _ => Credentials::Invalid,
    })
}

async fn tokio_blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    match tokio::task::spawn_blocking(f).await {
        Ok(v) => v,
        Err(e) => std::panic::resume_unwind(e.into_panic()),
    }
}

/// Issues a one-time reset link token for `user_id`; earlier unused links of the account stop
/// working. Only the token's hash is stored.
pub async fn create_password_reset(
    db: &impl ConnectionTrait,
    user_id: AccountId,
    created_by: AccountId,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    password_reset::Entity::delete_many()
        .filter(password_reset::Column::UserId.eq(user_id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    let token = random_token();
    password_reset::ActiveModel {
        token_hash: Set(token_hash(&token)),
        user_id: Set(user_id),
        created_by: Set(Some(created_by)),
        created_at: Set(now),
        expires_at: Set(now + RESET_LINK_TTL),
        used_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The account a reset token belongs to, if the link is unused and unexpired.
pub async fn reset_link_account(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(password_reset::Model, user_account::Model)>, AppError> {
    let Some(link) = password_reset::Entity::find_by_id(token_hash(token))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if link.used_at.is_some() || link.expires_at <= now {
        return Ok(None);
    }
    let account = user_account::Entity::find_by_id(link.user_id)
        .one(db)
        .await?;
    Ok(account.filter(|a| !a.disabled).map(|a| (link, a)))
}

/// Sets a new password through a reset link: the link is spent, every session ends.
pub async fn redeem_password_reset(
    db: &impl ConnectionTrait,
    link: password_reset::Model,
    account: user_account::Model,
    password_hash: String,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    // Conditional, so two simultaneous uses of one link cannot both succeed.
    let spent = password_reset::Entity::update_many()
        .col_expr(
            password_reset::Column::UsedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(password_reset::Column::TokenHash.eq(link.token_hash))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    if spent.rows_affected != 1 {
        return Err(AppError::NotFound);
    }
    let user_id = account.id;
    crate::db::accounts::set_password(db, account, password_hash, now).await?;
    end_all_sessions(db, user_id).await?;
    Ok(())
}
