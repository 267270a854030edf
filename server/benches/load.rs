//! Load benchmark of the release server: requests per second and p50/p99 latency of `/masuk`, an
//! SKP page and `/bawahan` with 32 kept-alive connections, and autosaves per second from 20
//! sessions saving their own self-assessments, on SQLite (a file, as deployed) and PostgreSQL.
//! In the same run, a bare axum handler answering the bytes of `/masuk` gives the ceiling this
//! machine and this client reach, so the figures read as fractions of it.
//!
//! `cargo bench -p server --bench load` (`-- --seconds N` per measurement, default 5). The server
//! is the real binary, started once per engine with the demo data; the client runs in this
//! process on one thread, so on a 2-core machine the server has about one core to itself.

#[path = "../tests/it/common/mod.rs"]
mod common;

use app::auth::server::{ClientInfo, create_session};
use app::db::entities::{evaluasi, pegawai, skp, user_account};
use common::TestDb;
use leptos::server_fn::ServerFn as _;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const CONNECTIONS: usize = 32;
const AUTOSAVE_SESSIONS: usize = 20;
const BARE_PORT_VAR: &str = "KINERJA_BENCH_BARE_PORT";
const BARE_BODY_VAR: &str = "KINERJA_BENCH_BARE_BODY";

fn main() {
    // Started again by itself as the bare handler's process.
    if let Ok(port) = std::env::var(BARE_PORT_VAR) {
        serve_bare(port.parse().expect("port"));
        return;
    }
    let args: Vec<String> = std::env::args().collect();
    let seconds = args
        .iter()
        .position(|a| a == "--seconds")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let window = Duration::from_secs(seconds);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(run(window));
}

async fn run(window: Duration) {
    let mut rows = Vec::new();
    let mut login_page = None;
    for engine in [common::Engine::Sqlite, common::Engine::Postgres] {
        let (server, db, _dir) = start_server(engine).await;
        let port = server.port;
        let name = match engine {
            common::Engine::Sqlite => "SQLite",
            common::Engine::Postgres => "PostgreSQL",
        };
        let supervisor = common::session_cookie(&db, server::demo::SUPERVISOR_NIP).await;
        let plan = plan_of(&db, server::demo::SUPERVISOR_NIP).await;
        let pages = [
            ("/masuk".to_owned(), String::new()),
            (format!("/skp/{}", plan.id), supervisor.clone()),
            ("/bawahan".to_owned(), supervisor.clone()),
        ];
        for (path, cookie) in &pages {
            let request = get_request(path, cookie);
            let (status, body) = once(port, &request).await;
            assert_eq!(status, 200, "{name} {path}: {body}");
            if path == "/masuk" && login_page.is_none() {
                login_page = Some(body);
            }
            server.take_panics();
            let mut result = load(port, &request, CONNECTIONS, window).await;
            result.panics = server.take_panics();
            rows.push((format!("{path} ({name})"), result));
        }
        let mut saves = autosaves(&db, port, window).await;
        saves.panics = server.take_panics();
        rows.push((
            format!("autosave, {AUTOSAVE_SESSIONS} sessions ({name})"),
            saves,
        ));
        drop(server);
    }

    let body = login_page.expect("the login page was fetched");
    let bare = BareServer::start(&body);
    let result = load(bare.port, &get_request("/masuk", ""), CONNECTIONS, window).await;
    rows.insert(
        0,
        ("bare axum handler, same bytes as /masuk".to_owned(), result),
    );
    drop(bare);

    let ceiling = rows[0].1.per_second;
    println!("\n| what | requests/s | of bare | p50 | p99 | errors | server panics |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for (what, r) in &rows {
        println!(
            "| {what} | {:.0} | {:.1} % | {:.1} ms | {:.1} ms | {} | {} |",
            r.per_second,
            100.0 * r.per_second / ceiling,
            r.p50.as_secs_f64() * 1000.0,
            r.p99.as_secs_f64() * 1000.0,
            r.errors,
            r.panics
        );
    }
    // A row with failed answers measures the failures: the run fails rather than report it.
    let failed: Vec<&str> = rows
        .iter()
        .filter(|(_, r)| r.errors > 0 || r.panics > 0)
        .map(|(what, _)| what.as_str())
        .collect();
    assert!(failed.is_empty(), "failed answers or panics: {failed:?}");
}

