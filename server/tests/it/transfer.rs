//! A transfer (mutasi) through the real router, on both engines: the admin records the move with
//! its date, the plan in force ends the day before, the employee drafts the plan for the new
//! position starting on the day of the move, and both plans are listed for the employee and the
//! admin, each evaluated only for its own months.

use crate::common;
use app::db::entities::{audit_log, notifikasi, pegawai, periode, skp, user_account};
use app::domain::period::PeriodState;
use app::domain::skp::SkpState;
use chrono::{Datelike, NaiveDate};
use common::TestDb;
use common::web::{REFUSED, app, encode, get, location, login, post_form_from};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use server::demo::{ADMIN_NIP, DEMO_PASSWORD};

/// Nurhayati, head of the pensions subdivision, with an approved demo plan for the year.
const MOVER_NIP: &str = "198307152009022004";

/// The record as the form posts it, placed in `unit` as `position` (a pelaksana unless it is the
/// pengawas post she holds).
fn transfer_form(person: &pegawai::Model, unit: &str, position: &str, moved_on: &str) -> String {
    let kind = if position.starts_with("Kepala") {
        "pengawas"
    } else {
        "pelaksana"
    };
    format!(
        "id={}&version={}&nip={MOVER_NIP}&name=Nurhayati&front_title=&back_title=S.H.&email=\
         &asn_type=pns&rank_grade=III%2Fc&unit_code={unit}&position={}&position_kind={kind}\
         &superior_nip=&appraiser_nip=&moved_on={moved_on}",
        person.id,
        person.version,
        encode(position),
    )
}

async fn person(t: &TestDb) -> pegawai::Model {
    pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq(MOVER_NIP))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
}

async fn plans(t: &TestDb, person: &pegawai::Model) -> Vec<skp::Model> {
    skp::Entity::find()
        .filter(skp::Column::PegawaiId.eq(person.id))
        .order_by_asc(skp::Column::Id)
        .all(&t.db)
        .await
        .unwrap()
}

