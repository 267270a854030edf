use crate::domain::access::AdminRole;
use crate::domain::ids::{AccountId, EmployeeId, UnitId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "user_account")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: AccountId,
    pub pegawai_id: Option<EmployeeId>,
    #[sea_orm(unique)]
    pub login: String,
    pub password_hash: String,
    pub is_super_admin: bool,
    pub admin_scope: AdminRole,
    pub admin_unit_id: Option<UnitId>,
    pub totp_secret: Option<String>,
    pub totp_enabled: bool,
    /// The last TOTP time step accepted: a code is never accepted twice.
    pub totp_last_step: Option<i64>,
    pub password_changed_at: DateTimeUtc,
    pub disabled: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
