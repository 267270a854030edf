//! The self-assessment through the real router, on both engines: autosave with versions (a stale
//! copy is refused and answered with the server's values, never merged), the plain-form path,
//! evidence uploads checked by content and size, evidence visible only inside the appraisal
//! chain, submission with its completeness rule, and the appraiser sending it back.

use crate::common;
use crate::common::employee;
use app::domain::ids::{EmployeeId, EvaluationId, EvidenceId, IndicatorId};

use app::db::entities::{
    bukti, evaluasi, evaluasi_realisasi, notifikasi, pegawai, skp, skp_hasil, skp_indikator,
    user_account,
};
use app::error::AppError;
use app::features::evaluation::types::AutosaveReply;
use app::state::AppState;
use app::storage::EvidenceStore;
use axum::Router;
use axum::body::Body;
use axum::http::{StatusCode, header};
use common::TestDb;
use common::web::{REFUSED, encode, get, location, login, post_form_from, request, send};
use leptos::prelude::LeptosOptions;
use leptos::server_fn::ServerFn as _;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use server::demo::{ADMIN_NIP, DEMO_PASSWORD, EMPLOYEE_NIP, SUPERVISOR_NIP};
use server::routes::{RouterSettings, ServerState};

/// A small evidence limit, so that "too large" needs no large test files.
const MAX_UPLOAD: u64 = 64 * 1024;

/// The wizard's tests run on 20 August of the demo's year: July is over (and past its
/// deadline), August is running.
fn app(t: &TestDb) -> Router {
    app_on(t, common::web::demo_day(8, 20))
}

fn app_on(t: &TestDb, clock: app::clock::Clock) -> Router {
    server::routes::router(
        ServerState {
            leptos_options: LeptosOptions::builder().output_name("kinerja").build(),
            app: AppState {
                db: t.db.clone(),
                evidence: EvidenceStore::in_memory(MAX_UPLOAD),
                clock,
                live: t.live(),
                address_counts: Default::default(),
                public_url: None,
            },
        },
        &RouterSettings {
            max_body_bytes: 64 * 1024,
            max_upload_bytes: MAX_UPLOAD as usize,
            trusted_proxies: server::proxy::TrustedProxies::NONE,
            drain: Default::default(),
        },
    )
}

async fn plan_of(t: &TestDb, nip: &str) -> skp::Model {
    let id = employee(t, nip).await.id;
    skp::Entity::find()
        .filter(skp::Column::PegawaiId.eq(id))
        .one(&t.db)
        .await
        .unwrap()
        .expect("demo leaders have approved plans")
}

async fn indicators_of(t: &TestDb, plan: &skp::Model) -> Vec<skp_indikator::Model> {
    let results = skp_hasil::Entity::find()
        .filter(skp_hasil::Column::SkpId.eq(plan.id))
        .order_by_asc(skp_hasil::Column::Position)
        .all(&t.db)
        .await
        .unwrap();
    let mut out = Vec::new();
    for r in results {
        out.extend(
            skp_indikator::Entity::find()
                .filter(skp_indikator::Column::HasilId.eq(r.id))
                .all(&t.db)
                .await
                .unwrap(),
        );
    }
    out
}

async fn evaluation(t: &TestDb, id: EvaluationId) -> evaluasi::Model {
    evaluasi::Entity::find_by_id(id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
}

async fn realisation(t: &TestDb, id: EvaluationId, indicator: IndicatorId) -> Option<String> {
    evaluasi_realisasi::Entity::find()
        .filter(evaluasi_realisasi::Column::EvaluasiId.eq(id))
        .filter(evaluasi_realisasi::Column::IndikatorId.eq(indicator))
        .one(&t.db)
        .await
        .unwrap()
        .and_then(|r| r.value)
}

/// A request as the wizard's island makes it: JSON wanted.
fn script_request(uri: &str, cookie: &str) -> axum::http::request::Builder {
    axum::http::Request::builder()
        .method("POST")
        .uri(uri)
        .header(header::HOST, "kinerja.test")
        .header(header::ACCEPT, "application/json")
        .header(header::COOKIE, cookie)
}

/// Percent-decodes one part of a form body.
fn form_decode(s: &str) -> String {
    let bytes = s.replace('+', " ").into_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = std::str::from_utf8(&bytes[i + 1..(i + 3).min(bytes.len())])
                .ok()
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// An autosave as the wizard's island sends it (the `autosave` server function), written as the
/// form body a plain post would carry: `version`, `step` and the changed fields.
async fn autosave(
    app: &Router,
    cookie: &str,
    id: EvaluationId,
    body: &str,
) -> (StatusCode, Result<AutosaveReply, AppError>) {
    let mut version = 0;
    let mut step = 1;
    let mut fields = Vec::new();
    for (name, value) in body.split('&').filter_map(|pair| pair.split_once('=')) {
        let value = form_decode(value);
        match name {
            "version" => version = value.parse::<i32>().unwrap(),
            "step" => step = value.parse::<u8>().unwrap(),
            _ => fields.push((form_decode(name), value)),
        }
    }
    let json = serde_json::json!({ "id": id, "version": version, "step": step, "fields": fields });
    let req = script_request(app::features::evaluation::Autosave::url(), cookie)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(json.to_string()))
        .unwrap();
    let (status, _, body) = send(app, req).await;
    let reply = if status.is_success() {
        Ok(serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}")))
    } else {
        Err(serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}: {body}")))
    };
    (status, reply)
}

/// The version a successful save stored.
fn saved_version(reply: &Result<AutosaveReply, AppError>) -> i64 {
    match reply {
        Ok(AutosaveReply::Saved { version, .. }) => i64::from(*version),
        other => panic!("not saved: {other:?}"),
    }
}

fn value_in<'a>(values: &'a [(String, String)], name: &str) -> Option<&'a str> {
    values
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// A multipart upload of `bytes` named `name`, as the island sends it (JSON answered).
async fn upload(
    app: &Router,
    cookie: &str,
    id: EvaluationId,
    indicator: IndicatorId,
    name: &str,
    bytes: &[u8],
) -> (StatusCode, serde_json::Value) {
    let boundary = "----kinerja-test-boundary";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"indikator\"\r\n\r\n{indicator}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"{name}\"\r\n\
             Content-Type: image/jpeg\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let req = script_request(&format!("/evaluasi/{id}/bukti"), cookie)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    let (status, _, body) = send(app, req).await;
    let json = serde_json::from_str(&body).unwrap_or(serde_json::Value::Null);
    (status, json)
}

