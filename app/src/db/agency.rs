//! Queries on the agency (*instansi*) settings.

use super::entities::instansi;
use crate::domain::agency::{AgencyTimeZone, EvaluationInterval};
use crate::domain::ids::AgencyId;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, QueryOrder, Set};

/// Agency settings as the rest of the application uses them (typed, validated).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agency {
    pub id: AgencyId,
    pub code: String,
    pub name: String,
    pub short_name: String,
    pub time_zone: AgencyTimeZone,
    pub evaluation_interval: EvaluationInterval,
    pub require_admin_mfa: bool,
    pub require_evidence: bool,
    pub document_place: String,
    pub lock_late_submissions: bool,
    pub version: i32,
}

impl From<instansi::Model> for Agency {
    fn from(row: instansi::Model) -> Self {
        Self {
            time_zone: row.time_zone,
            evaluation_interval: row.evaluation_interval,
            id: row.id,
            code: row.code,
            name: row.name,
            short_name: row.short_name,
            require_admin_mfa: row.require_admin_mfa,
            require_evidence: row.require_evidence,
            document_place: row.document_place,
            lock_late_submissions: row.lock_late_submissions,
            version: row.version,
        }
    }
}

/// The agency this installation serves (the first one created), if set up yet.
pub async fn primary(db: &impl ConnectionTrait) -> Result<Option<Agency>, DbErr> {
    instansi::Entity::find()
        .order_by_asc(instansi::Column::Id)
        .one(db)
        .await
        .map(|row| row.map(Agency::from))
}

/// The time zone of the agency's clocks. WIB until the agency is set up: only a database the
/// installer has not finished lacks one, and nothing dated exists in it yet.
pub async fn time_zone(db: &impl ConnectionTrait) -> Result<AgencyTimeZone, DbErr> {
    Ok(primary(db)
        .await?
        .map_or(AgencyTimeZone::Wib, |a| a.time_zone))
}

/// Whether self-assessments need evidence for every reported indicator (off until set up).
pub async fn evidence_required(db: &impl ConnectionTrait) -> Result<bool, DbErr> {
    Ok(primary(db).await?.is_some_and(|a| a.require_evidence))
}

pub struct NewAgency<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub short_name: &'a str,
    pub time_zone: AgencyTimeZone,
    pub evaluation_interval: EvaluationInterval,
    pub document_place: &'a str,
}

pub async fn create(db: &impl ConnectionTrait, new: NewAgency<'_>) -> Result<Agency, DbErr> {
    let now = Utc::now();
    let row = instansi::ActiveModel {
        code: Set(new.code.to_owned()),
        name: Set(new.name.to_owned()),
        short_name: Set(new.short_name.to_owned()),
        time_zone: Set(new.time_zone),
        evaluation_interval: Set(new.evaluation_interval),
        require_admin_mfa: Set(false),
        require_evidence: Set(false),
        document_place: Set(new.document_place.to_owned()),
        lock_late_submissions: Set(false),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Agency::from(row))
}
