//! Deadlines that act, on both engines: reminders go out on the days the rules name, once each
//! even when two runs race (two instances), in the app and by e-mail; the appraiser's and the
//! admin's lists flag what is overdue.

use crate::common;
use crate::common::employee;
use app::clock::Clock;
use app::db::entities::{notifikasi, pegawai, pengingat, periode, skp, user_account};
use app::domain::period::{default_periodic_deadline, sub_periods};
use app::mail::Mailer;
use axum::body::Body;
use axum::http::{StatusCode, header};
use chrono::NaiveDate;
use common::TestDb;
use common::web::{app_on, demo_day, get, login, request, send};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use server::demo::{ADMIN_NIP, DEMO_PASSWORD, EMPLOYEE_NIP, SUPERVISOR_NIP};

/// The notifications of `nip`'s account, as (kind, due date, subject).
async fn reminders_of(t: &TestDb, nip: &str) -> Vec<(String, Option<NaiveDate>, String)> {
    let person = employee(t, nip).await;
    let account = user_account::Entity::find()
        .filter(user_account::Column::PegawaiId.eq(person.id))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    notifikasi::Entity::find()
        .filter(notifikasi::Column::UserId.eq(account.id))
        // In the order they were sent: PostgreSQL returns an unordered query's rows in any order.
        .order_by_asc(notifikasi::Column::Id)
        .all(&t.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|n| n.due_on.is_some())
        .map(|n| (n.kind.as_str().to_owned(), n.due_on, n.actor_name))
        .collect()
}

async fn period(t: &TestDb) -> periode::Model {
    periode::Entity::find().one(&t.db).await.unwrap().unwrap()
}

fn on(day: NaiveDate) -> Clock {
    Clock::from_today(day, app::domain::agency::AgencyTimeZone::Wib)
}

/// A reminder run on `clock`, as one instance's background task does it.
async fn remind(
    t: &TestDb,
    clock: Clock,
    mail: Option<&Mailer>,
) -> Result<app::reminders::RunReport, app::error::AppError> {
    app::reminders::run(&t.db, clock, mail, &app::live::hub::LiveHub::in_process()).await
}

fn mailer() -> Mailer {
    Mailer::in_memory("Kinerja <kinerja@sukamakmur.go.id>", "https://kinerja.test").unwrap()
}

