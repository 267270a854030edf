//! The errors of a refused plain form post, between the redirect and the page it leads to.
//!
//! Without JavaScript a refused post redirects the browser back to the form. Leptos puts the
//! error — field codes and everything typed — into that address (`__err`), where it would stay in
//! the history, the logs and any shared link. The server keeps it here instead, behind a random
//! token in a short-lived cookie; the next page the browser opens takes it (once) and draws it.
//! It lives in the database so any instance behind the load balancer can answer that page.

use crate::auth::server::{random_token, token_hash};
use crate::db::entities::form_flash;
use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// A refusal not picked up by then was abandoned (the tab closed, the cookie refused).
pub const LIFETIME: Duration = Duration::minutes(10);

/// A refused post, as the page it returns to needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The server function's path (`/api/...`): pages tell their forms apart by it.
    pub fn_path: String,
    /// The error, encoded the way leptos encodes it for an address.
    pub error: String,
}

/// Keeps `refusal` for the page at `page` (a path); returns the token for the browser's cookie.
/// Clears out abandoned refusals on the way.
pub async fn keep(
    db: &impl ConnectionTrait,
    page: &str,
    refusal: Refusal,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    form_flash::Entity::delete_many()
        .filter(form_flash::Column::CreatedAt.lt(now - LIFETIME))
        .exec(db)
        .await?;
    let token = random_token();
    form_flash::ActiveModel {
        token_hash: Set(token_hash(&token)),
        page: Set(page.to_owned()),
        fn_path: Set(refusal.fn_path),
        error: Set(refusal.error),
        created_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(token)
}

/// Takes the refusal kept under `token`, if it is for the page at `page` and still fresh. It is
/// gone afterwards either way: a reload or a later visit shows the page as stored.
pub async fn take(
    db: &impl ConnectionTrait,
    token: &str,
    page: &str,
    now: DateTime<Utc>,
) -> Result<Option<Refusal>, AppError> {
    let hash = token_hash(token);
    let Some(row) = form_flash::Entity::find_by_id(hash.clone()).one(db).await? else {
        return Ok(None);
    };
    let removed = form_flash::Entity::delete_by_id(hash).exec(db).await?;
    // Two tabs opening the page at once: only the one that removed the row draws it.
    if removed.rows_affected == 0 || row.page != page || row.created_at < now - LIFETIME {
        return Ok(None);
    }
    Ok(Some(Refusal {
        fn_path: row.fn_path,
        error: row.error,
    }))
}
