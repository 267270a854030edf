//! `/`: the signed-in person's desk (`features::desk`); for visitors, which agency this is, the
//! steps of the performance cycle and the way in.

mod api;
mod pages;

pub use api::{AgencySummary, load_agency_summary};
pub use pages::HomePage;
