use crate::domain::feedback360::CycleState;
use crate::domain::ids::{AgencyId, CycleId, InstrumentId, PeriodId};
use sea_orm::entity::prelude::*;

/// A 360° feedback cycle.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "siklus_360")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: CycleId,
    pub instansi_id: AgencyId,
    pub periode_id: PeriodId,
    pub instrument_id: InstrumentId,
    pub title: String,
    pub state: CycleState,
    pub opens_on: Date,
    pub closes_on: Date,
    pub min_answers: i32,
    pub min_peers: i32,
    pub max_peers: i32,
    /// Comma-separated `RaterGroup` spellings; read through `db::feedback360::groups_of`.
    pub groups: String,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
