//! The HTTP stack: health check, language switch, server functions, Leptos pages, static files,
//! and the layers every request passes through (request id, tracing, panic guard, compression,
//! body limit, security headers).

use crate::assets;
use crate::proxy::{self, TrustedProxies};
use crate::shutdown::{self, Drain};
use app::auth::server::{ClientAddr, ClientInfo};
use app::error::AppError;
use app::features::evaluation::{paths as evaluation_paths, routes as evaluation};
use app::state::AppState;
use axum::body::Body;
use axum::extract::{FromRef, Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use http_body_util::BodyExt;
use leptos::prelude::*;
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use serde::Deserialize;
use std::any::Any;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

pub const VERSION: &str = env!("CARGO_PKG_VERSION");
const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

#[derive(Clone)]
pub struct ServerState {
    pub leptos_options: LeptosOptions,
    pub app: AppState,
}

impl FromRef<ServerState> for AppState {
    fn from_ref(state: &ServerState) -> Self {
        state.app.clone()
    }
}

impl FromRef<ServerState> for LeptosOptions {
    fn from_ref(state: &ServerState) -> Self {
        state.leptos_options.clone()
    }
}

pub struct RouterSettings {
    pub max_body_bytes: usize,
    /// The evidence size limit; uploads may carry that much plus their envelope.
    pub max_upload_bytes: usize,
    /// Proxies whose `X-Forwarded-*` headers are believed.
    pub trusted_proxies: TrustedProxies,
    /// Set on SIGTERM: answers then close their connection (see `shutdown`).
    pub drain: Drain,
}

/// The complete application: routes with every layer, ready to serve.
pub fn router(state: ServerState, settings: &RouterSettings) -> Router {
    with_layers(routes(&state), settings).with_state(state)
}

/// The app's routes, generated once per process. Generating runs the app with resource
/// loading suppressed process-wide (leptos issue #4773): a page rendering at that moment in
/// another router of the same process would wait forever. The server builds one router, but the
/// integration tests build one per test, in parallel.
fn app_routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(app::App)).clone()
}

/// Every route of the application, without the cross-cutting layers.
pub fn routes(state: &ServerState) -> Router<ServerState> {
    let routes = app_routes();
    let pkg_dir = std::path::Path::new(state.leptos_options.site_root.as_ref())
        .join(state.leptos_options.site_pkg_dir.as_ref());
    let pkg = Router::new()
        .fallback_service(
            ServeDir::new(pkg_dir)
                .precompressed_br()
                .precompressed_gzip(),
        )
        .layer(middleware::from_fn(pkg_cache_headers));

    let app_state = state.app.clone();
    let context = move || app::state::provide(&app_state);
    let shell_options = state.leptos_options.clone();
    let fallback_context = context.clone();

    Router::new()
        .route("/healthz", get(healthz))
        .route(
            IMPORT_UPLOAD_PATH,
            post(import_upload).layer(axum::extract::DefaultBodyLimit::max(IMPORT_MAX_BYTES)),
        )
        .route("/admin/ekspor-pegawai.csv", get(export_csv))
        .merge(evaluation::router())
        .route(app::ui::locale::SWITCH_PATH, post(set_locale))
        .merge(app::live::stream::router())
        .route(
            "/api/{*fn_name}",
            post(server_fn_handler).get(server_fn_handler),
        )
        .leptos_routes_with_context(state, routes, context, {
            let options = shell_options.clone();
            move || app::shell(options.clone())
        })
        .nest_service("/pkg", pkg)
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            ServerState,
            _,
        >(fallback_context, app::shell))
        .layer(middleware::from_fn(share_page_user))
        .layer(middleware::from_fn_with_state(
            state.app.clone(),
            crate::form_refusals::form_refusals,
        ))
        .layer(middleware::from_fn(
            crate::page_scripts::drop_unread_island_data,
        ))
}

