//! What a notification says, in the reader's language: on the notifications page and in the
//! reminder e-mails.

use crate::domain::notification::NotificationKind;
use crate::i18n::*;

/// `actor` is who did something, or for a reminder what is due; `due` a reminder's deadline.
pub fn notification_text_in(
    locale: Locale,
    kind: NotificationKind,
    actor: &str,
    due: Option<&str>,
) -> String {
    let date = due.unwrap_or_default();
    match kind {
        NotificationKind::SkpSubmitted => {
            td_string!(locale, notifications.skp_submitted, actor = actor)
        }
        NotificationKind::SkpReturned => {
            td_string!(locale, notifications.skp_returned, actor = actor)
        }
        NotificationKind::SkpApproved => {
            td_string!(locale, notifications.skp_approved, actor = actor)
        }
        NotificationKind::SkpRevisionRequested => {
            td_string!(locale, notifications.skp_revision_requested, actor = actor)
        }
        NotificationKind::SkpCommented => {
            td_string!(locale, notifications.skp_commented, actor = actor)
        }
        NotificationKind::EvaluationSubmitted => {
            td_string!(locale, notifications.evaluation_submitted, actor = actor)
        }
        NotificationKind::EvaluationReturned => {
            td_string!(locale, notifications.evaluation_returned, actor = actor)
        }
        NotificationKind::PositionTransferred => {
            td_string!(locale, notifications.position_transferred, actor = actor)
        }
        NotificationKind::PlanDue => td_string!(locale, notifications.plan_due, date = date),
        NotificationKind::PlanOverdue => {
            td_string!(locale, notifications.plan_overdue, date = date)
        }
        NotificationKind::PlanReviewDue => {
            td_string!(
                locale,
                notifications.plan_review_due,
                actor = actor,
                date = date
            )
        }
        NotificationKind::PlanReviewOverdue => {
            td_string!(
                locale,
                notifications.plan_review_overdue,
                actor = actor,
                date = date
            )
        }
        NotificationKind::EvaluationDue => {
            td_string!(
                locale,
                notifications.evaluation_due,
                actor = actor,
                date = date
            )
        }
        NotificationKind::EvaluationOverdue => {
            td_string!(
                locale,
                notifications.evaluation_overdue,
                actor = actor,
                date = date
            )
        }
        NotificationKind::ActionPlanSubmitted => {
            td_string!(locale, notifications.action_plan_submitted, actor = actor)
        }
        NotificationKind::ActionPlanReturned => {
            td_string!(locale, notifications.action_plan_returned, actor = actor)
        }
        NotificationKind::ActionPlanAgreed => {
            td_string!(locale, notifications.action_plan_agreed, actor = actor)
        }
    }
    .to_string()
}
