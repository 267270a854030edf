use crate::domain::ids::{AccountId, SkpId};
use crate::domain::skp::{SkpEvent, SkpState};
use sea_orm::entity::prelude::*;

/// One transition of an SKP; approvals carry a snapshot of the approved content.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "skp_riwayat")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub skp_id: SkpId,
    pub event: SkpEvent,
    pub from_state: SkpState,
    pub to_state: SkpState,
    pub actor_user_id: Option<AccountId>,
    #[sea_orm(column_type = "Text")]
    pub note: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub snapshot: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
