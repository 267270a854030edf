//! Database entities and shared queries (server only). Every query here must run on SQLite and
//! PostgreSQL alike; integration tests in `server/tests` exercise both.

pub mod accounts;
pub mod action_plans;
pub mod agency;
pub mod audit;
pub mod directory;
pub mod employees;
pub mod entities;
pub mod feedback360;
pub mod form_flash;
pub mod nominations;
pub mod notifications;
pub mod officials;
pub mod people;
pub mod periods;
pub mod segments;
pub mod skp;
pub mod tasks;
pub mod units;
pub mod versioning;
