//! Storage of 360° feedback: instruments, cycles, who rates whom, and the answers.
//!
//! The one rule this file exists to keep: an answer is written with nothing that leads back to
//! its rater. [`submit`] marks the assignment done and writes the scores and comments in the
//! same transaction, but the rows it writes carry only the cycle, the person rated, the group and
//! the day, under random keys. Nothing here logs or returns which assignment an answer came from.

use super::entities::{
    batas_360, instrumen_360, instrumen_360_butir, jawaban_360, komentar_360, pegawai,
    penugasan_360, perangkat_360, siklus_360, siklus_360_peserta, tautan_360, unit_kerja,
};
use crate::domain::feedback360::{
    Answers, AssignmentState, CommentRow, CycleSettings, CycleState, Item, LinkTarget,
    NominationState, RaterGroup, ResponseRow, Score, Window,
};
use crate::domain::ids::{
    AgencyId, AssignmentId, CycleId, EmployeeId, InstrumentId, PeriodId, PublicLinkId, UnitId,
};
use crate::domain::skp::CoreValue;
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ExprTrait as _;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::{BTreeSet, HashMap};

/// The newest instrument version of the agency.
pub async fn latest_instrument(
    db: &impl ConnectionTrait,
    agency: AgencyId,
) -> Result<Option<InstrumentId>, AppError> {
    Ok(latest_instrument_version(db, agency).await?.map(|i| i.id))
}

/// The newest instrument version of the agency, with its number and day.
pub async fn latest_instrument_version(
    db: &impl ConnectionTrait,
    agency: AgencyId,
) -> Result<Option<instrumen_360::Model>, AppError> {
    Ok(instrumen_360::Entity::find()
        .filter(instrumen_360::Column::InstansiId.eq(agency))
        .order_by_desc(instrumen_360::Column::Version)
        .one(db)
        .await?)
}

/// The largest statement number any instrument version of the agency ever held: new statements
/// are numbered after it, so a number always means one statement.
pub async fn highest_item_number(
    db: &impl ConnectionTrait,
    agency: AgencyId,
) -> Result<u16, AppError> {
    let versions: Vec<InstrumentId> = instrumen_360::Entity::find()
        .filter(instrumen_360::Column::InstansiId.eq(agency))
        .select_only()
        .column(instrumen_360::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let highest: Option<i32> = instrumen_360_butir::Entity::find()
        .filter(instrumen_360_butir::Column::InstrumentId.is_in(versions))
        .select_only()
        .column_as(instrumen_360_butir::Column::Number.max(), "highest")
        .into_tuple()
        .one(db)
        .await?
        .flatten();
    highest.map_or(Ok(0), |n| {
        u16::try_from(n).map_err(|_| {
            tracing::error!(%agency, number = n, "impossible 360 statement number");
            AppError::Internal
        })
    })
}

/// Points cycle `cycle` at instrument `instrument`: on opening, the newest version.
pub async fn use_instrument(
    txn: &impl ConnectionTrait,
    cycle: CycleId,
    instrument: InstrumentId,
) -> Result<(), AppError> {
    siklus_360::Entity::update_many()
        .col_expr(siklus_360::Column::InstrumentId, Expr::value(instrument))
        .filter(siklus_360::Column::Id.eq(cycle))
        .exec(txn)
        .await?;
    Ok(())
}

/// Stores `items` as the agency's next instrument version.
pub async fn create_instrument(
    txn: &impl ConnectionTrait,
    agency: AgencyId,
    items: &[Item],
    now: DateTime<Utc>,
) -> Result<InstrumentId, AppError> {
    let newest = instrumen_360::Entity::find()
        .filter(instrumen_360::Column::InstansiId.eq(agency))
        .order_by_desc(instrumen_360::Column::Version)
        .one(txn)
        .await?
        .map_or(0, |i| i.version);
    // Two saves at once read the same newest version; the unique version number lets one in.
    let id = instrumen_360::Entity::insert(instrumen_360::ActiveModel {
        instansi_id: Set(agency),
        version: Set(newest + 1),
        created_at: Set(now),
        ..Default::default()
    })
    .exec(txn)
    .await
    .map_err(|err| match err.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => AppError::Conflict,
        _ => err.into(),
    })?
    .last_insert_id;
    let rows: Vec<instrumen_360_butir::ActiveModel> = items
        .iter()
        .map(|item| instrumen_360_butir::ActiveModel {
            instrument_id: Set(id),
            number: Set(i32::from(item.number)),
            core_value: Set(i32::from(item.value.number())),
            audience: Set(item.audience),
            text_id: Set(item.text_id.clone()),
            text_en: Set(item.text_en.clone()),
        })
        .collect();
    instrumen_360_butir::Entity::insert_many(rows)
        .exec_without_returning(txn)
        .await?;
    Ok(id)
}

