use crate::domain::ids::{IndicatorId, ResultId};
use crate::domain::skp::Aspect;
use sea_orm::entity::prelude::*;

/// An individual performance indicator (IKI) of a work result.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "skp_indikator")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: IndicatorId,
    pub hasil_id: ResultId,
    pub position: i32,
    pub aspect: Option<Aspect>,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    pub target_min: Option<String>,
    pub target_max: Option<String>,
    pub target_unit: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
