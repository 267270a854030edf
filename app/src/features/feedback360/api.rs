//! Server functions of 360° feedback: parse, ask the policy, apply `domain::feedback360`, store
//! through `db::feedback360`.
//!
//! Answering is deliberately not audited and logs nothing about the rater: the audit log records
//! who did what when, and a rater's name next to a time would undo the anonymity of the answer
//! stored that day. That an assignment was answered is all that is kept.

// A form's server function takes one argument per field.
#![allow(clippy::too_many_arguments)]

use super::types::*;
use crate::domain::ids::{AssignmentId, CycleId};
use crate::error::AppError;
use leptos::prelude::*;
use std::collections::HashMap;

#[server(endpoint = "admin/360")]
pub async fn load_cycles() -> Result<CycleList, AppError> {
    crate::state::respond(ssr::list().await)
}

/// The group boxes are checkboxes: present (any value) means the group takes part.
#[server(endpoint = "admin/360/create")]
pub async fn create_cycle(
    title: String,
    unit_id: String,
    opens_on: String,
    closes_on: String,
    min_answers: String,
    min_peers: String,
    max_peers: String,
    superior: Option<String>,
    oneself: Option<String>,
    peer: Option<String>,
    subordinate: Option<String>,
    external: Option<String>,
) -> Result<(), AppError> {
    let draft = crate::domain::feedback360::CycleDraft {
        title,
        opens_on,
        closes_on,
        min_answers,
        min_peers,
        max_peers,
        groups: [
            (superior, crate::domain::feedback360::RaterGroup::Superior),
            (oneself, crate::domain::feedback360::RaterGroup::Oneself),
            (peer, crate::domain::feedback360::RaterGroup::Peer),
            (
                subordinate,
                crate::domain::feedback360::RaterGroup::Subordinate,
            ),
            (external, crate::domain::feedback360::RaterGroup::External),
        ]
        .into_iter()
        .filter_map(|(checked, group)| checked.map(|_| group))
        .collect(),
    };
    crate::state::respond(ssr::create(draft, unit_id).await)
}

#[server(endpoint = "admin/360/view")]
pub async fn load_cycle(id: CycleId) -> Result<CycleView, AppError> {
    crate::state::respond(ssr::view(id).await)
}

/// `closes_on`: the new last day, for an extension only.
#[server(endpoint = "admin/360/event")]
pub async fn fire_cycle_event(
    id: CycleId,
    version: i32,
    event: String,
    closes_on: Option<String>,
) -> Result<(), AppError> {
    crate::state::respond(ssr::fire(id, version, event, closes_on.unwrap_or_default()).await)
}

#[server(endpoint = "360/mine")]
pub async fn load_my_forms() -> Result<MyForms, AppError> {
    crate::state::respond(ssr::mine().await)
}

#[server(endpoint = "360/form")]
pub async fn load_rater_form(id: AssignmentId) -> Result<RaterForm, AppError> {
    crate::state::respond(ssr::form(id).await)
}

/// `scores[n]` is statement `n`'s point on the scale or `na`; `comments[v]` the optional comment
/// on core value `v`.
#[server(endpoint = "360/answer")]
pub async fn answer_feedback(
    id: AssignmentId,
    #[server(default)] scores: HashMap<String, String>,
    #[server(default)] comments: HashMap<String, String>,
) -> Result<(), AppError> {
    crate::state::respond(ssr::answer(id, scores, comments).await)
}

/// The report of `employee` in a released cycle: the employee and their appraisers only.
#[server(endpoint = "360/report")]
pub async fn load_report(
    cycle: CycleId,
    employee: crate::domain::ids::EmployeeId,
) -> Result<ReportView, AppError> {
    crate::state::respond(ssr::report(cycle, employee).await)
}

/// Hides (or shows again) an abusive comment of a closed cycle before its release.
#[server(endpoint = "admin/360/comment")]
pub async fn moderate_comment(id: CycleId, comment: String, hidden: bool) -> Result<(), AppError> {
    crate::state::respond(ssr::moderate(id, comment, hidden).await)
}

#[cfg(feature = "ssr")]
pub(super) mod ssr {
    use super::*;
    use crate::auth::server::ClientInfo;
    use crate::db::agency::Agency;
    use crate::db::audit::{self, Entry};
    use crate::db::entities::{pegawai, siklus_360, unit_kerja};
    use crate::db::feedback360 as store;
    use crate::domain::access::{Action, Actor, Target, UnitPath, authorize};
    use crate::domain::employee::display_name;
    use crate::domain::feedback360::{
        AnswerDraft, AssignmentState, CycleDraft, CycleEvent, CycleParty, NominationState,
        RaterGroup, check_extension, rate_flag, response_rate, transition,
    };
    use crate::domain::ids::{EmployeeId, UnitId};
    use crate::domain::notification::NotificationKind;
    use crate::domain::vocabulary::IntoEnumIterator as _;
    use crate::error::FormErrors;
    use crate::state::{self, CurrentUser};
    use chrono::{Duration, NaiveDate, Utc};
    use sea_orm::{
        ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
        TransactionTrait,
    };
    use std::collections::{BTreeMap, HashSet};

