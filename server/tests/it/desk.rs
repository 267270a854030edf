//! The desk on both engines: each person's open work on `/`, by deadline and one tap from its
//! page; the appraiser's team with who has not started or is late; a reminder sent from it once a
//! day, refused to anyone who does not appraise the person.

use crate::common;
use crate::common::employee;
use app::db::entities::{pegawai, penilai_periode, periode, user_account};
use app::features::desk::ReminderOutcome;
use axum::body::Body;
use axum::http::{StatusCode, header};
use common::TestDb;
use common::web::{app_on, demo_day, get, login, request, send};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::demo::{ADMIN_NIP, DEMO_PASSWORD, EMPLOYEE_NIP, HEAD_NIP, SUPERVISOR_NIP};

/// The kinds of the notifications of `nip`'s account.
async fn notifications_of(t: &TestDb, nip: &str) -> Vec<String> {
    common::notification_kinds(t, employee(t, nip).await.id).await
}

async fn appraiser_of(t: &TestDb, nip: &str) -> pegawai::Model {
    let id = employee(t, nip).await.penilai_id.expect("an appraiser");
    pegawai::Entity::find_by_id(id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
}

/// The items of the desk's task list, in order.
fn items(page: &str) -> Vec<&str> {
    page.split("data-testid=\"desk-item\"").skip(1).collect()
}

/// A reminder from the desk, as a script sends it: the status and the decoded answer.
async fn remind(
    app: &axum::Router,
    cookie: &str,
    employee: &pegawai::Model,
) -> (StatusCode, Option<ReminderOutcome>) {
    // A script's call: JSON only, so the answer is the status, not a redirect.
    let mut req = request("POST", "/api/desk/remind", cookie);
    req.headers_mut()
        .unwrap()
        .insert(header::ACCEPT, "application/json".parse().unwrap());
    let req = req
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("employee={}", employee.id)))
        .unwrap();
    let (status, _, body) = send(app, req).await;
    (status, serde_json::from_str(&body).ok())
}

async fn each_person_finds_their_work_on_the_desk(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app_on(&t, demo_day(8, 20));

    // A visitor sees what Kinerja is and the way in, no desk.
    let (status, page) = get(&app, "/", "").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("data-testid=\"login-cta\"") && page.contains("href=\"/masuk\""));
    assert!(!page.contains("desk-tasks"));

    // Putri has no plan, months after the planning deadline.
    let putri = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let (_, page) = get(&app, "/", &putri).await;
    assert!(page.contains("Halo, Putri Ayu Lestari"));
    let first = items(&page)[0];
    assert!(first.contains("Susun dan ajukan SKP Anda"), "{first}");
    assert!(first.contains("href=\"/skp\""));
    assert!(
        first.contains("terlambat ") && first.contains("data-testid=\"overdue\""),
        "late work stands out"
    );

    // Rudi owes his July self-assessment and appraises Putri, who has not started.
    let rudi = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let (_, page) = get(&app, "/", &rudi).await;
    let july = items(&page)
        .into_iter()
        .find(|i| i.contains("Isi penilaian mandiri Juli"))
        .expect("July's self-assessment is on Rudi's desk");
    assert!(july.contains("href=\"/evaluasi") && july.contains("terlambat "));
    let team = page
        .split("data-testid=\"desk-team\"")
        .nth(1)
        .expect("an appraiser sees the team");
    let putri_row = team
        .split("data-testid=\"team-member\"")
        .find(|m| m.contains("Putri Ayu Lestari"))
        .expect("Putri is in Rudi's team");
    assert!(putri_row.contains("Belum mulai") && putri_row.contains("data-testid=\"remind\""));
    assert!(page.contains("belum mulai ·"), "the summary counts");

    // Rudi's own appraiser sees him late.
    let boss = appraiser_of(&t, SUPERVISOR_NIP).await;
    let boss = login(&app, &boss.nip, DEMO_PASSWORD).await;
    let (_, page) = get(&app, "/", &boss).await;
    let team = page.split("data-testid=\"desk-team\"").nth(1).unwrap();
    let rudi_name = employee(&t, SUPERVISOR_NIP).await.name;
    let rudi_row = team
        .split("data-testid=\"team-member\"")
        .find(|m| m.contains(&rudi_name))
        .expect("Rudi is in the head's team");
    assert!(rudi_row.contains("Terlambat "), "{rudi_row}");

    // In English, the same desk in English.
    let req = request(
        "GET",
        "/",
        &format!("{rudi}; {}=en", app::ui::locale::LOCALE_COOKIE),
    )
    .body(Body::empty())
    .unwrap();
    let (_, _, page) = send(&app, req).await;
    assert!(page.contains("What you need to do") && page.contains("Team progress"));
    assert!(!page.contains("Yang perlu Anda kerjakan"));
}

