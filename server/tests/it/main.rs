//! The integration tests, one binary: each module is one area through the real router (or the
//! real binary), and `common` gives every test a fresh SQLite or PostgreSQL database. One binary
//! links the application once instead of once per area.

#[macro_use]
mod common;

mod action_plan;
mod admin;
mod auth;
mod authorization;
mod concurrency;
mod crawl;
mod database;
mod deadlines;
mod desk;
mod evaluation;
mod feedback360;
mod forms;
mod http;
mod live;
mod organisation;
mod periods;
mod process;
mod skp;
mod transfer;
