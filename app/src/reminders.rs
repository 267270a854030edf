//! The reminder run (DOMAIN.md §11.4): every open task whose reminder is due today
//! (`domain::deadline::reminder_due`) gets one in-app notification for its owner, and an e-mail
//! when the server sends mail.
//!
//! Safe to run as often as wanted and on several instances at once: claiming a reminder in the
//! `pengingat` ledger (unique per owner, task, deadline and lead) and notifying happen in one
//! transaction, so exactly one run sends each reminder.

use crate::clock::Clock;
use crate::db::entities::{pegawai, pengingat, periode};
use crate::db::notifications;
use crate::db::tasks::{OpenTask, TaskKind, open_tasks};
use crate::domain::deadline::{Reminder, reminder_due};
use crate::domain::notification::NotificationKind;
use crate::error::AppError;
use crate::features::notifications::text::notification_text_in;
use crate::i18n::*;
use crate::live::Topic;
use crate::live::hub::LiveHub;
use crate::mail::Mailer;
use sea_orm::sea_query::OnConflict;
use sea_orm::{DatabaseConnection, EntityTrait, Set, TransactionTrait};

/// How often the server looks for reminders to send. Each is sent once, so the interval only
/// decides how soon after midnight (agency time) they arrive.
pub const INTERVAL: std::time::Duration = std::time::Duration::from_secs(15 * 60);

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunReport {
    /// Reminders claimed and notified by this run.
    pub reminders: usize,
    pub emails: usize,
}

pub async fn run(
    db: &DatabaseConnection,
    clock: Clock,
    mailer: Option<&Mailer>,
    live: &LiveHub,
) -> Result<RunReport, AppError> {
    let mut report = RunReport::default();
    let Some(agency) = crate::db::agency::primary(db).await? else {
        return Ok(report);
    };
    let today = clock.today_in(agency.time_zone);
    let (feedback, feedback_emails) = remind_raters(db, mailer, live, agency.id, today).await?;
    report.reminders += feedback;
    report.emails += feedback_emails;
    let Some(period) = crate::db::periods::open_period(db, agency.id).await? else {
        return Ok(report);
    };
    for task in open_tasks(db, &period, today).await? {
        let Some(reminder) = reminder_due(task.deadline, today) else {
            continue;
        };
        // One task that cannot be reminded (a storage error) must not hold back everyone else's;
        // its claim was rolled back, so the next run tries it again.
        match remind(db, clock, mailer, live, &period, &task, reminder).await {
            Ok(Sent::Before) => {}
            Ok(Sent::InApp { emailed }) => {
                report.reminders += 1;
                report.emails += usize::from(emailed);
            }
            Err(err) => tracing::error!(
                employee = %task.owner,
                task = %task.key(period.id),
                error = ?err,
                "reminder not sent; retried on the next run"
            ),
        }
    }
    if report.reminders > 0 {
        tracing::info!(
            reminders = report.reminders,
            emails = report.emails,
            "deadline reminders sent"
        );
    }
    Ok(report)
}

enum Sent {
    /// Claimed earlier, by this instance or another.
    Before,
    InApp {
        emailed: bool,
    },
}

/// Claims the reminder in the ledger and notifies the owner in one transaction, then mails them.
async fn remind(
    db: &DatabaseConnection,
    clock: Clock,
    mailer: Option<&Mailer>,
    live: &LiveHub,
    period: &periode::Model,
    task: &OpenTask,
    reminder: Reminder,
) -> Result<Sent, AppError> {
    let kind = kind_of(task.kind, reminder);
    let subject = subject_of(db, period, task).await?;
    let Some(reached) = claim_and_notify(
        db,
        clock,
        task,
        (&task.key(period.id), task.deadline),
        reminder.lead(),
        kind,
        &subject,
    )
    .await?
    else {
        return Ok(Sent::Before);
    };
    for account in reached {
        live.publish(Topic::User(account)).await;
    }
    let emailed = match mailer {
        Some(mailer) => {
            email(
                db,
                mailer,
                (task.owner, task.deadline, &task.link()),
                kind,
                &subject,
            )
            .await?
        }
        None => false,
    };
    Ok(Sent::InApp { emailed })
}

