//! Admin screens through the real router, on both engines: directory scope and search, the
//! employee form (validation, history, audit, deactivation), CSV import/export and the
//! one-time password-reset link.

use crate::common;

use app::db::entities::{audit_log, employee_import, pegawai, riwayat_jabatan, user_account};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::TestDb;
use common::web::{REFUSED, app, encode, get, location, login, post_form_from, request, send};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use server::demo::{ADMIN_NIP, DEMO_PASSWORD, EMPLOYEE_NIP, HEAD_NIP, SUPERVISOR_NIP};

async fn post_form(
    app: &Router,
    uri: &str,
    cookie: &str,
    body: &str,
) -> (StatusCode, http::HeaderMap) {
    post_form_from(app, "/admin/pegawai/baru", uri, cookie, body).await
}

/// A plain-form login post, as a browser without JavaScript sends it.
fn login_request(body: String, cookie: Option<&str>) -> Request<Body> {
    let mut req = Request::builder()
        .method("POST")
        .uri("/api/auth/login")
        .header(header::HOST, "kinerja.test")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html");
    if let Some(cookie) = cookie {
        req = req.header(header::COOKIE, cookie);
    }
    req.body(Body::from(body)).unwrap()
}

async fn directory_scope_and_search(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;

    let (status, body) = get(&app, "/admin/pegawai", &admin).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("dari 74 pegawai"), "agency admin sees all 74");
    let (_, body) = get(&app, &format!("/admin/pegawai?q={EMPLOYEE_NIP}"), &admin).await;
    assert!(body.contains("dari 1 pegawai"), "NIP search finds one");
    let (_, body) = get(&app, "/admin/pegawai?q=zzzz", &admin).await;
    assert!(body.contains("Tidak ada pegawai"));

    // A plain employee has no directory; a unit head sees only their subtree, read-only.
    let employee = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let (status, _) = get(&app, "/admin/pegawai", &employee).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let supervisor = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let (status, body) = get(&app, "/admin/pegawai", &supervisor).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains("dari 9 pegawai"),
        "head of a sub-unit: themselves + 8"
    );
    assert!(
        !body.contains("/admin/pegawai/baru"),
        "no edit actions for a head"
    );
    // …and cannot widen it by asking for another unit.
    let root_unit = app::db::entities::unit_kerja::Entity::find()
        .filter(app::db::entities::unit_kerja::Column::Code.eq("BKPSDM"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let (status, _) = get(
        &app,
        &format!("/admin/pegawai?unit={}", root_unit.id),
        &supervisor,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Nobody logged in: sent to the login page, coming back afterwards.
    let (status, headers, _) = send(
        &app,
        Request::builder()
            .uri("/admin/pegawai?q=siti")
            .header(header::HOST, "kinerja.test")
            .header(header::ACCEPT, "text/html")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert!(status.is_redirection(), "{status}");
    assert!(location(&headers).starts_with("/masuk?next=%2Fadmin%2Fpegawai"));
}

fn employee_form(nip: &str, name: &str, unit: &str, extra: &str) -> String {
    format!(
        "nip={nip}&name={}&front_title=&back_title=S.Kom.&email=&asn_type=pns&rank_grade=III%2Fa\
         &unit_code={unit}&position={}&position_kind=pelaksana&superior_nip=&appraiser_nip={extra}",
        encode(name),
        encode("Pengelola Data"),
    )
}

async fn employee_form_validates_records_history_and_audits(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;

    // Every problem at once, values kept, nothing stored.
    let bad = employee_form("198513122010011001", "", "NOPE", "");
    let (status, headers) = post_form(&app, "/api/admin/employee/create", &admin, &bad).await;
    assert!(status.is_redirection());
    let back = location(&headers);
    assert!(back.contains(REFUSED), "{back}");
    let (_, page) = get(&app, &back.replace("http://kinerja.test", ""), &admin).await;
    assert!(
        page.contains("Digit 1–8 bukan tanggal lahir"),
        "NIP fault named"
    );
    assert!(page.contains("Wajib diisi."), "missing name");
    assert!(page.contains("198513122010011001"), "typed NIP kept");
    assert_eq!(
        pegawai::Entity::find()
            .filter(pegawai::Column::Nip.eq("198513122010011001"))
            .count(&t.db)
            .await
            .unwrap(),
        0
    );
    let (_, headers) = post_form(
        &app,
        "/api/admin/employee/create",
        &admin,
        &employee_form("199102142015031004", "Rudi Hartono", "NOPE", ""),
    )
    .await;
    let (_, page) = get(
        &app,
        &location(&headers).replace("http://kinerja.test", ""),
        &admin,
    )
    .await;
    assert!(page.contains("Kode unit tidak ditemukan."));

    // A valid record: created with the head of the unit as superior and appraiser.
    let (status, headers) = post_form(
        &app,
        "/api/admin/employee/create",
        &admin,
        &employee_form("199102142015031004", "Rudi Hartono", "MP-PPK", ""),
    )
    .await;
    assert!(status.is_redirection());
    assert!(
        location(&headers).starts_with("/admin/pegawai/"),
        "{}",
        location(&headers)
    );
    let rudi = pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq("199102142015031004"))
        .one(&t.db)
        .await
        .unwrap()
        .expect("created");
    let supervisor = pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq(SUPERVISOR_NIP))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(rudi.atasan_id, Some(supervisor.id), "head of the unit");
    assert_eq!(rudi.penilai_id, Some(supervisor.id));
    assert_eq!(rudi.atasan_penilai_id, supervisor.atasan_id);

    // Transfer with an explicit appraiser: history keeps the old unit, audit has before → after.
    let head = pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq(HEAD_NIP))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let form = format!(
        "id={}&version={}&{}",
        rudi.id,
        rudi.version,
        employee_form("199102142015031004", "Rudi Hartono", "PKA-TEK", HEAD_NIP)
    );
    let (status, _) = post_form(&app, "/api/admin/employee/update", &admin, &form).await;
    assert!(status.is_redirection());
    let moved = pegawai::Entity::find_by_id(rudi.id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(moved.penilai_id, Some(head.id));
    assert_ne!(moved.unit_id, rudi.unit_id);
    let history = riwayat_jabatan::Entity::find()
        .filter(riwayat_jabatan::Column::PegawaiId.eq(rudi.id))
        .all(&t.db)
        .await
        .unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history.iter().filter(|h| h.ended_at.is_none()).count(), 1);
    let audit = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("employee_updated"))
        .filter(audit_log::Column::ObjectId.eq(rudi.id.to_string()))
        .one(&t.db)
        .await
        .unwrap()
        .expect("update audited");
    assert!(audit.before.unwrap().contains("\"unit\":\"MP-PPK\""));
    assert!(audit.after.unwrap().contains("\"unit\":\"PKA-TEK\""));
    let (_, page) = get(&app, &format!("/admin/pegawai/{}", rudi.id), &admin).await;
    assert!(
        page.contains("MP-PPK") && page.contains("PKA-TEK"),
        "change history shown"
    );

    // The same stale form again: someone changed the record since → conflict.
    let (status, headers) = post_form(&app, "/api/admin/employee/update", &admin, &form).await;
    assert!(status.is_redirection());
    assert!(location(&headers).contains(REFUSED));

    // Deactivation: the employee's own sessions end and the login stops working.
    let employee_cookie = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let siti = pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq(EMPLOYEE_NIP))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let (status, _) = post_form(
        &app,
        "/api/admin/employee/status",
        &admin,
        &format!("id={}&version={}&active=false", siti.id, siti.version),
    )
    .await;
    assert!(status.is_redirection());
    let (status, _) = get(&app, "/profil", &employee_cookie).await;
    assert!(status.is_redirection(), "session ended: {status}");
    let account = user_account::Entity::find()
        .filter(user_account::Column::Login.eq(EMPLOYEE_NIP))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert!(account.disabled);

    // A plain employee cannot use the form endpoints at all.
    let other = login(&app, server::demo::PPPK_EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let req = Request::builder()
        .method("POST")
        .uri("/api/admin/employee/create")
        .header(header::HOST, "kinerja.test")
        .header(header::COOKIE, &other)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .body(Body::from(employee_form(
            "199102142015031005",
            "X Y",
            "MP-MUT",
            "",
        )))
        .unwrap();
    let (status, _, _) = send(&app, req).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

fn multipart(file: &str) -> (String, String) {
    let boundary = "kinerjaBoundary7MA4YWxk".to_owned();
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pegawai.csv\"\r\n\
         Content-Type: text/csv\r\n\r\n{file}\r\n--{boundary}--\r\n"
    );
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(app: &Router, cookie: &str, file: &str) -> (StatusCode, String) {
    let (content_type, body) = multipart(file);
    let req = request("POST", "/admin/impor/unggah", cookie)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
    let (status, headers, _) = send(app, req).await;
    (status, location(&headers))
}

const HEADER: &str = "nip,nama,gelar_depan,gelar_belakang,email,jenis_asn,golongan,kode_unit,jabatan,jenis_jabatan,nip_atasan,nip_penilai";

async fn csv_import_is_all_or_nothing_and_idempotent(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let before = pegawai::Entity::find().count(&t.db).await.unwrap();

    // Line 3 has two faults, line 4 one; line 2 is fine but must not be stored either.
    let bad = format!(
        "{HEADER}\n\
         199102142015032004,Ratna Sari,,S.Kom.,,PNS,III/b,SEK-UMPEG,Pranata Komputer,fungsional,,\n\
         199102142015032,Bayu,,,,PNS,V/a,SEK-UMPEG,Pengelola,pelaksana,,\n\
         199707192023211003,Yoga Pratama,,,,PPPK,VII,NOPE,Pengelola Data,pelaksana,,\n"
    );
    let (status, report_path) = upload(&app, &admin, &bad).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        pegawai::Entity::find().count(&t.db).await.unwrap(),
        before,
        "nothing imported"
    );
    let (_, page) = get(&app, &report_path, &admin).await;
    assert!(page.contains("Berkas ditolak: 3 kesalahan"), "{page}");
    for expected in [
        "NIP harus tepat 18 digit.",
        "Golongan PNS ditulis",
        "Kode unit tidak ditemukan.",
    ] {
        assert!(page.contains(expected), "{expected}");
    }
    let stored = employee_import::Entity::find()
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let errors: serde_json::Value = serde_json::from_str(&stored.errors).unwrap();
    let lines: Vec<(u64, &str)> = errors
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["line"].as_u64().unwrap(), e["column"].as_str().unwrap()))
        .collect();
    assert_eq!(lines, vec![(3, "nip"), (3, "golongan"), (4, "kode_unit")]);

    // A good file, including a superior defined further down the file.
    let good = format!(
        "{HEADER}\n\
         199707192023211003,Yoga Pratama,,A.Md.,,PPPK,VII,PPIK-INFO,Pengelola Data,pelaksana,199102142015032004,\n\
         199102142015032004,Ratna Sari,,S.Kom.,ratna@contoh.go.id,PNS,III/b,PPIK-INFO,Pranata Komputer,fungsional,,\n"
    );
    let (_, report_path) = upload(&app, &admin, &good).await;
    let (_, page) = get(&app, &report_path, &admin).await;
    assert!(
        page.contains("Impor berhasil: 2 pegawai baru, 0 diperbarui."),
        "{page}"
    );
    assert_eq!(
        pegawai::Entity::find().count(&t.db).await.unwrap(),
        before + 2
    );
    let ratna = pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq("199102142015032004"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let yoga = pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq("199707192023211003"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        yoga.atasan_id,
        Some(ratna.id),
        "superior later in the file resolved"
    );

    // Re-import with a change updates by NIP, no duplicates.
    let changed = good.replace("III/b", "III/c");
    let (_, report_path) = upload(&app, &admin, &changed).await;
    let (_, page) = get(&app, &report_path, &admin).await;
    assert!(page.contains("0 pegawai baru, 2 diperbarui"), "{page}");
    assert_eq!(
        pegawai::Entity::find().count(&t.db).await.unwrap(),
        before + 2
    );
    let ratna = pegawai::Entity::find_by_id(ratna.id)
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ratna.rank_grade, "III/c");

    // Export → the same columns back, ready to re-import.
    let (status, csv) = get(
        &app,
        "/admin/ekspor-pegawai.csv?q=199102142015032004",
        &admin,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let mut lines = csv.trim_start_matches('\u{feff}').lines();
    assert!(lines.next().unwrap().starts_with(HEADER));
    let ratna_line = lines.next().unwrap();
    assert!(
        ratna_line.starts_with(
            "199102142015032004,Ratna Sari,,S.Kom.,ratna@contoh.go.id,PNS,III/c,PPIK-INFO"
        ),
        "{ratna_line}"
    );

    // Employees cannot import, nor open the import page.
    let employee = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let (status, _) = upload(&app, &employee, &good).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, page) = get(&app, "/admin/impor", &employee).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!page.contains("admin/impor/unggah"), "no upload form");
    let (status, page) = get(&app, "/admin/impor", &admin).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("admin/impor/unggah"), "{page}");
    assert!(page.contains("seluruh instansi"), "the scope is named");
}

