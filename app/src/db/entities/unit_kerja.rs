use crate::domain::ids::{AgencyId, UnitId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "unit_kerja")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: UnitId,
    pub instansi_id: AgencyId,
    pub parent_id: Option<UnitId>,
    pub path: String,
    pub depth: i32,
    pub code: String,
    pub name: String,
    /// A *unit kerja mandiri* (UPT, puskesmas): its head writes the JPT form of the SKP.
    pub independent: bool,
    pub closed_at: Option<DateTimeUtc>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
