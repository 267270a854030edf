use crate::domain::ids::{EvaluationId, IndicatorId};
use sea_orm::entity::prelude::*;

/// What the employee reports against one indicator: the realised value and a self-comment.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evaluasi_realisasi")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub evaluasi_id: EvaluationId,
    pub indikator_id: IndicatorId,
    #[sea_orm(column_type = "Text", nullable)]
    pub value: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub comment: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