/// What the export writes imports back unchanged: its extra columns are accepted, the formula
/// guard's apostrophe is not read as data, and a changed status is refused, not ignored.
async fn csv_export_imports_back(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    // A control character in a name is refused with a message, and nothing is stored.
    let form = employee_form("199102142015032004", "Ratna\u{0}Sari", "MP-PPK", "");
    let (status, headers) = post_form(&app, "/api/admin/employee/create", &admin, &form).await;
    assert!(status.is_redirection());
    let (_, page) = get(
        &app,
        &location(&headers).replace("http://kinerja.test", ""),
        &admin,
    )
    .await;
    assert!(page.contains("karakter kendali"), "{page}");
    let stored = pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq("199102142015032004"))
        .count(&t.db)
        .await
        .unwrap();
    assert_eq!(stored, 0);

    let form = employee_form("199102142015032004", "-Ratna Sari", "MP-PPK", "");
    let (status, headers) = post_form(&app, "/api/admin/employee/create", &admin, &form).await;
    assert!(
        location(&headers).starts_with("/admin/pegawai/"),
        "{status} {headers:?}"
    );
    let before = pegawai::Entity::find().count(&t.db).await.unwrap();

    let (status, csv) = get(&app, "/admin/ekspor-pegawai.csv", &admin).await;
    assert_eq!(status, StatusCode::OK);
    assert!(csv.contains(",'-Ratna Sari,"), "guarded on export: {csv}");
    let rows = csv.trim_start_matches('\u{feff}').lines().count() - 1;
    assert_eq!(rows as u64, before, "every employee exported");

    let (status, report_path) = upload(&app, &admin, &csv).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, page) = get(&app, &report_path, &admin).await;
    assert!(
        page.contains(&format!(
            "Impor berhasil: 0 pegawai baru, {rows} diperbarui."
        )),
        "{page}"
    );
    assert_eq!(pegawai::Entity::find().count(&t.db).await.unwrap(), before);
    let ratna = pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq("199102142015032004"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ratna.name, "-Ratna Sari", "the apostrophe is not kept");

    // Marking someone inactive in the spreadsheet does not silently do nothing.
    let edited = csv.replacen(",aktif,", ",nonaktif,", 1);
    assert_ne!(edited, csv);
    let (_, report_path) = upload(&app, &admin, &edited).await;
    let (_, page) = get(&app, &report_path, &admin).await;
    assert!(page.contains("Berkas ditolak: 1 kesalahan"), "{page}");
    assert!(
        page.contains("Status aktif/nonaktif tidak diubah lewat impor"),
        "{page}"
    );
}

