//! Queries about employees that authorization and several features share.

use crate::db::employees::person_label;
use crate::db::entities::{pegawai, skp, unit_kerja, user_account};
use crate::domain::access::{AdminRank, AdminRole, EmployeeFacts, UnitPath};
use crate::domain::ids::{AccountId, EmployeeId, ExternalOfficialId};
use crate::error::AppError;
use sea_orm::{ConnectionTrait, EntityTrait, JoinType, QuerySelect};
use std::collections::HashMap;

/// The reporting facts the policy needs about one employee, or 404.
pub async fn employee_facts(
    db: &impl ConnectionTrait,
    pegawai_id: EmployeeId,
) -> Result<EmployeeFacts, AppError> {
    // One query: every authorization of an action on an employee's records starts here. The
    // unit always exists (foreign key); an employee has at most one account (unique key).
    let unit = pegawai::Entity::belongs_to(unit_kerja::Entity)
        .from(pegawai::Column::UnitId)
        .to(unit_kerja::Column::Id)
        .into();
    let account = pegawai::Entity::belongs_to(user_account::Entity)
        .from(pegawai::Column::Id)
        .to(user_account::Column::PegawaiId)
        .into();
    type Row = (
        Option<EmployeeId>,
        Option<EmployeeId>,
        Option<ExternalOfficialId>,
        String,
        Option<bool>,
        Option<AdminRole>,
    );
    let row: Option<Row> = pegawai::Entity::find_by_id(pegawai_id)
        .select_only()
        .column(pegawai::Column::PenilaiId)
        .column(pegawai::Column::AtasanPenilaiId)
        .column(pegawai::Column::PenilaiLuarId)
        .column(unit_kerja::Column::Path)
        .column(user_account::Column::IsSuperAdmin)
        .column(user_account::Column::AdminScope)
        .join(JoinType::InnerJoin, unit)
        .join(JoinType::LeftJoin, account)
        .into_tuple()
        .one(db)
        .await?;
    let (penilai_id, atasan_penilai_id, external, unit_path, is_super_admin, admin_scope) =
        row.ok_or(AppError::NotFound)?;
    // No account (the left join found none): no admin rights at all.
    let admin_rank = admin_scope.map_or(AdminRank::None, |role| {
        role.rank(is_super_admin == Some(true))
    });
    Ok(EmployeeFacts {
        employee_id: pegawai_id,
        unit: UnitPath(unit_path),
        penilai_id,
        atasan_penilai_id,
        external_appraiser: external.is_some(),
        admin_rank,
    })
}

/// The facts the policy needs about the owner of `plan`, with the plan's own appraisal chain: the
/// chain recorded on the SKP is the one that decides, even after the employee's record changed.
pub async fn plan_facts(
    db: &impl ConnectionTrait,
    plan: &skp::Model,
) -> Result<EmployeeFacts, AppError> {
    let mut facts = employee_facts(db, plan.pegawai_id).await?;
    facts.penilai_id = plan.penilai_id;
    facts.atasan_penilai_id = plan.atasan_penilai_id;
    facts.external_appraiser = plan.penilai_luar_id.is_some();
    Ok(facts)
}

/// `Name (NIP)` of the employee behind an account, or the account's login (service accounts);
/// `None` when the account no longer exists. Lists of audit rows and records pass one `cache`,
/// so each account is read once per answer.
pub async fn account_label(
    db: &impl ConnectionTrait,
    cache: &mut HashMap<AccountId, Option<String>>,
    account_id: AccountId,
) -> Result<Option<String>, AppError> {
    if let Some(label) = cache.get(&account_id) {
        return Ok(label.clone());
    }
    let label = match user_account::Entity::find_by_id(account_id).one(db).await? {
        Some(account) => Some(
            person_label(db, account.pegawai_id)
                .await?
                .unwrap_or(account.login),
        ),
        None => None,
    };
    cache.insert(account_id, label.clone());
    Ok(label)
}

/// Who receives what is meant for the appraiser of `plan`: the appraiser of record, or, when the
/// appraiser works outside the application, the admins who record their decisions.
pub async fn appraiser_recipients(
    db: &impl ConnectionTrait,
    plan: &skp::Model,
) -> Result<Vec<EmployeeId>, AppError> {
    Ok(match (plan.penilai_id, plan.penilai_luar_id) {
        (Some(appraiser), _) => vec![appraiser],
        (None, Some(_)) => {
            let facts = employee_facts(db, plan.pegawai_id).await?;
            crate::db::accounts::admins_over(db, &facts.unit).await?
        }
        (None, None) => Vec::new(),
    })
}
