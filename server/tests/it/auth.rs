//! Logging in and out through the real router, on both engines.

use crate::common;

use app::db::entities::{audit_log, auth_session};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::TestDb;
use common::web::{app, app_behind};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use server::demo::{DEMO_PASSWORD, EMPLOYEE_NIP, SUPERVISOR_NIP};
use tower::ServiceExt;

fn form_post(uri: &str, body: String, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::builder()
        .method("POST")
        .uri(uri)
        .header(header::HOST, "kinerja.test")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        // What a browser sends with a plain form post (no JavaScript).
        .header(header::ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
        .header(header::REFERER, "http://kinerja.test/masuk");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::from(body)).unwrap()
}

fn get(uri: &str, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::builder()
        .uri(uri)
        .header(header::HOST, "kinerja.test")
        .header(header::ACCEPT, "text/html");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, c);
    }
    req.body(Body::empty()).unwrap()
}

fn login_body(login: &str, password: &str) -> String {
    format!(
        "login={}&password={}&next=%2Fprofil",
        login.replace(' ', "+"),
        password
    )
}

/// The `name=value` part of the session cookie a response sets, if any.
fn session_cookie(res: &axum::response::Response) -> Option<String> {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("kinerja_session="))
        .map(|c| c.split(';').next().unwrap().to_owned())
}

async fn text(res: axum::response::Response) -> String {
    String::from_utf8(
        axum::body::to_bytes(res.into_body(), 1 << 22)
            .await
            .unwrap()
            .to_vec(),
    )
    .unwrap()
}

async fn log_in(t: &TestDb, login: &str) -> String {
    let res = app(t)
        .oneshot(form_post(
            "/api/auth/login",
            login_body(login, DEMO_PASSWORD),
            None,
        ))
        .await
        .unwrap();
    assert!(
        res.status().is_redirection(),
        "login redirects, got {}",
        res.status()
    );
    assert_eq!(res.headers()[header::LOCATION], "/profil");
    session_cookie(&res).expect("session cookie set")
}

