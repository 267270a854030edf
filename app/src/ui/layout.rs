//! The page frame: skip link, header with navigation, account menu and language switch, main
//! area, footer.

use crate::i18n::*;
use crate::ui::error::PageError;
use crate::ui::locale::LanguageSwitch;
use crate::ui::menu::{Menu, load_menu};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let menu = OnceResource::new(load_menu());

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
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let menu = menu.await.unwrap_or_default();
                    view! { <MainNav menu /> }
                })}
            </Suspense>
        </header>
        <main id="main" tabindex="-1">
            <ErrorBoundary fallback=|errors| view! { <PageError errors /> }>{children()}</ErrorBoundary>
        </main>
        <footer class="site-footer">
            <p>{t!(i18n, footer.basis)}</p>
        </footer>
    }
}

/// The main menu: only what this person may use.
#[component]
fn MainNav(menu: Menu) -> impl IntoView {
    let i18n = use_i18n();
    let admin = menu.admin.first().map(|page| Menu::href(*page));
    view! {
        <nav class="main-nav" aria-label=move || t_string!(i18n, nav.label)>
            <ul>
                <li>
                    <A href="/" exact=true>
                        {t!(i18n, nav.home)}
                    </A>
                </li>
                {menu.employee.then(|| view! {
                    <li>
                        <A href="/skp">{t!(i18n, nav.skp)}</A>
                    </li>
                })}
                {menu.employee.then(|| view! {
                    <li>
                        <A href="/360">{t!(i18n, nav.feedback360)}</A>
                    </li>
                })}
                {menu.appraiser.then(|| view! {
                    <li>
                        <A href="/bawahan">{t!(i18n, nav.reviews)}</A>
                    </li>
                })}
                {menu.cascade.then(|| view! {
                    <li>
                        <A href="/matriks">{t!(i18n, nav.cascade)}</A>
                    </li>
                })}
                {admin.map(|href| view! {
                    <li>
                        <A href=href>{t!(i18n, nav.admin)}</A>
                    </li>
                })}
            </ul>
        </nav>
    }
}
