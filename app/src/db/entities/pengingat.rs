use crate::domain::ids::EmployeeId;
use sea_orm::entity::prelude::*;

/// A deadline reminder that went out; the unique key (recipient, task, deadline, lead) keeps it
/// from going twice.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pengingat")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub pegawai_id: EmployeeId,
    pub task: String,
    pub deadline: Date,
    pub lead_days: i32,
    pub sent_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
