//! What the SKP pages receive from the server.

use crate::domain::ids::{AccountId, AttachmentId, IndicatorId, PeriodId, ResultId, SkpId, UnitId};
use crate::domain::segment::Segment;
use crate::domain::skp::{
    Approach, Aspect, AttachmentKind, Perspective, ResultGroup, SkpEvent, SkpForm, SkpState,
};
pub use crate::domain::skp::{Header, PersonCard};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodInfo {
    pub id: PeriodId,
    pub year: i32,
    /// Dates as Indonesian documents write them (`31-01-2026`).
    pub starts_on: String,
    pub ends_on: String,
    pub planning_deadline: String,
    /// The same span as dates, for documents that write it in words.
    pub starts: NaiveDate,
    pub ends: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorView {
    pub id: IndicatorId,
    pub aspect: Option<Aspect>,
    pub text: String,
    pub target_min: Option<String>,
    pub target_max: Option<String>,
    pub target_unit: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultView {
    pub id: ResultId,
    pub group: ResultGroup,
    pub text: String,
    pub parent_id: Option<ResultId>,
    /// The leader's RHK as it reads now.
    pub parent_text: Option<String>,
    /// The leader's IKI of that RHK, printed beside it in the cascade column.
    pub parent_indicators: Vec<String>,
    /// The leader has reworded their RHK since this one was linked to it.
    pub parent_changed: bool,
    pub perspective: Option<Perspective>,
    pub indicators: Vec<IndicatorView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BehaviourView {
    /// 1–7, BerAKHLAK order.
    pub value: u8,
    pub expectation: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentView {
    pub id: AttachmentId,
    pub kind: AttachmentKind,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentView {
    pub result_id: Option<ResultId>,
    pub author: String,
    pub body: String,
    pub at: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryView {
    pub event: SkpEvent,
    pub to_state: SkpState,
    pub actor: String,
    pub note: Option<String>,
    pub at: String,
    /// At approvals: the approved version's number and its work results as approved.
    pub approved: Option<ApprovedVersion>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovedVersion {
    pub revision: i32,
    pub results: Vec<String>,
}

/// An RHK of the appraiser's approved plan that this plan may support.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeaderResult {
    pub id: ResultId,
    pub text: String,
}

/// Something that keeps the plan from being submitted, with the row it is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub code: String,
    pub result_id: Option<ResultId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkpView {
    pub id: SkpId,
    pub version: i32,
    pub state: SkpState,
    pub form: SkpForm,
    pub approach: Approach,
    /// How often the plan was established: 1 after the first approval, so its *n*-th change
    /// (*perubahan ke-n*) is revision n + 1.
    pub revision: i32,
    pub period: PeriodInfo,
    /// The days covered when a transfer split the period; `None` for the whole period.
    pub segment: Option<Segment>,
    pub header: Header,
    pub results: Vec<ResultView>,
    pub behaviours: Vec<BehaviourView>,
    pub attachments: Vec<AttachmentView>,
    pub comments: Vec<CommentView>,
    pub history: Vec<HistoryView>,
    pub leader_results: Vec<LeaderResult>,
    pub problems: Vec<Problem>,
    /// The viewer drafts this plan and may change its rows now.
    pub can_edit: bool,
    /// The viewer decides as the appraiser of this plan (or for them, see `acting_for`).
    pub is_appraiser: bool,
    /// The appraiser works outside the application and the viewer, an admin, records their
    /// decisions: that appraiser's name.
    pub acting_for: Option<String>,
    pub can_write_expectations: bool,
    pub can_comment: bool,
    /// The period is closed: the plan is frozen.
    pub period_closed: bool,
    /// Events the viewer may fire now.
    pub events: Vec<SkpEvent>,
    /// Where the agency signs documents (empty: written in by hand).
    pub place: String,
    /// The day the appraiser established the plan, on the agency's calendar.
    pub established_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkpSummary {
    pub id: SkpId,
    pub year: i32,
    pub state: SkpState,
    pub revision: i32,
    pub results: usize,
    /// The days covered when a transfer split the period; `None` for the whole period.
    pub segment: Option<Segment>,
    /// The position the plan was written for, as frozen on the plan.
    pub position: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MySkps {
    pub period: Option<PeriodInfo>,
    pub current: Option<SkpSummary>,
    pub others: Vec<SkpSummary>,
    /// The account has an employee record (service accounts have no SKP).
    pub is_employee: bool,
    pub appraiser: Option<String>,
    /// The approaches the employee's SKP form may take (JPT: kuantitatif only).
    pub approaches: Vec<Approach>,
    /// With no plan in force: the first day of the next one when a transfer closed the last one.
    pub next_starts: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewRow {
    pub employee: String,
    pub nip: String,
    pub skp_id: Option<SkpId>,
    pub state: Option<SkpState>,
    pub submitted_at: Option<String>,
    /// Not established although the planning deadline has passed.
    pub overdue: bool,
    /// The appraiser outside the application the viewer, an admin, acts for.
    pub acting_for: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewList {
    /// Whose list this is: the page follows the viewer's live topic.
    pub viewer: AccountId,
    pub period: Option<PeriodInfo>,
    pub rows: Vec<ReviewRow>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CascadeChild {
    pub skp_id: SkpId,
    pub employee: String,
    pub text: String,
    pub state: SkpState,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CascadeRow {
    pub leader_result: String,
    pub group: ResultGroup,
    pub children: Vec<CascadeChild>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CascadeUnit {
    pub id: UnitId,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CascadeView {
    pub period: Option<PeriodInfo>,
    pub units: Vec<CascadeUnit>,
    pub unit_id: Option<UnitId>,
    pub leader: Option<String>,
    pub leader_skp: Option<SkpId>,
    pub rows: Vec<CascadeRow>,
    /// Subordinates' main RHK that support no RHK of the leader's approved plan.
    pub orphans: Vec<CascadeChild>,
    /// Subordinates of the leader with no SKP in the period yet.
    pub without_skp: Vec<String>,
}
