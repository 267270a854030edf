//! Writing logins: the account every employee gets, its password and its admin right. The
//! employee form, the password flows and the demo loader all change accounts through here.

use crate::db::entities::{pegawai, user_account};
use crate::domain::access::AdminRole;
use crate::domain::ids::{EmployeeId, UnitId};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    QueryFilter, Set,
};

/// Every employee gets a login (their NIP) without a usable password: an admin hands them a
/// one-time link to choose one.
pub async fn create_for(
    db: &impl ConnectionTrait,
    p: &pegawai::Model,
    now: DateTime<Utc>,
) -> Result<user_account::Model, DbErr> {
    user_account::ActiveModel {
        pegawai_id: Set(Some(p.id)),
        login: Set(p.nip.clone()),
        // Not a PHC string: no password can ever match it.
        password_hash: Set("!".to_owned()),
        is_super_admin: Set(false),
        admin_scope: Set(AdminRole::None),
        admin_unit_id: Set(None),
        totp_secret: Set(None),
        totp_enabled: Set(false),
        totp_last_step: Set(None),
        password_changed_at: Set(now),
        disabled: Set(false),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// The login of an employee, if they have one.
pub async fn of_employee(
    db: &impl ConnectionTrait,
    id: EmployeeId,
) -> Result<Option<user_account::Model>, DbErr> {
    user_account::Entity::find()
        .filter(user_account::Column::PegawaiId.eq(id))
        .one(db)
        .await
}

/// A corrected NIP is also the corrected login.
pub async fn rename_for(db: &impl ConnectionTrait, p: &pegawai::Model) -> Result<(), DbErr> {
    if let Some(account) = of_employee(db, p.id).await? {
        let mut account = account.into_active_model();
        account.login = Set(p.nip.clone());
        account.update(db).await?;
    }
    Ok(())
}

/// Stores a new password hash (already computed: hashing is slow and belongs off the async
/// runtime). Ending the other sessions is the caller's decision.
pub async fn set_password(
    db: &impl ConnectionTrait,
    account: user_account::Model,
    password_hash: String,
    now: DateTime<Utc>,
) -> Result<user_account::Model, DbErr> {
    let version = account.version;
    let mut account = account.into_active_model();
    account.password_hash = Set(password_hash);
    account.password_changed_at = Set(now);
    account.updated_at = Set(now);
    account.version = Set(version + 1);
    account.update(db).await
}

/// Gives an account an admin right (or takes it away with [`AdminRole::None`]); a subtree right
/// names its top unit.
pub async fn set_admin_role(
    db: &impl ConnectionTrait,
    account: user_account::Model,
    role: AdminRole,
    unit: Option<UnitId>,
    now: DateTime<Utc>,
) -> Result<user_account::Model, DbErr> {
    if (role == AdminRole::Subtree) != unit.is_some() {
        return Err(DbErr::Custom(format!(
            "admin role {} with unit {unit:?}",
            role.as_str()
        )));
    }
    let version = account.version;
    let mut account = account.into_active_model();
    account.admin_scope = Set(role);
    account.admin_unit_id = Set(unit);
    account.updated_at = Set(now);
    account.version = Set(version + 1);
    account.update(db).await
}

/// The employees whose accounts administer `unit` (the whole agency, or a subtree holding it):
/// who hears about plans whose appraiser works outside the application.
pub async fn admins_over(
    db: &impl ConnectionTrait,
    unit: &crate::domain::access::UnitPath,
) -> Result<Vec<EmployeeId>, DbErr> {
    let accounts = user_account::Entity::find()
        .filter(user_account::Column::Disabled.eq(false))
        .filter(user_account::Column::AdminScope.ne(AdminRole::None))
        .all(db)
        .await?;
    let mut out = Vec::new();
    for account in accounts {
        let Some(employee) = account.pegawai_id else {
            continue;
        };
        let covers = match (account.admin_scope, account.admin_unit_id) {
            (AdminRole::Agency, _) => true,
            (AdminRole::Subtree, Some(root)) => {
                crate::db::entities::unit_kerja::Entity::find_by_id(root)
                    .one(db)
                    .await?
                    .is_some_and(|r| crate::domain::access::UnitPath(r.path).contains(unit))
            }
            _ => false,
        };
        if covers {
            out.push(employee);
        }
    }
    Ok(out)
}