async fn an_appraiser_reminds_a_team_member_once_a_day(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app_on(&t, demo_day(8, 20));
    let putri = employee(&t, EMPLOYEE_NIP).await;
    let rudi = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let before = notifications_of(&t, EMPLOYEE_NIP).await.len();

    assert_eq!(
        remind(&app, &rudi, &putri).await,
        (StatusCode::OK, Some(ReminderOutcome::Sent))
    );
    let after = notifications_of(&t, EMPLOYEE_NIP).await;
    assert_eq!(after.len(), before + 1);
    assert_eq!(after.last().map(String::as_str), Some("plan_overdue"));

    // Once a day: the second press sends nothing, and the desk says so.
    assert_eq!(
        remind(&app, &rudi, &putri).await,
        (StatusCode::OK, Some(ReminderOutcome::AlreadyToday))
    );
    assert_eq!(notifications_of(&t, EMPLOYEE_NIP).await.len(), before + 1);
    let (_, page) = get(&app, "/", &rudi).await;
    let row = page
        .split("data-testid=\"team-member\"")
        .find(|m| m.contains("Putri Ayu Lestari"))
        .unwrap();
    assert!(row.contains("Sudah diingatkan hari ini") && !row.contains("data-testid=\"remind\""));

    // Only her appraiser: not the admin, not a colleague, not a visitor.
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let head = login(&app, HEAD_NIP, DEMO_PASSWORD).await;
    assert_eq!(remind(&app, &admin, &putri).await.0, StatusCode::FORBIDDEN);
    assert_eq!(remind(&app, &head, &putri).await.0, StatusCode::FORBIDDEN);
    assert_eq!(remind(&app, "", &putri).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(notifications_of(&t, EMPLOYEE_NIP).await.len(), before + 1);
}

async fn the_periods_choice_of_appraiser_decides_the_team(t: TestDb) {
    use sea_orm::{ActiveModelTrait, Set};
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app_on(&t, demo_day(8, 20));
    let putri = employee(&t, EMPLOYEE_NIP).await;
    let boss = appraiser_of(&t, SUPERVISOR_NIP).await;
    let admin = user_account::Entity::find()
        .filter(user_account::Column::Login.eq(ADMIN_NIP))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let period = periode::Entity::find().one(&t.db).await.unwrap().unwrap();
    // For this period Putri (no plan yet) is appraised by Rudi's own appraiser, not by Rudi.
    penilai_periode::ActiveModel {
        periode_id: Set(period.id),
        pegawai_id: Set(putri.id),
        penilai_id: Set(Some(boss.id)),
        atasan_penilai_id: Set(None),
        reason: Set("Penugasan khusus".to_owned()),
        set_by: Set(admin.id),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&t.db)
    .await
    .unwrap();

    let rudi = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let (_, page) = get(&app, "/", &rudi).await;
    assert!(
        !page.contains("Putri Ayu Lestari"),
        "no longer Rudi's to push"
    );
    assert_eq!(remind(&app, &rudi, &putri).await.0, StatusCode::FORBIDDEN);

    let boss = login(&app, &boss.nip, DEMO_PASSWORD).await;
    let (_, page) = get(&app, "/", &boss).await;
    let row = page
        .split("data-testid=\"team-member\"")
        .find(|m| m.contains("Putri Ayu Lestari"))
        .expect("the period's appraiser has her in the team");
    assert!(row.contains("Belum mulai"));
    assert_eq!(
        remind(&app, &boss, &putri).await,
        (StatusCode::OK, Some(ReminderOutcome::Sent))
    );
}

/// A change to Rudi's established plan: asked for by his appraiser, it waits on Rudi's desk with
/// the note; handed in, it waits on the appraiser's desk as a change to establish.
async fn a_change_to_an_established_plan_reaches_both_desks(t: TestDb) {
    use app::db::entities::skp;
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app_on(&t, demo_day(8, 20));
    let rudi_id = employee(&t, SUPERVISOR_NIP).await.id;
    let plan = skp::Entity::find()
        .filter(skp::Column::PegawaiId.eq(rudi_id))
        .one(&t.db)
        .await
        .unwrap()
        .expect("Rudi's plan");
    assert_eq!(plan.state.as_str(), "approved");
    let boss = appraiser_of(&t, SUPERVISOR_NIP).await;
    let boss = login(&app, &boss.nip, DEMO_PASSWORD).await;
    let rudi = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let plan_id = plan.id;
    let fire = |cookie: String, event: &'static str, note: &'static str| {
        let app = app.clone();
        let db = t.db.clone();
        async move {
            let version = skp::Entity::find_by_id(plan_id)
                .one(&db)
                .await
                .unwrap()
                .unwrap()
                .version;
            let body = format!(
                "skp_id={plan_id}&version={version}&event={event}&note={}",
                common::web::encode(note)
            );
            let (_, headers) = common::web::post_form_from(
                &app,
                &format!("/skp/{plan_id}"),
                "/api/skp/transition",
                &cookie,
                &body,
            )
            .await;
            common::web::location(&headers)
        }
    };
    let link = format!("href=\"/skp/{}\"", plan.id);

    let to = fire(
        boss.clone(),
        "request_revision",
        "Sesuaikan target triwulan III",
    )
    .await;
    assert!(!to.contains(common::web::REFUSED), "{to}");
    let (_, page) = get(&app, "/", &rudi).await;
    let item = items(&page)
        .into_iter()
        .find(|i| i.contains(&link))
        .expect("the requested change is on Rudi's desk");
    assert!(
        item.contains("Perbarui SKP Anda sesuai permintaan pejabat penilai"),
        "{item}"
    );
    assert!(
        item.contains("Sesuaikan target triwulan III"),
        "with the appraiser's note"
    );

    let to = fire(rudi.clone(), "submit", "").await;
    assert!(!to.contains(common::web::REFUSED), "{to}");
    let (_, page) = get(&app, "/", &rudi).await;
    assert!(
        !items(&page).into_iter().any(|i| i.contains(&link)),
        "no longer Rudi's"
    );
    let (_, page) = get(&app, "/", &boss).await;
    let item = items(&page)
        .into_iter()
        .find(|i| i.contains(&link))
        .expect("the change waits on the appraiser's desk");
    let rudi_name = employee(&t, SUPERVISOR_NIP).await.name;
    assert!(
        item.contains("Tetapkan perubahan SKP ") && item.contains(&rudi_name),
        "{item}"
    );
    assert!(item.contains("Sebagai pejabat penilai"));
}

on_both_engines!(
    a_change_to_an_established_plan_reaches_both_desks,
    each_person_finds_their_work_on_the_desk,
    an_appraiser_reminds_a_team_member_once_a_day,
    the_periods_choice_of_appraiser_decides_the_team,
);
