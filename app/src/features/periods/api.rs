//! Server functions of the period pages: parse, ask the policy, validate with `domain::period`,
//! store through `db::periods`, and audit every change.

// A form's server function takes one argument per field.
#![allow(clippy::too_many_arguments)]

use super::types::*;
use crate::domain::ids::{EmployeeId, PeriodId, UnitId};
use crate::domain::period::PeriodState;
use crate::error::AppError;
use leptos::prelude::*;
use std::collections::HashMap;

#[server(endpoint = "admin/periods")]
pub async fn load_periods() -> Result<PeriodList, AppError> {
    crate::state::respond(ssr::list().await)
}

/// Empty deadlines take the domain's defaults for the year.
#[server(endpoint = "admin/period/create")]
pub async fn open_new_period(
    year: String,
    evaluation_interval: String,
    planning_deadline: String,
    annual_deadline: String,
) -> Result<(), AppError> {
    crate::state::respond(
        ssr::create(
            year,
            evaluation_interval,
            planning_deadline,
            annual_deadline,
        )
        .await,
    )
}

#[server(endpoint = "admin/period")]
pub async fn load_period(id: PeriodId) -> Result<PeriodEditor, AppError> {
    crate::state::respond(ssr::editor(id).await)
}

/// `periodic` maps a sub-period's `seq` to its deadline (`periodic[3]=2025-04-07` in the form).
#[server(endpoint = "admin/period/update")]
pub async fn update_period(
    id: PeriodId,
    version: i32,
    planning_deadline: String,
    annual_deadline: String,
    periodic: HashMap<String, String>,
) -> Result<(), AppError> {
    crate::state::respond(
        ssr::update(id, version, planning_deadline, annual_deadline, periodic).await,
    )
}

#[server(endpoint = "admin/period/state")]
pub async fn set_period_state(
    id: PeriodId,
    version: i32,
    state: PeriodState,
) -> Result<(), AppError> {
    crate::state::respond(ssr::set_state(id, version, state).await)
}

/// `version`: of the stored achievement, 0 when the unit has none yet.
#[server(endpoint = "admin/period/achievement")]
pub async fn set_org_achievement(
    periode_id: PeriodId,
    unit_id: UnitId,
    version: i32,
    predikat: String,
    basis: String,
) -> Result<(), AppError> {
    crate::state::respond(ssr::set_achievement(periode_id, unit_id, version, predikat, basis).await)
}

/// Empty NIPs leave that role empty for the period.
#[server(endpoint = "admin/period/appraiser")]
pub async fn set_period_appraiser(
    periode_id: PeriodId,
    nip: String,
    penilai_nip: String,
    atasan_penilai_nip: String,
    reason: String,
) -> Result<(), AppError> {
    crate::state::respond(
        ssr::set_appraiser(periode_id, nip, penilai_nip, atasan_penilai_nip, reason).await,
    )
}

