//! `/admin/periode`: performance periods (*periode penilaian*) — open one, set its deadlines,
//! close or reopen it, record each unit's *capaian kinerja organisasi* and choose appraisers for
//! one period only. Server-only pages.
//!
//! Agency admins manage periods; the head of a unit may also record the achievement of the units
//! below their own (SE MenPANRB 3/2023), so they see those rows of the period page.

// A form's server function takes one argument per field.
#![allow(clippy::too_many_arguments)]

use super::pages::{AdminNav, ChangeList, load_failure};
use super::types::AuditLine;
use crate::domain::agency::EvaluationInterval;
use crate::domain::period::{OrgPredikat, PeriodState};
use crate::domain::vocabulary::IntoEnumIterator;
use crate::error::{AppError, FormErrors};
use crate::i18n::*;
use crate::ui::error::{ErrorNotice, field_message, posted_error};
use crate::ui::form::TextArea;
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Longest accepted *dasar penetapan* of an organisation's achievement, in characters.
pub const BASIS_MAX_CHARS: usize = 2000;
/// Longest accepted reason for a per-period appraiser, in characters (the column's length).
pub const REASON_MAX_CHARS: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodRow {
    pub id: i64,
    pub year: i32,
    pub evaluation_interval: EvaluationInterval,
    pub state: PeriodState,
    /// `DD-MM-YYYY`.
    pub planning_deadline: String,
    pub annual_deadline: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodList {
    /// Newest first.
    pub rows: Vec<PeriodRow>,
    /// May open periods (agency admins); others only follow links to the achievement forms.
    pub can_manage: bool,
    /// Defaults of the "open a period" form; dates as `YYYY-MM-DD`.
    pub new_year: i32,
    pub new_interval: EvaluationInterval,
    pub new_planning: String,
    pub new_annual: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubDeadline {
    pub seq: i32,
    /// `DD-MM-YYYY`.
    pub starts_on: String,
    pub ends_on: String,
    /// `YYYY-MM-DD`.
    pub deadline: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AchievementRow {
    pub unit_id: i64,
    pub name: String,
    pub code: String,
    pub depth: i32,
    pub predikat: Option<OrgPredikat>,
    pub basis: String,
    /// `Name (NIP)` (or login) of whoever set it.
    pub set_by: Option<String>,
    /// Of the stored row; 0 when none is stored yet.
    pub version: i32,
    /// Whether the viewer may record it (the policy's answer for this unit).
    pub can_set: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverrideRow {
    pub pegawai_id: i64,
    pub employee: String,
    pub penilai: Option<String>,
    pub atasan_penilai: Option<String>,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodEditor {
    pub id: i64,
    pub year: i32,
    pub evaluation_interval: EvaluationInterval,
    pub state: PeriodState,
    pub version: i32,
    /// `YYYY-MM-DD`.
    pub planning_deadline: String,
    pub annual_deadline: String,
    pub periodic: Vec<SubDeadline>,
    /// Agency admin: deadlines, state, appraisers and every unit's row.
    pub can_manage: bool,
    /// Every open unit for an admin; only the units the viewer may set for anyone else.
    pub achievements: Vec<AchievementRow>,
    pub overrides: Vec<OverrideRow>,
    pub audit: Vec<AuditLine>,
}

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
pub async fn load_period(id: i64) -> Result<PeriodEditor, AppError> {
    crate::state::respond(ssr::editor(id).await)
}

/// `periodic` maps a sub-period's `seq` to its deadline (`periodic[3]=2025-04-07` in the form).
#[server(endpoint = "admin/period/update")]
pub async fn update_period(
    id: i64,
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
pub async fn set_period_state(id: i64, version: i32, state: PeriodState) -> Result<(), AppError> {
    crate::state::respond(ssr::set_state(id, version, state).await)
}

/// `version`: of the stored achievement, 0 when the unit has none yet.
#[server(endpoint = "admin/period/achievement")]
pub async fn set_org_achievement(
    periode_id: i64,
    unit_id: i64,
    version: i32,
    predikat: String,
    basis: String,
) -> Result<(), AppError> {
    crate::state::respond(ssr::set_achievement(periode_id, unit_id, version, predikat, basis).await)
}

/// Empty NIPs leave that role empty for the period.
#[server(endpoint = "admin/period/appraiser")]
pub async fn set_period_appraiser(
    periode_id: i64,
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
pub async fn remove_period_appraiser(periode_id: i64, pegawai_id: i64) -> Result<(), AppError> {
    crate::state::respond(ssr::remove_appraiser(periode_id, pegawai_id).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::auth::server::ClientInfo;
    use crate::db::agency::Agency;
    use crate::db::audit::{self, Entry};
    use crate::db::employees::person_label;
    use crate::db::entities::{
        capaian_organisasi, pegawai, penilai_periode, periode, unit_kerja, user_account,
    };
    use crate::db::periods;
    use crate::domain::access::{Action, Actor, Target, UnitPath, authorize};
    use crate::domain::period::{
        PeriodState, SubPeriod, YEARS, default_annual_deadline, default_planning_deadline,
        validate_deadlines,
    };
    use crate::features::admin::api::ssr::{audit_lines, units_within};
    use crate::state::{self, CurrentUser};
    use chrono::{Datelike, NaiveDate, Utc};
    use sea_orm::{
        ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
        IntoActiveModel, ModelTrait, QueryFilter, QueryOrder, Set, SqlErr, TransactionTrait,
    };

    fn shown(d: NaiveDate) -> String {
        d.format("%d-%m-%Y").to_string()
    }

    fn iso(d: NaiveDate) -> String {
        d.format("%Y-%m-%d").to_string()
    }

    /// `Ok(None)` for an empty field, `Err(())` for one that is not a `YYYY-MM-DD` date.
    fn parse_date(text: &str) -> Result<Option<NaiveDate>, ()> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| ())
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
        id: i64,
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
        periode_id: i64,
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
        let mut year = Utc::now()
            .with_timezone(&agency.time_zone.utc_offset())
            .year();
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
            errors = errors.field("planning_deadline", "invalid");
        }
        let annual = parse_date(&annual_deadline);
        if annual.is_err() {
            errors = errors.field("annual_deadline", "invalid");
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

    /// `Name (NIP)` of the employee behind an account, or its login; cached per call.
    async fn account_label(
        db: &impl ConnectionTrait,
        cache: &mut HashMap<i64, Option<String>>,
        account_id: i64,
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

    pub async fn editor(id: i64) -> Result<PeriodEditor, AppError> {
        let (db, user, agency) = signed_in().await?;
        let can_manage = may_manage(&user.actor);
        if !can_manage && user.actor.heads_units.is_empty() {
            return Err(AppError::Forbidden);
        }
        let p = period(&db, &agency, id).await?;
        let stored: HashMap<i64, capaian_organisasi::Model> = capaian_organisasi::Entity::find()
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
                Some(c) => account_label(&db, &mut labels, c.set_by).await?,
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
        id: i64,
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
                errors = std::mem::take(&mut errors).field(field, "invalid");
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

    pub async fn set_state(id: i64, version: i32, target: PeriodState) -> Result<(), AppError> {
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
        periode_id: i64,
        unit_id: i64,
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
        let basis = basis.trim().to_owned();
        if basis.is_empty() {
            errors = errors.field("basis", "required");
        } else if let Err(code) = crate::domain::text::refuse_control(&basis) {
            errors = errors.field("basis", code);
        } else if basis.chars().count() > BASIS_MAX_CHARS {
            errors = errors.field("basis", "too_long");
        }
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

    async fn nip_of(
        db: &impl ConnectionTrait,
        id: Option<i64>,
    ) -> Result<Option<String>, AppError> {
        let Some(id) = id else { return Ok(None) };
        Ok(pegawai::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|p| p.nip))
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
        periode_id: i64,
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
        let mut named = async |field: &str, text: &str| -> Result<Option<i64>, AppError> {
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
        let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
        if reason.is_empty() {
            errors = errors.field("reason", "required");
        } else if let Err(code) = crate::domain::text::refuse_control(&reason) {
            errors = errors.field("reason", code);
        } else if reason.chars().count() > REASON_MAX_CHARS {
            errors = errors.field("reason", "too_long");
        }
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

    pub async fn remove_appraiser(periode_id: i64, pegawai_id: i64) -> Result<(), AppError> {
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

type I18n = leptos_i18n::I18nContext<Locale>;

fn form_of(error: &Option<AppError>) -> FormErrors {
    error
        .as_ref()
        .and_then(AppError::form)
        .cloned()
        .unwrap_or_default()
}

fn interval_label(i18n: I18n, interval: EvaluationInterval) -> String {
    match interval {
        EvaluationInterval::Monthly => t_string!(i18n, period.monthly),
        EvaluationInterval::Quarterly => t_string!(i18n, period.quarterly),
        EvaluationInterval::Semester => t_string!(i18n, period.semester),
    }
    .to_string()
}

fn state_label(i18n: I18n, state: PeriodState) -> String {
    match state {
        PeriodState::Open => t_string!(i18n, period.state_open),
        PeriodState::Closed => t_string!(i18n, period.state_closed),
    }
    .to_string()
}

pub fn predikat_label(i18n: I18n, predikat: OrgPredikat) -> String {
    match predikat {
        OrgPredikat::Istimewa => t_string!(i18n, period.predikat_istimewa),
        OrgPredikat::Baik => t_string!(i18n, period.predikat_baik),
        OrgPredikat::ButuhPerbaikan => t_string!(i18n, period.predikat_butuh_perbaikan),
        OrgPredikat::Kurang => t_string!(i18n, period.predikat_kurang),
        OrgPredikat::SangatKurang => t_string!(i18n, period.predikat_sangat_kurang),
    }
    .to_string()
}

fn indent(depth: i32) -> String {
    "\u{a0}\u{a0}".repeat(depth.max(0) as usize)
}

fn invalid(error: &Option<String>) -> &'static str {
    if error.is_some() { "true" } else { "false" }
}

/// A labelled date input with its error; `id` doubles as the field name errors refer to.
fn date_field(
    id: String,
    name: String,
    label: String,
    value: String,
    error: Option<String>,
    hint: Option<String>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input id=id name=name type="date" value=value
                aria-describedby=described aria-invalid=invalid(&error) />
            {hint.map(|h| view! { <p id=hint_id class="hint">{h}</p> })}
            <p id=error_id class="field-error">{error}</p>
        </div>
    }
}

/// `/admin/periode`: the agency's periods, newest first, and the form opening a new one.
#[component]
pub fn PeriodsPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = OnceResource::new(load_periods());
    view! {
        <PageTitle text=move || t_string!(i18n, period.title).to_string() />
        <AdminNav current="/admin/periode" />
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) => period_list(i18n, list).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

fn period_list(i18n: I18n, list: PeriodList) -> impl IntoView {
    let error = posted_error("/api/admin/period/create");
    let form = form_of(&error);
    let posted = !form.is_empty();
    let err = |f: &str| form.error_for(f).map(|code| field_message(i18n, code));
    let value = |f: &str, default: String| {
        if posted {
            form.value_of(f).unwrap_or_default().to_owned()
        } else {
            default
        }
    };
    let general = error.filter(|e| e.form().is_none());
    let (year_error, interval_error) = (err("year"), err("evaluation_interval"));
    let (planning_error, annual_error) = (err("planning_deadline"), err("annual_deadline"));
    let year = value("year", list.new_year.to_string());
    let chosen_interval = value("evaluation_interval", list.new_interval.as_str().to_owned());
    let planning = value("planning_deadline", list.new_planning.clone());
    let annual = value("annual_deadline", list.new_annual.clone());
    let (l_year, l_interval, l_state, l_planning, l_annual) = (
        t_string!(i18n, period.year).to_string(),
        t_string!(i18n, period.interval).to_string(),
        t_string!(i18n, period.state).to_string(),
        t_string!(i18n, period.planning_deadline).to_string(),
        t_string!(i18n, period.annual_deadline).to_string(),
    );
    let empty = list.rows.is_empty();
    view! {
        <section class="admin-page" aria-labelledby="periods-title">
            <h1 id="periods-title">{t!(i18n, period.title)}</h1>
            <p class="muted">{t!(i18n, period.intro)}</p>
            {if empty {
                view! { <p class="muted">{t!(i18n, period.none)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="data-table period-table" data-testid="periods">
                            <thead>
                                <tr>
                                    <th scope="col">{l_year.clone()}</th>
                                    <th scope="col">{l_interval.clone()}</th>
                                    <th scope="col">{l_state.clone()}</th>
                                    <th scope="col">{l_planning.clone()}</th>
                                    <th scope="col">{l_annual.clone()}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {list.rows.into_iter().map(|p| view! {
                                    <tr class:inactive=p.state != PeriodState::Open>
                                        <td data-label=l_year.clone()>
                                            <a href=format!("/admin/periode/{}", p.id)>{p.year}</a>
                                        </td>
                                        <td data-label=l_interval.clone()>{interval_label(i18n, p.evaluation_interval)}</td>
                                        <td data-label=l_state.clone()>{state_label(i18n, p.state)}</td>
                                        <td data-label=l_planning.clone()>{p.planning_deadline}</td>
                                        <td data-label=l_annual.clone()>{p.annual_deadline}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            {list.can_manage.then(move || view! {
                <h2 id="new-period">{t!(i18n, period.open_title)}</h2>
                {general.map(|error| view! { <ErrorNotice error /> })}
                <form class="form narrow" method="post" action="/api/admin/period/create" aria-labelledby="new-period" novalidate>
                    <div class="field">
                        <label for="year">{t!(i18n, period.year)}</label>
                        <input id="year" name="year" type="number" inputmode="numeric" min="2000" max="2100" value=year
                            aria-describedby="year-error" aria-invalid=invalid(&year_error) />
                        <p id="year-error" class="field-error">{year_error.clone()}</p>
                    </div>
                    <div class="field">
                        <label for="evaluation_interval">{t!(i18n, period.interval)}</label>
                        <select id="evaluation_interval" name="evaluation_interval" aria-describedby="interval-hint evaluation_interval-error">
                            {EvaluationInterval::iter().map(|i| {
                                let label = match i {
                                    EvaluationInterval::Monthly => t_string!(i18n, agency.monthly),
                                    EvaluationInterval::Quarterly => t_string!(i18n, agency.quarterly),
                                    EvaluationInterval::Semester => t_string!(i18n, agency.semester),
                                };
                                view! { <option value=i.as_str() selected=chosen_interval == i.as_str()>{label}</option> }
                            }).collect_view()}
                        </select>
                        <p id="interval-hint" class="hint">{t!(i18n, period.interval_hint)}</p>
                        <p id="evaluation_interval-error" class="field-error">{interval_error.clone()}</p>
                    </div>
                    {date_field("planning_deadline".into(), "planning_deadline".into(), l_planning.clone(), planning.clone(), planning_error.clone(), Some(t_string!(i18n, period.planning_hint).to_string()))}
                    {date_field("annual_deadline".into(), "annual_deadline".into(), l_annual.clone(), annual.clone(), annual_error.clone(), Some(t_string!(i18n, period.annual_hint).to_string()))}
                    <p class="hint">{t!(i18n, period.periodic_default_hint)}</p>
                    <button class="button" type="submit">{t!(i18n, period.open_submit)}</button>
                </form>
            })}
        </section>
    }
}

/// `/admin/periode/{id}`: deadlines, state, organisational achievement and appraisers of one
/// period.
#[component]
pub fn PeriodPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map()
        .with_untracked(|p| p.get("id").and_then(|id| id.parse::<i64>().ok()))
        .unwrap_or_default();
    let data = OnceResource::new(load_period(id));
    view! {
        <PageTitle text=move || t_string!(i18n, period.title).to_string() />
        <AdminNav current="/admin/periode" />
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(editor) => period_editor(i18n, editor).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

fn period_editor(i18n: I18n, e: PeriodEditor) -> impl IntoView {
    let paths = [
        "/api/admin/period/update",
        "/api/admin/period/state",
        "/api/admin/period/achievement",
        "/api/admin/period/appraiser",
        "/api/admin/period/appraiser/remove",
    ];
    let errors: Vec<Option<AppError>> = paths.iter().map(|p| posted_error(p)).collect();
    let any_error = errors.iter().any(Option::is_some);
    let saved = !any_error && use_query_map().with_untracked(|q| q.get("disimpan").is_some());
    let general = errors
        .iter()
        .flatten()
        .find(|e| e.form().is_none())
        .cloned();
    let closed_problem = errors
        .iter()
        .flatten()
        .filter_map(AppError::form)
        .find_map(|f| f.error_for("period").or(f.error_for("state")))
        .map(|code| field_message(i18n, code));
    let [deadline_error, _, achievement_error, appraiser_error, _]: [Option<AppError>; 5] =
        errors.try_into().unwrap_or_default();
    let open = e.state == PeriodState::Open;
    let id = e.id.to_string();
    let version = e.version.to_string();
    view! {
        <section class="admin-page period-page" aria-labelledby="period-title">
            <p><a href="/admin/periode">{t!(i18n, period.back)}</a></p>
            <h1 id="period-title">{t!(i18n, period.heading, year = e.year)}</h1>
            <p class="muted">
                {interval_label(i18n, e.evaluation_interval)}" · "{state_label(i18n, e.state)}
            </p>
            {(!open).then(|| view! { <p class="notice notice-error">{t!(i18n, period.closed_notice)}</p> })}
            {saved.then(|| view! { <p class="notice" role="status">{t!(i18n, admin.saved)}</p> })}
            {general.map(|error| view! { <ErrorNotice error /> })}
            {closed_problem.map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })}
            {e.can_manage.then(|| deadlines_section(i18n, &e, deadline_error, open))}
            {e.can_manage.then(|| view! {
                <h2 id="state-title">{t!(i18n, period.state)}</h2>
                <form method="post" action="/api/admin/period/state" aria-labelledby="state-title">
                    <input type="hidden" name="id" value=id.clone() />
                    <input type="hidden" name="version" value=version.clone() />
                    <input type="hidden" name="state" value=if open { PeriodState::Closed.as_str() } else { PeriodState::Open.as_str() } />
                    <p class="muted">{if open { t_string!(i18n, period.close_text).to_string() } else { t_string!(i18n, period.reopen_text).to_string() }}</p>
                    <button class="button button-secondary" type="submit">
                        {if open { t_string!(i18n, period.close).to_string() } else { t_string!(i18n, period.reopen).to_string() }}
                    </button>
                </form>
            })}
            {achievement_section(i18n, &e, achievement_error, open)}
            {e.can_manage.then(|| appraiser_section(i18n, &e, appraiser_error, open))}
            {e.can_manage.then(|| view! {
                <h2>{t!(i18n, admin.changes)}</h2>
                <ChangeList lines=e.audit.clone() />
            })}
        </section>
    }
}

fn deadlines_section(
    i18n: I18n,
    e: &PeriodEditor,
    error: Option<AppError>,
    open: bool,
) -> impl IntoView + use<> {
    let form = form_of(&error);
    let posted = !form.is_empty();
    let err = |f: &str| form.error_for(f).map(|code| field_message(i18n, code));
    let value = |f: &str, stored: &str| {
        if posted {
            form.value_of(f).unwrap_or_default().to_owned()
        } else {
            stored.to_owned()
        }
    };
    let planning = date_field(
        "planning_deadline".into(),
        "planning_deadline".into(),
        t_string!(i18n, period.planning_deadline).to_string(),
        value("planning_deadline", &e.planning_deadline),
        err("planning_deadline"),
        Some(t_string!(i18n, period.planning_hint).to_string()),
    );
    let annual = date_field(
        "annual_deadline".into(),
        "annual_deadline".into(),
        t_string!(i18n, period.annual_deadline).to_string(),
        value("annual_deadline", &e.annual_deadline),
        err("annual_deadline"),
        Some(t_string!(i18n, period.annual_hint).to_string()),
    );
    let periodic = e
        .periodic
        .iter()
        .map(|d| {
            let field = format!("periodic_deadline_{}", d.seq);
            date_field(
                field.clone(),
                format!("periodic[{}]", d.seq),
                t_string!(
                    i18n,
                    period.periodic_label,
                    n = d.seq,
                    from = d.starts_on.clone(),
                    to = d.ends_on.clone()
                )
                .to_string(),
                value(&field, &d.deadline),
                err(&field),
                None,
            )
        })
        .collect_view();
    let id = e.id.to_string();
    let version = e.version.to_string();
    view! {
        <h2 id="deadlines-title">{t!(i18n, period.deadlines)}</h2>
        <form class="form" method="post" action="/api/admin/period/update" aria-labelledby="deadlines-title" novalidate>
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="version" value=version />
            <fieldset class="deadline-grid" disabled=!open>
                {planning}
                {annual}
            </fieldset>
            <fieldset class="deadline-grid" disabled=!open>
                <legend>{t!(i18n, period.periodic)}</legend>
                {periodic}
            </fieldset>
            {open.then(|| view! {
                <div><button class="button" type="submit">{t!(i18n, admin.save)}</button></div>
            })}
        </form>
    }
}

fn achievement_section(
    i18n: I18n,
    e: &PeriodEditor,
    error: Option<AppError>,
    open: bool,
) -> impl IntoView + use<> {
    let form = form_of(&error);
    let posted_unit = (!form.is_empty())
        .then(|| form.value_of("unit_id").and_then(|v| v.parse::<i64>().ok()))
        .flatten();
    let (l_unit, l_code, l_predikat) = (
        t_string!(i18n, period.unit).to_string(),
        t_string!(i18n, period.code).to_string(),
        t_string!(i18n, period.predikat).to_string(),
    );
    let periode_id = e.id.to_string();
    let rows = e
        .achievements
        .iter()
        .map(|r| {
            let mine = posted_unit == Some(r.unit_id);
            let err = |f: &str| {
                mine.then(|| form.error_for(f).map(|code| field_message(i18n, code)))
                    .flatten()
            };
            let value = |f: &str, stored: String| {
                if mine {
                    form.value_of(f).unwrap_or_default().to_owned()
                } else {
                    stored
                }
            };
            let (predikat_error, basis_error, unit_error) =
                (err("predikat"), err("basis"), err("unit_id"));
            let chosen = value("predikat", r.predikat.map(|p| p.as_str().to_owned()).unwrap_or_default());
            let basis = value("basis", r.basis.clone());
            let current = r.predikat.map(|p| predikat_label(i18n, p));
            let select_id = format!("predikat-{}", r.unit_id);
            let basis_id = format!("basis-{}", r.unit_id);
            let editable = r.can_set && open;
            let summary = if r.predikat.is_some() {
                t_string!(i18n, period.change_achievement).to_string()
            } else {
                t_string!(i18n, period.set_achievement).to_string()
            };
            view! {
                <tr data-unit=r.code.clone()>
                    <td data-label=l_unit.clone()>
                        <span class="tree-indent">{indent(r.depth)}</span>{r.name.clone()}
                    </td>
                    <td data-label=l_code.clone()><code>{r.code.clone()}</code></td>
                    <td data-label=l_predikat.clone()>
                        <strong>{current.unwrap_or_else(|| "—".to_owned())}</strong>
                        {r.set_by.clone().map(|who| view! {
                            <span class="muted small block">{t!(i18n, period.set_by, who = who)}</span>
                        })}
                    </td>
                    <td class="achievement-action">
                        {editable.then(|| view! {
                            <details open=mine>
                                <summary>{summary}</summary>
                                <form class="form" method="post" action="/api/admin/period/achievement" novalidate>
                                    <input type="hidden" name="periode_id" value=periode_id.clone() />
                                    <input type="hidden" name="unit_id" value=r.unit_id.to_string() />
                                    <input type="hidden" name="version" value=r.version.to_string() />
                                    <p class="field-error">{unit_error}</p>
                                    <div class="field">
                                        <label for=select_id.clone()>{t!(i18n, period.predikat)}</label>
                                        <select id=select_id.clone() name="predikat" aria-describedby=format!("{select_id}-error")
                                            aria-invalid=invalid(&predikat_error)>
                                            <option value="">"—"</option>
                                            {OrgPredikat::iter().map(|p| view! {
                                                <option value=p.as_str() selected=chosen == p.as_str()>{predikat_label(i18n, p)}</option>
                                            }).collect_view()}
                                        </select>
                                        <p id=format!("{select_id}-error") class="field-error">{predikat_error}</p>
                                    </div>
                                    <div class="field">
                                        <label for=basis_id.clone()>{t!(i18n, period.basis)}</label>
                                        <TextArea value={basis} {..} id=basis_id.clone() name="basis" rows="3" maxlength=BASIS_MAX_CHARS.to_string()
                                            aria-describedby=format!("{basis_id}-hint {basis_id}-error")
                                            aria-invalid=invalid(&basis_error) />
                                        <p id=format!("{basis_id}-hint") class="hint">{t!(i18n, period.basis_hint)}</p>
                                        <p id=format!("{basis_id}-error") class="field-error">{basis_error}</p>
                                    </div>
                                    <div><button class="button" type="submit">{t!(i18n, admin.save)}</button></div>
                                </form>
                            </details>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 id="capaian">{t!(i18n, period.achievement_title)}</h2>
        <p class="muted">{t!(i18n, period.achievement_intro)}</p>
        <div class="table-wrap">
            <table class="data-table period-table" data-testid="achievements">
                <thead>
                    <tr>
                        <th scope="col">{l_unit.clone()}</th>
                        <th scope="col">{l_code.clone()}</th>
                        <th scope="col">{l_predikat.clone()}</th>
                        <th scope="col"><span class="visually-hidden">{t!(i18n, period.actions)}</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn appraiser_section(
    i18n: I18n,
    e: &PeriodEditor,
    error: Option<AppError>,
    open: bool,
) -> impl IntoView + use<> {
    let form = form_of(&error);
    let err = |f: &str| form.error_for(f).map(|code| field_message(i18n, code));
    let value = |f: &str| form.value_of(f).unwrap_or_default().to_owned();
    let (nip_error, penilai_error, atasan_error, reason_error) = (
        err("nip"),
        err("penilai_nip"),
        err("atasan_penilai_nip"),
        err("reason"),
    );
    let (l_employee, l_penilai, l_atasan, l_reason) = (
        t_string!(i18n, period.employee).to_string(),
        t_string!(i18n, period.appraiser).to_string(),
        t_string!(i18n, period.appraiser_superior).to_string(),
        t_string!(i18n, period.reason).to_string(),
    );
    let periode_id = e.id.to_string();
    let empty = e.overrides.is_empty();
    let none = t_string!(i18n, period.nobody).to_string();
    let rows = e
        .overrides
        .iter()
        .map(|o| {
            view! {
                <tr>
                    <td data-label=l_employee.clone()>{o.employee.clone()}</td>
                    <td data-label=l_penilai.clone()>{o.penilai.clone().unwrap_or_else(|| none.clone())}</td>
                    <td data-label=l_atasan.clone()>{o.atasan_penilai.clone().unwrap_or_else(|| none.clone())}</td>
                    <td data-label=l_reason.clone()>{o.reason.clone()}</td>
                    <td>
                        {open.then(|| view! {
                            <form method="post" action="/api/admin/period/appraiser/remove">
                                <input type="hidden" name="periode_id" value=periode_id.clone() />
                                <input type="hidden" name="pegawai_id" value=o.pegawai_id.to_string() />
                                <button class="button button-secondary" type="submit">{t!(i18n, period.remove)}</button>
                            </form>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let field = |name: &'static str, label: String, error: Option<String>, hint: Option<String>| {
        let error_id = format!("{name}-error");
        let hint_id = format!("{name}-hint");
        let described = if hint.is_some() {
            format!("{hint_id} {error_id}")
        } else {
            error_id.clone()
        };
        view! {
            <div class="field">
                <label for=name>{label}</label>
                <input id=name name=name type="text" inputmode="numeric" autocomplete="off" value=value(name)
                    aria-describedby=described aria-invalid=invalid(&error) />
                {hint.map(|h| view! { <p id=hint_id class="hint">{h}</p> })}
                <p id=error_id class="field-error">{error}</p>
            </div>
        }
    };
    let optional = t_string!(i18n, period.optional_nip_hint).to_string();
    let inputs = (
        field(
            "nip",
            t_string!(i18n, period.employee_nip).to_string(),
            nip_error,
            None,
        ),
        field(
            "penilai_nip",
            t_string!(i18n, period.appraiser_nip).to_string(),
            penilai_error,
            Some(optional.clone()),
        ),
        field(
            "atasan_penilai_nip",
            t_string!(i18n, period.appraiser_superior_nip).to_string(),
            atasan_error,
            Some(optional),
        ),
    );
    let reason = value("reason");
    view! {
        <h2 id="penilai">{t!(i18n, period.override_title)}</h2>
        <p class="muted">{t!(i18n, period.override_intro)}</p>
        {if empty {
            view! { <p class="muted">{t!(i18n, period.no_overrides)}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data-table period-table" data-testid="overrides">
                        <thead>
                            <tr>
                                <th scope="col">{l_employee.clone()}</th>
                                <th scope="col">{l_penilai.clone()}</th>
                                <th scope="col">{l_atasan.clone()}</th>
                                <th scope="col">{l_reason.clone()}</th>
                                <th scope="col"><span class="visually-hidden">{t!(i18n, period.actions)}</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
        {open.then(move || view! {
            <h3 id="override-form-title">{t!(i18n, period.override_form)}</h3>
            <form class="form narrow" method="post" action="/api/admin/period/appraiser" aria-labelledby="override-form-title" novalidate>
                <input type="hidden" name="periode_id" value=periode_id />
                {inputs}
                <div class="field">
                    <label for="reason">{t!(i18n, period.reason)}</label>
                    <TextArea value={reason} {..} id="reason" name="reason" rows="2" maxlength=REASON_MAX_CHARS.to_string()
                        aria-describedby="reason-error" aria-invalid=invalid(&reason_error) />
                    <p id="reason-error" class="field-error">{reason_error}</p>
                </div>
                <button class="button" type="submit">{t!(i18n, admin.save)}</button>
            </form>
        })}
    }
}
