//! Turning errors into calm, translated messages.

use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;

/// The translated text of a field-level message code (see `FormErrors`).
pub fn field_message(i18n: leptos_i18n::I18nContext<Locale>, code: &str) -> String {
    match code {
        "required" => t_string!(i18n, errors.field.required),
        "invalid_credentials" => t_string!(i18n, errors.field.invalid_credentials),
        "wrong_password" => t_string!(i18n, errors.field.wrong_password),
        "too_short" => t_string!(i18n, errors.field.too_short),
        "same_password" => t_string!(i18n, errors.field.same_password),
        "mismatch" => t_string!(i18n, errors.field.mismatch),
        _ => t_string!(i18n, errors.field.invalid),
    }
    .to_string()
}

/// A translated explanation of a failed server call, announced to screen readers.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || match &error {
        AppError::Invalid(_) => t_string!(i18n, errors.invalid).to_string(),
        AppError::Unauthenticated => t_string!(i18n, errors.unauthenticated).to_string(),
        AppError::Forbidden => t_string!(i18n, errors.forbidden).to_string(),
        AppError::NotFound => t_string!(i18n, errors.not_found).to_string(),
        AppError::Conflict => t_string!(i18n, errors.conflict).to_string(),
        AppError::TooManyRequests { retry_after_secs } => {
            let minutes = retry_after_secs.div_ceil(60);
            t_string!(i18n, errors.too_many_requests, minutes).to_string()
        }
        AppError::Unavailable => t_string!(i18n, errors.unavailable).to_string(),
        AppError::Internal => t_string!(i18n, errors.internal).to_string(),
        AppError::Transport(_) => t_string!(i18n, errors.transport).to_string(),
    };
    view! {
        <p class="notice notice-error" role="alert">
            {message}
        </p>
    }
}

/// What the error boundary around every page shows when rendering fails.
#[component]
pub fn PageError(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    crate::state::set_status(500);
    view! {
        <section class="page-error" role="alert">
            <h1>{t!(i18n, errors.page_title)}</h1>
            <p>{t!(i18n, errors.page_text)}</p>
            <ul class="muted">
                {move || {
                    errors
                        .get()
                        .into_iter()
                        .map(|(_, e)| view! { <li>{e.to_string()}</li> })
                        .collect_view()
                }}
            </ul>
            <a class="button" href="/">{t!(i18n, nav.home)}</a>
        </section>
    }
}
