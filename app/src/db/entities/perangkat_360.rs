use crate::domain::ids::PublicLinkId;
use sea_orm::entity::prelude::*;

/// That a device has answered through a link: the hash of the device's own random token, with
/// no time and nothing about the answer.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "perangkat_360")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub link_id: PublicLinkId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub device_hash: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