async fn login_logout_and_profile(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();

    let res = app(&t).oneshot(get("/profil", None)).await.unwrap();
    assert!(
        res.status().is_redirection(),
        "anonymous visitors are sent to the login page"
    );
    assert_eq!(res.headers()[header::LOCATION], "/masuk?next=/profil");

    // The NIP may be typed with spaces.
    let cookie = log_in(&t, "19820923 200604 1 002").await;
    let token = cookie.split_once('=').unwrap().1.to_owned();
    let stored = auth_session::Entity::find().all(&t.db).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0].id, token, "only a hash of the token is stored");

    let res = app(&t)
        .oneshot(get("/profil", Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let html = text(res).await;
    assert!(
        html.contains("Rudi Hartono, S.Psi., M.M."),
        "profile shows the name with titles"
    );
    assert!(html.contains("Kepala Subbidang Promosi dan Penilaian Kinerja"));
    assert!(html.contains("Dedi Kurniawan"), "the superior is shown");

    // Logging in again from the same browser rotates the session.
    let res = app(&t)
        .oneshot(form_post(
            "/api/auth/login",
            login_body(SUPERVISOR_NIP, DEMO_PASSWORD),
            Some(&cookie),
        ))
        .await
        .unwrap();
    let rotated = session_cookie(&res).unwrap();
    assert_ne!(rotated, cookie);
    let res = app(&t)
        .oneshot(get("/profil", Some(&cookie)))
        .await
        .unwrap();
    assert!(res.status().is_redirection(), "the old token is dead");

    let res = app(&t)
        .oneshot(form_post("/api/auth/logout", String::new(), Some(&rotated)))
        .await
        .unwrap();
    assert!(res.status().is_redirection());
    let cleared = res.headers().get_all(header::SET_COOKIE).iter().any(|v| {
        let v = v.to_str().unwrap();
        v.starts_with("kinerja_session=;") && v.contains("Max-Age=0")
    });
    assert!(cleared, "logout clears the cookie");
    assert_eq!(auth_session::Entity::find().count(&t.db).await.unwrap(), 0);
    let res = app(&t)
        .oneshot(get("/profil", Some(&rotated)))
        .await
        .unwrap();
    assert!(res.status().is_redirection());

    let actions: Vec<String> = audit_log::Entity::find()
        .all(&t.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.action)
        .collect();
    assert_eq!(actions, ["login", "login", "logout"]);
}

async fn wrong_passwords_are_throttled(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    for attempt in 1..=5 {
        let res = app(&t)
            .oneshot(form_post(
                "/api/auth/login",
                login_body(EMPLOYEE_NIP, "salah-sandi-123"),
                None,
            ))
            .await
            .unwrap();
        assert!(
            session_cookie(&res).is_none(),
            "attempt {attempt} gives no session"
        );
        assert_ne!(
            res.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "attempt {attempt}"
        );
    }
    // Now even the right password waits, and the browser is told how long.
    let res = app(&t)
        .oneshot(
            Request::builder()
                .method("POST")
                .uri("/api/auth/login")
                .header(header::HOST, "kinerja.test")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ACCEPT, "application/json")
                .body(Body::from(login_body(EMPLOYEE_NIP, DEMO_PASSWORD)))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = res.headers()[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((60..=900).contains(&retry), "Retry-After {retry}");
    assert!(session_cookie(&res).is_none());
    let failed = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("login_failed"))
        .count(&t.db)
        .await
        .unwrap();
    assert_eq!(failed, 5);
    // Another account is not affected by this one's lock.
    log_in(&t, SUPERVISOR_NIP).await;
}

/// `req` as the real server receives it: on a connection from `peer`, claiming `forwarded_for`.
fn from_peer(mut req: Request<Body>, peer: &str, forwarded_for: &str) -> Request<Body> {
    let peer: std::net::SocketAddr = format!("{peer}:40000").parse().unwrap();
    req.extensions_mut()
        .insert(axum::extract::ConnectInfo(peer));
    req.headers_mut()
        .insert("x-forwarded-for", forwarded_for.parse().unwrap());
    // As a script asks: a refusal is then a status code (429), not a page to go back to.
    req.headers_mut()
        .insert(header::ACCEPT, "application/json".parse().unwrap());
    req
}

/// A failed login under a fresh, unknown name each time, so only the address limit can apply.
fn wrong_login(attempt: usize) -> Request<Body> {
    form_post(
        "/api/auth/login",
        login_body(&format!("tamu{attempt}@contoh.go.id"), "salah-sandi-123"),
        None,
    )
}

async fn direct_clients_cannot_dodge_the_address_limit(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    for attempt in 0..30 {
        let forged = format!("198.51.100.{attempt}");
        let res = app
            .clone()
            .oneshot(from_peer(wrong_login(attempt), "203.0.113.7", &forged))
            .await
            .unwrap();
        assert_ne!(
            res.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "attempt {attempt}"
        );
    }
    // The 31st try from that address waits, even with a real account's right password.
    let res = app
        .clone()
        .oneshot(from_peer(
            form_post(
                "/api/auth/login",
                login_body(EMPLOYEE_NIP, DEMO_PASSWORD),
                None,
            ),
            "203.0.113.7",
            "198.51.100.200",
        ))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(session_cookie(&res).is_none());
    // The audit log names the connection's address, never the forged one.
    let ips: Vec<Option<String>> = audit_log::Entity::find()
        .all(&t.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.ip)
        .collect();
    assert_eq!(ips.len(), 31, "30 failures and one throttled attempt");
    assert!(
        ips.iter().all(|ip| ip.as_deref() == Some("203.0.113.7")),
        "{ips:?}"
    );
    // Someone else is not affected.
    let res = app
        .oneshot(from_peer(
            form_post(
                "/api/auth/login",
                login_body(EMPLOYEE_NIP, DEMO_PASSWORD),
                None,
            ),
            "203.0.113.8",
            "203.0.113.7",
        ))
        .await
        .unwrap();
    assert!(session_cookie(&res).is_some(), "got {}", res.status());
}

async fn behind_a_trusted_proxy_the_forwarded_address_counts(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app_behind(
        &t,
        server::proxy::TrustedProxies::parse("10.0.0.0/8").unwrap(),
    );
    for attempt in 0..30 {
        let res = app
            .clone()
            .oneshot(from_peer(wrong_login(attempt), "10.0.0.2", "198.51.100.9"))
            .await
            .unwrap();
        assert_ne!(
            res.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "attempt {attempt}"
        );
    }
    let res = app
        .clone()
        .oneshot(from_peer(wrong_login(99), "10.0.0.2", "198.51.100.9"))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    let last = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("login_throttled"))
        .one(&t.db)
        .await
        .unwrap()
        .expect("the throttled attempt is audited");
    assert_eq!(last.ip.as_deref(), Some("198.51.100.9"));
    // Another client behind the same proxy logs in.
    let res = app
        .oneshot(from_peer(
            form_post(
                "/api/auth/login",
                login_body(EMPLOYEE_NIP, DEMO_PASSWORD),
                None,
            ),
            "10.0.0.2",
            "198.51.100.10",
        ))
        .await
        .unwrap();
    assert!(session_cookie(&res).is_some(), "got {}", res.status());
}