async fn reminders_go_once_on_the_days_the_rules_name(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let period = period(&t).await;
    let planning = period.planning_deadline;
    let mail = mailer();

    // Two days before the week-ahead reminder: nothing.
    let report = remind(&t, on(planning - chrono::Days::new(9)), Some(&mail))
        .await
        .unwrap();
    assert_eq!(report.reminders, 0);

    // A week ahead: every employee without an established plan is reminded, in the app and by
    // e-mail; two runs at once (two instances) send each reminder once.
    let week_ahead = on(planning - chrono::Days::new(7));
    let (a, b) = tokio::join!(
        remind(&t, week_ahead, Some(&mail)),
        remind(&t, week_ahead, Some(&mail)),
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    let sent = a.reminders + b.reminders;
    assert!(sent >= 50, "the demo's staff have no plan yet: {sent}");
    let ledger = pengingat::Entity::find().count(&t.db).await.unwrap();
    assert_eq!(ledger as usize, sent, "one ledger row per reminder");
    assert_eq!(
        reminders_of(&t, EMPLOYEE_NIP).await,
        vec![("plan_due".to_owned(), Some(planning), String::new())]
    );
    let putri = employee(&t, EMPLOYEE_NIP).await;
    let address = putri.email.clone().expect("demo staff have addresses");
    let mails: Vec<_> = mail
        .sent()
        .into_iter()
        .filter(|m| m.to == address)
        .collect();
    assert_eq!(mails.len(), 1, "one e-mail: {mails:?}");
    assert!(
        mails[0]
            .subject
            .starts_with("Pengingat Kinerja: Susun dan ajukan SKP Anda")
    );
    assert!(
        mails[0]
            .body
            .contains(&app::ui::dates::long_date(app::i18n::Locale::id, planning))
    );
    assert!(mails[0].body.contains("https://kinerja.test/skp"));

    // The same day again: nothing new.
    let again = remind(&t, week_ahead, Some(&mail)).await.unwrap();
    assert_eq!(again.reminders, 0);

    // Three days and one day ahead, and the day after: each once more; the days between, none.
    for (day, total) in [
        (planning - chrono::Days::new(5), 1),
        (planning - chrono::Days::new(3), 2),
        (planning - chrono::Days::new(1), 3),
        (planning, 3),
        (planning + chrono::Days::new(1), 4),
        (planning + chrono::Days::new(2), 4),
    ] {
        remind(&t, on(day), None).await.unwrap();
        assert_eq!(
            reminders_of(&t, EMPLOYEE_NIP).await.len(),
            total,
            "on {day}"
        );
    }
    let kinds: Vec<String> = reminders_of(&t, EMPLOYEE_NIP)
        .await
        .into_iter()
        .map(|(kind, _, _)| kind)
        .collect();
    assert_eq!(
        kinds,
        ["plan_due", "plan_due", "plan_due", "plan_overdue"].map(str::to_owned)
    );

    // The page shows the reminder with its deadline, in words.
    let app = app_on(&t, on(planning + chrono::Days::new(1)));
    let cookie = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let (_, page) = get(&app, "/notifikasi", &cookie).await;
    assert!(page.contains(&format!(
        "SKP Anda belum ditetapkan, padahal batas penetapannya {} sudah lewat.",
        app::ui::dates::long_date(app::i18n::Locale::id, planning)
    )));
}

/// A head with an established plan is reminded of the self-assessment before its deadline.
async fn self_assessments_are_reminded_before_their_deadline(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let period = period(&t).await;
    let july = sub_periods(period.year, period.evaluation_interval)
        .into_iter()
        .find(|s| s.seq == 7)
        .unwrap();
    let deadline = default_periodic_deadline(&july);
    remind(&t, on(deadline - chrono::Days::new(3)), None)
        .await
        .unwrap();
    let rudi = reminders_of(&t, SUPERVISOR_NIP).await;
    assert!(
        rudi.contains(&(
            "evaluation_due".to_owned(),
            Some(deadline),
            format!("{0}-07-01/{0}-07-31", period.year)
        )),
        "{rudi:?}"
    );
}

/// On 20 August the heads' July self-assessments are overdue: the appraiser's team list and the
/// admin's period page flag them; the admin's also lists the staff without a plan.
async fn overdue_work_is_flagged_for_the_appraiser_and_the_admin(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app_on(&t, demo_day(8, 20));
    let rudi = employee(&t, SUPERVISOR_NIP).await;
    let plan = skp::Entity::find()
        .filter(skp::Column::PegawaiId.eq(rudi.id))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let boss = pegawai::Entity::find_by_id(plan.penilai_id.unwrap())
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let cookie = login(&app, &boss.nip, DEMO_PASSWORD).await;
    let (_, page) = get(&app, "/bawahan", &cookie).await;
    let team = page
        .split("data-testid=\"team-overdue\"")
        .nth(1)
        .expect("the team's overdue list");
    assert!(team.contains(&rudi.name), "Rudi's July is overdue");
    assert!(team.contains(&format!("Penilaian mandiri Juli {}", period(&t).await.year)));
    assert!(team.contains("terlambat "), "how late");

    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let (_, page) = get(
        &app,
        &format!("/admin/periode/{}", period(&t).await.id),
        &admin,
    )
    .await;
    let list = page
        .split("data-testid=\"period-overdue\"")
        .nth(1)
        .expect("the period's overdue list");
    assert!(list.contains("SKP belum diajukan atau ditetapkan"));
    let putri = employee(&t, EMPLOYEE_NIP).await;
    assert!(list.contains(&putri.nip), "staff without a plan are listed");
    assert!(
        list.contains(&rudi.nip),
        "heads with an open July are listed"
    );
    assert!(page.contains("tugas melewati batas waktu"));

    // Someone who does not run periods cannot read the list; the admin can.
    let id = period(&t).await.id;
    for (who, expected) in [(&cookie, StatusCode::FORBIDDEN), (&admin, StatusCode::OK)] {
        // A script's call: JSON only, so the answer is the status, not a redirect.
        let mut req = request("POST", "/api/deadlines/period", who);
        req.headers_mut()
            .unwrap()
            .insert(header::ACCEPT, "application/json".parse().unwrap());
        let req = req
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(format!("id={id}")))
            .unwrap();
        let (status, _, _) = send(&app, req).await;
        assert_eq!(status, expected);
    }
}

on_both_engines!(
    reminders_go_once_on_the_days_the_rules_name,
    self_assessments_are_reminded_before_their_deadline,
    overdue_work_is_flagged_for_the_appraiser_and_the_admin,
);
