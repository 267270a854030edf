//! In-app notifications: what happened, as stored in `notifikasi.kind` and translated when shown.

use crate::domain::vocabulary::from_str_via_as_str;
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
        }
    }
}
