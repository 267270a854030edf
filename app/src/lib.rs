//! Kinerja: performance management for Indonesian civil servants (ASN).
//!
//! This crate holds the whole product: pure domain rules (`domain`), the pages and server
//! functions of each capability (`features`), shared widgets (`ui`) and, behind the `ssr`
//! feature, database access (`db`). It is compiled twice: into the server with `ssr` and into
//! the browser bundle with `hydrate`.
//!
//! Leptos runs in islands mode: every page is rendered on the server by the one route table in
//! [`App`], and only `#[island]` components are hydrated in the browser (`ui::islands` says which
//! pages load the bundle). Everything else is plain HTML with forms that work without JavaScript.

#![recursion_limit = "256"]

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

#[cfg(feature = "ssr")]
pub mod address_counts;
pub mod auth;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod csp;
/// The pure rules live in their own crate (`app/domain`): its tests build in seconds, without the
/// application around them.
pub use domain;
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
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod storage;

use crate::i18n::*;
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, Meta, MetaTags, Title, provide_meta_context};
use leptos_router::{
    ParamSegment, SsrMode, StaticSegment,
    components::{Route, Router, Routes},
};

/// The HTML document rendered on the server around [`App`].
pub fn shell(options: LeptosOptions) -> impl IntoView {
    ui::islands::render_outside_islands();
    view! {
        <!DOCTYPE html>
        <html>
            <DocumentHead options />
            <body>
                <App />
            </body>
        </html>
    }
}

/// The `<head>` of every page, with the islands' scripts on the pages that have islands.
#[component]
fn DocumentHead(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    csp::send_page_policy();
    view! {
        <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta name="theme-color" content="#0f5257" />
            <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
            <HashedStylesheet options=options.clone() id="kinerja" />
            <ui::islands::IslandScripts options />
            <MetaTags />
        </head>
    }
}

/// Every page waits for its data before the first byte is sent: a missing session becomes a real
/// redirect to the login, and a page is never half-drawn on a slow link.
const PAGE: SsrMode = SsrMode::Async;

