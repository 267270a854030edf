//! Which pages load the islands' bundle, and the language islands speak in the browser.
//!
//! Every signed-in page carries an island, the live notification bell in its header; no page a
//! visitor sees without signing in has one. So the rule is one question, asked once per page:
//! is somebody signed in? A visitor's page (the login, a password reset, the landing page)
//! carries no wasm and no script at all.

use crate::i18n::*;
use leptos::prelude::*;

/// Islands mode renders everything outside an island as plain HTML: no hydration markers and no
/// serialised resource data (which would be inline script) for the rest of the page.
pub fn render_outside_islands() {
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
}

/// The scripts that load the bundle and hydrate the page's islands, on pages that have islands.
#[component]
pub fn IslandScripts(options: LeptosOptions) -> impl IntoView {
    let has_islands = OnceResource::new(page_has_islands());
    view! {
        <Suspense>
            {move || {
                let options = options.clone();
                Suspend::new(async move {
                    has_islands.await.then(|| view! { <HydrationScripts options islands=true /> })
                })
            }}
        </Suspense>
    }
}

#[cfg(feature = "ssr")]
async fn page_has_islands() -> bool {
    let Ok(db) = crate::state::db() else {
        return false;
    };
    match crate::state::current_user(&db).await {
        Ok(user) => user.is_some(),
        Err(err) => {
            // The page itself will show the failure; without a user it has no island.
            tracing::warn!(error = ?err, "session lookup failed while rendering the page head");
            false
        }
    }
}

#[cfg(not(feature = "ssr"))]
async fn page_has_islands() -> bool {
    false
}

/// The language context inside an island. On the server it is the page's own. In the browser an
/// island is hydrated on its own, outside the page's context, so it takes the language the server
/// rendered the page in (`<html lang>`, from the locale cookie): the same strings as the HTML it
/// hydrates, never the browser's preference.
pub fn use_island_i18n() -> leptos_i18n::I18nContext<Locale> {
    #[cfg(feature = "hydrate")]
    if use_context::<leptos_i18n::I18nContext<Locale>>().is_none() {
        let page_locale = document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|lang| lang.parse::<Locale>().ok())
            .unwrap_or_default();
        let context =
            leptos_i18n::context::init_i18n_subcontext::<Locale>(Some(Signal::stored(page_locale)));
        provide_context(context);
        return context;
    }
    use_i18n()
}
