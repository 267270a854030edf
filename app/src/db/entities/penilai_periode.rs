use crate::domain::ids::{AccountId, EmployeeId, PeriodId};
use sea_orm::entity::prelude::*;

/// An appraiser chosen for one employee in one period, overriding the reporting line.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "penilai_periode")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub periode_id: PeriodId,
    pub pegawai_id: EmployeeId,
    pub penilai_id: Option<EmployeeId>,
    pub atasan_penilai_id: Option<EmployeeId>,
    pub reason: String,
    pub set_by: AccountId,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
