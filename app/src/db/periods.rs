//! Performance periods (*periode penilaian*): opening one with its sub-period deadlines, the
//! period in force, and who appraises an employee in a given period.

use crate::auth::server::ClientInfo;
use crate::db::audit::{self, Entry};
use crate::db::entities::{pegawai, penilai_periode, periode, periode_tenggat, skp};
use crate::domain::agency::EvaluationInterval;
use crate::domain::ids::{AccountId, AgencyId, EmployeeId, ExternalOfficialId, PeriodId};
use crate::domain::period::{PeriodState, default_periodic_deadline, sub_periods};
use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

/// Who appraises an employee's plan: an employee of the agency (`penilai`, with their superior
/// `atasan`), or an official outside the application (`external`; then both are empty and an
/// admin records the appraiser's decisions on their behalf).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Appraisers {
    pub penilai: Option<EmployeeId>,
    pub atasan: Option<EmployeeId>,
    pub external: Option<ExternalOfficialId>,
}

impl Appraisers {
    pub fn of_plan(plan: &skp::Model) -> Self {
        Self {
            penilai: plan.penilai_id,
            atasan: plan.atasan_penilai_id,
            external: plan.penilai_luar_id,
        }
    }

    /// Nobody but the employee themselves could receive the plan.
    pub fn missing_for(&self, employee: EmployeeId) -> bool {
        self.external.is_none() && self.penilai.is_none_or(|p| p == employee)
    }
}

/// The appraisers of `pegawai` in the period: the override recorded for that period if there is
/// one (always people of the agency), otherwise the reporting line on the employee's record.
pub async fn appraisers_for(
    db: &impl ConnectionTrait,
    pegawai: &pegawai::Model,
    periode_id: PeriodId,
) -> Result<Appraisers, DbErr> {
    let chosen = penilai_periode::Entity::find()
        .filter(penilai_periode::Column::PeriodeId.eq(periode_id))
        .filter(penilai_periode::Column::PegawaiId.eq(pegawai.id))
        .one(db)
        .await?;
    Ok(match chosen {
        Some(row) => Appraisers {
            penilai: row.penilai_id,
            atasan: row.atasan_penilai_id,
            external: None,
        },
        None => Appraisers {
            penilai: pegawai.penilai_id,
            atasan: pegawai.atasan_penilai_id,
            external: pegawai.penilai_luar_id,
        },
    })
}

/// The newest open period of the agency, if any.
pub async fn open_period(
    db: &impl ConnectionTrait,
    instansi_id: AgencyId,
) -> Result<Option<periode::Model>, DbErr> {
    periode::Entity::find()
        .filter(periode::Column::InstansiId.eq(instansi_id))
        .filter(periode::Column::State.eq(PeriodState::Open))
        .order_by_desc(periode::Column::Year)
        .one(db)
        .await
}

/// The agency's period of `year`, if opened.
pub async fn period_of_year(
    db: &impl ConnectionTrait,
    instansi_id: AgencyId,
    year: i32,
) -> Result<Option<periode::Model>, DbErr> {
    periode::Entity::find()
        .filter(periode::Column::InstansiId.eq(instansi_id))
        .filter(periode::Column::Year.eq(year))
        .one(db)
        .await
}

/// The audited picture of a period.
pub fn snapshot(p: &periode::Model, deadlines: &[periode_tenggat::Model]) -> serde_json::Value {
    serde_json::json!({
        "year": p.year,
        "evaluation_interval": p.evaluation_interval,
        "planning_deadline": p.planning_deadline.to_string(),
        "annual_deadline": p.annual_deadline.to_string(),
        "periodic_deadlines": deadlines
            .iter()
            .map(|d| d.deadline.to_string())
            .collect::<Vec<_>>(),
        "state": p.state,
    })
}

/// The deadlines of a period's sub-periods, in order.
pub async fn deadlines_of(
    db: &impl ConnectionTrait,
    periode_id: PeriodId,
) -> Result<Vec<periode_tenggat::Model>, DbErr> {
    periode_tenggat::Entity::find()
        .filter(periode_tenggat::Column::PeriodeId.eq(periode_id))
        .order_by_asc(periode_tenggat::Column::Seq)
        .all(db)
        .await
}

/// The deadline of evaluation `seq` (0: the annual one) among `deadlines`, the period's rows.
/// `None` for a sub-period without its row: damaged data, for the caller to refuse.
pub fn evaluation_deadline(
    period: &periode::Model,
    deadlines: &[periode_tenggat::Model],
    seq: i32,
) -> Option<chrono::NaiveDate> {
    if seq == crate::domain::evaluation::EvaluationKind::Annual.seq() {
        return Some(period.annual_deadline);
    }
    deadlines.iter().find(|d| d.seq == seq).map(|d| d.deadline)
}

/// Opens the period of `year` (1 January to 31 December, open, version 1) with one deadline row
/// per sub-period of `interval`, each at its default; audited as `period_opened` when
/// `actor_user_id` is given. Run it inside a transaction: it writes several rows. A second
/// period for the same year fails on the unique index (`ux_periode_year`).
pub async fn create_period(
    db: &impl ConnectionTrait,
    instansi_id: AgencyId,
    year: i32,
    interval: EvaluationInterval,
    planning: NaiveDate,
    annual: NaiveDate,
    actor_user_id: Option<AccountId>,
) -> Result<periode::Model, DbErr> {
    let (Some(starts_on), Some(ends_on)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return Err(DbErr::Custom(format!("year {year} out of range")));
    };
    let now = Utc::now();
    let period = periode::ActiveModel {
        instansi_id: Set(instansi_id),
        year: Set(year),
        evaluation_interval: Set(interval),
        starts_on: Set(starts_on),
        ends_on: Set(ends_on),
        planning_deadline: Set(planning),
        annual_deadline: Set(annual),
        state: Set(PeriodState::Open),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut deadlines = Vec::new();
    for sub in sub_periods(year, interval) {
        deadlines.push(
            periode_tenggat::ActiveModel {
                periode_id: Set(period.id),
                seq: Set(i32::from(sub.seq)),
                starts_on: Set(sub.starts_on),
                ends_on: Set(sub.ends_on),
                deadline: Set(default_periodic_deadline(&sub)),
                ..Default::default()
            }
            .insert(db)
            .await?,
        );
    }
    if let Some(actor) = actor_user_id {
        audit::record(
            db,
            Entry {
                actor_user_id: Some(actor),
                action: "period_opened",
                object_type: "periode",
                object_id: Some(period.id.to_string()),
                before: None,
                after: Some(snapshot(&period, &deadlines)),
            },
            &ClientInfo::current(),
        )
        .await
        .map_err(|e| DbErr::Custom(format!("audit: {e}")))?;
    }
    Ok(period)
}
