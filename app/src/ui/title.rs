//! The page title, set the one way that is safe on a multi-threaded server.

use leptos::prelude::*;
use leptos_meta::Title;

/// Sets the document title from a text that may depend on the language.
///
/// On the server the text is computed right away, while the page renders. `leptos_meta` reads
/// the title only after the page has rendered, after an `await` (`ServerMetaContext::
/// inject_meta_context` ticks the executor first), outside the reactive arena of this request:
/// a title closure reading the language signal there either panics ("no Arena is active",
/// "already been disposed") or silently reads another request's signal. A plain string has
/// nothing reactive left to read. In the browser the title follows the language as it changes.
#[component]
pub fn PageTitle<F>(text: F) -> impl IntoView
where
    F: Fn() -> String + Send + Sync + 'static,
{
    #[cfg(feature = "ssr")]
    let text = text();
    #[cfg(not(feature = "ssr"))]
    let text = move || text();
    view! { <Title text /> }
}
