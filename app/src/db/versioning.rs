//! Optimistic concurrency: a row carries a `version` that every change claims (compare-and-swap),
//! so two tabs or two people never overwrite each other silently. The losing change gets
//! `Conflict` and its form shows the stored values.

use crate::db::entities::{evaluasi, skp};
use crate::domain::ids::{EvaluationId, SkpId};
use crate::error::AppError;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// A table whose rows are changed only by claiming their next version.
pub trait Versioned: EntityTrait {
    /// The type of the row's id, so a plan's version is never claimed with another row's id.
    type Id: Into<sea_orm::Value>;
    const ID: Self::Column;
    const VERSION: Self::Column;
    const UPDATED_AT: Self::Column;
}

impl Versioned for skp::Entity {
    type Id = SkpId;
    const ID: skp::Column = skp::Column::Id;
    const VERSION: skp::Column = skp::Column::Version;
    const UPDATED_AT: skp::Column = skp::Column::UpdatedAt;
}

impl Versioned for evaluasi::Entity {
    type Id = EvaluationId;
    const ID: evaluasi::Column = evaluasi::Column::Id;
    const VERSION: evaluasi::Column = evaluasi::Column::Version;
    const UPDATED_AT: evaluasi::Column = evaluasi::Column::UpdatedAt;
}

/// Moves row `id` from version `seen` to `seen + 1`, or fails with `Conflict` when someone else
/// changed it since `seen` was read. Called inside the change's transaction, before its writes.
pub async fn claim<E: Versioned>(
    db: &impl ConnectionTrait,
    id: E::Id,
    seen: i32,
) -> Result<(), AppError> {
    let done = E::update_many()
        .col_expr(E::VERSION, Expr::value(seen + 1))
        .col_expr(E::UPDATED_AT, Expr::value(Utc::now()))
        .filter(E::ID.eq(id))
        .filter(E::VERSION.eq(seen))
        .exec(db)
        .await?;
    if done.rows_affected == 1 {
        Ok(())
    } else {
        Err(AppError::Conflict)
    }
}
