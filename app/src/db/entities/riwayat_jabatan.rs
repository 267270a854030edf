use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "riwayat_jabatan")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub pegawai_id: i64,
    pub unit_id: i64,
    pub jabatan_id: Option<i64>,
    pub started_at: Date,
    pub ended_at: Option<Date>,
    pub note: Option<String>,
    pub recorded_by: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
