use sea_orm::entity::prelude::*;

/// The errors of a refused plain form post, kept until the page the browser was sent back to
/// shows them (see `db::form_flash`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "form_flash")]
pub struct Model {
    /// SHA-256 of the token in the browser's cookie; the token itself is never stored.
    #[sea_orm(primary_key, auto_increment = false)]
    pub token_hash: String,
    /// The path of the page the browser was sent back to.
    pub page: String,
    /// The server function that refused the post.
    pub fn_path: String,
    /// The error as leptos encodes it for an address.
    pub error: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
