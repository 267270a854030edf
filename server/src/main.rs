//! `server [serve|migrate|migrate-down|generate]`: runs Kinerja, applies / reverts migrations,
//! or adds generated employees for benchmarks.

use app::state::AppState;
use axum::serve::ListenerExt;
use leptos::prelude::get_configuration;
use migration::MigratorTrait;
use server::config::Config;
use server::routes::{RouterSettings, ServerState};
use server::{assets, database, demo, telemetry};
use std::error::Error;
use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use tokio::net::TcpListener;

type BoxError = Box<dyn Error + Send + Sync>;

const USAGE: &str =
    "usage: server [serve | migrate | migrate-down [steps] | generate --employees N [--seed S]]";

#[tokio::main]
async fn main() -> ExitCode {
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(err) => {
            eprintln!("configuration error: {err}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(&config.log_format);
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] | ["serve"] => serve(config).await,
        ["migrate"] => migrate(&config).await,
        ["migrate-down"] => migrate_down(&config, 1).await,
        ["migrate-down", steps] => match steps.parse() {
            Ok(steps) => migrate_down(&config, steps).await,
            Err(_) => Err(USAGE.into()),
        },
        ["generate", "--employees", n] => generate(&config, n, "2026").await,
        ["generate", "--employees", n, "--seed", seed] => generate(&config, n, seed).await,
        _ => Err(USAGE.into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(error = %err, "server stopped with an error");
            ExitCode::FAILURE
        }
    }
}

async fn migrate(config: &Config) -> Result<(), BoxError> {
    let db = database::connect(&config.database_url, 1).await?;
    database::migrate(&db).await?;
    tracing::info!("migrations applied");
    db.close().await?;
    Ok(())
}

/// Migrates, loads the demo agency when the database is empty (the tree hangs below it), then
/// generates the employees.
async fn generate(config: &Config, employees: &str, seed: &str) -> Result<(), BoxError> {
    let (Ok(employees), Ok(seed)) = (employees.parse::<usize>(), seed.parse::<u64>()) else {
        return Err(USAGE.into());
    };
    let db = database::connect(&config.database_url, 1).await?;
    database::migrate(&db).await?;
    demo::seed_once_on(&db, business_clock(config, &db).await?).await?;
    let started = std::time::Instant::now();
    let created = server::generate::generate(&db, employees, seed).await?;
    tracing::info!(
        units = created.units,
        employees = created.employees,
        seconds = started.elapsed().as_secs_f64(),
        "generated"
    );
    db.close().await?;
    Ok(())
}

async fn migrate_down(config: &Config, steps: u32) -> Result<(), BoxError> {
    let db = database::connect(&config.database_url, 1).await?;
    migration::Migrator::down(&db, Some(steps)).await?;
    tracing::info!(steps, "migrations reverted");
    db.close().await?;
    Ok(())
}