/// A page request (any GET) looks the session up once for all the parts of its page (its data,
/// the bell, the islands' scripts). Writes read it afresh at each step: a server function may sign
/// in or out.
async fn share_page_user(mut req: Request<Body>, next: Next) -> Response {
    if req.method() == http::Method::GET || req.method() == http::Method::HEAD {
        req.extensions_mut().insert(app::state::PageUser::default());
    }
    next.run(req).await
}

/// The layers every request passes through, outermost first.
pub fn with_layers(router: Router<ServerState>, settings: &RouterSettings) -> Router<ServerState> {
    router.layer(
        ServiceBuilder::new()
            .layer(middleware::from_fn({
                let drain = settings.drain.clone();
                move |req, next| shutdown::close_after_answer(drain.clone(), req, next)
            }))
            .layer(SetRequestIdLayer::new(REQUEST_ID.clone(), MakeRequestUuid))
            .layer(
                TraceLayer::new_for_http()
                    .make_span_with(|req: &Request<Body>| {
                        let request_id = req
                            .headers()
                            .get(&REQUEST_ID)
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or("-");
                        tracing::info_span!(
                            "request",
                            method = %req.method(),
                            path = %loggable_path(req.uri().path()),
                            request_id,
                        )
                    })
                    .on_request(())
                    .on_response(
                        |res: &http::Response<_>, latency: Duration, _span: &tracing::Span| {
                            tracing::info!(
                                status = res.status().as_u16(),
                                latency_ms = latency.as_secs_f64() * 1000.0,
                                "response"
                            );
                        },
                    ),
            )
            .layer(PropagateRequestIdLayer::new(REQUEST_ID.clone()))
            .layer(middleware::from_fn({
                let proxies = Arc::new(settings.trusted_proxies.clone());
                move |req, next| proxy::client_addr_layer(proxies.clone(), req, next)
            }))
            .layer(middleware::from_fn(security_headers))
            .layer(middleware::from_fn(refuse_malformed_calls))
            .layer(CatchPanicLayer::custom(panic_response))
            .layer(middleware::from_fn(reject_cross_site_writes))
            .layer(CompressionLayer::new())
            .layer(middleware::from_fn({
                let limits = BodyLimits {
                    default: settings.max_body_bytes,
                    upload: settings
                        .max_upload_bytes
                        .saturating_add(evaluation::UPLOAD_OVERHEAD_BYTES),
                };
                move |req, next| limit_body(limits, req, next)
            }))
            .layer(axum::extract::DefaultBodyLimit::max(
                settings.max_body_bytes,
            )),
    )
}

/// Headers every answer carries: pages, files and server functions, and also the refusals (403,
/// 413) and the panic page (500) that the layers inside this one produce. A handler that sets
/// one of them itself (the long cache of `/pkg`) keeps its own.
async fn security_headers(req: Request<Body>, next: Next) -> Response {
    let over_tls = req
        .extensions()
        .get::<ClientAddr>()
        .is_some_and(|addr| addr.secure);
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    let defaults = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        // Rendered pages send their own policy, with the nonce of their inline scripts.
        (header::CONTENT_SECURITY_POLICY, app::csp::DEFAULT_POLICY),
        (
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
        ),
        // Pages are personal (the signed-in user's plans, appraisals, colleagues): no browser
        // or proxy keeps a copy. Content-hashed files under /pkg set their own long cache.
        (header::CACHE_CONTROL, "no-store"),
    ];
    for (name, value) in defaults {
        headers
            .entry(name)
            .or_insert(HeaderValue::from_static(value));
    }
    if over_tls {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    res
}

/// The path as logged: one-time reset tokens are secrets and never reach the logs.
fn loggable_path(path: &str) -> &str {
    if path.starts_with("/atur-sandi/") {
        "/atur-sandi/…"
    } else if path.starts_with("/umpan-balik/") {
        // A public 360° link names the person rated; with the time it would date an answer.
        "/umpan-balik/…"
    } else {
        path
    }
}

