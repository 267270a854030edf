//! Officials outside the application as the employee record, the plan and its documents need
//! them.

use crate::db::entities::pejabat_luar;
use crate::domain::ids::{AgencyId, ExternalOfficialId};
use crate::domain::skp::PersonCard;
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

/// The agency's officials, by name.
pub async fn list(
    db: &impl ConnectionTrait,
    agency: AgencyId,
) -> Result<Vec<pejabat_luar::Model>, AppError> {
    Ok(pejabat_luar::Entity::find()
        .filter(pejabat_luar::Column::InstansiId.eq(agency))
        .order_by_asc(pejabat_luar::Column::Name)
        .order_by_asc(pejabat_luar::Column::Id)
        .all(db)
        .await?)
}

/// The agency's official with this NIP: an appraiser NIP on an employee record that names
/// nobody in the agency may name one of them.
pub async fn by_nip(
    db: &impl ConnectionTrait,
    agency: AgencyId,
    nip: &str,
) -> Result<Option<pejabat_luar::Model>, AppError> {
    Ok(pejabat_luar::Entity::find()
        .filter(pejabat_luar::Column::InstansiId.eq(agency))
        .filter(pejabat_luar::Column::Nip.eq(nip))
        .one(db)
        .await?)
}

/// `official` and the officials above them, nearest first. A loop in stored data (which the
/// form refuses) ends the walk instead of running forever.
pub async fn chain_from(
    db: &impl ConnectionTrait,
    official: ExternalOfficialId,
) -> Result<Vec<pejabat_luar::Model>, AppError> {
    let mut chain: Vec<pejabat_luar::Model> = Vec::new();
    let mut next = Some(official);
    while let Some(id) = next {
        if chain.iter().any(|o| o.id == id) {
            tracing::error!(official = %id, "the superiors of an external official form a loop");
            break;
        }
        let Some(row) = pejabat_luar::Entity::find_by_id(id).one(db).await? else {
            break;
        };
        next = row.atasan_id;
        chain.push(row);
    }
    Ok(chain)
}

/// How an official appears on a document; they work for the government as a whole (`agency`),
/// not in one of its units.
pub fn card(official: &pejabat_luar::Model, agency: &str) -> PersonCard {
    PersonCard {
        id: None,
        name: official.name.clone(),
        nip: official.nip.clone().unwrap_or_default(),
        rank: official.rank_grade.clone(),
        position: official.position.clone(),
        unit: agency.to_owned(),
    }
}

/// `Name (NIP) · position` as lists and the employee record show an official.
pub fn label(official: &pejabat_luar::Model) -> String {
    match &official.nip {
        Some(nip) => format!("{} ({nip}) · {}", official.name, official.position),
        None => format!("{} · {}", official.name, official.position),
    }
}
