use crate::domain::feedback360::RaterGroup;
use crate::domain::ids::{CycleId, EmployeeId, UnitId};
use sea_orm::entity::prelude::*;

/// A comment on one core value, stored apart from the scores it came with.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "komentar_360")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub cycle_id: CycleId,
    pub ratee_id: Option<EmployeeId>,
    pub unit_id: Option<UnitId>,
    pub rater_group: RaterGroup,
    pub core_value: i32,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    pub hidden: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
