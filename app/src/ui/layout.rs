//! The page frame: skip link, header with navigation, account menu and language switch, main
//! area, footer.

use crate::i18n::*;
use crate::ui::error::PageError;
use crate::ui::locale::LanguageSwitch;
use leptos::prelude::*;
use leptos_router::components::A;

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
                    <crate::features::notifications::NotificationBell />
                    <LanguageSwitch />
                    <a class="header-link" href="/profil" data-testid="account-link">
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
                    <li>
                        <A href="/skp">{t!(i18n, nav.skp)}</A>
                    </li>
                    <li>
                        <A href="/bawahan">{t!(i18n, nav.reviews)}</A>
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
