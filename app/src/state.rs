//! Server-side context that server functions read: the database, the request, the session user.

use crate::auth::server::{self as auth, ClientInfo};
use crate::db::entities::user_account;
use crate::domain::access::Actor;
use crate::error::AppError;
use sea_orm::DatabaseConnection;

/// Shared by every request; cheap to clone (the connection is a pool handle).
#[derive(Clone, Debug)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub evidence: crate::storage::EvidenceStore,
    /// What "today" is for deadlines and reminders (`crate::clock`).
    pub clock: crate::clock::Clock,
    /// Hints to the browsers following a topic (`crate::live`).
    pub live: crate::live::hub::LiveHub,
    /// Public answers per network address this hour (`crate::address_counts`).
    pub address_counts: crate::address_counts::AddressCounts,
    /// Where people open the application (`KINERJA_PUBLIC_URL`), for printed links.
    pub public_url: Option<String>,
}

/// What every page render and server-function call finds in its Leptos context: the state and
/// an outbox for the live hints of its changes.
pub fn provide(state: &AppState) {
    leptos::prelude::provide_context(state.clone());
    leptos::prelude::provide_context(crate::live::outbox::Outbox::new(state.live.clone()));
}

/// The database of the current request. Fails only if the server forgot to provide the state,
/// which is a wiring bug.
pub fn db() -> Result<DatabaseConnection, AppError> {
    leptos::prelude::use_context::<AppState>()
        .map(|state| state.db)
        .ok_or_else(|| {
            tracing::error!("AppState missing from the Leptos context");
            AppError::Internal
        })
}

/// The running server's state.
pub fn app_state() -> Result<AppState, AppError> {
    leptos::prelude::use_context::<AppState>().ok_or_else(|| {
        tracing::error!("AppState missing from the Leptos context");
        AppError::Internal
    })
}

/// The evidence store of the running server.
pub fn evidence() -> Result<crate::storage::EvidenceStore, AppError> {
    leptos::prelude::use_context::<AppState>()
        .map(|state| state.evidence)
        .ok_or_else(|| {
            tracing::error!("AppState missing from the Leptos context");
            AppError::Internal
        })
}

/// The business clock of the running server.
pub fn clock() -> Result<crate::clock::Clock, AppError> {
    leptos::prelude::use_context::<AppState>()
        .map(|state| state.clock)
        .ok_or_else(|| {
            tracing::error!("AppState missing from the Leptos context");
            AppError::Internal
        })
}

/// Now on the agency's clocks: the time a save is reported at.
pub async fn now_local(
    db: &impl sea_orm::ConnectionTrait,
) -> Result<chrono::DateTime<chrono::FixedOffset>, AppError> {
    let clock = clock()?;
    Ok(crate::db::agency::time_zone(db).await?.local(clock.now()))
}

/// Today in the agency's time zone: the date deadlines are checked against and new periods
/// default to.
pub async fn today(db: &impl sea_orm::ConnectionTrait) -> Result<chrono::NaiveDate, AppError> {
    Ok(now_local(db).await?.date_naive())
}

/// Sets the HTTP status of the response being rendered or of the server function's answer.
pub fn set_status(code: u16) {
    if let (Some(options), Ok(status)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(code),
    ) {
        options.set_status(status);
    }
}

pub fn append_header(name: http::HeaderName, value: &str) {
    if let (Some(options), Ok(value)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(value),
    ) {
        options.append_header(name, value);
    }
}

/// Gives a server function's error its HTTP status (and `Retry-After` for 429) and passes the
/// result through. Every server function ends with it. A plain HTML form post (no JavaScript) is
/// left alone: it must stay a redirect back to the form, which carries the error in its address.
pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    // The function's work is over (every transaction committed or rolled back): tell the
    // browsers following what it changed.
    crate::live::outbox::flush();
    let form_post = leptos::prelude::use_context::<http::request::Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    });
    if let (Err(err), false) = (&result, form_post) {
        set_status(err.status_code());
        if let AppError::TooManyRequests { retry_after_secs } = err {
            append_header(http::header::RETRY_AFTER, &retry_after_secs.to_string());
        }
    }
    result
}

/// A cookie of the request being handled.
pub fn request_cookie(name: &str) -> Option<String> {
    let parts = leptos::prelude::use_context::<http::request::Parts>()?;
    parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| crate::ui::locale::cookie_value(h, name).map(str::to_owned))
}

/// The signed-in user of this request.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub account: user_account::Model,
    pub actor: Actor,
}

/// Put in the extensions of a page request (a GET) so that the parts of one page (its data, the
/// notification bell, the islands' scripts) look the session up once between them. Writes never
/// carry it: a server function may sign in or out, and must read the session as it is at each
/// step.
#[derive(Clone, Default)]
pub struct PageUser(std::sync::Arc<tokio::sync::OnceCell<Option<CurrentUser>>>);

/// The signed-in user, if any.
pub async fn current_user(db: &DatabaseConnection) -> Result<Option<CurrentUser>, AppError> {
    let client = ClientInfo::current();
    let page_user = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<PageUser>().cloned());
    match page_user {
        Some(PageUser(cell)) => cell
            .get_or_try_init(|| user_for(db, &client))
            .await
            .cloned(),
        None => user_for(db, &client).await,
    }
}

/// The signed-in user of a request handled outside Leptos (plain axum handlers).
pub async fn user_for(
    db: &DatabaseConnection,
    client: &ClientInfo,
) -> Result<Option<CurrentUser>, AppError> {
    let Some(token) = &client.session_token else {
        return Ok(None);
    };
    with_actor(
        db,
        auth::session_account(db, token, chrono::Utc::now()).await?,
    )
    .await
}

/// The signed-in user behind a live stream, checked without counting as their activity
/// (`auth::server::session_account_passive`).
pub async fn user_for_stream(
    db: &DatabaseConnection,
    client: &ClientInfo,
) -> Result<Option<CurrentUser>, AppError> {
    let Some(token) = &client.session_token else {
        return Ok(None);
    };
    with_actor(
        db,
        auth::session_account_passive(db, token, chrono::Utc::now()).await?,
    )
    .await
}

async fn with_actor(
    db: &DatabaseConnection,
    account: Option<user_account::Model>,
) -> Result<Option<CurrentUser>, AppError> {
    let Some(account) = account else {
        return Ok(None);
    };
    let actor = auth::actor_for(db, &account).await?;
    Ok(Some(CurrentUser { account, actor }))
}

/// The signed-in user, or 401.
pub async fn require_user(db: &DatabaseConnection) -> Result<CurrentUser, AppError> {
    current_user(db).await?.ok_or(AppError::Unauthenticated)
}
