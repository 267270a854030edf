//! What the admin pages receive from their server functions.

use crate::domain::directory::DirectoryPage;
use crate::domain::employee::EmployeeFields;
use crate::domain::ids::{AuditId, EmployeeId, ImportId, UnitId};
use serde::{Deserialize, Serialize};

/// A unit as offered in a select: indented by depth.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitOption {
    pub id: UnitId,
    pub code: String,
    pub name: String,
    pub depth: i32,
    pub closed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryView {
    pub page: DirectoryPage,
    /// Units the filter may choose from (the actor's scope).
    pub units: Vec<UnitOption>,
    /// Admins get edit links, the new-employee button and CSV import.
    pub can_edit: bool,
}

/// One line of an employee's mutation history (*riwayat jabatan*), newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryLine {
    pub unit: String,
    pub position: Option<String>,
    /// In the reader's language (`1 Desember 2026`).
    pub started: String,
    pub ended: Option<String>,
}

/// One audit-log entry as shown to admins.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditLine {
    pub id: AuditId,
    /// RFC 3339, UTC.
    pub at: String,
    pub actor: Option<String>,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    /// Each changed field; empty for events without a record.
    pub changes: Vec<FieldChange>,
    pub ip: Option<String>,
}

/// One field of an audited record, before → after as stored (`None`: absent or empty).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployeeEditor {
    /// `None` for a new employee.
    pub id: Option<EmployeeId>,
    pub version: i32,
    pub active: bool,
    pub display_name: String,
    pub fields: EmployeeFields,
    /// `Name (NIP)` of the stored reporting line.
    pub superior: Option<String>,
    pub appraiser: Option<String>,
    pub appraiser_superior: Option<String>,
    /// Open units the employee may be placed in.
    pub units: Vec<UnitOption>,
    pub history: Vec<HistoryLine>,
    /// Every plan of the employee, newest first: after a transfer, one per position segment.
    pub plans: Vec<crate::features::skp::types::SkpSummary>,
    pub audit: Vec<AuditLine>,
    pub has_account: bool,
    /// A reset link issued just now, shown once.
    pub reset_link: Option<String>,
}

/// One problem in an uploaded CSV file. `line` is the file's line number (the header is line 1;
/// 0 for problems with the file as a whole).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportError {
    pub line: u64,
    /// The template's column name, empty when the whole line or file is meant.
    pub column: String,
    pub code: String,
    /// What the cell held, to help find it.
    pub value: String,
}

/// Where an admin's CSV import may place people: the whole agency (`unit: None`) or the subtree
/// below the named unit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportScope {
    pub unit: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub id: ImportId,
    pub file_name: String,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// Whether the rows were written (all of them) or the file rejected (none of them).
    pub applied: bool,
    pub rows_total: i32,
    pub created: i32,
    pub updated: i32,
    pub error_count: i32,
    /// The first errors (capped), in file order.
    pub errors: Vec<ImportError>,
}