#[server(endpoint = "admin/period/appraiser/remove")]
pub async fn remove_period_appraiser(
    periode_id: PeriodId,
    pegawai_id: EmployeeId,
) -> Result<(), AppError> {
    crate::state::respond(ssr::remove_appraiser(periode_id, pegawai_id).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::auth::server::ClientInfo;
    use crate::db::agency::Agency;
    use crate::db::audit::{self, Entry};
    use crate::db::employees::{nip_of, person_label};
    use crate::db::entities::{capaian_organisasi, pegawai, penilai_periode, periode, unit_kerja};
    use crate::db::periods;
    use crate::db::units::within as units_within;
    use crate::domain::access::{Action, Actor, Target, UnitPath, authorize};
    use crate::domain::agency::EvaluationInterval;
    use crate::domain::period::OrgPredikat;
    use crate::domain::period::{
        PeriodState, SubPeriod, YEARS, default_annual_deadline, default_planning_deadline,
        validate_deadlines,
    };
    use crate::error::FormErrors;
    use crate::features::admin::audit_lines;
    use crate::state::{self, CurrentUser};
    use chrono::{Datelike, NaiveDate, Utc};
    use sea_orm::{
        ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
        IntoActiveModel, ModelTrait, QueryFilter, QueryOrder, Set, SqlErr, TransactionTrait,
    };

    fn shown(d: NaiveDate) -> String {
        crate::ui::dates::local_date(d)
    }

    fn iso(d: NaiveDate) -> String {
        crate::domain::text::date_input_value(d)
    }

    /// `Ok(None)` for an empty field, `Err(())` for one that is not a date.
    fn parse_date(text: &str) -> Result<Option<NaiveDate>, ()> {
        crate::domain::text::parse_date_input(text).map_err(|_| ())
    }

    fn is_unique_violation(err: &DbErr) -> bool {
        matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)))
    }

    fn may_manage(actor: &Actor) -> bool {
        authorize(actor, Action::ManagePeriods, Target::Agency).is_ok()
    }

    fn may_set(actor: &Actor, unit: &unit_kerja::Model) -> bool {
        authorize(
            actor,
            Action::SetOrgAchievement,
            Target::Unit(&UnitPath(unit.path.clone())),
        )
        .is_ok()
    }

    async fn signed_in() -> Result<(DatabaseConnection, CurrentUser, Agency), AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let agency = crate::db::agency::primary(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok((db, user, agency))
    }

    /// The signed-in agency admin (`ManagePeriods`), or 403.
    async fn manager() -> Result<(DatabaseConnection, CurrentUser, Agency), AppError> {
        let (db, user, agency) = signed_in().await?;
        authorize(&user.actor, Action::ManagePeriods, Target::Agency)?;
        Ok((db, user, agency))
    }

    async fn period(
        db: &impl ConnectionTrait,
        agency: &Agency,
        id: PeriodId,
    ) -> Result<periode::Model, AppError> {
        periode::Entity::find_by_id(id)
            .one(db)
            .await?
            .filter(|p| p.instansi_id == agency.id)
            .ok_or(AppError::NotFound)
    }

    fn is_open(p: &periode::Model) -> bool {
        p.state == PeriodState::Open
    }

    /// A closed period is read-only until reopened.
    fn closed(form: FormErrors) -> AppError {
        AppError::Invalid(form.field("period", "period_closed"))
    }

    async fn open_units(
        db: &impl ConnectionTrait,
        agency: &Agency,
    ) -> Result<Vec<unit_kerja::Model>, AppError> {
        Ok(units_within(db, None)
            .await?
            .into_iter()
            .filter(|u| u.closed_at.is_none() && u.instansi_id == agency.id)
            .collect())
    }

    async fn audited(
        db: &impl ConnectionTrait,
        user: &CurrentUser,
        action: &str,
        periode_id: PeriodId,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
    ) -> Result<(), AppError> {
        audit::record(
            db,
            Entry {
                actor_user_id: Some(user.account.id),
                action,
                object_type: "periode",
                object_id: Some(periode_id.to_string()),
                before,
                after,
            },
            &ClientInfo::current(),
        )
        .await
    }

    pub async fn list() -> Result<PeriodList, AppError> {
        let (db, user, agency) = signed_in().await?;
        let can_manage = may_manage(&user.actor);
        if !can_manage {
            // Heads of units with sub-units record their achievement; nobody else comes here.
            if user.actor.heads_units.is_empty() {
                return Err(AppError::Forbidden);
            }
            let units = open_units(&db, &agency).await?;
            if !units.iter().any(|u| may_set(&user.actor, u)) {
                return Err(AppError::Forbidden);
            }
        }
        let stored = periode::Entity::find()
            .filter(periode::Column::InstansiId.eq(agency.id))
            .order_by_desc(periode::Column::Year)
            .all(&db)
            .await?;
        let mut year = state::clock()?.today_in(agency.time_zone).year();
        while stored.iter().any(|p| p.year == year) {
            year += 1;
        }
        let year = year.clamp(*YEARS.start(), *YEARS.end());
        Ok(PeriodList {
            rows: stored
                .into_iter()
                .map(|p| PeriodRow {
                    id: p.id,
                    year: p.year,
                    evaluation_interval: p.evaluation_interval,
                    state: p.state,
                    planning_deadline: shown(p.planning_deadline),
                    annual_deadline: shown(p.annual_deadline),
                })
                .collect(),
            can_manage,
            new_year: year,
            new_interval: agency.evaluation_interval,
            new_planning: iso(default_planning_deadline(year)),
            new_annual: iso(default_annual_deadline(year)),
        })
    }

    pub async fn create(
        year: String,
        evaluation_interval: String,
        planning_deadline: String,
        annual_deadline: String,
    ) -> Result<(), AppError> {
        let (db, user, agency) = manager().await?;
        let mut errors = FormErrors::default()
            .value("year", &year)
            .value("evaluation_interval", &evaluation_interval)
            .value("planning_deadline", &planning_deadline)
            .value("annual_deadline", &annual_deadline);
        let year = year
            .trim()
            .parse::<i32>()
            .ok()
            .filter(|y| YEARS.contains(y));
        if year.is_none() {
            errors = errors.field("year", "invalid_year");
        }
        let interval = evaluation_interval.parse::<EvaluationInterval>().ok();
        if interval.is_none() {
            errors = errors.field("evaluation_interval", "invalid");
        }
        let planning = parse_date(&planning_deadline);
        if planning.is_err() {
            errors = errors.field("planning_deadline", "date_invalid");
        }
        let annual = parse_date(&annual_deadline);
        if annual.is_err() {
            errors = errors.field("annual_deadline", "date_invalid");
        }
        let (Some(year), Some(interval), Ok(planning), Ok(annual)) =
            (year, interval, planning, annual)
        else {
            return Err(AppError::Invalid(errors));
        };
        let planning = planning.unwrap_or_else(|| default_planning_deadline(year));
        let annual = annual.unwrap_or_else(|| default_annual_deadline(year));
        for (field, code) in validate_deadlines(year, planning, annual, &[]) {
            errors = errors.field(&field, code);
        }
        if periods::period_of_year(&db, agency.id, year)
            .await?
            .is_some()
        {
            errors = errors.field("year", "period_exists");
        }
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let txn = db.begin().await?;
        let created = match periods::create_period(
            &txn,
            agency.id,
            year,
            interval,
            planning,
            annual,
            Some(user.account.id),
        )
        .await
        {
            Ok(created) => created,
            // Someone opened the same year a moment ago.
            Err(err) if is_unique_violation(&err) => {
                txn.rollback().await?;
                return Err(AppError::Invalid(errors.field("year", "period_exists")));
            }
            Err(err) => return Err(err.into()),
        };
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/periode/{}?disimpan=1", created.id));
        Ok(())
    }

    pub async fn editor(id: PeriodId) -> Result<PeriodEditor, AppError> {
        let (db, user, agency) = signed_in().await?;
        let can_manage = may_manage(&user.actor);
        if !can_manage && user.actor.heads_units.is_empty() {
            return Err(AppError::Forbidden);
        }
        let p = period(&db, &agency, id).await?;
        let stored: HashMap<UnitId, capaian_organisasi::Model> = capaian_organisasi::Entity::find()
            .filter(capaian_organisasi::Column::PeriodeId.eq(id))
            .all(&db)
            .await?
            .into_iter()
            .map(|c| (c.unit_id, c))
            .collect();
        let mut labels = HashMap::new();
        let mut achievements = Vec::new();
        for unit in open_units(&db, &agency).await? {
            let can_set = may_set(&user.actor, &unit);
            if !(can_manage || can_set) {
                continue;
            }
            let current = stored.get(&unit.id);
            let set_by = match current {
                Some(c) => crate::db::people::account_label(&db, &mut labels, c.set_by).await?,
                None => None,
            };
            achievements.push(AchievementRow {
                unit_id: unit.id,
                name: unit.name,
                code: unit.code,
                depth: unit.depth,
                predikat: current.map(|c| c.predikat),
                basis: current.map(|c| c.basis.clone()).unwrap_or_default(),
                set_by,
                version: current.map_or(0, |c| c.version),
                can_set,
            });
        }
        if !can_manage && achievements.is_empty() {
            return Err(AppError::Forbidden);
        }
        let mut overrides = Vec::new();
        let mut audit = Vec::new();
        if can_manage {
            for row in penilai_periode::Entity::find()
                .filter(penilai_periode::Column::PeriodeId.eq(id))
                .order_by_asc(penilai_periode::Column::Id)
                .all(&db)
                .await?
            {
                overrides.push(OverrideRow {
                    pegawai_id: row.pegawai_id,
                    employee: person_label(&db, Some(row.pegawai_id))
                        .await?
                        .unwrap_or_default(),
                    penilai: person_label(&db, row.penilai_id).await?,
                    atasan_penilai: person_label(&db, row.atasan_penilai_id).await?,
                    reason: row.reason,
                });
            }
            audit = audit_lines(
                &db,
                audit::recent_for(&db, "periode", &id.to_string(), 30).await?,
            )
            .await?;
        }
        Ok(PeriodEditor {
            id: p.id,
            year: p.year,
            evaluation_interval: p.evaluation_interval,
            state: p.state,
            version: p.version,
            planning_deadline: iso(p.planning_deadline),
            annual_deadline: iso(p.annual_deadline),
            periodic: periods::deadlines_of(&db, id)
                .await?
                .into_iter()
                .map(|d| SubDeadline {
                    seq: d.seq,
                    starts_on: shown(d.starts_on),
                    ends_on: shown(d.ends_on),
                    deadline: iso(d.deadline),
                })
                .collect(),
            can_manage,
            achievements,
            overrides,
            audit,
        })
    }

    pub async fn update(
        id: PeriodId,
        version: i32,
        planning_deadline: String,
        annual_deadline: String,
        periodic: HashMap<String, String>,
    ) -> Result<(), AppError> {
        let (db, user, agency) = manager().await?;
        let p = period(&db, &agency, id).await?;
        if p.version != version {
            return Err(AppError::Conflict);
        }
        let stored = periods::deadlines_of(&db, id).await?;
        let mut errors = FormErrors::default()
            .value("planning_deadline", &planning_deadline)
            .value("annual_deadline", &annual_deadline);
        for d in &stored {
            let text = periodic
                .get(&d.seq.to_string())
                .map(String::as_str)
                .unwrap_or_default();
            errors = errors.value(&format!("periodic_deadline_{}", d.seq), text);
        }
        if !is_open(&p) {
            return Err(closed(errors));
        }
        let mut date = |field: &str, text: &str| match parse_date(text) {
            Ok(Some(date)) => Some(date),
            Ok(None) => {
                errors = std::mem::take(&mut errors).field(field, "required");
                None
            }
            Err(()) => {
                errors = std::mem::take(&mut errors).field(field, "date_invalid");
                None
            }
        };
        let planning = date("planning_deadline", &planning_deadline);
        let annual = date("annual_deadline", &annual_deadline);
        let mut pairs = Vec::with_capacity(stored.len());
        for d in &stored {
            let field = format!("periodic_deadline_{}", d.seq);
            let text = periodic
                .get(&d.seq.to_string())
                .cloned()
                .unwrap_or_default();
            if let Some(deadline) = date(&field, &text) {
                let sub = SubPeriod {
                    seq: u8::try_from(d.seq).map_err(|_| AppError::Internal)?,
                    starts_on: d.starts_on,
                    ends_on: d.ends_on,
                };
                pairs.push((sub, deadline));
            }
        }
        let (Some(planning), Some(annual)) = (planning, annual) else {
            return Err(AppError::Invalid(errors));
        };
        if pairs.len() != stored.len() {
            return Err(AppError::Invalid(errors));
        }
        for (field, code) in validate_deadlines(p.year, planning, annual, &pairs) {
            errors = errors.field(&field, code);
        }
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let before = periods::snapshot(&p, &stored);
        let txn = db.begin().await?;
        let mut row = p.into_active_model();
        row.planning_deadline = Set(planning);
        row.annual_deadline = Set(annual);
        row.version = Set(version + 1);
        row.updated_at = Set(Utc::now());
        let saved = row.update(&txn).await?;
        let mut deadlines = Vec::with_capacity(stored.len());
        for (d, (_, deadline)) in stored.into_iter().zip(pairs) {
            if d.deadline == deadline {
                deadlines.push(d);
            } else {
                let mut active = d.into_active_model();
                active.deadline = Set(deadline);
                deadlines.push(active.update(&txn).await?);
            }
        }
        audited(
            &txn,
            &user,
            "period_updated",
            id,
            Some(before),
            Some(periods::snapshot(&saved, &deadlines)),
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/periode/{id}?disimpan=1"));
        Ok(())
    }

    pub async fn set_state(
        id: PeriodId,
        version: i32,
        target: PeriodState,
    ) -> Result<(), AppError> {
        let (db, user, agency) = manager().await?;
        let p = period(&db, &agency, id).await?;
        if p.version != version {
            return Err(AppError::Conflict);
        }
        if p.state == target {
            leptos_axum::redirect(&format!("/admin/periode/{id}"));
            return Ok(());
        }
        let stored = periods::deadlines_of(&db, id).await?;
        let before = periods::snapshot(&p, &stored);
        let txn = db.begin().await?;
        let mut row = p.into_active_model();
        row.state = Set(target);
        row.version = Set(version + 1);
        row.updated_at = Set(Utc::now());
        let saved = row.update(&txn).await?;
        let action = match target {
            PeriodState::Open => "period_reopened",
            PeriodState::Closed => "period_closed",
        };
        audited(
            &txn,
            &user,
            action,
            id,
            Some(before),
            Some(periods::snapshot(&saved, &stored)),
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/periode/{id}?disimpan=1"));
        Ok(())
    }

    fn achievement_snapshot(
        unit: &unit_kerja::Model,
        c: &capaian_organisasi::Model,
    ) -> serde_json::Value {
        serde_json::json!({
            "unit": unit.code,
            "predikat": c.predikat,
            "basis": c.basis,
        })
    }

    pub async fn set_achievement(
        periode_id: PeriodId,
        unit_id: UnitId,
        version: i32,
        predikat: String,
        basis: String,
    ) -> Result<(), AppError> {
        let (db, user, agency) = signed_in().await?;
        let p = period(&db, &agency, periode_id).await?;
        let unit = unit_kerja::Entity::find_by_id(unit_id)
            .one(&db)
            .await?
            .filter(|u| u.instansi_id == agency.id)
            .ok_or(AppError::NotFound)?;
        authorize(
            &user.actor,
            Action::SetOrgAchievement,
            Target::Unit(&UnitPath(unit.path.clone())),
        )?;
        let mut errors = FormErrors::default()
            .value("unit_id", &unit_id.to_string())
            .value("predikat", &predikat)
            .value("basis", &basis);
        if !is_open(&p) {
            return Err(closed(errors));
        }
        if unit.closed_at.is_some() {
            errors = errors.field("unit_id", "unit_closed");
        }
        let chosen = predikat.parse::<OrgPredikat>().ok();
        if chosen.is_none() {
            errors = errors.field(
                "predikat",
                if predikat.trim().is_empty() {
                    "required"
                } else {
                    "invalid"
                },
            );
        }
        let basis = match crate::domain::text::clean_text(&basis, BASIS_MAX_CHARS) {
            Ok(basis) => basis,
            Err(code) => {
                errors = errors.field("basis", code);
                String::new()
            }
        };
        let Some(chosen) = chosen else {
            return Err(AppError::Invalid(errors));
        };
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let existing = capaian_organisasi::Entity::find()
            .filter(capaian_organisasi::Column::PeriodeId.eq(periode_id))
            .filter(capaian_organisasi::Column::UnitId.eq(unit_id))
            .one(&db)
            .await?;
        if existing.as_ref().map_or(0, |c| c.version) != version {
            return Err(AppError::Conflict);
        }
        let now = Utc::now();
        let txn = db.begin().await?;
        let saved = match existing.clone() {
            Some(current) => {
                let mut row = current.into_active_model();
                row.predikat = Set(chosen);
                row.basis = Set(basis);
                row.set_by = Set(user.account.id);
                row.version = Set(version + 1);
                row.updated_at = Set(now);
                row.update(&txn).await?
            }
            None => {
                let inserted = capaian_organisasi::ActiveModel {
                    periode_id: Set(periode_id),
                    unit_id: Set(unit_id),
                    predikat: Set(chosen),
                    basis: Set(basis),
                    set_by: Set(user.account.id),
                    version: Set(1),
                    updated_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await;
                match inserted {
                    Ok(row) => row,
                    // Recorded by someone else since the form was loaded.
                    Err(err) if is_unique_violation(&err) => {
                        txn.rollback().await?;
                        return Err(AppError::Conflict);
                    }
                    Err(err) => return Err(err.into()),
                }
            }
        };
        audited(
            &txn,
            &user,
            "org_achievement_set",
            periode_id,
            existing.as_ref().map(|c| achievement_snapshot(&unit, c)),
            Some(achievement_snapshot(&unit, &saved)),
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/periode/{periode_id}?disimpan=1#capaian"));
        Ok(())
    }

    async fn override_snapshot(
        db: &impl ConnectionTrait,
        row: &penilai_periode::Model,
    ) -> Result<serde_json::Value, AppError> {
        Ok(serde_json::json!({
            "employee": nip_of(db, Some(row.pegawai_id)).await?,
            "penilai": nip_of(db, row.penilai_id).await?,
            "atasan_penilai": nip_of(db, row.atasan_penilai_id).await?,
            "reason": row.reason,
        }))
    }

    /// The agency's employee with this NIP (spaces ignored).
    async fn by_nip(
        db: &impl ConnectionTrait,
        agency: &Agency,
        nip: &str,
    ) -> Result<Option<pegawai::Model>, AppError> {
        Ok(pegawai::Entity::find()
            .filter(pegawai::Column::InstansiId.eq(agency.id))
            .filter(pegawai::Column::Nip.eq(nip))
            .one(db)
            .await?)
    }

    fn compact(s: &str) -> String {
        s.chars().filter(|c| !c.is_whitespace()).collect()
    }

    pub async fn set_appraiser(
        periode_id: PeriodId,
        nip: String,
        penilai_nip: String,
        atasan_penilai_nip: String,
        reason: String,
    ) -> Result<(), AppError> {
        let (db, user, agency) = manager().await?;
        let p = period(&db, &agency, periode_id).await?;
        let mut errors = FormErrors::default()
            .value("nip", &nip)
            .value("penilai_nip", &penilai_nip)
            .value("atasan_penilai_nip", &atasan_penilai_nip)
            .value("reason", &reason);
        if !is_open(&p) {
            return Err(closed(errors));
        }
        let employee = match compact(&nip) {
            nip if nip.is_empty() => {
                errors = errors.field("nip", "required");
                None
            }
            nip => match by_nip(&db, &agency, &nip).await? {
                None => {
                    errors = errors.field("nip", "person_unknown");
                    None
                }
                Some(person) => {
                    let facts = crate::db::people::employee_facts(&db, person.id).await?;
                    if authorize(
                        &user.actor,
                        Action::AssignAppraisers,
                        Target::Employee(&facts),
                    )
                    .is_err()
                    {
                        errors = errors.field("nip", "employee_outside_scope");
                        None
                    } else {
                        Some(person)
                    }
                }
            },
        };
        // A named appraiser must exist and be active.
        let mut named = async |field: &str, text: &str| -> Result<Option<EmployeeId>, AppError> {
            let nip = compact(text);
            if nip.is_empty() {
                return Ok(None);
            }
            Ok(match by_nip(&db, &agency, &nip).await? {
                None => {
                    errors = std::mem::take(&mut errors).field(field, "person_unknown");
                    None
                }
                Some(person) if !person.active => {
                    errors = std::mem::take(&mut errors).field(field, "person_inactive");
                    None
                }
                Some(person) => Some(person.id),
            })
        };
        let penilai = named("penilai_nip", &penilai_nip).await?;
        let atasan = named("atasan_penilai_nip", &atasan_penilai_nip).await?;
        let employee_id = employee.as_ref().map(|e| e.id);
        if penilai.is_some() && penilai == employee_id {
            errors = errors.field("penilai_nip", "self_reference");
        }
        if atasan.is_some() && atasan == employee_id {
            errors = errors.field("atasan_penilai_nip", "self_reference");
        } else if atasan.is_some() && atasan == penilai {
            errors = errors.field("atasan_penilai_nip", "same_as_appraiser");
        }
        let reason = match crate::domain::text::clean_line(&reason, REASON_MAX_CHARS) {
            Ok(reason) => reason,
            Err(code) => {
                errors = errors.field("reason", code);
                String::new()
            }
        };
        let Some(employee) = employee else {
            return Err(AppError::Invalid(errors));
        };
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let existing = penilai_periode::Entity::find()
            .filter(penilai_periode::Column::PeriodeId.eq(periode_id))
            .filter(penilai_periode::Column::PegawaiId.eq(employee.id))
            .one(&db)
            .await?;
        let before = match &existing {
            Some(row) => Some(override_snapshot(&db, row).await?),
            None => None,
        };
        let now = Utc::now();
        let txn = db.begin().await?;
        let saved = match existing {
            Some(current) => {
                let mut row = current.into_active_model();
                row.penilai_id = Set(penilai);
                row.atasan_penilai_id = Set(atasan);
                row.reason = Set(reason);
                row.set_by = Set(user.account.id);
                row.created_at = Set(now);
                row.update(&txn).await?
            }
            None => {
                let inserted = penilai_periode::ActiveModel {
                    periode_id: Set(periode_id),
                    pegawai_id: Set(employee.id),
                    penilai_id: Set(penilai),
                    atasan_penilai_id: Set(atasan),
                    reason: Set(reason),
                    set_by: Set(user.account.id),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(&txn)
                .await;
                match inserted {
                    Ok(row) => row,
                    Err(err) if is_unique_violation(&err) => {
                        txn.rollback().await?;
                        return Err(AppError::Conflict);
                    }
                    Err(err) => return Err(err.into()),
                }
            }
        };
        let after = override_snapshot(&txn, &saved).await?;
        audited(
            &txn,
            &user,
            "appraiser_override_set",
            periode_id,
            before,
            Some(after),
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/periode/{periode_id}?disimpan=1#penilai"));
        Ok(())
    }

    pub async fn remove_appraiser(
        periode_id: PeriodId,
        pegawai_id: EmployeeId,
    ) -> Result<(), AppError> {
        let (db, user, agency) = manager().await?;
        let p = period(&db, &agency, periode_id).await?;
        if !is_open(&p) {
            return Err(closed(FormErrors::default()));
        }
        let row = penilai_periode::Entity::find()
            .filter(penilai_periode::Column::PeriodeId.eq(periode_id))
            .filter(penilai_periode::Column::PegawaiId.eq(pegawai_id))
            .one(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        let facts = crate::db::people::employee_facts(&db, pegawai_id).await?;
        authorize(
            &user.actor,
            Action::AssignAppraisers,
            Target::Employee(&facts),
        )?;
        let before = override_snapshot(&db, &row).await?;
        let txn = db.begin().await?;
        row.delete(&txn).await?;
        audited(
            &txn,
            &user,
            "appraiser_override_removed",
            periode_id,
            Some(before),
            None,
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/periode/{periode_id}?disimpan=1#penilai"));
        Ok(())
    }
}
