//! The SKP through the real router, on both engines: drafting with cascaded results, submission,
//! return with a note, approval with its history and notifications, who may do what (403 for
//! everyone else), and cascade integrity when a leader's result changes or is removed.

use crate::common;
use app::domain::ids::{EmployeeId, ResultId, SkpId};

use app::db::entities::{
    notifikasi, pegawai, periode, skp, skp_hasil, skp_indikator, skp_riwayat, user_account,
};
use axum::Router;
use axum::http::StatusCode;
use common::TestDb;
use common::web::{REFUSED, app, encode, get, location, login, post_form_from};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use server::demo::{DEMO_PASSWORD, EMPLOYEE_NIP, HEAD_NIP, PPPK_EMPLOYEE_NIP, SUPERVISOR_NIP};

async fn employee_id(t: &TestDb, nip: &str) -> EmployeeId {
    pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq(nip))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// The employee's newest plan.
async fn plan_of(t: &TestDb, nip: &str) -> Option<skp::Model> {
    let id = employee_id(t, nip).await;
    skp::Entity::find()
        .filter(skp::Column::PegawaiId.eq(id))
        .order_by_desc(skp::Column::Id)
        .one(&t.db)
        .await
        .unwrap()
}

async fn reload(t: &TestDb, id: SkpId) -> skp::Model {
    skp::Entity::find_by_id(id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
}

/// The results of the appraiser's approved demo plan.
async fn results_of(t: &TestDb, nip: &str) -> Vec<skp_hasil::Model> {
    let plan = plan_of(t, nip).await.expect("demo leaders have plans");
    skp_hasil::Entity::find()
        .filter(skp_hasil::Column::SkpId.eq(plan.id))
        .order_by_asc(skp_hasil::Column::Position)
        .all(&t.db)
        .await
        .unwrap()
}

async fn post(app: &Router, cookie: &str, uri: &str, body: &str) -> (StatusCode, String) {
    let (status, headers) = post_form_from(app, "/skp", uri, cookie, body).await;
    (status, location(&headers))
}

/// Starts the employee's plan and adds one cascaded result with one indicator per parent.
async fn draft_plan(app: &Router, t: &TestDb, cookie: &str, parents: &[ResultId]) -> skp::Model {
    let (_, to) = post(app, cookie, "/api/skp/create", "approach=kuantitatif").await;
    let plan = plan_of(t, EMPLOYEE_NIP).await.expect("plan created");
    assert_eq!(to, format!("/skp/{}", plan.id));
    assert_eq!(plan.state.as_str(), "draft");
    for (i, parent) in parents.iter().enumerate() {
        let version = reload(t, plan.id).await.version;
        let text = encode(&format!("Terverifikasinya usulan penilaian kinerja ke-{i}"));
        let (_, to) = post(
            app,
            cookie,
            "/api/skp/result/save",
            &format!(
                "skp_id={}&version={version}&group=utama&text={text}&parent_id={parent}",
                plan.id
            ),
        )
        .await;
        assert!(!to.contains(REFUSED), "result saved: {to}");
        let result = skp_hasil::Entity::find()
            .filter(skp_hasil::Column::SkpId.eq(plan.id))
            .order_by_desc(skp_hasil::Column::Id)
            .one(&t.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(result.parent_id, Some(*parent));
        let version = reload(t, plan.id).await.version;
        let (_, to) = post(
            app,
            cookie,
            "/api/skp/indicator/save",
            &format!(
                "skp_id={}&version={version}&result_id={}&aspect=kuantitas&text={}&target_min=12%2C5&target_max=&target_unit=dokumen",
                plan.id,
                result.id,
                encode("Jumlah usulan yang diverifikasi")
            ),
        )
        .await;
        assert!(!to.contains(REFUSED), "indicator saved: {to}");
    }
    reload(t, plan.id).await
}

async fn fire(
    app: &Router,
    t: &TestDb,
    cookie: &str,
    id: SkpId,
    event: &str,
    note: &str,
) -> String {
    let version = reload(t, id).await.version;
    post(
        app,
        cookie,
        "/api/skp/transition",
        &format!(
            "skp_id={id}&version={version}&event={event}&note={}",
            encode(note)
        ),
    )
    .await
    .1
}

async fn unread(t: &TestDb, nip: &str) -> Vec<String> {
    let id = employee_id(t, nip).await;
    let account = user_account::Entity::find()
        .filter(user_account::Column::PegawaiId.eq(id))
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

async fn workflow_submit_return_approve(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let employee = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let supervisor = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let leader = results_of(&t, SUPERVISOR_NIP).await;
    let plan = draft_plan(&app, &t, &employee, &[leader[0].id, leader[1].id]).await;

    // The target is stored canonically, shown back with a decimal comma.
    let (status, page) = get(&app, &format!("/skp/{}", plan.id), &employee).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("12,5 dokumen"), "target shown");
    assert!(page.contains(&leader[0].text), "cascade shown");

    let to = fire(&app, &t, &employee, plan.id, "submit", "").await;
    assert!(to.ends_with("?status=submitted"), "{to}");
    assert_eq!(reload(&t, plan.id).await.state.as_str(), "submitted");
    assert_eq!(unread(&t, SUPERVISOR_NIP).await, ["skp_submitted"]);
    let (_, list) = get(&app, "/bawahan", &supervisor).await;
    assert!(
        list.contains("Putri Ayu Lestari"),
        "appraiser's list shows it"
    );
    let (_, desk) = get(&app, "/", &supervisor).await;
    assert!(
        desk.contains("Tetapkan SKP Putri Ayu Lestari")
            && desk.contains(&format!("href=\"/skp/{}\"", plan.id)),
        "the appraiser's desk links the plan to establish"
    );

    // Returning needs a note; without one nothing changes.
    let to = fire(&app, &t, &supervisor, plan.id, "return", "  ").await;
    assert!(to.contains(REFUSED), "{to}");
    assert_eq!(reload(&t, plan.id).await.state.as_str(), "submitted");
    let to = fire(
        &app,
        &t,
        &supervisor,
        plan.id,
        "return",
        "Target kuantitas terlalu rendah",
    )
    .await;
    assert!(to.ends_with("?status=draft"), "{to}");
    assert_eq!(reload(&t, plan.id).await.state.as_str(), "draft");
    assert_eq!(unread(&t, EMPLOYEE_NIP).await, ["skp_returned"]);
    // The notification carries the appraiser's note, and the list shows it.
    let (_, list) = get(&app, "/notifikasi", &employee).await;
    let entry = list
        .split("<li")
        .find(|li| li.contains("mengembalikan"))
        .expect("the returned plan is listed");
    assert!(
        entry.contains("data-testid=\"notification-note\"")
            && entry.contains("Target kuantitas terlalu rendah"),
        "{entry}"
    );
    let (_, page) = get(&app, &format!("/skp/{}", plan.id), &employee).await;
    assert!(
        page.contains("Target kuantitas terlalu rendah"),
        "note visible to the employee"
    );
    let banner = page
        .split("data-testid=\"return-note\"")
        .nth(1)
        .expect("the note leads the returned plan");
    assert!(
        banner.find("Target kuantitas terlalu rendah") < banner.find("data-testid=\"skp-history\""),
        "above the plan, not only in its history"
    );
    let (_, desk) = get(&app, "/", &employee).await;
    let item = desk
        .split("data-testid=\"desk-item\"")
        .find(|item| item.contains("Perbaiki SKP yang dikembalikan"))
        .expect("the returned plan is on the employee's desk");
    assert!(
        item.contains("Target kuantitas terlalu rendah")
            && item.contains(&format!("href=\"/skp/{}\"", plan.id)),
        "with the appraiser's note, one tap from the plan"
    );

    // A comment on a row reaches the other side.
    let row = results_of(&t, EMPLOYEE_NIP).await[0].id;
    let (_, to) = post(
        &app,
        &supervisor,
        "/api/skp/comment",
        &format!(
            "skp_id={}&result_id={row}&body={}",
            plan.id,
            encode("Sebutkan sumber datanya")
        ),
    )
    .await;
    assert!(to.ends_with(&format!("#hasil-{row}")), "{to}");

    fire(&app, &t, &employee, plan.id, "submit", "").await;
    let to = fire(&app, &t, &supervisor, plan.id, "approve", "").await;
    assert!(to.ends_with("?status=approved"), "{to}");
    let approved = reload(&t, plan.id).await;
    assert_eq!(approved.state.as_str(), "approved");
    assert_eq!(approved.revision, 1);
    assert!(approved.approved_at.is_some());
    let (_, page) = get(&app, &format!("/skp/{}", plan.id), &employee).await;
    assert!(
        !page.contains("perubahan ke-"),
        "a first approval is no change"
    );
    let history: Vec<(String, Option<String>)> = skp_riwayat::Entity::find()
        .filter(skp_riwayat::Column::SkpId.eq(plan.id))
        .order_by_asc(skp_riwayat::Column::Id)
        .all(&t.db)
        .await
        .unwrap()
        .into_iter()
        .map(|h| {
            (
                h.event.as_str().to_owned(),
                h.snapshot.map(|_| "snapshot".to_owned()),
            )
        })
        .collect();
    assert_eq!(
        history,
        [
            ("submit".to_owned(), None),
            ("return".to_owned(), None),
            ("submit".to_owned(), None),
            ("approve".to_owned(), Some("snapshot".to_owned())),
        ]
    );
    assert!(
        unread(&t, EMPLOYEE_NIP)
            .await
            .contains(&"skp_approved".to_owned())
    );
    let (_, page) = get(&app, &format!("/skp/{}", plan.id), &employee).await;
    assert!(
        page.contains("Isi versi ditetapkan ke-1"),
        "version history shown"
    );
    assert!(page.contains("A · Terverifikasinya usulan penilaian kinerja ke-0"));

    // Approved means read-only for the owner.
    let (_, to) = post(
        &app,
        &employee,
        "/api/skp/result/save",
        &format!(
            "skp_id={}&version={}&group=utama&text=baru&parent_id={}",
            plan.id, approved.version, leader[0].id
        ),
    )
    .await;
    assert!(to.contains(REFUSED), "{to}");
    assert_eq!(results_of(&t, EMPLOYEE_NIP).await.len(), 2);

    // The printed document carries it all, as the official form writes it: the period in
    // words, the leader's IKI beside the leader's RHK, the footnotes, and the place and the day
    // the plan was established above the signatures.
    let (status, print) = get(&app, &format!("/skp/{}/cetak", plan.id), &employee).await;
    assert_eq!(status, StatusCode::OK);
    let year = periode::Entity::find_by_id(plan.periode_id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
        .year;
    let period = format!("1 Januari s.d. 31 Desember {year}");
    let established = reload(&t, plan.id).await.approved_at.expect("established");
    let place_date = format!(
        "Sukamakmur, {}",
        app::ui::dates::long_date(
            app::i18n::Locale::id,
            (established + chrono::Duration::hours(7)).date_naive()
        )
    );
    let leader_iki = skp_indikator::Entity::find()
        .filter(skp_indikator::Column::HasilId.eq(leader[0].id))
        .one(&t.db)
        .await
        .unwrap()
        .expect("the leader's RHK has an IKI")
        .text;
    for expected in [
        "SASARAN KINERJA PEGAWAI",
        "Putri Ayu Lestari",
        "Rudi Hartono",
        leader[0].text.as_str(),
        leader_iki.as_str(),
        "Terverifikasinya usulan penilaian kinerja ke-1",
        "12,5 dokumen",
        "Berorientasi Pelayanan",
        "LAMPIRAN SASARAN KINERJA PEGAWAI",
        period.as_str(),
        place_date.as_str(),
        "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI *",
        "* Diisi dengan rencana hasil kerja pimpinan yang diintervensi",
        "** Diisi dengan ekspektasi khusus pimpinan",
    ] {
        assert!(print.contains(expected), "print shows {expected}");
    }
}

async fn incomplete_and_stale_submissions_are_refused(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let employee = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let (_, _) = post(&app, &employee, "/api/skp/create", "approach=kuantitatif").await;
    let plan = plan_of(&t, EMPLOYEE_NIP).await.unwrap();

    // Nothing in it yet: not submittable, the page says what is missing.
    let to = fire(&app, &t, &employee, plan.id, "submit", "").await;
    assert!(to.contains(REFUSED), "{to}");
    assert_eq!(reload(&t, plan.id).await.state.as_str(), "draft");
    let (_, page) = get(&app, &format!("/skp/{}", plan.id), &employee).await;
    assert!(page.contains("Tambahkan minimal satu hasil kerja utama."));

    // A form loaded before another change carries an old version: refused, nothing stored.
    let stale = plan.version;
    let (_, to) = post(
        &app,
        &employee,
        "/api/skp/result/save",
        &format!("skp_id={}&version={stale}&group=utama&text=Satu", plan.id),
    )
    .await;
    assert!(!to.contains(REFUSED), "{to}");
    let (_, to) = post(
        &app,
        &employee,
        "/api/skp/result/save",
        &format!("skp_id={}&version={stale}&group=utama&text=Dua", plan.id),
    )
    .await;
    assert!(to.contains(REFUSED), "stale version refused: {to}");
    let texts: Vec<String> = skp_hasil::Entity::find()
        .filter(skp_hasil::Column::SkpId.eq(plan.id))
        .all(&t.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.text)
        .collect();
    assert_eq!(texts, ["Satu"]);

    // Invalid values come back with what was typed and are not stored.
    let version = reload(&t, plan.id).await.version;
    let (_, to) = post(
        &app,
        &employee,
        "/api/skp/result/save",
        &format!(
            "skp_id={}&version={version}&group=utama&text=&parent_id=999999",
            plan.id
        ),
    )
    .await;
    assert!(to.contains(REFUSED), "{to}");
    assert_eq!(reload(&t, plan.id).await.version, version);

    // Approving a draft is not a transition the state machine knows.
    let supervisor = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let to = fire(&app, &t, &supervisor, plan.id, "approve", "").await;
    assert!(to.contains(REFUSED), "{to}");
    assert_eq!(reload(&t, plan.id).await.state.as_str(), "draft");

    // Once the period is closed the plan is frozen.
    let period = periode::Entity::find_by_id(plan.periode_id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let mut closed: periode::ActiveModel = period.into();
    closed.state = Set(app::domain::period::PeriodState::Closed);
    closed.update(&t.db).await.unwrap();
    let version = reload(&t, plan.id).await.version;
    let (_, to) = post(
        &app,
        &employee,
        "/api/skp/result/save",
        &format!("skp_id={}&version={version}&group=utama&text=Tiga", plan.id),
    )
    .await;
    assert!(to.contains(REFUSED), "{to}");
    assert_eq!(reload(&t, plan.id).await.version, version);
    let (_, page) = get(&app, &format!("/skp/{}", plan.id), &employee).await;
    assert!(page.contains("Periode penilaian ini sudah ditutup"));
}

async fn only_owner_drafts_and_only_appraiser_decides(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let employee = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let colleague = login(&app, PPPK_EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let supervisor = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let head = login(&app, HEAD_NIP, DEMO_PASSWORD).await;
    let leader = results_of(&t, SUPERVISOR_NIP).await;
    let plan = draft_plan(&app, &t, &employee, &[leader[0].id]).await;
    let page = format!("/skp/{}", plan.id);

    // A colleague in the same unit neither sees nor touches it.
    assert_eq!(get(&app, &page, &colleague).await.0, StatusCode::FORBIDDEN);
    let body = format!(
        "skp_id={}&version={}&group=utama&text=x",
        plan.id, plan.version
    );
    for cookie in [&colleague, &supervisor, &head] {
        let (status, to) = post(&app, cookie, "/api/skp/result/save", &body).await;
        assert!(
            status == StatusCode::FORBIDDEN || to.contains(REFUSED),
            "only the owner edits a draft"
        );
    }
    assert_eq!(reload(&t, plan.id).await.version, plan.version);

    // The appraiser and the head of the agency may read it.
    assert_eq!(get(&app, &page, &supervisor).await.0, StatusCode::OK);
    assert_eq!(get(&app, &page, &head).await.0, StatusCode::OK);

    fire(&app, &t, &employee, plan.id, "submit", "").await;
    // Neither the employee, a colleague nor the head of the agency approves: only the appraiser.
    for cookie in [&employee, &colleague, &head] {
        fire(&app, &t, cookie, plan.id, "approve", "").await;
        assert_eq!(reload(&t, plan.id).await.state.as_str(), "submitted");
    }
    // Expectations are the appraiser's to write.
    let version = reload(&t, plan.id).await.version;
    let body = format!("skp_id={}&version={version}&value=1&text=Ramah", plan.id);
    let (status, to) = post(&app, &employee, "/api/skp/expectation", &body).await;
    assert!(status == StatusCode::FORBIDDEN || to.contains(REFUSED));
    let (_, to) = post(&app, &supervisor, "/api/skp/expectation", &body).await;
    assert!(!to.contains(REFUSED), "{to}");
    fire(&app, &t, &supervisor, plan.id, "approve", "").await;
    assert_eq!(reload(&t, plan.id).await.state.as_str(), "approved");
}

async fn cascade_links_never_dangle(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let employee = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let supervisor = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let leader = results_of(&t, SUPERVISOR_NIP).await;
    let plan = draft_plan(&app, &t, &employee, &[leader[0].id]).await;
    let leader_plan = plan_of(&t, SUPERVISOR_NIP).await.unwrap();

    // An approved plan is not edited in place: the leader opens a revision with a reason.
    let to = fire(
        &app,
        &t,
        &supervisor,
        leader_plan.id,
        "request_revision",
        "Mutasi pegawai",
    )
    .await;
    assert!(to.ends_with("?status=revision_draft"), "{to}");

    // Removing a result others support is refused, and nothing is removed.
    let version = reload(&t, leader_plan.id).await.version;
    let (_, to) = post(
        &app,
        &supervisor,
        "/api/skp/result/remove",
        &format!(
            "skp_id={}&version={version}&result_id={}",
            leader_plan.id, leader[0].id
        ),
    )
    .await;
    assert!(to.contains(REFUSED), "{to}");
    assert!(
        skp_hasil::Entity::find_by_id(leader[0].id)
            .one(&t.db)
            .await
            .unwrap()
            .is_some()
    );
    // One nobody supports can go.
    let (_, to) = post(
        &app,
        &supervisor,
        "/api/skp/result/remove",
        &format!(
            "skp_id={}&version={version}&result_id={}",
            leader_plan.id, leader[1].id
        ),
    )
    .await;
    assert!(!to.contains(REFUSED), "{to}");

    // Rewording the supported result is flagged on the subordinate's plan, not silent.
    let version = reload(&t, leader_plan.id).await.version;
    let (_, to) = post(
        &app,
        &supervisor,
        "/api/skp/result/save",
        &format!(
            "skp_id={}&version={version}&result_id={}&group=utama&text={}",
            leader_plan.id,
            leader[0].id,
            encode("Terlaksananya penilaian kinerja seluruh ASN tepat waktu")
        ),
    )
    .await;
    assert!(!to.contains(REFUSED), "{to}");
    let (_, page) = get(&app, &format!("/skp/{}", plan.id), &employee).await;
    assert!(page.contains("Terlaksananya penilaian kinerja seluruh ASN tepat waktu"));
    assert!(
        page.contains("telah diubah sejak Anda menautkannya"),
        "change flagged"
    );

    // The cascade view of the unit lists the subordinate's result under the leader's.
    let head = login(&app, HEAD_NIP, DEMO_PASSWORD).await;
    let unit = pegawai::Entity::find_by_id(employee_id(&t, SUPERVISOR_NIP).await)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
        .unit_id;
    let (status, cascade) = get(&app, &format!("/matriks?unit={unit}"), &head).await;
    assert_eq!(status, StatusCode::OK);
    assert!(cascade.contains("Terverifikasinya usulan penilaian kinerja ke-0"));
    // A plain employee has no cascade view.
    assert_eq!(
        get(&app, "/matriks", &employee).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        skp_hasil::Entity::find()
            .filter(skp_hasil::Column::ParentId.eq(leader[0].id))
            .count(&t.db)
            .await
            .unwrap(),
        1
    );
}

async fn text_fields_hold_markup_as_text(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let employee = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let leader = results_of(&t, SUPERVISOR_NIP).await;
    post(&app, &employee, "/api/skp/create", "approach=kuantitatif").await;
    let plan = plan_of(&t, EMPLOYEE_NIP).await.expect("plan created");
    let markup = encode(common::MARKUP);

    // Stored, then shown in the list and in the row's edit form.
    let (_, to) = post(
        &app,
        &employee,
        "/api/skp/result/save",
        &format!(
            "skp_id={}&version={}&group=utama&text={markup}&parent_id={}",
            plan.id, plan.version, leader[0].id
        ),
    )
    .await;
    assert!(!to.contains(REFUSED), "saved: {to}");
    let (_, page) = get(&app, &format!("/skp/{}", plan.id), &employee).await;
    common::assert_shown_as_text(&page, "a stored result");

    // Refused, and sent back in the address with what was typed: still text.
    let result = skp_hasil::Entity::find()
        .filter(skp_hasil::Column::SkpId.eq(plan.id))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let version = reload(&t, plan.id).await.version;
    let (_, headers) = post_form_from(
        &app,
        &format!("/skp/{}", plan.id),
        "/api/skp/indicator/save",
        &employee,
        &format!(
            "skp_id={}&version={version}&result_id={}&aspect=kuantitas&text={markup}\
             &target_min=banyak&target_max=&target_unit={markup}",
            plan.id, result.id
        ),
    )
    .await;
    let to = location(&headers);
    assert!(to.contains(REFUSED), "refused: {to}");
    let (status, page) = get(&app, &to, &employee).await;
    assert_eq!(status, StatusCode::OK);
    common::assert_shown_as_text(&page, "a refused indicator");
    assert!(
        page.contains("value=\"&lt;/textarea&gt;&lt;img"),
        "the unit (an input) holds it too"
    );
}

/// Control characters are refused with a message, and a plan stops growing at its limit.
async fn texts_are_clean_and_plans_bounded(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let employee = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    post(&app, &employee, "/api/skp/create", "approach=kuantitatif").await;
    let plan = plan_of(&t, EMPLOYEE_NIP).await.expect("plan created");
    let here = format!("/skp/{}", plan.id);
    let save_from_plan = |body: String| {
        let here = here.clone();
        let app = app.clone();
        let employee = employee.clone();
        async move {
            let (_, headers) =
                post_form_from(&app, &here, "/api/skp/result/save", &employee, &body).await;
            location(&headers)
        }
    };
    let save = |text: String, version: i32| {
        format!(
            "skp_id={}&version={version}&group=tambahan&text={}&parent_id=",
            plan.id,
            encode(&text)
        )
    };

    let to = save_from_plan(save("Laporan\u{0}bulanan\u{1b}[2J".into(), plan.version)).await;
    assert!(to.contains(REFUSED), "refused: {to}");
    let (_, page) = get(&app, &to, &employee).await;
    assert!(page.contains("karakter kendali"), "{page}");
    let count = || async {
        skp_hasil::Entity::find()
            .filter(skp_hasil::Column::SkpId.eq(plan.id))
            .count(&t.db)
            .await
            .unwrap()
    };
    assert_eq!(count().await, 0, "nothing stored");

    let max = app::domain::skp::MAX_RESULTS;
    for i in 0..max {
        let version = reload(&t, plan.id).await.version;
        let (_, to) = post(
            &app,
            &employee,
            "/api/skp/result/save",
            &save(format!("Hasil kerja tambahan ke-{i}"), version),
        )
        .await;
        assert!(!to.contains(REFUSED), "row {i} saved: {to}");
    }
    let version = reload(&t, plan.id).await.version;
    let to = save_from_plan(save("Satu lagi".into(), version)).await;
    assert!(to.contains(REFUSED), "refused past the limit: {to}");
    let (_, page) = get(&app, &to, &employee).await;
    assert!(
        page.contains("paling banyak 30 rencana hasil kerja"),
        "{page}"
    );
    assert!(page.contains("Satu lagi"), "what was typed is kept");
    assert_eq!(count().await, max as u64);
}

/// A JPT plan is quantitative: the start form offers nothing else and the server refuses the
/// qualitative approach even when posted by hand.
async fn jpt_plans_are_quantitative(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    // The Kepala Badan's demo plan is set aside so that they start a new one.
    let mut existing: skp::ActiveModel = plan_of(&t, HEAD_NIP).await.unwrap().into();
    existing.state = Set(app::domain::skp::SkpState::Cancelled);
    existing.update(&t.db).await.unwrap();
    let head = login(&app, HEAD_NIP, DEMO_PASSWORD).await;
    let (_, page) = get(&app, "/skp", &head).await;
    assert!(page.contains(r#"value="kuantitatif""#));
    assert!(
        !page.contains(r#"value="kualitatif""#),
        "not offered to JPT"
    );
    assert!(page.contains("pendekatan kualitatif hanya untuk jabatan administrasi dan fungsional"));

    let (_, to) = post(&app, &head, "/api/skp/create", "approach=kualitatif").await;
    assert!(to.contains(REFUSED), "{to}");
    let (_, page) = get(&app, &to.replace("http://kinerja.test", ""), &head).await;
    assert!(page.contains("SKP Jabatan Pimpinan Tinggi disusun dengan pendekatan kuantitatif."));
    assert_eq!(
        plan_of(&t, HEAD_NIP).await.unwrap().state.as_str(),
        "cancelled",
        "nothing created"
    );
    let (_, to) = post(&app, &head, "/api/skp/create", "approach=kuantitatif").await;
    let plan = plan_of(&t, HEAD_NIP).await.unwrap();
    assert_eq!(to, format!("/skp/{}", plan.id));
    assert_eq!(
        (plan.form.as_str(), plan.approach.as_str()),
        ("jpt", "kuantitatif")
    );

    // Staff still choose either.
    let employee = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let (_, page) = get(&app, "/skp", &employee).await;
    assert!(page.contains(r#"value="kualitatif""#));
}

/// After the planning deadline the appraiser's list flags everyone whose plan is not
/// established yet; on the deadline day nobody is flagged.
async fn the_review_list_flags_plans_past_the_deadline(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let plan = plan_of(&t, SUPERVISOR_NIP).await.unwrap();
    let set_deadline = |day: chrono::NaiveDate| {
        let db = t.db.clone();
        async move {
            let period = periode::Entity::find_by_id(plan.periode_id)
                .one(&db)
                .await
                .unwrap()
                .unwrap();
            let mut period: periode::ActiveModel = period.into();
            period.planning_deadline = Set(day);
            period.update(&db).await.unwrap();
        }
    };
    let today = (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive();
    let rudi = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    set_deadline(today).await;
    let (_, list) = get(&app, "/bawahan", &rudi).await;
    assert!(list.contains("Putri Ayu Lestari"));
    assert!(
        !list.contains(r#"data-testid="overdue""#),
        "not before the day is over"
    );
    set_deadline(today.pred_opt().unwrap()).await;
    let (_, list) = get(&app, "/bawahan", &rudi).await;
    // Putri, Anisa and Bayu have not started; the generated staff of the unit neither.
    let flagged = list.matches(r#"data-testid="overdue""#).count();
    let team = pegawai::Entity::find()
        .filter(pegawai::Column::PenilaiId.eq(employee_id(&t, SUPERVISOR_NIP).await))
        .count(&t.db)
        .await
        .unwrap();
    assert_eq!(flagged as u64, team, "everyone without an established plan");
    assert!(list.contains("Lewat batas penetapan"));
}

on_both_engines!(
    the_review_list_flags_plans_past_the_deadline,
    jpt_plans_are_quantitative,
    texts_are_clean_and_plans_bounded,
    workflow_submit_return_approve,
    incomplete_and_stale_submissions_are_refused,
    only_owner_drafts_and_only_appraiser_decides,
    cascade_links_never_dangle,
    text_fields_hold_markup_as_text,
);
