use crate::domain::employee::AsnType;
use crate::domain::ids::{AgencyId, EmployeeId, ExternalOfficialId, PositionId, UnitId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pegawai")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: EmployeeId,
    pub instansi_id: AgencyId,
    #[sea_orm(unique)]
    pub nip: String,
    pub name: String,
    pub name_search: String,
    pub front_title: Option<String>,
    pub back_title: Option<String>,
    pub email: Option<String>,
    pub asn_type: AsnType,
    pub rank_grade: String,
    pub unit_id: UnitId,
    pub jabatan_id: Option<PositionId>,
    pub atasan_id: Option<EmployeeId>,
    pub penilai_id: Option<EmployeeId>,
    pub atasan_penilai_id: Option<EmployeeId>,
    /// An appraiser outside the application, instead of `penilai_id` (then both are empty).
    pub penilai_luar_id: Option<ExternalOfficialId>,
    pub active: bool,
    pub locale: String,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
