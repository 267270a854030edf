use crate::domain::ids::{AgencyId, InstrumentId};
use sea_orm::entity::prelude::*;

/// A version of an agency's 360° instrument; a cycle keeps the version it was set up with.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "instrumen_360")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: InstrumentId,
    pub instansi_id: AgencyId,
    pub version: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
