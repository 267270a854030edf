use crate::domain::ids::AccountId;
use sea_orm::entity::prelude::*;

/// Between a correct password and the second factor: who is logging in and where they go next.
/// Only the SHA-256 of the browser's token is stored; it lives five minutes.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "login_challenge")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    pub user_id: AccountId,
    pub next: Option<String>,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    /// Codes tried on this challenge (see `auth::mfa::MAX_CODE_ATTEMPTS`).
    pub attempts: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
