use crate::domain::agency::EvaluationInterval;
use crate::domain::ids::{AgencyId, PeriodId};
use crate::domain::period::PeriodState;
use sea_orm::entity::prelude::*;

/// An annual performance period of the agency with its deadlines.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "periode")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: PeriodId,
    pub instansi_id: AgencyId,
    pub year: i32,
    pub evaluation_interval: EvaluationInterval,
    pub starts_on: Date,
    pub ends_on: Date,
    pub planning_deadline: Date,
    pub annual_deadline: Date,
    pub state: PeriodState,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
