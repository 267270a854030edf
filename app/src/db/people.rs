//! Queries about employees that authorization and several features share.

use crate::db::entities::{pegawai, unit_kerja};
use crate::domain::access::{EmployeeFacts, UnitPath};
use crate::error::AppError;
use sea_orm::{ConnectionTrait, EntityTrait};

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
    Ok(EmployeeFacts {
        employee_id: person.id,
        unit: UnitPath(unit.path),
        penilai_id: person.penilai_id,
        atasan_penilai_id: person.atasan_penilai_id,
    })
}