/// The messages shown under the fields of a page, for failure messages.
fn field_errors(page: &str) -> Vec<String> {
    page.split(r#"class="field-error">"#)
        .skip(1)
        .filter_map(|rest| rest.split("</p>").next())
        .map(|inner| {
            // Text only: whatever markup the paragraph holds is left out.
            let mut text = String::new();
            let mut in_tag = false;
            for c in inner.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text
        })
        .filter(|text| !text.is_empty())
        .collect()
}

/// The page a refused post sends the browser back to.
async fn refused(app: &axum::Router, cookie: &str, record: &str, body: &str) -> String {
    let (status, headers) =
        post_form_from(app, record, "/api/admin/employee/update", cookie, body).await;
    assert!(status.is_redirection());
    let back = location(&headers);
    assert!(back.contains(REFUSED), "{back}");
    get(app, &back.replace("http://kinerja.test", ""), cookie)
        .await
        .1
}

async fn a_transfer_closes_the_plan_and_opens_the_next_segment(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let period = periode::Entity::find()
        .filter(periode::Column::State.eq(PeriodState::Open))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let today =
        app::clock::Clock::system().today_in(app::db::agency::time_zone(&t.db).await.unwrap());
    // July, as in a mid-year rotation; earlier in the year, yesterday.
    let july = NaiveDate::from_ymd_opt(period.year, 7, 1).unwrap();
    let moved_on = july
        .min(today.pred_opt().unwrap())
        .max(period.starts_on.succ_opt().unwrap());
    let before = person(&t).await;
    let record = format!("/admin/pegawai/{}", before.id);
    let Ok([approved]) = <[skp::Model; 1]>::try_from(plans(&t, &before).await) else {
        panic!("one demo plan")
    };
    assert_eq!(approved.state, SkpState::Approved);
    assert_eq!(approved.starts_on, period.starts_on);

    // Refused, each with only its reason under the field, the typed date kept and nothing
    // changed: a date in the future, a date without a move, a move that would void the
    // established plan, and no date at all.
    let future = today.succ_opt().unwrap().to_string();
    let moved = ("MP-MUT", "Analis Mutasi Kepegawaian");
    let stayed = ("PPIK-PBH", "Kepala Subbidang Pemberhentian dan Pensiun");
    let cases = [
        (
            moved,
            future,
            "Tanggal mutasi tidak boleh melewati hari ini.",
        ),
        (
            stayed,
            moved_on.to_string(),
            "Tanggal mutasi diisi, tetapi unit dan jabatan tidak berubah.",
        ),
        (
            moved,
            period.starts_on.to_string(),
            "Tanggal mutasi mendahului awal SKP yang sudah ditetapkan untuk jabatan ini.",
        ),
        (
            moved,
            "31-02-2026".to_owned(),
            "Tanggal tidak dikenali. Tulis sebagai hh-bb-tttt, misalnya 31-01-2026.",
        ),
    ];
    for ((unit, position), date, message) in cases {
        let form = transfer_form(&before, unit, position, &date);
        let page = refused(&app, &admin, &record, &form).await;
        assert_eq!(field_errors(&page), [message], "{date} at {unit}");
        assert!(
            page.contains(&format!(r#"value="{date}""#)),
            "typed date kept"
        );
    }
    assert_eq!(person(&t).await, before, "record untouched");
    assert_eq!(
        plans(&t, &before).await,
        vec![approved.clone()],
        "plan untouched"
    );

    // The transfer.
    let (status, headers) = post_form_from(
        &app,
        &record,
        "/api/admin/employee/update",
        &admin,
        &transfer_form(
            &before,
            "MP-MUT",
            "Analis Mutasi Kepegawaian",
            &moved_on.to_string(),
        ),
    )
    .await;
    assert!(status.is_redirection());
    assert!(
        !location(&headers).contains(REFUSED),
        "{}",
        location(&headers)
    );
    let Ok([closed]) = <[skp::Model; 1]>::try_from(plans(&t, &before).await) else {
        panic!("still one plan")
    };
    assert_eq!(
        closed.state,
        SkpState::Approved,
        "stays in force for its months"
    );
    assert_eq!(closed.ends_on, moved_on.pred_opt());
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("employee_transferred"))
        .filter(audit_log::Column::ObjectId.eq(before.id.to_string()))
        .count(&t.db)
        .await
        .unwrap();
    assert_eq!(audited, 1);
    let account = user_account::Entity::find()
        .filter(user_account::Column::PegawaiId.eq(before.id))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let told = notifikasi::Entity::find()
        .filter(notifikasi::Column::UserId.eq(account.id))
        .filter(notifikasi::Column::Kind.eq("position_transferred"))
        .count(&t.db)
        .await
        .unwrap();
    assert_eq!(told, 1, "the employee is told");

    // The employee: the old plan listed with its days, and the start of the new one offered.
    let me = login(&app, MOVER_NIP, DEMO_PASSWORD).await;
    let (_, page) = get(&app, "/skp", &me).await;
    assert!(
        page.contains(r#"data-testid="skp-after-transfer""#),
        "{page}"
    );
    assert!(page.contains(r#"data-testid="skp-start""#));
    let last_day = moved_on.pred_opt().unwrap();
    // In words as documents write them (`ui::dates` has its own tests).
    let span = |from, to| app::ui::dates::date_span(app::i18n::Locale::id, from, to);
    let first_span = span(period.starts_on, last_day);
    assert!(
        page.contains(&first_span),
        "old plan with its days: {first_span}"
    );
    assert!(page.contains("Kepala Subbidang Pemberhentian dan Pensiun"));
    let (_, evaluations) = get(&app, "/evaluasi", &me).await;
    let last_month = last_day.month();
    assert!(evaluations.contains(&format!(r#"data-testid="start-{last_month}""#)));
    if last_month < 12 {
        assert!(
            !evaluations.contains(&format!(r#"data-testid="start-{}""#, last_month + 1)),
            "no month after the move for the old plan"
        );
    }

    let (status, headers) =
        post_form_from(&app, "/skp", "/api/skp/create", &me, "approach=kuantitatif").await;
    assert!(status.is_redirection());
    let to = location(&headers);
    let all = plans(&t, &before).await;
    assert_eq!(all.len(), 2);
    let new = &all[1];
    assert_eq!(to, format!("/skp/{}", new.id));
    assert_eq!(new.starts_on, moved_on);
    assert_eq!(new.ends_on, None);
    assert!(
        new.header.contains("Analis Mutasi Kepegawaian"),
        "new position on the plan"
    );
    let (_, page) = get(&app, "/skp", &me).await;
    assert!(
        !page.contains(r#"data-testid="skp-start""#),
        "the new plan is the current one"
    );
    let second_span = span(moved_on, period.ends_on);
    assert!(
        page.contains(&second_span),
        "new plan with its days: {second_span}"
    );
    assert!(page.contains(&first_span));
    let (_, print) = get(&app, &format!("/skp/{}/cetak", new.id), &me).await;
    assert!(print.contains(&second_span), "printed for its own days");

    // The admin sees both plans on the employee's record.
    let (_, record) = get(&app, &format!("/admin/pegawai/{}", before.id), &admin).await;
    assert!(record.contains(r#"data-testid="employee-plans""#));
    assert!(record.contains(&format!(r#"href="/skp/{}""#, closed.id)));
    assert!(record.contains(&format!(r#"href="/skp/{}""#, new.id)));
    assert!(record.contains(&first_span) && record.contains(&second_span));
}

on_both_engines!(a_transfer_closes_the_plan_and_opens_the_next_segment);
