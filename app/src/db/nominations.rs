//! Storage of 360° peer nominations. The list itself is the cycle's proposed peer assignments
//! (the organisation proposes them when the cycle is created; the employee and then the
//! appraiser change them); the participant row says whose hands the list is in.

use super::directory::like_literal;
use super::entities::{pegawai, penugasan_360, siklus_360, siklus_360_peserta};
use crate::domain::feedback360::{AssignmentState, CycleState, NominationState, RaterGroup};
use crate::domain::ids::{AgencyId, CycleId, EmployeeId};
use crate::error::AppError;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How many people a name search offers at most, and how much of a name it needs.
pub const SEARCH_LIMIT: u64 = 20;
pub const SEARCH_MIN_CHARS: usize = 3;

/// `employee`'s row in the cycle's population, if they are in it.
pub async fn participant(
    db: &impl ConnectionTrait,
    cycle: CycleId,
    employee: EmployeeId,
) -> Result<Option<siklus_360_peserta::Model>, AppError> {
    Ok(siklus_360_peserta::Entity::find_by_id((cycle, employee))
        .one(db)
        .await?)
}

/// Everyone who rates `ratee` in the cycle, in any group and state: `(rater, group)`.
pub async fn raters_of(
    db: &impl ConnectionTrait,
    cycle: CycleId,
    ratee: EmployeeId,
) -> Result<Vec<(EmployeeId, RaterGroup)>, AppError> {
    Ok(penugasan_360::Entity::find()
        .filter(penugasan_360::Column::CycleId.eq(cycle))
        .filter(penugasan_360::Column::RateeId.eq(ratee))
        .order_by_asc(penugasan_360::Column::Id)
        .select_only()
        .column(penugasan_360::Column::RaterId)
        .column(penugasan_360::Column::RaterGroup)
        .into_tuple()
        .all(db)
        .await?)
}

/// Makes `peers` the peers proposed to rate `ratee`: removes the others, adds the missing ones.
/// Only for a cycle taking nominations, where every assignment is still proposed.
pub async fn set_peers(
    txn: &impl ConnectionTrait,
    cycle: CycleId,
    ratee: EmployeeId,
    peers: &[EmployeeId],
) -> Result<(), AppError> {
    crate::live::outbox::note(crate::live::Topic::Cycle360(cycle));
    penugasan_360::Entity::delete_many()
        .filter(penugasan_360::Column::CycleId.eq(cycle))
        .filter(penugasan_360::Column::RateeId.eq(ratee))
        .filter(penugasan_360::Column::RaterGroup.eq(RaterGroup::Peer))
        .filter(penugasan_360::Column::State.eq(AssignmentState::Proposed))
        .filter(penugasan_360::Column::RaterId.is_not_in(peers.iter().copied()))
        .exec(txn)
        .await?;
    let kept: BTreeSet<EmployeeId> = raters_of(txn, cycle, ratee)
        .await?
        .into_iter()
        .filter(|(_, group)| *group == RaterGroup::Peer)
        .map(|(rater, _)| rater)
        .collect();
    let rows: Vec<penugasan_360::ActiveModel> = peers
        .iter()
        .filter(|p| !kept.contains(p))
        .map(|&rater| penugasan_360::ActiveModel {
            cycle_id: Set(cycle),
            ratee_id: Set(ratee),
            rater_id: Set(rater),
            rater_group: Set(RaterGroup::Peer),
            state: Set(AssignmentState::Proposed),
            reminded_on: Set(None),
            ..Default::default()
        })
        .collect();
    if !rows.is_empty() {
        penugasan_360::Entity::insert_many(rows)
            .exec_without_returning(txn)
            .await?;
    }
    Ok(())
}

/// Holds the cycle in its nomination state until the transaction ends: a guarded write to its
/// row (PostgreSQL locks the row against the admin's opening; SQLite takes its one writer
/// lock). `false` when the cycle no longer takes nominations. The version is left alone, so an
/// admin's page stays current.
pub async fn hold_nominating(txn: &impl ConnectionTrait, cycle: CycleId) -> Result<bool, AppError> {
    Ok(siklus_360::Entity::update_many()
        .col_expr(
            siklus_360::Column::UpdatedAt,
            Expr::col(siklus_360::Column::UpdatedAt),
        )
        .filter(siklus_360::Column::Id.eq(cycle))
        .filter(siklus_360::Column::State.eq(CycleState::Nominating))
        .exec(txn)
        .await?
        .rows_affected
        == 1)
}

/// Moves `employee`'s nomination from `from` to `to`; `false` when it no longer stood at
/// `from` (someone else acted first).
pub async fn move_nomination(
    txn: &impl ConnectionTrait,
    cycle: CycleId,
    employee: EmployeeId,
    from: NominationState,
    to: NominationState,
) -> Result<bool, AppError> {
    Ok(siklus_360_peserta::Entity::update_many()
        .col_expr(siklus_360_peserta::Column::Nomination, Expr::value(to))
        .filter(siklus_360_peserta::Column::CycleId.eq(cycle))
        .filter(siklus_360_peserta::Column::EmployeeId.eq(employee))
        .filter(siklus_360_peserta::Column::Nomination.eq(from))
        .exec(txn)
        .await?
        .rows_affected
        == 1)
}

