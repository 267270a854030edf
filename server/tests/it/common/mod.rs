//! Test harness: a fresh, migrated database per test, on SQLite (in memory) or on the machine's
//! PostgreSQL (a uniquely named database created for the test and dropped afterwards).
//!
//! `KINERJA_TEST_POSTGRES_URL` points at the maintenance database used to create and drop test
//! databases (default `postgres://postgres@127.0.0.1:5432/postgres`). PostgreSQL being absent is a
//! test failure, never a silent skip: the README test command starts it first.

#![allow(dead_code)]

pub mod web;

use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend};

pub const DEFAULT_POSTGRES_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

pub struct TestDb {
    pub db: DatabaseConnection,
    pub engine: Engine,
    /// The PostgreSQL database to drop when the test ends.
    pg_database: Option<String>,
    /// The live hub of this database, shared by every router the test builds (on PostgreSQL
    /// its listener holds a pooled connection, as one server instance's does).
    live: std::sync::OnceLock<app::live::hub::LiveHub>,
}

fn postgres_admin_url() -> String {
    std::env::var("KINERJA_TEST_POSTGRES_URL")
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| DEFAULT_POSTGRES_ADMIN_URL.to_owned())
}

fn with_database(admin_url: &str, database: &str) -> String {
    let (base, query) = match admin_url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (admin_url, String::new()),
    };
    let base = base
        .rsplit_once('/')
        .map(|(server, _)| server)
        .unwrap_or(base);
    format!("{base}/{database}{query}")
}

impl TestDb {
    /// A migrated database on `engine`.
    pub async fn new(engine: Engine) -> Self {
        let test_db = Self::empty(engine).await;
        server::database::migrate(&test_db.db)
            .await
            .expect("migrations apply");
        test_db
    }

    /// An already connected and migrated database that needs no clean-up.
    pub fn wrap(db: DatabaseConnection, engine: Engine) -> Self {
        Self {
            db,
            engine,
            pg_database: None,
            live: Default::default(),
        }
    }

    pub async fn sqlite() -> Self {
        Self::new(Engine::Sqlite).await
    }

    pub async fn postgres() -> Self {
        Self::new(Engine::Postgres).await
    }

    /// A database with no tables at all, for migration tests.
    pub async fn empty(engine: Engine) -> Self {
        match engine {
            Engine::Sqlite => Self {
                db: server::database::connect("sqlite::memory:", 1)
                    .await
                    .expect("open in-memory SQLite"),
                engine,
                pg_database: None,
                live: Default::default(),
            },
            Engine::Postgres => {
                let admin_url = postgres_admin_url();
                let name = format!("kinerja_test_{}", uuid::Uuid::new_v4().simple());
                let admin = server::database::connect(&admin_url, 1)
                    .await
                    .unwrap_or_else(|e| {
                        panic!(
                            "PostgreSQL is required for these tests ({admin_url}): {e}. \
                         Start it with scripts/setup or set KINERJA_TEST_POSTGRES_URL."
                        )
                    });
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .expect("create test database");
                admin.close().await.ok();
                let db = server::database::connect(&with_database(&admin_url, &name), 5)
                    .await
                    .expect("connect to the test database");
                Self {
                    db,
                    engine,
                    pg_database: Some(name),
                    live: Default::default(),
                }
            }
        }
    }

    /// The live hub every router of this test shares.
    pub fn live(&self) -> app::live::hub::LiveHub {
        self.live
            .get_or_init(|| app::live::hub::LiveHub::start(&self.db))
            .clone()
    }

    pub fn backend(&self) -> DbBackend {
        self.db.get_database_backend()
    }