async fn reset_link_works_once(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let employee_session = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let siti = pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq(EMPLOYEE_NIP))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();

    let (status, headers) = post_form(
        &app,
        "/api/admin/employee/reset-link",
        &admin,
        &format!("id={}", siti.id),
    )
    .await;
    assert!(status.is_redirection());
    let flash = headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|c| c.starts_with("kinerja_reset_link="))
        .expect("flash cookie")
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let (_, page) = get(
        &app,
        &format!("/admin/pegawai/{}", siti.id),
        &format!("{admin}; {flash}"),
    )
    .await;
    let start = page.find("/atur-sandi/").expect("link shown");
    let path: String = page[start..].chars().take_while(|c| *c != '<').collect();

    // Someone else's page views never see it; the employee uses it once.
    let (status, page) = get(&app, &path, "").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("name=\"new_password\""));
    let token = path.trim_start_matches("/atur-sandi/");
    let (status, headers) = post_form(
        &app,
        "/api/auth/reset",
        "",
        &format!("token={token}&new_password=kopi-pagi-hari&confirm_password=kopi-pagi-hari"),
    )
    .await;
    assert!(status.is_redirection());
    assert_eq!(location(&headers), "/masuk?sandi=direset");
    let (status, _) = get(&app, "/profil", &employee_session).await;
    assert!(status.is_redirection(), "old sessions ended");
    login(&app, EMPLOYEE_NIP, "kopi-pagi-hari").await;

    let (status, page) = get(&app, &path, "").await;
    assert_eq!(status, StatusCode::GONE);
    assert!(page.contains("sudah dipakai atau kedaluwarsa"));
    let (_, headers) = post_form(
        &app,
        "/api/auth/reset",
        "",
        &format!("token={token}&new_password=lagi-lagi-lagi&confirm_password=lagi-lagi-lagi"),
    )
    .await;
    assert!(location(&headers).contains(REFUSED), "second use refused");
}