struct Outcome {
    per_second: f64,
    p50: Duration,
    p99: Duration,
    errors: usize,
    panics: usize,
}

fn outcome(mut times: Vec<Duration>, errors: usize, elapsed: Duration) -> Outcome {
    times.sort();
    let at = |q: f64| {
        times
            .get(((times.len() as f64 * q) as usize).min(times.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    };
    Outcome {
        per_second: times.len() as f64 / elapsed.as_secs_f64(),
        p50: at(0.50),
        p99: at(0.99),
        errors,
        panics: 0,
    }
}

/// The answer times and failures of every client, as one outcome.
async fn gather(
    clients: Vec<tokio::task::JoinHandle<(Vec<Duration>, usize)>>,
    window: Duration,
) -> Outcome {
    let mut times = Vec::new();
    let mut errors = 0;
    for client in clients {
        let (t, e) = client.await.unwrap();
        times.extend(t);
        errors += e;
    }
    outcome(times, errors, window)
}

/// `connections` clients sending `request` back to back for one second of warm-up, then for
/// `window`; only answers of 200 count.
async fn load(port: u16, request: &str, connections: usize, window: Duration) -> Outcome {
    let warm_until = Instant::now() + Duration::from_secs(1);
    let until = warm_until + window;
    let tasks: Vec<_> = (0..connections)
        .map(|_| {
            let request = request.to_owned();
            tokio::spawn(async move {
                let mut conn = Connection::open(port).await;
                let mut times = Vec::new();
                let mut errors = 0;
                loop {
                    let started = Instant::now();
                    if started >= until {
                        break;
                    }
                    let status = conn.send(&request).await.map(|(status, _)| status);
                    if started >= warm_until {
                        match status {
                            Ok(200) => times.push(started.elapsed()),
                            _ => errors += 1,
                        }
                    }
                    if status.is_err() {
                        conn = Connection::open(port).await;
                    }
                }
                (times, errors)
            })
        })
        .collect();
    gather(tasks, window).await
}

/// Each session types into its own open self-assessment: a save, wait for the answer (which
/// carries the new version), the next save.
async fn autosaves(db: &DatabaseConnection, port: u16, window: Duration) -> Outcome {
    let sessions = open_evaluations(db, AUTOSAVE_SESSIONS).await;
    let warm_until = Instant::now() + Duration::from_secs(1);
    let until = warm_until + window;
    let tasks: Vec<_> = sessions
        .into_iter()
        .map(|(cookie, id, mut version)| {
            tokio::spawn(async move {
                let mut conn = Connection::open(port).await;
                let mut times = Vec::new();
                let mut errors = 0;
                let mut n = 0u64;
                while Instant::now() < until {
                    n += 1;
                    // As the wizard's island sends it: the `autosave` server function.
                    let body = serde_json::json!({
                        "id": id,
                        "version": version,
                        "step": 2,
                        "fields": [["achievements", format!("Menyelesaikan verifikasi usulan ke-{n}")]],
                    })
                    .to_string();
                    let request = format!(
                        "POST {} HTTP/1.1\r\nHost: localhost\r\nCookie: {cookie}\r\n\
                         Accept: application/json\r\nContent-Type: application/json\r\n\
                         Content-Length: {}\r\n\r\n{body}",
                        app::features::evaluation::Autosave::url(),
                        body.len()
                    );
                    let started = Instant::now();
                    let answer = conn.send(&request).await;
                    let saved = match &answer {
                        Ok((200, text)) => serde_json::from_str::<serde_json::Value>(text)
                            .ok()
                            .and_then(|v| v["Saved"]["version"].as_i64()),
                        _ => None,
                    };
                    match saved {
                        Some(next) => {
                            version = next;
                            if started >= warm_until {
                                times.push(started.elapsed());
                            }
                        }
                        None => {
                            errors += 1;
                            if answer.is_err() {
                                conn = Connection::open(port).await;
                            }
                        }
                    }
                }
                (times, errors)
            })
        })
        .collect();
    gather(tasks, window).await
}

/// `count` sessions, each with an open self-assessment of its own: the months of the unit
/// heads' approved plans, each head signed in once per month it types in.
async fn open_evaluations(
    db: &DatabaseConnection,
    count: usize,
) -> Vec<(String, app::domain::ids::EvaluationId, i64)> {
    let plans = skp::Entity::find()
        .filter(skp::Column::State.eq("approved"))
        .all(db)
        .await
        .unwrap();
    let mut sessions = Vec::new();
    'plans: for plan in plans {
        let Some(account) = user_account::Entity::find()
            .filter(user_account::Column::PegawaiId.eq(plan.pegawai_id))
            .one(db)
            .await
            .unwrap()
        else {
            continue;
        };
        for seq in 1..=12 {
            if sessions.len() == count {
                break 'plans;
            }
            let now = chrono::Utc::now();
            let row = evaluasi::ActiveModel {
                skp_id: Set(plan.id),
                seq: Set(seq),
                state: Set(app::domain::evaluation::EvaluationState::Open),
                step: Set(2),
                version: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await
            .unwrap();
            let token = create_session(db, account.id, &ClientInfo::default(), now)
                .await
                .unwrap();
            sessions.push((format!("kinerja_session={token}"), row.id, 1));
        }
    }
    assert_eq!(
        sessions.len(),
        count,
        "enough approved plans for the sessions"
    );
    sessions
}

async fn plan_of(db: &DatabaseConnection, nip: &str) -> skp::Model {
    let person = pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq(nip))
        .one(db)
        .await
        .unwrap()
        .expect("demo employee");
    skp::Entity::find()
        .filter(skp::Column::PegawaiId.eq(person.id))
        .one(db)
        .await
        .unwrap()
        .expect("the demo unit heads have plans")
}

fn get_request(path: &str, cookie: &str) -> String {
    let cookie = if cookie.is_empty() {
        String::new()
    } else {
        format!("Cookie: {cookie}\r\n")
    };
    format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n{cookie}\r\n")
}

async fn once(port: u16, request: &str) -> (u16, String) {
    Connection::open(port)
        .await
        .send(request)
        .await
        .expect("an answer")
}

/// One kept-alive HTTP/1.1 connection, reading answers by `Content-Length` or chunked.
struct Connection {
    reader: BufReader<TcpStream>,
}

impl Connection {
    async fn open(port: u16) -> Self {
        let stream = TcpStream::connect(("127.0.0.1", port))
            .await
            .expect("connect");
        stream.set_nodelay(true).ok();
        Self {
            reader: BufReader::new(stream),
        }
    }

    async fn send(&mut self, request: &str) -> std::io::Result<(u16, String)> {
        self.reader.get_mut().write_all(request.as_bytes()).await?;
        let mut line = String::new();
        self.reader.read_line(&mut line).await?;
        let status = line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or(std::io::ErrorKind::InvalidData)?;
        let (mut length, mut chunked) = (None, false);
        loop {
            line.clear();
            if self.reader.read_line(&mut line).await? == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            let header = line.trim_end().to_ascii_lowercase();
            if header.is_empty() {
                break;
            }
            if let Some(v) = header.strip_prefix("content-length:") {
                length = v.trim().parse::<usize>().ok();
            } else if header.starts_with("transfer-encoding:") && header.contains("chunked") {
                chunked = true;
            }
        }
        let mut body = Vec::new();
        if chunked {
            loop {
                line.clear();
                self.reader.read_line(&mut line).await?;
                let size = usize::from_str_radix(line.trim(), 16)
                    .map_err(|_| std::io::ErrorKind::InvalidData)?;
                let start = body.len();
                body.resize(start + size + 2, 0);
                self.reader.read_exact(&mut body[start..]).await?;
                body.truncate(start + size);
                if size == 0 {
                    break;
                }
            }
        } else {
            body.resize(length.unwrap_or(0), 0);
            self.reader.read_exact(&mut body).await?;
        }
        Ok((status, String::from_utf8_lossy(&body).into_owned()))
    }
}

/// The release server on a fresh database with the demo data. Its log is read as it runs: a
/// panic anywhere in it (a request or a task it spawned) is counted against the measurement.
struct Server {
    child: Child,
    port: u16,
    panics: Arc<AtomicUsize>,
}

impl Server {
    /// Panics logged since the last call.
    fn take_panics(&self) -> usize {
        self.panics.swap(0, Ordering::Relaxed)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Statistics and a checkpoint after the seeding, so that neither the planner's first guesses
/// nor the background work the fresh rows trigger (autovacuum, a checkpoint) fall into a
/// measurement: a deployed database is in this settled state.
async fn settle(db: &DatabaseConnection, engine: common::Engine) {
    use sea_orm::ConnectionTrait;
    let statements: &[&str] = match engine {
        common::Engine::Sqlite => &["ANALYZE", "PRAGMA wal_checkpoint(TRUNCATE)"],
        common::Engine::Postgres => &["VACUUM ANALYZE", "CHECKPOINT"],
    };
    for sql in statements {
        db.execute_unprepared(sql).await.unwrap();
    }
}

async fn start_server(engine: common::Engine) -> (Server, DatabaseConnection, TempDir) {
    let mut dir = TempDir::new();
    let (url, db, keep) = match engine {
        common::Engine::Sqlite => {
            let url = format!("sqlite://{}/bench.db?mode=rwc", dir.0.display());
            let db = server::database::connect(&url, 4).await.unwrap();
            server::database::migrate(&db).await.unwrap();
            (url, db, None)
        }
        common::Engine::Postgres => {
            let t = TestDb::postgres().await;
            let url = t.postgres_url().unwrap();
            (url, t.db.clone(), Some(t))
        }
    };
    server::demo::seed_once(&db).await.unwrap();
    settle(&db, engine).await;
    let port = common::free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("DATABASE_URL", &url)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_OUTPUT_NAME", "kinerja")
        .env("LEPTOS_SITE_ROOT", dir.0.join("site"))
        .env("KINERJA_LEPTOS_CONFIG", dir.0.join("absent.toml"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the server binary");
    let mut child = child;
    let panics = Arc::new(AtomicUsize::new(0));
    let log = child.stderr.take().unwrap();
    std::thread::spawn({
        let panics = panics.clone();
        move || {
            // A panic prints its place on one line and its message on the next.
            let mut message_follows = false;
            for line in std::io::BufRead::lines(std::io::BufReader::new(log)).map_while(Result::ok)
            {
                if message_follows {
                    eprintln!("server:   {line}");
                }
                message_follows = line.contains("panicked");
                if message_follows {
                    eprintln!("server: {line}");
                    panics.fetch_add(1, Ordering::Relaxed);
                }
            }
        }
    });
    let server = Server {
        child,
        port,
        panics,
    };
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).await.is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "server did not start"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    dir.1 = keep;
    (server, db, dir)
}

/// A folder (and, on PostgreSQL, the database) removed when the measurement is over.
struct TempDir(std::path::PathBuf, Option<TestDb>);

impl TempDir {
    fn new() -> Self {
        let path = std::env::temp_dir().join(format!(
            "kinerja-load-{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4().simple()
        ));
        std::fs::create_dir_all(&path).unwrap();
        Self(path, None)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// This benchmark started again as a bare axum server answering fixed bytes.
struct BareServer {
    child: Child,
    port: u16,
    body_file: std::path::PathBuf,
}

impl BareServer {
    fn start(body: &str) -> Self {
        let port = common::free_port();
        let body_file = std::env::temp_dir().join(format!("kinerja-bare-{}.html", port));
        std::fs::write(&body_file, body).unwrap();
        let child = Command::new(std::env::current_exe().unwrap())
            .env(BARE_PORT_VAR, port.to_string())
            .env(BARE_BODY_VAR, &body_file)
            .spawn()
            .expect("start the bare server");
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "bare server did not start"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Self {
            child,
            port,
            body_file,
        }
    }
}

impl Drop for BareServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_file(&self.body_file);
    }
}

/// The ceiling: the same runtime, axum and TCP settings as the server, no work per request.
fn serve_bare(port: u16) {
    let body = std::fs::read_to_string(std::env::var(BARE_BODY_VAR).unwrap()).unwrap();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let app = axum::Router::new().route(
            "/masuk",
            axum::routing::get(move || {
                let body = body.clone();
                async move { axum::response::Html(body) }
            }),
        );
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .unwrap();
        let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
            let _ = tcp.set_nodelay(true);
        });
        axum::serve(listener, app).await.unwrap();
    });
}
