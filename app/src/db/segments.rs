//! Position segments of plans: what a transfer does to the plans in force, and where the next
//! plan of a period starts. The rules are in `domain::segment`.

use crate::db::entities::{penilai_periode, periode, skp};
use crate::domain::ids::{AccountId, EmployeeId, PeriodId};
use crate::domain::period::PeriodState;
use crate::domain::segment::{Segment, TransferEffect, next_start, transfer_effect};
use crate::domain::skp::{SkpEvent, SkpParty, SkpState};
use crate::error::AppError;
use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

/// The segment a plan covers.
pub fn segment_of(plan: &skp::Model, period: &periode::Model) -> Segment {
    Segment::of_plan(plan.starts_on, plan.ends_on, period.ends_on)
}

/// The segment when it is only part of the period (after a transfer), `None` for a whole year.
pub fn part_of(plan: &skp::Model, period: &periode::Model) -> Option<Segment> {
    let segment = segment_of(plan, period);
    (!segment.is_whole(period.starts_on, period.ends_on)).then_some(segment)
}

/// The first day of a new plan of the employee in the period.
pub async fn next_plan_start(
    db: &impl ConnectionTrait,
    employee_id: EmployeeId,
    period: &periode::Model,
) -> Result<NaiveDate, AppError> {
    let closed = skp::Entity::find()
        .filter(skp::Column::PegawaiId.eq(employee_id))
        .filter(skp::Column::PeriodeId.eq(period.id))
        .filter(skp::Column::State.ne(SkpState::Cancelled))
        .filter(skp::Column::EndsOn.is_not_null())
        .all(db)
        .await?;
    Ok(next_start(
        period.starts_on,
        closed.into_iter().filter_map(|p| p.ends_on),
    ))
}

/// A plan the transfer changed, for the caller to tell the employee.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Closed {
    /// The plan now ends on the day before the move.
    Ended(skp::Model),
    /// A plan not yet established that never covered a day: cancelled.
    Cancelled(skp::Model),
}

/// Applies a transfer on `moved_on` to the employee's plans in open periods: the plan in force
/// ends the day before; a draft or submitted plan that would cover no day is cancelled. An
/// established plan cannot be voided that way (its evaluations depend on it): the transfer is
/// refused with the field error `transfer_voids_established_plan`. A per-period appraiser chosen
/// for the old position no longer applies to the new one and is dropped.
pub async fn apply_transfer(
    db: &impl ConnectionTrait,
    employee_id: EmployeeId,
    moved_on: NaiveDate,
    actor: Option<AccountId>,
) -> Result<Result<Vec<Closed>, &'static str>, AppError> {
    let open_periods: Vec<PeriodId> = periode::Entity::find()
        .filter(periode::Column::State.eq(PeriodState::Open))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let plans = skp::Entity::find()
        .filter(skp::Column::PegawaiId.eq(employee_id))
        .filter(skp::Column::PeriodeId.is_in(open_periods.iter().copied()))
        .filter(skp::Column::State.ne(SkpState::Cancelled))
        .filter(skp::Column::EndsOn.is_null())
        .all(db)
        .await?;
    let mut changed = Vec::new();
    for plan in plans {
        let record = crate::db::skp::load(db, plan.id).await?;
        match transfer_effect(segment_of(&plan, &record.period), moved_on) {
            TransferEffect::Untouched => continue,
            TransferEffect::Closes(last_day) => {
                let version = plan.version;
                crate::db::versioning::claim::<skp::Entity>(db, plan.id, version).await?;
                let updated = skp::ActiveModel {
                    id: Set(plan.id),
                    ends_on: Set(Some(last_day)),
                    ..Default::default()
                }
                .update(db)
                .await?;
                changed.push(Closed::Ended(updated));
            }
            TransferEffect::Voids
                if matches!(plan.state, SkpState::Draft | SkpState::Submitted) =>
            {
                crate::db::skp::fire(
                    db,
                    &record,
                    plan.version,
                    SkpEvent::Cancel,
                    SkpParty::Admin,
                    actor,
                    Some(format!("mutasi {moved_on}")),
                )
                .await?;
                changed.push(Closed::Cancelled(plan));
            }
            TransferEffect::Voids => return Ok(Err("transfer_voids_established_plan")),
        }
        penilai_periode::Entity::delete_many()
            .filter(penilai_periode::Column::PegawaiId.eq(employee_id))
            .filter(penilai_periode::Column::PeriodeId.eq(record.period.id))
            .exec(db)
            .await?;
    }
    Ok(Ok(changed))
}
