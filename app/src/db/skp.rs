//! Storing SKPs: the plan with its rows, the optimistic version every change goes through, the
//! cascade to the appraiser's approved plan, transitions with their history, and the header
//! (employee, appraiser, appraiser's superior) as printed on the document.

use crate::db::entities::{
    instansi, jabatan, pegawai, periode, skp, skp_hasil, skp_indikator, skp_komentar, skp_lampiran,
    skp_perilaku, skp_riwayat, unit_kerja,
};
use crate::db::periods::Appraisers;
use crate::domain::employee::{display_name, rank_label};
use crate::domain::ids::{AccountId, EmployeeId, PeriodId, PositionId, ResultId, SkpId};
use crate::domain::skp::{
    Approach, Aspect, IndicatorDraft, Perspective, ResultDraft, ResultGroup, SkpDraft, SkpEvent,
    SkpForm, SkpParty, SkpState, transition,
};
pub use crate::domain::skp::{Header, PersonCard};
use crate::domain::vocabulary::IntoEnumIterator;
use crate::error::AppError;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait, Set,
};

/// An SKP with all its rows, in display order.
#[derive(Clone, Debug)]
pub struct SkpRecord {
    pub skp: skp::Model,
    pub period: periode::Model,
    pub results: Vec<(skp_hasil::Model, Vec<skp_indikator::Model>)>,
    pub behaviours: Vec<skp_perilaku::Model>,
    pub attachments: Vec<skp_lampiran::Model>,
}

impl SkpRecord {
    pub fn state(&self) -> SkpState {
        self.skp.state
    }