fn jpeg(len: usize) -> Vec<u8> {
    let mut bytes = vec![
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0,
    ];
    bytes.resize(len, 0x42);
    bytes
}

async fn download(app: &Router, cookie: &str, evidence: EvidenceId) -> (StatusCode, Vec<u8>) {
    let res = tower::ServiceExt::oneshot(
        app.clone(),
        request("GET", &format!("/bukti/{evidence}"), cookie)
            .body(Body::empty())
            .unwrap(),
    )
    .await
    .unwrap();
    let status = res.status();
    let body = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, body.to_vec())
}

/// The month the tests report on: over on the tests' 20 August (the demo's period is monthly).
const REPORTED_MONTH: i32 = 7;

async fn start(app: &Router, t: &TestDb, cookie: &str, plan: &skp::Model) -> EvaluationId {
    start_month(app, t, cookie, plan, REPORTED_MONTH).await
}

async fn start_month(
    app: &Router,
    t: &TestDb,
    cookie: &str,
    plan: &skp::Model,
    month: i32,
) -> EvaluationId {
    let (status, headers) = post_form_from(
        app,
        "/evaluasi",
        "/api/evaluasi/mulai",
        cookie,
        &format!("skp_id={}&seq={month}", plan.id),
    )
    .await;
    assert!(status.is_redirection(), "redirected: {status}");
    let to = location(&headers);
    let id: EvaluationId = to
        .strip_prefix("/evaluasi/")
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("start leads to the wizard: {to}"));
    assert_eq!(evaluation(t, id).await.state.as_str(), "open");
    id
}

async fn unread_kinds(t: &TestDb, pegawai_id: EmployeeId) -> Vec<String> {
    let account = user_account::Entity::find()
        .filter(user_account::Column::PegawaiId.eq(pegawai_id))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    notifikasi::Entity::find()
        .filter(notifikasi::Column::UserId.eq(account.id))
        .filter(notifikasi::Column::ReadAt.is_null())
        .all(&t.db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.kind.as_str().to_owned())
        .collect()
}

