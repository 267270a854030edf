//! What the period pages receive from the server.

use crate::domain::agency::EvaluationInterval;
use crate::domain::ids::{EmployeeId, PeriodId, UnitId};
use crate::domain::period::{OrgPredikat, PeriodState};
use crate::features::admin::types::AuditLine;
use serde::{Deserialize, Serialize};

/// Longest accepted *dasar penetapan* of an organisation's achievement, in characters.
pub const BASIS_MAX_CHARS: usize = 2000;
/// Longest accepted reason for a per-period appraiser, in characters (the column's length).
pub const REASON_MAX_CHARS: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodRow {
    pub id: PeriodId,
    pub year: i32,
    pub evaluation_interval: EvaluationInterval,
    pub state: PeriodState,
    /// `DD-MM-YYYY`.
    pub planning_deadline: String,
    pub annual_deadline: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodList {
    /// Newest first.
    pub rows: Vec<PeriodRow>,
    /// May open periods (agency admins); others only follow links to the achievement forms.
    pub can_manage: bool,
    /// Defaults of the "open a period" form; dates as `YYYY-MM-DD`.
    pub new_year: i32,
    pub new_interval: EvaluationInterval,
    pub new_planning: String,
    pub new_annual: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubDeadline {
    pub seq: i32,
    /// `DD-MM-YYYY`.
    pub starts_on: String,
    pub ends_on: String,
    /// `YYYY-MM-DD`.
    pub deadline: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AchievementRow {
    pub unit_id: UnitId,
    pub name: String,
    pub code: String,
    pub depth: i32,
    pub predikat: Option<OrgPredikat>,
    pub basis: String,
    /// `Name (NIP)` (or login) of whoever set it.
    pub set_by: Option<String>,
    /// Of the stored row; 0 when none is stored yet.
    pub version: i32,
    /// Whether the viewer may record it (the policy's answer for this unit).
    pub can_set: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverrideRow {
    pub pegawai_id: EmployeeId,
    pub employee: String,
    pub penilai: Option<String>,
    pub atasan_penilai: Option<String>,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodEditor {
    pub id: PeriodId,
    pub year: i32,
    pub evaluation_interval: EvaluationInterval,
    pub state: PeriodState,
    pub version: i32,
    /// `YYYY-MM-DD`.
    pub planning_deadline: String,
    pub annual_deadline: String,
    pub periodic: Vec<SubDeadline>,
    /// Agency admin: deadlines, state, appraisers and every unit's row.
    pub can_manage: bool,
    /// Every open unit for an admin; only the units the viewer may set for anyone else.
    pub achievements: Vec<AchievementRow>,
    pub overrides: Vec<OverrideRow>,
    pub audit: Vec<AuditLine>,
}
