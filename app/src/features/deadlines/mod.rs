//! Deadlines passed and work still owed: the overdue list of an appraiser's team (on
//! `/bawahan`) and of the whole agency for the admins who run the period (on the period page).
//! What is owed comes from `crate::db::tasks`, the same source as the reminders.

mod api;
mod pages;
pub mod types;

pub use api::*;
pub use pages::*;