/// How large the CSV import's one upload may be (a 20,000-row file is about 3 MB); every other
/// request keeps the configured, much smaller limit.
const IMPORT_UPLOAD_PATH: &str = app::features::admin::IMPORT_UPLOAD_PATH;
const IMPORT_MAX_BYTES: usize = 16 * 1024 * 1024;

#[derive(Clone, Copy)]
struct BodyLimits {
    default: usize,
    upload: usize,
}

/// Refuses bodies over the limit with 413, by `Content-Length` up front or while reading.
/// Evidence uploads get their own limit, plus slack: a file somewhat over it is read to the end
/// so that the upload handler can answer with a clear message instead of a cut connection.
async fn limit_body(limits: BodyLimits, req: Request<Body>, next: Next) -> Response {
    let path = req.uri().path();
    let limit = if path == IMPORT_UPLOAD_PATH {
        IMPORT_MAX_BYTES
    } else if evaluation_paths::is_upload(path) {
        limits.upload.saturating_add(evaluation::UPLOAD_SLACK_BYTES)
    } else {
        limits.default
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|len| len > limit) {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            "request too large / permintaan terlalu besar",
        )
            .into_response();
    }
    // Leptos turns a body cut at the limit into an argument error like any other; the flag lets
    // this layer answer what really happened.
    let exceeded = Arc::new(AtomicBool::new(false));
    let req = req.map({
        let exceeded = exceeded.clone();
        |body| {
            Body::new(
                http_body_util::Limited::new(body, limit).map_err(move |err| {
                    if err.is::<http_body_util::LengthLimitError>() {
                        exceeded.store(true, Ordering::Relaxed);
                    }
                    err
                }),
            )
        }
    });
    let res = next.run(req).await;
    if exceeded.load(Ordering::Relaxed) {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            "request too large / permintaan terlalu besar",
        )
            .into_response();
    }
    res
}

/// Plain-text answer for the two non-page admin endpoints; a lost session goes to the login.
fn admin_error(err: AppError, back_to: &str) -> Response {
    match err {
        AppError::Unauthenticated => {
            let next = app::domain::directory::encode_params(&[("next", back_to.to_owned())]);
            (
                StatusCode::SEE_OTHER,
                [(header::LOCATION, format!("/masuk?{next}"))],
            )
                .into_response()
        }
        AppError::Forbidden => (
            StatusCode::FORBIDDEN,
            "not allowed / Anda tidak berwenang melakukan tindakan ini",
        )
            .into_response(),
        other => (
            StatusCode::from_u16(other.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            "request failed / permintaan gagal",
        )
            .into_response(),
    }
}

/// `POST /admin/impor/unggah` (multipart, field `file`): imports, then shows the report page.
async fn import_upload(
    State(state): State<ServerState>,
    client: ClientInfo,
    mut multipart: axum::extract::Multipart,
) -> Response {
    let mut upload = None;
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => {
                let name = field.file_name().unwrap_or("pegawai.csv").to_owned();
                match field.bytes().await {
                    Ok(bytes) => upload = Some((name, bytes)),
                    Err(err) => return (err.status(), err.body_text()).into_response(),
                }
            }
            Ok(Some(_)) => {}
            Ok(None) => break,
            Err(err) => return (err.status(), err.body_text()).into_response(),
        }
    }
    let Some((name, bytes)) = upload else {
        return (
            StatusCode::BAD_REQUEST,
            "no file / tidak ada berkas yang diunggah",
        )
            .into_response();
    };
    match app::features::admin::import::import(
        &state.app.db,
        state.app.clock,
        &client,
        &name,
        &bytes,
    )
    .await
    {
        Ok(id) => (
            StatusCode::SEE_OTHER,
            [(header::LOCATION, format!("/admin/impor/{id}"))],
        )
            .into_response(),
        Err(err) => admin_error(err, "/admin/impor"),
    }
}

