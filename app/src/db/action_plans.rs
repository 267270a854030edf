//! Storage of action plans (*rencana aksi*): the steps of a plan and where its agreement stands.

use super::entities::{rencana_aksi, rencana_aksi_status};
use crate::domain::action_plan::{ActionPlanState, StepDraft};
use crate::domain::ids::{IndicatorId, SkpId};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use std::collections::HashMap;

pub async fn status(
    db: &impl ConnectionTrait,
    skp_id: SkpId,
) -> Result<Option<rencana_aksi_status::Model>, AppError> {
    Ok(rencana_aksi_status::Entity::find_by_id(skp_id)
        .one(db)
        .await?)
}

pub async fn steps(
    db: &impl ConnectionTrait,
    skp_id: SkpId,
) -> Result<Vec<rencana_aksi::Model>, AppError> {
    Ok(rencana_aksi::Entity::find()
        .filter(rencana_aksi::Column::SkpId.eq(skp_id))
        .order_by_asc(rencana_aksi::Column::IndikatorId)
        .order_by_asc(rencana_aksi::Column::Seq)
        .all(db)
        .await?)
}

/// The agreed steps of sub-period `seq`, by IKI: what a periodic self-assessment measures
/// against. Empty while the action plan is not agreed.
pub async fn agreed_steps(
    db: &impl ConnectionTrait,
    skp_id: SkpId,
    seq: i32,
) -> Result<HashMap<IndicatorId, rencana_aksi::Model>, AppError> {
    let agreed = status(db, skp_id)
        .await?
        .is_some_and(|s| s.state == ActionPlanState::Agreed);
    if !agreed {
        return Ok(HashMap::new());
    }
    Ok(rencana_aksi::Entity::find()
        .filter(rencana_aksi::Column::SkpId.eq(skp_id))
        .filter(rencana_aksi::Column::Seq.eq(seq))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.indikator_id, s))
        .collect())
}

/// Replaces the steps of `skp_id` with `steps` (empty ones are not kept) and marks the plan as
/// drafted. The caller checks that it is a draft, in the same transaction.
pub async fn replace_steps(
    txn: &impl ConnectionTrait,
    skp_id: SkpId,
    steps: &[(IndicatorId, u8, StepDraft)],
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    rencana_aksi::Entity::delete_many()
        .filter(rencana_aksi::Column::SkpId.eq(skp_id))
        .exec(txn)
        .await?;
    let rows: Vec<rencana_aksi::ActiveModel> = steps
        .iter()
        .filter(|(_, _, step)| !step.is_empty())
        .map(|(indicator, seq, step)| rencana_aksi::ActiveModel {
            skp_id: Set(skp_id),
            indikator_id: Set(*indicator),
            seq: Set(i32::from(*seq)),
            description: Set(step.description.clone()),
            target: Set(step.target.clone()),
            updated_at: Set(now),
            ..Default::default()
        })
        .collect();
    // In chunks: one statement per row would be slow for a year of months, one statement for
    // all could pass the engines' parameter limits.
    for chunk in rows.chunks(100) {
        rencana_aksi::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(txn)
            .await?;
    }
    if status(txn, skp_id).await?.is_none() {
        rencana_aksi_status::Entity::insert(rencana_aksi_status::ActiveModel {
            skp_id: Set(skp_id),
            state: Set(ActionPlanState::Draft),
            note: Set(None),
            submitted_at: Set(None),
            agreed_at: Set(None),
            updated_at: Set(now),
        })
        .exec_without_returning(txn)
        .await?;
    } else {
        rencana_aksi_status::Entity::update_many()
            .col_expr(rencana_aksi_status::Column::UpdatedAt, Expr::value(now))
            .filter(rencana_aksi_status::Column::SkpId.eq(skp_id))
            .exec(txn)
            .await?;
    }
    Ok(())
}

/// Moves the agreement from `from` to `to`; `false` when it no longer stood at `from` (someone
/// acted first), so two decisions cannot both land.
pub async fn move_state(
    txn: &impl ConnectionTrait,
    skp_id: SkpId,
    from: ActionPlanState,
    to: ActionPlanState,
    note: Option<String>,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let mut update = rencana_aksi_status::Entity::update_many()
        .col_expr(rencana_aksi_status::Column::State, Expr::value(to))
        .col_expr(rencana_aksi_status::Column::UpdatedAt, Expr::value(now));
    update = match to {
        ActionPlanState::Submitted => update
            .col_expr(
                rencana_aksi_status::Column::SubmittedAt,
                Expr::value(Some(now)),
            )
            .col_expr(
                rencana_aksi_status::Column::Note,
                Expr::value(None::<String>),
            ),
        ActionPlanState::Agreed => update.col_expr(
            rencana_aksi_status::Column::AgreedAt,
            Expr::value(Some(now)),
        ),
        ActionPlanState::Draft => update
            .col_expr(rencana_aksi_status::Column::Note, Expr::value(note))
            .col_expr(
                rencana_aksi_status::Column::AgreedAt,
                Expr::value(None::<DateTime<Utc>>),
            ),
    };
    let moved = update
        .filter(rencana_aksi_status::Column::SkpId.eq(skp_id))
        .filter(rencana_aksi_status::Column::State.eq(from))
        .exec(txn)
        .await?;
    Ok(moved.rows_affected == 1)
}