    pub(in crate::features::feedback360) async fn signed_in()
    -> Result<(DatabaseConnection, CurrentUser, Agency), AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let agency = crate::db::agency::primary(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok((db, user, agency))
    }

    pub(in crate::features::feedback360) async fn today(
        agency: &Agency,
    ) -> Result<NaiveDate, AppError> {
        Ok(state::clock()?.today_in(agency.time_zone))
    }

    /// The open units the actor may run cycles over, widest first (tree order).
    async fn manageable_units(
        db: &impl ConnectionTrait,
        actor: &Actor,
        agency: &Agency,
    ) -> Result<Vec<unit_kerja::Model>, AppError> {
        Ok(crate::db::units::within(db, None)
            .await?
            .into_iter()
            .filter(|u| u.closed_at.is_none() && u.instansi_id == agency.id)
            .filter(|u| {
                authorize(
                    actor,
                    Action::ManageFeedbackCycles,
                    Target::Unit(&UnitPath(u.path.clone())),
                )
                .is_ok()
            })
            .collect())
    }

    /// Whether the actor manages every unit the cycle's population sits in.
    async fn may_manage(
        db: &impl ConnectionTrait,
        actor: &Actor,
        cycle: &siklus_360::Model,
    ) -> Result<bool, AppError> {
        if authorize(actor, Action::ManageFeedbackCycles, Target::Agency).is_ok() {
            return Ok(true);
        }
        let units: HashSet<UnitId> = store::population(db, cycle.id)
            .await?
            .into_iter()
            .map(|p| p.unit_id)
            .collect();
        if units.is_empty() {
            return Ok(false);
        }
        let paths: Vec<String> = unit_kerja::Entity::find()
            .filter(unit_kerja::Column::Id.is_in(units))
            .select_only()
            .column(unit_kerja::Column::Path)
            .into_tuple()
            .all(db)
            .await?;
        Ok(paths.into_iter().all(|path| {
            authorize(
                actor,
                Action::ManageFeedbackCycles,
                Target::Unit(&UnitPath(path)),
            )
            .is_ok()
        }))
    }

    pub(in crate::features::feedback360) async fn managed_cycle(
        db: &DatabaseConnection,
        user: &CurrentUser,
        agency: &Agency,
        id: CycleId,
    ) -> Result<siklus_360::Model, AppError> {
        let cycle = store::cycle(db, id).await?;
        if cycle.instansi_id != agency.id {
            return Err(AppError::NotFound);
        }
        if !may_manage(db, &user.actor, &cycle).await? {
            return Err(AppError::Forbidden);
        }
        Ok(cycle)
    }

    pub(in crate::features::feedback360) async fn audited(
        db: &impl ConnectionTrait,
        user: &CurrentUser,
        action: &str,
        cycle: CycleId,
        before: Option<serde_json::Value>,
        after: Option<serde_json::Value>,
    ) -> Result<(), AppError> {
        audit::record(
            db,
            Entry {
                actor_user_id: Some(user.account.id),
                action,
                object_type: "siklus_360",
                object_id: Some(cycle.to_string()),
                before,
                after,
            },
            &ClientInfo::current(),
        )
        .await
    }

    fn rate(answered: u32, invited: u32) -> Option<(u32, crate::domain::feedback360::RateFlag)> {
        response_rate(answered, invited).map(|p| (p, rate_flag(p)))
    }

    pub async fn list() -> Result<CycleList, AppError> {
        let (db, user, agency) = signed_in().await?;
        let units = manageable_units(&db, &user.actor, &agency).await?;
        let agency_wide =
            authorize(&user.actor, Action::ManageFeedbackCycles, Target::Agency).is_ok();
        if units.is_empty() && !agency_wide {
            return Err(AppError::Forbidden);
        }
        let mut rows = Vec::new();
        for cycle in store::cycles_of_agency(&db, agency.id).await? {
            if !may_manage(&db, &user.actor, &cycle).await? {
                continue;
            }
            let completion = store::completion(&db, cycle.id).await?;
            let (invited, answered) = completion
                .values()
                .fold((0, 0), |(i, a), (inv, ans)| (i + inv, a + ans));
            rows.push(CycleRow {
                id: cycle.id,
                title: cycle.title,
                state: cycle.state,
                opens_on: cycle.opens_on,
                closes_on: cycle.closes_on,
                people: store::population(&db, cycle.id).await?.len() as u32,
                answered,
                invited,
            });
        }
        let today = today(&agency).await?;
        let period = crate::db::periods::open_period(&db, agency.id)
            .await?
            .map(|p| (p.id, p.year));
        let min_depth = units.iter().map(|u| u.depth).min().unwrap_or(0);
        Ok(CycleList {
            rows,
            period,
            units: units
                .into_iter()
                .map(|u| {
                    let indent = "\u{a0}\u{a0}".repeat((u.depth - min_depth).max(0) as usize);
                    (u.id, format!("{indent}{}", u.name))
                })
                .collect(),
            new_opens_on: crate::domain::text::date_input_value(today),
            new_closes_on: crate::domain::text::date_input_value(today + Duration::days(13)),
            edits_instrument: agency_wide,
        })
    }