async fn unit_tree_create_rename_move_close_and_audit(t: TestDb) {
    use app::db::entities::unit_kerja;
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let by_code = |code: &'static str| {
        let db = t.db.clone();
        async move {
            unit_kerja::Entity::find()
                .filter(unit_kerja::Column::Code.eq(code))
                .one(&db)
                .await
                .unwrap()
        }
    };
    let mp = by_code("MP").await.unwrap();
    let pka = by_code("PKA").await.unwrap();

    let (status, page) = get(&app, "/admin/unit", &admin).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Subbidang Mutasi") && page.contains("Lestari Handayani"));

    // Bad code and a taken code: named, nothing created.
    let (_, headers) = post_form_from(
        &app,
        "/admin/unit",
        "/api/admin/unit/create",
        &admin,
        &format!("parent_id={}&code=MP+BARU&name=", mp.id),
    )
    .await;
    let (_, page) = get(
        &app,
        &location(&headers).replace("http://kinerja.test", ""),
        &admin,
    )
    .await;
    assert!(
        page.contains("Hanya huruf, angka, dan tanda hubung"),
        "bad code named"
    );
    assert!(page.contains("Wajib diisi."));
    let (_, headers) = post_form_from(
        &app,
        "/admin/unit",
        "/api/admin/unit/create",
        &admin,
        &format!("parent_id={}&code=mp-mut&name=Lain", mp.id),
    )
    .await;
    let (_, page) = get(
        &app,
        &location(&headers).replace("http://kinerja.test", ""),
        &admin,
    )
    .await;
    assert!(page.contains("Kode ini sudah dipakai unit lain."));

    // Create a unit with a child, then move the unit: the child's path follows.
    let (status, _) = post_form(
        &app,
        "/api/admin/unit/create",
        &admin,
        &format!("parent_id={}&code=mp-data&name=Subbidang+Data", mp.id),
    )
    .await;
    assert!(status.is_redirection());
    let data = by_code("MP-DATA").await.expect("created");
    assert_eq!(data.path, format!("{}{}/", mp.path, data.id));
    post_form(
        &app,
        "/api/admin/unit/create",
        &admin,
        &format!("parent_id={}&code=MP-DATA-1&name=Seksi+Data+1", data.id),
    )
    .await;
    let child = by_code("MP-DATA-1").await.unwrap();
    let (_, headers) = post_form(
        &app,
        "/api/admin/unit/move",
        &admin,
        &format!(
            "id={}&version={}&parent_id={}",
            data.id, data.version, child.id
        ),
    )
    .await;
    assert!(
        location(&headers).contains(REFUSED),
        "cannot move under its own child"
    );
    let (status, _) = post_form(
        &app,
        "/api/admin/unit/move",
        &admin,
        &format!(
            "id={}&version={}&parent_id={}",
            data.id, data.version, pka.id
        ),
    )
    .await;
    assert!(status.is_redirection());
    let data = by_code("MP-DATA").await.unwrap();
    let child = by_code("MP-DATA-1").await.unwrap();
    assert_eq!(data.parent_id, Some(pka.id));
    assert_eq!(data.path, format!("{}{}/", pka.path, data.id));
    assert_eq!(child.path, format!("{}{}/", data.path, child.id));
    assert_eq!(child.depth, data.depth + 1);

    // Rename, then close: blocked while a sub-unit is open, fine once it is closed.
    post_form(
        &app,
        "/api/admin/unit/rename",
        &admin,
        &format!(
            "id={}&version={}&code=PKA-DATA&name=Subbidang+Data+dan+Informasi",
            data.id, data.version
        ),
    )
    .await;
    let data = by_code("PKA-DATA").await.expect("recoded");
    assert_eq!(data.name, "Subbidang Data dan Informasi");
    let (_, page) = get(&app, &format!("/admin/unit/{}", data.id), &admin).await;
    assert!(
        page.contains("1 sub-unit aktif"),
        "close blocked and explained"
    );
    post_form(
        &app,
        "/api/admin/unit/status",
        &admin,
        &format!("id={}&version={}&open=false", child.id, child.version),
    )
    .await;
    post_form(
        &app,
        "/api/admin/unit/status",
        &admin,
        &format!("id={}&version={}&open=false", data.id, data.version),
    )
    .await;
    assert!(by_code("PKA-DATA").await.unwrap().closed_at.is_some());
    // A unit with people cannot close.
    let mut_unit = by_code("MP-MUT").await.unwrap();
    let (_, headers) = post_form(
        &app,
        "/api/admin/unit/status",
        &admin,
        &format!("id={}&version={}&open=false", mut_unit.id, mut_unit.version),
    )
    .await;
    assert!(location(&headers).contains(REFUSED));
    assert!(by_code("MP-MUT").await.unwrap().closed_at.is_none());

    // Every change is in the audit log, which agency admins can filter.
    let (status, page) = get(&app, "/admin/audit?aksi=unit_moved", &admin).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("1 catatan"), "one move");
    assert!(page.contains("Unit dipindahkan"));
    let (_, page) = get(
        &app,
        &format!("/admin/audit?pelaku={ADMIN_NIP}&aksi=unit_closed"),
        &admin,
    )
    .await;
    assert!(page.contains("2 catatan"));
    let supervisor = login(&app, SUPERVISOR_NIP, DEMO_PASSWORD).await;
    let (status, _) = get(&app, "/admin/audit", &supervisor).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = get(&app, "/admin/unit", &supervisor).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