/// How many people of the cycle stand at each nomination state.
pub async fn nomination_counts(
    db: &impl ConnectionTrait,
    cycle: CycleId,
) -> Result<BTreeMap<&'static str, u32>, AppError> {
    let states: Vec<NominationState> = siklus_360_peserta::Entity::find()
        .filter(siklus_360_peserta::Column::CycleId.eq(cycle))
        .select_only()
        .column(siklus_360_peserta::Column::Nomination)
        .into_tuple()
        .all(db)
        .await?;
    let mut counts = BTreeMap::new();
    for state in states {
        *counts.entry(state.as_str()).or_insert(0) += 1;
    }
    Ok(counts)
}

/// Of the cycles of `rows`, those taking nominations.
async fn nominating(
    db: &impl ConnectionTrait,
    rows: &[siklus_360_peserta::Model],
) -> Result<HashMap<CycleId, siklus_360::Model>, AppError> {
    Ok(siklus_360::Entity::find()
        .filter(siklus_360::Column::Id.is_in(rows.iter().map(|r| r.cycle_id)))
        .filter(siklus_360::Column::State.eq(CycleState::Nominating))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect())
}

/// The cycles taking nominations in which `employee` is rated, with where their list stands.
pub async fn nominations_of(
    db: &impl ConnectionTrait,
    employee: EmployeeId,
) -> Result<Vec<(siklus_360::Model, NominationState)>, AppError> {
    let rows = siklus_360_peserta::Entity::find()
        .filter(siklus_360_peserta::Column::EmployeeId.eq(employee))
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let cycles = nominating(db, &rows).await?;
    let mut list: Vec<(siklus_360::Model, NominationState)> = rows
        .into_iter()
        .filter_map(|r| cycles.get(&r.cycle_id).map(|c| (c.clone(), r.nomination)))
        .collect();
    list.sort_by_key(|(c, _)| (c.opens_on, c.id));
    Ok(list)
}

/// Lists handed to `appraiser` and not yet approved: `(cycle, employee)` for the people whose
/// appraiser of record they are, in cycles still taking nominations.
pub async fn waiting_for_approval(
    db: &impl ConnectionTrait,
    appraiser: EmployeeId,
) -> Result<Vec<(siklus_360::Model, pegawai::Model)>, AppError> {
    let people: HashMap<EmployeeId, pegawai::Model> = pegawai::Entity::find()
        .filter(pegawai::Column::PenilaiId.eq(appraiser))
        .filter(pegawai::Column::Id.ne(appraiser))
        .filter(pegawai::Column::Active.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    if people.is_empty() {
        return Ok(Vec::new());
    }
    let rows = siklus_360_peserta::Entity::find()
        .filter(siklus_360_peserta::Column::EmployeeId.is_in(people.keys().copied()))
        .filter(siklus_360_peserta::Column::Nomination.eq(NominationState::Submitted))
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let cycles = nominating(db, &rows).await?;
    let mut list: Vec<(siklus_360::Model, pegawai::Model)> = rows
        .into_iter()
        .filter_map(|r| {
            Some((
                cycles.get(&r.cycle_id)?.clone(),
                people.get(&r.employee_id)?.clone(),
            ))
        })
        .collect();
    list.sort_by(|a, b| (a.0.opens_on, &a.1.name).cmp(&(b.0.opens_on, &b.1.name)));
    Ok(list)
}

/// The people a list may offer for `ratee`: the active colleagues of their unit and, when
/// `search` has words, the active people of the agency whose name holds every word (at most
/// [`SEARCH_LIMIT`]). By name.
pub async fn candidates(
    db: &impl ConnectionTrait,
    agency: AgencyId,
    ratee: &pegawai::Model,
    search: &str,
) -> Result<Vec<pegawai::Model>, AppError> {
    let mut found: BTreeMap<EmployeeId, pegawai::Model> = pegawai::Entity::find()
        .filter(pegawai::Column::UnitId.eq(ratee.unit_id))
        .filter(pegawai::Column::Active.eq(true))
        .filter(pegawai::Column::Id.ne(ratee.id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let words: Vec<String> = search.split_whitespace().map(str::to_lowercase).collect();
    // A name, not a letter: the search finds colleagues, it does not list the agency.
    if words.iter().map(|w| w.chars().count()).sum::<usize>() >= SEARCH_MIN_CHARS {
        let mut condition = Condition::all()
            .add(pegawai::Column::InstansiId.eq(agency))
            .add(pegawai::Column::Active.eq(true))
            .add(pegawai::Column::Id.ne(ratee.id));
        for word in &words {
            condition = condition.add(
                Expr::col((pegawai::Entity, pegawai::Column::NameSearch))
                    .like(like_literal("%", word, "%")),
            );
        }
        for p in pegawai::Entity::find()
            .filter(condition)
            .order_by_asc(pegawai::Column::NameSearch)
            .limit(SEARCH_LIMIT)
            .all(db)
            .await?
        {
            found.insert(p.id, p);
        }
    }
    let mut list: Vec<pegawai::Model> = found.into_values().collect();
    list.sort_by(|a, b| a.name_search.cmp(&b.name_search));
    Ok(list)
}

/// Of `ids`, those that are active people of `agency` (what a posted list may name).
pub async fn active_in_agency(
    db: &impl ConnectionTrait,
    agency: AgencyId,
    ids: &[EmployeeId],
) -> Result<BTreeSet<EmployeeId>, AppError> {
    if ids.is_empty() {
        return Ok(BTreeSet::new());
    }
    Ok(pegawai::Entity::find()
        .filter(pegawai::Column::Id.is_in(ids.iter().copied()))
        .filter(pegawai::Column::InstansiId.eq(agency))
        .filter(pegawai::Column::Active.eq(true))
        .select_only()
        .column(pegawai::Column::Id)
        .into_tuple::<EmployeeId>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}