async fn stale_versions_are_refused_not_merged(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let rudi = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let plan = plan_of(&t, SUPERVISOR_NIP).await;
    let id = start(&app, &t, &rudi, &plan).await;
    // Starting twice opens the same evaluation.
    assert_eq!(start(&app, &t, &rudi, &plan).await, id);
    let indicator = indicators_of(&t, &plan).await[0].id;

    let (status, saved) = autosave(
        &app,
        &rudi,
        id,
        &format!(
            "version=1&step=1&r-{indicator}=12%2C5&c-{indicator}={}",
            encode("Sesuai rencana")
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{saved:?}");
    let Ok(AutosaveReply::Saved {
        version, values, ..
    }) = saved
    else {
        panic!("{saved:?}");
    };
    assert_eq!(version, 2);
    assert_eq!(value_in(&values, &format!("r-{indicator}")), Some("12,5"));
    assert_eq!(
        realisation(&t, id, indicator).await.as_deref(),
        Some("12,5")
    );

    // A phone that was offline still holds version 1: refused, answered with the server's copy.
    let (status, conflict) = autosave(
        &app,
        &rudi,
        id,
        &format!("version=1&step=1&r-{indicator}=99"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{conflict:?}");
    let Ok(AutosaveReply::Conflict { version, values }) = conflict else {
        panic!("{conflict:?}");
    };
    assert_eq!(version, 2);
    assert_eq!(value_in(&values, &format!("r-{indicator}")), Some("12,5"));
    assert_eq!(
        value_in(&values, &format!("c-{indicator}")),
        Some("Sesuai rencana"),
        "every field comes back, not only those sent"
    );
    assert_eq!(value_in(&values, "achievements"), Some(""));
    assert_eq!(
        realisation(&t, id, indicator).await.as_deref(),
        Some("12,5")
    );
    assert_eq!(evaluation(&t, id).await.version, 2, "nothing stored");

    // Invalid input is refused with a message and stores nothing.
    let (status, refused) = autosave(
        &app,
        &rudi,
        id,
        &format!("version=2&step=1&r-{indicator}={}", encode("dua belas")),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{refused:?}");
    let Ok(AutosaveReply::Refused { errors }) = refused else {
        panic!("{refused:?}");
    };
    assert_eq!(errors[0].field, format!("r-{indicator}"));
    assert_eq!(errors[0].code, "invalid_number");
    assert!(
        errors[0].message.contains("angka"),
        "Indonesian message: {errors:?}"
    );
    assert_eq!(
        realisation(&t, id, indicator).await.as_deref(),
        Some("12,5")
    );

    // Without JavaScript: "next" saves and moves on; a stale form comes back with what was typed.
    let (status, headers) = post_form_from(
        &app,
        &format!("/evaluasi/{id}?langkah=3"),
        &format!("/evaluasi/{id}/simpan"),
        &rudi,
        &format!(
            "version=2&step=3&go=4&achievements={}",
            encode("Laporan selesai tepat waktu")
        ),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), format!("/evaluasi/{id}?langkah=4"));
    let stored = evaluation(&t, id).await;
    assert_eq!(stored.step, 4, "the laptop resumes here");
    assert_eq!(
        stored.achievements.as_deref(),
        Some("Laporan selesai tepat waktu")
    );
    let (_, headers) = post_form_from(
        &app,
        &format!("/evaluasi/{id}?langkah=3"),
        &format!("/evaluasi/{id}/simpan"),
        &rudi,
        &format!(
            "version=2&step=3&go=4&achievements={}",
            encode("Versi lama dari ponsel")
        ),
    )
    .await;
    let back = location(&headers);
    assert!(
        back.starts_with(&format!("/evaluasi/{id}?langkah=3")) && back.contains(REFUSED),
        "{back}"
    );
    let (_, page) = get(&app, &back, &rudi).await;
    assert!(
        page.contains("Versi lama dari ponsel"),
        "what was typed comes back"
    );
    assert!(
        page.contains("Tersimpan di server: Laporan selesai tepat waktu"),
        "and the server's copy"
    );
    assert_eq!(
        evaluation(&t, id).await.achievements.as_deref(),
        Some("Laporan selesai tepat waktu")
    );
}

async fn evidence_stays_in_the_chain(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let rudi = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let plan = plan_of(&t, SUPERVISOR_NIP).await;
    let id = start(&app, &t, &rudi, &plan).await;
    let indicator = indicators_of(&t, &plan).await[0].id;

    let photo = jpeg(2000);
    let (status, stored) = upload(&app, &rudi, id, indicator, "IMG_2041.JPG", &photo).await;
    assert_eq!(status, StatusCode::OK, "{stored}");
    assert_eq!(stored["name"], "IMG_2041.jpg");
    let evidence = EvidenceId(stored["id"].as_i64().unwrap());
    let row = bukti::Entity::find_by_id(evidence)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.file_type.map(|t| t.as_str()), Some("jpeg"));
    assert_eq!(row.size, Some(2000));

    // Judged by content, not by name: text renamed to .jpg is refused.
    let (status, refused) = upload(
        &app,
        &rudi,
        id,
        indicator,
        "foto.jpg",
        b"hello, not a photo",
    )
    .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{refused}");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("Jenis berkas tidak diterima")
    );
    // Over the limit: refused after upload with the limit in the message.
    let (status, refused) = upload(
        &app,
        &rudi,
        id,
        indicator,
        "besar.jpg",
        &jpeg(MAX_UPLOAD as usize + 1),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{refused}");
    assert!(
        refused["message"].as_str().unwrap().contains("64 KB"),
        "{refused}"
    );
    assert_eq!(
        bukti::Entity::find()
            .filter(bukti::Column::EvaluasiId.eq(id))
            .all(&t.db)
            .await
            .unwrap()
            .len(),
        1,
        "refused files leave no evidence"
    );

    // The employee and the appraiser open it; nobody else does, not even an agency admin.
    assert_eq!(
        download(&app, &rudi, evidence).await,
        (StatusCode::OK, photo.clone())
    );
    // Opened in the browser, sandboxed; a PDF is handed over as a file to save.
    let (_, headers, _) = send(
        &app,
        request("GET", &format!("/bukti/{evidence}"), &rudi)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("inline;")
    );
    assert!(
        headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .starts_with("sandbox")
    );
    let (status, stored) = upload(
        &app,
        &rudi,
        id,
        indicator,
        "laporan.pdf",
        b"%PDF-1.4\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>",
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{stored}");
    let (_, headers, _) = send(
        &app,
        request("GET", &format!("/bukti/{}", stored["id"]), &rudi)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    let appraiser =
        pegawai::Entity::find_by_id(plan.penilai_id.expect("demo plans have an appraiser"))
            .one(&t.db)
            .await
            .unwrap()
            .unwrap();
    let appraiser_cookie = login(&app, &appraiser.nip, DEMO_PASSWORD).await;
    assert_eq!(
        download(&app, &appraiser_cookie, evidence).await.0,
        StatusCode::OK
    );
    for outsider in [EMPLOYEE_NIP, ADMIN_NIP] {
        let cookie = login(&app, outsider, DEMO_PASSWORD).await;
        assert_eq!(
            download(&app, &cookie, evidence).await.0,
            StatusCode::FORBIDDEN,
            "{outsider} is outside the chain"
        );
    }
    let (status, _) = download(&app, "", evidence).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "anonymous goes to the login");
    // Another employee cannot upload into this evaluation either.
    let putri = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let (status, _) = upload(&app, &putri, id, indicator, "x.jpg", &jpeg(100)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Nor can she, the appraiser or a visitor save into it; nothing is stored.
    let version = evaluation(&t, id).await.version;
    let body = format!("version={version}&step=1&achievements=bukan+milik+saya");
    for (who, cookie, expected) in [
        ("another employee", putri.as_str(), StatusCode::FORBIDDEN),
        (
            "the appraiser",
            appraiser_cookie.as_str(),
            StatusCode::FORBIDDEN,
        ),
        ("a visitor", "", StatusCode::UNAUTHORIZED),
    ] {
        let (status, reply) = autosave(&app, cookie, id, &body).await;
        let error = if expected == StatusCode::FORBIDDEN {
            AppError::Forbidden
        } else {
            AppError::Unauthenticated
        };
        assert_eq!((status, reply), (expected, Err(error)), "{who}");
    }
    let stored = evaluation(&t, id).await;
    assert_eq!((stored.version, stored.achievements), (version, None));
}

async fn submit_and_return(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let rudi = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let me = employee(&t, SUPERVISOR_NIP).await;
    let plan = plan_of(&t, SUPERVISOR_NIP).await;
    let id = start(&app, &t, &rudi, &plan).await;

    // Incomplete: refused, the evaluation stays open.
    let (_, headers) = post_form_from(
        &app,
        &format!("/evaluasi/{id}?langkah=5"),
        "/api/evaluasi/ajukan",
        &rudi,
        &format!("id={id}&version=1"),
    )
    .await;
    assert!(location(&headers).contains(REFUSED));
    assert_eq!(evaluation(&t, id).await.state.as_str(), "open");
    let (_, review) = get(&app, &format!("/evaluasi/{id}?langkah=5"), &rudi).await;
    assert!(
        review.contains("Yang masih harus diisi"),
        "missing items listed"
    );
    assert!(
        review.contains("?langkah=2#f-rating-1"),
        "each links to its field"
    );

    let mut body = String::from("version=1&step=5");
    for i in indicators_of(&t, &plan).await {
        body.push_str(&format!("&r-{}=10", i.id));
    }
    for v in 1..=7 {
        body.push_str(&format!(
            "&rating-{v}=sesuai&example-{v}={}",
            encode("Melayani tamu dengan ramah")
        ));
    }
    body.push_str(&format!(
        "&achievements={}",
        encode("Semua laporan tepat waktu")
    ));
    let (status, saved) = autosave(&app, &rudi, id, &body).await;
    assert_eq!(status, StatusCode::OK, "{saved:?}");
    let version = saved_version(&saved);
    let (_, headers) = post_form_from(
        &app,
        &format!("/evaluasi/{id}?langkah=5"),
        "/api/evaluasi/ajukan",
        &rudi,
        &format!("id={id}&version={version}"),
    )
    .await;
    assert_eq!(
        location(&headers),
        format!("/evaluasi/{id}?status=submitted")
    );
    assert_eq!(evaluation(&t, id).await.state.as_str(), "self_assessed");
    let appraiser = plan.penilai_id.unwrap();
    assert!(
        unread_kinds(&t, appraiser)
            .await
            .contains(&"evaluation_submitted".to_owned())
    );

    // Read-only for the employee now.
    let (status, locked) = autosave(
        &app,
        &rudi,
        id,
        &format!("version={}&step=1&achievements=x", version + 1),
    )
    .await;
    assert_eq!(
        (status, locked),
        (StatusCode::OK, Ok(AutosaveReply::Locked))
    );

    // The appraiser sees it in the list and on the page, and returns it with a note.
    let appraiser_nip = pegawai::Entity::find_by_id(appraiser)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
        .nip;
    let boss = login(&app, &appraiser_nip, DEMO_PASSWORD).await;
    let (_, inbox) = get(&app, "/bawahan", &boss).await;
    assert!(
        inbox.contains(&format!("/evaluasi/{id}")),
        "waiting in the appraiser's list"
    );
    let (_, page) = get(&app, &format!("/evaluasi/{id}"), &boss).await;
    assert!(page.contains("Semua laporan tepat waktu"));
    // Someone else cannot return it.
    let putri = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let current = evaluation(&t, id).await.version;
    post_form_from(
        &app,
        &format!("/evaluasi/{id}"),
        "/api/evaluasi/kembalikan",
        &putri,
        &format!("id={id}&version={current}&note=x"),
    )
    .await;
    assert_eq!(evaluation(&t, id).await.state.as_str(), "self_assessed");
    let (_, headers) = post_form_from(
        &app,
        &format!("/evaluasi/{id}"),
        "/api/evaluasi/kembalikan",
        &boss,
        &format!(
            "id={id}&version={current}&note={}",
            encode("Lengkapi bukti dukung indikator pertama")
        ),
    )
    .await;
    assert_eq!(
        location(&headers),
        format!("/evaluasi/{id}?status=returned")
    );
    let returned = evaluation(&t, id).await;
    assert_eq!(returned.state.as_str(), "open");
    assert_eq!(
        returned.return_note.as_deref(),
        Some("Lengkapi bukti dukung indikator pertama")
    );
    assert!(
        unread_kinds(&t, me.id)
            .await
            .contains(&"evaluation_returned".to_owned())
    );
    let (_, list) = get(&app, "/notifikasi", &rudi).await;
    let note = list
        .split("data-testid=\"notification-note\"")
        .nth(1)
        .and_then(|rest| rest.split("</blockquote>").next())
        .unwrap_or_default();
    assert!(
        note.contains("Lengkapi bukti dukung indikator pertama"),
        "the notification carries the note: {list}"
    );
    let (_, page) = get(&app, &format!("/evaluasi/{id}"), &rudi).await;
    assert!(
        page.contains("Lengkapi bukti dukung indikator pertama"),
        "the note is shown"
    );
}

/// A multipart post of a plain step form (no JavaScript): text fields and file parts in order,
/// `None` as file name for a text field.
async fn plain_multipart(
    app: &Router,
    cookie: &str,
    id: EvaluationId,
    parts: &[(&str, Option<&str>, &[u8])],
) -> (StatusCode, String) {
    let boundary = "----kinerja-plain-boundary";
    let mut body = Vec::new();
    for (name, file_name, bytes) in parts {
        let disposition = match file_name {
            Some(f) => format!(
                "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\n\
                 Content-Type: application/octet-stream\r\n"
            ),
            None => format!("Content-Disposition: form-data; name=\"{name}\"\r\n"),
        };
        body.extend_from_slice(format!("--{boundary}\r\n{disposition}\r\n").as_bytes());
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let req = request("POST", &format!("/evaluasi/{id}/bukti"), cookie)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    let (status, headers, _) = send(app, req).await;
    (status, location(&headers))
}

async fn evidence_count(t: &TestDb, id: EvaluationId) -> usize {
    bukti::Entity::find()
        .filter(bukti::Column::EvaluasiId.eq(id))
        .all(&t.db)
        .await
        .unwrap()
        .len()
}

/// Without JavaScript every evidence button belongs to the step form: what was typed is saved
/// with the link, the upload or the removal, and comes back with any refusal.
async fn plain_evidence_posts_keep_what_was_typed(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let rudi = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let plan = plan_of(&t, SUPERVISOR_NIP).await;
    let id = start(&app, &t, &rudi, &plan).await;
    let indicators = indicators_of(&t, &plan).await;
    let a = indicators[0].id;
    let b = indicators[1].id;
    let page = format!("/evaluasi/{id}?langkah=1");

    // A link, with a realisation typed just before.
    let v = evaluation(&t, id).await.version;
    let (status, headers) = post_form_from(
        &app,
        &page,
        &format!("/evaluasi/{id}/tautan"),
        &rudi,
        &format!(
            "version={v}&step=1&r-{a}=7&tautan-{a}={}&tautan-{b}=&indikator={a}",
            encode("https://drive.example.go.id/laporan")
        ),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), format!("{page}#ind-{a}"));
    assert_eq!(realisation(&t, id, a).await.as_deref(), Some("7"));
    assert_eq!(evidence_count(&t, id).await, 1);

    // A refused link: the typed value is saved, the link comes back with its message.
    let v = evaluation(&t, id).await.version;
    let (_, headers) = post_form_from(
        &app,
        &page,
        &format!("/evaluasi/{id}/tautan"),
        &rudi,
        &format!("version={v}&step=1&r-{a}=8&tautan-{a}=ftp%3A%2F%2Fberkas.lama&indikator={a}"),
    )
    .await;
    let back = location(&headers);
    assert!(
        back.starts_with(&format!("{page}#ringkasan-galat{REFUSED}")),
        "{back}"
    );
    assert_eq!(realisation(&t, id, a).await.as_deref(), Some("8"));
    assert_eq!(evidence_count(&t, id).await, 1);
    let (_, shown) = get(&app, &back, &rudi).await;
    assert!(shown.contains("ftp://berkas.lama"), "the link as typed");
    assert!(shown.contains("diawali https://"), "its message");

    // An upload from the plain form: the other indicator's empty file input is ignored.
    let v = evaluation(&t, id).await.version.to_string();
    let photo = jpeg(1500);
    let (status, to) = plain_multipart(
        &app,
        &rudi,
        id,
        &[
            ("version", None, v.as_bytes()),
            ("step", None, b"1"),
            (&format!("r-{a}"), None, b"9"),
            (&format!("berkas-{a}"), Some("kegiatan.jpg"), &photo),
            (&format!("berkas-{b}"), Some(""), b""),
            ("indikator", None, a.to_string().as_bytes()),
        ],
    )
    .await;
    assert_eq!(
        (status, to),
        (StatusCode::SEE_OTHER, format!("{page}#ind-{a}"))
    );
    assert_eq!(realisation(&t, id, a).await.as_deref(), Some("9"));
    assert_eq!(evidence_count(&t, id).await, 2);

    // Not a photo: refused at its input, and what was typed is kept.
    let v = evaluation(&t, id).await.version.to_string();
    let (_, back) = plain_multipart(
        &app,
        &rudi,
        id,
        &[
            ("version", None, v.as_bytes()),
            ("step", None, b"1"),
            (&format!("c-{a}"), None, "Rapat koordinasi".as_bytes()),
            (&format!("berkas-{a}"), Some("foto.jpg"), b"bukan foto"),
            ("indikator", None, a.to_string().as_bytes()),
        ],
    )
    .await;
    assert!(back.contains(REFUSED), "{back}");
    assert_eq!(evidence_count(&t, id).await, 2);
    let (_, shown) = get(&app, &back, &rudi).await;
    assert!(
        shown.contains("Jenis berkas tidak diterima"),
        "the file's message"
    );
    assert!(shown.contains("Rapat koordinasi"), "the comment as typed");

    // Removing evidence saves the typing too.
    let link = bukti::Entity::find()
        .filter(bukti::Column::EvaluasiId.eq(id))
        .filter(bukti::Column::Kind.eq("link"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let v = evaluation(&t, id).await.version;
    let (status, headers) = post_form_from(
        &app,
        &page,
        &format!("/evaluasi/{id}/bukti/{}/hapus", link.id),
        &rudi,
        &format!("version={v}&step=1&r-{a}=11&tautan-{a}="),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location(&headers), format!("{page}#ind-{a}"));
    assert_eq!(realisation(&t, id, a).await.as_deref(), Some("11"));
    assert_eq!(evidence_count(&t, id).await, 1);

    // The script learns after each save what every step still lacks.
    let v = evaluation(&t, id).await.version;
    let (status, saved) = autosave(
        &app,
        &rudi,
        id,
        &format!("version={v}&step=2&rating-1=sesuai"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{saved:?}");
    let Ok(AutosaveReply::Saved { open, .. }) = saved else {
        panic!("{saved:?}");
    };
    assert!(open[0] > 0 && open[1] > 0 && open[2] > 0, "{open:?}");
    let (_, _) = autosave(
        &app,
        &rudi,
        id,
        &format!("version={}&step=2&rating-2=sesuai", v + 1),
    )
    .await;
    let (_, again) = autosave(
        &app,
        &rudi,
        id,
        &format!("version={}&step=2&rating-3=sesuai", v + 2),
    )
    .await;
    let Ok(AutosaveReply::Saved { open: now, .. }) = again else {
        panic!("{again:?}");
    };
    assert_eq!(now[1], open[1] - 2, "two ratings fewer to fill in: {now:?}");
}

async fn wizard_text_fields_hold_markup_as_text(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let rudi = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let plan = plan_of(&t, SUPERVISOR_NIP).await;
    let id = start(&app, &t, &rudi, &plan).await;
    let indicator = indicators_of(&t, &plan).await[0].id;
    let markup = encode(common::MARKUP);
    let (status, saved) = autosave(
        &app,
        &rudi,
        id,
        &format!("version=1&step=1&c-{indicator}={markup}&achievements={markup}"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{saved:?}");
    let Ok(AutosaveReply::Saved { values, .. }) = saved else {
        panic!("{saved:?}");
    };
    assert_eq!(
        value_in(&values, "achievements"),
        Some(common::MARKUP),
        "stored as typed"
    );
    let (status, page) = get(&app, &format!("/evaluasi/{id}"), &rudi).await;
    assert_eq!(status, StatusCode::OK);
    common::assert_shown_as_text(&page, "wizard text areas");
    assert!(
        !page.contains(&format!(">{}", common::MARKUP)),
        "no text area ends early"
    );
}

/// A state the code does not know (written by a newer version, or by hand) fails closed: the
/// employee can neither open nor change the record, gets the server-error message, and nothing
/// is stored.
async fn an_unknown_stored_state_refuses_every_change(t: TestDb) {
    use sea_orm::{ConnectionTrait, Statement};
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let rudi = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let plan = plan_of(&t, SUPERVISOR_NIP).await;
    let id = start(&app, &t, &rudi, &plan).await;
    let indicator = indicators_of(&t, &plan).await[0].id;
    let (status, _) = autosave(
        &app,
        &rudi,
        id,
        &format!("version=1&step=1&r-{indicator}=7"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let field = format!("name=\"r-{indicator}\"");
    let (status, page) = get(&app, &format!("/evaluasi/{id}"), &rudi).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&field), "the realisation field while open");

    // Written as a later version of the application (or a hand edit) would: behind the
    // entity's back, since the entity cannot even hold a state it does not know.
    t.db.execute_unprepared(&format!(
        "UPDATE evaluasi SET state = 'under_calibration' WHERE id = {id}"
    ))
    .await
    .unwrap();

    let (status, refused) = autosave(
        &app,
        &rudi,
        id,
        &format!("version=2&step=1&r-{indicator}=99"),
    )
    .await;
    assert_eq!(
        (status, refused),
        (StatusCode::INTERNAL_SERVER_ERROR, Err(AppError::Internal))
    );
    assert_eq!(realisation(&t, id, indicator).await.as_deref(), Some("7"));
    let stored =
        t.db.query_one_raw(Statement::from_string(
            t.db.get_database_backend(),
            format!("SELECT state, version FROM evaluasi WHERE id = {id}"),
        ))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            stored.try_get_by_index::<String>(0).unwrap(),
            stored.try_get_by_index::<i32>(1).unwrap()
        ),
        ("under_calibration".to_owned(), 2)
    );

    let (status, page) = get(&app, &format!("/evaluasi/{id}"), &rudi).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(page.contains("Terjadi kesalahan pada server"), "{page}");
    assert!(!page.contains(&field), "no editable field is shown");
}

/// An agency that requires evidence: a complete self-assessment without it cannot be submitted,
/// the review names each indicator that lacks it, and once every indicator has a file it can.
async fn an_agency_can_require_evidence(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let (status, headers) = post_form_from(
        &app,
        "/admin/instansi",
        "/api/admin/agency/update",
        &admin,
        "version=1&name=Badan+Kepegawaian&short_name=BKPSDM+Sukamakmur&time_zone=Asia%2FJakarta\
         &evaluation_interval=monthly&require_evidence=on",
    )
    .await;
    assert!(status.is_redirection());
    assert_eq!(location(&headers), "/admin/instansi?disimpan=1");
    let (_, settings) = get(&app, "/admin/instansi", &admin).await;
    assert!(settings.contains("Realisasi wajib disertai bukti dukung"));

    let rudi = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let plan = plan_of(&t, SUPERVISOR_NIP).await;
    let id = start(&app, &t, &rudi, &plan).await;
    let (_, results) = get(&app, &format!("/evaluasi/{id}?langkah=1"), &rudi).await;
    assert!(results.contains("data-testid=\"evidence-required\""));
    let indicators = indicators_of(&t, &plan).await;
    let mut body = String::from("version=1&step=5");
    for i in &indicators {
        body.push_str(&format!("&r-{}=10", i.id));
    }
    for v in 1..=7 {
        body.push_str(&format!("&rating-{v}=sesuai&example-{v}=Tepat+waktu"));
    }
    body.push_str("&achievements=Selesai");
    let (status, saved) = autosave(&app, &rudi, id, &body).await;
    assert_eq!(status, StatusCode::OK, "{saved:?}");
    let version = saved_version(&saved);

    let submit = |version: i64| format!("id={id}&version={version}");
    let (_, headers) = post_form_from(
        &app,
        &format!("/evaluasi/{id}?langkah=5"),
        "/api/evaluasi/ajukan",
        &rudi,
        &submit(version),
    )
    .await;
    assert!(
        location(&headers).contains(REFUSED),
        "refused without evidence"
    );
    assert_eq!(evaluation(&t, id).await.state.as_str(), "open");
    let (_, review) = get(&app, &format!("/evaluasi/{id}?langkah=5"), &rudi).await;
    for i in &indicators {
        assert!(
            review.contains(&format!("?langkah=1#f-berkas-{}", i.id)),
            "indicator {} is named as lacking evidence",
            i.id
        );
    }
    assert!(review.contains("Bukti dukung: "));

    for i in &indicators {
        let (status, json) = upload(&app, &rudi, id, i.id, "foto.jpg", &jpeg(2048)).await;
        assert_eq!(status, StatusCode::OK, "{json}");
    }
    let version = evaluation(&t, id).await.version;
    let (_, headers) = post_form_from(
        &app,
        &format!("/evaluasi/{id}?langkah=5"),
        "/api/evaluasi/ajukan",
        &rudi,
        &submit(i64::from(version)),
    )
    .await;
    assert_eq!(
        location(&headers),
        format!("/evaluasi/{id}?status=submitted")
    );
    assert_eq!(evaluation(&t, id).await.state.as_str(), "self_assessed");
}

/// Fills in every required item of evaluation `id`; returns its version.
async fn fill_in(
    app: &Router,
    t: &TestDb,
    cookie: &str,
    plan: &skp::Model,
    id: EvaluationId,
) -> i64 {
    let version = evaluation(t, id).await.version;
    let mut body = format!("version={version}&step=5");
    for i in indicators_of(t, plan).await {
        body.push_str(&format!("&r-{}=10", i.id));
    }
    for v in 1..=7 {
        body.push_str(&format!("&rating-{v}=sesuai&example-{v}=Tepat+waktu"));
    }
    body.push_str("&achievements=Selesai");
    let (status, saved) = autosave(app, cookie, id, &body).await;
    assert_eq!(status, StatusCode::OK, "{saved:?}");
    saved_version(&saved)
}

async fn hand_in(app: &Router, cookie: &str, id: EvaluationId, version: i64) -> String {
    let (_, headers) = post_form_from(
        app,
        &format!("/evaluasi/{id}?langkah=5"),
        "/api/evaluasi/ajukan",
        cookie,
        &format!("id={id}&version={version}"),
    )
    .await;
    location(&headers)
}

/// DOMAIN.md §11.4: a month's self-assessment is handed in once the month is over; after its
/// deadline it is accepted and marked late, unless the agency locks late submissions.
async fn submission_waits_for_the_month_and_late_ones_can_be_locked(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let rudi = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let plan = plan_of(&t, SUPERVISOR_NIP).await;

    // August is still running on the 20th: complete, but not yet accepted.
    let august = start_month(&app, &t, &rudi, &plan, 8).await;
    let version = fill_in(&app, &t, &rudi, &plan, august).await;
    let (_, review) = get(&app, &format!("/evaluasi/{august}?langkah=5"), &rudi).await;
    assert!(review.contains("data-testid=\"submit-window\""));
    assert!(
        review.contains("dapat diajukan mulai 1 September "),
        "the day it opens is named"
    );
    assert!(review.contains(" hari lagi"), "how far the deadline is");
    let refused = hand_in(&app, &rudi, august, version).await;
    assert!(refused.contains(REFUSED), "{refused}");
    assert_eq!(evaluation(&t, august).await.state.as_str(), "open");
    let (_, page) = get(&app, &refused, &rudi).await;
    assert!(page.contains("setelah periode yang dinilainya berakhir"));

    // The agency locks late submissions: July (deadline in early August) is refused, and says so.
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let (status, _) = post_form_from(
        &app,
        "/admin/instansi",
        "/api/admin/agency/update",
        &admin,
        "version=1&name=Badan+Kepegawaian&short_name=BKPSDM+Sukamakmur&time_zone=Asia%2FJakarta\
         &evaluation_interval=monthly&lock_late_submissions=on",
    )
    .await;
    assert!(status.is_redirection());
    let (_, settings) = get(&app, "/admin/instansi", &admin).await;
    assert!(settings.contains("Tolak penilaian mandiri yang melewati batas waktu"));
    let july = start(&app, &t, &rudi, &plan).await;
    let version = fill_in(&app, &t, &rudi, &plan, july).await;
    let (_, review) = get(&app, &format!("/evaluasi/{july}?langkah=5"), &rudi).await;
    assert!(review.contains("tidak menerima pengajuan terlambat"));
    assert!(review.contains("terlambat "), "the lateness is shown");
    let refused = hand_in(&app, &rudi, july, version).await;
    assert!(refused.contains(REFUSED), "{refused}");
    assert_eq!(evaluation(&t, july).await.state.as_str(), "open");

    // Unlocked again: accepted, and marked late for the employee and the appraiser.
    let (status, _) = post_form_from(
        &app,
        "/admin/instansi",
        "/api/admin/agency/update",
        &admin,
        "version=2&name=Badan+Kepegawaian&short_name=BKPSDM+Sukamakmur&time_zone=Asia%2FJakarta\
         &evaluation_interval=monthly",
    )
    .await;
    assert!(status.is_redirection());
    let (_, review) = get(&app, &format!("/evaluasi/{july}?langkah=5"), &rudi).await;
    assert!(review.contains("Pengajuan masih diterima dan ditandai terlambat"));
    assert_eq!(
        hand_in(&app, &rudi, july, version).await,
        format!("/evaluasi/{july}?status=submitted")
    );
    let (_, mine) = get(&app, "/evaluasi", &rudi).await;
    assert!(
        mine.contains("data-testid=\"late\""),
        "late in the employee's list"
    );
    let appraiser = pegawai::Entity::find_by_id(plan.penilai_id.unwrap())
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let boss = login(&app, &appraiser.nip, DEMO_PASSWORD).await;
    let (_, inbox) = get(&app, "/bawahan", &boss).await;
    assert!(inbox.contains(&format!("/evaluasi/{july}")));
    assert!(
        inbox.contains("data-testid=\"late\""),
        "late in the appraiser's inbox"
    );
}

on_both_engines!(
    submission_waits_for_the_month_and_late_ones_can_be_locked,
    an_agency_can_require_evidence,
    an_unknown_stored_state_refuses_every_change,
    stale_versions_are_refused_not_merged,
    wizard_text_fields_hold_markup_as_text,
    evidence_stays_in_the_chain,
    submit_and_return,
    plain_evidence_posts_keep_what_was_typed,
);
