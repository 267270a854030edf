//! The admin "Periode" screens through the real router, on both engines: opening a period with
//! its sub-period deadlines, changing deadlines, closing, the organisation's achievement per unit
//! and who may set it, and appraisers chosen for one period only.

use crate::common;
use crate::common::employee;
use app::domain::ids::{PeriodId, UnitId};

use app::db::entities::{
    audit_log, capaian_organisasi, penilai_periode, periode, periode_tenggat, unit_kerja,
    user_account,
};
use app::domain::agency::EvaluationInterval;
use app::domain::period::{default_periodic_deadline, sub_periods};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::TestDb;
use common::web::{REFUSED, app, encode, get, location, post_form_from, request, send};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use server::demo::{ADMIN_NIP, DEMO_PASSWORD, EMPLOYEE_NIP, HEAD_NIP, SUPERVISOR_NIP};

/// Head of the bidang *Mutasi dan Promosi* (MP) in the demo data.
const BIDANG_HEAD_NIP: &str = "197912252002121002";

/// A plain form post made from the page at `from`; returns where the browser is sent next
/// (the next page, or `from` with the error in its address), without the host.
async fn post(app: &Router, from: &str, uri: &str, cookie: &str, body: &str) -> String {
    let (status, headers) = post_form_from(app, from, uri, cookie, body).await;
    assert!(status.is_redirection(), "{uri}: {status}");
    location(&headers).replace("http://kinerja.test", "")
}

/// The same post as a script would send it: the status tells the outcome.
async fn post_status(app: &Router, uri: &str, cookie: &str, body: &str) -> StatusCode {
    let req = Request::builder()
        .method("POST")
        .uri(uri)
        .header(header::HOST, "kinerja.test")
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap();
    send(app, req).await.0
}

async fn login(app: &Router, nip: &str) -> String {
    common::web::login(app, nip, DEMO_PASSWORD).await
}

async fn period_of(t: &TestDb, year: i32) -> Option<periode::Model> {
    periode::Entity::find()
        .filter(periode::Column::Year.eq(year))
        .one(&t.db)
        .await
        .unwrap()
}

async fn deadline_count(t: &TestDb, periode_id: PeriodId) -> u64 {
    periode_tenggat::Entity::find()
        .filter(periode_tenggat::Column::PeriodeId.eq(periode_id))
        .count(&t.db)
        .await
        .unwrap()
}

async fn audits(t: &TestDb, action: &str) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .all(&t.db)
        .await
        .unwrap()
}

async fn unit(t: &TestDb, code: &str) -> unit_kerja::Model {
    unit_kerja::Entity::find()
        .filter(unit_kerja::Column::Code.eq(code))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
}

/// Opens the period of `year` through the form with default deadlines; returns its page.
async fn open(app: &Router, admin: &str, year: i32, interval: &str) -> String {
    let next = post(
        app,
        "/admin/periode",
        "/api/admin/period/create",
        admin,
        &format!("year={year}&evaluation_interval={interval}&planning_deadline=&annual_deadline="),
    )
    .await;
    assert!(!next.contains(REFUSED), "{next}");
    next
}