/// `GET /admin/ekspor-pegawai.csv?<directory query>`: the matching employees as CSV.
async fn export_csv(
    State(state): State<ServerState>,
    client: ClientInfo,
    axum::extract::Query(params): axum::extract::Query<Vec<(String, String)>>,
) -> Response {
    let query = app::domain::directory::DirectoryQuery::from_params(|key| {
        params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
    });
    match app::features::admin::import::export(&state.app.db, &client, &query).await {
        Ok(csv) => {
            let file = format!(
                "attachment; filename=\"pegawai-{}.csv\"",
                chrono::Utc::now().format("%Y%m%d")
            );
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                    (header::CONTENT_DISPOSITION, file),
                    (header::CACHE_CONTROL, "no-store".to_owned()),
                ],
                // A BOM so spreadsheet programs read the file as UTF-8.
                format!("\u{feff}{csv}"),
            )
                .into_response()
        }
        Err(err) => admin_error(err, "/admin/pegawai"),
    }
}

/// Calls of server functions that do not exist: each existing one has its own route, registered
/// by `leptos_routes_with_context`.
async fn server_fn_handler(State(state): State<ServerState>, req: Request<Body>) -> Response {
    let app_state = state.app.clone();
    leptos_axum::handle_server_fns_with_context(move || app::state::provide(&app_state), req)
        .await
        .into_response()
}

/// A call whose arguments could not be read (wrong types, missing or duplicate fields, a number
/// out of range, a body in another encoding) fails before the function runs, and Leptos answers
/// every such failure with a 500 holding the decoder's message. It is the caller's mistake: the
/// answer becomes a 400 whose message is translated, still in the error encoding the hydrated
/// client decodes, and the decoder's text goes to the log only.
async fn refuse_malformed_calls(req: Request<Body>, next: Next) -> Response {
    const MAX_ERROR_BYTES: usize = 64 * 1024;
    let locale = app::ui::locale::locale_of_headers(req.headers());
    let res = next.run(req).await;
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !res.headers().contains_key("serverfnerror")
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_ERROR_BYTES).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, Html(PANIC_PAGE)).into_response();
    };
    match serde_json::from_slice::<AppError>(&bytes) {
        Ok(AppError::Transport(detail)) => {
            tracing::info!(detail, "server function called with unreadable arguments");
            let message = app::ui::error::field_message_in(locale, "malformed_request");
            parts.status = StatusCode::BAD_REQUEST;
            parts.headers.remove(header::CONTENT_LENGTH);
            let body = serde_json::to_vec(&AppError::Transport(message)).unwrap_or_default();
            Response::from_parts(parts, Body::from(body))
        }
        _ => Response::from_parts(parts, Body::from(bytes)),
    }
}

/// Liveness and readiness in one: 200 when the database answers, 503 otherwise.
async fn healthz(State(state): State<ServerState>) -> Response {
    let (status, db) = match state.app.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(err) => {
            tracing::warn!(error = %err, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "error")
        }
    };
    let body = serde_json::json!({
        "status": if status == StatusCode::OK { "ok" } else { "error" },
        "db": db,
        "version": VERSION,
    });
    (status, [(header::CACHE_CONTROL, "no-store")], Json(body)).into_response()
}

#[derive(Deserialize)]
struct LocaleForm {
    locale: String,
    return_to: Option<String>,
}

/// The language switch without JavaScript: remember the choice and go back where the user was.
async fn set_locale(client: ClientInfo, Form(form): Form<LocaleForm>) -> Response {
    let Ok(locale) = form.locale.parse::<app::i18n::Locale>() else {
        return (
            StatusCode::BAD_REQUEST,
            "unknown locale / bahasa tidak dikenal",
        )
            .into_response();
    };
    let cookie = app::ui::locale::locale_cookie(locale.as_ref(), client.secure);
    let target = app::domain::login::local_path_or_root(form.return_to.as_deref());
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, target), (header::SET_COOKIE, cookie)],
    )
        .into_response()
}

