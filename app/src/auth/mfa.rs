//! Second factor: TOTP (RFC 6238, 6 digits, 30 s, SHA-1 — what every authenticator app speaks)
//! and the login challenge between a correct password and a correct code (server only).

use crate::db::entities::{login_challenge, user_account};
use crate::domain::ids::AccountId;
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use rand_core::{OsRng, RngCore};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use sha2::{Digest, Sha256};
use totp_rs::{Builder, Secret, Totp};

pub const CHALLENGE_COOKIE: &str = "kinerja_mfa";
/// Time to type the code after the password.
pub const CHALLENGE_TTL: Duration = Duration::minutes(5);
/// Codes one password entry may try; then the password is asked again. Together with the
/// account lock (wrong codes count as failed logins) this keeps guessing hopeless.
pub const MAX_CODE_ATTEMPTS: i32 = 3;
const ISSUER: &str = "Kinerja";

/// A fresh 160-bit secret in base32, as authenticator apps take it.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 20];
    OsRng.fill_bytes(&mut bytes);
    Secret::from(bytes).to_base32()
}

pub fn totp(secret: &str, account: &str) -> Result<Totp, AppError> {
    let secret = Secret::try_from_base32(secret).map_err(|_| AppError::Internal)?;
    Builder::new()
        .with_secret(secret)
        .with_account_name(account)
        .with_issuer(Some(ISSUER))
        .build()
        .map_err(|_| AppError::Internal)
}

/// The `otpauth://` address that adds the account to an authenticator app (tap it on a phone).
pub fn otpauth_url(secret: &str, account: &str) -> Result<String, AppError> {
    totp(secret, account)?
        .to_url()
        .map_err(|_| AppError::Internal)
}

/// The time step a code is valid for (one step of clock drift either way), if it is valid and
/// newer than `last_step` (a code is accepted once).
pub fn accepted_step(
    secret: &str,
    code: &str,
    now: DateTime<Utc>,
    last_step: Option<i64>,
) -> Result<Option<i64>, AppError> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let step = totp(secret, "")?
        .check(&code, now.timestamp().max(0) as u64)
        .map(|s| s as i64);
    Ok(step.filter(|s| last_step.is_none_or(|last| *s > last)))
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub async fn create_challenge(
    db: &impl ConnectionTrait,
    user_id: AccountId,
    next: Option<String>,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let token = hex::encode(bytes);
    login_challenge::ActiveModel {
        token_hash: Set(token_hash(&token)),
        user_id: Set(user_id),
        next: Set(next.map(|n| n.chars().take(500).collect())),
        created_at: Set(now),
        expires_at: Set(now + CHALLENGE_TTL),
        attempts: Set(0),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// The pending login of `token` with its account, unless expired.
pub async fn challenge(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<(login_challenge::Model, user_account::Model)>, AppError> {
    let Some(row) = login_challenge::Entity::find_by_id(token_hash(token))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if row.expires_at <= now {
        login_challenge::Entity::delete_by_id(row.token_hash)
            .exec(db)
            .await?;
        return Ok(None);
    }
    let account = user_account::Entity::find_by_id(row.user_id)
        .one(db)
        .await?;
    Ok(account.filter(|a| !a.disabled).map(|a| (row, a)))
}

/// Counts one code attempt on the challenge, atomically (parallel requests cannot exceed the
/// limit); false when the challenge has no attempts left.
pub async fn spend_attempt(db: &impl ConnectionTrait, token: &str) -> Result<bool, AppError> {
    use sea_orm::sea_query::{Expr, ExprTrait};
    use sea_orm::{ColumnTrait, QueryFilter};
    let updated = login_challenge::Entity::update_many()
        .col_expr(
            login_challenge::Column::Attempts,
            Expr::col(login_challenge::Column::Attempts).add(1),
        )
        .filter(login_challenge::Column::TokenHash.eq(token_hash(token)))
        .filter(login_challenge::Column::Attempts.lt(MAX_CODE_ATTEMPTS))
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}

/// Records `step` as the account's last accepted TOTP step unless an equal or later one was
/// recorded meanwhile (two parallel requests with one code: only one wins).
pub async fn claim_step(
    db: &impl ConnectionTrait,
    user_id: AccountId,
    step: i64,
) -> Result<bool, AppError> {
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, Condition, QueryFilter};
    let updated = user_account::Entity::update_many()
        .col_expr(user_account::Column::TotpLastStep, Expr::value(step))
        .filter(user_account::Column::Id.eq(user_id))
        .filter(
            Condition::any()
                .add(user_account::Column::TotpLastStep.is_null())
                .add(user_account::Column::TotpLastStep.lt(step)),
        )
        .exec(db)
        .await?;
    Ok(updated.rows_affected == 1)
}

pub async fn end_challenge(db: &impl ConnectionTrait, token: &str) -> Result<(), AppError> {
    login_challenge::Entity::delete_by_id(token_hash(token))
        .exec(db)
        .await?;
    Ok(())
}

pub fn challenge_cookie(token: &str, secure: bool) -> String {
    format!(
        "{CHALLENGE_COOKIE}={token}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{}",
        CHALLENGE_TTL.num_seconds(),
        if secure { "; Secure" } else { "" }
    )
}

pub fn clear_challenge_cookie() -> String {
    format!("{CHALLENGE_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
}
