//! Language choice: Indonesian by default, English on request, remembered in a cookie so the
//! server renders the right language from the first byte (no flash of the other language).
//!
//! The cookie is read and written here rather than by `leptos_i18n`'s cookie feature, which would
//! put a cookie parser and a date library into the wasm bundle.

use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Where the language switch posts: a plain route of the server, which answers with the cookie
/// and a redirect back.
pub const SWITCH_PATH: &str = "/locale";

/// Name of the cookie holding the chosen locale.
pub const LOCALE_COOKIE: &str = "i18n_pref_locale";
/// One year: the choice should survive browser restarts.
pub const LOCALE_COOKIE_MAX_AGE_SECS: i64 = 365 * 24 * 60 * 60;

/// The locale the request asks for, from the cookie only. The browser's Accept-Language is
/// deliberately ignored: civil servants' phones are often set to English, while the agency's
/// working language is Indonesian, so only an explicit choice switches to English.
pub fn locale_from_request() -> leptos_use::UseLocalesOptions {
    leptos_use::UseLocalesOptions::default().ssr_lang_header_getter(|| {
        #[cfg(feature = "ssr")]
        {
            use_context::<http::request::Parts>().and_then(|parts| {
                parts
                    .headers
                    .get_all(http::header::COOKIE)
                    .iter()
                    .filter_map(|value| value.to_str().ok())
                    .find_map(|header| cookie_value(header, LOCALE_COOKIE).map(str::to_owned))
            })
        }
        #[cfg(not(feature = "ssr"))]
        {
            None
        }
    })
}

/// The language of the page: the context every component reads, and `<html lang>`, which islands
/// read in the browser (`ui::islands::use_island_i18n`). Used instead of `leptos_i18n`'s own
/// provider, which also writes an empty placeholder `<script>` into every page: a page without
/// islands carries no script at all.
#[component]
pub fn PageLanguage(children: Children) -> impl IntoView {
    #[cfg(feature = "ssr")]
    provide_server_i18n();
    // Pages are rendered on the server only; the browser build never runs this.
    #[cfg(not(feature = "ssr"))]
    provide_context(leptos_i18n::context::init_i18n_context::<Locale>());
    let i18n = use_i18n();
    view! {
        <leptos_meta::Html attr:lang=move || i18n.get_locale().as_str() attr:dir="ltr" />
        {children()}
    }
}

/// Provides the language context of a page rendered on the server.
///
/// `leptos_i18n`'s context starts an effect that mirrors the locale into its cookie signal
/// (unused here: the cookie is ours, see the module). On the server that effect runs as a task of
/// its own, and when a page finishes quickly it can run on the other worker thread just as the
/// request's reactive owner is disposed, reading the disposed locale signal: a panic ("already
/// been disposed") under load. Here the context is created inside an owner that is paused at
/// once: a run of the effect that starts after the pause does nothing, and one that started
/// before it would have to outlast the rest of the page's render to meet the disposal.
#[cfg(feature = "ssr")]
fn provide_server_i18n() {
    use leptos_i18n::context::{I18nContextOptions, init_i18n_context_with_options};
    let scope = Owner::new();
    let i18n = scope.with(|| {
        init_i18n_context_with_options::<Locale>(
            I18nContextOptions::default()
                .enable_cookie(false)
                .ssr_lang_header_getter(locale_from_request()),
        )
    });
    scope.pause();
    provide_context(i18n);
    // The scope owns the locale signal: it lives as long as the page's owner.
    on_cleanup(move || drop(scope));
}

/// The language a request asked for with the locale cookie, for answers built outside a page.
#[cfg(feature = "ssr")]
pub fn locale_of_headers(headers: &http::HeaderMap) -> Locale {
    let english = headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| cookie_value(h, LOCALE_COOKIE))
        == Some("en");
    if english { Locale::en } else { Locale::id }
}

/// The language of the request being answered, for text a server function writes (dates,
/// times); Indonesian outside a request.
#[cfg(feature = "ssr")]
pub fn request_locale() -> Locale {
    leptos::prelude::use_context::<http::request::Parts>()
        .map_or(Locale::id, |parts| locale_of_headers(&parts.headers))
}

/// The value of cookie `name` in a `Cookie:` request header.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        (key == name).then(|| value.trim_matches('"'))
    })
}

/// The `Set-Cookie` value remembering `locale`; `Secure` when
/// the site is served over TLS, like the session cookie.
pub fn locale_cookie(locale: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{LOCALE_COOKIE}={locale}; Path=/; Max-Age={LOCALE_COOKIE_MAX_AGE_SECS}; SameSite=Lax{secure}"
    )
}

/// Two buttons, "ID" and "EN", posting to `/locale`, which sets the cookie and sends the browser
/// back to the same address. The page and its islands are then rendered in the chosen language
/// from the first byte, with or without JavaScript.
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
            >
                {label}
            </button>
        }
    };
    view! {
        <form class="lang-switch" method="post" action=SWITCH_PATH>
            <span class="visually-hidden">{t!(i18n, nav.language)}</span>
            <input type="hidden" name="return_to" value=return_to />
            {option(Locale::id, "ID", "Bahasa Indonesia")}
            {option(Locale::en, "EN", "English")}
        </form>
    }
}
