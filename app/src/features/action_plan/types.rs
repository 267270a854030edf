use crate::domain::action_plan::{ActionPlanEvent, ActionPlanState};
use crate::domain::ids::{IndicatorId, SkpId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A sub-period the action plan covers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubPeriodHead {
    pub seq: u8,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// What is planned for one IKI in one sub-period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepView {
    pub seq: u8,
    pub description: String,
    pub target: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorSteps {
    pub id: IndicatorId,
    /// The work result (RHK) the IKI measures.
    pub result: String,
    pub text: String,
    /// The annual target as the SKP states it ("12 laporan"), empty for a narrative IKI.
    pub annual_target: String,
    pub unit: Option<String>,
    /// One per sub-period in `ActionPlanView::sub_periods`, in that order.
    pub steps: Vec<StepView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionPlanView {
    pub skp_id: SkpId,
    pub employee: String,
    pub year: i32,
    /// `None` until the first step is saved.
    pub state: Option<ActionPlanState>,
    /// The appraiser's reason for the last return.
    pub note: Option<String>,
    /// Action plans are written for an established SKP (its IKIs no longer change).
    pub plan_established: bool,
    pub sub_periods: Vec<SubPeriodHead>,
    pub indicators: Vec<IndicatorSteps>,
    /// The viewer is the employee and may change the steps now.
    pub may_edit: bool,
    /// What the viewer may do next.
    pub events: Vec<ActionPlanEvent>,
    /// Name of the official outside the application an admin records the agreement for.
    pub acting_for: Option<String>,
}

/// An action plan handed in, on the appraiser's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingActionPlan {
    pub skp_id: SkpId,
    pub employee: String,
    pub nip: String,
    pub submitted_at: String,
}
