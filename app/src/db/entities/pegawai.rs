use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pegawai")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub instansi_id: i64,
    #[sea_orm(unique)]
    pub nip: String,
    pub name: String,
    pub name_search: String,
    pub front_title: Option<String>,
    pub back_title: Option<String>,
    pub email: Option<String>,
    pub asn_type: String,
    pub rank_grade: String,
    pub unit_id: i64,
    pub jabatan_id: Option<i64>,
    pub atasan_id: Option<i64>,
    pub penilai_id: Option<i64>,
    pub atasan_penilai_id: Option<i64>,
    pub active: bool,
    pub locale: String,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
