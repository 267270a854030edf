use crate::domain::feedback360::{AssignmentState, RaterGroup};
use crate::domain::ids::{AssignmentId, CycleId, EmployeeId};
use sea_orm::entity::prelude::*;

/// One rater's duty towards one ratee: *that* they answered, never what or when.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "penugasan_360")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: AssignmentId,
    pub cycle_id: CycleId,
    pub ratee_id: EmployeeId,
    pub rater_id: EmployeeId,
    pub rater_group: RaterGroup,
    pub state: AssignmentState,
    pub reminded_on: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
