use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencySummary {
    pub name: String,
    pub short_name: String,
    /// WIB, WITA or WIT.
    pub time_zone: String,
    pub evaluations_per_year: u32,
}

/// Public facts about the agency served here, shown before anyone logs in.
#[server(endpoint = "agency/summary")]
pub async fn load_agency_summary() -> Result<Option<AgencySummary>, AppError> {
    let db = crate::state::db()?;
    let agency = crate::db::agency::primary(&db).await?;
    Ok(agency.map(|a| AgencySummary {
        name: a.name,
        short_name: a.short_name,
        time_zone: a.time_zone.abbreviation().to_owned(),
        evaluations_per_year: a.evaluation_interval.evaluations_per_year(),
    }))
}
