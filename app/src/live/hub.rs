//! The hub every instance runs: hints that a topic changed, fanned out to the streams of this
//! process, and with PostgreSQL to the streams of every instance on the same database.

use super::Topic;
use sea_orm::{DatabaseBackend, DatabaseConnection};
use tokio::sync::broadcast;

/// The PostgreSQL channel the instances share.
pub const CHANNEL: &str = "kinerja_live";
/// Hints waiting for a slow stream before it is told it missed some (and re-reads everything).
const BUFFER: usize = 1024;

/// What a stream receives from the hub.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    /// Something of this topic changed: read it again.
    Changed(Topic),
    /// Hints may have been lost (the link to PostgreSQL was re-established): read everything
    /// again.
    Resync,
    /// The server is stopping: end the stream, the browser reconnects to another instance.
    Closing,
}

#[derive(Clone, Debug)]
pub struct LiveHub {
    local: broadcast::Sender<Signal>,
    postgres: Option<sea_orm::sqlx::PgPool>,
}

impl LiveHub {
    /// A hub for this process only (SQLite, where there is one instance by definition).
    pub fn in_process() -> Self {
        Self {
            local: broadcast::channel(BUFFER).0,
            postgres: None,
        }
    }

    /// The hub for `db`. With PostgreSQL it publishes through `NOTIFY` and a background task
    /// listens, so a hint published on any instance reaches the streams of all of them; that
    /// listener holds one connection of the pool for the life of the process.
    pub fn start(db: &DatabaseConnection) -> Self {
        if db.get_database_backend() != DatabaseBackend::Postgres {
            return Self::in_process();
        }
        let pool = db.get_postgres_connection_pool().clone();
        let hub = Self {
            local: broadcast::channel(BUFFER).0,
            postgres: Some(pool.clone()),
        };
        tokio::spawn(listen(pool, hub.local.clone()));
        hub
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Signal> {
        self.local.subscribe()
    }

    /// Tells every stream following `topic` that it changed. Call it after the change is
    /// committed. Never fails the caller: a lost hint only delays what the browser shows until
    /// its next reconnection or change, so it is logged.
    pub async fn publish(&self, topic: Topic) {
        match &self.postgres {
            Some(pool) => {
                let sent = sea_orm::sqlx::query("SELECT pg_notify($1, $2)")
                    .bind(CHANNEL)
                    .bind(topic.to_string())
                    .execute(pool)
                    .await;
                if let Err(err) = sent {
                    tracing::warn!(%topic, error = %err, "live hint not published");
                }
            }
            // No receiver is no error: nobody is watching.
            None => {
                let _ = self.local.send(Signal::Changed(topic));
            }
        }
    }

    /// Ends every stream of this process (graceful shutdown).
    pub fn close(&self) {
        let _ = self.local.send(Signal::Closing);
    }
}

/// Forwards the hints of every instance to this one's streams, reconnecting when the link to
/// PostgreSQL breaks (and telling the streams to re-read, since hints were lost meanwhile).
async fn listen(pool: sea_orm::sqlx::PgPool, local: broadcast::Sender<Signal>) {
    use sea_orm::sqlx::postgres::PgListener;
    let mut delay = std::time::Duration::from_millis(250);
    loop {
        if pool.is_closed() {
            return;
        }
        let connected = async {
            let mut listener = PgListener::connect_with(&pool).await?;
            listener.listen(CHANNEL).await?;
            Ok::<_, sea_orm::sqlx::Error>(listener)
        }
        .await;
        let mut listener = match connected {
            Ok(listener) => listener,
            Err(err) => {
                tracing::warn!(error = %err, "live channel: cannot listen; retrying");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(std::time::Duration::from_secs(10));
                continue;
            }
        };
        delay = std::time::Duration::from_millis(250);
        let _ = local.send(Signal::Resync);
        loop {
            match listener.try_recv().await {
                Ok(Some(notification)) => match Topic::parse(notification.payload()) {
                    Some(topic) => {
                        let _ = local.send(Signal::Changed(topic));
                    }
                    None => tracing::warn!(
                        payload = notification.payload(),
                        "live channel: not a topic; ignored"
                    ),
                },
                // The connection was lost; the next call reconnects.
                Ok(None) => {
                    tracing::warn!("live channel: connection lost; reconnecting");
                    let _ = local.send(Signal::Resync);
                }
                Err(err) => {
                    tracing::warn!(error = %err, "live channel: listener failed; restarting");
                    break;
                }
            }
        }
        tokio::time::sleep(delay).await;
    }
}
