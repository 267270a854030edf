use crate::domain::ids::{IndicatorId, SkpId};
use sea_orm::entity::prelude::*;

/// One step of an action plan (*rencana aksi*): what will be done for an IKI in a sub-period and
/// the periodic target it will reach.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rencana_aksi")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub skp_id: SkpId,
    pub indikator_id: IndicatorId,
    pub seq: i32,
    #[sea_orm(column_type = "Text")]
    pub description: String,
    pub target: String,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