async fn serve(config: Config) -> Result<(), BoxError> {
    let leptos_options = leptos_config()?;
    let addr = leptos_options.site_addr;

    let db = database::connect(&config.database_url, config.db_max_connections).await?;
    database::migrate(&db).await?;
    let clock = business_clock(&config, &db).await?;
    if config.seed_demo {
        demo::seed_once_on(&db, clock).await?;
    }

    let pkg_dir = std::path::Path::new(leptos_options.site_root.as_ref())
        .join(leptos_options.site_pkg_dir.as_ref());
    // Off the request path: until it finishes, files are simply served uncompressed.
    tokio::task::spawn_blocking(move || {
        if let Err(err) = assets::precompress_dir(&pkg_dir) {
            tracing::warn!(error = %err, "could not precompress static files");
        }
    });

    let live = app::live::hub::LiveHub::start(&db);
    let state = ServerState {
        leptos_options,
        app: AppState {
            db: db.clone(),
            evidence: app::storage::EvidenceStore::from_setting(
                &config.evidence_store,
                config.upload_max_bytes,
            )
            .map_err(|e| format!("KINERJA_EVIDENCE_STORE: {e}"))?,
            clock,
            live: live.clone(),
            address_counts: Default::default(),
            public_url: config.public_url.clone(),
        },
    };
    let mailer = match &config.mail {
        Some(mail) => Some(
            app::mail::Mailer::smtp(&mail.smtp_url, &mail.from, &mail.public_url)
                .map_err(|e| format!("reminder e-mail settings: {e}"))?,
        ),
        None => None,
    };
    let reminders = tokio::spawn(send_reminders(db.clone(), clock, mailer, live.clone()));
    let drain = server::shutdown::Drain::default();
    let app = server::routes::router(
        state,
        &RouterSettings {
            max_body_bytes: config.max_body_bytes,
            max_upload_bytes: usize::try_from(config.upload_max_bytes).unwrap_or(usize::MAX),
            trusted_proxies: config.trusted_proxies.clone(),
            drain: drain.clone(),
        },
    );

    // No Nagle delay: a streamed page is written in small chunks, and waiting for the client's
    // delayed ACK before each one cost about 40 ms per response.
    let listener = TcpListener::bind(addr).await?.tap_io(|tcp| {
        if let Err(err) = tcp.set_nodelay(true) {
            tracing::debug!(error = %err, "could not set TCP_NODELAY");
        }
    });
    tracing::info!(
        version = server::routes::VERSION,
        "Kinerja listening on http://{addr}"
    );

    let (stop_tx, mut stop_rx) = tokio::sync::watch::channel(false);
    let server = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown_signal().await;
        tracing::info!("shutdown requested; draining kept-alive connections");
        drain.start();
        // Live streams never finish by themselves: end them, and browsers reconnect elsewhere.
        live.close();
        tokio::time::sleep(server::shutdown::DRAIN).await;
        tracing::info!("finishing in-flight requests");
        let _ = stop_tx.send(true);
    });
    let grace = config.shutdown_grace;
    tokio::select! {
        result = server => result?,
        _ = async {
            let _ = stop_rx.wait_for(|stopping| *stopping).await;
            tokio::time::sleep(grace).await;
        } => tracing::warn!(grace_secs = grace.as_secs(), "grace period over; closing remaining connections"),
    }
    reminders.abort();
    db.close().await?;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// Sends the deadline reminders that are due, at start and then every few minutes; every
/// instance may run it (see `app::reminders`).
async fn send_reminders(
    db: sea_orm::DatabaseConnection,
    clock: app::clock::Clock,
    mailer: Option<app::mail::Mailer>,
    live: app::live::hub::LiveHub,
) {
    let mut tick = tokio::time::interval(app::reminders::INTERVAL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if let Err(err) = app::reminders::run(&db, clock, mailer.as_ref(), &live).await {
            tracing::error!(error = %err, "reminder run failed; retried at the next interval");
        }
    }
}

/// The real clock, or the calendar `KINERJA_TODAY` asks for (in the agency's time zone; WIB
/// before the agency is set up).
async fn business_clock(
    config: &Config,
    db: &sea_orm::DatabaseConnection,
) -> Result<app::clock::Clock, BoxError> {
    let Some(today) = config.today else {
        return Ok(app::clock::Clock::system());
    };
    let zone = app::db::agency::time_zone(db).await?;
    tracing::warn!(%today, "KINERJA_TODAY is set: the agency's calendar is not the real one");
    Ok(app::clock::Clock::from_today(today, zone))
}

/// `Leptos.toml` from the working directory when present (or `KINERJA_LEPTOS_CONFIG`), with
/// `LEPTOS_*` variables overriding it; otherwise the variables alone.
fn leptos_config() -> Result<leptos::prelude::LeptosOptions, BoxError> {
    let path = std::env::var("KINERJA_LEPTOS_CONFIG").unwrap_or_else(|_| "Leptos.toml".to_owned());
    let file = std::path::Path::new(&path)
        .is_file()
        .then_some(path.as_str());
    Ok(get_configuration(file)?.leptos_options)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut sig) => {
                sig.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
