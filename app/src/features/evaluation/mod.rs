//! Self-assessment (*penilaian mandiri*) of an approved SKP, periodic and annual: the employee's
//! realisations with evidence, behaviour self-ratings, performance report and development wishes,
//! in a five-step wizard made for phones and bad connections; the appraiser reads it and may send
//! it back for completion.

mod api;
mod pages;
pub mod paths;
#[cfg(feature = "ssr")]
pub mod routes;
pub mod types;
pub mod wizard;

pub use api::*;
pub use pages::*;