/// The one route table of the application.
///
/// Pages load their data with `OnceResource`, never `Resource`: outside islands nothing reloads,
/// and a `Resource` keeps a task watching its source after the first load. When the data was ready
/// at once (an anonymous visitor, an id that is not a number), that task is first polled only
/// after the page has been sent and its reactive owner disposed, and under load it can wake on
/// the disposal and panic reading the disposed source ("already been disposed").
#[component]
pub fn App() -> impl IntoView {
    use features::{
        action_plan, admin, auth, evaluation, feedback360, home, notifications, periods, skp,
    };
    provide_meta_context();
    ui::form::provide_field_reports();

    view! {
        <ui::locale::PageLanguage>
            <AppTitle />
            <Router>
                <ui::layout::Layout>
                    <Routes fallback=ui::not_found::NotFound>
                        <Route path=StaticSegment("") view=home::HomePage ssr=PAGE />
                        <Route path=StaticSegment("masuk") view=auth::LoginPage ssr=PAGE />
                        <Route
                            path=(StaticSegment("masuk"), StaticSegment("verifikasi"))
                            view=auth::VerifyLoginPage
                            ssr=PAGE
                        />
                        <Route path=StaticSegment("profil") view=auth::ProfilePage ssr=PAGE />
                        <Route
                            path=(StaticSegment("atur-sandi"), ParamSegment("token"))
                            view=auth::ResetPasswordPage
                            ssr=PAGE
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("pegawai"))
                            view=admin::EmployeeDirectoryPage
                            ssr=PAGE
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("pegawai"), StaticSegment("baru"))
                            view=admin::EmployeeFormPage
                            ssr=PAGE
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("pegawai"), ParamSegment("id"))
                            view=admin::EmployeeFormPage
                            ssr=PAGE
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("impor"))
                            view=admin::ImportPage
                            ssr=PAGE
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("impor"), ParamSegment("id"))
                            view=admin::ImportReportPage
                            ssr=PAGE
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("unit"))
                            view=admin::UnitTreePage
                            ssr=PAGE
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("unit"), ParamSegment("id"))
                            view=admin::UnitPage
                            ssr=PAGE
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("audit"))
                            view=admin::AuditLogPage
                            ssr=PAGE
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("instansi"))
                            view=admin::AgencySettingsPage
                            ssr=PAGE
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("periode"))
                            view=periods::PeriodsPage
                            ssr=PAGE
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("periode"), ParamSegment("id"))
                            view=periods::PeriodPage
                            ssr=PAGE
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("360"))
                            view=feedback360::CyclesPage
                            ssr=PAGE
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("instrumen-360"))
                            view=feedback360::InstrumentPage
                            ssr=PAGE
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("360"), ParamSegment("id"))
                            view=feedback360::CyclePage
                            ssr=PAGE
                        />
                        <Route
                            path=(
                                StaticSegment("admin"),
                                StaticSegment("360"),
                                ParamSegment("id"),
                                StaticSegment("poster"),
                                ParamSegment("link"),
                            )
                            view=feedback360::PosterPage
                            ssr=PAGE
                        />
                        <Route path=StaticSegment("360") view=feedback360::MyFormsPage ssr=PAGE />
                        <Route
                            path=(StaticSegment("umpan-balik"), ParamSegment("token"))
                            view=feedback360::PublicFormPage
                            ssr=PAGE
                        />
                        <Route
                            path=(
                                StaticSegment("360"),
                                StaticSegment("hasil"),
                                ParamSegment("cycle"),
                                ParamSegment("employee"),
                            )
                            view=feedback360::ReportPage
                            ssr=PAGE
                        />
                        <Route
                            path=(StaticSegment("360"), StaticSegment("isi"), ParamSegment("id"))
                            view=feedback360::RaterFormPage
                            ssr=PAGE
                        />
                        <Route
                            path=(
                                StaticSegment("360"),
                                StaticSegment("usulan"),
                                ParamSegment("cycle"),
                                ParamSegment("employee"),
                            )
                            view=feedback360::NominationPage
                            ssr=PAGE
                        />
                        <Route
                            path=(
                                StaticSegment("360"),
                                StaticSegment("unit"),
                                ParamSegment("cycle"),
                                ParamSegment("unit"),
                            )
                            view=feedback360::UnitReportPage
                            ssr=PAGE
                        />
                        <Route path=StaticSegment("skp") view=skp::MySkpPage ssr=PAGE />
                        <Route path=(StaticSegment("skp"), ParamSegment("id")) view=skp::SkpPage ssr=PAGE />
                        <Route
                            path=(StaticSegment("skp"), ParamSegment("id"), StaticSegment("cetak"))
                            view=skp::SkpPrintPage
                            ssr=PAGE
                        />
                        <Route
                            path=(StaticSegment("skp"), ParamSegment("id"), StaticSegment("rencana-aksi"))
                            view=action_plan::ActionPlanPage
                            ssr=PAGE
                        />
                        <Route path=StaticSegment("bawahan") view=skp::ReviewListPage ssr=PAGE />
                        <Route path=StaticSegment("matriks") view=skp::CascadePage ssr=PAGE />
                        <Route
                            path=StaticSegment("notifikasi")
                            view=notifications::NotificationsPage
                            ssr=PAGE
                        />
                        <Route path=StaticSegment("evaluasi") view=evaluation::MyEvaluationsPage ssr=PAGE />
                        <Route
                            path=(StaticSegment("evaluasi"), ParamSegment("id"))
                            view=evaluation::WizardPage
                            ssr=PAGE
                        />
                    </Routes>
                </ui::layout::Layout>
            </Router>
        </ui::locale::PageLanguage>
    }
}

#[component]
fn AppTitle() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title formatter=move |page: String| {
            if page.is_empty() { "Kinerja".to_owned() } else { format!("{page} · Kinerja") }
        } />
        <Meta name="description" content=move || t_string!(i18n, app.description) />
    }
}
