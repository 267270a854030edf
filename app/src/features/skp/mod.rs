//! The SKP (*Sasaran Kinerja Pegawai*): drafting by the employee, review and approval by the
//! appraiser (`api`, `pages`), the printed document (`print`) and the cascade matrix of a unit
//! (`cascade`); the notifications these steps send are `features::notifications`. Plain
//! server-rendered forms that work without JavaScript.

mod api;
mod cascade;
mod pages;
mod print;
pub mod types;

pub use api::*;
pub use cascade::{CascadePage, load_cascade};
pub use pages::*;
pub use print::SkpPrintPage;
