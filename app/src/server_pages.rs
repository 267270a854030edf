//! Pages rendered on the server only, without the wasm bundle: forms and read-only views that
//! lead to a new page anyway (log in, profile). They cost the phone nothing to download, work
//! identically with or without JavaScript, and keep the hydrated bundle within its budget.
//!
//! Links to these pages from hydrated pages carry `rel="external"` so the client-side router
//! lets the browser load them.
//!
//! Their data loads through `OnceResource`, never `Resource`: nothing on them reloads or
//! hydrates, and a `Resource` keeps a task that watches its source after the first load. When
//! the data was ready at once (an anonymous visitor, an id that is not a number), that task is
//! first polled only after the page has been sent and its reactive owner disposed, and under
//! load it can wake on the disposal and panic reading the disposed source ("already been
//! disposed"). A `OnceResource` runs its future once, and the page awaits it.

use crate::features::{admin, evaluation, periods, skp};
use crate::i18n::*;
use crate::ui::layout::Layout;
use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::{
    ParamSegment, StaticSegment,
    components::{Route, Router, Routes},
};

/// Paths served by [`ServerApp`]; the server routes them here instead of to the hydrated app.
pub const PATHS: [&str; 24] = [
    "/masuk",
    "/masuk/verifikasi",
    "/profil",
    "/atur-sandi/{token}",
    "/admin/pegawai",
    "/admin/pegawai/baru",
    "/admin/pegawai/{id}",
    "/admin/impor",
    "/admin/impor/{id}",
    "/admin/unit",
    "/admin/unit/{id}",
    "/admin/audit",
    "/admin/instansi",
    "/admin/periode",
    "/admin/periode/{id}",
    "/skp",
    "/skp/{id}",
    "/skp/{id}/cetak",
    "/skp/{id}/rencana-aksi",
    "/bawahan",
    "/matriks",
    "/notifikasi",
    "/evaluasi",
    "/evaluasi/{id}",
];

/// Present in the context of server-only pages: parts of the frame that need a database
/// round trip (the notification bell) render only there, never in the hydrated app.
#[derive(Clone, Copy, Debug)]
pub struct ServerRendered;

/// The document around [`ServerApp`]: like `crate::shell`, minus the hydration scripts.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <crate::DocumentHead options hydrate=false />
            <body>
                <ServerApp />
            </body>
        </html>
    }
}

#[component]
pub fn ServerApp() -> impl IntoView {
    provide_meta_context();
    #[cfg(feature = "ssr")]
    crate::ui::locale::provide_server_i18n();
    provide_context(ServerRendered);
    view! {
        <I18nContextProvider ssr_lang_header_getter=crate::ui::locale::locale_from_request()>
            <crate::AppTitle />
            <Router>
                <Layout>
                    <Routes fallback=crate::ui::not_found::NotFound>
                        <Route path=StaticSegment("masuk") view=crate::features::auth::LoginPage />
                        <Route
                            path=(StaticSegment("masuk"), StaticSegment("verifikasi"))
                            view=crate::features::auth::VerifyLoginPage
                        />
                        <Route path=StaticSegment("profil") view=crate::features::auth::ProfilePage />
                        <Route
                            path=(StaticSegment("atur-sandi"), ParamSegment("token"))
                            view=crate::features::auth::ResetPasswordPage
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("pegawai"))
                            view=admin::EmployeeDirectoryPage
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("pegawai"), StaticSegment("baru"))
                            view=admin::EmployeeFormPage
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("pegawai"), ParamSegment("id"))
                            view=admin::EmployeeFormPage
                        />
                        <Route path=(StaticSegment("admin"), StaticSegment("impor")) view=admin::ImportPage />
                        <Route path=(StaticSegment("admin"), StaticSegment("unit")) view=admin::UnitTreePage />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("unit"), ParamSegment("id"))
                            view=admin::UnitPage
                        />
                        <Route path=(StaticSegment("admin"), StaticSegment("audit")) view=admin::AuditLogPage />
                        <Route path=(StaticSegment("admin"), StaticSegment("instansi")) view=admin::AgencySettingsPage />
                        <Route path=(StaticSegment("admin"), StaticSegment("periode")) view=periods::PeriodsPage />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("periode"), ParamSegment("id"))
                            view=periods::PeriodPage
                        />
                        <Route
                            path=(StaticSegment("admin"), StaticSegment("impor"), ParamSegment("id"))
                            view=admin::ImportReportPage
                        />
                        <Route path=StaticSegment("skp") view=skp::MySkpPage />
                        <Route path=(StaticSegment("skp"), ParamSegment("id")) view=skp::SkpPage />
                        <Route
                            path=(StaticSegment("skp"), ParamSegment("id"), StaticSegment("cetak"))
                            view=skp::SkpPrintPage
                        />
                        <Route
                            path=(StaticSegment("skp"), ParamSegment("id"), StaticSegment("rencana-aksi"))
                            view=crate::features::action_plan::ActionPlanPage
                        />
                        <Route path=StaticSegment("bawahan") view=skp::ReviewListPage />
                        <Route path=StaticSegment("matriks") view=skp::CascadePage />
                        <Route path=StaticSegment("notifikasi") view=crate::features::notifications::NotificationsPage />
                        <Route path=StaticSegment("evaluasi") view=evaluation::MyEvaluationsPage />
                        <Route
                            path=(StaticSegment("evaluasi"), ParamSegment("id"))
                            view=evaluation::WizardPage
                        />
                    </Routes>
                </Layout>
            </Router>
        </I18nContextProvider>
    }
}
