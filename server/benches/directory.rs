//! Employee directory at scale: 20,000 generated employees, on SQLite (a file, WAL, as deployed)
//! and on PostgreSQL. Measures the server time of the directory page through the real router
//! (session lookup, authorization, count + page query, rendering) and of the query alone, for
//! the first page, a name search, a NIP-prefix search and a deep page sorted by unit.
//!
//! `cargo bench -p server --bench directory` (add `-- --employees N` to change the size).
//! Fails (exit 1) when a median is over the 100 ms budget.

#[path = "../tests/it/common/mod.rs"]
mod common;

use app::db::entities::pegawai;
use app::domain::directory::{DirectoryQuery, SortKey};
use app::state::AppState;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::{Engine, TestDb};
use leptos::prelude::LeptosOptions;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};
use server::routes::{RouterSettings, ServerState};
use std::time::{Duration, Instant};
use tower::ServiceExt;

const BUDGET: Duration = Duration::from_millis(100);
const RUNS: usize = 30;

struct Stats {
    median: Duration,
    p95: Duration,
}

async fn measure<F, Fut>(mut f: F) -> Stats
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    // Warm caches and the connection pool first, as a running server would be.
    for _ in 0..3 {
        f().await;
    }
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        f().await;
        times.push(started.elapsed());
    }
    times.sort();
    Stats {
        median: times[RUNS / 2],
        p95: times[RUNS * 95 / 100],
    }
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

async fn sqlite_file() -> (TestDb, tempdir::Dir) {
    let dir = tempdir::Dir::new();
    let url = format!("sqlite://{}/bench.db?mode=rwc", dir.path.display());
    let db = server::database::connect(&url, 4)
        .await
        .expect("open SQLite");
    server::database::migrate(&db).await.expect("migrate");
    (TestDb::wrap(db, Engine::Sqlite), dir)
}

/// A temporary folder removed at the end (no extra dependency for one folder).
mod tempdir {
    pub struct Dir {
        pub path: std::path::PathBuf,
    }

    impl Dir {
        pub fn new() -> Self {
            let path = std::env::temp_dir().join(format!("kinerja-bench-{}", std::process::id()));
            std::fs::create_dir_all(&path).expect("temp dir");
            Self { path }
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

async fn bench_engine(name: &str, db: &DatabaseConnection, employees: usize) -> bool {
    server::demo::seed_once(db).await.unwrap();
    let started = Instant::now();
    let generated = server::generate::generate(db, employees, 2026)
        .await
        .unwrap();
    let total = pegawai::Entity::find().count(db).await.unwrap();
    println!(
        "\n{name}: generated {} employees in {} units in {:.1} s ({total} employees in all)",
        generated.employees,
        generated.units,
        started.elapsed().as_secs_f64()
    );

    let router = server::routes::router(
        ServerState {
            leptos_options: LeptosOptions::builder().output_name("kinerja").build(),
            app: AppState {
                db: db.clone(),
                evidence: app::storage::EvidenceStore::in_memory(1024 * 1024),
                clock: app::clock::Clock::system(),
                live: app::live::hub::LiveHub::start(db),
                address_counts: Default::default(),
                public_url: None,
            },
        },
        &RouterSettings {
            max_body_bytes: 1024 * 1024,
            max_upload_bytes: 1024 * 1024,
            trusted_proxies: server::proxy::TrustedProxies::NONE,
            drain: Default::default(),
        },
    );
    let cookie = common::session_cookie(db, server::demo::ADMIN_NIP).await;
    let cases: [(&str, DirectoryQuery, &str); 4] = [
        ("first page", DirectoryQuery::default(), "/admin/pegawai"),
        (
            "name search \"siti\"",
            DirectoryQuery {
                text: "siti".into(),
                ..Default::default()
            },
            "/admin/pegawai?q=siti",
        ),
        (
            "NIP prefix \"1985\"",
            DirectoryQuery {
                text: "1985".into(),
                ..Default::default()
            },
            "/admin/pegawai?q=1985",
        ),
        (
            "page 400 by unit",
            DirectoryQuery {
                sort: SortKey::Unit,
                page: 399,
                ..Default::default()
            },
            "/admin/pegawai?sort=unit&page=400",
        ),
    ];
    let mut within_budget = true;
    for (label, query, uri) in cases {
        let found = app::db::directory::search(db, None, &query).await.unwrap();
        assert!(!found.rows.is_empty(), "{label}: no rows");
        let query_stats = measure(|| {
            let query = query.clone();
            async move {
                app::db::directory::search(db, None, &query).await.unwrap();
            }
        })
        .await;
        let page_stats = measure(|| {
            let router = router.clone();
            let cookie = cookie.clone();
            async move {
                let res = router
                    .oneshot(
                        Request::builder()
                            .uri(uri)
                            .header(header::HOST, "kinerja.test")
                            .header(header::COOKIE, cookie)
                            .body(Body::empty())
                            .unwrap(),
                    )
                    .await
                    .unwrap();
                assert_eq!(res.status(), StatusCode::OK, "{uri}");
                axum::body::to_bytes(res.into_body(), usize::MAX)
                    .await
                    .unwrap();
            }
        })
        .await;
        println!(
            "  {label:<22} {:>6} matches | page: median {:>8}, p95 {:>8} | query: median {:>8}, p95 {:>8}",
            found.total,
            ms(page_stats.median),
            ms(page_stats.p95),
            ms(query_stats.median),
            ms(query_stats.p95),
        );
        within_budget &= page_stats.median < BUDGET;
    }
    within_budget
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let employees = args
        .iter()
        .position(|a| a == "--employees")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let ok = runtime.block_on(async {
        let (sqlite, _dir) = sqlite_file().await;
        let sqlite_ok = bench_engine("SQLite (file, WAL)", &sqlite.db, employees).await;
        drop(sqlite);
        let postgres = TestDb::new(Engine::Postgres).await;
        let postgres_ok = bench_engine("PostgreSQL", &postgres.db, employees).await;
        sqlite_ok && postgres_ok
    });
    if ok {
        println!("\nevery median within {} ms", BUDGET.as_millis());
    } else {
        println!("\nover budget: a median exceeded {} ms", BUDGET.as_millis());
        std::process::exit(1);
    }
}
