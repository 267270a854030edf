//! In-app notifications: what happened, as stored in `notifikasi.kind` and translated when shown.

use crate::vocabulary::from_str_via_as_str;
use serde::{Deserialize, Serialize};
use strum::EnumIter;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    SkpSubmitted,
    SkpReturned,
    SkpApproved,
    SkpRevisionRequested,
    SkpCommented,
    EvaluationSubmitted,
    EvaluationReturned,
    /// An admin recorded a transfer that closed the employee's plan: a new one is due.
    PositionTransferred,
    /// Reminders before a deadline (`…Due`) and on the day after it (`…Overdue`); the
    /// notification carries the deadline.
    /// The plan of the position held now is still to be drafted or handed in.
    PlanDue,
    PlanOverdue,
    /// A plan handed in waits for the appraiser to establish it.
    PlanReviewDue,
    PlanReviewOverdue,
    /// A self-assessment is still to be handed in.
    EvaluationDue,
    EvaluationOverdue,
    /// An action plan (*rencana aksi*) waits for the appraiser's agreement.
    ActionPlanSubmitted,
    ActionPlanReturned,
    ActionPlanAgreed,
    /// 360° forms wait for the rater; the notification names the cycle and its last day.
    Feedback360Requested,
    /// A 360° cycle asks the employee to choose their peer raters by the day before it opens
    /// (the notification names the cycle and that day).
    Feedback360Nominate,
    /// An employee handed their chosen peer raters to the appraiser (`actor` names them).
    Feedback360Nominated,
    /// The appraiser approved the employee's peer raters (without saying who they are).
    Feedback360RatersApproved,
}

from_str_via_as_str!(NotificationKind);

impl NotificationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SkpSubmitted => "skp_submitted",
            Self::SkpReturned => "skp_returned",
            Self::SkpApproved => "skp_approved",
            Self::SkpRevisionRequested => "skp_revision_requested",
            Self::SkpCommented => "skp_commented",
            Self::EvaluationSubmitted => "evaluation_submitted",
            Self::EvaluationReturned => "evaluation_returned",
            Self::PositionTransferred => "position_transferred",
            Self::PlanDue => "plan_due",
            Self::PlanOverdue => "plan_overdue",
            Self::PlanReviewDue => "plan_review_due",
            Self::PlanReviewOverdue => "plan_review_overdue",
            Self::EvaluationDue => "evaluation_due",
            Self::EvaluationOverdue => "evaluation_overdue",
            Self::ActionPlanSubmitted => "action_plan_submitted",
            Self::ActionPlanReturned => "action_plan_returned",
            Self::ActionPlanAgreed => "action_plan_agreed",
            Self::Feedback360Requested => "feedback360_requested",
            Self::Feedback360Nominate => "feedback360_nominate",
            Self::Feedback360Nominated => "feedback360_nominated",
            Self::Feedback360RatersApproved => "feedback360_raters_approved",
        }
    }
}
