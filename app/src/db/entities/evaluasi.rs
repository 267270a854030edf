use crate::domain::evaluation::EvaluationState;
use crate::domain::ids::{EvaluationId, SkpId};
use sea_orm::entity::prelude::*;

/// The self-assessment of one evaluation (periodic `seq` 1..n, annual `seq` 0) of an SKP.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evaluasi")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: EvaluationId,
    pub skp_id: SkpId,
    pub seq: i32,
    pub state: EvaluationState,
    /// The wizard step the employee was last on, so another device resumes there.
    pub step: i32,
    #[sea_orm(column_type = "Text", nullable)]
    pub achievements: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub projects: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub challenges: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub development: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub return_note: Option<String>,
    pub version: i32,
    pub submitted_at: Option<DateTimeUtc>,
    pub returned_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
