//! Language choice: Indonesian by default, English on request, remembered in a cookie so the
//! server renders the right language from the first byte (no flash of the other language).

use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Name of the cookie holding the chosen locale (the `leptos_i18n` default, read on the server).
pub const LOCALE_COOKIE: &str = "i18n_pref_locale";
/// One year: the choice should survive browser restarts.
pub const LOCALE_COOKIE_MAX_AGE_SECS: i64 = 365 * 24 * 60 * 60;

pub fn cookie_options() -> leptos_i18n::context::CookieOptions<Locale> {
    leptos_i18n::context::CookieOptions::default()
        .max_age(LOCALE_COOKIE_MAX_AGE_SECS * 1000)
        .path("/")
        .same_site(leptos_use::SameSite::Lax)
}

/// Civil servants' phones are often set to English; the agency's working language is Indonesian,
/// so the browser's Accept-Language is deliberately ignored: only the explicit choice counts.
pub fn ignore_accept_language() -> leptos_use::UseLocalesOptions {
    leptos_use::UseLocalesOptions::default().ssr_lang_header_getter(|| None)
}

/// Two buttons, "ID" and "EN". Without JavaScript they post to `/locale`, which sets the cookie
/// and sends the browser back; with JavaScript the page switches in place.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let return_to = move || {
        let search = location.search.get();
        if search.is_empty() {
            location.pathname.get()
        } else {
            format!(
                "{}?{}",
                location.pathname.get(),
                search.trim_start_matches('?')
            )
        }
    };
    let option = move |locale: Locale, label: &'static str, name: &'static str| {
        let current = move || i18n.get_locale() == locale;
        view! {
            <button
                type="submit"
                name="locale"
                value=locale.as_str()
                lang=locale.as_str()
                title=name
                aria-pressed=move || if current() { "true" } else { "false" }
                on:click=move |ev| {
                    ev.prevent_default();
                    i18n.set_locale(locale);
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <form class="lang-switch" method="post" action="/locale">
            <span class="visually-hidden">{t!(i18n, nav.language)}</span>
            <input type="hidden" name="return_to" value=return_to />
            {option(Locale::id, "ID", "Bahasa Indonesia")}
            {option(Locale::en, "EN", "English")}
        </form>
    }
}