    /// The address of this test's own PostgreSQL database, for a server process to use.
    pub fn postgres_url(&self) -> Option<String> {
        self.pg_database
            .as_ref()
            .map(|name| with_database(&postgres_admin_url(), name))
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some(name) = self.pg_database.take() else {
            return;
        };
        // Drop runs outside async context: use a private runtime on a helper thread.
        let admin_url = postgres_admin_url();
        let dropped = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async {
                let admin = server::database::connect(&admin_url, 1).await?;
                admin
                    .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .await?;
                admin.close().await
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("warning: could not drop a PostgreSQL test database");
        }
    }
}

/// A hung test fails with its name after this long instead of stalling the whole run.
pub const TEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);

/// Runs an async test body once on SQLite and once on PostgreSQL, as `<name>::sqlite` and
/// `<name>::postgres`. The body is an `async fn(TestDb)` in the calling test file.
#[macro_export]
macro_rules! on_both_engines {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    let db = super::common::TestDb::new(super::common::Engine::Sqlite).await;
                    tokio::time::timeout(super::common::TEST_TIMEOUT, super::$name(db))
                        .await
                        .expect("test timed out");
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    let db = super::common::TestDb::new(super::common::Engine::Postgres).await;
                    tokio::time::timeout(super::common::TEST_TIMEOUT, super::$name(db))
                        .await
                        .expect("test timed out");
                }
            }
        )*
    };
}

#[test]
fn database_name_is_swapped_in_the_admin_url() {
    assert_eq!(
        with_database("postgres://postgres@127.0.0.1:5432/postgres", "x"),
        "postgres://postgres@127.0.0.1:5432/x"
    );
    assert_eq!(
        with_database("postgres://u:p@db/postgres?sslmode=disable", "x"),
        "postgres://u:p@db/x?sslmode=disable"
    );
}

/// Markup a user might type (or an attacker might plant): it must come back as text, never as
/// elements, wherever it is shown — a textarea, an input's value or plain text.
pub const MARKUP: &str = "</textarea><img src=x onerror=alert(1)><script>alert(2)</script>";

/// `page` shows [`MARKUP`] as text, at least once, and never as markup.
pub fn assert_shown_as_text(page: &str, what: &str) {
    assert!(
        !page.contains("<img src=x") && !page.contains("<script>alert"),
        "{what}: markup got through unescaped"
    );
    assert!(
        page.contains("&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)"),
        "{what}: the value is shown as text, in {}",
        page.find("alert(").map_or("(no trace of it)", |at| &page
            [at.saturating_sub(300)..(at + 100).min(page.len())])
    );
}

/// A TCP port nothing listens on yet, for a server process started by a test or a benchmark.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The session cookie of a new session for the account that logs in as `login`.
pub async fn session_cookie(db: &DatabaseConnection, login: &str) -> String {
    use app::db::entities::user_account;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let account = user_account::Entity::find()
        .filter(user_account::Column::Login.eq(login))
        .one(db)
        .await
        .unwrap()
        .expect("an account with this login");
    let token = app::auth::server::create_session(
        db,
        account.id,
        &app::auth::server::ClientInfo::default(),
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    format!("kinerja_session={token}")
}

/// The employee record with NIP `nip`.
pub async fn employee(t: &TestDb, nip: &str) -> app::db::entities::pegawai::Model {
    use app::db::entities::pegawai;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq(nip))
        .one(&t.db)
        .await
        .unwrap()
        .expect("an employee with this NIP")
}

/// The kinds of the notifications the account of employee `id` received, oldest first.
pub async fn notification_kinds(t: &TestDb, id: app::domain::ids::EmployeeId) -> Vec<String> {
    use app::db::entities::{notifikasi, user_account};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    let account = user_account::Entity::find()
        .filter(user_account::Column::PegawaiId.eq(id))
        .one(&t.db)
        .await
        .unwrap()
        .expect("an account");
    notifikasi::Entity::find()
        .filter(notifikasi::Column::UserId.eq(account.id))
        .order_by_asc(notifikasi::Column::Id)
        .all(&t.db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.kind.as_str().to_owned())
        .collect()
}
