//! The live channel: a browser following its own topic is sent the state at once and again
//! within a second of a change made through any instance; nobody follows another's topic.

use crate::common::web::{app, get, login, request, send};
use crate::common::{self, TestDb};
use app::db::entities::{auth_session, pegawai, user_account};
use app::domain::ids::AccountId;
use app::domain::notification::NotificationKind;
use axum::Router;
use axum::body::Body;
use axum::http::{StatusCode, header};
use http_body_util::BodyExt;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use server::demo::{DEMO_PASSWORD, EMPLOYEE_NIP, SUPERVISOR_NIP};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

async fn account_of(t: &TestDb, nip: &str) -> AccountId {
    let person = pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq(nip))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    user_account::Entity::find()
        .filter(user_account::Column::PegawaiId.eq(person.id))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// A notification for `account`, written straight to the database (as another instance would).
async fn notify(t: &TestDb, account: AccountId) {
    app::db::notifications::notify_account(
        &t.db,
        account,
        NotificationKind::SkpApproved,
        None,
        "Rudi Hartono",
        "/skp",
    )
    .await
    .unwrap();
}

/// Marks every notification of the signed-in account read, as the bell's button does.
fn read_all_request(cookie: &str) -> axum::http::Request<Body> {
    request("POST", "/api/notifications/read", cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::empty())
        .unwrap()
}

/// The data of the next server-sent event named `name` whose data passes `wanted`, within
/// `limit`.
pub(crate) async fn next_event(
    body: &mut Body,
    name: &str,
    wanted: impl Fn(&str) -> bool,
    limit: Duration,
) -> String {
    let until = tokio::time::Instant::now() + limit;
    let mut text = String::new();
    loop {
        let frame = tokio::time::timeout_at(until, body.frame())
            .await
            .unwrap_or_else(|_| panic!("no fitting {name} event in {limit:?}; got {text:?}"))
            .expect("the stream stays open")
            .unwrap();
        if let Ok(data) = frame.into_data() {
            text.push_str(&String::from_utf8_lossy(&data));
            if let Some((_, data)) = complete_events(&text)
                .into_iter()
                .find(|(each, data)| each == name && wanted(data))
            {
                return data;
            }
        }
    }
}

/// The complete events of a server-sent event stream's text, as (name, data).
fn complete_events(text: &str) -> Vec<(String, String)> {
    let Some(end) = text.rfind("\n\n") else {
        return Vec::new();
    };
    text[..end]
        .split("\n\n")
        .filter_map(|block| {
            let mut name = "message".to_owned();
            let mut data = Vec::new();
            for line in block.lines() {
                if let Some(value) = line.strip_prefix("event:") {
                    name = value.trim_start().to_owned();
                } else if let Some(value) = line.strip_prefix("data:") {
                    data.push(value.strip_prefix(' ').unwrap_or(value));
                }
            }
            (!data.is_empty()).then(|| (name, data.join("\n")))
        })
        .collect()
}

async fn the_bell_follows_its_own_account_only(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app: Router = app(&t);
    let cookie = login(&app, EMPLOYEE_NIP, DEMO_PASSWORD).await;
    let me = account_of(&t, EMPLOYEE_NIP).await;
    let other = account_of(&t, SUPERVISOR_NIP).await;
    notify(&t, me).await;

    // Opens with the current count.
    let res = open(&app, &format!("/live/user:{me}"), &cookie).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()[header::CONTENT_TYPE].to_str().unwrap(),
        "text/event-stream"
    );
    let mut body = res.into_body();
    let first = next_event(&mut body, "notifications", |_| true, Duration::from_secs(5)).await;
    assert_ne!(first, "0");

    // Reading them all through a server function reaches the stream within a second.
    let started = Instant::now();
    let (status, _, _) = send(&app, read_all_request(&cookie)).await;
    assert!(status.is_success() || status.is_redirection(), "{status}");
    next_event(
        &mut body,
        "notifications",
        |unread| unread == "0",
        Duration::from_secs(1),
    )
    .await;
    assert!(started.elapsed() < Duration::from_secs(1));

    // Another account's topic, no session, and what is not a topic.
    for (path, who, expected) in [
        (format!("/live/user:{other}"), cookie.as_str(), 403),
        (format!("/live/user:{me}"), "", 401),
        ("/live/skp:1".to_owned(), cookie.as_str(), 404),
        ("/live/user:abc".to_owned(), cookie.as_str(), 404),
    ] {
        let res = open(&app, &path, who).await;
        assert_eq!(res.status().as_u16(), expected, "{path}");
    }

    // Following is not activity: a session idle for half an hour stays idle while its stream
    // opens and reads, and a page the person opens counts as usual.
    let idle_since = chrono::Utc::now() - chrono::Duration::minutes(30);
    auth_session::Entity::update_many()
        .col_expr(auth_session::Column::LastSeenAt, Expr::value(idle_since))
        .exec(&t.db)
        .await
        .unwrap();
    let last_seen = || async {
        auth_session::Entity::find()
            .all(&t.db)
            .await
            .unwrap()
            .into_iter()
            .map(|s| s.last_seen_at)
            .max()
            .unwrap()
    };
    let mut body = open(&app, &format!("/live/user:{me}"), &cookie)
        .await
        .into_body();
    next_event(&mut body, "notifications", |_| true, Duration::from_secs(5)).await;
    assert!((last_seen().await - idle_since).num_seconds().abs() < 1);
    let (status, _) = get(&app, "/profil", &cookie).await;
    assert_eq!(status, StatusCode::OK);
    assert!(last_seen().await > idle_since + chrono::Duration::minutes(29));
}

