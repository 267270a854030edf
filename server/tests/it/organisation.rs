//! The organisation as it really is, through the real router on both engines: heads of agencies
//! appraised by the Sekda, who does not use the application (an admin records the decision on
//! the Sekda's behalf, audited, and the documents print the Sekda and the Bupati), and the head
//! of a *unit kerja mandiri* (the puskesmas) writing the JPT form.

use crate::common;
use crate::common::employee;
use app::db::entities::{audit_log, notifikasi, pejabat_luar, skp, unit_kerja, user_account};
use app::domain::skp::{SkpForm, SkpState};
use common::TestDb;
use common::web::{REFUSED, app, encode, get, location, login, post_form_from};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use server::demo::{
    ADMIN_NIP, DEMO_PASSWORD, HEAD_NIP, PUSKESMAS_HEAD_NIP, SEKDA_NIP, SUPERVISOR_NIP,
};

/// The head of the health office, a JPT pratama appraised by the Sekda, without a demo plan.
const HEALTH_HEAD_NIP: &str = "197409152003122003";
/// The head of the kecamatan's public-service section, a pengawas in an ordinary unit.
const SECTION_HEAD_NIP: &str = "198902142014022003";

async fn plan_of(t: &TestDb, nip: &str) -> Option<skp::Model> {
    let id = employee(t, nip).await.id;
    skp::Entity::find()
        .filter(skp::Column::PegawaiId.eq(id))
        .order_by_desc(skp::Column::Id)
        .one(&t.db)
        .await
        .unwrap()
}

/// Posts a form from `from`; the address the browser is sent to.
async fn post(app: &axum::Router, cookie: &str, from: &str, uri: &str, body: &str) -> String {
    let (status, headers) = post_form_from(app, from, uri, cookie, body).await;
    assert!(status.is_redirection(), "{uri}: {status}");
    location(&headers)
}

async fn audits(t: &TestDb, action: &str) -> Vec<audit_log::Model> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .all(&t.db)
        .await
        .unwrap()
}

async fn unread_links(t: &TestDb, nip: &str) -> Vec<String> {
    let id = employee(t, nip).await.id;
    let account = user_account::Entity::find()
        .filter(user_account::Column::PegawaiId.eq(id))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    notifikasi::Entity::find()
        .filter(notifikasi::Column::UserId.eq(account.id))
        .all(&t.db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| format!("{}:{}", n.kind.as_str(), n.link))
        .collect()
}

/// Starts the plan of the signed-in head and adds one result (with a perspective) and one
/// indicator: enough to submit a JPT plan.
async fn draft_jpt_plan(app: &axum::Router, t: &TestDb, cookie: &str, nip: &str) -> skp::Model {
    let to = post(
        app,
        cookie,
        "/skp",
        "/api/skp/create",
        "approach=kuantitatif",
    )
    .await;
    let plan = plan_of(t, nip).await.expect("plan created");
    assert_eq!(to, format!("/skp/{}", plan.id));
    assert_eq!(plan.form, SkpForm::Jpt);
    let from = format!("/skp/{}", plan.id);
    let to = post(
        app,
        cookie,
        &from,
        "/api/skp/result/save",
        &format!(
            "skp_id={}&version={}&group=utama&text={}&perspective=penerima_layanan",
            plan.id,
            plan.version,
            encode("Meningkatnya cakupan pelayanan kesehatan dasar")
        ),
    )
    .await;
    assert!(!to.contains(REFUSED), "result saved: {to}");
    let result = app::db::skp::load(&t.db, plan.id).await.unwrap().results[0]
        .0
        .clone();
    let version = plan_of(t, nip).await.unwrap().version;
    let to = post(
        app,
        cookie,
        &from,
        "/api/skp/indicator/save",
        &format!(
            "skp_id={}&version={version}&result_id={}&aspect=kuantitas&text={}&target_min=90&target_max=&target_unit=persen",
            plan.id,
            result.id,
            encode("Persentase desa dengan layanan posyandu aktif")
        ),
    )
    .await;
    assert!(!to.contains(REFUSED), "indicator saved: {to}");
    plan_of(t, nip).await.unwrap()
}

