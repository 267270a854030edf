//! 360° feedback through the real router, on both engines: an admin sets up a cycle over a unit
//! and opens it; raters find their forms on the desk and answer; an answer leaves no trace of its
//! rater in the schema, the stored rows or the audit log; nobody answers twice or for someone
//! else; a closed cycle takes no answer.

use crate::common;
use crate::common::{employee, notification_kinds};
use app::db::entities::{
    audit_log, jawaban_360, komentar_360, pegawai, penugasan_360, siklus_360, siklus_360_peserta,
    unit_kerja,
};
use app::domain::feedback360::{AssignmentState, CycleState, RaterGroup};
use axum::Router;
use common::TestDb;
use common::web::{REFUSED, app_on, demo_day, get, location, login, post_form_from};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, PaginatorTrait,
    QueryFilter, Set, Statement,
};
use server::demo::{ADMIN_NIP, DEMO_PASSWORD, EMPLOYEE_NIP, PPPK_EMPLOYEE_NIP, SUPERVISOR_NIP};

/// The columns of `table`, in order, as the database reports them.
async fn columns(t: &TestDb, table: &str) -> Vec<String> {
    let sql = match t.backend() {
        DbBackend::Sqlite => format!("SELECT name FROM pragma_table_info('{table}') ORDER BY cid"),
        _ => format!(
            "SELECT column_name AS name FROM information_schema.columns \
             WHERE table_name = '{table}' ORDER BY ordinal_position"
        ),
    };
    t.db.query_all_raw(Statement::from_string(t.backend(), sql))
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.try_get::<String>("", "name").unwrap())
        .collect()
}

/// The tables `table`'s foreign keys point at.
async fn references(t: &TestDb, table: &str) -> Vec<String> {
    let sql = match t.backend() {
        DbBackend::Sqlite => {
            format!("SELECT \"table\" AS name FROM pragma_foreign_key_list('{table}')")
        }
        _ => format!(
            "SELECT ccu.table_name AS name FROM information_schema.table_constraints tc \
             JOIN information_schema.constraint_column_usage ccu \
               ON tc.constraint_name = ccu.constraint_name \
             WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name = '{table}'"
        ),
    };
    let mut names: Vec<String> =
        t.db.query_all_raw(Statement::from_string(t.backend(), sql))
            .await
            .unwrap()
            .into_iter()
            .map(|row| row.try_get::<String>("", "name").unwrap())
            .collect();
    names.sort();
    names.dedup();
    names
}

/// Every answer of the form: statements 1–21 at `score`, a comment on the first value.
fn answers(id: impl std::fmt::Display, score: u8) -> String {
    let mut body = format!("id={id}");
    for n in 1..=21 {
        body.push_str(&format!("&scores%5B{n}%5D={score}"));
    }
    body.push_str("&comments%5B1%5D=Selalu+sigap+membantu");
    body
}

/// The year of the demo's calendar (`demo_day`): this year.
fn year() -> i32 {
    use chrono::Datelike;
    demo_day(8, 20)
        .today_in(app::domain::agency::AgencyTimeZone::Wib)
        .year()
}

/// The first peer's form of `cycle`.
pub(crate) async fn first_peer_assignment(
    db: &sea_orm::DatabaseConnection,
    cycle: app::domain::ids::CycleId,
) -> penugasan_360::Model {
    penugasan_360::Entity::find()
        .filter(penugasan_360::Column::CycleId.eq(cycle))
        .filter(penugasan_360::Column::RaterGroup.eq(RaterGroup::Peer))
        .one(db)
        .await
        .unwrap()
        .expect("the cycle has a peer's form")
}

async fn cycle_for(app: &Router, admin: &str, t: &TestDb) -> siklus_360::Model {
    cycle_asking(
        app,
        admin,
        t,
        "superior=on&oneself=on&peer=on&subordinate=on",
    )
    .await
}

/// A cycle over the MP-PPK unit asking the rater groups of `groups` (checkbox fields).
async fn cycle_asking(app: &Router, admin: &str, t: &TestDb, groups: &str) -> siklus_360::Model {
    cycle_with(app, admin, t, &format!("min_peers=0&max_peers=6&{groups}")).await
}

/// A cycle over the MP-PPK unit, from 20 August for two weeks, with `settings` (the peer range
/// and the groups as form fields).
async fn cycle_with(app: &Router, admin: &str, t: &TestDb, settings: &str) -> siklus_360::Model {
    cycle_over(app, admin, t, "MP-PPK", settings).await
}

/// A cycle over the unit with code `unit`, from 20 August for two weeks, with `settings`.
async fn cycle_over(
    app: &Router,
    admin: &str,
    t: &TestDb,
    unit: &str,
    settings: &str,
) -> siklus_360::Model {
    let unit = unit_kerja::Entity::find()
        .filter(unit_kerja::Column::Code.eq(unit))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let body = format!(
        "title=360+Semester+II&unit_id={}&opens_on=20-08-{year}&closes_on=03-09-{year}\
         &min_answers=3&{settings}",
        unit.id,
        year = year()
    );
    let (status, headers) =
        post_form_from(app, "/admin/360", "/api/admin/360/create", admin, &body).await;
    assert!(status.is_redirection(), "{status}");
    let to = location(&headers);
    assert!(to.starts_with("/admin/360/"), "{to}");
    let cycle = siklus_360::Entity::find()
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(to, format!("/admin/360/{}?disimpan=1", cycle.id));
    assert_eq!(cycle.state, CycleState::Draft);
    cycle
}