async fn opening_periods_validates_and_stores_deadlines(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let admin = login(&app, ADMIN_NIP).await;

    let (status, page) = get(&app, "/admin/periode", &admin).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Buka periode"), "the form is offered");
    assert!(
        page.contains(r#"href="/admin/periode""#),
        "a tab of the admin pages"
    );

    // One periode row and one deadline row per sub-period, audited.
    for (year, interval, count) in [
        (2031, "monthly", 12),
        (2032, "quarterly", 4),
        (2033, "semester", 2),
    ] {
        let next = open(&app, &admin, year, interval).await;
        let period = period_of(&t, year).await.expect("stored");
        assert_eq!(next, format!("/admin/periode/{}?disimpan=1", period.id));
        assert_eq!(period.state.as_str(), "open");
        assert_eq!(period.version, 1);
        assert_eq!(period.evaluation_interval.as_str(), interval);
        assert_eq!(period.starts_on.to_string(), format!("{year}-01-01"));
        assert_eq!(period.ends_on.to_string(), format!("{year}-12-31"));
        assert_eq!(
            period.planning_deadline.to_string(),
            format!("{year}-01-31")
        );
        assert_eq!(
            period.annual_deadline.to_string(),
            format!("{}-01-31", year + 1)
        );
        assert_eq!(deadline_count(&t, period.id).await, count);
    }
    let opened = audits(&t, "period_opened").await;
    assert!(opened.iter().filter(|a| a.actor_user_id.is_some()).count() >= 3);
    let period = period_of(&t, 2031).await.unwrap();
    let (status, page) = get(&app, &format!("/admin/periode/{}", period.id), &admin).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Periode penilaian 2031"));
    assert!(page.contains("Evaluasi periodik 12 (1 Desember 2031 s.d. 31 Desember 2031)"));
    assert!(page.contains(r#"name="periodic[12]""#));
    let (_, list) = get(&app, "/admin/periode", &admin).await;
    let (newest, oldest) = (list.find("2033").unwrap(), list.find("2031").unwrap());
    assert!(newest < oldest, "newest first");

    // The same year again: refused, said so, nothing stored.
    let back = post(
        &app,
        "/admin/periode",
        "/api/admin/period/create",
        &admin,
        "year=2031&evaluation_interval=quarterly&planning_deadline=&annual_deadline=",
    )
    .await;
    assert!(back.contains(REFUSED), "{back}");
    let (_, page) = get(&app, &back, &admin).await;
    assert!(
        page.contains("Periode untuk tahun ini sudah ada."),
        "message shown"
    );
    assert!(page.contains(r#"value="2031""#), "the year typed is kept");
    assert_eq!(
        periode::Entity::find()
            .filter(periode::Column::Year.eq(2031))
            .count(&t.db)
            .await
            .unwrap(),
        1
    );
    assert_eq!(deadline_count(&t, period.id).await, 12);

    // A planning deadline outside the year, an annual one in the same year: nothing stored.
    let back = post(
        &app,
        "/admin/periode",
        "/api/admin/period/create",
        &admin,
        "year=2034&evaluation_interval=monthly&planning_deadline=2035-01-15&annual_deadline=2034-12-31",
    )
    .await;
    assert!(back.contains(REFUSED), "{back}");
    let (_, page) = get(&app, &back, &admin).await;
    assert!(page.contains("Tanggal harus dalam tahun periode."));
    assert!(page.contains("Tanggal harus pada tahun setelah tahun periode."));
    assert!(page.contains(r#"value="2035-01-15""#), "value kept");
    assert!(period_of(&t, 2034).await.is_none());
    let back = post(
        &app,
        "/admin/periode",
        "/api/admin/period/create",
        &admin,
        "year=1890&evaluation_interval=monthly&planning_deadline=&annual_deadline=",
    )
    .await;
    let (_, page) = get(&app, &back, &admin).await;
    assert!(page.contains("Tulis tahun antara 2000 dan 2100."));

    // Deadlines of a quarterly period: each checked, then saved with the version bumped.
    let quarterly = period_of(&t, 2032).await.unwrap();
    let from = format!("/admin/periode/{}", quarterly.id);
    let form = |version: i32, q1: &str| {
        let mut body = format!(
            "id={}&version={version}&planning_deadline=15-02-2032&annual_deadline=2033-02-27",
            quarterly.id
        );
        for sub in sub_periods(2032, EvaluationInterval::Quarterly) {
            let deadline = if sub.seq == 1 {
                q1.to_owned()
            } else {
                default_periodic_deadline(&sub).to_string()
            };
            body.push_str(&format!("&periodic%5B{}%5D={deadline}", sub.seq));
        }
        body
    };
    let back = post(
        &app,
        &from,
        "/api/admin/period/update",
        &admin,
        &form(1, "2032-03-30"),
    )
    .await;
    assert!(back.contains(REFUSED), "{back}");
    let (_, page) = get(&app, &back, &admin).await;
    assert!(page.contains("Tenggat tidak boleh sebelum periode evaluasinya berakhir."));
    assert!(page.contains(r#"value="2032-03-30""#), "value kept");
    assert_eq!(
        period_of(&t, 2032).await.unwrap().version,
        1,
        "nothing saved"
    );
    let next = post(
        &app,
        &from,
        "/api/admin/period/update",
        &admin,
        &form(1, "2032-04-10"),
    )
    .await;
    assert_eq!(next, format!("{from}?disimpan=1"));
    let saved = period_of(&t, 2032).await.unwrap();
    assert_eq!(saved.version, 2);
    assert_eq!(saved.planning_deadline.to_string(), "2032-02-15");
    assert_eq!(saved.annual_deadline.to_string(), "2033-02-27");
    let q1 = periode_tenggat::Entity::find()
        .filter(periode_tenggat::Column::PeriodeId.eq(saved.id))
        .filter(periode_tenggat::Column::Seq.eq(1))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(q1.deadline.to_string(), "2032-04-10");
    assert_eq!(audits(&t, "period_updated").await.len(), 1);
    // A stale form: refused as a conflict.
    assert_eq!(
        post_status(
            &app,
            "/api/admin/period/update",
            &admin,
            &form(1, "2032-04-11")
        )
        .await,
        StatusCode::CONFLICT
    );
    let (_, page) = get(&app, &from, &admin).await;
    assert!(
        page.contains("Tenggat periode diubah"),
        "in the period's history"
    );

    // Closing makes it read-only; reopening is audited too.
    let next = post(
        &app,
        &from,
        "/api/admin/period/state",
        &admin,
        &format!("id={}&version=2&state=closed", saved.id),
    )
    .await;
    assert_eq!(next, format!("{from}?disimpan=1"));
    assert_eq!(period_of(&t, 2032).await.unwrap().state.as_str(), "closed");
    assert_eq!(audits(&t, "period_closed").await.len(), 1);
    let back = post(
        &app,
        &from,
        "/api/admin/period/update",
        &admin,
        &form(3, "2032-04-12"),
    )
    .await;
    let (_, page) = get(&app, &back, &admin).await;
    assert!(page.contains("Periode ini sudah ditutup; buka kembali untuk mengubahnya."));
    post(
        &app,
        &from,
        "/api/admin/period/state",
        &admin,
        &format!("id={}&version=3&state=open", saved.id),
    )
    .await;
    assert_eq!(period_of(&t, 2032).await.unwrap().state.as_str(), "open");
    assert_eq!(audits(&t, "period_reopened").await.len(), 1);
}

async fn plain_employees_cannot_manage_periods(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let employee = login(&app, EMPLOYEE_NIP).await;
    let (status, _) = get(&app, "/admin/periode", &employee).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let body = "year=2031&evaluation_interval=monthly&planning_deadline=&annual_deadline=";
    assert_eq!(
        post_status(&app, "/api/admin/period/create", &employee, body).await,
        StatusCode::FORBIDDEN
    );
    // Without JavaScript the refusal comes back to the page instead.
    let back = post(
        &app,
        "/admin/periode",
        "/api/admin/period/create",
        &employee,
        body,
    )
    .await;
    assert!(back.contains(REFUSED), "{back}");
    assert!(period_of(&t, 2031).await.is_none(), "nothing stored");

    // The head of a sub-unit without sub-units sets no achievement either.
    let admin = login(&app, ADMIN_NIP).await;
    let page = open(&app, &admin, 2031, "monthly").await;
    let supervisor = login(&app, SUPERVISOR_NIP).await;
    let (status, _) = get(&app, "/admin/periode", &supervisor).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = get(&app, page.split('?').next().unwrap(), &supervisor).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = get(&app, page.split('?').next().unwrap(), &employee).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

fn achievement(
    periode_id: PeriodId,
    unit_id: UnitId,
    version: i32,
    predikat: &str,
    basis: &str,
) -> String {
    format!(
        "periode_id={periode_id}&unit_id={unit_id}&version={version}&predikat={predikat}&basis={}",
        encode(basis)
    )
}

async fn organisation_achievement_by_admin_and_leaders(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let admin = login(&app, ADMIN_NIP).await;
    open(&app, &admin, 2031, "quarterly").await;
    let period = period_of(&t, 2031).await.unwrap();
    let from = format!("/admin/periode/{}", period.id);
    let (sek, mp, mp_mut) = (
        unit(&t, "SEK").await,
        unit(&t, "MP").await,
        unit(&t, "MP-MUT").await,
    );
    let (_, page) = get(&app, &from, &admin).await;
    assert!(page.contains("Capaian kinerja organisasi"));
    assert!(
        page.contains(r#"data-unit="BKPSDM""#),
        "every open unit listed"
    );
    assert!(page.contains(r#"data-unit="PKA-TEK""#));

    // Required fields first: nothing stored, values kept, the row's form open again.
    let back = post(
        &app,
        &from,
        "/api/admin/period/achievement",
        &admin,
        &achievement(period.id, sek.id, 0, "", "  "),
    )
    .await;
    let (_, page) = get(&app, &back, &admin).await;
    assert!(page.contains("Wajib diisi."));
    assert!(page.contains("<details open"), "the row's form stays open");
    assert_eq!(
        capaian_organisasi::Entity::find()
            .count(&t.db)
            .await
            .unwrap(),
        0
    );
    let too_long = "x".repeat(2001);
    let back = post(
        &app,
        &from,
        "/api/admin/period/achievement",
        &admin,
        &achievement(period.id, sek.id, 0, "baik", &too_long),
    )
    .await;
    let (_, page) = get(&app, &back, &admin).await;
    assert!(page.contains("Terlalu panjang."));

    // The agency admin sets it: stored with who set it, audited, shown.
    let next = post(
        &app,
        &from,
        "/api/admin/period/achievement",
        &admin,
        &achievement(period.id, sek.id, 0, "baik", "PK Sekretariat tercapai 96 %"),
    )
    .await;
    assert_eq!(next, format!("{from}?disimpan=1#capaian"));
    let stored = capaian_organisasi::Entity::find()
        .filter(capaian_organisasi::Column::UnitId.eq(sek.id))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let admin_account = user_account::Entity::find()
        .filter(user_account::Column::Login.eq(ADMIN_NIP))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.periode_id, period.id);
    assert_eq!(stored.predikat.as_str(), "baik");
    assert_eq!(stored.basis, "PK Sekretariat tercapai 96 %");
    assert_eq!(stored.set_by, admin_account.id);
    assert_eq!(stored.version, 1);
    let set = audits(&t, "org_achievement_set").await;
    assert_eq!(set.len(), 1);
    assert_eq!(set[0].actor_user_id, Some(admin_account.id));
    assert!(set[0].after.as_deref().unwrap().contains("SEK"));
    let (_, page) = get(&app, &from, &admin).await;
    assert!(page.contains("<strong>Baik</strong>"));
    // Read raw: a marker inside a textarea would show up as text in the field.
    let (_, _, raw) = send(
        &app,
        request("GET", &from, &admin).body(Body::empty()).unwrap(),
    )
    .await;
    assert!(
        raw.contains(">PK Sekretariat tercapai 96 %</textarea>"),
        "the basis refills the form"
    );
    // Changing it bumps the version; a stale form is a conflict.
    post(
        &app,
        &from,
        "/api/admin/period/achievement",
        &admin,
        &achievement(period.id, sek.id, 1, "istimewa", "Melampaui target"),
    )
    .await;
    assert_eq!(
        post_status(
            &app,
            "/api/admin/period/achievement",
            &admin,
            &achievement(period.id, sek.id, 1, "kurang", "lama"),
        )
        .await,
        StatusCode::CONFLICT
    );
    let stored = capaian_organisasi::Entity::find()
        .filter(capaian_organisasi::Column::UnitId.eq(sek.id))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((stored.predikat.as_str(), stored.version), ("istimewa", 2));

    // The head of the agency sets a bidang's; the bidang's head not their own, but a sub-unit's.
    let head = login(&app, HEAD_NIP).await;
    let (status, page) = get(&app, &from, &head).await;
    assert_eq!(status, StatusCode::OK, "leaders reach the achievement form");
    assert!(!page.contains("Penilai khusus periode ini"), "nothing else");
    assert!(
        !page.contains(r#"data-unit="BKPSDM""#),
        "not their own unit"
    );
    let (status, _) = get(&app, "/admin/periode", &head).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        post_status(
            &app,
            "/api/admin/period/achievement",
            &head,
            &achievement(
                period.id,
                mp.id,
                0,
                "butuh_perbaikan",
                "Dua IKU di bawah target"
            ),
        )
        .await,
        StatusCode::OK
    );
    let by_head = capaian_organisasi::Entity::find()
        .filter(capaian_organisasi::Column::UnitId.eq(mp.id))
        .one(&t.db)
        .await
        .unwrap()
        .expect("stored");
    assert_eq!(by_head.predikat.as_str(), "butuh_perbaikan");
    // Two levels down is not theirs: the bidang's own head judges a subbidang.
    assert!(
        !page.contains(r#"data-unit="MP-MUT""#),
        "a sub-unit of a sub-unit is not offered"
    );
    assert_eq!(
        post_status(
            &app,
            "/api/admin/period/achievement",
            &head,
            &achievement(period.id, mp_mut.id, 0, "baik", "Dari dua tingkat di atas"),
        )
        .await,
        StatusCode::FORBIDDEN
    );

    let bidang_head = login(&app, BIDANG_HEAD_NIP).await;
    assert_eq!(
        post_status(
            &app,
            "/api/admin/period/achievement",
            &bidang_head,
            &achievement(period.id, mp.id, 1, "istimewa", "Menilai diri sendiri"),
        )
        .await,
        StatusCode::FORBIDDEN
    );
    let unchanged = capaian_organisasi::Entity::find()
        .filter(capaian_organisasi::Column::UnitId.eq(mp.id))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(unchanged.predikat.as_str(), "butuh_perbaikan");
    let (status, page) = get(&app, &from, &bidang_head).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(r#"data-unit="MP-MUT""#));
    assert!(!page.contains(r#"data-unit="MP""#), "own unit not offered");
    assert_eq!(
        post_status(
            &app,
            "/api/admin/period/achievement",
            &bidang_head,
            &achievement(period.id, mp_mut.id, 0, "baik", "Sesuai rencana aksi"),
        )
        .await,
        StatusCode::OK
    );
    assert_eq!(audits(&t, "org_achievement_set").await.len(), 4);
}

fn override_form(
    periode_id: PeriodId,
    nip: &str,
    penilai: &str,
    atasan: &str,
    reason: &str,
) -> String {
    format!(
        "periode_id={periode_id}&nip={}&penilai_nip={penilai}&atasan_penilai_nip={atasan}&reason={}",
        encode(nip),
        encode(reason)
    )
}

async fn appraisers_for_one_period(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let admin = login(&app, ADMIN_NIP).await;
    open(&app, &admin, 2031, "monthly").await;
    open(&app, &admin, 2032, "monthly").await;
    let (period, other) = (
        period_of(&t, 2031).await.unwrap(),
        period_of(&t, 2032).await.unwrap(),
    );
    let from = format!("/admin/periode/{}", period.id);
    let putri = employee(&t, EMPLOYEE_NIP).await;
    let (bidang_head, head) = (
        employee(&t, BIDANG_HEAD_NIP).await,
        employee(&t, HEAD_NIP).await,
    );
    let supervisor = employee(&t, SUPERVISOR_NIP).await;
    assert_eq!(putri.penilai_id, Some(supervisor.id), "the record's line");

    // Every check at once: the employee as their own appraiser, the same person twice, a
    // stranger, no reason.
    let problems = [
        (
            override_form(period.id, EMPLOYEE_NIP, EMPLOYEE_NIP, "", "x"),
            "Tidak boleh NIP pegawai itu sendiri.",
        ),
        (
            override_form(period.id, EMPLOYEE_NIP, HEAD_NIP, HEAD_NIP, "x"),
            "Atasan Pejabat Penilai tidak boleh sama dengan Pejabat Penilai Kinerja.",
        ),
        (
            override_form(period.id, "199001012015011999", "", "", "x"),
            "Tidak ada pegawai dengan NIP ini.",
        ),
        (
            override_form(period.id, EMPLOYEE_NIP, "", "", "  "),
            "Wajib diisi.",
        ),
        (
            // An agency admin cannot reach an account of equal rank.
            override_form(period.id, ADMIN_NIP, HEAD_NIP, "", "x"),
            "Pegawai ini berada di unit di luar kewenangan Anda.",
        ),
    ];
    for (body, message) in problems {
        let back = post(&app, &from, "/api/admin/period/appraiser", &admin, &body).await;
        assert!(back.contains(REFUSED), "{back}");
        let (_, page) = get(&app, &back, &admin).await;
        assert!(page.contains(message), "{message}");
    }
    assert_eq!(
        penilai_periode::Entity::find().count(&t.db).await.unwrap(),
        0
    );

    // A NIP written with spaces is fine.
    let spaced = format!(
        "{} {} {} {}",
        &EMPLOYEE_NIP[..8],
        &EMPLOYEE_NIP[8..14],
        &EMPLOYEE_NIP[14..15],
        &EMPLOYEE_NIP[15..]
    );
    let next = post(
        &app,
        &from,
        "/api/admin/period/appraiser",
        &admin,
        &override_form(
            period.id,
            &spaced,
            BIDANG_HEAD_NIP,
            HEAD_NIP,
            "Penilai definitif sedang tugas belajar",
        ),
    )
    .await;
    assert_eq!(next, format!("{from}?disimpan=1#penilai"));
    let stored = penilai_periode::Entity::find()
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (stored.periode_id, stored.pegawai_id),
        (period.id, putri.id)
    );
    assert_eq!(audits(&t, "appraiser_override_set").await.len(), 1);
    let (_, page) = get(&app, &from, &admin).await;
    assert!(page.contains("Penilai definitif sedang tugas belajar"));

    // The override holds for its period only; the record stays as it was.
    assert_eq!(
        app::db::periods::appraisers_for(&t.db, &putri, period.id)
            .await
            .map(|a| (a.penilai, a.atasan))
            .unwrap(),
        (Some(bidang_head.id), Some(head.id))
    );
    assert_eq!(
        app::db::periods::appraisers_for(&t.db, &putri, other.id)
            .await
            .map(|a| (a.penilai, a.atasan))
            .unwrap(),
        (putri.penilai_id, putri.atasan_penilai_id)
    );
    assert_eq!(
        employee(&t, EMPLOYEE_NIP).await.penilai_id,
        Some(supervisor.id)
    );

    // Setting it again replaces it (no atasan this time); removing restores the record's line.
    post(
        &app,
        &from,
        "/api/admin/period/appraiser",
        &admin,
        &override_form(period.id, EMPLOYEE_NIP, BIDANG_HEAD_NIP, "", "Mutasi"),
    )
    .await;
    assert_eq!(
        penilai_periode::Entity::find().count(&t.db).await.unwrap(),
        1
    );
    assert_eq!(
        app::db::periods::appraisers_for(&t.db, &putri, period.id)
            .await
            .map(|a| (a.penilai, a.atasan))
            .unwrap(),
        (Some(bidang_head.id), None)
    );
    let next = post(
        &app,
        &from,
        "/api/admin/period/appraiser/remove",
        &admin,
        &format!("periode_id={}&pegawai_id={}", period.id, putri.id),
    )
    .await;
    assert_eq!(next, format!("{from}?disimpan=1#penilai"));
    assert_eq!(
        app::db::periods::appraisers_for(&t.db, &putri, period.id)
            .await
            .map(|a| (a.penilai, a.atasan))
            .unwrap(),
        (putri.penilai_id, putri.atasan_penilai_id)
    );
    assert_eq!(audits(&t, "appraiser_override_removed").await.len(), 1);

    // Only period managers choose appraisers.
    let head_cookie = login(&app, HEAD_NIP).await;
    assert_eq!(
        post_status(
            &app,
            "/api/admin/period/appraiser",
            &head_cookie,
            &override_form(period.id, EMPLOYEE_NIP, BIDANG_HEAD_NIP, "", "x"),
        )
        .await,
        StatusCode::FORBIDDEN
    );
}

on_both_engines!(
    opening_periods_validates_and_stores_deadlines,
    plain_employees_cannot_manage_periods,
    organisation_achievement_by_admin_and_leaders,
    appraisers_for_one_period,
);
