use crate::domain::ids::SkpId;
use sea_orm::entity::prelude::*;

/// One BerAKHLAK core value on an SKP with the appraiser's specific expectation.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "skp_perilaku")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub skp_id: SkpId,
    pub core_value: i32,
    #[sea_orm(column_type = "Text")]
    pub expectation: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