/// The statements of an instrument version, in order. A stored value no statement can hold
/// (a core value outside 1–7, a number outside `u16`) is refused, not guessed at.
pub async fn items(
    db: &impl ConnectionTrait,
    instrument: InstrumentId,
) -> Result<Vec<Item>, AppError> {
    instrumen_360_butir::Entity::find()
        .filter(instrumen_360_butir::Column::InstrumentId.eq(instrument))
        .order_by_asc(instrumen_360_butir::Column::Number)
        .all(db)
        .await?
        .into_iter()
        .map(|row| {
            let value = u8::try_from(row.core_value)
                .ok()
                .and_then(CoreValue::from_number);
            match (u16::try_from(row.number), value) {
                (Ok(number), Some(value)) => Ok(Item {
                    number,
                    value,
                    audience: row.audience,
                    text_id: row.text_id,
                    text_en: row.text_en,
                }),
                _ => {
                    tracing::error!(instrument = %instrument, number = row.number, "impossible 360 statement");
                    Err(AppError::Internal)
                }
            }
        })
        .collect()
}

/// The rater groups of a cycle; an unknown spelling fails closed.
pub fn groups_of(cycle: &siklus_360::Model) -> Result<Vec<RaterGroup>, AppError> {
    cycle
        .groups
        .split(',')
        .map(|g| {
            g.parse::<RaterGroup>().map_err(|_| {
                tracing::error!(cycle = %cycle.id, group = g, "unknown 360 rater group");
                AppError::Internal
            })
        })
        .collect()
}

/// The settings a cycle was stored with.
pub fn settings_of(cycle: &siklus_360::Model) -> Result<CycleSettings, AppError> {
    let count = |n: i32| {
        u8::try_from(n).map_err(|_| {
            tracing::error!(cycle = %cycle.id, n, "impossible 360 count");
            AppError::Internal
        })
    };
    Ok(CycleSettings {
        title: cycle.title.clone(),
        window: Window {
            opens_on: cycle.opens_on,
            closes_on: cycle.closes_on,
        },
        min_answers: count(cycle.min_answers)?,
        min_peers: count(cycle.min_peers)?,
        max_peers: count(cycle.max_peers)?,
        groups: groups_of(cycle)?,
    })
}

