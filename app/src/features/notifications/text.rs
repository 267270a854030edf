//! What a notification says, in the reader's language: on the notifications page and in the
//! reminder e-mails.

use crate::domain::notification::NotificationKind;
use crate::i18n::*;
use crate::ui::dates::month_span;
use chrono::NaiveDate;

/// The stretch a self-assessment reminder names, in the reader's language: stored as ISO days
/// (`2026-07-01/2026-07-31`), or as the numeric days reminders stored before
/// (`01-07-2026 – 31-07-2026`); anything else (the annual one's year) as it is.
pub fn span_in(locale: Locale, subject: &str) -> String {
    let parse = |from: &str, to: &str, format: &str| {
        Some((
            NaiveDate::parse_from_str(from.trim(), format).ok()?,
            NaiveDate::parse_from_str(to.trim(), format).ok()?,
        ))
    };
    let days = subject
        .split_once('/')
        .and_then(|(from, to)| parse(from, to, "%Y-%m-%d"))
        .or_else(|| {
            subject
                .split_once('–')
                .and_then(|(from, to)| parse(from, to, "%d-%m-%Y"))
        });
    match days {
        Some((from, to)) => month_span(locale, from, to),
        None => subject.to_owned(),
    }
}

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
                actor = span_in(locale, actor),
                date = date
            )
        }
        NotificationKind::EvaluationOverdue => {
            td_string!(
                locale,
                notifications.evaluation_overdue,
                actor = span_in(locale, actor),
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
        NotificationKind::Feedback360Requested => td_string!(
            locale,
            notifications.feedback360_requested,
            cycle = actor,
            date = date
        ),
        NotificationKind::Feedback360Nominate => td_string!(
            locale,
            notifications.feedback360_nominate,
            cycle = actor,
            date = date
        ),
        NotificationKind::Feedback360Nominated => {
            td_string!(locale, notifications.feedback360_nominated, actor = actor)
        }
        NotificationKind::Feedback360RatersApproved => {
            td_string!(
                locale,
                notifications.feedback360_raters_approved,
                actor = actor
            )
        }
    }
    .to_string()
}
