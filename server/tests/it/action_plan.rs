//! The action plan (*rencana aksi*) through the real router, on both engines: the owner saves a
//! half-written plan, cannot hand it in incomplete (typed text kept, nothing stored), hands it
//! in; the appraiser sees it waiting, returns it with a reason and agrees to it; strangers are
//! refused; and the periodic self-assessment then measures against the month's target.

use crate::common;
use app::db::entities::{
    pegawai, periode, rencana_aksi, rencana_aksi_status, skp, skp_hasil, skp_indikator,
};
use axum::Router;
use common::TestDb;
use common::web::{REFUSED, app_on, demo_day, encode, get, location, login, post_form_from};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use server::demo::{DEMO_PASSWORD, EMPLOYEE_NIP, SUPERVISOR_NIP};

async fn employee_by(t: &TestDb, column: pegawai::Column, value: sea_orm::Value) -> pegawai::Model {
    pegawai::Entity::find()
        .filter(column.eq(value))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
}

/// The approved plan of the demo's Rudi (a sub-unit head) and his IKIs in order.
async fn plan_and_indicators(t: &TestDb) -> (skp::Model, Vec<skp_indikator::Model>) {
    let rudi = employee_by(t, pegawai::Column::Nip, SUPERVISOR_NIP.into()).await;
    let plan = skp::Entity::find()
        .filter(skp::Column::PegawaiId.eq(rudi.id))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let mut indicators = Vec::new();
    for result in skp_hasil::Entity::find()
        .filter(skp_hasil::Column::SkpId.eq(plan.id))
        .order_by_asc(skp_hasil::Column::Position)
        .all(&t.db)
        .await
        .unwrap()
    {
        indicators.extend(
            skp_indikator::Entity::find()
                .filter(skp_indikator::Column::HasilId.eq(result.id))
                .order_by_asc(skp_indikator::Column::Position)
                .all(&t.db)
                .await
                .unwrap(),
        );
    }
    assert!(!indicators.is_empty());
    (plan, indicators)
}

/// Every cell of the form filled: "Langkah {month}" and target `month`.
fn complete_form(plan: &skp::Model, indicators: &[skp_indikator::Model]) -> String {
    let mut body = format!("skp_id={}", plan.id);
    for i in indicators {
        for month in 1..=12 {
            body.push_str(&format!(
                "&{}={}&{}={month}",
                encode(&format!("aksi[k{}-{month}]", i.id)),
                encode(&format!("Langkah bulan {month} untuk IKI {}", i.id)),
                encode(&format!("target[k{}-{month}]", i.id)),
            ));
        }
    }
    body
}

async fn steps(t: &TestDb, plan: &skp::Model) -> u64 {
    rencana_aksi::Entity::find()
        .filter(rencana_aksi::Column::SkpId.eq(plan.id))
        .count(&t.db)
        .await
        .unwrap()
}

async fn state(t: &TestDb, plan: &skp::Model) -> Option<String> {
    rencana_aksi_status::Entity::find_by_id(plan.id)
        .one(&t.db)
        .await
        .unwrap()
        .map(|s| s.state.as_str().to_owned())
}

/// Posts from the action plan page; returns where the browser is sent.
async fn post(app: &Router, page: &str, uri: &str, cookie: &str, body: &str) -> String {
    let (status, headers) = post_form_from(app, page, uri, cookie, body).await;
    assert!(status.is_redirection(), "{uri}: {status}");
    location(&headers).replace("http://kinerja.test", "")
}

/// An appraiser's (or anyone's) decision on the plan, posted from its page.
async fn decide(app: &Router, plan: &skp::Model, cookie: &str, event: &str, note: &str) -> String {
    let page = format!("/skp/{}/rencana-aksi", plan.id);
    let body = format!("skp_id={}&event={event}&note={}", plan.id, encode(note));
    post(app, &page, "/api/action-plan/decide", cookie, &body).await
}

