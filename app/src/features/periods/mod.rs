//! Performance periods (*periode penilaian*) at `/admin/periode`: open one, set its deadlines,
//! close or reopen it, record each unit's *capaian kinerja organisasi* and choose appraisers for
//! one period only. Server-only pages.
//!
//! Agency admins manage periods; the head of a unit may also record the achievement of the units
//! below their own (SE MenPANRB 3/2023), so they see those rows of the period page.

mod api;
mod pages;
pub mod types;

pub use api::*;
pub use pages::{PeriodPage, PeriodsPage, predikat_label};
