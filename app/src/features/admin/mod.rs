//! The admin screens of BKD/BKPSDM staff: employee directory and records, CSV import/export,
//! units, audit log. All are server-only pages (see `crate::server_pages`): plain forms that work
//! without JavaScript and add nothing to the phone's download.

pub mod agency;
mod api;
pub mod audit;
#[cfg(feature = "ssr")]
pub mod import;
pub mod officials;
mod pages;
pub mod types;
pub mod units;

pub use agency::AgencySettingsPage;
#[cfg(feature = "ssr")]
pub(crate) use api::ssr::audit_lines;
pub use api::*;
pub use audit::AuditLogPage;
pub use pages::*;
pub use units::{UnitPage, UnitTreePage};
