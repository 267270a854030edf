//! A unit's 360° summary for its head (`/360/unit/{cycle}/{unit}`): after the release, the
//! answers about everyone of the unit and the units below it pooled into one report, shown only
//! when at least five people were rated by others (`domain::feedback360::unit_summary`), with
//! the same `k` rule per group and per cell as a person's report. No comments: pooled or not, a
//! comment names what one rater saw.

use super::types::*;
use crate::domain::ids::{CycleId, UnitId};
use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[server(endpoint = "360/unit")]
pub async fn load_unit_report(cycle: CycleId, unit: UnitId) -> Result<ReportView, AppError> {
    crate::state::respond(ssr::view(cycle, unit).await)
}

#[cfg(feature = "ssr")]
pub(super) use ssr::unit_report_links;

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::db::entities::{siklus_360, unit_kerja};
    use crate::db::feedback360 as store;
    use crate::domain::access::{Action, Target, UnitPath, authorize};
    use crate::domain::feedback360::{CycleState, ResponseRow, unit_summary};
    use crate::domain::ids::EmployeeId;
    use crate::features::feedback360::api::ssr::{report_parts, signed_in};
    use crate::state::CurrentUser;
    use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
    use std::collections::HashMap;

    /// The paths of the units of `ids`.
    async fn paths_of(
        db: &DatabaseConnection,
        ids: impl IntoIterator<Item = UnitId>,
    ) -> Result<HashMap<UnitId, String>, AppError> {
        let ids: Vec<UnitId> = ids.into_iter().collect();
        let mut paths = HashMap::new();
        for chunk in ids.chunks(500) {
            for unit in unit_kerja::Entity::find()
                .filter(unit_kerja::Column::Id.is_in(chunk.iter().copied()))
                .all(db)
                .await?
            {
                paths.insert(unit.id, unit.path);
            }
        }
        Ok(paths)
    }

    pub async fn view(cycle_id: CycleId, unit_id: UnitId) -> Result<ReportView, AppError> {
        let (db, user, agency) = signed_in().await?;
        let cycle = store::cycle(&db, cycle_id).await?;
        if cycle.instansi_id != agency.id || !cycle.state.shows_results() {
            return Err(AppError::NotFound);
        }
        let unit = unit_kerja::Entity::find_by_id(unit_id)
            .one(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        authorize(
            &user.actor,
            Action::ViewFeedbackUnitSummary,
            Target::Unit(&UnitPath(unit.path.clone())),
        )?;
        let population = store::population(&db, cycle_id).await?;
        let paths = paths_of(&db, population.iter().map(|p| p.unit_id)).await?;
        let people: Vec<EmployeeId> = population
            .iter()
            .filter(|p| {
                paths
                    .get(&p.unit_id)
                    .is_some_and(|path| path.starts_with(&unit.path))
            })
            .map(|p| p.employee_id)
            .collect();
        if people.is_empty() {
            return Err(AppError::NotFound);
        }
        let settings = store::settings_of(&cycle)?;
        let items = store::items(&db, cycle.instrument_id).await?;
        let mut answers = store::responses_about(&db, cycle_id, &people).await?;
        let per_person: Vec<Vec<ResponseRow>> = people
            .iter()
            .map(|p| answers.remove(p).unwrap_or_default())
            .collect();
        let unit_summary = unit_summary(&per_person, &items, settings.min_answers);
        let summary = unit_summary.summary;
        let rated = unit_summary.rated_people;
        let parts = summary.as_ref().map(|s| report_parts(s, &items));
        Ok(ReportView {
            cycle_title: cycle.title.clone(),
            employee: unit.name.clone(),
            own: false,
            unit_people: Some(u32::try_from(rated).unwrap_or(u32::MAX)),
            min_answers: settings.min_answers,
            withheld: summary.as_ref().map_or(0, |s| s.withheld),
            columns: parts
                .as_ref()
                .map(|p| p.columns.clone())
                .unwrap_or_default(),
            high: parts.as_ref().map(|p| p.high.clone()).unwrap_or_default(),
            low: parts.as_ref().map(|p| p.low.clone()).unwrap_or_default(),
            candidates: parts.map(|p| p.candidates).unwrap_or_default(),
            comments: Vec::new(),
        })
    }

    /// The released summaries of the units `user` heads, for each cycle whose people include
    /// some of theirs.
    pub async fn unit_report_links(
        db: &DatabaseConnection,
        user: &CurrentUser,
    ) -> Result<Vec<UnitReportLink>, AppError> {
        let headed: Vec<String> = user.actor.heads_units.iter().map(|u| u.0.clone()).collect();
        if headed.is_empty() {
            return Ok(Vec::new());
        }
        let units = unit_kerja::Entity::find()
            .filter(unit_kerja::Column::Path.is_in(headed))
            .all(db)
            .await?;
        let released = siklus_360::Entity::find()
            .filter(siklus_360::Column::State.is_in([CycleState::Released, CycleState::Archived]))
            .all(db)
            .await?;
        let mut links = Vec::new();
        for cycle in released {
            let population = store::population(db, cycle.id).await?;
            let paths = paths_of(db, population.iter().map(|p| p.unit_id)).await?;
            for unit in &units {
                if unit.instansi_id == cycle.instansi_id
                    && paths.values().any(|path| path.starts_with(&unit.path))
                {
                    links.push(UnitReportLink {
                        cycle: cycle.id,
                        cycle_title: cycle.title.clone(),
                        unit: unit.id,
                        unit_name: unit.name.clone(),
                    });
                }
            }
        }
        links.sort_by(|a, b| (&a.unit_name, a.cycle).cmp(&(&b.unit_name, b.cycle)));
        Ok(links)
    }
}

/// `/360/unit/{cycle}/{unit}`: a unit's pooled summary for its head.
#[component]
pub fn UnitReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let ids = use_params_map().with_untracked(|p| {
        Some((
            p.get("cycle")?.parse::<CycleId>().ok()?,
            p.get("unit")?.parse::<UnitId>().ok()?,
        ))
    });
    let data = OnceResource::new(async move {
        match ids {
            Some((cycle, unit)) => load_unit_report(cycle, unit).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(report) => super::pages::report_page(i18n, report).into_any(),
                    Err(error) => crate::features::admin::load_failure(error),
                }
            })}
        </Suspense>
    }
}