async fn transition(app: &axum::Router, cookie: &str, plan: &skp::Model, event: &str) -> String {
    post(
        app,
        cookie,
        &format!("/skp/{}", plan.id),
        "/api/skp/transition",
        &format!(
            "skp_id={}&version={}&event={event}&note=",
            plan.id, plan.version
        ),
    )
    .await
}

async fn an_admin_establishes_a_plan_for_the_sekda(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let sekda = pejabat_luar::Entity::find()
        .filter(pejabat_luar::Column::Nip.eq(SEKDA_NIP))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let head = employee(&t, HEALTH_HEAD_NIP).await;
    assert_eq!(head.penilai_luar_id, Some(sekda.id));
    assert_eq!((head.penilai_id, head.atasan_penilai_id), (None, None));

    // The head drafts and submits; the Sekda cannot receive it, the agency admin does.
    let me = login(&app, HEALTH_HEAD_NIP, DEMO_PASSWORD).await;
    let (_, page) = get(&app, "/skp", &me).await;
    assert!(page.contains(&sekda.name), "the appraiser is named: {page}");
    let plan = draft_jpt_plan(&app, &t, &me, HEALTH_HEAD_NIP).await;
    let to = transition(&app, &me, &plan, "submit").await;
    assert!(!to.contains(REFUSED), "submitted: {to}");
    let plan = plan_of(&t, HEALTH_HEAD_NIP).await.unwrap();
    assert_eq!(plan.state, SkpState::Submitted);
    assert_eq!(plan.penilai_luar_id, Some(sekda.id));
    assert!(
        unread_links(&t, ADMIN_NIP)
            .await
            .contains(&format!("skp_submitted:/skp/{}", plan.id)),
        "the admin is told"
    );

    // Nobody else may decide: not a supervisor elsewhere, not the head herself.
    let supervisor = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    for cookie in [&supervisor, &me] {
        let (status, _) = post_form_from(
            &app,
            &format!("/skp/{}", plan.id),
            "/api/skp/transition",
            cookie,
            &format!(
                "skp_id={}&version={}&event=approve&note=",
                plan.id, plan.version
            ),
        )
        .await;
        assert!(status.is_redirection() || status.is_client_error());
        assert_eq!(
            plan_of(&t, HEALTH_HEAD_NIP).await.unwrap().state,
            SkpState::Submitted
        );
    }

    // The admin finds it on the review list, on behalf of the Sekda, and establishes it.
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let (_, list) = get(&app, "/bawahan", &admin).await;
    assert!(
        list.contains(&format!(r#"href="/skp/{}""#, plan.id)),
        "listed"
    );
    assert!(list.contains(&format!("Atas nama {}", sekda.name)));
    // The Camat, also appraised by the Sekda, has not started: listed without a link.
    assert!(
        list.contains("Dedi Kurniawan, S.STP., M.Si."),
        "not started yet"
    );
    let (_, page) = get(&app, &format!("/skp/{}", plan.id), &admin).await;
    assert!(
        page.contains(r#"data-testid="acting-for""#),
        "the admin is told whom they act for"
    );
    let to = transition(&app, &admin, &plan, "approve").await;
    assert!(!to.contains(REFUSED), "established: {to}");
    let plan = plan_of(&t, HEALTH_HEAD_NIP).await.unwrap();
    assert_eq!(plan.state, SkpState::Approved);
    let approved = audits(&t, "skp_approve").await;
    let entry = approved
        .iter()
        .find(|a| a.object_id.as_deref() == Some(&plan.id.to_string()))
        .expect("audited");
    let after: serde_json::Value = serde_json::from_str(entry.after.as_deref().unwrap()).unwrap();
    assert_eq!(after["on_behalf_of"], sekda.name.as_str());
    assert!(
        unread_links(&t, HEALTH_HEAD_NIP)
            .await
            .contains(&format!("skp_approved:/skp/{}", plan.id))
    );

    // The printed document names the Sekda as appraiser; the plan's page also names the Bupati
    // above them (the planning form has no place for the appraiser's superior).
    let (_, print) = get(&app, &format!("/skp/{}/cetak", plan.id), &me).await;
    for printed in [
        sekda.name.as_str(),
        SEKDA_NIP,
        "Sekretaris Daerah Kabupaten Sukamakmur",
    ] {
        assert!(print.contains(printed), "printed: {printed}");
    }
    let (_, shown) = get(&app, &format!("/skp/{}", plan.id), &me).await;
    assert!(shown.contains("Bupati Sukamakmur"), "{shown}");

    // The demo's Kepala Badan was established the same way.
    let badan = plan_of(&t, HEAD_NIP).await.unwrap();
    assert_eq!(
        (badan.state, badan.penilai_luar_id),
        (SkpState::Approved, Some(sekda.id))
    );
}

async fn the_head_of_an_independent_unit_writes_the_jpt_form(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    // The puskesmas is a unit kerja mandiri: its pengawas head writes the JPT form.
    let head = login(&app, PUSKESMAS_HEAD_NIP, DEMO_PASSWORD).await;
    let plan = draft_jpt_plan(&app, &t, &head, PUSKESMAS_HEAD_NIP).await;
    // Appraised by the Kepala Dinas; above her, the Sekda who appraises the Kepala Dinas.
    let header = app::db::skp::parse_header(&plan).unwrap();
    assert_eq!(header.appraiser.unwrap().nip, HEALTH_HEAD_NIP);
    let above = header
        .appraiser_superior
        .expect("the Sekda above the Kepala Dinas");
    assert_eq!((above.nip.as_str(), above.id), (SEKDA_NIP, None));

    // A pengawas heading an ordinary unit writes JA/JF, until the admin marks the unit.
    let section = login(&app, SECTION_HEAD_NIP, DEMO_PASSWORD).await;
    post(
        &app,
        &section,
        "/skp",
        "/api/skp/create",
        "approach=kuantitatif",
    )
    .await;
    let first = plan_of(&t, SECTION_HEAD_NIP).await.unwrap();
    assert_eq!(first.form, SkpForm::JaJf);
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let unit = unit_kerja::Entity::find()
        .filter(unit_kerja::Column::Code.eq("KEC-PU"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let from = format!("/admin/unit/{}", unit.id);
    let to = post(
        &app,
        &admin,
        &from,
        "/api/admin/unit/independent",
        &format!("id={}&version={}&independent=on", unit.id, unit.version),
    )
    .await;
    assert_eq!(to, format!("{from}?disimpan=1"));
    assert_eq!(audits(&t, "unit_independence_set").await.len(), 1);
    let (_, tree) = get(&app, "/admin/unit", &admin).await;
    assert!(tree.contains(">mandiri<"), "marked in the tree");
    // The plan already started keeps its form; the unit's flag decides the next one.
    assert_eq!(
        app::db::skp::form_for(&t.db, employee(&t, SECTION_HEAD_NIP).await.jabatan_id)
            .await
            .unwrap(),
        SkpForm::Jpt
    );
    assert_eq!(
        plan_of(&t, SECTION_HEAD_NIP).await.unwrap().form,
        SkpForm::JaJf
    );
    // Unticked, the box is absent from the post: the unit is ordinary again.
    let unit = unit_kerja::Entity::find_by_id(unit.id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert!(unit.independent);
    post(
        &app,
        &admin,
        &from,
        "/api/admin/unit/independent",
        &format!("id={}&version={}", unit.id, unit.version),
    )
    .await;
    let unit = unit_kerja::Entity::find_by_id(unit.id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert!(!unit.independent);
    // Only admins over the unit change it.
    let (status, _) = post_form_from(
        &app,
        &from,
        "/api/admin/unit/independent",
        &section,
        &format!("id={}&version={}&independent=on", unit.id, unit.version),
    )
    .await;
    assert!(status.is_redirection() || status.is_client_error());
    assert!(
        !unit_kerja::Entity::find_by_id(unit.id)
            .one(&t.db)
            .await
            .unwrap()
            .unwrap()
            .independent
    );
}

async fn officials_are_recorded_with_their_checks(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let (_, page) = get(&app, "/admin/instansi", &admin).await;
    assert!(page.contains(r#"data-testid="officials""#));
    assert!(page.contains("Bupati Sukamakmur") && page.contains(SEKDA_NIP));
    let bupati = pejabat_luar::Entity::find()
        .filter(pejabat_luar::Column::Position.eq("Bupati Sukamakmur"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let sekda = pejabat_luar::Entity::find()
        .filter(pejabat_luar::Column::Nip.eq(SEKDA_NIP))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let form = |id: &str, version: &str, name: &str, nip: &str, superior: &str| {
        format!(
            "id={id}&version={version}&name={}&nip={nip}&position={}&rank_grade=&superior_id={superior}",
            encode(name),
            encode("Wakil Bupati Sukamakmur")
        )
    };
    let refused = |body: String| {
        let app = app.clone();
        let admin = admin.clone();
        async move {
            let to = post(
                &app,
                &admin,
                "/admin/instansi",
                "/api/admin/official/save",
                &body,
            )
            .await;
            assert!(to.contains(REFUSED), "{to}");
            get(&app, &to.replace("http://kinerja.test", ""), &admin)
                .await
                .1
        }
    };
    let before = pejabat_luar::Entity::find().count(&t.db).await.unwrap();
    // A NIP that is not one, an employee's NIP, and the Bupati reporting to the Sekda (a loop).
    let page = refused(form("", "", "H. Wahyu", "1970", "")).await;
    assert!(page.contains("NIP harus tepat 18 digit."), "{page}");
    assert!(page.contains(r#"value="H. Wahyu""#), "typed name kept");
    let page = refused(form("", "", "H. Wahyu", ADMIN_NIP, "")).await;
    assert!(page.contains("NIP ini milik pegawai instansi"));
    let page = refused(form(
        &bupati.id.to_string(),
        &bupati.version.to_string(),
        &bupati.name,
        "",
        &sekda.id.to_string(),
    ))
    .await;
    assert!(page.contains("tidak dapat menjadi atasan dirinya sendiri"));
    assert_eq!(
        pejabat_luar::Entity::find().count(&t.db).await.unwrap(),
        before
    );

    // A valid one is added under the Bupati and audited.
    let to = post(
        &app,
        &admin,
        "/admin/instansi",
        "/api/admin/official/save",
        &form("", "", "H. Wahyu Pratama, S.E.", "", &bupati.id.to_string()),
    )
    .await;
    assert_eq!(to, "/admin/instansi?disimpan=1#pejabat-luar");
    let added = pejabat_luar::Entity::find()
        .filter(pejabat_luar::Column::Name.eq("H. Wahyu Pratama, S.E."))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((added.nip, added.atasan_id), (None, Some(bupati.id)));
    assert_eq!(audits(&t, "external_official_created").await.len(), 1);

    // Naming the Sekda's NIP as appraiser on a record points it outside the application.
    let (_, editor) = get(
        &app,
        &format!("/admin/pegawai/{}", employee(&t, HEAD_NIP).await.id),
        &admin,
    )
    .await;
    assert!(
        editor.contains(&format!(r#"value="{SEKDA_NIP}""#)),
        "the record shows the Sekda's NIP"
    );
    assert!(editor.contains("Sekretaris Daerah Kabupaten Sukamakmur"));
    // A unit head (not an admin) may not open the list.
    let head = login(&app, HEAD_NIP, DEMO_PASSWORD).await;
    let (status, _) = get(&app, "/admin/instansi", &head).await;
    assert_eq!(status.as_u16(), 403);
}

on_both_engines!(
    an_admin_establishes_a_plan_for_the_sekda,
    the_head_of_an_independent_unit_writes_the_jpt_form,
    officials_are_recorded_with_their_checks
);
