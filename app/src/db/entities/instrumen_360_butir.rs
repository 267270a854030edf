use crate::domain::feedback360::Audience;
use crate::domain::ids::InstrumentId;
use sea_orm::entity::prelude::*;

/// A statement of an instrument version.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "instrumen_360_butir")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub instrument_id: InstrumentId,
    #[sea_orm(primary_key, auto_increment = false)]
    pub number: i32,
    /// 1–7, `CoreValue::number`.
    pub core_value: i32,
    pub audience: Audience,
    #[sea_orm(column_type = "Text")]
    pub text_id: String,
    #[sea_orm(column_type = "Text")]
    pub text_en: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
