use crate::domain::ids::{AccountId, EmployeeId, PositionId, UnitId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "riwayat_jabatan")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub pegawai_id: EmployeeId,
    pub unit_id: UnitId,
    pub jabatan_id: Option<PositionId>,
    pub started_at: Date,
    pub ended_at: Option<Date>,
    pub note: Option<String>,
    pub recorded_by: Option<AccountId>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
