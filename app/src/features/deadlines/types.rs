//! What the overdue lists receive from the server.

use crate::domain::deadline::DeadlineStatus;
use crate::domain::ids::SkpId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OverdueTask {
    /// The plan of the position held now is not handed in (or was returned).
    Plan,
    /// A handed-in plan waits for its appraiser.
    PlanReview,
    /// A self-assessment is not handed in: `seq` 0 is the annual one, `from`–`to` its days.
    SelfAssessment {
        seq: i32,
        from: NaiveDate,
        to: NaiveDate,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverdueRow {
    pub employee: String,
    pub nip: String,
    pub unit: String,
    pub task: OverdueTask,
    /// The plan concerned, when there is one.
    pub skp_id: Option<SkpId>,
    /// In the reader's language (`1 Desember 2026`).
    pub deadline: String,
    pub status: DeadlineStatus,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverdueList {
    /// Latest deadlines missed by the most days first; at most [`OverdueList::SHOWN`].
    pub rows: Vec<OverdueRow>,
    /// All overdue tasks, also those not shown.
    pub total: usize,
}

impl OverdueList {
    pub const SHOWN: usize = 200;
}
