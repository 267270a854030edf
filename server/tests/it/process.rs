//! The real binary: starts on a fresh SQLite file, answers, and stops cleanly on SIGTERM.

use crate::common;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn http_get(port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    Some(response)
}

/// 600 requests from 50 clients at once over real connections (pages in both languages and an
/// unknown address), while 50 more clients hang up half-way through their answer or before it.
fn burst_with_dropped_clients(port: u16) {
    const CLIENTS: usize = 50;
    const REQUESTS_EACH: usize = 12;
    let pages = [
        (
            "/masuk",
            "id",
            "200",
            "<title>Masuk ke Kinerja · Kinerja</title>",
        ),
        (
            "/masuk",
            "en",
            "200",
            "<title>Log in to Kinerja · Kinerja</title>",
        ),
        (
            "/tidak-ada",
            "en",
            "404",
            "<title>Page not found · Kinerja</title>",
        ),
        ("/", "id", "200", "<title>Kinerja</title>"),
    ];
    let workers: Vec<_> = (0..CLIENTS)
        .map(|client| {
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                for i in 0..REQUESTS_EACH {
                    let (path, locale, status, title) = pages[(client + i) % pages.len()];
                    let answer = request(port, path, locale, None).unwrap_or_default();
                    let head = answer.lines().next().unwrap_or_default().to_owned();
                    if !head.contains(&format!(" {status} ")) || !answer.contains(title) {
                        failures.push(format!("{path} ({locale}): {head}"));
                    }
                }
                failures
            })
        })
        .collect();
    let droppers: Vec<_> = (0..CLIENTS)
        .map(|client| {
            std::thread::spawn(move || {
                // Half read a few bytes and hang up, half hang up before any answer.
                let keep = if client % 2 == 0 { 64 } else { 0 };
                request(port, "/masuk", "id", Some(keep));
            })
        })
        .collect();
    for dropper in droppers {
        dropper.join().unwrap();
    }
    let failures: Vec<String> = workers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} requests failed: {:?}",
        failures.len(),
        CLIENTS * REQUESTS_EACH,
        &failures[..failures.len().min(5)]
    );
}

/// One request on its own connection; with `hang_up_after`, the client closes the connection
/// after reading that many bytes instead of reading the answer.
fn request(port: u16, path: &str, locale: &str, hang_up_after: Option<usize>) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nCookie: i18n_pref_locale={locale}\r\n\
         Connection: close\r\n\r\n"
    )
    .ok()?;
    if let Some(keep) = hang_up_after {
        let mut first = vec![0; keep];
        stream.read_exact(&mut first).ok();
        return None;
    }
    let mut response = Vec::new();
    stream.read_to_end(&mut response).ok()?;
    Some(String::from_utf8_lossy(&response).into_owned())
}

/// One answer read off a kept-alive connection: its head (status line and headers, lower case)
/// and its body, by `Content-Length`.
fn read_answer(reader: &mut BufReader<TcpStream>) -> std::io::Result<(String, String)> {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        if line == "\r\n" {
            break;
        }
        head.push_str(&line.to_lowercase());
    }
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok((head, String::from_utf8_lossy(&body).into_owned()))
}

/// What one client on a kept-alive connection saw around a shutdown.
#[derive(Default, Debug)]
struct KeptAlive {
    answered: usize,
    /// Requests written whose connection then ended without an answer.
    dropped: usize,
    told_to_close: bool,
}

/// A client calling a server function (a POST that reads the database) back to back on one
/// kept-alive connection until the server asks it to close the connection, as a load balancer
/// or a browser saving as the user types does.
fn calls_on_one_connection(port: u16, until: Instant) -> KeptAlive {
    let mut seen = KeptAlive::default();
    let Ok(stream) = TcpStream::connect(("127.0.0.1", port)) else {
        return seen;
    };
    stream.set_read_timeout(Some(Duration::from_secs(20))).ok();
    let mut writer = stream.try_clone().unwrap();
    let mut reader = BufReader::new(stream);
    while Instant::now() < until {
        let sent = writer.write_all(
            b"POST /api/agency/summary HTTP/1.1\r\nHost: localhost\r\n\
              Content-Type: application/x-www-form-urlencoded\r\nAccept: application/json\r\n\
              Content-Length: 0\r\n\r\n",
        );
        if sent.is_err() {
            seen.dropped += 1;
            break;
        }
        match read_answer(&mut reader) {
            Ok((head, body)) => {
                assert!(head.starts_with("http/1.1 200"), "{head}");
                assert!(body.contains("Kabupaten Sukamakmur"), "{body}");
                seen.answered += 1;
                if head.contains("connection: close") {
                    seen.told_to_close = true;
                    break;
                }
            }
            Err(_) => {
                seen.dropped += 1;
                break;
            }
        }
    }
    seen
}

