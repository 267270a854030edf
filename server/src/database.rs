//! Connecting to SQLite (default, embedded) or PostgreSQL, and running the migrations.

use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, DbErr,
    TransactionTrait,
};
use std::time::Duration;

pub fn is_sqlite(url: &str) -> bool {
    url.starts_with("sqlite:")
}

/// Opens a pool. For SQLite: creates the file's folder, turns on WAL (readers never block the
/// writer), foreign keys and a busy timeout so concurrent writers wait instead of failing.
pub async fn connect(url: &str, max_connections: u32) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(max_connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(5))
        .sqlx_logging(false);
    if is_sqlite(url) {
        if let Some(dir) = sqlite_file_dir(url) {
            std::fs::create_dir_all(&dir)
                .map_err(|e| DbErr::Custom(format!("cannot create {}: {e}", dir.display())))?;
        }
        if url.contains(":memory:") {
            // Each in-memory connection would otherwise be a separate, empty database.
            options.max_connections(1);
        }
        options.map_sqlx_sqlite_opts(|opts| {
            opts.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .synchronous(sea_orm::sqlx::sqlite::SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
        });
    }
    Database::connect(options).await
}

/// Any fixed number, the same in every instance: the PostgreSQL advisory lock that one instance
/// holds while it migrates.
const MIGRATION_LOCK: i64 = 0x004b_696e_6572_6a61; // "Kinerja" in ASCII

/// Applies every pending migration. On PostgreSQL several instances may start at once against
/// one database: each takes a transaction-scoped advisory lock first, so they migrate one after
/// the other (the later ones find nothing left to do) instead of creating the same tables
/// together and failing. SQLite has one writer at a time already.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Migrator::up(db, None).await;
    }
    let txn = db.begin().await?;
    txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"))
        .await?;
    Migrator::up(&txn, None).await?;
    txn.commit().await
}

fn sqlite_file_dir(url: &str) -> Option<std::path::PathBuf> {
    let path = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = path.split('?').next()?;
    if path.is_empty() || path.contains(":memory:") {
        return None;
    }
    std::path::Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(|p| p.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_folder_of_a_sqlite_file() {
        assert_eq!(
            sqlite_file_dir("sqlite://data/kinerja.db?mode=rwc"),
            Some("data".into())
        );
        assert_eq!(sqlite_file_dir("sqlite::memory:"), None);
        assert_eq!(sqlite_file_dir("sqlite://kinerja.db"), None);
    }
}
