//! Schema and queries on both engines.

use crate::common;

use app::db::agency::{self, NewAgency};
use app::domain::agency::{AgencyTimeZone, EvaluationInterval};
use common::{Engine, TestDb};
use migration::{Migrator, MigratorTrait, SchemaManager};
use sea_orm::{ConnectionTrait, DbBackend, Statement};

async fn agency_round_trips(t: TestDb) {
    assert_eq!(agency::primary(&t.db).await.unwrap(), None);
    let created = agency::create(
        &t.db,
        NewAgency {
            code: "BKPSDM-X",
            name: "Badan Kepegawaian Daerah Kota Contoh",
            short_name: "BKD Contoh",
            time_zone: AgencyTimeZone::Wita,
            evaluation_interval: EvaluationInterval::Quarterly,
            document_place: "Kota Contoh",
        },
    )
    .await
    .unwrap();
    let loaded = agency::primary(&t.db)
        .await
        .unwrap()
        .expect("agency stored");
    assert_eq!(loaded, created);
    assert_eq!(loaded.time_zone, AgencyTimeZone::Wita);
    assert_eq!(loaded.evaluation_interval, EvaluationInterval::Quarterly);
    assert_eq!(loaded.document_place, "Kota Contoh");
    assert!(
        !loaded.require_evidence,
        "evidence is optional until an agency decides"
    );
}

async fn schema_rejects_invalid_settings(t: TestDb) {
    let insert = |code: &str, tz: &str, interval: &str| {
        Statement::from_sql_and_values(
            t.backend(),
            match t.backend() {
                DbBackend::Postgres => {
                    "INSERT INTO instansi (code, name, short_name, time_zone, evaluation_interval, created_at, updated_at) \
                     VALUES ($1, 'N', 'S', $2, $3, now(), now())"
                }
                _ => {
                    "INSERT INTO instansi (code, name, short_name, time_zone, evaluation_interval, created_at, updated_at) \
                     VALUES (?, 'N', 'S', ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
                }
            },
            [code.into(), tz.into(), interval.into()],
        )
    };
    t.db.execute_raw(insert("OK", "Asia/Jayapura", "semester"))
        .await
        .expect("valid row");
    assert!(
        t.db.execute_raw(insert("TZ", "Asia/Singapore", "monthly"))
            .await
            .is_err()
    );
    assert!(
        t.db.execute_raw(insert("IV", "Asia/Jakarta", "weekly"))
            .await
            .is_err()
    );
    assert!(
        t.db.execute_raw(insert("OK", "Asia/Jakarta", "monthly"))
            .await
            .is_err(),
        "agency codes are unique"
    );
}

on_both_engines!(agency_round_trips, schema_rejects_invalid_settings);

async fn check_migrations_reversible(engine: Engine) {
    let t = TestDb::empty(engine).await;
    let manager = SchemaManager::new(&t.db);
    assert!(!manager.has_table("instansi").await.unwrap());
    Migrator::up(&t.db, None).await.unwrap();
    assert!(manager.has_table("instansi").await.unwrap());
    assert!(
        Migrator::get_pending_migrations(&t.db)
            .await
            .unwrap()
            .is_empty()
    );
    Migrator::down(&t.db, None).await.unwrap();
    assert!(!manager.has_table("instansi").await.unwrap());
    Migrator::up(&t.db, None).await.unwrap();
    assert!(manager.has_table("instansi").await.unwrap());
}

#[tokio::test]
async fn migrations_up_down_up_on_sqlite() {
    check_migrations_reversible(Engine::Sqlite).await;
}

#[tokio::test]
async fn migrations_up_down_up_on_postgres() {
    check_migrations_reversible(Engine::Postgres).await;
}

#[tokio::test]
async fn sqlite_file_uses_wal_foreign_keys_and_busy_timeout() {
    let dir = std::env::temp_dir().join(format!("kinerja-db-{}", uuid::Uuid::new_v4().simple()));
    let url = format!("sqlite://{}/nested/kinerja.db?mode=rwc", dir.display());
    let db = server::database::connect(&url, 2).await.unwrap();
    let pragma = |name: &'static str| {
        let db = db.clone();
        async move {
            let row = db
                .query_one_raw(Statement::from_string(
                    DbBackend::Sqlite,
                    format!("PRAGMA {name}"),
                ))
                .await
                .unwrap()
                .unwrap();
            row.try_get_by_index::<String>(0)
                .or_else(|_| row.try_get_by_index::<i64>(0).map(|v| v.to_string()))
                .unwrap()
        }
    };
    assert_eq!(pragma("journal_mode").await, "wal");
    assert_eq!(pragma("foreign_keys").await, "1");
    assert_eq!(pragma("busy_timeout").await, "5000");
    assert!(
        dir.join("nested/kinerja.db").exists(),
        "folder and file are created"
    );
    db.close().await.unwrap();
    std::fs::remove_dir_all(dir).ok();
}
