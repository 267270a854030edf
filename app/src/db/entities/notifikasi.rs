use crate::domain::ids::{AccountId, NotificationId, SkpId};
use crate::domain::notification::NotificationKind;
use sea_orm::entity::prelude::*;

/// An in-app notification for one account.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notifikasi")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: NotificationId,
    pub user_id: AccountId,
    pub kind: NotificationKind,
    pub skp_id: Option<SkpId>,
    pub actor_name: String,
    pub link: String,
    /// The deadline a reminder is about.
    pub due_on: Option<Date>,
    /// What the actor wrote with it (why a plan or self-assessment was returned).
    pub note: Option<String>,
    pub read_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
