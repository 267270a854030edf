//! Turning errors into calm, translated messages.

use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;

/// A translated explanation of a failed server call, announced to screen readers.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || match &error {
        AppError::NotFound => t_string!(i18n, errors.not_found),
        AppError::Forbidden => t_string!(i18n, errors.forbidden),
        AppError::Unavailable => t_string!(i18n, errors.unavailable),
        AppError::Internal => t_string!(i18n, errors.internal),
        AppError::Transport(_) => t_string!(i18n, errors.transport),
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
