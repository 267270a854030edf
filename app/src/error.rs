//! The one error type every server function returns. It crosses the wire as JSON and the UI turns
//! it into a translated message (see `ui::error`).

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// Per-field problems of a submitted form, plus the submitted values worth giving back (never
/// passwords): without JavaScript the browser is redirected back to the form, which refills
/// itself from here so nothing typed is lost.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormErrors {
    /// (field name, message code); codes are translated by `ui::error::message`.
    pub fields: Vec<(String, String)>,
    pub values: Vec<(String, String)>,
}

impl FormErrors {
    pub fn field(mut self, field: &str, code: &str) -> Self {
        self.fields.push((field.to_owned(), code.to_owned()));
        self
    }

    pub fn value(mut self, field: &str, value: &str) -> Self {
        self.values.push((field.to_owned(), value.to_owned()));
        self
    }

    pub fn error_for(&self, field: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, c)| c.as_str())
    }

    pub fn value_of(&self, field: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, v)| v.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("invalid input")]
    Invalid(FormErrors),
    /// Not logged in, or the session has ended.
    #[error("not logged in")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// Someone else changed the record since it was loaded.
    #[error("conflict")]
    Conflict,
    #[error("too many attempts; retry after {retry_after_secs} s")]
    TooManyRequests { retry_after_secs: u64 },
    /// The database or another dependency cannot be reached; retrying later may help.
    #[error("service unavailable")]
    Unavailable,
    /// A bug or an unexpected state; details are in the server log, never sent to the browser.
    #[error("internal error")]
    Internal,
    /// The request never reached the function or its answer could not be read (network, codec).
    #[error("request failed: {0}")]
    Transport(String),
}

impl AppError {
    pub fn status_code(&self) -> u16 {
        match self {
            Self::Invalid(_) => 422,
            Self::Unauthenticated => 401,
            Self::Forbidden => 403,
            Self::NotFound => 404,
            Self::Conflict => 409,
            Self::TooManyRequests { .. } => 429,
            Self::Unavailable => 503,
            Self::Internal => 500,
            Self::Transport(_) => 400,
        }
    }

    pub fn form(&self) -> Option<&FormErrors> {
        match self {
            Self::Invalid(errors) => Some(errors),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        Self::Transport(value.to_string())
    }
}

impl From<crate::domain::access::Denied> for AppError {
    fn from(_: crate::domain::access::Denied) -> Self {
        Self::Forbidden
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        use sea_orm::DbErr;
        match err {
            DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => {
                tracing::error!(error = %err, "database unreachable");
                Self::Unavailable
            }
            DbErr::RecordNotFound(_) => Self::NotFound,
            other => {
                tracing::error!(error = %other, "database error");
                Self::Internal
            }
        }
    }
}
