use crate::i18n::*;
use crate::ui::title::PageTitle;
use leptos::prelude::*;

/// Shown for every unknown address; answers with HTTP 404 when rendered on the server.
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    crate::state::set_status(404);
    view! {
        <PageTitle text=move || t_string!(i18n, not_found.title).to_string() />
        <section class="not-found" aria-labelledby="nf-title">
            <p class="big-code" aria-hidden="true">"404"</p>
            <h1 id="nf-title">{t!(i18n, not_found.title)}</h1>
            <p>{t!(i18n, not_found.text)}</p>
            <a class="button" href="/">{t!(i18n, not_found.back)}</a>
        </section>
    }
}
