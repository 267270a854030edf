//! A refused plain form post on both engines: the browser is sent back to the form's error
//! summary with nothing of the error in the address; the errors wait on the server behind a
//! cookie, are drawn once (with what was typed), and never reach another page or a later visit.

use crate::common;
use app::db::entities::form_flash;
use axum::http::{StatusCode, header};
use chrono::{Duration, Utc};
use common::TestDb;
use common::web::{REFUSED, app, get, location, login, post_form_from, refusal_cookie};
use sea_orm::{ActiveModelTrait, EntityTrait, PaginatorTrait, Set};
use server::demo::{DEMO_PASSWORD, EMPLOYEE_NIP};

const BAD_PASSWORDS: &str =
    "current_password=salah-sekali-1&new_password=pendek&confirm_password=lain";

async fn kept(t: &TestDb) -> u64 {
    form_flash::Entity::find().count(&t.db).await.unwrap()
}

async fn a_refused_form_opens_at_its_summary_once(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let putri = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;

    let (status, headers) =
        post_form_from(&app, "/profil", "/api/auth/password", &putri, BAD_PASSWORDS).await;
    assert!(status.is_redirection(), "{status}");
    let raw = headers[header::LOCATION].to_str().unwrap();
    assert_eq!(raw, "http://kinerja.test/profil#ringkasan-galat");
    let set = headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("kinerja_form="))
        .expect("the refusal's cookie");
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Max-Age=600"),
        "{set}"
    );
    let cookie = refusal_cookie(&headers).unwrap();
    let row = form_flash::Entity::find()
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.page, "/profil");
    assert_eq!(row.fn_path, "/api/auth/password");
    assert!(
        !cookie.contains(&row.token_hash),
        "only a hash of the token is stored"
    );

    // The page the browser opens draws the summary: each problem named by its field's label,
    // linked to the field, in the page's language.
    let back = location(&headers);
    assert!(back.contains(REFUSED));
    let (status, page) = get(&app, &back, &putri).await;
    assert_eq!(status, StatusCode::OK);
    let summary = page
        .split("data-testid=\"error-summary\"")
        .nth(1)
        .expect("the error summary")
        .split("</div>")
        .next()
        .unwrap()
        .to_owned();
    assert!(summary.contains("Ada yang perlu diperbaiki"), "{summary}");
    for field in ["current_password", "new_password", "confirm_password"] {
        assert!(
            summary.contains(&format!("href=\"#{field}\"")),
            "{field}: {summary}"
        );
    }
    assert!(summary.contains("Kata sandi saat ini: "), "{summary}");
    assert!(page.contains("id=\"ringkasan-galat\""));
    assert_eq!(kept(&t).await, 0, "taken by the page");

    // A reload, or the same cookie again, shows the page as it is.
    let (_, again) = get(&app, &back, &putri).await;
    assert!(!again.contains("data-testid=\"error-summary\""));

    // A refusal meant for one page is not drawn on another.
    let (_, headers) =
        post_form_from(&app, "/profil", "/api/auth/password", &putri, BAD_PASSWORDS).await;
    let elsewhere = location(&headers).replace("/profil#ringkasan-galat", "/");
    let (_, desk) = get(&app, &elsewhere.replace("http://kinerja.test", ""), &putri).await;
    assert!(!desk.contains("data-testid=\"error-summary\""));
    assert_eq!(kept(&t).await, 0, "discarded once another page opened");

    // An abandoned refusal is cleared by the next one, and is no longer drawn.
    let (_, headers) =
        post_form_from(&app, "/profil", "/api/auth/password", &putri, BAD_PASSWORDS).await;
    let stale = location(&headers);
    let mut row: form_flash::ActiveModel = form_flash::Entity::find()
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
        .into();
    row.created_at = Set(Utc::now() - Duration::minutes(11));
    row.update(&t.db).await.unwrap();
    let (_, page) = get(&app, &stale, &putri).await;
    assert!(!page.contains("data-testid=\"error-summary\""));
    post_form_from(&app, "/profil", "/api/auth/password", &putri, BAD_PASSWORDS).await;
    form_flash::ActiveModel {
        token_hash: Set("0".repeat(64)),
        page: Set("/profil".to_owned()),
        fn_path: Set("/api/auth/password".to_owned()),
        error: Set(String::new()),
        created_at: Set(Utc::now() - Duration::hours(1)),
    }
    .insert(&t.db)
    .await
    .unwrap();
    post_form_from(&app, "/profil", "/api/auth/password", &putri, BAD_PASSWORDS).await;
    assert_eq!(
        kept(&t).await,
        2,
        "the hour-old one is gone, the two fresh stay"
    );
}

on_both_engines!(a_refused_form_opens_at_its_summary_once);