    pub async fn create(draft: CycleDraft, unit_id: String) -> Result<(), AppError> {
        let (db, user, agency) = signed_in().await?;
        let today = today(&agency).await?;
        let mut errors = FormErrors::default()
            .value("title", &draft.title)
            .value("unit_id", &unit_id)
            .value("opens_on", &draft.opens_on)
            .value("closes_on", &draft.closes_on)
            .value("min_answers", &draft.min_answers)
            .value("min_peers", &draft.min_peers)
            .value("max_peers", &draft.max_peers);
        for group in &draft.groups {
            errors = errors.value(group.as_str(), "on");
        }
        let units = manageable_units(&db, &user.actor, &agency).await?;
        if units.is_empty() {
            return Err(AppError::Forbidden);
        }
        let root = unit_id
            .trim()
            .parse::<UnitId>()
            .ok()
            .and_then(|id| units.iter().find(|u| u.id == id));
        if root.is_none() {
            errors = errors.field("unit_id", "unit_outside_scope");
        }
        let settings = match draft.clean(today) {
            Ok(settings) => Some(settings),
            Err(found) => {
                for (field, code) in found {
                    errors = errors.field(field.name(), code);
                }
                None
            }
        };
        let period = crate::db::periods::open_period(&db, agency.id).await?;
        if period.is_none() {
            errors = errors.field("title", "skp_no_open_period");
        }
        let (Some(root), Some(settings), Some(period)) = (root, settings, period) else {
            return Err(AppError::Invalid(errors));
        };
        // Everyone active in the subtree.
        let subtree: Vec<UnitId> = crate::db::units::within(&db, Some(&root.path))
            .await?
            .into_iter()
            .filter(|u| u.closed_at.is_none())
            .map(|u| u.id)
            .collect();
        let mut population: Vec<(EmployeeId, UnitId)> = Vec::new();
        for chunk in subtree.chunks(500) {
            population.extend(
                pegawai::Entity::find()
                    .filter(pegawai::Column::UnitId.is_in(chunk.iter().copied()))
                    .filter(pegawai::Column::Active.eq(true))
                    .select_only()
                    .column(pegawai::Column::Id)
                    .column(pegawai::Column::UnitId)
                    .into_tuple::<(EmployeeId, UnitId)>()
                    .all(&db)
                    .await?,
            );
        }
        if population.is_empty() {
            return Err(AppError::Invalid(
                errors.field("unit_id", "feedback360_population_empty"),
            ));
        }
        let now = Utc::now();
        let txn = db.begin().await?;
        let instrument = match store::latest_instrument(&txn, agency.id).await? {
            Some(id) => id,
            None => {
                store::create_instrument(
                    &txn,
                    agency.id,
                    &super::super::instrument::default_items(),
                    now,
                )
                .await?
            }
        };
        let id = store::create_cycle(
            &txn,
            agency.id,
            period.id,
            instrument,
            &settings,
            &population,
            now,
        )
        .await?;
        let proposed = store::propose_raters(&txn, id, &settings).await?;
        audited(
            &txn,
            &user,
            "feedback360.create",
            id,
            None,
            Some(serde_json::json!({
                "title": settings.title,
                "unit": root.name,
                "opens_on": settings.window.opens_on,
                "closes_on": settings.window.closes_on,
                "min_answers": settings.min_answers,
                "people": population.len(),
                "raters": proposed,
            })),
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/360/{id}?disimpan=1"));
        Ok(())
    }

    pub async fn view(id: CycleId) -> Result<CycleView, AppError> {
        let (db, user, agency) = signed_in().await?;
        let cycle = managed_cycle(&db, &user, &agency, id).await?;
        let settings = store::settings_of(&cycle)?;
        let board = completion_board(&db, id).await?;
        let asks_peers = settings.groups.contains(&RaterGroup::Peer);
        let events = crate::domain::feedback360::available_events(cycle.state, CycleParty::Admin)
            .into_iter()
            // Only peers are nominated: without them there is nothing to choose.
            .filter(|e| *e != CycleEvent::StartNominations || asks_peers)
            .collect();
        let nominations = if cycle.state == crate::domain::feedback360::CycleState::Nominating {
            let counts = crate::db::nominations::nomination_counts(&db, id).await?;
            NominationState::iter()
                .map(|state| (state, counts.get(state.as_str()).copied().unwrap_or(0)))
                .collect()
        } else {
            Vec::new()
        };
        let comments = if cycle.state == crate::domain::feedback360::CycleState::Closed {
            let population = store::population(&db, id).await?;
            let names = store::employees(&db, population.iter().map(|p| p.employee_id)).await?;
            let unit_names = store::unit_names(&db, population.iter().map(|p| p.unit_id)).await?;
            moderated_comments(&db, id, &names, &unit_names).await?
        } else {
            Vec::new()
        };
        // Until it opens, a cycle will take the newest version; from then on it keeps its own.
        use crate::domain::feedback360::CycleState;
        let instrument = if matches!(cycle.state, CycleState::Draft | CycleState::Nominating) {
            store::latest_instrument_version(&db, agency.id).await?
        } else {
            crate::db::entities::instrumen_360::Entity::find_by_id(cycle.instrument_id)
                .one(&db)
                .await?
        };
        let instrument_version = instrument.map_or(0, |i| i.version);
        Ok(CycleView {
            id,
            version: cycle.version,
            instrument_version,
            title: cycle.title.clone(),
            state: cycle.state,
            opens_on: cycle.opens_on,
            closes_on: cycle.closes_on,
            min_answers: settings.min_answers,
            min_peers: settings.min_peers,
            max_peers: settings.max_peers,
            groups: settings.groups,
            events,
            nominations,
            board,
            comments,
        })
    }

    /// The dashboard of cycle `id` for `user`, or why they may not follow it: what the cycle's
    /// live stream sends, with the same check as the page it updates.
    pub async fn live_board(
        db: &DatabaseConnection,
        user: &CurrentUser,
        id: CycleId,
    ) -> Result<CompletionBoard, AppError> {
        let agency = crate::db::agency::primary(db)
            .await?
            .ok_or(AppError::NotFound)?;
        managed_cycle(db, user, &agency, id).await?;
        completion_board(db, id).await
    }

    async fn completion_board(
        db: &DatabaseConnection,
        id: CycleId,
    ) -> Result<CompletionBoard, AppError> {
        let assignments = store::assignments(db, id).await?;
        let mut per_group: BTreeMap<(RaterGroup, &'static str), (AssignmentState, u32)> =
            BTreeMap::new();
        for a in &assignments {
            per_group
                .entry((a.rater_group, a.state.as_str()))
                .or_insert((a.state, 0))
                .1 += 1;
        }
        let completion = store::completion(db, id).await?;
        let population = store::population(db, id).await?;
        let names = store::employees(db, population.iter().map(|p| p.employee_id)).await?;
        let unit_names = store::unit_names(db, population.iter().map(|p| p.unit_id)).await?;
        let mut per_unit: BTreeMap<String, (u32, u32)> = BTreeMap::new();
        let mut people: Vec<Completion> = population
            .iter()
            .map(|p| {
                let (invited, answered) = completion.get(&p.employee_id).copied().unwrap_or((0, 0));
                let unit = unit_names.get(&p.unit_id).cloned().unwrap_or_default();
                let entry = per_unit.entry(unit.clone()).or_default();
                entry.0 += answered;
                entry.1 += invited;
                let name = names
                    .get(&p.employee_id)
                    .map(|e| {
                        display_name(e.front_title.as_deref(), &e.name, e.back_title.as_deref())
                    })
                    .unwrap_or_default();
                Completion {
                    name,
                    detail: Some(unit),
                    answered,
                    invited,
                    rate: rate(answered, invited),
                }
            })
            .collect();
        // The furthest behind first: they are the ones to chase.
        people.sort_by(|a, b| {
            let key = |c: &Completion| c.rate.map_or(u32::MAX, |(p, _)| p);
            key(a).cmp(&key(b)).then_with(|| a.name.cmp(&b.name))
        });
        let people_total = people.len() as u32;
        people.truncate(PEOPLE_SHOWN);
        let (answered, invited) = per_unit
            .values()
            .fold((0, 0), |(a, i), (ua, ui)| (a + ua, i + ui));
        Ok(CompletionBoard {
            answered,
            invited,
            rate: rate(answered, invited),
            assignments: per_group
                .into_iter()
                .map(|((group, _), (state, n))| (group, state, n))
                .collect(),
            units: per_unit
                .into_iter()
                .map(|(name, (answered, invited))| Completion {
                    name,
                    detail: None,
                    answered,
                    invited,
                    rate: rate(answered, invited),
                })
                .collect(),
            people,
            people_total,
        })
    }

    /// Every comment of a closed cycle, by person: what the admin reads before releasing.
    async fn moderated_comments(
        db: &DatabaseConnection,
        cycle: CycleId,
        names: &HashMap<EmployeeId, pegawai::Model>,
        units: &HashMap<UnitId, String>,
    ) -> Result<Vec<ModeratedComment>, AppError> {
        use crate::db::entities::komentar_360;
        let mut list: Vec<ModeratedComment> = komentar_360::Entity::find()
            .filter(komentar_360::Column::CycleId.eq(cycle))
            .all(db)
            .await?
            .into_iter()
            .map(|c| ModeratedComment {
                // A service unit's comments (no person) go under the unit's name.
                ratee: match (c.ratee_id, c.unit_id) {
                    (Some(r), _) => names
                        .get(&r)
                        .map(|e| {
                            display_name(e.front_title.as_deref(), &e.name, e.back_title.as_deref())
                        })
                        .unwrap_or_default(),
                    (None, Some(u)) => units.get(&u).cloned().unwrap_or_default(),
                    (None, None) => String::new(),
                },
                value: u8::try_from(c.core_value).unwrap_or_default(),
                id: c.id,
                text: c.text,
                hidden: c.hidden,
            })
            .collect();
        // By person and value; the random key keeps the order within them meaningless.
        list.sort_by(|a, b| (&a.ratee, a.value, &a.id).cmp(&(&b.ratee, b.value, &b.id)));
        Ok(list)
    }

    pub async fn moderate(id: CycleId, comment: String, hidden: bool) -> Result<(), AppError> {
        use crate::db::entities::komentar_360;
        use sea_orm::sea_query::Expr;
        let (db, user, agency) = signed_in().await?;
        let cycle = managed_cycle(&db, &user, &agency, id).await?;
        if cycle.state != crate::domain::feedback360::CycleState::Closed {
            return Err(AppError::Conflict);
        }
        let txn = db.begin().await?;
        let changed = komentar_360::Entity::update_many()
            .col_expr(komentar_360::Column::Hidden, Expr::value(hidden))
            .filter(komentar_360::Column::Id.eq(comment.clone()))
            .filter(komentar_360::Column::CycleId.eq(id))
            .exec(&txn)
            .await?;
        if changed.rows_affected != 1 {
            return Err(AppError::NotFound);
        }
        audited(
            &txn,
            &user,
            "feedback360.comment",
            id,
            None,
            Some(serde_json::json!({ "hidden": hidden })),
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/360/{id}?disimpan=1#komentar"));
        Ok(())
    }

    /// Released reports the person may read: their own, then those of the people they appraise
    /// (or are atasan of), through the same policy the report page asks.
    async fn report_links(
        db: &DatabaseConnection,
        me: EmployeeId,
    ) -> Result<Vec<ReportLink>, AppError> {
        use crate::db::entities::siklus_360_peserta;
        let released: HashMap<CycleId, siklus_360::Model> = siklus_360::Entity::find()
            .filter(siklus_360::Column::State.is_in([
                crate::domain::feedback360::CycleState::Released,
                crate::domain::feedback360::CycleState::Archived,
            ]))
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        if released.is_empty() {
            return Ok(Vec::new());
        }
        let team: Vec<pegawai::Model> = pegawai::Entity::find()
            .filter(
                sea_orm::Condition::any()
                    .add(pegawai::Column::Id.eq(me))
                    .add(pegawai::Column::PenilaiId.eq(me))
                    .add(pegawai::Column::AtasanPenilaiId.eq(me)),
            )
            .all(db)
            .await?;
        let people: HashMap<EmployeeId, &pegawai::Model> = team.iter().map(|p| (p.id, p)).collect();
        let mut links: Vec<ReportLink> = siklus_360_peserta::Entity::find()
            .filter(siklus_360_peserta::Column::CycleId.is_in(released.keys().copied()))
            .filter(siklus_360_peserta::Column::EmployeeId.is_in(people.keys().copied()))
            .all(db)
            .await?
            .into_iter()
            .filter_map(|p| {
                let cycle = released.get(&p.cycle_id)?;
                let person = people.get(&p.employee_id)?;
                Some(ReportLink {
                    cycle: p.cycle_id,
                    cycle_title: cycle.title.clone(),
                    employee: p.employee_id,
                    name: display_name(
                        person.front_title.as_deref(),
                        &person.name,
                        person.back_title.as_deref(),
                    ),
                    own: p.employee_id == me,
                })
            })
            .collect();
        links.sort_by(|a, b| (!a.own, &a.name, a.cycle).cmp(&(!b.own, &b.name, b.cycle)));
        Ok(links)
    }

    pub async fn report(cycle_id: CycleId, employee: EmployeeId) -> Result<ReportView, AppError> {
        use crate::domain::feedback360::{shown_comments, summarise};
        let (db, user, agency) = signed_in().await?;
        let cycle = store::cycle(&db, cycle_id).await?;
        if cycle.instansi_id != agency.id || !cycle.state.shows_results() {
            return Err(AppError::NotFound);
        }
        let facts = crate::db::people::employee_facts(&db, employee).await?;
        authorize(
            &user.actor,
            Action::ViewFeedbackReport,
            Target::Employee(&facts),
        )?;
        if !store::population(&db, cycle_id)
            .await?
            .iter()
            .any(|p| p.employee_id == employee)
        {
            return Err(AppError::NotFound);
        }
        let settings = store::settings_of(&cycle)?;
        let items = store::items(&db, cycle.instrument_id).await?;
        let rows = store::responses(&db, cycle_id, employee).await?;
        let summary = summarise(&rows, &items, settings.min_answers);
        let comments = store::comments(&db, cycle_id, employee).await?;
        let seed =
            (cycle_id.get() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ employee.get() as u64;
        let parts = report_parts(&summary, &items);
        let person = pegawai::Entity::find_by_id(employee)
            .one(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(ReportView {
            cycle_title: cycle.title.clone(),
            employee: display_name(
                person.front_title.as_deref(),
                &person.name,
                person.back_title.as_deref(),
            ),
            own: user.actor.employee_id == Some(employee),
            unit_people: None,
            min_answers: settings.min_answers,
            columns: parts.columns,
            high: parts.high,
            low: parts.low,
            comments: shown_comments(&comments, &summary, seed),
            withheld: summary.withheld,
            candidates: parts.candidates,
        })
    }

    /// What a report shows of a summary: its columns per core value, the statements rated
    /// highest and lowest (in the reader's language), the values to develop.
    pub(in crate::features::feedback360) struct ReportParts {
        pub columns: Vec<ReportColumn>,
        pub high: Vec<(String, f32)>,
        pub low: Vec<(String, f32)>,
        pub candidates: Vec<u8>,
    }

    pub(in crate::features::feedback360) fn report_parts(
        summary: &crate::domain::feedback360::Summary,
        items: &[crate::domain::feedback360::Item],
    ) -> ReportParts {
        use crate::domain::feedback360::{extremes, training_candidates};
        use crate::domain::skp::CoreValue;
        use crate::domain::vocabulary::IntoEnumIterator;
        let english = english();
        let text_of = |number: u16| {
            items
                .iter()
                .find(|i| i.number == number)
                .map(|i| {
                    if english {
                        i.text_en.clone()
                    } else {
                        i.text_id.clone()
                    }
                })
                .unwrap_or_default()
        };
        let (high, low) = extremes(summary, 3);
        ReportParts {
            columns: summary
                .columns
                .iter()
                .map(|c| ReportColumn {
                    column: c.column,
                    responses: c.responses,
                    values: CoreValue::iter()
                        .map(|v| {
                            c.values
                                .iter()
                                .find(|(value, _)| *value == v)
                                .and_then(|(_, cell)| cell.mean)
                        })
                        .collect(),
                })
                .collect(),
            high: high.into_iter().map(|(n, m)| (text_of(n), m)).collect(),
            low: low.into_iter().map(|(n, m)| (text_of(n), m)).collect(),
            candidates: training_candidates(summary)
                .into_iter()
                .map(|v| v.number())
                .collect(),
        }
    }

    pub async fn fire(
        id: CycleId,
        version: i32,
        event: String,
        closes_on: String,
    ) -> Result<(), AppError> {
        let (db, user, agency) = signed_in().await?;
        let cycle = managed_cycle(&db, &user, &agency, id).await?;
        let event: CycleEvent = event.parse().map_err(|_| {
            AppError::Invalid(FormErrors::default().field("event", "malformed_request"))
        })?;
        let today = today(&agency).await?;
        let Some(next) = transition(cycle.state, event, CycleParty::Admin) else {
            return Err(AppError::Conflict);
        };
        if event == CycleEvent::StartNominations
            && !store::groups_of(&cycle)?.contains(&RaterGroup::Peer)
        {
            return Err(AppError::Conflict);
        }
        let mut new_close = None;
        if event == CycleEvent::Extend {
            let errors = FormErrors::default().value("closes_on", &closes_on);
            let day = match crate::domain::text::parse_date_input(&closes_on) {
                Ok(Some(day)) => day,
                Ok(None) => return Err(AppError::Invalid(errors.field("closes_on", "required"))),
                Err(code) => return Err(AppError::Invalid(errors.field("closes_on", code))),
            };
            let settings = store::settings_of(&cycle)?;
            match check_extension(settings.window, day, today) {
                Ok(window) => new_close = Some(window.closes_on),
                Err(code) => return Err(AppError::Invalid(errors.field("closes_on", code))),
            }
        }
        let now = Utc::now();
        let txn = db.begin().await?;
        if !store::move_cycle(&txn, id, cycle.state, next, version, new_close, now).await? {
            return Err(AppError::Conflict);
        }
        match event {
            CycleEvent::Open => {
                // The cycle answers the instrument as it is now, and keeps that version.
                if let Some(newest) = store::latest_instrument(&txn, agency.id).await? {
                    store::use_instrument(&txn, id, newest).await?;
                }
                store::move_assignments(
                    &txn,
                    id,
                    AssignmentState::Proposed,
                    AssignmentState::Invited,
                )
                .await?;
                notify_raters(&txn, &cycle).await?;
            }
            CycleEvent::StartNominations => notify_nominators(&txn, &cycle).await?,
            CycleEvent::Close => {
                store::move_assignments(
                    &txn,
                    id,
                    AssignmentState::Invited,
                    AssignmentState::Expired,
                )
                .await?;
            }
            _ => {}
        }
        audited(
            &txn,
            &user,
            match event {
                CycleEvent::StartNominations => "feedback360.nominations",
                CycleEvent::Open => "feedback360.open",
                CycleEvent::Extend => "feedback360.extend",
                CycleEvent::Close => "feedback360.close",
                CycleEvent::Release => "feedback360.release",
                CycleEvent::Archive => "feedback360.archive",
            },
            id,
            Some(serde_json::json!({ "state": cycle.state, "closes_on": cycle.closes_on })),
            Some(serde_json::json!({ "state": next, "closes_on": new_close.unwrap_or(cycle.closes_on) })),
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/360/{id}?disimpan=1"));
        Ok(())
    }

    /// Asks everyone of the population to choose their peer raters by the day before the
    /// answers begin.
    async fn notify_nominators(
        txn: &impl ConnectionTrait,
        cycle: &siklus_360::Model,
    ) -> Result<(), AppError> {
        let due = store::settings_of(cycle)?.window.nominations_due();
        for person in store::population(txn, cycle.id).await? {
            crate::db::notifications::remind_employee(
                txn,
                person.employee_id,
                NotificationKind::Feedback360Nominate,
                &cycle.title,
                &format!("/360/usulan/{}/{}", cycle.id, person.employee_id),
                due,
            )
            .await?;
        }
        Ok(())
    }

    /// One bell notification per rater with forms waiting, whatever their number.
    async fn notify_raters(
        txn: &impl ConnectionTrait,
        cycle: &siklus_360::Model,
    ) -> Result<(), AppError> {
        let raters: HashSet<EmployeeId> = store::assignments(txn, cycle.id)
            .await?
            .into_iter()
            .filter(|a| a.state == AssignmentState::Invited)
            .map(|a| a.rater_id)
            .collect();
        for rater in raters {
            crate::db::notifications::remind_employee(
                txn,
                rater,
                NotificationKind::Feedback360Requested,
                &cycle.title,
                "/360",
                cycle.closes_on,
            )
            .await?;
        }
        Ok(())
    }

    /// Whether the reader chose English (statements are stored in both languages).
    pub(in crate::features::feedback360) fn english() -> bool {
        crate::state::request_cookie(crate::ui::locale::LOCALE_COOKIE).as_deref() == Some("en")
    }

    /// What was typed, under the fields' ids (`s5`, `c2`) as the form reads them back.
    pub(in crate::features::feedback360) fn posted_answers(
        scores: &HashMap<String, String>,
        comments: &HashMap<String, String>,
    ) -> FormErrors {
        let mut errors = FormErrors::default();
        for (key, value) in scores {
            errors = errors.value(&format!("s{key}"), value);
        }
        for (key, value) in comments {
            errors = errors.value(&format!("c{key}"), value);
        }
        errors
    }

    /// The posted form checked against the instrument's statements for `audience`; every
    /// problem is named on its field.
    pub(in crate::features::feedback360) fn clean_answers(
        scores: &HashMap<String, String>,
        comments: &HashMap<String, String>,
        items: &[crate::domain::feedback360::Item],
        audience: crate::domain::feedback360::Audience,
        mut errors: FormErrors,
    ) -> Result<crate::domain::feedback360::Answers, AppError> {
        let parse_keys = |map: &HashMap<String, String>| -> Option<Vec<(u16, String)>> {
            map.iter()
                .map(|(k, v)| k.trim().parse::<u16>().ok().map(|n| (n, v.clone())))
                .collect()
        };
        let (Some(score_list), Some(comment_list)) = (parse_keys(scores), parse_keys(comments))
        else {
            return Err(AppError::Invalid(errors.field("form", "malformed_request")));
        };
        let draft = AnswerDraft {
            scores: score_list,
            comments: comment_list
                .into_iter()
                .filter_map(|(n, text)| u8::try_from(n).ok().map(|n| (n, text)))
                .collect(),
        };
        draft.clean(items, audience).map_err(|found| {
            for (field, code) in found {
                let field = if field == "scores" || field == "comments" {
                    "form"
                } else {
                    field.as_str()
                };
                errors = errors.field(field, code);
            }
            AppError::Invalid(errors)
        })
    }

    async fn me(db: &DatabaseConnection) -> Result<(CurrentUser, EmployeeId, Agency), AppError> {
        let user = state::require_user(db).await?;
        let employee = user.actor.employee_id.ok_or(AppError::Forbidden)?;
        let agency = crate::db::agency::primary(db)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok((user, employee, agency))
    }

    pub async fn mine() -> Result<MyForms, AppError> {
        let db = state::db()?;
        let (user, employee, agency) = me(&db).await?;
        let today = today(&agency).await?;
        let waiting = store::pending_for(&db, employee, today)
            .await?
            .into_iter()
            .map(|f| WaitingForm {
                assignment: f.assignment,
                ratee: f.ratee_name,
                group: f.group,
                closes_on: f.closes_on,
            })
            .collect();
        let answered = crate::db::entities::penugasan_360::Entity::find()
            .filter(crate::db::entities::penugasan_360::Column::RaterId.eq(employee))
            .filter(
                crate::db::entities::penugasan_360::Column::State.eq(AssignmentState::Submitted),
            )
            .all(&db)
            .await?
            .len() as u32;
        let reports = report_links(&db, employee).await?;
        let unit_reports = super::super::unit_report::unit_report_links(&db, &user).await?;
        Ok(MyForms {
            today: Some(today),
            waiting,
            nominations: super::super::nominations::nomination_tasks(&db, employee).await?,
            answered,
            reports,
            unit_reports,
        })
    }

    /// The assignment of `id` if it is the signed-in person's own, through the policy.
    async fn own_assignment(
        db: &DatabaseConnection,
        id: AssignmentId,
    ) -> Result<
        (
            crate::db::entities::penugasan_360::Model,
            siklus_360::Model,
            Agency,
        ),
        AppError,
    > {
        let (user, _, agency) = me(db).await?;
        let assignment = store::assignment(db, id).await?;
        let rater = crate::db::people::employee_facts(db, assignment.rater_id).await?;
        authorize(
            &user.actor,
            Action::AnswerFeedback,
            Target::Employee(&rater),
        )?;
        let cycle = store::cycle(db, assignment.cycle_id).await?;
        if cycle.instansi_id != agency.id {
            return Err(AppError::NotFound);
        }
        Ok((assignment, cycle, agency))
    }

    pub async fn form(id: AssignmentId) -> Result<RaterForm, AppError> {
        let db = state::db()?;
        let (assignment, cycle, agency) = own_assignment(&db, id).await?;
        if assignment.state == AssignmentState::Proposed {
            return Err(AppError::NotFound);
        }
        let today = today(&agency).await?;
        let settings = store::settings_of(&cycle)?;
        let items = store::items(&db, cycle.instrument_id).await?;
        let values =
            super::super::instrument::by_value(items, assignment.rater_group.audience(), english());
        let ratee = pegawai::Entity::find_by_id(assignment.ratee_id)
            .one(&db)
            .await?
            .map(|e| display_name(e.front_title.as_deref(), &e.name, e.back_title.as_deref()))
            .unwrap_or_default();
        Ok(RaterForm {
            assignment: id,
            ratee,
            group: assignment.rater_group,
            cycle_title: cycle.title.clone(),
            closes_on: cycle.closes_on,
            min_answers: settings.min_answers,
            values,
            answered: assignment.state == AssignmentState::Submitted,
            closed: !(cycle.state.accepts_answers() && settings.window.accepts_on(today))
                || assignment.state != AssignmentState::Invited,
        })
    }

    pub async fn answer(
        id: AssignmentId,
        scores: HashMap<String, String>,
        comments: HashMap<String, String>,
    ) -> Result<(), AppError> {
        let db = state::db()?;
        let (assignment, cycle, agency) = own_assignment(&db, id).await?;
        let errors = posted_answers(&scores, &comments);
        let today = today(&agency).await?;
        let settings = store::settings_of(&cycle)?;
        if assignment.state == AssignmentState::Submitted {
            return Err(AppError::Invalid(
                errors.field("form", "feedback360_answered"),
            ));
        }
        if !(cycle.state.accepts_answers() && settings.window.accepts_on(today))
            || assignment.state != AssignmentState::Invited
        {
            return Err(AppError::Invalid(
                errors.field("form", "feedback360_closed"),
            ));
        }
        let items = store::items(&db, cycle.instrument_id).await?;
        let answers = clean_answers(
            &scores,
            &comments,
            &items,
            assignment.rater_group.audience(),
            errors,
        )?;
        let txn = db.begin().await?;
        store::submit(&txn, &assignment, &answers, today).await?;
        txn.commit().await?;
        leptos_axum::redirect("/360?terkirim=1");
        Ok(())
    }
}
