use crate::domain::ids::PeriodId;
use sea_orm::entity::prelude::*;

/// The deadline of one periodic evaluation (sub-period) of a period.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "periode_tenggat")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub periode_id: PeriodId,
    pub seq: i32,
    pub starts_on: Date,
    pub ends_on: Date,
    pub deadline: Date,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
