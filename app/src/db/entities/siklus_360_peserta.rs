use crate::domain::feedback360::NominationState;
use crate::domain::ids::{CycleId, EmployeeId, UnitId};
use sea_orm::entity::prelude::*;

/// An employee a cycle asks feedback about, with their unit at the time.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "siklus_360_peserta")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub cycle_id: CycleId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub employee_id: EmployeeId,
    pub unit_id: UnitId,
    pub nomination: NominationState,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