async fn over_long_logins_are_refused_and_not_stored(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let long = "9".repeat(50_000);
    let res = app(&t)
        .oneshot(form_post(
            "/api/auth/login",
            login_body(&long, "salah-sandi-123"),
            None,
        ))
        .await
        .unwrap();
    assert!(session_cookie(&res).is_none());
    assert_ne!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let location = res
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        location.len() < 2_000,
        "the echoed value is cut: {} bytes",
        location.len()
    );
    let longest = app::db::entities::login_throttle::Entity::find()
        .all(&t.db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.key.len())
        .max()
        .unwrap_or(0);
    assert!(longest < 300, "no over-long throttle key stored: {longest}");
}

async fn the_email_address_logs_in_like_the_nip(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    // As the README says: NIP or e-mail address, in any case.
    let res = app(&t)
        .oneshot(form_post(
            "/api/auth/login",
            login_body(" Putri.Ayu.Lestari@Sukamakmur.go.id ", DEMO_PASSWORD),
            None,
        ))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/profil");
    let cookie = session_cookie(&res).expect("session cookie set");
    let res = app(&t)
        .oneshot(get("/profil", Some(&cookie)))
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(text(res).await.contains("Putri Ayu Lestari"));
    // Wrong passwords under the address lock the same account as under the NIP.
    for _ in 0..3 {
        app(&t)
            .oneshot(form_post(
                "/api/auth/login",
                login_body("putri.ayu.lestari@sukamakmur.go.id", "salah-sandi-123"),
                None,
            ))
            .await
            .unwrap();
    }
    for _ in 0..2 {
        app(&t)
            .oneshot(form_post(
                "/api/auth/login",
                login_body(EMPLOYEE_NIP, "salah-sandi-123"),
                None,
            ))
            .await
            .unwrap();
    }
    let res = app(&t)
        .oneshot(
            Request::builder()
                .method("POST")
                .uri("/api/auth/login")
                .header(header::HOST, "kinerja.test")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ACCEPT, "application/json")
                .body(Body::from(login_body(EMPLOYEE_NIP, DEMO_PASSWORD)))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
}

async fn logout_everywhere_ends_every_session(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let phone = log_in(&t, EMPLOYEE_NIP).await;
    let laptop = log_in(&t, EMPLOYEE_NIP).await;
    let other = log_in(&t, SUPERVISOR_NIP).await;
    let res = app(&t)
        .oneshot(form_post(
            "/api/auth/logout-everywhere",
            String::new(),
            Some(&phone),
        ))
        .await
        .unwrap();
    assert!(res.status().is_redirection());
    for dead in [&phone, &laptop] {
        assert!(
            app(&t)
                .oneshot(get("/profil", Some(dead)))
                .await
                .unwrap()
                .status()
                .is_redirection()
        );
    }
    assert_eq!(
        app(&t)
            .oneshot(get("/profil", Some(&other)))
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
}

async fn changing_the_password(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let laptop = log_in(&t, EMPLOYEE_NIP).await;
    let phone = log_in(&t, EMPLOYEE_NIP).await;
    let change = |body: &str, cookie: &str| {
        let mut req = form_post("/api/auth/password", body.to_owned(), Some(cookie));
        req.headers_mut().insert(
            header::REFERER,
            "http://kinerja.test/profil".parse().unwrap(),
        );
        req
    };

    // Every problem is reported at once, and nothing changes.
    let res = app(&t)
        .oneshot(change(
            "current_password=salah-sekali-1&new_password=pendek&confirm_password=lain",
            &laptop,
        ))
        .await
        .unwrap();
    let location = res.headers()[header::LOCATION].to_str().unwrap().to_owned();
    assert_eq!(location, "http://kinerja.test/profil#ringkasan-galat");
    let err = crate::common::web::refusal(&t.db, res.headers(), "/profil").await;
    let form = err.form().expect("field errors");
    assert_eq!(form.error_for("current_password"), Some("wrong_password"));
    assert_eq!(form.error_for("new_password"), Some("too_short"));
    assert_eq!(form.error_for("confirm_password"), Some("mismatch"));
    assert_eq!(
        app(&t)
            .oneshot(get("/profil", Some(&laptop)))
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );

    let res = app(&t)
        .oneshot(change(
            "current_password=Kinerja-2026&new_password=kopi+pagi+di+kantor&confirm_password=kopi+pagi+di+kantor",
            &laptop,
        ))
        .await
        .unwrap();
    assert_eq!(res.headers()[header::LOCATION], "/profil?sandi=diubah");
    let fresh = session_cookie(&res).expect("a new session for this browser");
    assert_eq!(
        app(&t)
            .oneshot(get("/profil", Some(&fresh)))
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    for old in [&laptop, &phone] {
        assert!(
            app(&t)
                .oneshot(get("/profil", Some(old)))
                .await
                .unwrap()
                .status()
                .is_redirection()
        );
    }
    // The old password no longer works; the new one does.
    let res = app(&t)
        .oneshot(form_post(
            "/api/auth/login",
            login_body(EMPLOYEE_NIP, DEMO_PASSWORD),
            None,
        ))
        .await
        .unwrap();
    assert!(session_cookie(&res).is_none());
    let res = app(&t)
        .oneshot(form_post(
            "/api/auth/login",
            login_body(EMPLOYEE_NIP, "kopi+pagi+di+kantor"),
            None,
        ))
        .await
        .unwrap();
    assert!(session_cookie(&res).is_some());
    let changed = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("password_changed"))
        .count(&t.db)
        .await
        .unwrap();
    assert_eq!(changed, 1);
}

on_both_engines!(
    login_logout_and_profile,
    wrong_passwords_are_throttled,
    direct_clients_cannot_dodge_the_address_limit,
    behind_a_trusted_proxy_the_forwarded_address_counts,
    over_long_logins_are_refused_and_not_stored,
    the_email_address_logs_in_like_the_nip,
    logout_everywhere_ends_every_session,
    changing_the_password
);

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let t = TestDb::sqlite().await;
    server::demo::seed_once(&t.db).await.unwrap();
    let mut req = form_post(
        "/api/auth/login",
        login_body(EMPLOYEE_NIP, DEMO_PASSWORD),
        None,
    );
    req.headers_mut()
        .insert(header::ORIGIN, "https://evil.example".parse().unwrap());
    let res = app(&t).oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(session_cookie(&res).is_none());

    let mut req = form_post(
        "/api/auth/login",
        login_body(EMPLOYEE_NIP, DEMO_PASSWORD),
        None,
    );
    req.headers_mut()
        .insert(header::ORIGIN, "http://kinerja.test".parse().unwrap());
    let res = app(&t).oneshot(req).await.unwrap();
    assert!(session_cookie(&res).is_some(), "same-origin posts work");
}