#[cfg(unix)]
#[test]
fn binary_serves_migrates_and_shuts_down_gracefully_on_sigterm() {
    let dir = std::env::temp_dir().join(format!("kinerja-proc-{}", uuid::Uuid::new_v4().simple()));
    let port = common::free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .env(
            "DATABASE_URL",
            format!("sqlite://{}/kinerja.db?mode=rwc", dir.display()),
        )
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_OUTPUT_NAME", "kinerja")
        .env("LEPTOS_SITE_ROOT", dir.join("site"))
        .env("KINERJA_LEPTOS_CONFIG", dir.join("absent.toml"))
        .env("KINERJA_DEMO_DATA", "true")
        .env("LOG_FORMAT", "json")
        .env("RUST_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start server binary");
    // Read the logs while the server runs: a full pipe would stall the server mid-request.
    let stdout = child.stdout.take().unwrap();
    let stdout = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<String>>()
    });
    let mut stderr = child.stderr.take().unwrap();
    let stderr = std::thread::spawn(move || {
        let mut text = String::new();
        stderr.read_to_string(&mut text).ok();
        text
    });

    let started = Instant::now();
    let health = loop {
        if let Some(r) = http_get(port, "/healthz") {
            break r;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "server did not come up"
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(health.starts_with("HTTP/1.1 200"), "{health}");
    assert!(health.contains(r#""db":"ok""#));
    let home = http_get(port, "/").unwrap();
    assert!(
        home.contains("Kabupaten Sukamakmur"),
        "demo data loaded and rendered"
    );

    burst_with_dropped_clients(port);

    // Clients busy on kept-alive connections when SIGTERM arrives: each is answered, told to
    // close, and no request it sent is left without an answer.
    const KEPT_ALIVE: usize = 16;
    let until = Instant::now() + Duration::from_secs(10);
    let clients: Vec<_> = (0..KEPT_ALIVE)
        .map(|_| std::thread::spawn(move || calls_on_one_connection(port, until)))
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    std::thread::sleep(Duration::from_millis(200));
    let health = http_get(port, "/healthz").unwrap_or_default();
    assert!(
        health.starts_with("HTTP/1.1 503"),
        "draining fails the health check: {health}"
    );
    let seen: Vec<KeptAlive> = clients.into_iter().map(|c| c.join().unwrap()).collect();
    let dropped: usize = seen.iter().map(|s| s.dropped).sum();
    assert_eq!(dropped, 0, "requests left unanswered: {seen:?}");
    assert!(
        seen.iter().all(|s| s.told_to_close && s.answered > 1),
        "{seen:?}"
    );

    let deadline = Instant::now() + Duration::from_secs(15);
    let exit = loop {
        if let Some(exit) = child.try_wait().unwrap() {
            break exit;
        }
        assert!(Instant::now() < deadline, "server ignored SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(exit.success(), "clean exit after SIGTERM: {exit:?}");
    let logs = stdout.join().unwrap();
    let stderr = stderr.join().unwrap();
    assert!(
        logs.iter().any(|l| l.contains("shutdown requested")),
        "{logs:?}"
    );
    assert!(
        logs.iter().any(|l| l.contains("stopped cleanly")),
        "{logs:?}"
    );
    assert!(
        logs.iter().any(|l| l.contains("request_id")),
        "request logs carry the request id: {logs:?}"
    );
    let panics: Vec<&String> = logs.iter().filter(|l| l.contains("panicked")).collect();
    assert!(panics.is_empty(), "no handler panicked: {panics:?}");
    assert!(!stderr.contains("panicked"), "no thread panicked: {stderr}");
    std::fs::remove_dir_all(dir).ok();
}

/// Instances started together on one fresh PostgreSQL database all come up: they take turns at
/// migrating instead of creating the same tables at once.
#[tokio::test]
async fn instances_starting_together_migrate_one_after_the_other() {
    use migration::MigratorTrait;
    for trial in 0..3 {
        let t = crate::common::TestDb::empty(crate::common::Engine::Postgres).await;
        let url = t.postgres_url().unwrap();
        let instances: Vec<_> = (0..2)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_server"))
                    .arg("migrate")
                    .env("DATABASE_URL", &url)
                    .env("LOG_FORMAT", "json")
                    .env("RUST_LOG", "warn")
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("start server binary")
            })
            .collect();
        for instance in instances {
            let out = instance.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "trial {trial}: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let applied = migration::Migrator::get_applied_migrations(&t.db)
            .await
            .unwrap()
            .len();
        assert_eq!(
            applied,
            migration::Migrator::migrations().len(),
            "trial {trial}"
        );
    }
}
