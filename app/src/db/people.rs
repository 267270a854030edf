//! Queries about employees that authorization and several features share.

use crate::db::entities::{pegawai, skp, unit_kerja, user_account};
use crate::domain::access::{AdminRank, AdminRole, EmployeeFacts, UnitPath};
use crate::error::AppError;
use sea_orm::{ConnectionTrait, EntityTrait, JoinType, QuerySelect};

/// The reporting facts the policy needs about one employee, or 404.
pub async fn employee_facts(
    db: &impl ConnectionTrait,
    pegawai_id: i64,
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
        Option<i64>,
        Option<i64>,
        String,
        Option<bool>,
        Option<AdminRole>,
    );
    let row: Option<Row> = pegawai::Entity::find_by_id(pegawai_id)
        .select_only()
        .column(pegawai::Column::PenilaiId)
        .column(pegawai::Column::AtasanPenilaiId)
        .column(unit_kerja::Column::Path)
        .column(user_account::Column::IsSuperAdmin)
        .column(user_account::Column::AdminScope)
        .join(JoinType::InnerJoin, unit)
        .join(JoinType::LeftJoin, account)
        .into_tuple()
        .one(db)
        .await?;
    let (penilai_id, atasan_penilai_id, unit_path, is_super_admin, admin_scope) =
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
    Ok(facts)
}