/// 360° raters with forms still open (DOMAIN.md §11.5): one reminder from three days before the
/// close, never two within five days (`domain::feedback360::reminder_due`). A rater with several
/// forms gets one notification. Claiming a form's reminder moves its `reminded_on` from the day
/// read to today, so of several instances only one sends it. Returns reminders and e-mails sent.
async fn remind_raters(
    db: &DatabaseConnection,
    mailer: Option<&Mailer>,
    live: &LiveHub,
    agency: crate::domain::ids::AgencyId,
    today: chrono::NaiveDate,
) -> Result<(usize, usize), AppError> {
    use crate::db::entities::{penugasan_360, siklus_360};
    use crate::domain::feedback360::{AssignmentState, CycleState, Window, reminder_due};
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, QueryFilter};
    use std::collections::BTreeMap;
    let (mut sent, mut emailed) = (0, 0);
    let cycles = siklus_360::Entity::find()
        .filter(siklus_360::Column::InstansiId.eq(agency))
        .filter(siklus_360::Column::State.eq(CycleState::Open))
        .all(db)
        .await?;
    for cycle in cycles {
        let window = Window {
            opens_on: cycle.opens_on,
            closes_on: cycle.closes_on,
        };
        let mut due: BTreeMap<crate::domain::ids::EmployeeId, Vec<penugasan_360::Model>> =
            BTreeMap::new();
        for a in penugasan_360::Entity::find()
            .filter(penugasan_360::Column::CycleId.eq(cycle.id))
            .filter(penugasan_360::Column::State.eq(AssignmentState::Invited))
            .all(db)
            .await?
        {
            if reminder_due(window, today, a.reminded_on) {
                due.entry(a.rater_id).or_default().push(a);
            }
        }
        for (rater, forms) in due {
            let txn = db.begin().await?;
            let mut claimed = 0;
            for form in &forms {
                let last = match form.reminded_on {
                    Some(day) => penugasan_360::Column::RemindedOn.eq(day),
                    None => penugasan_360::Column::RemindedOn.is_null(),
                };
                claimed += penugasan_360::Entity::update_many()
                    .col_expr(penugasan_360::Column::RemindedOn, Expr::value(today))
                    .filter(penugasan_360::Column::Id.eq(form.id))
                    .filter(last)
                    .exec(&txn)
                    .await?
                    .rows_affected;
            }
            if claimed == 0 {
                txn.rollback().await?;
                continue;
            }
            let reached = notifications::remind_employee(
                &txn,
                rater,
                NotificationKind::Feedback360Requested,
                &cycle.title,
                "/360",
                cycle.closes_on,
            )
            .await?;
            txn.commit().await?;
            sent += 1;
            for account in reached {
                live.publish(Topic::User(account)).await;
            }
            if let Some(mailer) = mailer
                && email(
                    db,
                    mailer,
                    (rater, cycle.closes_on, "/360"),
                    NotificationKind::Feedback360Requested,
                    &cycle.title,
                )
                .await?
            {
                emailed += 1;
            }
        }
    }
    Ok((sent, emailed))
}

