use crate::domain::ids::{ResultId, SkpId};
use crate::domain::skp::{Perspective, ResultGroup};
use sea_orm::entity::prelude::*;

/// A work result (RHK) of an SKP; `parent_id` is the leader's RHK it supports.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "skp_hasil")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: ResultId,
    pub skp_id: SkpId,
    pub grp: ResultGroup,
    pub position: i32,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    pub parent_id: Option<ResultId>,
    #[sea_orm(column_type = "Text")]
    pub parent_text: Option<String>,
    pub perspective: Option<Perspective>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
