use sea_orm::entity::prelude::*;

/// An appraiser chosen for one employee in one period, overriding the reporting line.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "penilai_periode")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub periode_id: i64,
    pub pegawai_id: i64,
    pub penilai_id: Option<i64>,
    pub atasan_penilai_id: Option<i64>,
    pub reason: String,
    pub set_by: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
