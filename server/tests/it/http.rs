//! The HTTP stack end to end, without a browser: real router, real database, one request at a time.

use crate::common;

use app::state::AppState;
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use axum::routing::get;
use common::TestDb;
use leptos::prelude::LeptosOptions;
use server::routes::{RouterSettings, ServerState};
use tower::ServiceExt;

const MAX_BODY: usize = 64 * 1024;

fn settings() -> RouterSettings {
    RouterSettings {
        max_body_bytes: MAX_BODY,
        max_upload_bytes: 1024 * 1024,
        trusted_proxies: server::proxy::TrustedProxies::NONE,
        drain: Default::default(),
    }
}

fn state(t: &TestDb) -> ServerState {
    ServerState {
        leptos_options: LeptosOptions::builder().output_name("kinerja").build(),
        app: AppState {
            db: t.db.clone(),
            evidence: app::storage::EvidenceStore::in_memory(1024 * 1024),
            clock: app::clock::Clock::system(),
            live: t.live(),
            address_counts: Default::default(),
            public_url: None,
        },
    }
}

fn app(t: &TestDb) -> Router {
    server::routes::router(state(t), &settings())
}

async fn body_text(res: axum::response::Response) -> String {
    let bytes = axum::body::to_bytes(res.into_body(), 1 << 22)
        .await
        .unwrap();
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn get_req(uri: &str) -> Request<Body> {
    Request::builder().uri(uri).body(Body::empty()).unwrap()
}

async fn health_reports_database_state(t: TestDb) {
    let res = app(&t).oneshot(get_req("/healthz")).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers().contains_key("x-request-id"),
        "request id is echoed"
    );
    let json: serde_json::Value = serde_json::from_str(&body_text(res).await).unwrap();
    assert_eq!(json["status"], "ok");
    assert_eq!(json["db"], "ok");
    assert_eq!(json["version"], env!("CARGO_PKG_VERSION"));

    let router = app(&t);
    t.db.clone().close().await.unwrap();
    let res = router.oneshot(get_req("/healthz")).await.unwrap();
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    let json: serde_json::Value = serde_json::from_str(&body_text(res).await).unwrap();
    assert_eq!(json["db"], "error");
}

