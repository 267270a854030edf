//! The work people owe by a deadline in a period (DOMAIN.md §11.4–§11.5): plans to draft and
//! hand in, plans waiting for their appraiser, self-assessments to hand in. One source for the
//! reminders, the overdue flags of the appraiser's and the admin's lists, and each person's desk.
//!
//! Read in four queries whatever the agency's size, then put together in memory: the daily
//! reminder run covers every employee at once.

use super::entities::{evaluasi, pegawai, penilai_periode, periode, skp};
use crate::domain::evaluation::{EvaluationState, fillable};
use crate::domain::ids::{EmployeeId, PeriodId, SkpId};
use crate::domain::period::sub_periods;
use crate::domain::skp::SkpState;
use crate::error::AppError;
use chrono::NaiveDate;
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect};
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskKind {
    /// Draft the plan of the position held now and hand it in (or fix a returned one).
    DraftPlan,
    /// Establish (*menetapkan*) a plan an employee handed in: the appraiser's work.
    ReviewPlan { skp_id: SkpId },
    /// Hand in the self-assessment `seq` of a plan (0: the annual one).
    SelfAssessment { skp_id: SkpId, seq: i32 },
}

/// A piece of work `owner` owes by `deadline`; `employee` is whose plan it concerns (the owner
/// themselves, except for a review).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenTask {
    pub owner: EmployeeId,
    pub employee: EmployeeId,
    /// The appraiser of the plan concerned, when it is someone in the application.
    pub appraiser: Option<EmployeeId>,
    pub kind: TaskKind,
    pub deadline: NaiveDate,
}

impl OpenTask {
    /// What the task is, as the reminder ledger keys it: one reminder per task, deadline and
    /// lead (`pengingat`).
    pub fn key(&self, period: PeriodId) -> String {
        match self.kind {
            TaskKind::DraftPlan => format!("plan:{period}"),
            TaskKind::ReviewPlan { skp_id } => format!("review:{skp_id}"),
            TaskKind::SelfAssessment { skp_id, seq } => format!("evaluation:{skp_id}:{seq}"),
        }
    }

    /// Where the owner does it.
    pub fn link(&self) -> String {
        match self.kind {
            TaskKind::DraftPlan => "/skp".to_owned(),
            TaskKind::ReviewPlan { skp_id } => format!("/skp/{skp_id}"),
            TaskKind::SelfAssessment { .. } => "/evaluasi".to_owned(),
        }
    }
}

/// The first and last day a self-assessment covers: the period's for the annual one (`seq` 0),
/// else its sub-period's. A `seq` the period does not have is refused and logged.
pub fn evaluation_span(
    period: &periode::Model,
    seq: i32,
) -> Result<(NaiveDate, NaiveDate), AppError> {
    use crate::domain::evaluation::EvaluationKind;
    let span = match EvaluationKind::from_seq(seq) {
        Some(EvaluationKind::Annual) => Some((period.starts_on, period.ends_on)),
        Some(EvaluationKind::Periodic(n)) => sub_periods(period.year, period.evaluation_interval)
            .into_iter()
            .find(|s| s.seq == n)
            .map(|s| (s.starts_on, s.ends_on)),
        None => None,
    };
    span.ok_or_else(|| {
        tracing::error!(period = %period.id, seq, "an evaluation outside its period's sub-periods");
        AppError::Internal
    })
}

/// Whose open tasks to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Everyone in the agency: the reminder run, the admin's lists.
    Agency,
    /// One person and the people whose plans they appraise: a desk, a team list. Reads a
    /// handful of rows, not the agency's.
    Around(EmployeeId),
}

/// `me` and the people they appraise: by their records, by the period's choice of appraiser and
/// by the plans of `period` that name `me` as appraiser. Separate indexed queries: an `OR` over a subquery would make PostgreSQL
/// read the whole table.
async fn around(
    db: &impl ConnectionTrait,
    period: &periode::Model,
    me: EmployeeId,
) -> Result<Vec<EmployeeId>, AppError> {
    let mut ids = vec![me];
    ids.extend(
        pegawai::Entity::find()
            .select_only()
            .column(pegawai::Column::Id)
            .filter(pegawai::Column::PenilaiId.eq(me))
            .into_tuple::<EmployeeId>()
            .all(db)
            .await?,
    );
    ids.extend(
        skp::Entity::find()
            .select_only()
            .column(skp::Column::PegawaiId)
            .filter(skp::Column::PeriodeId.eq(period.id))
            .filter(skp::Column::PenilaiId.eq(me))
            .into_tuple::<EmployeeId>()
            .all(db)
            .await?,
    );
    ids.extend(
        penilai_periode::Entity::find()
            .select_only()
            .column(penilai_periode::Column::PegawaiId)
            .filter(penilai_periode::Column::PeriodeId.eq(period.id))
            .filter(penilai_periode::Column::PenilaiId.eq(me))
            .into_tuple::<EmployeeId>()
            .all(db)
            .await?,
    );
    ids.sort();
    ids.dedup();
    Ok(ids)
}