on_both_engines!(the_bell_follows_its_own_account_only);

/// Opens `path` and returns the answer with its body still streaming.
pub(crate) async fn open(app: &Router, path: &str, cookie: &str) -> axum::response::Response {
    use tower::ServiceExt;
    app.clone()
        .oneshot(request("GET", path, cookie).body(Body::empty()).unwrap())
        .await
        .unwrap()
}

/// A server binary on `database_url`, listening on `port`, with its logs drained.
fn start_instance(database_url: &str, port: u16, demo: bool) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("DATABASE_URL", database_url)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_OUTPUT_NAME", "kinerja")
        .env("KINERJA_LEPTOS_CONFIG", "/nonexistent/Leptos.toml")
        .env("KINERJA_DEMO_DATA", demo.to_string())
        .env("LOG_FORMAT", "json")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start server binary");
    let mut stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        let mut sink = String::new();
        stderr.read_to_string(&mut sink).ok();
    });
    if healthy_within(port, Duration::from_secs(60)) {
        child
    } else {
        child.kill().ok();
        child.wait().ok();
        panic!("instance on {port} did not come up");
    }
}

fn healthy_within(port: u16, limit: Duration) -> bool {
    let started = Instant::now();
    while started.elapsed() < limit {
        let health = raw(
            port,
            "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        );
        if health.is_some_and(|r| r.starts_with("HTTP/1.1 200")) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

/// One request on its own connection, answered in full.
fn raw(port: u16, request: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    stream.write_all(request.as_bytes()).ok()?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).ok()?;
    Some(answer)
}

fn stop(mut child: Child) {
    Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(exit) = child.try_wait().unwrap() {
            assert!(exit.success(), "clean exit: {exit:?}");
            return;
        }
        assert!(Instant::now() < deadline, "instance ignored SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A stream opened on `port`, read line by line on its own thread: the connection (kept open
/// while it lives) and a wait for the next event of a name whose data passes a test, within a
/// time limit.
#[allow(clippy::type_complexity)]
fn follow(
    port: u16,
    path: &str,
    cookie: &str,
) -> (
    TcpStream,
    impl Fn(&str, &dyn Fn(&str) -> bool, Duration) -> String + use<>,
) {
    let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut writer = stream.try_clone().unwrap();
    write!(
        writer,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nCookie: {cookie}\r\n\r\n"
    )
    .unwrap();
    let (lines_tx, lines_rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    // Each event is one chunk with one `data:` line: the event's name comes on the line before.
    let wait_for = move |name: &str, wanted: &dyn Fn(&str) -> bool, limit: Duration| -> String {
        let until = Instant::now() + limit;
        let mut current = String::new();
        loop {
            let left = until.saturating_duration_since(Instant::now());
            match lines_rx.recv_timeout(left) {
                Ok(line) => {
                    if let Some(value) = line.strip_prefix("event:") {
                        current = value.trim().to_owned();
                    } else if let Some(data) = line.strip_prefix("data: ")
                        && current == name
                        && wanted(data)
                    {
                        return data.to_owned();
                    }
                }
                Err(_) => panic!("no fitting {name} event within {limit:?}"),
            }
        }
    };
    (writer, wait_for)
}

/// Two instances on one PostgreSQL database: a change made through A reaches a stream opened on
/// B within a second, and B refuses a topic that is not the reader's.
#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_through_one_instance_reaches_a_stream_on_another() {
    let t = TestDb::empty(common::Engine::Postgres).await;
    let url = t.postgres_url().unwrap();
    let (port_a, port_b) = (common::free_port(), common::free_port());
    // A migrates and loads the demo first; B starts on the finished database.
    let a = start_instance(&url, port_a, true);
    let b = start_instance(&url, port_b, false);

    let login = raw(
        port_a,
        &format!(
            "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\nlogin={EMPLOYEE_NIP}&password={DEMO_PASSWORD}",
            EMPLOYEE_NIP.len() + DEMO_PASSWORD.len() + 16
        ),
    )
    .unwrap();
    let cookie = login
        .lines()
        .find_map(|l| {
            l.strip_prefix("set-cookie: ")
                .or(l.strip_prefix("Set-Cookie: "))
        })
        .and_then(|c| c.split(';').next())
        .expect("a session cookie")
        .to_owned();
    let me = account_of(&t, EMPLOYEE_NIP).await;
    let other = account_of(&t, SUPERVISOR_NIP).await;
    notify(&t, me).await;

    // The stream on B.
    let (writer, wait_for) = follow(port_b, &format!("/live/user:{me}"), &cookie);
    let first = wait_for("notifications", &|_| true, Duration::from_secs(10));
    assert_ne!(first, "0");

    // The bell's "mark all read", posted to A.
    let started = Instant::now();
    let answer = raw(
        port_a,
        &format!(
            "POST /api/notifications/read HTTP/1.1\r\nHost: localhost\r\nCookie: {cookie}\r\n\
             Accept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\n\
             Content-Length: 0\r\nConnection: close\r\n\r\n"
        ),
    )
    .unwrap();
    assert!(
        answer.starts_with("HTTP/1.1 2") || answer.starts_with("HTTP/1.1 3"),
        "{answer}"
    );
    wait_for(
        "notifications",
        &|unread| unread == "0",
        Duration::from_secs(1),
    );
    let latency = started.elapsed();
    // Printed for the README's figures (`-- --nocapture`).
    println!("live: change through A seen on B after {latency:?}");
    assert!(latency < Duration::from_secs(1), "{latency:?}");

    // B refuses another account's topic and a visitor without a session.
    for (path, cookie, status) in [
        (format!("/live/user:{other}"), cookie.as_str(), "403"),
        (format!("/live/user:{me}"), "", "401"),
    ] {
        let answer = raw(
            port_b,
            &format!(
                "GET {path} HTTP/1.1\r\nHost: localhost\r\nCookie: {cookie}\r\n\
                 Connection: close\r\n\r\n"
            ),
        )
        .unwrap();
        assert!(
            answer.starts_with(&format!("HTTP/1.1 {status}")),
            "{path}: {answer}"
        );
    }
    drop(writer);
    stop(a);
    stop(b);
}

/// A form posted to `path` on `port` as a browser without JavaScript would, answered in full.
fn post_form(port: u16, path: &str, cookie: &str, body: &str) -> String {
    raw(
        port,
        &format!(
            "POST {path} HTTP/1.1\r\nHost: localhost\r\nCookie: {cookie}\r\nAccept: text/html\r\n\
             Referer: http://localhost/\r\nContent-Type: application/x-www-form-urlencoded\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
    .unwrap()
}

/// Two instances on one PostgreSQL database: an answer submitted through A reaches the cycle's
/// dashboard followed on B within a second.
#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_through_one_instance_reaches_a_dashboard_on_another() {
    use app::db::entities::{siklus_360, unit_kerja};
    use server::demo::ADMIN_NIP;
    let t = TestDb::empty(common::Engine::Postgres).await;
    let url = t.postgres_url().unwrap();
    let (port_a, port_b) = (common::free_port(), common::free_port());
    let a = start_instance(&url, port_a, true);
    let b = start_instance(&url, port_b, false);
    let admin = common::session_cookie(&t.db, ADMIN_NIP).await;

    // A cycle over one unit, open today (the instances run on the real clock), made through A.
    let unit = unit_kerja::Entity::find()
        .filter(unit_kerja::Column::Code.eq("MP-PPK"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let today = (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive();
    let day = |d: chrono::NaiveDate| d.format("%d-%m-%Y").to_string();
    let created = post_form(
        port_a,
        "/api/admin/360/create",
        &admin,
        &format!(
            "title=Live&unit_id={}&opens_on={}&closes_on={}&min_answers=3&min_peers=0\
             &max_peers=6&superior=on&peer=on",
            unit.id,
            day(today - chrono::Duration::days(1)),
            day(today + chrono::Duration::days(7)),
        ),
    );
    assert!(created.starts_with("HTTP/1.1 30"), "{created}");
    assert!(created.contains("disimpan=1"), "refused: {created}");
    let cycle = siklus_360::Entity::find()
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let opened = post_form(
        port_a,
        "/api/admin/360/event",
        &admin,
        &format!("id={}&version={}&event=open", cycle.id, cycle.version),
    );
    assert!(opened.contains("disimpan=1"), "{opened}");

    // The dashboard on B.
    let (writer, wait_for) = follow(port_b, &format!("/live/cycle360:{}", cycle.id), &admin);
    let rate = |n: &'static str| {
        move |html: &str| html.contains(&format!(r#"data-testid="cycle-rate" data-answered="{n}""#))
    };
    wait_for("cycle360", &rate("0"), Duration::from_secs(10));

    // A peer answers through A.
    let peer = crate::feedback360::first_peer_assignment(&t.db, cycle.id).await;
    let rater = user_account::Entity::find()
        .filter(user_account::Column::PegawaiId.eq(peer.rater_id))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let rater = common::session_cookie(&t.db, &rater.login).await;
    let mut body = format!("id={}", peer.id);
    for n in 1..=21 {
        body.push_str(&format!("&scores%5B{n}%5D=4"));
    }
    let started = Instant::now();
    let answered = post_form(port_a, "/api/360/answer", &rater, &body);
    assert!(answered.contains("terkirim=1"), "{answered}");
    wait_for("cycle360", &rate("1"), Duration::from_secs(1));
    let latency = started.elapsed();
    // Printed for the README's figures (`-- --nocapture`).
    println!("live: answer through A on the dashboard on B after {latency:?}");
    assert!(latency < Duration::from_secs(1), "{latency:?}");
    drop(writer);
    stop(a);
    stop(b);
}
