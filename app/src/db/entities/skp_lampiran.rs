use crate::domain::ids::{AttachmentId, SkpId};
use crate::domain::skp::AttachmentKind;
use sea_orm::entity::prelude::*;

/// An item of the SKP's attachment (resources, accountability, consequences).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "skp_lampiran")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: AttachmentId,
    pub skp_id: SkpId,
    pub kind: AttachmentKind,
    pub position: i32,
    #[sea_orm(column_type = "Text")]
    pub text: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
