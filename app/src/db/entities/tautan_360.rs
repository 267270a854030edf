use crate::domain::ids::{CycleId, EmployeeId, PublicLinkId, UnitId};
use sea_orm::entity::prelude::*;

/// A public answer link of a cycle: for one employee or for a service unit, never both.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "tautan_360")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: PublicLinkId,
    pub cycle_id: CycleId,
    /// 32 random bytes, base64url without padding: what the link and its QR code carry.
    pub token: String,
    pub ratee_id: Option<EmployeeId>,
    pub unit_id: Option<UnitId>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