    /// The plan as the domain's submission rules read it.
    pub fn draft(&self) -> SkpDraft {
        SkpDraft {
            form: self.skp.form,
            approach: self.skp.approach,
            results: self
                .results
                .iter()
                .map(|(r, indicators)| ResultDraft {
                    id: r.id,
                    group: r.grp,
                    text: r.text.clone(),
                    parent_result_id: r.parent_id,
                    perspective: r.perspective,
                    indicators: indicators
                        .iter()
                        .map(|i| IndicatorDraft {
                            id: i.id,
                            aspect: i.aspect,
                            text: i.text.clone(),
                            target_min: i.target_min.clone(),
                            target_max: i.target_max.clone(),
                            target_unit: i.target_unit.clone(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

pub async fn find(db: &impl ConnectionTrait, id: SkpId) -> Result<skp::Model, AppError> {
    skp::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn load(db: &impl ConnectionTrait, id: SkpId) -> Result<SkpRecord, AppError> {
    let (skp, period) = skp::Entity::find_by_id(id)
        .find_also_related(periode::Entity)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let Some(period) = period else {
        tracing::error!(skp = %id, "the plan's period does not exist");
        return Err(AppError::Internal);
    };
    let hasil = skp_hasil::Entity::find()
        .filter(skp_hasil::Column::SkpId.eq(id))
        .order_by_asc(skp_hasil::Column::Position)
        .order_by_asc(skp_hasil::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<ResultId> = hasil.iter().map(|h| h.id).collect();
    let mut indicators = if ids.is_empty() {
        Vec::new()
    } else {
        skp_indikator::Entity::find()
            .filter(skp_indikator::Column::HasilId.is_in(ids))
            .order_by_asc(skp_indikator::Column::Position)
            .order_by_asc(skp_indikator::Column::Id)
            .all(db)
            .await?
    };
    let results = hasil
        .into_iter()
        .map(|h| {
            let mine = indicators
                .extract_if(.., |i| i.hasil_id == h.id)
                .collect::<Vec<_>>();
            (h, mine)
        })
        .collect();
    indicators.clear();
    let behaviours = skp_perilaku::Entity::find()
        .filter(skp_perilaku::Column::SkpId.eq(id))
        .order_by_asc(skp_perilaku::Column::CoreValue)
        .all(db)
        .await?;
    let attachments = skp_lampiran::Entity::find()
        .filter(skp_lampiran::Column::SkpId.eq(id))
        .order_by_asc(skp_lampiran::Column::Kind)
        .order_by_asc(skp_lampiran::Column::Position)
        .order_by_asc(skp_lampiran::Column::Id)
        .all(db)
        .await?;
    Ok(SkpRecord {
        skp,
        period,
        results,
        behaviours,
        attachments,
    })
}

async fn person_card(
    db: &impl ConnectionTrait,
    id: Option<EmployeeId>,
) -> Result<Option<PersonCard>, AppError> {
    let Some(id) = id else { return Ok(None) };
    let Some(p) = pegawai::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let unit = unit_kerja::Entity::find_by_id(p.unit_id)
        .one(db)
        .await?
        .map(|u| u.name)
        .unwrap_or_default();
    let position = match p.jabatan_id {
        Some(j) => jabatan::Entity::find_by_id(j)
            .one(db)
            .await?
            .map(|j| j.name)
            .unwrap_or_default(),
        None => String::new(),
    };
    Ok(Some(PersonCard {
        id: Some(p.id),
        name: display_name(p.front_title.as_deref(), &p.name, p.back_title.as_deref()),
        nip: p.nip,
        rank: rank_label(p.asn_type, &p.rank_grade),
        position,
        unit,
    }))
}

pub async fn header(
    db: &impl ConnectionTrait,
    employee_id: EmployeeId,
    appraisers: Appraisers,
) -> Result<Header, AppError> {
    let employee = person_card(db, Some(employee_id))
        .await?
        .ok_or(AppError::NotFound)?;
    let agency = instansi::Entity::find()
        .order_by_asc(instansi::Column::Id)
        .one(db)
        .await?
        .map(|a| a.name)
        .unwrap_or_default();
    let (appraiser, appraiser_superior) = match appraisers.external {
        // The official and their own superior, as recorded by the admin.
        Some(official) => {
            let chain = crate::db::officials::chain_from(db, official).await?;
            let mut cards = chain.iter().map(|o| crate::db::officials::card(o, &agency));
            (cards.next(), cards.next())
        }
        None => {
            let superior = match (appraisers.penilai, appraisers.atasan) {
                (_, Some(atasan)) => person_card(db, Some(atasan)).await?,
                // The appraiser heads an agency: the official outside the application who
                // appraises them stands above (the Sekda above a Kepala Dinas).
                (Some(penilai), None) => {
                    match pegawai::Entity::find_by_id(penilai)
                        .one(db)
                        .await?
                        .and_then(|p| p.penilai_luar_id)
                    {
                        Some(official) => crate::db::officials::chain_from(db, official)
                            .await?
                            .first()
                            .map(|o| crate::db::officials::card(o, &agency)),
                        None => None,
                    }
                }
                (None, None) => None,
            };
            (person_card(db, appraisers.penilai).await?, superior)
        }
    };
    Ok(Header {
        agency,
        employee,
        appraiser,
        appraiser_superior,
    })
}

/// The header frozen on the plan. One that cannot be read is refused (and logged), never shown
/// as a blank document.
pub fn parse_header(skp: &skp::Model) -> Result<Header, AppError> {
    serde_json::from_str(&skp.header).map_err(|error| {
        tracing::error!(skp = %skp.id, %error, "the plan's stored header cannot be read");
        AppError::Internal
    })
}

/// The SKP form the holder of `position` writes (JPT or JA/JF, [`SkpForm::for_position`]).
pub async fn form_for(
    db: &impl ConnectionTrait,
    position: Option<PositionId>,
) -> Result<SkpForm, AppError> {
    let Some(id) = position else {
        return Ok(SkpForm::for_position(None, false));
    };
    let position = jabatan::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::Internal)?;
    let independent = position.is_head
        && unit_kerja::Entity::find_by_id(position.unit_id)
            .one(db)
            .await?
            .is_some_and(|u| u.independent);
    Ok(SkpForm::for_position(Some(position.kind), independent))
}

/// The SKP of an employee in a period that is still alive (not cancelled) and covers the
/// position they hold now (its segment not closed by a transfer), if any.
pub async fn current_for(
    db: &impl ConnectionTrait,
    pegawai_id: EmployeeId,
    periode_id: PeriodId,
) -> Result<Option<skp::Model>, AppError> {
    Ok(skp::Entity::find()
        .filter(skp::Column::PegawaiId.eq(pegawai_id))
        .filter(skp::Column::PeriodeId.eq(periode_id))
        .filter(skp::Column::State.ne(SkpState::Cancelled))
        .filter(skp::Column::EndsOn.is_null())
        .order_by_desc(skp::Column::Id)
        .one(db)
        .await?)
}

/// Creates a draft with the seven core values in place (they can never be removed).
pub async fn create(
    db: &impl ConnectionTrait,
    period: &periode::Model,
    employee: &pegawai::Model,
    appraisers: Appraisers,
    form: SkpForm,
    approach: Approach,
) -> Result<skp::Model, AppError> {
    let now = Utc::now();
    let header = header(db, employee.id, appraisers).await?;
    let starts_on = crate::db::segments::next_plan_start(db, employee.id, period).await?;
    let row = skp::ActiveModel {
        periode_id: Set(period.id),
        pegawai_id: Set(employee.id),
        state: Set(SkpState::Draft),
        form: Set(form),
        approach: Set(approach),
        penilai_id: Set(appraisers.penilai),
        atasan_penilai_id: Set(appraisers.atasan),
        penilai_luar_id: Set(appraisers.external),
        header: Set(serde_json::to_string(&header).map_err(|_| AppError::Internal)?),
        revision: Set(0),
        version: Set(1),
        submitted_at: Set(None),
        approved_at: Set(None),
        starts_on: Set(starts_on),
        ends_on: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    for value in crate::domain::skp::CoreValue::iter() {
        skp_perilaku::ActiveModel {
            skp_id: Set(row.id),
            core_value: Set(i32::from(value.number())),
            expectation: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(row)
}

/// The results of the appraiser's plan that subordinates may support: only from a plan that
/// has been approved (and stays in force while it is being revised).
pub async fn leader_results(
    db: &impl ConnectionTrait,
    appraiser_id: Option<EmployeeId>,
    periode_id: PeriodId,
) -> Result<Vec<skp_hasil::Model>, AppError> {
    let Some(appraiser_id) = appraiser_id else {
        return Ok(Vec::new());
    };
    let effective: Vec<SkpState> = SkpState::iter().filter(|s| s.is_effective()).collect();
    // The leader's latest plan in force, as a subquery: every SKP page asks.
    let plan = skp::Entity::find()
        .select_only()
        .column(skp::Column::Id)
        .filter(skp::Column::PegawaiId.eq(appraiser_id))
        .filter(skp::Column::PeriodeId.eq(periode_id))
        .filter(skp::Column::State.is_in(effective))
        .order_by_desc(skp::Column::Id)
        .limit(1)
        .into_query();
    Ok(skp_hasil::Entity::find()
        .filter(skp_hasil::Column::SkpId.in_subquery(plan))
        .order_by_asc(skp_hasil::Column::Grp)
        .order_by_asc(skp_hasil::Column::Position)
        .all(db)
        .await?)
}

/// How many results of other plans support this one (the cascade below it).
pub async fn supporters(db: &impl ConnectionTrait, result_id: ResultId) -> Result<u64, AppError> {
    use sea_orm::PaginatorTrait;
    Ok(skp_hasil::Entity::find()
        .filter(skp_hasil::Column::ParentId.eq(result_id))
        .count(db)
        .await?)
}

/// Full content of the plan as stored in the history at each approval.
pub fn snapshot(record: &SkpRecord) -> Result<serde_json::Value, AppError> {
    Ok(serde_json::json!({
        "revision": record.skp.revision,
        "form": record.skp.form,
        "approach": record.skp.approach,
        "header": parse_header(&record.skp)?,
        "results": record.results.iter().map(|(r, indicators)| serde_json::json!({
            "id": r.id,
            "group": r.grp,
            "text": r.text,
            "parent_id": r.parent_id,
            "parent_text": r.parent_text,
            "perspective": r.perspective,
            "indicators": indicators.iter().map(|i| serde_json::json!({
                "aspect": i.aspect,
                "text": i.text,
                "target_min": i.target_min,
                "target_max": i.target_max,
                "target_unit": i.target_unit,
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "behaviours": record.behaviours.iter().map(|b| serde_json::json!({
            "value": b.core_value,
            "expectation": b.expectation,
        })).collect::<Vec<_>>(),
        "attachments": record.attachments.iter().map(|a| serde_json::json!({
            "kind": a.kind,
            "text": a.text,
        })).collect::<Vec<_>>(),
    }))
}

pub struct Fired {
    pub from: SkpState,
    pub to: SkpState,
}

/// Fires an event: checks it against the state machine, claims the version, stores the new
/// state (with the header refreshed while drafting, frozen at approval) and the history row.
pub async fn fire(
    db: &impl ConnectionTrait,
    record: &SkpRecord,
    version: i32,
    event: SkpEvent,
    party: SkpParty,
    actor_user_id: Option<AccountId>,
    note: Option<String>,
) -> Result<Fired, AppError> {
    let from = record.state();
    let to = transition(from, event, party).map_err(|err| {
        AppError::Invalid(crate::error::FormErrors::default().field("event", err.code()))
    })?;
    crate::db::versioning::claim::<skp::Entity>(db, record.skp.id, version).await?;
    let now = Utc::now();
    let mut active = skp::ActiveModel {
        id: Set(record.skp.id),
        state: Set(to),
        ..Default::default()
    };
    match event {
        SkpEvent::Submit => {
            // The header follows the organisation until approval; the appraiser may have
            // changed since the draft was started (e.g. a per-period override).
            let appraisers = Appraisers::of_plan(&record.skp);
            let header = header(db, record.skp.pegawai_id, appraisers).await?;
            active.header = Set(serde_json::to_string(&header).map_err(|_| AppError::Internal)?);
            active.submitted_at = Set(Some(now));
        }
        SkpEvent::Approve => {
            active.approved_at = Set(Some(now));
            active.revision = Set(record.skp.revision + 1);
        }
        _ => {}
    }
    active.update(db).await?;
    let snapshot = match event {
        SkpEvent::Approve => {
            let mut approved = record.clone();
            approved.skp.revision += 1;
            Some(snapshot(&approved)?.to_string())
        }
        _ => None,
    };
    skp_riwayat::ActiveModel {
        skp_id: Set(record.skp.id),
        event: Set(event),
        from_state: Set(from),
        to_state: Set(to),
        actor_user_id: Set(actor_user_id),
        note: Set(note),
        snapshot: Set(snapshot),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(Fired { from, to })
}

pub async fn comments(
    db: &impl ConnectionTrait,
    skp_id: SkpId,
) -> Result<Vec<skp_komentar::Model>, AppError> {
    Ok(skp_komentar::Entity::find()
        .filter(skp_komentar::Column::SkpId.eq(skp_id))
        .order_by_asc(skp_komentar::Column::Id)
        .all(db)
        .await?)
}

pub async fn history(
    db: &impl ConnectionTrait,
    skp_id: SkpId,
) -> Result<Vec<skp_riwayat::Model>, AppError> {
    Ok(skp_riwayat::Entity::find()
        .filter(skp_riwayat::Column::SkpId.eq(skp_id))
        .order_by_asc(skp_riwayat::Column::Id)
        .all(db)
        .await?)
}

/// A work result as a form or the demo adds it; its text already cleaned.
pub struct NewResult<'a> {
    pub group: ResultGroup,
    pub text: String,
    /// The appraiser's RHK it supports, from [`leader_results`].
    pub parent: Option<&'a skp_hasil::Model>,
    pub perspective: Option<Perspective>,
}

/// Adds a work result at the end of its group. The caller has claimed the plan's version.
pub async fn add_result(
    db: &impl ConnectionTrait,
    record: &SkpRecord,
    new: NewResult<'_>,
) -> Result<skp_hasil::Model, AppError> {
    let now = Utc::now();
    let position = next_position(
        record
            .results
            .iter()
            .filter(|(r, _)| r.grp == new.group)
            .map(|(r, _)| &r.position),
    );
    Ok(skp_hasil::ActiveModel {
        skp_id: Set(record.skp.id),
        grp: Set(new.group),
        position: Set(position),
        text: Set(new.text),
        parent_id: Set(new.parent.map(|p| p.id)),
        parent_text: Set(new.parent.map(|p| p.text.clone())),
        perspective: Set(new.perspective),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// An indicator as a form or the demo adds it; targets already in canonical form.
pub struct NewIndicator {
    pub aspect: Option<Aspect>,
    pub text: String,
    pub target_min: Option<String>,
    pub target_max: Option<String>,
    pub target_unit: Option<String>,
}

/// Adds an indicator at the end of result `result_id`'s. The caller has claimed the version.
pub async fn add_indicator(
    db: &impl ConnectionTrait,
    record: &SkpRecord,
    result_id: ResultId,
    new: NewIndicator,
) -> Result<skp_indikator::Model, AppError> {
    let position = next_position(
        record
            .results
            .iter()
            .filter(|(r, _)| r.id == result_id)
            .flat_map(|(_, i)| i.iter().map(|i| &i.position)),
    );
    Ok(skp_indikator::ActiveModel {
        hasil_id: Set(result_id),
        position: Set(position),
        aspect: Set(new.aspect),
        text: Set(new.text),
        target_min: Set(new.target_min),
        target_max: Set(new.target_max),
        target_unit: Set(new.target_unit),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// The next free position at the end of a list.
pub fn next_position<'a>(positions: impl Iterator<Item = &'a i32>) -> i32 {
    positions.max().map_or(1, |p| p + 1)
}