/// Every open task of `period` on `today`.
pub async fn open_tasks(
    db: &impl ConnectionTrait,
    period: &periode::Model,
    today: NaiveDate,
) -> Result<Vec<OpenTask>, AppError> {
    open_tasks_in(db, period, today, Scope::Agency).await
}

/// The open tasks of `period` on `today` owned by the people of `scope`, or about their plans.
pub async fn open_tasks_in(
    db: &impl ConnectionTrait,
    period: &periode::Model,
    today: NaiveDate,
    scope: Scope,
) -> Result<Vec<OpenTask>, AppError> {
    let mut people = pegawai::Entity::find()
        .filter(pegawai::Column::InstansiId.eq(period.instansi_id))
        .filter(pegawai::Column::Active.eq(true));
    if let Scope::Around(me) = scope {
        people = people.filter(pegawai::Column::Id.is_in(around(db, period, me).await?));
    }
    let people = people.all(db).await?;
    let mut plans = skp::Entity::find()
        .filter(skp::Column::PeriodeId.eq(period.id))
        .filter(skp::Column::State.ne(SkpState::Cancelled));
    let mut plans_in_scope = Query::select()
        .column(skp::Column::Id)
        .from(skp::Entity)
        .and_where(skp::Column::PeriodeId.eq(period.id))
        .to_owned();
    if let Scope::Around(_) = scope {
        let ids: Vec<EmployeeId> = people.iter().map(|p| p.id).collect();
        plans = plans.filter(skp::Column::PegawaiId.is_in(ids.clone()));
        plans_in_scope.and_where(skp::Column::PegawaiId.is_in(ids));
    }
    let plans = plans.all(db).await?;
    // A subquery rather than a list of ids: the list would outgrow the engines' parameter limits
    // in a large agency.
    let evaluations = evaluasi::Entity::find()
        .filter(evaluasi::Column::SkpId.in_subquery(plans_in_scope))
        .all(db)
        .await?;
    let deadlines = super::periods::deadlines_of(db, period.id).await?;
    let handed_in: HashMap<(SkpId, i32), bool> = evaluations
        .iter()
        .map(|e| ((e.skp_id, e.seq), e.state != EvaluationState::Open))
        .collect();

    let mut tasks = Vec::new();
    let mut plans_of: HashMap<EmployeeId, Vec<&skp::Model>> = HashMap::new();
    for plan in &plans {
        plans_of.entry(plan.pegawai_id).or_default().push(plan);
    }
    for person in &people {
        let current = plans_of
            .get(&person.id)
            .and_then(|plans| plans.iter().find(|p| p.ends_on.is_none()));
        let has_appraiser = person.penilai_id.is_some() || person.penilai_luar_id.is_some();
        match current {
            // A revision of an established plan is not bound to the planning deadline.
            Some(plan) if plan.state == SkpState::Submitted => {
                if let Some(appraiser) = plan.penilai_id {
                    tasks.push(OpenTask {
                        owner: appraiser,
                        employee: person.id,
                        appraiser: Some(appraiser),
                        kind: TaskKind::ReviewPlan { skp_id: plan.id },
                        deadline: period.planning_deadline,
                    });
                }
            }
            Some(plan) if plan.state.is_effective() || plan.state.is_final() => {}
            Some(plan) => tasks.push(OpenTask {
                owner: person.id,
                employee: person.id,
                appraiser: plan.penilai_id,
                kind: TaskKind::DraftPlan,
                deadline: period.planning_deadline,
            }),
            None if has_appraiser => tasks.push(OpenTask {
                owner: person.id,
                employee: person.id,
                appraiser: person.penilai_id,
                kind: TaskKind::DraftPlan,
                deadline: period.planning_deadline,
            }),
            None => {}
        }
    }

    let subs = sub_periods(period.year, period.evaluation_interval);
    let active: HashSet<EmployeeId> = people.iter().map(|p| p.id).collect();
    for plan in plans.iter().filter(|p| p.state.is_effective()) {
        if !active.contains(&plan.pegawai_id) {
            continue;
        }
        let segment = super::segments::segment_of(plan, period);
        for seq in fillable(&subs, segment, today) {
            if handed_in.get(&(plan.id, seq)).copied().unwrap_or(false) {
                continue;
            }
            let deadline = super::periods::evaluation_deadline(period, &deadlines, seq)
                .ok_or_else(|| {
                    tracing::error!(period = %period.id, seq, "sub-period without a deadline");
                    AppError::Internal
                })?;
            tasks.push(OpenTask {
                owner: plan.pegawai_id,
                employee: plan.pegawai_id,
                appraiser: plan.penilai_id,
                kind: TaskKind::SelfAssessment {
                    skp_id: plan.id,
                    seq,
                },
                deadline,
            });
        }
    }
    Ok(tasks)
}
