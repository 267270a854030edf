use crate::domain::employee::PositionKind;
use crate::domain::ids::{PositionId, UnitId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "jabatan")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: PositionId,
    pub unit_id: UnitId,
    pub name: String,
    pub kind: PositionKind,
    pub eselon: Option<String>,
    pub jenjang: Option<String>,
    pub is_head: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
