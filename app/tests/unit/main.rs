//! The application's unit tests, against its public API. They live here rather than inside the
//! crate because a test harness inside `app` would compile the whole application a second time
//! in the release profile; this binary only links the library the server uses. They run with
//! `ssr` (the test command turns it on), which most of what they test needs.
#![cfg(feature = "ssr")]

mod address_counts;
mod audit_text;
mod auth_server;
mod banner;
mod clock;
mod csp;
mod dates;
mod db_audit;
mod db_notifications;
mod evaluation_api;
mod evaluation_paths;
mod form;
mod import;
mod live;
mod locale;
mod mfa;
mod notification_text;
mod storage;
mod tag;
mod wizard_edits;
mod wizard_photo;