/// Claims `(task.owner, ledger_task, ledger_deadline, lead)` in the ledger and notifies the
/// owner of `task`, in one transaction. `None` when it was claimed before; else the accounts reached, whose bells
/// the caller tells (a server function's outbox does it by itself).
async fn claim_and_notify(
    db: &DatabaseConnection,
    clock: Clock,
    task: &OpenTask,
    (ledger_task, ledger_deadline): (&str, chrono::NaiveDate),
    lead: i32,
    kind: NotificationKind,
    subject: &str,
) -> Result<Option<Vec<crate::domain::ids::AccountId>>, AppError> {
    let txn = db.begin().await?;
    let claimed = pengingat::Entity::insert(pengingat::ActiveModel {
        pegawai_id: Set(task.owner),
        task: Set(ledger_task.to_owned()),
        deadline: Set(ledger_deadline),
        lead_days: Set(lead),
        sent_at: Set(clock.now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            pengingat::Column::PegawaiId,
            pengingat::Column::Task,
            pengingat::Column::Deadline,
            pengingat::Column::LeadDays,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    if claimed == 0 {
        txn.rollback().await?;
        return Ok(None);
    }
    let reached = notifications::remind_employee(
        &txn,
        task.owner,
        kind,
        subject,
        &task.link(),
        task.deadline,
    )
    .await?;
    txn.commit().await?;
    Ok(Some(reached))
}

/// The ledger key of the reminders appraisers send by hand on `today`: one per person per day.
pub fn nudge_key(today: chrono::NaiveDate) -> String {
    format!("nudge:{today}")
}

/// A reminder an appraiser sends from their desk about `task` on `today`: `false` when one went
/// to its owner today already. In-app only; the daily run is the one that mails.
pub async fn nudge(
    db: &DatabaseConnection,
    clock: Clock,
    period: &periode::Model,
    task: &OpenTask,
    today: chrono::NaiveDate,
) -> Result<bool, AppError> {
    let reminder = if task.deadline < today {
        Reminder::Overdue
    } else {
        Reminder::Before(0)
    };
    let kind = kind_of(task.kind, reminder);
    let subject = subject_of(db, period, task).await?;
    // Keyed by the day alone, not by the task's deadline: one a day whichever task is earliest.
    let key = nudge_key(today);
    let reached = claim_and_notify(db, clock, task, (&key, today), 0, kind, &subject).await?;
    Ok(reached.is_some())
}

fn kind_of(task: TaskKind, reminder: Reminder) -> NotificationKind {
    let overdue = reminder == Reminder::Overdue;
    match (task, overdue) {
        (TaskKind::DraftPlan, false) => NotificationKind::PlanDue,
        (TaskKind::DraftPlan, true) => NotificationKind::PlanOverdue,
        (TaskKind::ReviewPlan { .. }, false) => NotificationKind::PlanReviewDue,
        (TaskKind::ReviewPlan { .. }, true) => NotificationKind::PlanReviewOverdue,
        (TaskKind::SelfAssessment { .. }, false) => NotificationKind::EvaluationDue,
        (TaskKind::SelfAssessment { .. }, true) => NotificationKind::EvaluationOverdue,
    }
}

/// What the reminder names: the employee whose plan waits, or the stretch a self-assessment
/// covers, stored as ISO days (`2026-07-01/2026-07-31`) and written out in the reader's language
/// when shown (the year for the annual one).
async fn subject_of(
    db: &DatabaseConnection,
    period: &periode::Model,
    task: &OpenTask,
) -> Result<String, AppError> {
    Ok(match task.kind {
        TaskKind::DraftPlan => String::new(),
        TaskKind::ReviewPlan { .. } => pegawai::Entity::find_by_id(task.employee)
            .one(db)
            .await?
            .map(|p| {
                crate::domain::employee::display_name(
                    p.front_title.as_deref(),
                    &p.name,
                    p.back_title.as_deref(),
                )
            })
            .unwrap_or_default(),
        TaskKind::SelfAssessment { seq: 0, .. } => period.year.to_string(),
        TaskKind::SelfAssessment { seq, .. } => {
            let (from, to) = crate::db::tasks::evaluation_span(period, seq)?;
            format!("{from}/{to}")
        }
    })
}

/// Mails the owner when they have an address; a failure is logged, the in-app reminder stands.
async fn email(
    db: &DatabaseConnection,
    mailer: &Mailer,
    (owner, deadline, link): (crate::domain::ids::EmployeeId, chrono::NaiveDate, &str),
    kind: NotificationKind,
    subject: &str,
) -> Result<bool, AppError> {
    let Some(owner) = pegawai::Entity::find_by_id(owner).one(db).await? else {
        return Ok(false);
    };
    if !owner.active {
        return Ok(false);
    }
    let Some(address) = owner.email.as_deref().filter(|a| !a.trim().is_empty()) else {
        return Ok(false);
    };
    let locale = match owner.locale.as_str() {
        "en" => Locale::en,
        "id" => Locale::id,
        other => {
            tracing::warn!(employee = %owner.id, locale = other, "unknown stored locale; mail skipped");
            return Ok(false);
        }
    };
    let date = crate::ui::dates::long_date(locale, deadline);
    let text = notification_text_in(locale, kind, subject, Some(&date));
    let title = td_string!(locale, notifications.mail_subject, text = text.as_str()).to_string();
    let body = format!(
        "{text}\n\n{}\n\n{}\n",
        td_string!(locale, notifications.mail_open, link = mailer.link(link)),
        td_string!(locale, notifications.mail_footer)
    );
    match mailer.send(address, &title, &body).await {
        Ok(()) => Ok(true),
        Err(err) => {
            tracing::warn!(employee = %owner.id, error = %err, "reminder e-mail not sent");
            Ok(false)
        }
    }
}
