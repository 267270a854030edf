use sea_orm::entity::prelude::*;

/// A review comment on an SKP, on one work result or on the whole plan.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "skp_komentar")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub skp_id: i64,
    pub hasil_id: Option<i64>,
    pub author_id: i64,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
