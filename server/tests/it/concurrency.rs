//! Many requests at once through the real router, as a busy morning brings them: every kind of
//! page answers (never 500), and every page is in its own request's language. Titles used to be
//! read after an `await`, outside the request's reactive arena, and failed or came out in
//! another request's language (see `app::ui::title`).

use crate::common::{self, TestDb, web};
use app::db::entities::{pegawai, skp};
use axum::Router;
use axum::body::Body;
use axum::http::{StatusCode, header};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::demo::{ADMIN_NIP, DEMO_PASSWORD, EMPLOYEE_NIP, SUPERVISOR_NIP};
use std::sync::Arc;

const REQUESTS_PER_KIND: usize = 500;
const CONCURRENCY: usize = 50;

/// One kind of page: who asks, and the title it must carry in Indonesian and in English.
struct Kind {
    name: &'static str,
    method: &'static str,
    uri: String,
    session: Option<String>,
    body: Option<&'static str>,
    status: StatusCode,
    title: [&'static str; 2],
    /// Text the answer must also show, per language.
    shows: Option<[&'static str; 2]>,
}

fn cookie(session: Option<&str>, english: bool) -> String {
    let locale = format!("i18n_pref_locale={}", if english { "en" } else { "id" });
    match session {
        Some(s) => format!("{s}; {locale}"),
        None => locale,
    }
}

/// Sends one request of `kind` and returns what went wrong, if anything.
async fn check(app: Router, kind: Arc<Kind>, english: bool) -> Option<String> {
    // A form is posted from its page, where an error sends the browser back to.
    let from = if kind.method == "POST" {
        "/masuk"
    } else {
        &kind.uri
    };
    let mut req = web::request(
        kind.method,
        &kind.uri,
        &cookie(kind.session.as_deref(), english),
    )
    .header(header::REFERER, format!("http://kinerja.test{from}"));
    if kind.body.is_some() {
        req = req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    }
    let req = req
        .body(kind.body.map_or_else(Body::empty, Body::from))
        .unwrap();
    let (status, headers, body) = web::send(&app, req).await;
    let (status, body) = if kind.method == "POST" && status.is_redirection() {
        // A form with an error goes back to its page, which shows the error.
        let location = web::location(&headers);
        let back = location
            .strip_prefix("http://kinerja.test")
            .unwrap_or(&location);
        // The errors wait on the server behind a cookie, which the browser sends back.
        let Some((address, refusal)) = back
            .split_once(web::REFUSED)
            .filter(|(address, _)| address.starts_with("/masuk#"))
        else {
            return Some(format!("{}: sent to {back:?}", kind.name));
        };
        let path = address.split('#').next().unwrap_or(address);
        let cookies = format!(
            "{}; {}",
            cookie(kind.session.as_deref(), english),
            refusal.trim_end_matches(')')
        );
        let (status, _, body) = web::send(
            &app,
            web::request("GET", path, &cookies)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        (status, body)
    } else {
        (status, body)
    };
    let title = kind.title[usize::from(english)];
    if status != kind.status {
        return Some(format!("{}: status {status}", kind.name));
    }
    if !body.contains(&format!("<title>{title}</title>")) {
        let shown = body
            .split_once("<title>")
            .and_then(|(_, rest)| rest.split_once("</title>"))
            .map_or("(none)", |(t, _)| t);
        return Some(format!(
            "{}: title {shown:?}, expected {title:?}",
            kind.name
        ));
    }
    if let Some(text) = kind.shows.map(|t| t[usize::from(english)])
        && !body.contains(text)
    {
        return Some(format!("{}: {text:?} not shown", kind.name));
    }
    None
}

async fn kinds(t: &TestDb, app: &Router) -> Vec<Kind> {
    server::demo::seed_once(&t.db).await.unwrap();
    let employee = web::login(app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let appraiser = web::login(app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let admin = web::login(app, ADMIN_NIP, DEMO_PASSWORD).await;
    let rudi = pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq(SUPERVISOR_NIP))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let plan = skp::Entity::find()
        .filter(skp::Column::PegawaiId.eq(rudi.id))
        .one(&t.db)
        .await
        .unwrap()
        .expect("the demo appraiser has an approved SKP");
    let kind = |name, uri: &str, session: Option<&String>, title| Kind {
        name,
        method: "GET",
        uri: uri.to_owned(),
        session: session.cloned(),
        body: None,
        status: StatusCode::OK,
        title,
        shows: None,
    };
    vec![
        kind(
            "anonymous login page",
            "/masuk",
            None,
            ["Masuk ke Kinerja · Kinerja", "Log in to Kinerja · Kinerja"],
        ),
        Kind {
            status: StatusCode::NOT_FOUND,
            ..kind(
                "unknown address",
                "/tidak-ada",
                None,
                [
                    "Halaman tidak ditemukan · Kinerja",
                    "Page not found · Kinerja",
                ],
            )
        },
        kind(
            "employee's self-assessments",
            "/evaluasi",
            Some(&employee),
            ["Penilaian mandiri · Kinerja", "Self-assessment · Kinerja"],
        ),
        kind(
            "an SKP with its resources",
            &format!("/skp/{}", plan.id),
            Some(&appraiser),
            ["SKP · Kinerja", "SKP · Kinerja"],
        ),
        kind(
            "appraiser's subordinates",
            "/bawahan",
            Some(&appraiser),
            ["SKP bawahan · Kinerja", "Subordinates' SKPs · Kinerja"],
        ),
        kind(
            "admin directory",
            "/admin/pegawai",
            Some(&admin),
            ["Daftar pegawai · Kinerja", "Employee directory · Kinerja"],
        ),
        Kind {
            method: "POST",
            body: Some("login=199305052019032011&password="),
            shows: Some(["Wajib diisi.", "Required."]),
            ..kind(
                "form error round trip",
                "/api/auth/login",
                None,
                ["Masuk ke Kinerja · Kinerja", "Log in to Kinerja · Kinerja"],
            )
        },
    ]
}

async fn every_page_kind_holds_under_concurrent_load(t: TestDb) {
    let app = web::app(&t);
    let kinds: Vec<Arc<Kind>> = kinds(&t, &app).await.into_iter().map(Arc::new).collect();
    let gate = Arc::new(tokio::sync::Semaphore::new(CONCURRENCY));
    let mut tasks = tokio::task::JoinSet::new();
    // Interleaved, so that every kind meets every other kind and both languages at once.
    for i in 0..REQUESTS_PER_KIND {
        for kind in &kinds {
            let (app, kind, gate) = (app.clone(), kind.clone(), gate.clone());
            tasks.spawn(async move {
                let _permit = gate.acquire_owned().await.unwrap();
                check(app, kind, i % 2 == 1).await
            });
        }
    }
    let mut answered = 0;
    let mut failures = Vec::new();
    while let Some(result) = tasks.join_next().await {
        answered += 1;
        if let Some(failure) = result.expect("no request task panicked") {
            failures.push(failure);
        }
    }
    assert_eq!(answered, REQUESTS_PER_KIND * kinds.len());
    assert!(
        failures.is_empty(),
        "{} of {answered} requests went wrong, e.g. {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
}

/// The same, made deterministic: on one thread, two pages in different languages are rendered
/// interleaved, and each keeps its own title.
#[tokio::test]
async fn interleaved_pages_keep_their_own_language() {
    let t = TestDb::sqlite().await;
    let app = web::app(&t);
    let login = Arc::new(Kind {
        name: "login page",
        method: "GET",
        uri: "/masuk".to_owned(),
        session: None,
        body: None,
        status: StatusCode::OK,
        title: ["Masuk ke Kinerja · Kinerja", "Log in to Kinerja · Kinerja"],
        shows: None,
    });
    for round in 0..20 {
        let (id, en) = tokio::join!(
            check(app.clone(), login.clone(), false),
            check(app.clone(), login.clone(), true)
        );
        assert_eq!((id, en), (None, None), "round {round}");
    }
}

on_both_engines!(every_page_kind_holds_under_concurrent_load);