async fn a_plan_is_written_handed_in_returned_and_agreed(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app_on(&t, demo_day(8, 20));
    let (plan, indicators) = plan_and_indicators(&t).await;
    let page = format!("/skp/{}/rencana-aksi", plan.id);
    let owner = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let appraiser_person =
        employee_by(&t, pegawai::Column::Id, plan.penilai_id.unwrap().0.into()).await;
    let appraiser = login(&app, &appraiser_person.nip, DEMO_PASSWORD).await;
    let first = &indicators[0];

    // The SKP page leads there; the form has a step and a target for every IKI and month.
    let (_, skp_page) = get(&app, &format!("/skp/{}", plan.id), &owner).await;
    assert!(skp_page.contains(&format!(r#"href="{page}""#)));
    let (status, form) = get(&app, &page, &owner).await;
    assert_eq!(status, 200);
    assert!(form.contains("Belum disusun"));
    let year = periode::Entity::find_by_id(plan.periode_id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
        .year;
    assert!(form.contains(&format!("Juli {year}")), "months named");
    assert_eq!(
        form.matches(r#"name="aksi["#).count(),
        indicators.len() * 12,
        "one step per IKI and month"
    );

    // Handing in half a plan is refused: the typed text comes back, nothing is stored.
    let half = format!(
        "skp_id={}&{}={}&hand_in=1",
        plan.id,
        encode(&format!("aksi[k{}-7]", first.id)),
        encode("Menyusun draf laporan Juli"),
    );
    let back = post(&app, &page, "/api/action-plan/save", &owner, &half).await;
    assert!(back.contains(REFUSED), "{back}");
    let (_, refused) = get(&app, &back, &owner).await;
    assert!(refused.contains("Rencana aksi belum lengkap"));
    assert!(
        refused.contains("Menyusun draf laporan Juli"),
        "typed text kept"
    );
    assert!(refused.contains("Wajib diisi."), "missing fields marked");
    assert_eq!(steps(&t, &plan).await, 0);
    assert_eq!(state(&t, &plan).await, None);

    // A target over the limit is refused on a plain save too.
    let long = format!(
        "skp_id={}&{}={}",
        plan.id,
        encode(&format!("target[k{}-7]", first.id)),
        "9".repeat(61)
    );
    let back = post(&app, &page, "/api/action-plan/save", &owner, &long).await;
    assert!(back.contains(REFUSED));
    assert_eq!(steps(&t, &plan).await, 0);

    // A draft may be half-written.
    let back = post(
        &app,
        &page,
        "/api/action-plan/save",
        &owner,
        &half.replace("&hand_in=1", ""),
    )
    .await;
    assert!(back.ends_with("?status=saved"), "{back}");
    assert_eq!(steps(&t, &plan).await, 1);
    assert_eq!(state(&t, &plan).await.as_deref(), Some("draft"));

    // Someone outside the appraisal chain can neither read nor write it.
    let stranger = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let (status, _) = get(&app, &page, &stranger).await;
    assert_eq!(status, 403);
    let back = post(
        &app,
        &page,
        "/api/action-plan/save",
        &stranger,
        &complete_form(&plan, &indicators),
    )
    .await;
    assert!(back.contains(REFUSED));
    assert_eq!(steps(&t, &plan).await, 1);

    // Handed in complete: stored, waiting on the appraiser's list, the appraiser notified.
    let all = format!("{}&hand_in=1", complete_form(&plan, &indicators));
    let back = post(&app, &page, "/api/action-plan/save", &owner, &all).await;
    assert!(back.ends_with("?status=submitted"), "{back}");
    assert_eq!(steps(&t, &plan).await, indicators.len() as u64 * 12);
    assert_eq!(state(&t, &plan).await.as_deref(), Some("submitted"));
    assert!(
        common::notification_kinds(&t, appraiser_person.id)
            .await
            .contains(&"action_plan_submitted".to_owned())
    );
    let (_, list) = get(&app, "/bawahan", &appraiser).await;
    let waiting = list
        .split(r#"data-testid="action-plans-waiting""#)
        .nth(1)
        .expect("listed");
    assert!(waiting.contains(&page));

    // The owner cannot change it while it waits.
    let back = post(&app, &page, "/api/action-plan/save", &owner, &half).await;
    assert!(back.contains(REFUSED));
    assert_eq!(steps(&t, &plan).await, indicators.len() as u64 * 12);

    // Returning needs a reason; with one, the owner sees it on a draft again.
    let back = decide(&app, &plan, &appraiser, "return", "").await;
    assert!(back.contains(REFUSED));
    assert_eq!(state(&t, &plan).await.as_deref(), Some("submitted"));
    let reason = "Target Juli terlalu rendah dibanding target tahunan.";
    let back = decide(&app, &plan, &appraiser, "return", reason).await;
    assert!(back.ends_with("?status=draft"), "{back}");
    assert!(
        common::notification_kinds(&t, plan.pegawai_id)
            .await
            .contains(&"action_plan_returned".to_owned())
    );
    let (_, returned) = get(&app, &page, &owner).await;
    assert!(returned.contains(reason));

    // The owner cannot agree to their own plan; the appraiser agrees once it is handed in again.
    post(&app, &page, "/api/action-plan/save", &owner, &all).await;
    let back = decide(&app, &plan, &owner, "agree", "").await;
    assert!(back.contains(REFUSED));
    assert_eq!(state(&t, &plan).await.as_deref(), Some("submitted"));
    let back = decide(&app, &plan, &appraiser, "agree", "").await;
    assert!(back.ends_with("?status=agreed"), "{back}");
    assert_eq!(state(&t, &plan).await.as_deref(), Some("agreed"));
    assert!(
        common::notification_kinds(&t, plan.pegawai_id)
            .await
            .contains(&"action_plan_agreed".to_owned())
    );
    // A second agreement (another tab) finds nothing to agree to.
    let back = decide(&app, &plan, &appraiser, "agree", "").await;
    assert!(back.contains(REFUSED));

    // July's self-assessment measures against July's target and shows July's step.
    let back = post(
        &app,
        "/evaluasi",
        "/api/evaluasi/mulai",
        &owner,
        &format!("skp_id={}&seq=7", plan.id),
    )
    .await;
    let (_, wizard) = get(&app, &format!("{back}?langkah=1"), &owner).await;
    assert!(
        wizard.contains("Target periode ini"),
        "periodic target named"
    );
    assert!(wizard.contains(&format!("Langkah bulan 7 untuk IKI {}", first.id)));
    assert!(!wizard.contains("Rencana aksi belum disepakati"));
}

async fn a_self_assessment_without_an_agreed_plan_says_it_uses_the_annual_targets(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app_on(&t, demo_day(8, 20));
    let (plan, _) = plan_and_indicators(&t).await;
    let owner = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let back = post(
        &app,
        "/evaluasi",
        "/api/evaluasi/mulai",
        &owner,
        &format!("skp_id={}&seq=7", plan.id),
    )
    .await;
    let (_, wizard) = get(&app, &format!("{back}?langkah=1"), &owner).await;
    assert!(wizard.contains("Rencana aksi belum disepakati"));
    assert!(!wizard.contains("Target periode ini"));
}

on_both_engines!(
    a_plan_is_written_handed_in_returned_and_agreed,
    a_self_assessment_without_an_agreed_plan_says_it_uses_the_annual_targets,
);
