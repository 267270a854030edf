//! Server-side context that server functions read: the database and, later, the session user.

use crate::error::AppError;
use sea_orm::DatabaseConnection;

/// Shared by every request; cheap to clone (the connection is a pool handle).
#[derive(Clone, Debug)]
pub struct AppState {
    pub db: DatabaseConnection,
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

/// Sets the HTTP status of the response being rendered or of the server function's answer.
pub fn set_status(code: u16) {
    if let (Some(options), Ok(status)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(code),
    ) {
        options.set_status(status);
    }
}
