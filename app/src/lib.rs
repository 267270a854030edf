//! Kinerja: performance management for Indonesian civil servants (ASN).
//!
//! This crate holds the whole product: pure domain rules (`domain`), the pages and server
//! functions of each capability (`features`), shared widgets (`ui`) and, behind the `ssr`
//! feature, database access (`db`). It is compiled twice: into the server with `ssr` and into
//! the browser bundle with `hydrate`.

#![recursion_limit = "256"]

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

pub mod auth;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod csp;
pub mod domain;
pub mod error;
pub mod features;
pub mod live;
pub mod ui;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod reminders;
pub mod server_pages;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod storage;

use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, Meta, MetaTags, Title, provide_meta_context};
use leptos_router::{
    StaticSegment,
    components::{Route, Router, Routes},
};

/// The HTML document rendered on the server around [`App`].
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <DocumentHead options hydrate=true />
            <body>
                <App />
            </body>
        </html>
    }
}

/// The `<head>` of every page; `hydrate` adds the scripts that load the wasm bundle (server-only
/// pages leave them out).
#[component]
pub(crate) fn DocumentHead(options: LeptosOptions, hydrate: bool) -> impl IntoView {
    #[cfg(feature = "ssr")]
    csp::send_page_policy();
    view! {
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta name="theme-color" content="#0f5257" />
            <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
            <HashedStylesheet options=options.clone() id="kinerja" />
            {hydrate.then(|| view! { <HydrationScripts options /> })}
            <MetaTags />
        </head>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    #[cfg(feature = "ssr")]
    ui::locale::provide_server_i18n();

    view! {
        <I18nContextProvider ssr_lang_header_getter=ui::locale::locale_from_request()>
            <AppTitle />
            <Router>
                <ui::layout::Layout>
                    <Routes fallback=ui::not_found::NotFound>
                        <Route path=StaticSegment("") view=features::home::HomePage />
                    </Routes>
                </ui::layout::Layout>
            </Router>
        </I18nContextProvider>
    }
}

#[component]
pub(crate) fn AppTitle() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title formatter=move |page: String| {
            if page.is_empty() { "Kinerja".to_owned() } else { format!("{page} · Kinerja") }
        } />
        <Meta name="description" content=move || t_string!(i18n, app.description) />
    }
}
