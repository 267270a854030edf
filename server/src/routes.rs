//! The HTTP stack: health check, language switch, server functions, Leptos pages, static files,
//! and the layers every request passes through (request id, tracing, panic guard, compression,
//! body limit, security headers).

use crate::assets;
use app::state::AppState;
use axum::body::Body;
use axum::extract::{FromRef, Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use serde::Deserialize;
use std::any::Any;
use std::time::Duration;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

pub const VERSION: &str = env!("CARGO_PKG_VERSION");
const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

#[derive(Clone)]
pub struct ServerState {
    pub leptos_options: LeptosOptions,
    pub app: AppState,
}

impl FromRef<ServerState> for LeptosOptions {
    fn from_ref(state: &ServerState) -> Self {
        state.leptos_options.clone()
    }
}

pub struct RouterSettings {
    pub max_body_bytes: usize,
}

/// The complete application: routes with every layer, ready to serve.
pub fn router(state: ServerState, settings: &RouterSettings) -> Router {
    with_layers(routes(&state), settings).with_state(state)
}

/// Every route of the application, without the cross-cutting layers.
pub fn routes(state: &ServerState) -> Router<ServerState> {
    let routes = generate_route_list(app::App);
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
    let context = move || provide_context(app_state.clone());
    let shell_options = state.leptos_options.clone();
    let fallback_context = context.clone();

    let mut router = Router::new();
    for path in app::server_pages::PATHS {
        router = router.route(path, get(server_page));
    }
    router
        .route("/healthz", get(healthz))
        .route("/locale", post(set_locale))
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
}

/// The layers every request passes through, outermost first.
pub fn with_layers(router: Router<ServerState>, settings: &RouterSettings) -> Router<ServerState> {
    router.layer(
        ServiceBuilder::new()
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
                            path = %req.uri().path(),
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
            .layer(CatchPanicLayer::custom(panic_response))
            .layer(middleware::from_fn(reject_cross_site_writes))
            .layer(CompressionLayer::new())
            .layer(RequestBodyLimitLayer::new(settings.max_body_bytes))
            .layer(axum::extract::DefaultBodyLimit::max(
                settings.max_body_bytes,
            ))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::X_FRAME_OPTIONS,
                HeaderValue::from_static("DENY"),
            ))
            .layer(SetResponseHeaderLayer::if_not_present(
                header::REFERRER_POLICY,
                HeaderValue::from_static("strict-origin-when-cross-origin"),
            )),
    )
}

/// Renders a server-only page (see `app::server_pages`): the whole page waits for its data, so a
/// missing session becomes a real redirect, and no hydration script is sent.
async fn server_page(State(state): State<ServerState>, req: Request<Body>) -> Response {
    let app_state = state.app.clone();
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || provide_context(app_state.clone()),
        move || app::server_pages::shell(options.clone()),
    );
    handler(req).await.into_response()
}

async fn server_fn_handler(State(state): State<ServerState>, req: Request<Body>) -> Response {
    let app_state = state.app.clone();
    leptos_axum::handle_server_fns_with_context(move || provide_context(app_state.clone()), req)
        .await
        .into_response()
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
async fn set_locale(Form(form): Form<LocaleForm>) -> Response {
    let Ok(locale) = form.locale.parse::<app::i18n::Locale>() else {
        return (
            StatusCode::BAD_REQUEST,
            "unknown locale / bahasa tidak dikenal",
        )
            .into_response();
    };
    let cookie = app::ui::locale::locale_cookie(locale.as_ref());
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
