//! The landing page: which agency this is and the steps of the performance cycle.

mod api;
mod pages;

pub use api::{AgencySummary, load_agency_summary};
pub use pages::HomePage;