async fn answers_are_anonymous_single_and_only_while_open(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app_on(&t, demo_day(8, 20));
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let cycle = cycle_for(&app, &admin, &t).await;
    let putri = employee(&t, EMPLOYEE_NIP).await;
    let anisa = employee(&t, PPPK_EMPLOYEE_NIP).await;
    let rudi = employee(&t, SUPERVISOR_NIP).await;

    // Proposed from the organisation: Putri rates herself, her superior Rudi rates her, and her
    // colleagues under Rudi are proposed as peers.
    let all = penugasan_360::Entity::find()
        .filter(penugasan_360::Column::CycleId.eq(cycle.id))
        .all(&t.db)
        .await
        .unwrap();
    let of = |ratee, rater, group| {
        all.iter()
            .find(|a| a.ratee_id == ratee && a.rater_id == rater && a.rater_group == group)
            .cloned()
    };
    let own = of(putri.id, putri.id, RaterGroup::Oneself).expect("her own form");
    assert_eq!(own.state, AssignmentState::Invited);
    assert!(of(putri.id, rudi.id, RaterGroup::Superior).is_some());
    let peer = of(anisa.id, putri.id, RaterGroup::Peer).expect("Putri rates Anisa");
    assert_eq!(peer.state, AssignmentState::Proposed);
    assert!(of(rudi.id, putri.id, RaterGroup::Subordinate).is_some());
    assert!(
        all.iter()
            .all(|a| a.rater_id != a.ratee_id || a.rater_group == RaterGroup::Oneself)
    );

    // Nothing is on anyone's desk until the cycle opens.
    let putri_cookie = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let (_, desk) = get(&app, "/", &putri_cookie).await;
    assert!(!desk.contains(&format!("/360/isi/{}", peer.id)));
    let (status, _) = post_form_from(
        &app,
        "/admin/360",
        "/api/admin/360/event",
        &admin,
        &format!("id={}&version={}&event=open", cycle.id, cycle.version),
    )
    .await;
    assert!(status.is_redirection());
    let (_, page) = get(&app, &format!("/admin/360/{}", cycle.id), &admin).await;
    assert!(page.contains("data-testid=\"cycle-state\""));

    // Open: Putri's desk lists her forms with the last day, and so does /360.
    let (_, desk) = get(&app, "/", &putri_cookie).await;
    assert!(
        desk.contains(&format!("/360/isi/{}", peer.id)),
        "peer form on the desk"
    );
    assert!(
        desk.contains(&format!("/360/isi/{}", own.id)),
        "own form on the desk"
    );
    assert!(
        desk.contains(&format!("3 September {}", year())),
        "with its deadline"
    );
    let (status, page) = get(&app, &format!("/360/isi/{}", peer.id), &putri_cookie).await;
    assert_eq!(status, 200);
    assert!(page.contains("name=\"scores[21]\"") && page.contains("value=\"na\""));

    // An incomplete answer is refused with every gap named, and nothing is stored.
    let body = answers(peer.id, 4).replace("&scores%5B7%5D=4", "");
    let form = format!("/360/isi/{}", peer.id);
    let (status, headers) =
        post_form_from(&app, &form, "/api/360/answer", &putri_cookie, &body).await;
    assert!(status.is_redirection());
    let back = location(&headers);
    assert!(back.contains(REFUSED), "{back}");
    let (_, page) = get(&app, &back, &putri_cookie).await;
    assert!(
        page.contains("href=\"#s7-1\""),
        "the gap is listed and linked"
    );
    assert!(
        !page.contains("href=\"#s8-1\""),
        "an answered statement is not"
    );
    assert!(
        page.contains("Selalu sigap membantu"),
        "the comment is kept"
    );
    assert_eq!(jawaban_360::Entity::find().count(&t.db).await.unwrap(), 0);

    // The answer: no audit line, and the assignment only says "submitted".
    let audit_before = audit_log::Entity::find().count(&t.db).await.unwrap();
    let (status, headers) = post_form_from(
        &app,
        &format!("/360/isi/{}", peer.id),
        "/api/360/answer",
        &putri_cookie,
        &answers(peer.id, 4),
    )
    .await;
    assert!(status.is_redirection());
    assert_eq!(location(&headers), "/360?terkirim=1");
    assert_eq!(
        audit_log::Entity::find().count(&t.db).await.unwrap(),
        audit_before
    );
    let done = penugasan_360::Entity::find_by_id(peer.id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(done.state, AssignmentState::Submitted);

    // Anonymity by construction: the answer tables hold no column that could point at a rater,
    // an assignment, a device or a moment finer than the day...
    assert_eq!(
        columns(&t, "jawaban_360").await,
        [
            "id",
            "cycle_id",
            "ratee_id",
            "unit_id",
            "rater_group",
            "submitted_on",
            "scores"
        ]
    );
    assert_eq!(
        columns(&t, "komentar_360").await,
        [
            "id",
            "cycle_id",
            "ratee_id",
            "unit_id",
            "rater_group",
            "core_value",
            "text",
            "hidden"
        ]
    );
    assert_eq!(
        references(&t, "jawaban_360").await,
        ["pegawai", "siklus_360", "unit_kerja"]
    );
    assert_eq!(
        references(&t, "komentar_360").await,
        ["pegawai", "siklus_360", "unit_kerja"]
    );
    // ... the assignment no moment at all ...
    assert_eq!(
        columns(&t, "penugasan_360").await,
        [
            "id",
            "cycle_id",
            "ratee_id",
            "rater_id",
            "rater_group",
            "state",
            "reminded_on"
        ]
    );
    // ... and the stored rows name the person rated and the day, never the rater.
    let stored = jawaban_360::Entity::find().all(&t.db).await.unwrap();
    assert_eq!(stored.len(), 1);
    let row = &stored[0];
    assert_eq!(row.ratee_id, Some(anisa.id));
    assert_eq!(row.rater_group, RaterGroup::Peer);
    assert_eq!(row.submitted_on.to_string(), format!("{}-08-20", year()));
    assert!(row.id.len() == 32 && row.id.chars().all(|c| c.is_ascii_hexdigit()));
    assert!(!row.scores.contains(&format!("\"{}\"", putri.id)));
    let comments = komentar_360::Entity::find().all(&t.db).await.unwrap();
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].text, "Selalu sigap membantu");
    assert_eq!(comments[0].ratee_id, Some(anisa.id));
    assert_ne!(comments[0].id, row.id, "scores and comments share no key");

    // Twice: refused, still one answer.
    let (status, headers) = post_form_from(
        &app,
        &format!("/360/isi/{}", peer.id),
        "/api/360/answer",
        &putri_cookie,
        &answers(peer.id, 1),
    )
    .await;
    assert!(status.is_redirection());
    assert!(location(&headers).contains(REFUSED));
    assert_eq!(jawaban_360::Entity::find().count(&t.db).await.unwrap(), 1);

    // Someone else's form: Putri cannot answer Rudi's assignment about her.
    let rudis = of(putri.id, rudi.id, RaterGroup::Superior).unwrap();
    let (status, headers) = post_form_from(
        &app,
        "/360",
        "/api/360/answer",
        &putri_cookie,
        &answers(rudis.id, 5),
    )
    .await;
    assert!(
        status == 403 || (status.is_redirection() && location(&headers).contains(REFUSED)),
        "{status}"
    );
    assert_eq!(jawaban_360::Entity::find().count(&t.db).await.unwrap(), 1);
    let (status, _) = get(&app, &format!("/360/isi/{}", rudis.id), &putri_cookie).await;
    assert_eq!(status, 403);

    // Closed: unanswered forms expire, and an answer is refused.
    let cycle = siklus_360::Entity::find_by_id(cycle.id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let (status, _) = post_form_from(
        &app,
        "/admin/360",
        "/api/admin/360/event",
        &admin,
        &format!("id={}&version={}&event=close", cycle.id, cycle.version),
    )
    .await;
    assert!(status.is_redirection());
    let own_now = penugasan_360::Entity::find_by_id(own.id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(own_now.state, AssignmentState::Expired);
    let (status, headers) = post_form_from(
        &app,
        &format!("/360/isi/{}", own.id),
        "/api/360/answer",
        &putri_cookie,
        &answers(own.id, 5),
    )
    .await;
    assert!(status.is_redirection());
    assert!(location(&headers).contains(REFUSED));
    assert_eq!(jawaban_360::Entity::find().count(&t.db).await.unwrap(), 1);
    let (_, desk) = get(&app, "/", &putri_cookie).await;
    assert!(!desk.contains("/360/isi/"), "nothing left on the desk");
}

on_both_engines!(answers_are_anonymous_single_and_only_while_open);

/// A signed-in session of the employee `id` (every demo employee has an account).
async fn cookie_of(t: &TestDb, id: app::domain::ids::EmployeeId) -> String {
    use app::db::entities::user_account;
    let account = user_account::Entity::find()
        .filter(user_account::Column::PegawaiId.eq(id))
        .one(&t.db)
        .await
        .unwrap()
        .expect("an account");
    common::session_cookie(&t.db, &account.login).await
}

async fn fire(app: &Router, admin: &str, t: &TestDb, id: app::domain::ids::CycleId, event: &str) {
    let cycle = siklus_360::Entity::find_by_id(id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let (status, headers) = post_form_from(
        app,
        "/admin/360",
        "/api/admin/360/event",
        admin,
        &format!("id={id}&version={}&event={event}", cycle.version),
    )
    .await;
    assert!(status.is_redirection(), "{event}: {status}");
    assert!(!location(&headers).contains(REFUSED), "{event} refused");
}

async fn answer(app: &Router, t: &TestDb, a: &penugasan_360::Model, score: u8, comment: &str) {
    let cookie = cookie_of(t, a.rater_id).await;
    let mut body = format!("id={}", a.id);
    for n in 1..=21 {
        body.push_str(&format!("&scores%5B{n}%5D={score}"));
    }
    body.push_str(&format!(
        "&comments%5B2%5D={}",
        common::web::encode(comment)
    ));
    let (status, headers) =
        post_form_from(app, "/360/isi", "/api/360/answer", &cookie, &body).await;
    assert!(status.is_redirection());
    assert_eq!(location(&headers), "/360?terkirim=1");
}

async fn a_report_shows_only_what_the_thresholds_allow(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app_on(&t, demo_day(8, 20));
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let cycle = cycle_for(&app, &admin, &t).await;
    fire(&app, &admin, &t, cycle.id, "open").await;
    let anisa = employee(&t, PPPK_EMPLOYEE_NIP).await;
    let putri = employee(&t, EMPLOYEE_NIP).await;
    let all = penugasan_360::Entity::find()
        .filter(penugasan_360::Column::CycleId.eq(cycle.id))
        .all(&t.db)
        .await
        .unwrap();
    let about = |ratee, group| -> Vec<penugasan_360::Model> {
        all.iter()
            .filter(|a| a.ratee_id == ratee && a.rater_group == group)
            .cloned()
            .collect()
    };
    // Anisa: three colleagues, her superior and herself answer.
    let peers = about(anisa.id, RaterGroup::Peer);
    assert!(peers.len() >= 3, "{} peers", peers.len());
    for (a, score) in peers.iter().take(3).zip([3, 4, 5]) {
        answer(&app, &t, a, score, &format!("Catatan rekan {score}")).await;
    }
    answer(
        &app,
        &t,
        &about(anisa.id, RaterGroup::Superior)[0],
        2,
        "Catatan atasan",
    )
    .await;
    answer(
        &app,
        &t,
        &about(anisa.id, RaterGroup::Oneself)[0],
        5,
        "Catatan diri",
    )
    .await;
    // Putri: two colleagues only.
    for a in about(putri.id, RaterGroup::Peer).iter().take(2) {
        answer(&app, &t, a, 1, "Dua orang saja").await;
    }

    // Nothing is shown before release, to anyone.
    let anisa_cookie = cookie_of(&t, anisa.id).await;
    let report = format!("/360/hasil/{}/{}", cycle.id, anisa.id);
    let (status, _) = get(&app, &report, &anisa_cookie).await;
    assert_eq!(status, 404);
    fire(&app, &admin, &t, cycle.id, "close").await;

    // Closed: the admin reads the comments and hides one before the release.
    let (_, page) = get(&app, &format!("/admin/360/{}", cycle.id), &admin).await;
    assert!(page.contains("Catatan rekan 3"));
    let abusive = komentar_360::Entity::find()
        .filter(komentar_360::Column::Text.eq("Catatan rekan 5"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let (status, _) = post_form_from(
        &app,
        "/admin/360",
        "/api/admin/360/comment",
        &admin,
        &format!("id={}&comment={}&hidden=true", cycle.id, abusive.id),
    )
    .await;
    assert!(status.is_redirection());
    fire(&app, &admin, &t, cycle.id, "release").await;

    // Anisa reads hers: the peers' column (3 answers), her superior's and her own; comments
    // without names, the hidden one gone.
    let (status, page) = get(&app, &report, &anisa_cookie).await;
    assert_eq!(status, 200);
    assert!(
        page.contains("data-testid=\"radar\"") && page.contains("data-testid=\"report-table\"")
    );
    assert!(page.contains("3 jawaban"), "the peers' column");
    assert!(page.contains("4,0"), "the peers' mean of 3, 4, 5");
    assert!(page.contains("2,0"), "the superior's answer");
    assert!(page.contains("Catatan rekan 3") && page.contains("Catatan rekan 4"));
    assert!(!page.contains("Catatan rekan 5"), "hidden by the admin");
    // Her appraiser reads it too; the admin and a colleague do not.
    let appraiser = anisa.penilai_id.expect("Anisa has an appraiser");
    let (status, _) = get(&app, &report, &cookie_of(&t, appraiser).await).await;
    assert_eq!(status, 200);
    let (status, _) = get(&app, &report, &admin).await;
    assert_eq!(status, 403);
    let (status, _) = get(&app, &report, &cookie_of(&t, putri.id).await).await;
    assert_eq!(status, 403);

    // Putri's two colleagues are too few to be shown, or to leave a comment.
    let putri_cookie = cookie_of(&t, putri.id).await;
    let (status, page) = get(
        &app,
        &format!("/360/hasil/{}/{}", cycle.id, putri.id),
        &putri_cookie,
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("data-testid=\"report-empty\""));
    assert!(!page.contains("Dua orang saja"));
    assert!(!page.contains("1,0"));
    // Her /360 page links both reports she may read: her own.
    let (_, page) = get(&app, "/360", &putri_cookie).await;
    assert!(page.contains(&format!("/360/hasil/{}/{}", cycle.id, putri.id)));
}

on_both_engines!(a_report_shows_only_what_the_thresholds_allow);

async fn raters_are_reminded_once_before_the_close(t: TestDb) {
    use app::db::entities::notifikasi;
    use app::domain::notification::NotificationKind;
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app_on(&t, demo_day(8, 20));
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let cycle = cycle_for(&app, &admin, &t).await;
    fire(&app, &admin, &t, cycle.id, "open").await;
    let db = t.db.clone();
    let requested = || {
        let db = db.clone();
        async move {
            notifikasi::Entity::find()
                .filter(notifikasi::Column::Kind.eq(NotificationKind::Feedback360Requested))
                .count(&db)
                .await
                .unwrap()
        }
    };
    // Opening told every rater once.
    let raters: std::collections::BTreeSet<_> = penugasan_360::Entity::find()
        .filter(penugasan_360::Column::CycleId.eq(cycle.id))
        .all(&t.db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.rater_id)
        .collect();
    let at_open = requested().await;
    assert!(raters.len() > 3 && at_open > 3);
    let putri = employee(&t, EMPLOYEE_NIP).await;
    let putris = penugasan_360::Entity::find()
        .filter(penugasan_360::Column::CycleId.eq(cycle.id))
        .filter(penugasan_360::Column::RaterId.eq(putri.id))
        .all(&t.db)
        .await
        .unwrap();
    // She answers all her forms: nothing to remind her of.
    for a in &putris {
        answer(&app, &t, a, 4, "Baik").await;
    }
    let run = |month, day| {
        let db = db.clone();
        async move {
            app::reminders::run(
                &db,
                demo_day(month, day),
                None,
                &app::live::hub::LiveHub::in_process(),
            )
            .await
            .unwrap()
        }
    };
    // Four days before the close: not yet.
    run(8, 30).await;
    assert_eq!(requested().await, at_open);
    // Three days before: one each for everyone told at the opening, except Putri.
    run(8, 31).await;
    let reminded = requested().await - at_open;
    assert_eq!(reminded, at_open - 1);
    // Again the same day, and two days later: nothing more (one in five days at most).
    run(8, 31).await;
    run(9, 2).await;
    assert_eq!(requested().await - at_open, reminded);
    let putri_account = app::db::entities::user_account::Entity::find()
        .filter(app::db::entities::user_account::Column::PegawaiId.eq(putri.id))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let hers = notifikasi::Entity::find()
        .filter(notifikasi::Column::UserId.eq(putri_account.id))
        .filter(notifikasi::Column::Kind.eq(NotificationKind::Feedback360Requested))
        .count(&t.db)
        .await
        .unwrap();
    assert_eq!(hers, 1, "the opening's only");
}

on_both_engines!(raters_are_reminded_once_before_the_close);

/// The public form's answer: statements 22–28 (one per value, for service users) at `score`.
fn public_answers(token: &str, score: u8) -> String {
    let mut body = format!("token={token}");
    for n in 22..=28 {
        body.push_str(&format!("&scores%5B{n}%5D={score}"));
    }
    body.push_str("&comments%5B1%5D=Pelayanannya+cepat");
    body
}

/// A public answer as a phone on `address` sends it, with the device cookie it has, if any.
async fn answer_publicly(
    app: &Router,
    token: &str,
    address: &str,
    device: &str,
    score: u8,
) -> (axum::http::StatusCode, axum::http::HeaderMap) {
    use axum::body::Body;
    use axum::http::header;
    let mut req = common::web::request("POST", "/api/public/360/answer", device)
        .header(
            header::REFERER,
            format!("http://kinerja.test/umpan-balik/{token}"),
        )
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(public_answers(token, score)))
        .unwrap();
    let peer: std::net::SocketAddr = format!("{address}:40000").parse().unwrap();
    req.extensions_mut()
        .insert(axum::extract::ConnectInfo(peer));
    let (status, headers, _) = common::web::send(app, req).await;
    (status, headers)
}

/// The device cookie a response sets, as the browser sends it back.
fn device_cookie(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get_all(axum::http::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("kinerja_perangkat="))
        .map(|c| c.split(';').next().unwrap().to_owned())
}

async fn external_answers(t: &TestDb) -> u64 {
    jawaban_360::Entity::find()
        .filter(jawaban_360::Column::RaterGroup.eq(RaterGroup::External))
        .count(&t.db)
        .await
        .unwrap()
}

async fn service_users_answer_through_a_public_link(t: TestDb) {
    use app::db::entities::{batas_360, perangkat_360, tautan_360};
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app_on(&t, demo_day(8, 20));
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let cycle = cycle_asking(&app, &admin, &t, "peer=on&external=on").await;
    let putri = employee(&t, EMPLOYEE_NIP).await;
    let page = format!("/admin/360/{}", cycle.id);

    // A link for Putri, once; a target outside the cycle is refused.
    let (status, headers) = post_form_from(
        &app,
        &page,
        "/api/admin/360/link",
        &admin,
        &format!("id={}&target=e{}", cycle.id, putri.id),
    )
    .await;
    assert!(status.is_redirection());
    assert_eq!(
        location(&headers),
        format!("/admin/360/{}?disimpan=1#tautan", cycle.id)
    );
    for target in [
        format!("e{}", putri.id),
        "u999999".to_owned(),
        "x1".to_owned(),
    ] {
        let (_, headers) = post_form_from(
            &app,
            &page,
            "/api/admin/360/link",
            &admin,
            &format!("id={}&target={target}", cycle.id),
        )
        .await;
        assert!(location(&headers).contains(REFUSED), "{target}");
    }
    let links = tautan_360::Entity::find().all(&t.db).await.unwrap();
    assert_eq!(links.len(), 1);
    let link = &links[0];
    assert_eq!(link.token.len(), 22);
    assert_eq!(
        (link.ratee_id, link.unit_id),
        (Some(putri.id), None),
        "a link names one target"
    );
    let token = link.token.clone();

    // The poster carries the QR code of the full address; an employee cannot open it.
    let poster = format!("/admin/360/{}/poster/{}", cycle.id, link.id);
    let (status, body) = get(&app, &poster, &admin).await;
    assert_eq!(status, 200);
    assert!(body.contains("<svg"), "the QR code is inline");
    assert!(body.contains(&format!("http://kinerja.test/umpan-balik/{token}")));
    let putri_cookie = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let (status, _) = get(&app, &poster, &putri_cookie).await;
    assert_eq!(status, 403);

    // Before the cycle opens the form says when to come back, and takes nothing.
    let public = format!("/umpan-balik/{token}");
    let (status, body) = get(&app, &public, "").await;
    assert_eq!(status, 200);
    assert!(body.contains("belum dibuka"), "not yet open");
    let (_, headers) = answer_publicly(&app, &token, "203.0.113.5", "", 4).await;
    assert!(location(&headers).contains(REFUSED));
    assert_eq!(external_answers(&t).await, 0);
    let (status, _) = post_form_from(
        &app,
        &page,
        "/api/admin/360/event",
        &admin,
        &format!("id={}&version={}&event=open", cycle.id, cycle.version),
    )
    .await;
    assert!(status.is_redirection());

    // Open: no account needed, nothing about the person asked.
    let (status, body) = get(&app, &public, "").await;
    assert_eq!(status, 200);
    assert!(body.contains("name=\"scores[22]\"") && body.contains("name=\"scores[28]\""));
    assert!(
        !body.contains("name=\"scores[1]\""),
        "not the colleagues' statements"
    );
    assert!(body.contains("Pemberitahuan privasi"));
    let audit_before = audit_log::Entity::find().count(&t.db).await.unwrap();
    let (status, headers) = answer_publicly(&app, &token, "203.0.113.5", "", 4).await;
    assert!(status.is_redirection());
    assert_eq!(
        location(&headers),
        format!("/umpan-balik/{token}?terkirim=1")
    );
    let device = device_cookie(&headers).expect("the device gets its token");
    assert_eq!(external_answers(&t).await, 1);

    // The same device again: refused, and the page says it has answered.
    let (_, headers) = answer_publicly(&app, &token, "203.0.113.5", &device, 5).await;
    assert!(location(&headers).contains(REFUSED));
    assert_eq!(external_answers(&t).await, 1);
    let (_, body) = get(&app, &public, &device).await;
    assert!(body.contains("sudah kami terima"));
    assert!(!body.contains("name=\"scores[22]\""));

    // Other devices on the same network: five an hour, then the address waits; another
    // address is not held up by it.
    for _ in 0..4 {
        let (_, headers) = answer_publicly(&app, &token, "203.0.113.5", "", 3).await;
        assert!(!location(&headers).contains(REFUSED));
    }
    let (_, headers) = answer_publicly(&app, &token, "203.0.113.5", "", 3).await;
    let back = location(&headers);
    assert!(back.contains(REFUSED), "{back}");
    let (_, body) = get(&app, &back, "").await;
    assert!(body.contains("dari jaringan ini"), "the limit is explained");
    assert!(
        body.contains("Pelayanannya cepat"),
        "what was typed is kept"
    );
    assert_eq!(external_answers(&t).await, 5);
    let (_, headers) = answer_publicly(&app, &token, "198.51.100.7", "", 2).await;
    assert!(!location(&headers).contains(REFUSED));
    assert_eq!(external_answers(&t).await, 6);

    // What is stored: the answer about Putri with the day, a device hash with no time, and
    // counts whose address is only part of a hash. No audit line.
    assert_eq!(
        audit_log::Entity::find().count(&t.db).await.unwrap(),
        audit_before
    );
    assert_eq!(
        columns(&t, "perangkat_360").await,
        ["link_id", "device_hash"]
    );
    let devices = perangkat_360::Entity::find().all(&t.db).await.unwrap();
    assert_eq!(devices.len(), 6);
    assert!(devices.iter().all(|d| d.device_hash.len() == 64));
    assert!(
        !devices.iter().any(|d| device.ends_with(&d.device_hash)),
        "the token itself is not stored"
    );
    let counts = batas_360::Entity::find().all(&t.db).await.unwrap();
    assert!(
        counts
            .iter()
            .all(|c| !c.bucket.contains("203.0") && !c.bucket.contains("198.51")),
        "{counts:?}"
    );
    let stored = jawaban_360::Entity::find()
        .filter(jawaban_360::Column::RaterGroup.eq(RaterGroup::External))
        .all(&t.db)
        .await
        .unwrap();
    assert!(
        stored
            .iter()
            .all(|a| a.ratee_id == Some(putri.id) && a.unit_id.is_none())
    );

    // Unknown or malformed tokens are simply not found.
    for bad in ["AAAAAAAAAAAAAAAAAAAAAA", "x", "bad%20token%3F"] {
        let (status, _) = get(&app, &format!("/umpan-balik/{bad}"), "").await;
        assert_eq!(status, 404, "{bad}");
    }

    // A service unit's link: its three answers wait for the release (see the end).
    let unit = unit_kerja::Entity::find()
        .filter(unit_kerja::Column::Code.eq("MP-PPK"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let (_, headers) = post_form_from(
        &app,
        &page,
        "/api/admin/360/link",
        &admin,
        &format!("id={}&target=u{}", cycle.id, unit.id),
    )
    .await;
    assert!(!location(&headers).contains(REFUSED));
    let unit_link = tautan_360::Entity::find()
        .filter(tautan_360::Column::UnitId.eq(unit.id))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    for (address, score) in [("192.0.2.1", 4), ("192.0.2.2", 5), ("192.0.2.3", 5)] {
        let (_, headers) = answer_publicly(&app, &unit_link.token, address, "", score).await;
        assert!(!location(&headers).contains(REFUSED));
    }
    let (_, body) = get(&app, &page, &admin).await;
    assert!(body.contains("3 penilaian"));
    assert!(
        !body.contains("class=\"value-means\""),
        "no means while answers come in"
    );

    // Deleting a link forgets its devices, keeps its answers, and is audited.
    let (_, headers) = post_form_from(
        &app,
        &page,
        "/api/admin/360/unlink",
        &admin,
        &format!("id={}&link={}", cycle.id, link.id),
    )
    .await;
    assert!(!location(&headers).contains(REFUSED));
    assert!(
        tautan_360::Entity::find_by_id(link.id)
            .one(&t.db)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        perangkat_360::Entity::find()
            .filter(perangkat_360::Column::LinkId.eq(link.id))
            .count(&t.db)
            .await
            .unwrap(),
        0
    );
    assert_eq!(external_answers(&t).await, 9);
    assert_eq!(
        audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("feedback360.unlink"))
            .count(&t.db)
            .await
            .unwrap(),
        1
    );
    let (status, _) = get(&app, &public, "").await;
    assert_eq!(status, 404, "a deleted link leads nowhere");

    // Closed: the unit's form says so and takes nothing more.
    let cycle = siklus_360::Entity::find_by_id(cycle.id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    post_form_from(
        &app,
        &page,
        "/api/admin/360/event",
        &admin,
        &format!("id={}&version={}&event=close", cycle.id, cycle.version),
    )
    .await;
    let (_, body) = get(&app, &format!("/umpan-balik/{}", unit_link.token), "").await;
    assert!(body.contains("sudah berakhir"));
    let (_, headers) = answer_publicly(&app, &unit_link.token, "192.0.2.9", "", 5).await;
    assert!(location(&headers).contains(REFUSED));
    assert_eq!(external_answers(&t).await, 9);

    // Released: the unit's means per value (4, 5 and 5) and its comments show.
    let cycle = siklus_360::Entity::find_by_id(cycle.id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    post_form_from(
        &app,
        &page,
        "/api/admin/360/event",
        &admin,
        &format!("id={}&version={}&event=release", cycle.id, cycle.version),
    )
    .await;
    let (_, body) = get(&app, &page, &admin).await;
    assert!(body.contains("class=\"value-means\""), "{body}");
    assert!(body.contains("4,7"), "the mean of 4, 5 and 5");
    assert!(body.contains("Pelayanannya cepat"), "the unit's comments");
}

on_both_engines!(service_users_answer_through_a_public_link);

/// The peers proposed or invited to rate `ratee`, sorted.
async fn peers_of(
    t: &TestDb,
    cycle: app::domain::ids::CycleId,
    ratee: app::domain::ids::EmployeeId,
) -> Vec<(app::domain::ids::EmployeeId, AssignmentState)> {
    let mut peers: Vec<_> = penugasan_360::Entity::find()
        .filter(penugasan_360::Column::CycleId.eq(cycle))
        .filter(penugasan_360::Column::RateeId.eq(ratee))
        .filter(penugasan_360::Column::RaterGroup.eq(RaterGroup::Peer))
        .all(&t.db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.rater_id, a.state))
        .collect();
    peers.sort_by_key(|(id, _)| *id);
    peers
}

async fn peers_are_chosen_by_the_employee_and_approved_by_the_appraiser(t: TestDb) {
    use app::db::entities::{pegawai, siklus_360_peserta};
    use app::domain::feedback360::NominationState;
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app_on(&t, demo_day(8, 10));
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let cycle = cycle_with(
        &app,
        &admin,
        &t,
        "min_peers=1&max_peers=2&superior=on&oneself=on&peer=on&subordinate=on",
    )
    .await;
    let putri = employee(&t, EMPLOYEE_NIP).await;
    let anisa = employee(&t, PPPK_EMPLOYEE_NIP).await;
    let rudi = employee(&t, SUPERVISOR_NIP).await;
    assert_eq!(putri.penilai_id, Some(rudi.id), "the demo's appraisal line");
    let page = format!("/360/usulan/{}/{}", cycle.id, putri.id);

    // A draft is the admin's alone.
    let putri_cookie = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    assert_eq!(get(&app, &page, &putri_cookie).await.0, 404);

    // Nominations start: Putri's desk and bell ask for her list, due the day before the opening.
    fire(&app, &admin, &t, cycle.id, "start_nominations").await;
    let (_, desk) = get(&app, "/", &putri_cookie).await;
    assert!(desk.contains(&page), "her list on her desk");
    assert!(
        desk.contains(&format!("19 Agustus {}", year())),
        "with its day"
    );
    assert!(
        notification_kinds(&t, putri.id)
            .await
            .contains(&"feedback360_nominate".to_owned())
    );
    let (status, body) = get(&app, &page, &putri_cookie).await;
    assert_eq!(status, 200);
    let anisa_box = format!("name=\"peers[{}]\"", anisa.id);
    assert!(
        body.contains(&anisa_box),
        "the organisation's proposal is offered"
    );
    assert!(
        !body.contains(&format!("name=\"peers[{}]\"", rudi.id)),
        "her superior rates her as superior, not as a peer"
    );
    // Nobody else sees or changes her list; the admin neither.
    let anisa_cookie = login(&app, PPPK_EMPLOYEE_NIP, DEMO_PASSWORD).await;
    assert_eq!(get(&app, &page, &anisa_cookie).await.0, 403);
    assert_eq!(get(&app, &page, &admin).await.0, 403);

    // Refused: too many, too few when handed in, her superior, someone unknown. Nothing changes.
    let post = |cookie: String, body: String| {
        let app = app.clone();
        let page = page.clone();
        async move {
            let (status, headers) =
                post_form_from(&app, &page, "/api/360/usulan/simpan", &cookie, &body).await;
            assert!(status.is_redirection() || status == 403, "{status}");
            if status == 403 {
                "403".to_owned()
            } else {
                location(&headers)
            }
        }
    };
    let form = |peers: &[app::domain::ids::EmployeeId], step: &str| {
        let mut body = format!("cycle={}&employee={}&step={step}", cycle.id, putri.id);
        for p in peers {
            body.push_str(&format!("&peers%5B{p}%5D=on"));
        }
        body
    };
    let other = pegawai::Entity::find()
        .filter(pegawai::Column::Active.eq(true))
        .filter(pegawai::Column::Id.is_not_in([putri.id, anisa.id, rudi.id]))
        .filter(pegawai::Column::AtasanId.ne(putri.id))
        .one(&t.db)
        .await
        .unwrap()
        .expect("someone else in the agency");
    // Someone outside the cycle has no list in it.
    let other_page = format!("/360/usulan/{}/{}", cycle.id, other.id);
    assert_eq!(
        get(&app, &other_page, &cookie_of(&t, other.id).await)
            .await
            .0,
        404
    );
    let before = peers_of(&t, cycle.id, putri.id).await;
    for (peers, step, reason) in [
        (
            vec![anisa.id, other.id, rudi.id],
            "save",
            "melebihi jumlah paling banyak",
        ),
        (vec![], "submit", "kurang dari jumlah paling sedikit"),
        (
            vec![rudi.id],
            "submit",
            "sudah menilai sebagai atasan atau bawahan",
        ),
        (vec![putri.id], "save", "dirinya sendiri"),
        (
            vec![app::domain::ids::EmployeeId(999_999)],
            "save",
            "bukan pegawai aktif",
        ),
        // Only her appraiser approves.
        (vec![anisa.id], "approve", "tidak dapat diubah lagi"),
    ] {
        let back = post(putri_cookie.clone(), form(&peers, step)).await;
        assert!(back.contains(REFUSED), "{peers:?} {step}: {back}");
        let (_, body) = get(&app, &back, &putri_cookie).await;
        assert!(body.contains(reason), "{peers:?} {step}: {reason}");
    }
    assert_eq!(peers_of(&t, cycle.id, putri.id).await, before);
    // A refused list comes back as it was ticked.
    let back = post(putri_cookie.clone(), form(&[rudi.id, anisa.id], "submit")).await;
    let (_, body) = get(&app, &back, &putri_cookie).await;
    let at = body
        .find(&format!("name=\"peers[{}]\"", anisa.id))
        .expect("her box");
    assert!(
        body[at..at + 160].contains("checked"),
        "what she ticked stays ticked"
    );

    // Saved short, then handed in with one colleague: Rudi is told, and Putri no longer sees it.
    let to = post(putri_cookie.clone(), form(&[], "save")).await;
    assert_eq!(to, format!("{page}?disimpan=save"));
    assert!(peers_of(&t, cycle.id, putri.id).await.is_empty());
    let to = post(putri_cookie.clone(), form(&[anisa.id], "submit")).await;
    assert_eq!(to, format!("{page}?disimpan=submit"));
    assert_eq!(
        peers_of(&t, cycle.id, putri.id).await,
        [(anisa.id, AssignmentState::Proposed)]
    );
    let (_, body) = get(&app, &page, &putri_cookie).await;
    assert!(
        !body.contains(&anisa_box),
        "handed in, the list is hidden from her"
    );
    let to = post(putri_cookie.clone(), form(&[anisa.id], "save")).await;
    assert!(to.contains(REFUSED), "no change once handed in");
    assert!(
        notification_kinds(&t, rudi.id)
            .await
            .contains(&"feedback360_nominated".to_owned())
    );

    // Rudi finds it on his desk and approves it with someone from another unit added.
    let rudi_cookie = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let (_, desk) = get(&app, "/", &rudi_cookie).await;
    assert!(desk.contains(&page), "the list on the appraiser's desk");
    let (status, body) = get(&app, &page, &rudi_cookie).await;
    assert_eq!(status, 200);
    assert!(body.contains(&anisa_box));
    let to = post(rudi_cookie.clone(), form(&[anisa.id, other.id], "approve")).await;
    assert_eq!(to, format!("{page}?disimpan=approve"));
    let participant = siklus_360_peserta::Entity::find_by_id((cycle.id, putri.id))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(participant.nomination, NominationState::Approved);
    assert!(
        notification_kinds(&t, putri.id)
            .await
            .contains(&"feedback360_raters_approved".to_owned())
    );
    let (_, desk) = get(&app, "/", &rudi_cookie).await;
    assert!(!desk.contains(&page), "approved, it leaves his desk");
    let (_, body) = get(&app, &page, &putri_cookie).await;
    assert!(
        !body.contains(&format!("name=\"peers[{}]\"", other.id)),
        "Putri never learns whom Rudi added"
    );

    // Opening invites the approved list; after that nobody changes it.
    fire(&app, &admin, &t, cycle.id, "open").await;
    assert_eq!(
        peers_of(&t, cycle.id, putri.id).await,
        [
            (anisa.id.min(other.id), AssignmentState::Invited),
            (anisa.id.max(other.id), AssignmentState::Invited)
        ]
    );
    let to = post(rudi_cookie.clone(), form(&[anisa.id], "approve")).await;
    assert!(to.contains(REFUSED), "closed once the answers open");
    let (_, body) = get(&app, &page, &putri_cookie).await;
    assert!(!body.contains(&anisa_box));
}

on_both_engines!(peers_are_chosen_by_the_employee_and_approved_by_the_appraiser);

async fn a_unit_head_reads_a_summary_pooled_from_five_people(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app_on(&t, demo_day(8, 20));
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let cycle = cycle_asking(&app, &admin, &t, "superior=on&peer=on").await;
    let unit = unit_kerja::Entity::find()
        .filter(unit_kerja::Column::Code.eq("MP-PPK"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let rudi = employee(&t, SUPERVISOR_NIP).await;
    fire(&app, &admin, &t, cycle.id, "open").await;
    // Rudi, the unit's head, answers as superior about five of his people.
    let his = penugasan_360::Entity::find()
        .filter(penugasan_360::Column::CycleId.eq(cycle.id))
        .filter(penugasan_360::Column::RaterId.eq(rudi.id))
        .filter(penugasan_360::Column::RaterGroup.eq(RaterGroup::Superior))
        .all(&t.db)
        .await
        .unwrap();
    assert!(his.len() >= 5, "Rudi rates his people");
    for a in his.iter().take(5) {
        answer(&app, &t, a, 4, "Tertib dan teliti").await;
    }
    let page = format!("/360/unit/{}/{}", cycle.id, unit.id);
    let rudi_cookie = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    assert_eq!(
        get(&app, &page, &rudi_cookie).await.0,
        404,
        "nothing before the release"
    );
    fire(&app, &admin, &t, cycle.id, "close").await;
    fire(&app, &admin, &t, cycle.id, "release").await;

    let (_, mine) = get(&app, "/360", &rudi_cookie).await;
    assert!(mine.contains(&page), "listed for the head");
    let (status, body) = get(&app, &page, &rudi_cookie).await;
    assert_eq!(status, 200);
    assert!(body.contains("<title>Ringkasan unit"), "its own tab title");
    assert!(body.contains("data-testid=\"radar\""), "the radar");
    assert!(
        body.contains("Jawaban tentang 5 pegawai"),
        "from five people"
    );
    assert!(
        !body.contains("Tertib dan teliti"),
        "no comment in a unit summary"
    );
    // The head only: not an employee of the unit, not an admin.
    let putri_cookie = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    assert_eq!(get(&app, &page, &putri_cookie).await.0, 403);
    assert_eq!(get(&app, &page, &admin).await.0, 403);
}

on_both_engines!(a_unit_head_reads_a_summary_pooled_from_five_people);

/// The cycle's dashboard stream follows the answers: it opens with the current figures and
/// sends them again within a second of an answer; only those who manage the cycle may follow it.
async fn the_dashboard_follows_answers_live(t: TestDb) {
    use crate::live::{next_event, open};
    use std::time::{Duration, Instant};
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app_on(&t, demo_day(8, 20));
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let cycle = cycle_for(&app, &admin, &t).await;
    fire(&app, &admin, &t, cycle.id, "open").await;
    let topic = format!("/live/cycle360:{}", cycle.id);

    // The page renders the board with the figures of its moment.
    let (_, page) = get(&app, &format!("/admin/360/{}", cycle.id), &admin).await;
    assert!(page.contains("data-testid=\"cycle-board\""), "{page}");

    let res = open(&app, &topic, &admin).await;
    assert_eq!(res.status(), 200);
    let mut body = res.into_body();
    let rate = |n: &'static str| {
        move |html: &str| html.contains(&format!(r#"data-testid="cycle-rate" data-answered="{n}""#))
    };
    next_event(&mut body, "cycle360", rate("0"), Duration::from_secs(5)).await;

    let peer = first_peer_assignment(&t.db, cycle.id).await;
    let started = Instant::now();
    answer(&app, &t, &peer, 4, "Rapi").await;
    let html = next_event(&mut body, "cycle360", rate("1"), Duration::from_secs(1)).await;
    assert!(started.elapsed() < Duration::from_secs(1));
    // The person's own row moved too.
    let ratee = app::db::entities::pegawai::Entity::find_by_id(peer.ratee_id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let row = html
        .split("<tr")
        .find(|row| row.contains(&ratee.name))
        .unwrap_or_else(|| panic!("{html}"));
    assert!(row.starts_with(r#" data-answered="1""#), "{row}");
    // In the reader's language: the admin's pages are in Indonesian.
    assert!(html.contains("1 dari "), "{html}");

    // An employee who manages nothing may not follow it; an unknown cycle is not found.
    let employee = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    assert_eq!(open(&app, &topic, &employee).await.status(), 403);
    assert_eq!(
        open(&app, "/live/cycle360:999999", &admin).await.status(),
        404
    );
    assert_eq!(open(&app, &topic, "").await.status(), 401);
}

on_both_engines!(the_dashboard_follows_answers_live);

/// A cycle over a large unit lists at most 100 people on its board, those furthest behind
/// first, and says how many there are; the table by unit still counts everybody.
async fn a_big_cycle_lists_the_hundred_furthest_behind(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    server::generate::generate(&t.db, 150, 2026).await.unwrap();
    let app = app_on(&t, demo_day(8, 20));
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let cycle = cycle_over(
        &app,
        &admin,
        &t,
        "GEN001",
        "min_peers=0&max_peers=2&superior=on&peer=on",
    )
    .await;
    fire(&app, &admin, &t, cycle.id, "open").await;
    let population = siklus_360_peserta::Entity::find()
        .filter(siklus_360_peserta::Column::CycleId.eq(cycle.id))
        .count(&t.db)
        .await
        .unwrap();
    assert!(population > 100, "{population}");

    // One person's form is done (generated people have no accounts to answer with): that row
    // goes to the end, past the hundred shown.
    let peer = first_peer_assignment(&t.db, cycle.id).await;
    penugasan_360::ActiveModel {
        id: Set(peer.id),
        state: Set(AssignmentState::Submitted),
        ..Default::default()
    }
    .update(&t.db)
    .await
    .unwrap();
    let ratee = pegawai::Entity::find_by_id(peer.ratee_id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();

    let (_, page) = get(&app, &format!("/admin/360/{}", cycle.id), &admin).await;
    let table_of = |testid: &str| {
        let start = page
            .find(&format!("data-testid=\"{testid}\""))
            .unwrap_or_else(|| panic!("{testid}: {page}"));
        let rest = &page[start..];
        rest[..rest.find("</table>").unwrap()].to_string()
    };
    let people = table_of("cycle-people");
    assert_eq!(people.matches("<tr data-answered").count(), 100);
    assert!(!people.contains(&ratee.name), "{people}");
    assert!(
        page.contains(&format!("100 dari {population} pegawai ditampilkan")),
        "{page}"
    );
    // The units' table counts the answer.
    let units = table_of("cycle-units");
    assert!(units.contains("<tr data-answered=\"1\""), "{units}");
}

on_both_engines!(a_big_cycle_lists_the_hundred_furthest_behind);

/// An agency-wide admin adds the agency's own statements to the instrument; each change is a new
/// version, a cycle answers the version that was newest when it opened and keeps it, official
/// statements stay, and nobody else may change it.
async fn an_agency_adds_its_own_statements_in_new_versions(t: TestDb) {
    use app::db::entities::instrumen_360;
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app_on(&t, demo_day(8, 20));
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let page = "/admin/instrumen-360";
    let add = |version: i32, value: &str, id: &str, en: &str| {
        format!(
            "version={version}&value={value}&audience=internal&text_id={}&text_en={}",
            common::web::encode(id),
            common::web::encode(en)
        )
    };
    let post = |body: String| {
        let (app, admin) = (app.clone(), admin.clone());
        async move {
            let (status, headers) = post_form_from(
                &app,
                "/admin/instrumen-360",
                "/api/admin/360/instrument/add",
                &admin,
                &body,
            )
            .await;
            assert!(status.is_redirection(), "{status}");
            location(&headers)
        }
    };
    let versions = || async { instrumen_360::Entity::find().count(&t.db).await.unwrap() };

    // A draft cycle takes the official statements as version 1; the page offers the form.
    let cycle = cycle_for(&app, &admin, &t).await;
    let (status, body) = get(&app, page, &admin).await;
    assert_eq!(status, 200);
    assert!(body.contains("Versi 1"), "{body}");
    assert!(body.contains("data-testid=\"add-item\""));
    assert!(
        !body.contains("data-testid=\"remove-item-"),
        "official statements stay"
    );

    // Refused with the reasons, and what was typed is kept.
    let back = post(add(
        1,
        "9",
        "Menjawab surat warga dalam tiga hari kerja",
        "",
    ))
    .await;
    assert!(back.contains(REFUSED), "{back}");
    let (_, body) = get(&app, &back, &admin).await;
    assert!(body.contains("Menjawab surat warga dalam tiga hari kerja"));
    assert!(body.contains("href=\"#value\""), "{body}");
    assert!(body.contains("href=\"#text_en\""), "{body}");
    assert!(!body.contains("href=\"#text_id\""), "{body}");
    assert_eq!(versions().await, 1);
    // A version older than the newest is refused: someone changed it meanwhile. The page says
    // so and keeps what was typed, on top of the newest version.
    let stale = post(add(0, "3", "Tepat janji", "Keeps promises")).await;
    assert!(stale.contains(REFUSED), "{stale}");
    let (_, body) = get(&app, &stale, &admin).await;
    assert!(body.contains("diubah di perangkat lain"), "{body}");
    assert!(
        body.contains("Tepat janji") && body.contains("Keeps promises"),
        "{body}"
    );
    assert!(body.contains("name=\"version\" value=\"1\""), "{body}");
    assert_eq!(versions().await, 1);

    // Added: version 2, numbered after the official 28, audited.
    let saved = post(add(
        1,
        "1",
        "Menjawab surat warga dalam tiga hari kerja",
        "Answers citizens' letters within three working days",
    ))
    .await;
    assert_eq!(saved, "/admin/instrumen-360?disimpan=1");
    assert_eq!(versions().await, 2);
    let (_, body) = get(&app, page, &admin).await;
    assert!(body.contains("Versi 2"));
    assert!(body.contains("data-testid=\"remove-item-29\""), "{body}");
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("feedback360.instrument"))
        .count(&t.db)
        .await
        .unwrap();
    assert_eq!(audited, 1);

    // Opened now, the cycle answers version 2 and shows the new statement on its form ...
    fire(&app, &admin, &t, cycle.id, "open").await;
    let (_, body) = get(&app, &format!("/admin/360/{}", cycle.id), &admin).await;
    assert!(body.contains("Instrumen versi 2"), "{body}");
    let peer = first_peer_assignment(&t.db, cycle.id).await;
    let rater = cookie_of(&t, peer.rater_id).await;
    let form = format!("/360/isi/{}", peer.id);
    let (_, body) = get(&app, &form, &rater).await;
    assert!(body.contains("Menjawab surat warga dalam tiga hari kerja"));

    // ... and keeps it: a third version changes nothing for it.
    let third = post(add(
        2,
        "2",
        "Menyapa warga dengan ramah",
        "Greets citizens kindly",
    ))
    .await;
    assert_eq!(third, "/admin/instrumen-360?disimpan=1");
    let (_, body) = get(&app, &form, &rater).await;
    assert!(!body.contains("Menyapa warga dengan ramah"));
    // Its answers need the agency's statement too.
    let (_, headers) =
        post_form_from(&app, &form, "/api/360/answer", &rater, &answers(peer.id, 4)).await;
    assert!(location(&headers).contains(REFUSED));
    let (_, headers) = post_form_from(
        &app,
        &form,
        "/api/360/answer",
        &rater,
        &format!("{}&scores%5B29%5D=5", answers(peer.id, 4)),
    )
    .await;
    assert_eq!(location(&headers), "/360?terkirim=1");

    // Removing: an official statement never, the agency's own yes.
    let remove = |version: i32, number: u16| {
        let (app, admin) = (app.clone(), admin.clone());
        async move {
            let (_, headers) = post_form_from(
                &app,
                "/admin/instrumen-360",
                "/api/admin/360/instrument/remove",
                &admin,
                &format!("version={version}&number={number}"),
            )
            .await;
            location(&headers)
        }
    };
    let refused = remove(3, 1).await;
    assert!(refused.contains(REFUSED), "{refused}");
    let (_, body) = get(&app, &refused, &admin).await;
    assert!(
        body.contains("Butir resmi BerAKHLAK tidak dapat dihapus."),
        "{body}"
    );
    // Removing from an older version: nothing typed to keep, so the page says to look again.
    let stale = remove(2, 29).await;
    assert!(stale.contains(REFUSED), "{stale}");
    let (_, body) = get(&app, &stale, &admin).await;
    assert!(
        body.contains("Daftar ini diubah di perangkat lain") && !body.contains("Isian Anda"),
        "{body}"
    );
    assert_eq!(versions().await, 3);
    assert_eq!(remove(3, 29).await, "/admin/instrumen-360?disimpan=1");
    assert_eq!(versions().await, 4);
    let (_, body) = get(&app, page, &admin).await;
    assert!(!body.contains("Menjawab surat warga dalam tiga hari kerja"));
    assert!(body.contains("Menyapa warga dengan ramah"));

    // Nobody but an agency-wide admin changes it.
    let employee = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let (status, _) = get(&app, page, &employee).await;
    assert_eq!(status, 403);
    let (status, headers) = post_form_from(
        &app,
        "/admin/instrumen-360",
        "/api/admin/360/instrument/add",
        &employee,
        &add(4, "3", "Tepat janji", "Keeps promises"),
    )
    .await;
    assert!(
        status == 403 || (status.is_redirection() && location(&headers).contains(REFUSED)),
        "{status}"
    );
    assert_eq!(versions().await, 4);
}

on_both_engines!(an_agency_adds_its_own_statements_in_new_versions);
