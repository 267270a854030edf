use crate::domain::feedback360::RaterGroup;
use crate::domain::ids::{CycleId, EmployeeId, UnitId};
use sea_orm::entity::prelude::*;

/// One rater's scores, with nothing that leads back to the rater (see the migration).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "jawaban_360")]
pub struct Model {
    /// Random hex, not a sequence.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub cycle_id: CycleId,
    pub ratee_id: Option<EmployeeId>,
    pub unit_id: Option<UnitId>,
    pub rater_group: RaterGroup,
    pub submitted_on: Date,
    /// JSON `[[statement, score or null], ...]`.
    #[sea_orm(column_type = "Text")]
    pub scores: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