/// CSRF defence for every state-changing request, server functions and plain form posts alike:
/// browsers send `Origin` (and `Sec-Fetch-Site`) with such requests, and a request made by another
/// site's page is refused. Together with `SameSite=Lax` session cookies this follows OWASP's
/// "verify origin with standard headers" defence. Requests without either header do not come from
/// a browser page and carry no victim's cookies.
async fn reject_cross_site_writes(req: Request<Body>, next: Next) -> Response {
    if !req.method().is_safe() && is_cross_site(req.headers()) {
        tracing::warn!(method = %req.method(), path = %req.uri().path(), "cross-site write refused");
        return (
            StatusCode::FORBIDDEN,
            "cross-site request refused / permintaan lintas situs ditolak",
        )
            .into_response();
    }
    next.run(req).await
}

fn is_cross_site(headers: &http::HeaderMap) -> bool {
    let value = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    if value("sec-fetch-site") == Some("cross-site") {
        return true;
    }
    match (value("origin"), value("host")) {
        // Sandboxed documents and some privacy modes send the literal "null".
        (Some("null"), _) => true,
        (Some(origin), Some(host)) => {
            let origin_host = origin.split_once("://").map_or(origin, |(_, rest)| rest);
            !origin_host.eq_ignore_ascii_case(host)
        }
        (Some(_), None) => true,
        (None, _) => false,
    }
}

async fn pkg_cache_headers(req: Request<Body>, next: Next) -> Response {
    let file_name = req
        .uri()
        .path()
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_owned();
    let mut res = next.run(req).await;
    if res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED {
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(assets::cache_control_for(&file_name)),
        );
    }
    res
}

/// A panic inside one request becomes a 500 page; the server keeps serving everyone else.
fn panic_response(err: Box<dyn Any + Send + 'static>) -> Response {
    let detail = err
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| err.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    tracing::error!(panic = detail, "request handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CACHE_CONTROL, "no-store")],
        Html(PANIC_PAGE),
    )
        .into_response()
}

const PANIC_PAGE: &str = r#"<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Terjadi kesalahan · Kinerja</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1d2a2b;line-height:1.5}a{color:#0f5257}</style>
</head><body>
<h1>Terjadi kesalahan pada server</h1>
<p>Permintaan Anda tidak dapat diselesaikan. Kesalahan ini sudah dicatat. Silakan coba lagi.</p>
<p lang="en"><strong>Something went wrong on the server.</strong> Your request could not be completed; the error has been logged. Please try again.</p>
<p><a href="/">Kembali ke beranda / Back to the home page</a></p>
</body></html>"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_site_writes_are_recognised() {
        let headers = |pairs: &[(&'static str, &'static str)]| {
            let mut h = http::HeaderMap::new();
            for (k, v) in pairs {
                h.insert(*k, HeaderValue::from_static(v));
            }
            h
        };
        assert!(!is_cross_site(&headers(&[("host", "kinerja.go.id")])));
        assert!(!is_cross_site(&headers(&[
            ("host", "kinerja.go.id"),
            ("origin", "https://kinerja.go.id")
        ])));
        assert!(!is_cross_site(&headers(&[
            ("host", "127.0.0.1:3000"),
            ("origin", "http://127.0.0.1:3000")
        ])));
        assert!(is_cross_site(&headers(&[
            ("host", "kinerja.go.id"),
            ("origin", "https://evil.example")
        ])));
        assert!(is_cross_site(&headers(&[
            ("host", "kinerja.go.id"),
            ("origin", "null")
        ])));
        assert!(is_cross_site(&headers(&[
            ("host", "kinerja.go.id"),
            ("sec-fetch-site", "cross-site")
        ])));
    }
}
