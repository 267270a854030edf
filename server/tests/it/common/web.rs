//! Driving the real router like a browser without JavaScript: GET pages, post plain forms,
//! log in and keep the session cookie.

use super::TestDb;
use app::state::AppState;
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use leptos::prelude::LeptosOptions;
use server::routes::{RouterSettings, ServerState};
use tower::ServiceExt;

pub fn app(t: &TestDb) -> Router {
    app_behind(t, server::proxy::TrustedProxies::NONE)
}

/// The application as deployed behind `trusted_proxies`.
pub fn app_behind(t: &TestDb, trusted_proxies: server::proxy::TrustedProxies) -> Router {
    app_with(t, trusted_proxies, app::clock::Clock::system())
}

/// The application with the agency's calendar on `clock`.
pub fn app_on(t: &TestDb, clock: app::clock::Clock) -> Router {
    app_with(t, server::proxy::TrustedProxies::NONE, clock)
}

/// A clock on which it is `month`/`day` of the demo's year (the year running now in WIB).
pub fn demo_day(month: u32, day: u32) -> app::clock::Clock {
    use app::domain::agency::AgencyTimeZone;
    use chrono::Datelike;
    let year = app::clock::Clock::system()
        .today_in(AgencyTimeZone::Wib)
        .year();
    let date = chrono::NaiveDate::from_ymd_opt(year, month, day).expect("a real day");
    app::clock::Clock::from_today(date, AgencyTimeZone::Wib)
}

fn app_with(
    t: &TestDb,
    trusted_proxies: server::proxy::TrustedProxies,
    clock: app::clock::Clock,
) -> Router {
    server::routes::router(
        ServerState {
            leptos_options: LeptosOptions::builder().output_name("kinerja").build(),
            app: AppState {
                db: t.db.clone(),
                evidence: app::storage::EvidenceStore::in_memory(1024 * 1024),
                clock,
                live: t.live(),
                address_counts: Default::default(),
                public_url: None,
            },
        },
        &RouterSettings {
            max_body_bytes: 64 * 1024,
            max_upload_bytes: 1024 * 1024,
            trusted_proxies,
            drain: Default::default(),
        },
    )
}

pub fn request(method: &str, uri: &str, cookie: &str) -> axum::http::request::Builder {
    Request::builder()
        .method(method)
        .uri(uri)
        .header(header::HOST, "kinerja.test")
        .header(header::ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
        .header(header::COOKIE, cookie)
}

pub async fn send(app: &Router, req: Request<Body>) -> (StatusCode, http::HeaderMap, String) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

/// A page as a reader sees its text (without the markers Leptos puts around values).
pub async fn get(app: &Router, uri: &str, cookie: &str) -> (StatusCode, String) {
    let (uri, cookie) = match uri.split_once(REFUSED) {
        Some((uri, refusal)) => (uri, format!("{cookie}; {}", refusal.trim_end_matches(')'))),
        None => (uri, cookie.to_owned()),
    };
    let uri = uri.split('#').next().unwrap_or(uri);
    let (status, _, body) = send(
        app,
        request("GET", uri, &cookie).body(Body::empty()).unwrap(),
    )
    .await;
    (status, body.replace("<!>", ""))
}

/// A plain form post made from the page at `from`, where errors are sent back to.
pub async fn post_form_from(
    app: &Router,
    from: &str,
    uri: &str,
    cookie: &str,
    body: &str,
) -> (StatusCode, http::HeaderMap) {
    let req = request("POST", uri, cookie)
        .header(header::REFERER, format!("http://kinerja.test{from}"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_owned()))
        .unwrap();
    let (status, headers, _) = send(app, req).await;
    (status, headers)
}

pub async fn login(app: &Router, nip: &str, password: &str) -> String {
    let req = Request::builder()
        .method("POST")
        .uri("/api/auth/login")
        .header(header::HOST, "kinerja.test")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .body(Body::from(format!("login={nip}&password={password}")))
        .unwrap();
    let (_, headers, _) = send(app, req).await;
    let cookie = headers
        .get(header::SET_COOKIE)
        .expect("login sets a cookie")
        .to_str()
        .unwrap();
    cookie.split(';').next().unwrap().to_owned()
}

/// Where a response sends the browser. A refused plain form post is marked with [`REFUSED`]:
/// its errors wait on the server for the page (behind the cookie the response sets), and the
/// address itself carries none of them.
pub fn location(headers: &http::HeaderMap) -> String {
    let to = headers
        .get(header::LOCATION)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    assert!(
        !to.contains("__err"),
        "the error stays out of the address: {to}"
    );
    match refusal_cookie(headers) {
        Some(cookie) => format!("{to}{REFUSED}{cookie})"),
        None => to,
    }
}

/// Marks the [`location`] of a refused post, followed by the cookie the browser then holds;
/// [`get`] sends that cookie along, as the browser following the redirect does.
pub const REFUSED: &str = " (refused; ";

/// The cookie (`name=token`) under which a refused post's errors wait for the page.
pub fn refusal_cookie(headers: &http::HeaderMap) -> Option<String> {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
        .find(|pair| pair.starts_with("kinerja_form=") && pair.len() > "kinerja_form=".len())
}

/// The error a refused post left for the page at `page` (taken: the page would not see it).
pub async fn refusal(
    db: &sea_orm::DatabaseConnection,
    headers: &http::HeaderMap,
    page: &str,
) -> app::error::AppError {
    let cookie = refusal_cookie(headers).expect("a refused post");
    let token = cookie.trim_start_matches("kinerja_form=");
    let kept = app::db::form_flash::take(db, token, page, chrono::Utc::now())
        .await
        .unwrap()
        .expect("kept for the page");
    leptos::server_fn::error::ServerFnUrlError::<app::error::AppError>::decode_err(&kept.error)
}

/// A value as a form field (percent-encoded).
pub fn encode(s: &str) -> String {
    app::domain::directory::encode_params(&[("x", s.to_owned())])[2..].to_owned()
}
