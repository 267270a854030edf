//! The Kinerja server: configuration, database, HTTP stack and static assets. Feature logic lives
//! in the `app` crate; this crate only wires it to the outside world.

pub mod assets;
pub mod config;
pub mod database;
pub mod demo;
pub mod form_refusals;
pub mod generate;
pub mod page_scripts;
pub mod proxy;
pub mod routes;
pub mod shutdown;
pub mod telemetry;