async fn language_preference_follows_the_user(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let cookie = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let (status, headers) = post_form_from(
        &app,
        "/profil",
        "/api/profile/language",
        &cookie,
        "locale=en",
    )
    .await;
    assert!(status.is_redirection());
    assert!(
        headers
            .get_all(header::SET_COOKIE)
            .iter()
            .any(|c| c.to_str().unwrap().starts_with("i18n_pref_locale=en"))
    );
    let person = pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq(EMPLOYEE_NIP))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(person.locale, "en");
    // A login on another device brings the language along.
    let req = login_request(
        format!("login={EMPLOYEE_NIP}&password={DEMO_PASSWORD}"),
        None,
    );
    let (_, headers, _) = send(&app, req).await;
    assert!(
        headers
            .get_all(header::SET_COOKIE)
            .iter()
            .any(|c| c.to_str().unwrap().starts_with("i18n_pref_locale=en"))
    );
    // A device that chose its own language keeps it.
    let req = login_request(
        format!("login={EMPLOYEE_NIP}&password={DEMO_PASSWORD}"),
        Some("i18n_pref_locale=id"),
    );
    let (_, headers, _) = send(&app, req).await;
    assert!(set_cookie(&headers, "i18n_pref_locale").is_none());
    let (_, headers) = post_form_from(
        &app,
        "/profil",
        "/api/profile/language",
        &cookie,
        "locale=fr",
    )
    .await;
    assert!(
        location(&headers).contains(REFUSED),
        "unknown language refused"
    );
}

