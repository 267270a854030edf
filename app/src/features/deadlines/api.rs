//! Server functions of the overdue lists.

use super::types::*;
use crate::domain::ids::PeriodId;
use crate::error::AppError;
use leptos::prelude::*;

/// Self-assessments of the signed-in appraiser's team that are past their deadline.
#[server(endpoint = "deadlines/team")]
pub async fn load_team_overdue() -> Result<OverdueList, AppError> {
    crate::state::respond(ssr::team().await)
}

/// Every overdue task of period `id` (admins who manage periods).
#[server(endpoint = "deadlines/period")]
pub async fn load_period_overdue(id: PeriodId) -> Result<OverdueList, AppError> {
    crate::state::respond(ssr::period(id).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::db::entities::{pegawai, periode, unit_kerja};
    use crate::db::tasks::{OpenTask, Scope, TaskKind, open_tasks, open_tasks_in};
    use crate::domain::access::{Action, Target, authorize};
    use crate::domain::deadline::DeadlineStatus;
    use crate::domain::employee::display_name;
    use crate::state;
    use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
    use std::collections::HashMap;

    pub async fn team() -> Result<OverdueList, AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let Some(me) = user.actor.employee_id else {
            return Ok(OverdueList::default());
        };
        let Some(agency) = crate::db::agency::primary(&db).await? else {
            return Ok(OverdueList::default());
        };
        let Some(period) = crate::db::periods::open_period(&db, agency.id).await? else {
            return Ok(OverdueList::default());
        };
        let today = state::clock()?.today_in(agency.time_zone);
        // Plans not yet established are flagged in the plan list above; here the
        // self-assessments.
        let tasks: Vec<OpenTask> = open_tasks_in(&db, &period, today, Scope::Around(me))
            .await?
            .into_iter()
            .filter(|t| t.appraiser == Some(me))
            .filter(|t| matches!(t.kind, TaskKind::SelfAssessment { .. }))
            .collect();
        rows(&db, &period, tasks, today).await
    }

    pub async fn period(id: PeriodId) -> Result<OverdueList, AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        authorize(&user.actor, Action::ManagePeriods, Target::Agency)?;
        let agency = crate::db::agency::primary(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        let period = periode::Entity::find_by_id(id)
            .one(&db)
            .await?
            .filter(|p| p.instansi_id == agency.id)
            .ok_or(AppError::NotFound)?;
        let today = state::clock()?.today_in(agency.time_zone);
        let tasks = open_tasks(&db, &period, today).await?;
        rows(&db, &period, tasks, today).await
    }

    /// The overdue ones of `tasks`, most days late first, named for people.
    async fn rows(
        db: &impl ConnectionTrait,
        period: &periode::Model,
        tasks: Vec<OpenTask>,
        today: chrono::NaiveDate,
    ) -> Result<OverdueList, AppError> {
        let mut overdue: Vec<(OpenTask, DeadlineStatus)> = tasks
            .into_iter()
            .map(|t| {
                let status = DeadlineStatus::on(t.deadline, today);
                (t, status)
            })
            .filter(|(_, s)| s.is_overdue())
            .collect();
        let total = overdue.len();
        overdue.sort_by_key(|(t, _)| (t.deadline, t.employee));
        overdue.truncate(OverdueList::SHOWN);

        let ids: Vec<_> = overdue.iter().map(|(t, _)| t.employee).collect();
        let people: HashMap<_, pegawai::Model> = pegawai::Entity::find()
            .filter(pegawai::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let units: HashMap<_, String> = unit_kerja::Entity::find()
            .filter(unit_kerja::Column::InstansiId.eq(period.instansi_id))
            .all(db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
        let mut rows = Vec::with_capacity(overdue.len());
        for (task, status) in overdue {
            let Some(person) = people.get(&task.employee) else {
                tracing::error!(employee = %task.employee, "task of an employee who is gone");
                return Err(AppError::Internal);
            };
            let (kind, skp_id) = match task.kind {
                TaskKind::DraftPlan => (OverdueTask::Plan, None),
                TaskKind::ReviewPlan { skp_id } => (OverdueTask::PlanReview, Some(skp_id)),
                TaskKind::SelfAssessment { skp_id, seq } => {
                    let (from, to) = crate::db::tasks::evaluation_span(period, seq)?;
                    (OverdueTask::SelfAssessment { seq, from, to }, Some(skp_id))
                }
            };
            rows.push(OverdueRow {
                employee: display_name(
                    person.front_title.as_deref(),
                    &person.name,
                    person.back_title.as_deref(),
                ),
                nip: person.nip.clone(),
                unit: units.get(&person.unit_id).cloned().unwrap_or_default(),
                task: kind,
                skp_id,
                deadline: crate::ui::dates::local_date(task.deadline),
                status,
            });
        }
        Ok(OverdueList { rows, total })
    }
}
