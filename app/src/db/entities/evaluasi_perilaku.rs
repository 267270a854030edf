use crate::domain::evaluation::SelfRating;
use crate::domain::ids::EvaluationId;
use sea_orm::entity::prelude::*;

/// The employee's self-rating of one core value, with a concrete example.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evaluasi_perilaku")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub evaluasi_id: EvaluationId,
    pub core_value: i32,
    pub rating: Option<SelfRating>,
    #[sea_orm(column_type = "Text", nullable)]
    pub example: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