#[tokio::test]
async fn demo_organisation_is_consistent() {
    use app::db::entities::{pegawai, user_account};
    let t = TestDb::sqlite().await;
    server::demo::seed_once(&t.db).await.unwrap();
    let people = pegawai::Entity::find().all(&t.db).await.unwrap();
    assert!(
        (70..=80).contains(&people.len()),
        "{} employees",
        people.len()
    );
    assert_eq!(
        user_account::Entity::find().count(&t.db).await.unwrap() as usize,
        people.len()
    );
    let supervisor = people.iter().find(|p| p.nip == SUPERVISOR_NIP).unwrap();
    let reports = people
        .iter()
        .filter(|p| p.penilai_id == Some(supervisor.id))
        .count();
    assert!(
        reports >= 4,
        "the demo supervisor appraises {reports} people"
    );
    // The heads of the three agencies (the units at the top), and only they, are appraised by
    // the Sekda outside the application.
    let outside: Vec<&str> = people
        .iter()
        .filter(|p| p.penilai_luar_id.is_some())
        .map(|p| p.nip.as_str())
        .collect();
    assert_eq!(outside.len(), 3, "{outside:?}");
    assert!(outside.contains(&server::demo::HEAD_NIP));
    for p in &people {
        assert_ne!(p.penilai_id, Some(p.id), "nobody appraises themselves");
        assert!(
            p.penilai_id.is_some() || p.penilai_luar_id.is_some(),
            "{} has an appraiser",
            p.nip
        );
        if let (Some(penilai), Some(atasan)) = (p.penilai_id, p.atasan_penilai_id) {
            assert_ne!(penilai, atasan);
        }
    }
}

#[tokio::test]
async fn visitors_pages_carry_no_script_and_signed_in_pages_load_the_islands() {
    let t = TestDb::sqlite().await;
    server::demo::seed_once(&t.db).await.unwrap();
    for path in ["/masuk", "/", "/halaman-yang-tidak-ada"] {
        let html = text(app(&t).oneshot(get(path, None)).await.unwrap()).await;
        assert!(html.contains("Kinerja"), "{path}: {html}");
        for script in ["<script", ".wasm", "modulepreload", "<leptos-island"] {
            assert!(!html.contains(script), "{path} carries {script}: {html}");
        }
    }
    let login = text(app(&t).oneshot(get("/masuk", None)).await.unwrap()).await;
    assert!(
        login.contains(r#"action="/api/auth/login""#),
        "a plain form post"
    );

    let cookie = common::session_cookie(&t.db, EMPLOYEE_NIP).await;
    let page = text(app(&t).oneshot(get("/skp", Some(&cookie))).await.unwrap()).await;
    assert!(page.contains(r#"<script type="module" nonce=""#), "{page}");
    assert!(page.contains(".wasm"), "{page}");
    assert!(
        page.contains(r#"<leptos-island data-component="LiveBell_"#),
        "the bell is an island: {page}"
    );
    assert!(
        !page.contains(r#"rel="external""#),
        "one app: every link is an ordinary link"
    );
    assert!(page.contains(r#"href="/profil""#));
}
