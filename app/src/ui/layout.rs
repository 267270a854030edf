//! The page frame: skip link, header with navigation, account menu and language switch, main
//! area, footer.

use crate::i18n::*;
use crate::ui::error::PageError;
use crate::ui::locale::LanguageSwitch;
use leptos::prelude::*;
use leptos_router::components::A;

/// The notification bell, on server-only pages (see `crate::server_pages::ServerRendered`).
#[cfg(feature = "ssr")]
fn bell() -> Option<impl IntoView> {
    use_context::<crate::server_pages::ServerRendered>()
        .map(|_| view! { <crate::features::notifications::NotificationBell /> })
}

/// The same shape as on the server (an empty `Option`), so hydration finds what SSR rendered.
#[cfg(not(feature = "ssr"))]
fn bell() -> Option<()> {
    None
}

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();

    view! {
        <a class="skip-link" href="#main">{t!(i18n, nav.skip)}</a>
        <header class="site-header">
            <div class="header-bar">
                <a class="brand" href="/">
                    <svg class="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
                        <rect width="32" height="32" rx="8" />
                        <path d="M9 22 L14 15 L18 19 L24 10" />
                    </svg>
                    <span>"Kinerja"</span>
                </a>
                <div class="header-tools">
                    {bell()}
                    <LanguageSwitch />
                    // The account pages are server-only: the browser loads them itself.
                    <a class="header-link" href="/profil" rel="external" data-testid="account-link">
                        {t!(i18n, nav.account)}
                    </a>
                </div>
            </div>
            <nav class="main-nav" aria-label=move || t_string!(i18n, nav.label)>
                <ul>
                    <li>
                        <A href="/" exact=true>
                            {t!(i18n, nav.home)}
                        </A>
                    </li>
                    // Server-only pages: the browser loads them itself.
                    <li>
                        <a href="/skp" rel="external">{t!(i18n, nav.skp)}</a>
                    </li>
                    <li>
                        <a href="/bawahan" rel="external">{t!(i18n, nav.reviews)}</a>
                    </li>
                </ul>
            </nav>
        </header>
        <main id="main" tabindex="-1">
            <ErrorBoundary fallback=|errors| view! { <PageError errors /> }>{children()}</ErrorBoundary>
        </main>
        <footer class="site-footer">
            <p>{t!(i18n, footer.basis)}</p>
        </footer>
    }
}
