use crate::domain::ids::{AccountId, ImportId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "employee_import")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: ImportId,
    pub created_by: AccountId,
    pub created_at: DateTimeUtc,
    pub file_name: String,
    pub applied: bool,
    pub rows_total: i32,
    pub created_count: i32,
    pub updated_count: i32,
    pub error_count: i32,
    /// JSON array of `ImportError`.
    pub errors: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
