//! The SKP (*Sasaran Kinerja Pegawai*): drafting by the employee, review and approval by the
//! appraiser, the printed document and the cascade view of a unit (the notifications these steps
//! send are `features::notifications`). Server-only pages (see `crate::server_pages`): plain forms that work without
//! JavaScript and add nothing to the phone's download.

mod api;
mod pages;
mod print;
pub mod types;

pub use api::*;
pub use pages::*;
pub use print::SkpPrintPage;