pub async fn cycle(db: &impl ConnectionTrait, id: CycleId) -> Result<siklus_360::Model, AppError> {
    siklus_360::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn cycles_of_agency(
    db: &impl ConnectionTrait,
    agency: AgencyId,
) -> Result<Vec<siklus_360::Model>, AppError> {
    Ok(siklus_360::Entity::find()
        .filter(siklus_360::Column::InstansiId.eq(agency))
        .order_by_desc(siklus_360::Column::OpensOn)
        .order_by_desc(siklus_360::Column::Id)
        .all(db)
        .await?)
}

/// Creates a cycle in `draft` with its population.
pub async fn create_cycle(
    txn: &impl ConnectionTrait,
    agency: AgencyId,
    period: PeriodId,
    instrument: InstrumentId,
    settings: &CycleSettings,
    population: &[(EmployeeId, UnitId)],
    now: DateTime<Utc>,
) -> Result<CycleId, AppError> {
    let groups: Vec<&str> = settings.groups.iter().map(|g| g.as_str()).collect();
    let id = siklus_360::Entity::insert(siklus_360::ActiveModel {
        instansi_id: Set(agency),
        periode_id: Set(period),
        instrument_id: Set(instrument),
        title: Set(settings.title.clone()),
        state: Set(CycleState::Draft),
        opens_on: Set(settings.window.opens_on),
        closes_on: Set(settings.window.closes_on),
        min_answers: Set(i32::from(settings.min_answers)),
        min_peers: Set(i32::from(settings.min_peers)),
        max_peers: Set(i32::from(settings.max_peers)),
        groups: Set(groups.join(",")),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec(txn)
    .await?
    .last_insert_id;
    let rows: Vec<siklus_360_peserta::ActiveModel> = population
        .iter()
        .map(|(employee, unit)| siklus_360_peserta::ActiveModel {
            cycle_id: Set(id),
            employee_id: Set(*employee),
            unit_id: Set(*unit),
            nomination: Set(NominationState::Pending),
        })
        .collect();
    for chunk in rows.chunks(200) {
        siklus_360_peserta::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(txn)
            .await?;
    }
    Ok(id)
}

/// The people a cycle asks about, with their unit.
pub async fn population(
    db: &impl ConnectionTrait,
    cycle: CycleId,
) -> Result<Vec<siklus_360_peserta::Model>, AppError> {
    Ok(siklus_360_peserta::Entity::find()
        .filter(siklus_360_peserta::Column::CycleId.eq(cycle))
        .all(db)
        .await?)
}

/// Proposes raters from the organisation for every person of the cycle: the person
/// themselves, their direct superior, their direct reports, and colleagues of the same unit
/// under the same superior (at most `max_peers`, by name). Only the cycle's groups; the
/// employee's own form and the superior's are invited at once, the rest await the appraiser.
pub async fn propose_raters(
    txn: &impl ConnectionTrait,
    cycle: CycleId,
    settings: &CycleSettings,
) -> Result<u64, AppError> {
    let people = population(txn, cycle).await?;
    let ids: Vec<EmployeeId> = people.iter().map(|p| p.employee_id).collect();
    let units: BTreeSet<UnitId> = people.iter().map(|p| p.unit_id).collect();
    let mut records: HashMap<EmployeeId, pegawai::Model> = HashMap::new();
    for chunk in ids.chunks(500) {
        for p in pegawai::Entity::find()
            .filter(pegawai::Column::Id.is_in(chunk.iter().copied()))
            .all(txn)
            .await?
        {
            records.insert(p.id, p);
        }
    }
    // Everyone active in the units concerned: reports and colleagues come from there.
    let mut colleagues: Vec<pegawai::Model> = Vec::new();
    for chunk in units.iter().copied().collect::<Vec<_>>().chunks(200) {
        colleagues.extend(
            pegawai::Entity::find()
                .filter(pegawai::Column::UnitId.is_in(chunk.iter().copied()))
                .filter(pegawai::Column::Active.eq(true))
                .order_by_asc(pegawai::Column::Name)
                .all(txn)
                .await?,
        );
    }
    let mut reports: HashMap<EmployeeId, Vec<EmployeeId>> = HashMap::new();
    for p in pegawai::Entity::find()
        .filter(pegawai::Column::AtasanId.is_in(ids.iter().copied()))
        .filter(pegawai::Column::Active.eq(true))
        .order_by_asc(pegawai::Column::Name)
        .all(txn)
        .await?
    {
        if let Some(boss) = p.atasan_id {
            reports.entry(boss).or_default().push(p.id);
        }
    }
    let wants = |g: RaterGroup| settings.groups.contains(&g);
    let mut rows = Vec::new();
    let mut add = |ratee: EmployeeId, rater: EmployeeId, group: RaterGroup| {
        let state = if group.is_anonymous() {
            AssignmentState::Proposed
        } else {
            AssignmentState::Invited
        };
        rows.push(penugasan_360::ActiveModel {
            cycle_id: Set(cycle),
            ratee_id: Set(ratee),
            rater_id: Set(rater),
            rater_group: Set(group),
            state: Set(state),
            reminded_on: Set(None),
            ..Default::default()
        });
    };
    for person in &people {
        let Some(record) = records.get(&person.employee_id) else {
            continue;
        };
        let ratee = record.id;
        if wants(RaterGroup::Oneself) {
            add(ratee, ratee, RaterGroup::Oneself);
        }
        if wants(RaterGroup::Superior)
            && let Some(boss) = record.atasan_id.filter(|b| *b != ratee)
        {
            add(ratee, boss, RaterGroup::Superior);
        }
        if wants(RaterGroup::Subordinate) {
            for report in reports.get(&ratee).into_iter().flatten() {
                if *report != ratee {
                    add(ratee, *report, RaterGroup::Subordinate);
                }
            }
        }
        if wants(RaterGroup::Peer) {
            let superior = record.atasan_id;
            let subordinates = reports.get(&ratee).cloned().unwrap_or_default();
            colleagues
                .iter()
                .filter(|c| {
                    c.unit_id == record.unit_id
                        && c.id != ratee
                        && c.atasan_id == superior
                        && Some(c.id) != superior
                        && !subordinates.contains(&c.id)
                })
                .take(usize::from(settings.max_peers))
                .for_each(|c| add(ratee, c.id, RaterGroup::Peer));
        }
    }
    let count = rows.len() as u64;
    for chunk in rows.chunks(200) {
        penugasan_360::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(txn)
            .await?;
    }
    Ok(count)
}

/// Moves a cycle from `from` to `to` if nobody changed it since `version` was read.
pub async fn move_cycle(
    txn: &impl ConnectionTrait,
    id: CycleId,
    from: CycleState,
    to: CycleState,
    version: i32,
    closes_on: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let mut update = siklus_360::Entity::update_many()
        .col_expr(siklus_360::Column::State, Expr::value(to))
        .col_expr(siklus_360::Column::Version, Expr::value(version + 1))
        .col_expr(siklus_360::Column::UpdatedAt, Expr::value(now));
    if let Some(day) = closes_on {
        update = update.col_expr(siklus_360::Column::ClosesOn, Expr::value(day));
    }
    let moved = update
        .filter(siklus_360::Column::Id.eq(id))
        .filter(siklus_360::Column::State.eq(from))
        .filter(siklus_360::Column::Version.eq(version))
        .exec(txn)
        .await?;
    Ok(moved.rows_affected == 1)
}

/// Moves every assignment of the cycle standing at `from` to `to` (opening invites whoever is
/// still proposed; closing expires whoever did not answer).
pub async fn move_assignments(
    txn: &impl ConnectionTrait,
    cycle: CycleId,
    from: AssignmentState,
    to: AssignmentState,
) -> Result<u64, AppError> {
    crate::live::outbox::note(crate::live::Topic::Cycle360(cycle));
    Ok(penugasan_360::Entity::update_many()
        .col_expr(penugasan_360::Column::State, Expr::value(to))
        .filter(penugasan_360::Column::CycleId.eq(cycle))
        .filter(penugasan_360::Column::State.eq(from))
        .exec(txn)
        .await?
        .rows_affected)
}

pub async fn assignment(
    db: &impl ConnectionTrait,
    id: AssignmentId,
) -> Result<penugasan_360::Model, AppError> {
    penugasan_360::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

pub async fn assignments(
    db: &impl ConnectionTrait,
    cycle: CycleId,
) -> Result<Vec<penugasan_360::Model>, AppError> {
    Ok(penugasan_360::Entity::find()
        .filter(penugasan_360::Column::CycleId.eq(cycle))
        .order_by_asc(penugasan_360::Column::RateeId)
        .order_by_asc(penugasan_360::Column::Id)
        .all(db)
        .await?)
}

/// A form waiting for a rater, with what the desk shows about it.
#[derive(Clone, Debug)]
pub struct PendingForm {
    pub assignment: AssignmentId,
    pub cycle: CycleId,
    pub ratee: EmployeeId,
    pub ratee_name: String,
    pub group: RaterGroup,
    pub closes_on: NaiveDate,
}

/// The forms waiting for `rater` in open cycles whose window has begun.
pub async fn pending_for(
    db: &impl ConnectionTrait,
    rater: EmployeeId,
    today: NaiveDate,
) -> Result<Vec<PendingForm>, AppError> {
    let waiting = penugasan_360::Entity::find()
        .filter(penugasan_360::Column::RaterId.eq(rater))
        .filter(penugasan_360::Column::State.eq(AssignmentState::Invited))
        .all(db)
        .await?;
    if waiting.is_empty() {
        return Ok(Vec::new());
    }
    let cycle_ids: BTreeSet<CycleId> = waiting.iter().map(|a| a.cycle_id).collect();
    let cycles: HashMap<CycleId, siklus_360::Model> = siklus_360::Entity::find()
        .filter(siklus_360::Column::Id.is_in(cycle_ids))
        .filter(siklus_360::Column::State.eq(CycleState::Open))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let ratee_ids: BTreeSet<EmployeeId> = waiting.iter().map(|a| a.ratee_id).collect();
    let names: HashMap<EmployeeId, String> = pegawai::Entity::find()
        .filter(pegawai::Column::Id.is_in(ratee_ids))
        .select_only()
        .column(pegawai::Column::Id)
        .column(pegawai::Column::Name)
        .into_tuple::<(EmployeeId, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut forms: Vec<PendingForm> = waiting
        .into_iter()
        .filter_map(|a| {
            let cycle = cycles.get(&a.cycle_id)?;
            let window = Window {
                opens_on: cycle.opens_on,
                closes_on: cycle.closes_on,
            };
            window.accepts_on(today).then(|| PendingForm {
                assignment: a.id,
                cycle: a.cycle_id,
                ratee: a.ratee_id,
                ratee_name: names.get(&a.ratee_id).cloned().unwrap_or_default(),
                group: a.rater_group,
                closes_on: cycle.closes_on,
            })
        })
        .collect();
    // The employee's own form first, then by deadline and name.
    forms.sort_by(|a, b| {
        (a.group != RaterGroup::Oneself, a.closes_on, &a.ratee_name).cmp(&(
            b.group != RaterGroup::Oneself,
            b.closes_on,
            &b.ratee_name,
        ))
    });
    Ok(forms)
}

/// Random hex: the answer tables' keys say nothing about the order of submission.
fn random_key() -> String {
    use rand_core::RngCore;
    let mut bytes = [0u8; 16];
    rand_core::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Records an answer. The assignment moves from `invited` to `submitted` — which only one
/// request can do, so a second submission is a conflict and stores nothing — and the scores
/// and comments are written apart from it, with the day only. Call inside a transaction.
pub async fn submit(
    txn: &impl ConnectionTrait,
    assignment: &penugasan_360::Model,
    answers: &Answers,
    today: NaiveDate,
) -> Result<(), AppError> {
    crate::live::outbox::note(crate::live::Topic::Cycle360(assignment.cycle_id));
    let marked = penugasan_360::Entity::update_many()
        .col_expr(
            penugasan_360::Column::State,
            Expr::value(AssignmentState::Submitted),
        )
        .filter(penugasan_360::Column::Id.eq(assignment.id))
        .filter(penugasan_360::Column::State.eq(AssignmentState::Invited))
        .exec(txn)
        .await?;
    if marked.rows_affected != 1 {
        return Err(AppError::Conflict);
    }
    store_answer(
        txn,
        assignment.cycle_id,
        Some(assignment.ratee_id),
        None,
        assignment.rater_group,
        answers,
        today,
    )
    .await
}

/// Writes the scores and comments of one answer: the cycle, who or which unit is rated, the
/// group and the day, nothing else.
pub async fn store_answer(
    txn: &impl ConnectionTrait,
    cycle: CycleId,
    ratee: Option<EmployeeId>,
    unit: Option<UnitId>,
    group: RaterGroup,
    answers: &Answers,
    today: NaiveDate,
) -> Result<(), AppError> {
    let scores = serde_json::to_string(&answers.scores).map_err(|_| AppError::Internal)?;
    jawaban_360::Entity::insert(jawaban_360::ActiveModel {
        id: Set(random_key()),
        cycle_id: Set(cycle),
        ratee_id: Set(ratee),
        unit_id: Set(unit),
        rater_group: Set(group),
        submitted_on: Set(today),
        scores: Set(scores),
    })
    .exec_without_returning(txn)
    .await?;
    let comments: Vec<komentar_360::ActiveModel> = answers
        .comments
        .iter()
        .map(|(value, text)| komentar_360::ActiveModel {
            id: Set(random_key()),
            cycle_id: Set(cycle),
            ratee_id: Set(ratee),
            unit_id: Set(unit),
            rater_group: Set(group),
            core_value: Set(i32::from(*value)),
            text: Set(text.clone()),
            hidden: Set(false),
        })
        .collect();
    if !comments.is_empty() {
        komentar_360::Entity::insert_many(comments)
            .exec_without_returning(txn)
            .await?;
    }
    Ok(())
}

/// The answers about one person, as the report reads them. A stored score no scale holds
/// fails closed.
pub async fn responses(
    db: &impl ConnectionTrait,
    cycle: CycleId,
    ratee: EmployeeId,
) -> Result<Vec<ResponseRow>, AppError> {
    jawaban_360::Entity::find()
        .filter(jawaban_360::Column::CycleId.eq(cycle))
        .filter(jawaban_360::Column::RateeId.eq(ratee))
        .all(db)
        .await?
        .into_iter()
        .map(|row| response_row(cycle, row))
        .collect()
}

/// The answers about each of `people`, as a unit's summary pools them (500 people a query).
pub async fn responses_about(
    db: &impl ConnectionTrait,
    cycle: CycleId,
    people: &[EmployeeId],
) -> Result<HashMap<EmployeeId, Vec<ResponseRow>>, AppError> {
    let mut by_person: HashMap<EmployeeId, Vec<ResponseRow>> = HashMap::new();
    for chunk in people.chunks(500) {
        for row in jawaban_360::Entity::find()
            .filter(jawaban_360::Column::CycleId.eq(cycle))
            .filter(jawaban_360::Column::RateeId.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            let Some(ratee) = row.ratee_id else { continue };
            by_person
                .entry(ratee)
                .or_default()
                .push(response_row(cycle, row)?);
        }
    }
    Ok(by_person)
}

/// The answers service users gave about a unit through its public links.
pub async fn unit_responses(
    db: &impl ConnectionTrait,
    cycle: CycleId,
    unit: UnitId,
) -> Result<Vec<ResponseRow>, AppError> {
    jawaban_360::Entity::find()
        .filter(jawaban_360::Column::CycleId.eq(cycle))
        .filter(jawaban_360::Column::RateeId.is_null())
        .filter(jawaban_360::Column::UnitId.eq(unit))
        .all(db)
        .await?
        .into_iter()
        .map(|row| response_row(cycle, row))
        .collect()
}

fn response_row(cycle: CycleId, row: jawaban_360::Model) -> Result<ResponseRow, AppError> {
    let scores: Vec<(u16, Score)> = serde_json::from_str(&row.scores).map_err(|_| {
        tracing::error!(cycle = %cycle, "unreadable 360 scores");
        AppError::Internal
    })?;
    let scale = 1..=crate::domain::feedback360::SCALE_MAX;
    if scores
        .iter()
        .any(|(_, s)| s.is_some_and(|s| !scale.contains(&s)))
    {
        tracing::error!(cycle = %cycle, "360 score outside the scale");
        return Err(AppError::Internal);
    }
    Ok(ResponseRow {
        group: row.rater_group,
        scores,
    })
}

pub async fn comments(
    db: &impl ConnectionTrait,
    cycle: CycleId,
    ratee: EmployeeId,
) -> Result<Vec<CommentRow>, AppError> {
    let rows = komentar_360::Entity::find()
        .filter(komentar_360::Column::CycleId.eq(cycle))
        .filter(komentar_360::Column::RateeId.eq(ratee))
        .all(db)
        .await?;
    Ok(comment_rows(rows))
}

fn comment_rows(rows: Vec<komentar_360::Model>) -> Vec<CommentRow> {
    rows.into_iter()
        .enumerate()
        .filter_map(|(i, c)| {
            Some(CommentRow {
                key: i64::from_str_radix(c.id.get(..15)?, 16).unwrap_or(i as i64),
                group: c.rater_group,
                value: u8::try_from(c.core_value).ok()?,
                text: c.text,
                hidden: c.hidden,
            })
        })
        .collect()
}

/// The comments service users left about a unit through its public links.
pub async fn unit_comments(
    db: &impl ConnectionTrait,
    cycle: CycleId,
    unit: UnitId,
) -> Result<Vec<CommentRow>, AppError> {
    let rows = komentar_360::Entity::find()
        .filter(komentar_360::Column::CycleId.eq(cycle))
        .filter(komentar_360::Column::RateeId.is_null())
        .filter(komentar_360::Column::UnitId.eq(unit))
        .all(db)
        .await?;
    Ok(comment_rows(rows))
}

/// Invited and answered assignments per person rated (the employee's own form not counted:
/// the dashboard measures what others said).
pub async fn completion(
    db: &impl ConnectionTrait,
    cycle: CycleId,
) -> Result<HashMap<EmployeeId, (u32, u32)>, AppError> {
    let rows: Vec<(EmployeeId, RaterGroup, AssignmentState)> = penugasan_360::Entity::find()
        .filter(penugasan_360::Column::CycleId.eq(cycle))
        .select_only()
        .column(penugasan_360::Column::RateeId)
        .column(penugasan_360::Column::RaterGroup)
        .column(penugasan_360::Column::State)
        .into_tuple()
        .all(db)
        .await?;
    let mut counts: HashMap<EmployeeId, (u32, u32)> = HashMap::new();
    for (ratee, group, state) in rows {
        if group == RaterGroup::Oneself || state == AssignmentState::Proposed {
            continue;
        }
        let entry = counts.entry(ratee).or_default();
        entry.0 += 1;
        if state == AssignmentState::Submitted {
            entry.1 += 1;
        }
    }
    Ok(counts)
}

/// How many answers are stored for a cycle (external ones included).
pub async fn answer_count(db: &impl ConnectionTrait, cycle: CycleId) -> Result<u64, AppError> {
    Ok(jawaban_360::Entity::find()
        .filter(jawaban_360::Column::CycleId.eq(cycle))
        .count(db)
        .await?)
}

/// What a public link collects answers about; a row with both or neither fails closed.
pub fn target_of(link: &tautan_360::Model) -> Result<LinkTarget, AppError> {
    match (link.ratee_id, link.unit_id) {
        (Some(employee), None) => Ok(LinkTarget::Employee(employee)),
        (None, Some(unit)) => Ok(LinkTarget::Unit(unit)),
        _ => {
            tracing::error!(link = %link.id, "public 360 link with no single target");
            Err(AppError::Internal)
        }
    }
}

/// A new public link for `target`, with a fresh random token (128 bits, base64url: 22
/// characters, so the poster's QR code stays small enough to scan from a distance). `None`
/// when the target has a link in this cycle already.
pub async fn create_link(
    txn: &impl ConnectionTrait,
    cycle: CycleId,
    target: LinkTarget,
    now: DateTime<Utc>,
) -> Result<Option<tautan_360::Model>, AppError> {
    use base64::Engine as _;
    use rand_core::RngCore;
    let mut bytes = [0u8; 16];
    rand_core::OsRng.fill_bytes(&mut bytes);
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    let (ratee_id, unit_id) = match target {
        LinkTarget::Employee(id) => (Some(id), None),
        LinkTarget::Unit(id) => (None, Some(id)),
    };
    let inserted = tautan_360::Entity::insert(tautan_360::ActiveModel {
        cycle_id: Set(cycle),
        token: Set(token),
        ratee_id: Set(ratee_id),
        unit_id: Set(unit_id),
        created_at: Set(now),
        ..Default::default()
    })
    .exec_with_returning(txn)
    .await;
    match inserted {
        Ok(link) => Ok(Some(link)),
        Err(err)
            if matches!(
                err.sql_err(),
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
            ) =>
        {
            Ok(None)
        }
        Err(err) => Err(err.into()),
    }
}

/// The public links of a cycle, oldest first.
pub async fn links(
    db: &impl ConnectionTrait,
    cycle: CycleId,
) -> Result<Vec<tautan_360::Model>, AppError> {
    Ok(tautan_360::Entity::find()
        .filter(tautan_360::Column::CycleId.eq(cycle))
        .order_by_asc(tautan_360::Column::Id)
        .all(db)
        .await?)
}

pub async fn link(
    db: &impl ConnectionTrait,
    id: PublicLinkId,
) -> Result<tautan_360::Model, AppError> {
    tautan_360::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// The link a token names. Only well-formed tokens reach the database.
pub async fn link_by_token(
    db: &impl ConnectionTrait,
    token: &str,
) -> Result<tautan_360::Model, AppError> {
    let well_formed = (16..=43).contains(&token.len())
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !well_formed {
        return Err(AppError::NotFound);
    }
    tautan_360::Entity::find()
        .filter(tautan_360::Column::Token.eq(token))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

/// Removes a link (and with it which devices have used it); the answers stay.
pub async fn delete_link(
    txn: &impl ConnectionTrait,
    cycle: CycleId,
    id: PublicLinkId,
) -> Result<bool, AppError> {
    perangkat_360::Entity::delete_many()
        .filter(perangkat_360::Column::LinkId.eq(id))
        .exec(txn)
        .await?;
    let deleted = tautan_360::Entity::delete_many()
        .filter(tautan_360::Column::Id.eq(id))
        .filter(tautan_360::Column::CycleId.eq(cycle))
        .exec(txn)
        .await?;
    Ok(deleted.rows_affected == 1)
}

/// Whether the device with this hashed token has answered through the link.
pub async fn device_answered(
    db: &impl ConnectionTrait,
    link: PublicLinkId,
    device_hash: &str,
) -> Result<bool, AppError> {
    Ok(
        perangkat_360::Entity::find_by_id((link, device_hash.to_owned()))
            .one(db)
            .await?
            .is_some(),
    )
}

/// Records that the device answered through the link; `false` if it already had, which only
/// one of two simultaneous requests can be told otherwise. Call inside the answer's transaction.
pub async fn claim_device(
    txn: &impl ConnectionTrait,
    link: PublicLinkId,
    device_hash: &str,
) -> Result<bool, AppError> {
    let inserted = perangkat_360::Entity::insert(perangkat_360::ActiveModel {
        link_id: Set(link),
        device_hash: Set(device_hash.to_owned()),
    })
    .on_conflict(
        OnConflict::columns([
            perangkat_360::Column::LinkId,
            perangkat_360::Column::DeviceHash,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(txn)
    .await?;
    Ok(inserted == 1)
}

/// Counts one more answer through `link` in `hour` and returns the hour's count so far. Counts
/// of earlier hours are deleted on the way: they only ever served that hour's limit.
pub async fn count_public_answer(
    txn: &impl ConnectionTrait,
    link: PublicLinkId,
    hour: i64,
) -> Result<u32, AppError> {
    let bucket = format!("link:{link}");
    batas_360::Entity::delete_many()
        .filter(batas_360::Column::Hour.lt(hour))
        .exec(txn)
        .await?;
    batas_360::Entity::insert(batas_360::ActiveModel {
        bucket: Set(bucket.clone()),
        hour: Set(hour),
        count: Set(1),
    })
    .on_conflict(
        OnConflict::columns([batas_360::Column::Bucket, batas_360::Column::Hour])
            .value(
                batas_360::Column::Count,
                Expr::col((batas_360::Entity, batas_360::Column::Count)).add(1),
            )
            .to_owned(),
    )
    .exec_without_returning(txn)
    .await?;
    let count = batas_360::Entity::find_by_id((bucket, hour))
        .one(txn)
        .await?
        .map_or(0, |row| row.count);
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// Answers given through public links, per person and per unit rated.
pub async fn external_counts(
    db: &impl ConnectionTrait,
    cycle: CycleId,
) -> Result<HashMap<LinkTarget, u32>, AppError> {
    let rows: Vec<(Option<EmployeeId>, Option<UnitId>)> = jawaban_360::Entity::find()
        .filter(jawaban_360::Column::CycleId.eq(cycle))
        .filter(jawaban_360::Column::RaterGroup.eq(RaterGroup::External))
        .select_only()
        .column(jawaban_360::Column::RateeId)
        .column(jawaban_360::Column::UnitId)
        .into_tuple()
        .all(db)
        .await?;
    let mut counts = HashMap::new();
    for row in rows {
        let target = match row {
            (Some(employee), _) => LinkTarget::Employee(employee),
            (None, Some(unit)) => LinkTarget::Unit(unit),
            (None, None) => continue,
        };
        *counts.entry(target).or_insert(0) += 1;
    }
    Ok(counts)
}

/// The employees of `ids`, read 500 at a time (the population of a large cycle).
pub async fn employees(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = EmployeeId>,
) -> Result<HashMap<EmployeeId, pegawai::Model>, AppError> {
    let ids: Vec<EmployeeId> = ids
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut map = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        for person in pegawai::Entity::find()
            .filter(pegawai::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?
        {
            map.insert(person.id, person);
        }
    }
    Ok(map)
}

/// The names of the units of `ids`.
pub async fn unit_names(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = UnitId>,
) -> Result<HashMap<UnitId, String>, AppError> {
    let ids: Vec<UnitId> = ids
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut map = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let rows: Vec<(UnitId, String)> = unit_kerja::Entity::find()
            .filter(unit_kerja::Column::Id.is_in(chunk.iter().copied()))
            .select_only()
            .column(unit_kerja::Column::Id)
            .column(unit_kerja::Column::Name)
            .into_tuple()
            .all(db)
            .await?;
        map.extend(rows);
    }
    Ok(map)
}
