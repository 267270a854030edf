//! The admin screens of BKD/BKPSDM staff: employee directory and records, CSV import/export,
//! units, audit log. Plain server-rendered forms that work without JavaScript.

pub mod agency;
mod api;
pub mod audit;
pub mod audit_text;
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

/// Where the CSV import form posts its file: a plain route of the server (a multipart upload of
/// up to 16 MiB, more than a server function's body may be), not a server function.
pub const IMPORT_UPLOAD_PATH: &str = "/admin/impor/unggah";
