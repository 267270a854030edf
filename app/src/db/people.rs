//! Queries about employees that authorization and several features share.

use crate::db::entities::{pegawai, unit_kerja, user_account};
use crate::domain::access::{AdminRank, EmployeeFacts, UnitPath};
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// The reporting facts the policy needs about one employee, or 404.
pub async fn employee_facts(
    db: &impl ConnectionTrait,
    pegawai_id: i64,
) -> Result<EmployeeFacts, AppError> {
    let person = pegawai::Entity::find_by_id(pegawai_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let unit = unit_kerja::Entity::find_by_id(person.unit_id)
        .one(db)
        .await?
        .ok_or(AppError::Internal)?;
    let admin_rank = user_account::Entity::find()
        .filter(user_account::Column::PegawaiId.eq(person.id))
        .one(db)
        .await?
        .map_or(AdminRank::None, |a| match a.admin_scope.as_str() {
            _ if a.is_super_admin => AdminRank::Super,
            "agency" => AdminRank::Agency,
            "subtree" => AdminRank::Subtree,
            _ => AdminRank::None,
        });
    Ok(EmployeeFacts {
        employee_id: person.id,
        unit: UnitPath(unit.path),
        penilai_id: person.penilai_id,
        atasan_penilai_id: person.atasan_penilai_id,
        admin_rank,
    })
}