fn totp_code(secret: &str, at: chrono::DateTime<chrono::Utc>) -> String {
    let totp = totp_rs::Builder::new()
        .with_secret(totp_rs::Secret::try_from_base32(secret).unwrap())
        .build()
        .unwrap();
    totp.generate(at.timestamp() as u64).to_string()
}

async fn account_of(t: &TestDb, login: &str) -> user_account::Model {
    user_account::Entity::find()
        .filter(user_account::Column::Login.eq(login))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
}

fn set_cookie(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|c| c.starts_with(&format!("{name}=")) && !c.contains("Max-Age=0"))
        .map(|c| c.split(';').next().unwrap().to_owned())
}

async fn second_factor_and_the_agency_rule(t: TestDb) {
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    server::demo::seed_once(&t.db).await.unwrap();
    let app = app(&t);
    let admin = login(&app, ADMIN_NIP, DEMO_PASSWORD).await;
    let settings = |require: bool, version: i32| {
        format!(
            "version={version}&name=Badan+Kepegawaian&short_name=BKPSDM+Sukamakmur&time_zone=Asia%2FJakarta\
             &evaluation_interval=monthly{}",
            if require { "&require_admin_mfa=on" } else { "" }
        )
    };

    // The rule cannot be switched on by an admin who has no second factor yet.
    let (_, headers) = post_form_from(
        &app,
        "/admin/instansi",
        "/api/admin/agency/update",
        &admin,
        &settings(true, 1),
    )
    .await;
    assert!(location(&headers).contains(REFUSED));
    let (_, page) = get(
        &app,
        &location(&headers).replace("http://kinerja.test", ""),
        &admin,
    )
    .await;
    assert!(page.contains("Aktifkan dahulu verifikasi dua langkah"));

    // Set up TOTP on the profile: a wrong code is refused, the right one turns it on.
    let (_, page) = get(&app, "/profil", &admin).await;
    assert!(page.contains("Siapkan verifikasi dua langkah"));
    post_form_from(&app, "/profil", "/api/profile/mfa/start", &admin, "").await;
    let secret = account_of(&t, ADMIN_NIP)
        .await
        .totp_secret
        .expect("secret kept");
    let (_, page) = get(&app, "/profil", &admin).await;
    assert!(
        page.contains("otpauth://totp/"),
        "link for the authenticator app"
    );
    let (_, headers) = post_form_from(
        &app,
        "/profil",
        "/api/profile/mfa/confirm",
        &admin,
        "code=000000",
    )
    .await;
    assert!(location(&headers).contains(REFUSED));
    let now = chrono::Utc::now();
    let (_, headers) = post_form_from(
        &app,
        "/profil",
        "/api/profile/mfa/confirm",
        &admin,
        &format!("code={}", totp_code(&secret, now)),
    )
    .await;
    assert!(
        location(&headers).contains("mfa=aktif"),
        "{}",
        location(&headers)
    );
    assert!(account_of(&t, ADMIN_NIP).await.totp_enabled);

    // Logging in now takes the password, then a code; a used code is not accepted again.
    let req = login_request(
        format!("login={ADMIN_NIP}&password={DEMO_PASSWORD}&next=%2Fadmin%2Funit"),
        None,
    );
    let (_, headers, _) = send(&app, req).await;
    assert_eq!(location(&headers), "/masuk/verifikasi");
    assert!(
        set_cookie(&headers, "kinerja_session").is_none(),
        "no session before the code"
    );
    let challenge = set_cookie(&headers, "kinerja_mfa").expect("challenge cookie");
    let (_, headers) = post_form_from(
        &app,
        "/masuk/verifikasi",
        "/api/auth/verify",
        &challenge,
        &format!("code={}", totp_code(&secret, now)),
    )
    .await;
    assert!(
        location(&headers).contains(REFUSED),
        "replayed code refused"
    );
    let (_, headers) = post_form_from(
        &app,
        "/masuk/verifikasi",
        "/api/auth/verify",
        &challenge,
        &format!(
            "code={}",
            totp_code(&secret, now + chrono::Duration::seconds(30))
        ),
    )
    .await;
    assert_eq!(location(&headers), "/admin/unit");
    let admin = set_cookie(&headers, "kinerja_session").expect("session after the code");

    // One password entry allows three codes; then the password is needed again, even for a
    // right code.
    let req = login_request(format!("login={ADMIN_NIP}&password={DEMO_PASSWORD}"), None);
    let (_, headers, _) = send(&app, req).await;
    let challenge = set_cookie(&headers, "kinerja_mfa").expect("challenge cookie");
    for _ in 0..3 {
        post_form_from(
            &app,
            "/masuk/verifikasi",
            "/api/auth/verify",
            &challenge,
            "code=000000",
        )
        .await;
    }
    let (_, headers) = post_form_from(
        &app,
        "/masuk/verifikasi",
        "/api/auth/verify",
        &challenge,
        &format!(
            "code={}",
            totp_code(&secret, now + chrono::Duration::seconds(60))
        ),
    )
    .await;
    assert!(
        location(&headers).contains(REFUSED),
        "challenge spent after 3 codes"
    );
    assert!(set_cookie(&headers, "kinerja_session").is_none());
    // Those wrong codes counted toward the account lock like wrong passwords.
    let throttle =
        app::db::entities::login_throttle::Entity::find_by_id(format!("account:{ADMIN_NIP}"))
            .one(&t.db)
            .await
            .unwrap()
            .expect("failures recorded");
    assert_eq!(throttle.failures, 3);
    app::auth::server::clear_failures(&t.db, &format!("account:{ADMIN_NIP}"))
        .await
        .unwrap();
    let (status, _) = get(&app, "/admin/unit", &admin).await;
    assert_eq!(status, StatusCode::OK);

    // With the rule on, an admin without a second factor keeps only employee rights.
    let (_, headers) = post_form_from(
        &app,
        "/admin/instansi",
        "/api/admin/agency/update",
        &admin,
        &settings(true, 1),
    )
    .await;
    assert!(
        location(&headers).contains("disimpan"),
        "{}",
        location(&headers)
    );
    let mut other = account_of(&t, server::demo::PPPK_EMPLOYEE_NIP)
        .await
        .into_active_model();
    other.admin_scope = Set(app::domain::access::AdminRole::Agency);
    other.update(&t.db).await.unwrap();
    let other = login(&app, server::demo::PPPK_EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let (status, _) = get(&app, "/admin/unit", &other).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, page) = get(&app, "/profil", &other).await;
    assert!(page.contains("data-testid=\"admin-needs-mfa\""));
    post_form_from(
        &app,
        "/admin/instansi",
        "/api/admin/agency/update",
        &admin,
        &settings(false, 2),
    )
    .await;
    let (status, _) = get(&app, "/admin/unit", &other).await;
    assert_eq!(status, StatusCode::OK, "rule off: admin rights back");
    let (status, page) = get(&app, "/admin/audit?aksi=agency_updated", &admin).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("2 catatan"));

    // An admin cannot reach an account of equal rank: no reset link for another agency admin.
    let anisa = pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq(server::demo::PPPK_EMPLOYEE_NIP))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let req = Request::builder()
        .method("POST")
        .uri("/api/admin/employee/reset-link")
        .header(header::HOST, "kinerja.test")
        .header(header::COOKIE, &admin)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .body(Body::from(format!("id={}", anisa.id)))
        .unwrap();
    let (status, _, _) = send(&app, req).await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // Turning 2FA off takes the password as well as a current code.
    let (_, headers) = post_form_from(
        &app,
        "/profil",
        "/api/profile/mfa/disable",
        &admin,
        &format!(
            "current_password=salah-sekali&code={}",
            totp_code(&secret, now + chrono::Duration::seconds(90))
        ),
    )
    .await;
    assert!(location(&headers).contains(REFUSED));
    let (_, page) = get(
        &app,
        &location(&headers).replace("http://kinerja.test", ""),
        &admin,
    )
    .await;
    assert!(
        page.contains("Kata sandi saat ini salah."),
        "password checked"
    );
    assert!(account_of(&t, ADMIN_NIP).await.totp_enabled);
}

on_both_engines!(
    second_factor_and_the_agency_rule,
    language_preference_follows_the_user,
    unit_tree_create_rename_move_close_and_audit,
    directory_scope_and_search,
    employee_form_validates_records_history_and_audits,
    csv_import_is_all_or_nothing_and_idempotent,
    csv_export_imports_back,
    reset_link_works_once,
);