async fn home_page_renders_agency_from_database(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    assert!(
        !server::demo::seed_once(&t.db).await.unwrap(),
        "demo data loads once"
    );
    let res = app(&t).oneshot(get_req("/")).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = body_text(res).await;
    assert!(html.contains(r#"lang="id""#), "Indonesian by default");
    assert!(html.contains(server::demo::DEMO_AGENCY_NAME));
    assert!(html.contains("Siklus pengelolaan kinerja"));
    // What exists and what is coming, said as such.
    assert!(html.contains("Tersedia: rencana aksi, penilaian mandiri periodik dan tahunan"));
    assert!(html.contains("umpan balik 360 derajat dari atasan, rekan kerja"));
    assert!(html.contains("PPPK paling banyak 24 JP per tahun masa perjanjian"));
}

on_both_engines!(
    health_reports_database_state,
    home_page_renders_agency_from_database
);

#[tokio::test]
async fn english_is_rendered_on_the_server_when_chosen() {
    let t = TestDb::sqlite().await;
    let req = Request::builder()
        .uri("/")
        .header(header::COOKIE, "i18n_pref_locale=en")
        .body(Body::empty())
        .unwrap();
    let html = body_text(app(&t).oneshot(req).await.unwrap()).await;
    assert!(html.contains(r#"lang="en""#));
    assert!(html.contains("The performance-management cycle"));
    assert!(html.contains("and 360-degree feedback from superiors, peers"));
    assert!(!html.contains("Siklus pengelolaan kinerja"));
}

#[tokio::test]
async fn browser_language_does_not_override_indonesian_default() {
    let t = TestDb::sqlite().await;
    let req = Request::builder()
        .uri("/")
        .header(header::ACCEPT_LANGUAGE, "en-US,en;q=0.9")
        .body(Body::empty())
        .unwrap();
    let html = body_text(app(&t).oneshot(req).await.unwrap()).await;
    assert!(html.contains(r#"lang="id""#));
}

#[tokio::test]
async fn locale_form_sets_cookie_and_returns_to_a_local_page() {
    let t = TestDb::sqlite().await;
    let post = |body: &'static str| {
        Request::builder()
            .method("POST")
            .uri("/locale")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap()
    };
    let res = app(&t)
        .oneshot(post("locale=en&return_to=%2Fskp%3Ftahun%3D2026"))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/skp?tahun=2026");
    let cookie = res.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("i18n_pref_locale=en;"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax") && cookie.contains("Max-Age=31536000"));

    let res = app(&t)
        .oneshot(post("locale=en&return_to=https%3A%2F%2Fevil.example"))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/");

    let res = app(&t)
        .oneshot(post("locale=fr&return_to=%2F"))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn unknown_pages_answer_404_with_a_real_page() {
    let t = TestDb::sqlite().await;
    let res = app(&t).oneshot(get_req("/tidak-ada")).await.unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let html = body_text(res).await;
    assert!(html.contains("Halaman tidak ditemukan"));
    assert!(html.contains("Kembali ke beranda"));
}

/// The application with every layer, plus `/boom`, whose handler panics.
fn app_with_a_panicking_route(t: &TestDb) -> Router {
    let routes = server::routes::routes(&state(t)).route(
        "/boom",
        get(|| async {
            if true {
                panic!("deliberate test panic");
            }
            "unreachable"
        }),
    );
    server::routes::with_layers(routes, &settings()).with_state(state(t))
}

#[tokio::test]
async fn a_panicking_handler_gives_500_and_the_server_keeps_serving() {
    let t = TestDb::sqlite().await;
    let router = app_with_a_panicking_route(&t);
    let res = router.clone().oneshot(get_req("/boom")).await.unwrap();
    assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        body_text(res)
            .await
            .contains("Terjadi kesalahan pada server")
    );
    let res = router.oneshot(get_req("/healthz")).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}

/// The headers every answer must carry, refusals and the panic page included.
fn assert_security_headers(res: &axum::response::Response, what: &str) {
    let h = res.headers();
    let value = |name: &str| {
        h.get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(value("x-content-type-options"), "nosniff", "{what}");
    assert_eq!(value("x-frame-options"), "DENY", "{what}");
    assert!(!value("referrer-policy").is_empty(), "{what}");
    assert!(
        value("content-security-policy").contains("frame-ancestors 'none'"),
        "{what}"
    );
    assert!(value("permissions-policy").contains("camera=()"), "{what}");
    assert_eq!(value("cache-control"), "no-store", "{what}");
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let t = TestDb::sqlite().await;
    let router = app_with_a_panicking_route(&t);
    let page = router.clone().oneshot(get_req("/masuk")).await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert_security_headers(&page, "a page");
    assert!(
        !page.headers().contains_key("strict-transport-security"),
        "plain HTTP"
    );
    let missing = router.clone().oneshot(get_req("/tidak-ada")).await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_security_headers(&missing, "404");
    let panicked = router.clone().oneshot(get_req("/boom")).await.unwrap();
    assert_eq!(panicked.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_security_headers(&panicked, "500");
    let cross_site = Request::builder()
        .method("POST")
        .uri("/locale")
        .header(header::HOST, "kinerja.test")
        .header(header::ORIGIN, "https://evil.example")
        .body(Body::from("locale=en"))
        .unwrap();
    let refused = router.clone().oneshot(cross_site).await.unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_security_headers(&refused, "403");
    let big = Request::builder()
        .method("POST")
        .uri("/locale")
        .header(header::CONTENT_LENGTH, MAX_BODY + 1)
        .body(Body::from(vec![b'a'; MAX_BODY + 1]))
        .unwrap();
    let too_large = router.clone().oneshot(big).await.unwrap();
    assert_eq!(too_large.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_security_headers(&too_large, "413");
}

/// The application behind a proxy at 10.0.0.1, whose forwarding headers it believes.
fn behind_a_proxy(t: &TestDb) -> Router {
    let settings = RouterSettings {
        trusted_proxies: server::proxy::TrustedProxies::parse("10.0.0.1").unwrap(),
        ..settings()
    };
    server::routes::router(state(t), &settings)
}

/// `req` as arriving over a connection from `peer`.
fn from_peer(mut req: Request<Body>, peer: &str) -> Request<Body> {
    req.extensions_mut().insert(axum::extract::ConnectInfo(
        format!("{peer}:5000")
            .parse::<std::net::SocketAddr>()
            .unwrap(),
    ));
    req
}

#[tokio::test]
async fn tls_behind_a_trusted_proxy_turns_on_hsts() {
    let t = TestDb::sqlite().await;
    let router = behind_a_proxy(&t);
    let over_tls = |peer: &str| {
        let req = Request::builder()
            .uri("/masuk")
            .header("x-forwarded-proto", "https")
            .body(Body::empty())
            .unwrap();
        from_peer(req, peer)
    };
    let res = router.clone().oneshot(over_tls("10.0.0.1")).await.unwrap();
    assert!(
        res.headers()["strict-transport-security"]
            .to_str()
            .unwrap()
            .starts_with("max-age=31536000")
    );
    // Anyone else saying "https" is not believed.
    let res = router.oneshot(over_tls("203.0.113.4")).await.unwrap();
    assert!(!res.headers().contains_key("strict-transport-security"));
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let t = TestDb::sqlite().await;
    let body = format!("locale=en&return_to=/{}", "a".repeat(MAX_BODY + 1));
    let req = Request::builder()
        .method("POST")
        .uri("/locale")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::CONTENT_LENGTH, body.len())
        .body(Body::from(body))
        .unwrap();
    let res = app(&t).oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

/// A server-function call as a script or another program sends it (no HTML redirect back).
fn call(path: &str, content_type: &str, body: &'static str, cookie: &str) -> Request<Body> {
    Request::builder()
        .method("POST")
        .uri(path)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::ACCEPT, "application/json")
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn malformed_server_function_calls_get_a_translated_400() {
    let t = TestDb::sqlite().await;
    let router = app(&t);
    let form = "application/x-www-form-urlencoded";
    for (what, req) in [
        (
            "missing field",
            call("/api/auth/login", form, "login=siti", ""),
        ),
        ("wrong type", call("/api/skp/view", form, "id=abc", "")),
        (
            "number out of range",
            call("/api/skp/view", form, "id=99999999999999999999999", ""),
        ),
        (
            "a JSON body",
            call(
                "/api/auth/login",
                "application/json",
                r#"{"login":"siti","password":"x"}"#,
                "",
            ),
        ),
        (
            "not even form encoding",
            call("/api/skp/view", form, "%%%", ""),
        ),
    ] {
        let res = router.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{what}");
        assert_security_headers(&res, what);
        let body = body_text(res).await;
        let error: app::error::AppError = serde_json::from_str(&body).expect(what);
        let app::error::AppError::Transport(message) = error else {
            panic!("{what}: {body}");
        };
        assert!(
            message.starts_with("Permintaan tidak dapat dibaca"),
            "{what}: {message}"
        );
        for internal in ["missing field", "invalid digit", "deserializ", "expected"] {
            assert!(
                !body.contains(internal),
                "{what} leaks {internal:?}: {body}"
            );
        }
    }
    let english = call("/api/skp/view", form, "id=abc", "i18n_pref_locale=en");
    let body = body_text(router.clone().oneshot(english).await.unwrap()).await;
    assert!(body.contains("The request could not be read"), "{body}");

    // Errors of the function itself keep their own status.
    let res = router
        .oneshot(call("/api/skp/view", form, "id=1", ""))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn over_long_chunked_bodies_get_413() {
    let t = TestDb::sqlite().await;
    let chunk = axum::body::Bytes::from(vec![b'a'; 8 * 1024]);
    let chunks = std::iter::once(axum::body::Bytes::from_static(b"login="))
        .chain(std::iter::repeat_n(chunk, MAX_BODY / (8 * 1024) + 2))
        .map(Ok::<_, std::io::Error>);
    let req = Request::builder()
        .method("POST")
        .uri("/api/auth/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .body(Body::from_stream(futures_util::stream::iter(chunks)))
        .unwrap();
    assert!(!req.headers().contains_key(header::CONTENT_LENGTH));
    let res = app(&t).oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_security_headers(&res, "413 while reading");
}

/// The nonce in a page's policy and on its inline scripts; `None` when the page has none.
fn script_nonce(policy: &str) -> Option<String> {
    let scripts = policy
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))
        .expect("a script-src directive");
    assert!(!scripts.contains("unsafe-inline"), "{policy}");
    scripts
        .split_whitespace()
        .find_map(|s| s.strip_prefix("'nonce-"))
        .map(|n| n.trim_end_matches('\'').to_owned())
}

#[tokio::test]
async fn pages_allow_only_their_own_nonced_scripts() {
    let t = TestDb::sqlite().await;
    server::demo::seed_once(&t.db).await.unwrap();
    let router = app(&t);
    let signed_in = common::session_cookie(&t.db, server::demo::EMPLOYEE_NIP).await;
    let mut nonces = Vec::new();
    let mut signed_in_scripts = 0;
    for (path, cookie) in [("/", None), ("/masuk", None), ("/skp", Some(&signed_in))] {
        let mut req = get_req(path);
        if let Some(cookie) = cookie {
            req.headers_mut()
                .insert(header::COOKIE, cookie.parse().unwrap());
        }
        let res = router.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        let policy = res.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .to_owned();
        let nonce = script_nonce(&policy).expect("pages carry a nonce");
        let page = body_text(res).await;
        // Every inline script carries the nonce; no element carries an inline handler.
        for element in page.split("<script").skip(1) {
            let (tag, content) = element.split_at(element.find('>').unwrap());
            // An empty script never runs (leptos_i18n leaves one as a placeholder).
            let empty = content.starts_with("></script>");
            if !tag.contains("src=") && !tag.contains("application/json") && !empty {
                assert!(
                    tag.contains(&format!("nonce=\"{nonce}\"")),
                    "{path}: <script{tag}>"
                );
                if cookie.is_some() {
                    signed_in_scripts += 1;
                }
            }
        }
        assert!(!page.contains(" onclick="), "{path}");
        nonces.push(nonce);
    }
    assert_ne!(nonces[0], nonces[1], "a new nonce for every answer");
    // The signed-in page loads its islands with inline scripts, so the check above did check
    // something (a visitor's pages have none: `auth::visitors_pages_carry_no_script…`).
    assert!(signed_in_scripts > 0, "no inline script was checked");

    let res = router.oneshot(get_req("/healthz")).await.unwrap();
    let policy = res.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap();
    assert!(policy.contains("script-src 'none'"), "{policy}");
}

#[tokio::test]
async fn the_locale_cookie_is_secure_over_tls() {
    let t = TestDb::sqlite().await;
    let router = behind_a_proxy(&t);
    let switch = |peer: &str| {
        let req = Request::builder()
            .method("POST")
            .uri("/locale")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header("x-forwarded-proto", "https")
            .body(Body::from("locale=en&return_to=%2F"))
            .unwrap();
        from_peer(req, peer)
    };
    let res = router.clone().oneshot(switch("10.0.0.1")).await.unwrap();
    let cookie = res.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.ends_with("; Secure"), "{cookie}");
    let res = router.oneshot(switch("203.0.113.4")).await.unwrap();
    let cookie = res.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(!cookie.contains("Secure"), "{cookie}");
}

#[tokio::test]
async fn server_function_reads_the_database() {
    let t = TestDb::sqlite().await;
    server::demo::seed_once(&t.db).await.unwrap();
    let req = Request::builder()
        .method("POST")
        .uri("/api/agency/summary")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .body(Body::empty())
        .unwrap();
    let res = app(&t).oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&body_text(res).await).unwrap();
    assert_eq!(json["name"], server::demo::DEMO_AGENCY_NAME);
    assert_eq!(json["time_zone"], "WIB");
    assert_eq!(json["evaluations_per_year"], 12);
}

/// Building a router while another one renders a page must not stall that page: generating the
/// route list suppresses resource loading process-wide (leptos issue #4773), so it happens once
/// per process. The integration tests build one router per test, in parallel. When it stalls, it
/// stalls the whole runtime, so the watchdog is a plain thread.
#[test]
fn building_routers_never_stalls_pages_being_rendered() {
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let t = TestDb::sqlite().await;
            server::demo::seed_once(&t.db).await.unwrap();
            let page = app(&t);
            let builders = {
                let state = state(&t);
                tokio::spawn(async move {
                    for _ in 0..300 {
                        drop(server::routes::router(state.clone(), &settings()));
                        tokio::task::yield_now().await;
                    }
                })
            };
            for _ in 0..150 {
                let res = page.clone().oneshot(get_req("/")).await.unwrap();
                assert_eq!(res.status(), StatusCode::OK);
                assert!(
                    body_text(res)
                        .await
                        .contains(server::demo::DEMO_AGENCY_NAME)
                );
            }
            builders.await.unwrap();
        });
        done.send(()).unwrap();
    });
    finished
        .recv_timeout(std::time::Duration::from_secs(90))
        .expect("pages keep rendering while routers are being built");
}
