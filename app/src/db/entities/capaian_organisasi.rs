use crate::domain::ids::{AccountId, PeriodId, UnitId};
use crate::domain::period::OrgPredikat;
use sea_orm::entity::prelude::*;

/// The organisation's performance result of a unit in a period.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "capaian_organisasi")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub periode_id: PeriodId,
    pub unit_id: UnitId,
    pub predikat: OrgPredikat,
    #[sea_orm(column_type = "Text")]
    pub basis: String,
    pub set_by: AccountId,
    pub version: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
