use crate::domain::ids::{CommentId, EmployeeId, ResultId, SkpId};
use sea_orm::entity::prelude::*;

/// A review comment on an SKP, on one work result or on the whole plan.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "skp_komentar")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: CommentId,
    pub skp_id: SkpId,
    pub hasil_id: Option<ResultId>,
    pub author_id: EmployeeId,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
