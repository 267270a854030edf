//! Server functions of the SKP: drafting by the employee, review by the appraiser, the lists
//! and the cascade. Every function loads the plan, asks the policy about this plan's owner and
//! appraiser, checks the state machine, and changes rows only through the plan's version
//! (compare-and-swap), so two tabs or two people never overwrite each other silently.

// A form's server function takes one argument per field (that is how a plain HTML post arrives).
#![allow(clippy::too_many_arguments)]

use super::types::*;
use crate::domain::ids::{AttachmentId, IndicatorId, ResultId, SkpId};
use crate::domain::skp::Approach;
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "skp/mine")]
pub async fn load_my_skps() -> Result<MySkps, AppError> {
    crate::state::respond(ssr::my_skps().await)
}

#[server(endpoint = "skp/view")]
pub async fn load_skp(id: SkpId) -> Result<SkpView, AppError> {
    crate::state::respond(ssr::view(id).await)
}

/// Starts the signed-in employee's SKP in the open period (or opens the one that exists).
#[server(endpoint = "skp/create")]
pub async fn create_skp(approach: Approach) -> Result<(), AppError> {
    crate::state::respond(ssr::create(approach).await)
}

#[server(endpoint = "skp/approach")]
pub async fn change_approach(
    skp_id: SkpId,
    version: i32,
    approach: Approach,
) -> Result<(), AppError> {
    crate::state::respond(ssr::change_approach(skp_id, version, approach).await)
}

/// Adds a work result (no `result_id`) or changes one.
#[server(endpoint = "skp/result/save")]
pub async fn save_result(
    skp_id: SkpId,
    version: i32,
    result_id: Option<ResultId>,
    group: String,
    text: String,
    parent_id: Option<String>,
    perspective: Option<String>,
) -> Result<(), AppError> {
    let form = ssr::ResultForm {
        result_id,
        group,
        text,
        parent_id: parent_id.unwrap_or_default(),
        perspective: perspective.unwrap_or_default(),
    };
    crate::state::respond(ssr::save_result(skp_id, version, form).await)
}

#[server(endpoint = "skp/result/remove")]
pub async fn remove_result(
    skp_id: SkpId,
    version: i32,
    result_id: ResultId,
) -> Result<(), AppError> {
    crate::state::respond(ssr::remove_result(skp_id, version, result_id).await)
}

/// Moves a result one place up or down within its group (`direction`: `up` or `down`).
#[server(endpoint = "skp/result/move")]
pub async fn move_result(
    skp_id: SkpId,
    version: i32,
    result_id: ResultId,
    direction: String,
) -> Result<(), AppError> {
    crate::state::respond(ssr::move_result(skp_id, version, result_id, direction).await)
}

#[server(endpoint = "skp/indicator/save")]
pub async fn save_indicator(
    skp_id: SkpId,
    version: i32,
    result_id: ResultId,
    indicator_id: Option<IndicatorId>,
    aspect: Option<String>,
    text: String,
    target_min: Option<String>,
    target_max: Option<String>,
    target_unit: Option<String>,
) -> Result<(), AppError> {
    let form = ssr::IndicatorForm {
        result_id,
        indicator_id,
        aspect: aspect.unwrap_or_default(),
        text,
        target_min: target_min.unwrap_or_default(),
        target_max: target_max.unwrap_or_default(),
        target_unit: target_unit.unwrap_or_default(),
    };
    crate::state::respond(ssr::save_indicator(skp_id, version, form).await)
}

#[server(endpoint = "skp/indicator/remove")]
pub async fn remove_indicator(
    skp_id: SkpId,
    version: i32,
    indicator_id: IndicatorId,
) -> Result<(), AppError> {
    crate::state::respond(ssr::remove_indicator(skp_id, version, indicator_id).await)
}

#[server(endpoint = "skp/attachment/save")]
pub async fn save_attachment(
    skp_id: SkpId,
    version: i32,
    kind: String,
    text: String,
) -> Result<(), AppError> {
    crate::state::respond(ssr::save_attachment(skp_id, version, kind, text).await)
}

#[server(endpoint = "skp/attachment/remove")]
pub async fn remove_attachment(
    skp_id: SkpId,
    version: i32,
    item_id: AttachmentId,
) -> Result<(), AppError> {
    crate::state::respond(ssr::remove_attachment(skp_id, version, item_id).await)
}

/// The appraiser's specific expectation (*ekspektasi khusus pimpinan*) for one core value.
#[server(endpoint = "skp/expectation")]
pub async fn save_expectation(
    skp_id: SkpId,
    version: i32,
    value: u8,
    text: String,
) -> Result<(), AppError> {
    crate::state::respond(ssr::save_expectation(skp_id, version, value, text).await)
}

#[server(endpoint = "skp/comment")]
pub async fn add_comment(
    skp_id: SkpId,
    result_id: Option<ResultId>,
    body: String,
) -> Result<(), AppError> {
    crate::state::respond(ssr::add_comment(skp_id, result_id, body).await)
}

/// Submit, return (with a note), approve or ask for a revision (with a reason).
#[server(endpoint = "skp/transition")]
pub async fn transition_skp(
    skp_id: SkpId,
    version: i32,
    event: String,
    note: Option<String>,
) -> Result<(), AppError> {
    crate::state::respond(ssr::fire(skp_id, version, event, note.unwrap_or_default()).await)
}

#[server(endpoint = "skp/reviews")]
pub async fn load_reviews() -> Result<ReviewList, AppError> {
    crate::state::respond(ssr::reviews().await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::*;
    use crate::auth::server::ClientInfo;
    use crate::db::audit::{self, Entry};
    use crate::db::entities::{
        pegawai, periode, skp, skp_hasil, skp_indikator, skp_komentar, skp_lampiran, skp_perilaku,
        user_account,
    };
    use crate::db::notifications;
    use crate::db::people::plan_facts;
    use crate::db::skp::{self as store, SkpRecord};
    use crate::db::versioning;
    use crate::domain::access::{Action, Target, authorize};
    use crate::domain::employee::display_name;
    use crate::domain::ids::{AccountId, EmployeeId};
    use crate::domain::notification::NotificationKind;
    use crate::domain::skp::{
        ATTACHMENT_TEXT_MAX, Approach, Aspect, AttachmentKind, CoreValue, INDICATOR_TEXT_MAX,
        NOTE_MAX, Perspective, RESULT_TEXT_MAX, ResultGroup, SkpEvent, SkpForm, SkpParty, SkpState,
        available_events, check_target_range, clean_unit, parse_target, planning_overdue,
        room_for_attachment, room_for_indicator, room_for_result, submit_problems,
    };
    use crate::domain::text::clean_text;
    use crate::error::FormErrors;
    use crate::state::{self, CurrentUser};
    use chrono::Utc;
    use sea_orm::{
        ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, ModelTrait, PaginatorTrait,
        QueryFilter, QueryOrder, Set, TransactionTrait,
    };

    pub struct ResultForm {
        pub result_id: Option<ResultId>,
        pub group: String,
        pub text: String,
        pub parent_id: String,
        pub perspective: String,
    }

    pub struct IndicatorForm {
        pub result_id: ResultId,
        pub indicator_id: Option<IndicatorId>,
        pub aspect: String,
        pub text: String,
        pub target_min: String,
        pub target_max: String,
        pub target_unit: String,
    }

    /// The value of a field check, or `None` with the field's message code added to `errors`.
    fn checked<T>(
        errors: &mut FormErrors,
        field: &str,
        result: Result<T, &'static str>,
    ) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(code) => {
                *errors = std::mem::take(errors).field(field, code);
                None
            }
        }
    }

    /// A plan with who is looking at it.
    pub(crate) struct Context {
        pub(crate) db: DatabaseConnection,
        pub(crate) user: CurrentUser,
        pub(crate) record: SkpRecord,
        pub(crate) state: SkpState,
        pub(crate) is_owner: bool,
        /// The viewer decides as the plan's appraiser: they are the appraiser of record, or an
        /// admin acting for an appraiser outside the application (`acting_for`).
        pub(crate) is_appraiser: bool,
        /// Name of the official outside the application the viewer acts for.
        pub(crate) acting_for: Option<String>,
        /// A closed period freezes its plans: nothing changes until an admin reopens it.
        pub(crate) period_closed: bool,
    }

    impl Context {
        pub(crate) fn link(&self) -> String {
            format!("/skp/{}", self.record.skp.id)
        }

        pub(crate) fn require_open_period(&self) -> Result<(), AppError> {
            if self.period_closed {
                return Err(AppError::Invalid(
                    FormErrors::default().field("event", "period_closed"),
                ));
            }
            Ok(())
        }

        /// The owner may change rows only while drafting.
        fn require_editable(&self) -> Result<(), AppError> {
            if !self.is_owner {
                return Err(AppError::Forbidden);
            }
            self.require_open_period()?;
            if !self.state.owner_may_edit() {
                return Err(AppError::Invalid(
                    FormErrors::default().field("event", "skp_not_editable"),
                ));
            }
            Ok(())
        }

        pub(crate) fn actor_name(&self) -> Result<String, AppError> {
            let header = store::parse_header(&self.record.skp)?;
            Ok(if self.is_owner {
                header.employee.name
            } else {
                header
                    .appraiser
                    .map(|a| a.name)
                    .unwrap_or_else(|| self.user.account.login.clone())
            })
        }

        /// Records `action`; a decision taken for an appraiser outside the application names
        /// them, so the log tells who decided and who typed it in.
        pub(crate) async fn audit(
            &self,
            db: &impl sea_orm::ConnectionTrait,
            action: &str,
            mut after: serde_json::Value,
        ) -> Result<(), AppError> {
            if let (Some(official), Some(fields)) = (&self.acting_for, after.as_object_mut()) {
                fields.insert("on_behalf_of".into(), official.clone().into());
            }
            audit::record(
                db,
                Entry {
                    actor_user_id: Some(self.user.account.id),
                    action,
                    object_type: "skp",
                    object_id: Some(self.record.skp.id.to_string()),
                    before: None,
                    after: Some(after),
                },
                &ClientInfo::current(),
            )
            .await
        }
    }

    pub(crate) async fn context(skp_id: SkpId) -> Result<Context, AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let record = store::load(&db, skp_id).await?;
        let facts = plan_facts(&db, &record.skp).await?;
        authorize(&user.actor, Action::ViewSkp, Target::Employee(&facts))?;
        let is_owner = authorize(&user.actor, Action::DraftSkp, Target::Employee(&facts)).is_ok();
        let is_appraiser =
            authorize(&user.actor, Action::ReviewSkp, Target::Employee(&facts)).is_ok();
        let acting_for = match record.skp.penilai_luar_id {
            Some(_)
                if !is_appraiser
                    && authorize(
                        &user.actor,
                        Action::ActForExternalAppraiser,
                        Target::Employee(&facts),
                    )
                    .is_ok() =>
            {
                let header = store::parse_header(&record.skp)?;
                Some(header.appraiser.map(|a| a.name).unwrap_or_default())
            }
            _ => None,
        };
        let state = record.state();
        let period_closed = record.period.state != crate::domain::period::PeriodState::Open;
        Ok(Context {
            db,
            user,
            record,
            state,
            is_owner,
            is_appraiser: is_appraiser || acting_for.is_some(),
            acting_for,
            period_closed,
        })
    }

    fn date(d: chrono::NaiveDate) -> String {
        crate::ui::dates::local_date(d)
    }

    pub(crate) fn period_info(p: &periode::Model) -> PeriodInfo {
        PeriodInfo {
            id: p.id,
            year: p.year,
            starts_on: date(p.starts_on),
            ends_on: date(p.ends_on),
            planning_deadline: date(p.planning_deadline),
            starts: p.starts_on,
            ends: p.ends_on,
        }
    }

    pub(crate) async fn person_name(
        db: &DatabaseConnection,
        id: EmployeeId,
    ) -> Result<String, AppError> {
        Ok(pegawai::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|p| display_name(p.front_title.as_deref(), &p.name, p.back_title.as_deref()))
            .unwrap_or_default())
    }

    async fn account_name(
        db: &DatabaseConnection,
        user_id: Option<AccountId>,
    ) -> Result<String, AppError> {
        let Some(user_id) = user_id else {
            return Ok(String::new());
        };
        let Some(account) = user_account::Entity::find_by_id(user_id).one(db).await? else {
            return Ok(String::new());
        };
        match account.pegawai_id {
            Some(id) => person_name(db, id).await,
            None => Ok(account.login),
        }
    }

    /// The work results of an approved version, read back from its history snapshot.
    fn approved_version(snapshot: &str) -> Option<ApprovedVersion> {
        let value: serde_json::Value = serde_json::from_str(snapshot).ok()?;
        let revision = i32::try_from(value.get("revision")?.as_i64()?).ok()?;
        let results = value
            .get("results")?
            .as_array()?
            .iter()
            .filter_map(|r| {
                let group = r.get("group")?.as_str()?;
                let text = r.get("text")?.as_str()?;
                let letter = if group == ResultGroup::Utama.as_str() {
                    "A"
                } else {
                    "B"
                };
                Some(format!("{letter} · {text}"))
            })
            .collect();
        Some(ApprovedVersion { revision, results })
    }

    /// The SKP form an employee's position takes (JPT or JA/JF).
    async fn form_of(
        db: &impl sea_orm::ConnectionTrait,
        me: &pegawai::Model,
    ) -> Result<SkpForm, AppError> {
        store::form_for(db, me.jabatan_id).await
    }

    /// Every plan of an employee, newest first, as listed on their page and the admin's record.
    pub(crate) async fn summaries(
        db: &DatabaseConnection,
        employee_id: EmployeeId,
    ) -> Result<Vec<(skp::Model, SkpSummary)>, AppError> {
        let plans = skp::Entity::find()
            .filter(skp::Column::PegawaiId.eq(employee_id))
            .order_by_desc(skp::Column::Id)
            .all(db)
            .await?;
        let mut out = Vec::with_capacity(plans.len());
        for plan in plans {
            let period = periode::Entity::find_by_id(plan.periode_id)
                .one(db)
                .await?
                .ok_or(AppError::Internal)?;
            let results = skp_hasil::Entity::find()
                .filter(skp_hasil::Column::SkpId.eq(plan.id))
                .count(db)
                .await?;
            let summary = SkpSummary {
                id: plan.id,
                year: period.year,
                state: plan.state,
                revision: plan.revision,
                results: usize::try_from(results).unwrap_or(usize::MAX),
                segment: crate::db::segments::part_of(&plan, &period),
                position: store::parse_header(&plan)?.employee.position,
            };
            out.push((plan, summary));
        }
        Ok(out)
    }

    pub async fn my_skps() -> Result<MySkps, AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let agency = crate::db::agency::primary(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        let period = crate::db::periods::open_period(&db, agency.id).await?;
        let Some(employee_id) = user.account.pegawai_id else {
            return Ok(MySkps {
                period: period.as_ref().map(period_info),
                current: None,
                others: Vec::new(),
                is_employee: false,
                appraiser: None,
                approaches: Vec::new(),
                next_starts: None,
            });
        };
        let mut current = None;
        let mut others = Vec::new();
        for (plan, summary) in summaries(&db, employee_id).await? {
            let in_open_period = period.as_ref().is_some_and(|p| p.id == plan.periode_id);
            if current.is_none()
                && in_open_period
                && plan.state != SkpState::Cancelled
                && plan.ends_on.is_none()
            {
                current = Some(summary);
            } else {
                others.push(summary);
            }
        }
        let me = pegawai::Entity::find_by_id(employee_id)
            .one(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        let appraiser = match &period {
            Some(p) => {
                let appraisers = crate::db::periods::appraisers_for(&db, &me, p.id).await?;
                match (appraisers.penilai, appraisers.external) {
                    (Some(id), _) => Some(person_name(&db, id).await?),
                    (None, Some(official)) => crate::db::officials::chain_from(&db, official)
                        .await?
                        .first()
                        .map(|o| o.name.clone()),
                    (None, None) => None,
                }
            }
            None => None,
        };
        let next_starts = match (&period, &current) {
            (Some(p), None) => {
                Some(crate::db::segments::next_plan_start(&db, employee_id, p).await?)
                    .filter(|day| *day != p.starts_on)
            }
            _ => None,
        };
        Ok(MySkps {
            period: period.as_ref().map(period_info),
            current,
            others,
            is_employee: true,
            appraiser,
            approaches: form_of(&db, &me).await?.approaches(),
            next_starts,
        })
    }

    pub async fn view(id: SkpId) -> Result<SkpView, AppError> {
        let cx = context(id).await?;
        let db = &cx.db;
        let plan = &cx.record.skp;
        let period = &cx.record.period;
        let leaders = store::leader_results(db, plan.penilai_id, plan.periode_id).await?;
        let mut results = Vec::with_capacity(cx.record.results.len());
        for (r, indicators) in &cx.record.results {
            let parent = match r.parent_id {
                Some(pid) => match leaders.iter().find(|l| l.id == pid) {
                    Some(l) => Some(l.clone()),
                    None => skp_hasil::Entity::find_by_id(pid).one(db).await?,
                },
                None => None,
            };
            let parent_indicators = match &parent {
                Some(p) => skp_indikator::Entity::find()
                    .filter(skp_indikator::Column::HasilId.eq(p.id))
                    .order_by_asc(skp_indikator::Column::Position)
                    .all(db)
                    .await?
                    .into_iter()
                    .map(|i| i.text)
                    .collect(),
                None => Vec::new(),
            };
            results.push(ResultView {
                parent_indicators,
                id: r.id,
                group: r.grp,
                text: r.text.clone(),
                parent_id: r.parent_id,
                parent_changed: parent
                    .as_ref()
                    .is_some_and(|p| r.parent_text.as_deref() != Some(p.text.as_str())),
                parent_text: parent.map(|p| p.text),
                perspective: r.perspective,
                indicators: indicators
                    .iter()
                    .map(|i| IndicatorView {
                        id: i.id,
                        aspect: i.aspect,
                        text: i.text.clone(),
                        target_min: i.target_min.clone(),
                        target_max: i.target_max.clone(),
                        target_unit: i.target_unit.clone(),
                    })
                    .collect(),
            });
        }
        let leader_ids: Vec<ResultId> = leaders.iter().map(|l| l.id).collect();
        let problems = if cx.is_owner && cx.state.owner_may_edit() && !cx.period_closed {
            submit_problems(&cx.record.draft(), &leader_ids)
                .into_iter()
                .map(|p| Problem {
                    code: p.code().to_owned(),
                    result_id: p.result_id(),
                })
                .collect()
        } else {
            Vec::new()
        };
        let open = !cx.period_closed;
        let mut events = Vec::new();
        if cx.is_owner && open {
            events.extend(available_events(cx.state, SkpParty::Owner));
        }
        if cx.is_appraiser && open {
            events.extend(available_events(cx.state, SkpParty::Appraiser));
        }
        events.dedup();
        let agency = crate::db::agency::primary(db)
            .await?
            .ok_or(AppError::NotFound)?;
        let time_zone = agency.time_zone;
        let mut comments = Vec::new();
        for c in store::comments(db, plan.id).await? {
            comments.push(CommentView {
                result_id: c.hasil_id,
                author: person_name(db, c.author_id).await?,
                body: c.body,
                at: crate::ui::dates::local_moment(time_zone, c.created_at),
            });
        }
        let mut history = Vec::new();
        for h in store::history(db, plan.id).await? {
            history.push(HistoryView {
                approved: h.snapshot.as_deref().and_then(approved_version),
                event: h.event,
                to_state: h.to_state,
                actor: account_name(db, h.actor_user_id).await?,
                note: h.note,
                at: crate::ui::dates::local_moment(time_zone, h.created_at),
            });
        }
        Ok(SkpView {
            id: plan.id,
            version: plan.version,
            state: plan.state,
            form: plan.form,
            approach: plan.approach,
            revision: plan.revision,
            period: period_info(period),
            segment: crate::db::segments::part_of(plan, period),
            header: store::parse_header(plan)?,
            results,
            behaviours: cx
                .record
                .behaviours
                .iter()
                .map(|b| {
                    let value = u8::try_from(b.core_value)
                        .ok()
                        .filter(|n| CoreValue::from_number(*n).is_some())
                        .ok_or_else(|| {
                            tracing::error!(skp = %b.skp_id, value = b.core_value, "impossible stored core value");
                            AppError::Internal
                        })?;
                    Ok(BehaviourView {
                        value,
                        expectation: b.expectation.clone(),
                    })
                })
                .collect::<Result<_, AppError>>()?,
            attachments: cx
                .record
                .attachments
                .iter()
                .map(|a| AttachmentView {
                    id: a.id,
                    kind: a.kind,
                    text: a.text.clone(),
                })
                .collect(),
            comments,
            history,
            leader_results: leaders
                .into_iter()
                .filter(|l| l.grp == ResultGroup::Utama)
                .map(|l| LeaderResult {
                    id: l.id,
                    text: l.text,
                })
                .collect(),
            problems,
            can_edit: open && cx.is_owner && cx.state.owner_may_edit(),
            is_appraiser: cx.is_appraiser,
            acting_for: cx.acting_for.clone(),
            can_write_expectations: open
                && cx.is_appraiser
                && cx.state.appraiser_may_write_expectations(),
            can_comment: open && (cx.is_owner || cx.is_appraiser) && !cx.state.is_final(),
            period_closed: cx.period_closed,
            events,
            place: agency.document_place,
            established_on: plan
                .approved_at
                .map(|at| time_zone.local(at).date_naive()),
        })
    }

    pub async fn create(approach: Approach) -> Result<(), AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let employee_id = user.account.pegawai_id.ok_or(AppError::Forbidden)?;
        let facts = crate::db::people::employee_facts(&db, employee_id).await?;
        authorize(&user.actor, Action::DraftSkp, Target::Employee(&facts))?;
        let agency = crate::db::agency::primary(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        let Some(period) = crate::db::periods::open_period(&db, agency.id).await? else {
            return Err(AppError::Invalid(
                FormErrors::default().field("approach", "skp_no_open_period"),
            ));
        };
        let txn = db.begin().await?;
        if let Some(existing) = store::current_for(&txn, employee_id, period.id).await? {
            txn.rollback().await?;
            leptos_axum::redirect(&format!("/skp/{}", existing.id));
            return Ok(());
        }
        let me = pegawai::Entity::find_by_id(employee_id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?;
        let form = form_of(&txn, &me).await?;
        if !form.allows(approach) {
            txn.rollback().await?;
            return Err(AppError::Invalid(
                FormErrors::default().field("approach", "skp_approach_not_for_jpt"),
            ));
        }
        let appraisers = crate::db::periods::appraisers_for(&txn, &me, period.id).await?;
        let plan = store::create(&txn, &period, &me, appraisers, form, approach).await?;
        audit::record(
            &txn,
            Entry {
                actor_user_id: Some(user.account.id),
                action: "skp_created",
                object_type: "skp",
                object_id: Some(plan.id.to_string()),
                before: None,
                after: Some(serde_json::json!({ "year": period.year, "approach": plan.approach })),
            },
            &ClientInfo::current(),
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/skp/{}", plan.id));
        Ok(())
    }

    pub async fn change_approach(
        skp_id: SkpId,
        version: i32,
        approach: Approach,
    ) -> Result<(), AppError> {
        let cx = context(skp_id).await?;
        cx.require_editable()?;
        let txn = cx.db.begin().await?;
        versioning::claim::<skp::Entity>(&txn, skp_id, version).await?;
        skp::ActiveModel {
            id: Set(skp_id),
            approach: Set(approach),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&cx.link());
        Ok(())
    }

    fn owns_result(record: &SkpRecord, result_id: ResultId) -> Result<&skp_hasil::Model, AppError> {
        record
            .results
            .iter()
            .map(|(r, _)| r)
            .find(|r| r.id == result_id)
            .ok_or(AppError::NotFound)
    }

    pub async fn save_result(
        skp_id: SkpId,
        version: i32,
        form: ResultForm,
    ) -> Result<(), AppError> {
        let cx = context(skp_id).await?;
        cx.require_editable()?;
        let plan = &cx.record.skp;
        let mut errors = FormErrors::default()
            .value(
                "result_id",
                &form.result_id.map(|i| i.to_string()).unwrap_or_default(),
            )
            .value("group", &form.group)
            .value("text", &form.text)
            .value("parent_id", &form.parent_id)
            .value("perspective", &form.perspective);
        let group = form.group.parse::<ResultGroup>().ok();
        if group.is_none() {
            errors = errors.field("group", "invalid");
        }
        let text = checked(&mut errors, "text", clean_text(&form.text, RESULT_TEXT_MAX));
        let jpt = plan.form == SkpForm::Jpt;
        // The cascade: only an RHK of the appraiser's approved plan (JPT plans have none).
        let leaders = store::leader_results(&cx.db, plan.penilai_id, plan.periode_id).await?;
        let parent = match form.parent_id.trim() {
            "" => None,
            _ if jpt => None,
            raw => match raw
                .parse::<ResultId>()
                .ok()
                .and_then(|id| leaders.iter().find(|l| l.id == id))
            {
                Some(l) => Some(l.clone()),
                None => {
                    errors = errors.field("parent_id", "skp_parent_unknown");
                    None
                }
            },
        };
        let perspective = match form.perspective.trim() {
            "" => None,
            _ if !jpt => None,
            raw => match raw.parse::<Perspective>() {
                Ok(p) => Some(p),
                Err(_) => {
                    errors = errors.field("perspective", "invalid");
                    None
                }
            },
        };
        let existing = match form.result_id {
            Some(id) => Some(owns_result(&cx.record, id)?.clone()),
            None => None,
        };
        if existing.is_none()
            && let Err(code) = room_for_result(cx.record.results.len())
        {
            errors = errors.field("text", code);
        }
        let (Some(group), Some(text), true) = (group, text, errors.is_empty()) else {
            return Err(AppError::Invalid(errors));
        };
        let txn = cx.db.begin().await?;
        versioning::claim::<skp::Entity>(&txn, skp_id, version).await?;
        let now = Utc::now();
        let parent_text = parent.as_ref().map(|p| p.text.clone());
        let saved = match existing {
            Some(row) => {
                let mut active: skp_hasil::ActiveModel = row.clone().into();
                // Moving a row to the other group puts it at that group's end.
                if row.grp != group {
                    active.position = Set(store::next_position(
                        cx.record
                            .results
                            .iter()
                            .filter(|(r, _)| r.grp == group)
                            .map(|(r, _)| &r.position),
                    ));
                }
                active.grp = Set(group);
                active.text = Set(text);
                if row.parent_id != parent.as_ref().map(|p| p.id) || parent_text.is_some() {
                    active.parent_id = Set(parent.as_ref().map(|p| p.id));
                    active.parent_text = Set(parent_text);
                }
                active.perspective = Set(perspective);
                active.updated_at = Set(now);
                active.update(&txn).await?
            }
            None => {
                let new = store::NewResult {
                    group,
                    text,
                    parent: parent.as_ref(),
                    perspective,
                };
                store::add_result(&txn, &cx.record, new).await?
            }
        };
        txn.commit().await?;
        leptos_axum::redirect(&format!("{}#hasil-{}", cx.link(), saved.id));
        Ok(())
    }

    pub async fn remove_result(
        skp_id: SkpId,
        version: i32,
        result_id: ResultId,
    ) -> Result<(), AppError> {
        let cx = context(skp_id).await?;
        cx.require_editable()?;
        let row = owns_result(&cx.record, result_id)?.clone();
        let txn = cx.db.begin().await?;
        // Subordinates' plans that support this RHK would be left pointing at nothing.
        if store::supporters(&txn, result_id).await? > 0 {
            txn.rollback().await?;
            return Err(AppError::Invalid(
                FormErrors::default()
                    .value("result_id", &result_id.to_string())
                    .field("result", "skp_result_has_supporters"),
            ));
        }
        versioning::claim::<skp::Entity>(&txn, skp_id, version).await?;
        skp_indikator::Entity::delete_many()
            .filter(skp_indikator::Column::HasilId.eq(result_id))
            .exec(&txn)
            .await?;
        row.delete(&txn).await?;
        txn.commit().await?;
        leptos_axum::redirect(&cx.link());
        Ok(())
    }

    pub async fn move_result(
        skp_id: SkpId,
        version: i32,
        result_id: ResultId,
        direction: String,
    ) -> Result<(), AppError> {
        let cx = context(skp_id).await?;
        cx.require_editable()?;
        let row = owns_result(&cx.record, result_id)?.clone();
        let siblings: Vec<&skp_hasil::Model> = cx
            .record
            .results
            .iter()
            .map(|(r, _)| r)
            .filter(|r| r.grp == row.grp)
            .collect();
        let at = siblings
            .iter()
            .position(|r| r.id == result_id)
            .ok_or(AppError::NotFound)?;
        let other = match direction.as_str() {
            "up" if at > 0 => siblings[at - 1],
            "down" if at + 1 < siblings.len() => siblings[at + 1],
            "up" | "down" => {
                leptos_axum::redirect(&format!("{}#hasil-{}", cx.link(), result_id));
                return Ok(());
            }
            _ => {
                return Err(AppError::Invalid(
                    FormErrors::default().field("direction", "invalid"),
                ));
            }
        };
        let txn = cx.db.begin().await?;
        versioning::claim::<skp::Entity>(&txn, skp_id, version).await?;
        // Positions may tie (rows added in the same instant): give each its list index first.
        let (mine, theirs) = if row.position == other.position {
            let a = i32::try_from(at).unwrap_or(0);
            if direction == "up" {
                (a - 1, a)
            } else {
                (a + 1, a)
            }
        } else {
            (other.position, row.position)
        };
        for (id, position) in [(row.id, mine), (other.id, theirs)] {
            skp_hasil::ActiveModel {
                id: Set(id),
                position: Set(position),
                ..Default::default()
            }
            .update(&txn)
            .await?;
        }
        txn.commit().await?;
        leptos_axum::redirect(&format!("{}#hasil-{}", cx.link(), result_id));
        Ok(())
    }

    pub async fn save_indicator(
        skp_id: SkpId,
        version: i32,
        form: IndicatorForm,
    ) -> Result<(), AppError> {
        let cx = context(skp_id).await?;
        cx.require_editable()?;
        owns_result(&cx.record, form.result_id)?;
        let existing = match form.indicator_id {
            Some(id) => Some(
                cx.record
                    .results
                    .iter()
                    .flat_map(|(_, i)| i)
                    .find(|i| i.id == id && i.hasil_id == form.result_id)
                    .ok_or(AppError::NotFound)?
                    .clone(),
            ),
            None => None,
        };
        let mut errors = FormErrors::default()
            .value("result_id", &form.result_id.to_string())
            .value(
                "indicator_id",
                &form.indicator_id.map(|i| i.to_string()).unwrap_or_default(),
            )
            .value("aspect", &form.aspect)
            .value("text", &form.text)
            .value("target_min", &form.target_min)
            .value("target_max", &form.target_max)
            .value("target_unit", &form.target_unit);
        let quantitative = cx.record.skp.approach == Approach::Kuantitatif;
        let text = checked(
            &mut errors,
            "text",
            clean_text(&form.text, INDICATOR_TEXT_MAX),
        );
        let (mut aspect, mut min, mut max, mut unit) = (None, None, None, None);
        // Qualitative plans narrate indicator and target together: nothing else is kept.
        if quantitative {
            match form.aspect.trim() {
                "" => {}
                raw => match raw.parse::<Aspect>() {
                    Ok(a) => aspect = Some(a),
                    Err(_) => errors = errors.field("aspect", "invalid"),
                },
            }
            match parse_target(&form.target_min) {
                Ok(v) => min = v,
                Err(code) => errors = errors.field("target_min", code),
            }
            match parse_target(&form.target_max) {
                Ok(v) => max = v,
                Err(code) => errors = errors.field("target_max", code),
            }
            match clean_unit(&form.target_unit) {
                Ok(v) => unit = v,
                Err(code) => errors = errors.field("target_unit", code),
            }
            if max.is_some() && min.is_none() && errors.error_for("target_min").is_none() {
                errors = errors.field("target_min", "required");
            }
            if let Err(code) = check_target_range(&min, &max) {
                errors = errors.field("target_max", code);
            }
        }
        if existing.is_none() {
            let siblings = cx
                .record
                .results
                .iter()
                .find(|(r, _)| r.id == form.result_id)
                .map_or(0, |(_, indicators)| indicators.len());
            if let Err(code) = room_for_indicator(siblings) {
                errors = errors.field("text", code);
            }
        }
        let (Some(text), true) = (text, errors.is_empty()) else {
            return Err(AppError::Invalid(errors));
        };
        let txn = cx.db.begin().await?;
        versioning::claim::<skp::Entity>(&txn, skp_id, version).await?;
        match existing {
            Some(row) => {
                let mut active: skp_indikator::ActiveModel = row.into();
                active.aspect = Set(aspect);
                active.text = Set(text);
                active.target_min = Set(min);
                active.target_max = Set(max);
                active.target_unit = Set(unit);
                active.update(&txn).await?;
            }
            None => {
                let new = store::NewIndicator {
                    aspect,
                    text,
                    target_min: min,
                    target_max: max,
                    target_unit: unit,
                };
                store::add_indicator(&txn, &cx.record, form.result_id, new).await?;
            }
        }
        txn.commit().await?;
        leptos_axum::redirect(&format!("{}#hasil-{}", cx.link(), form.result_id));
        Ok(())
    }

    pub async fn remove_indicator(
        skp_id: SkpId,
        version: i32,
        indicator_id: IndicatorId,
    ) -> Result<(), AppError> {
        let cx = context(skp_id).await?;
        cx.require_editable()?;
        let row = cx
            .record
            .results
            .iter()
            .flat_map(|(_, i)| i)
            .find(|i| i.id == indicator_id)
            .ok_or(AppError::NotFound)?
            .clone();
        let txn = cx.db.begin().await?;
        versioning::claim::<skp::Entity>(&txn, skp_id, version).await?;
        let result_id = row.hasil_id;
        row.delete(&txn).await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("{}#hasil-{}", cx.link(), result_id));
        Ok(())
    }

    pub async fn save_attachment(
        skp_id: SkpId,
        version: i32,
        kind: String,
        text: String,
    ) -> Result<(), AppError> {
        let cx = context(skp_id).await?;
        cx.require_editable()?;
        let mut errors = FormErrors::default()
            .value("kind", &kind)
            .value("text", &text);
        let parsed = kind.parse::<AttachmentKind>().ok();
        if parsed.is_none() {
            errors = errors.field("kind", "invalid");
        }
        let clean = checked(&mut errors, "text", clean_text(&text, ATTACHMENT_TEXT_MAX));
        if let Some(kind) = parsed
            && let Err(code) = room_for_attachment(
                cx.record
                    .attachments
                    .iter()
                    .filter(|a| a.kind == kind)
                    .count(),
            )
        {
            errors = errors.field("text", code);
        }
        let (Some(kind), Some(text), true) = (parsed, clean, errors.is_empty()) else {
            return Err(AppError::Invalid(errors));
        };
        let txn = cx.db.begin().await?;
        versioning::claim::<skp::Entity>(&txn, skp_id, version).await?;
        skp_lampiran::ActiveModel {
            skp_id: Set(skp_id),
            kind: Set(kind),
            position: Set(store::next_position(
                cx.record
                    .attachments
                    .iter()
                    .filter(|a| a.kind == kind)
                    .map(|a| &a.position),
            )),
            text: Set(text),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("{}#lampiran", cx.link()));
        Ok(())
    }

    pub async fn remove_attachment(
        skp_id: SkpId,
        version: i32,
        item_id: AttachmentId,
    ) -> Result<(), AppError> {
        let cx = context(skp_id).await?;
        cx.require_editable()?;
        let row = cx
            .record
            .attachments
            .iter()
            .find(|a| a.id == item_id)
            .ok_or(AppError::NotFound)?
            .clone();
        let txn = cx.db.begin().await?;
        versioning::claim::<skp::Entity>(&txn, skp_id, version).await?;
        row.delete(&txn).await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("{}#lampiran", cx.link()));
        Ok(())
    }

    pub async fn save_expectation(
        skp_id: SkpId,
        version: i32,
        value: u8,
        text: String,
    ) -> Result<(), AppError> {
        let cx = context(skp_id).await?;
        if !cx.is_appraiser {
            return Err(AppError::Forbidden);
        }
        cx.require_open_period()?;
        if !cx.state.appraiser_may_write_expectations() {
            return Err(AppError::Invalid(
                FormErrors::default().field("event", "skp_not_editable"),
            ));
        }
        let core = CoreValue::from_number(value).ok_or(AppError::NotFound)?;
        let text = match text.trim() {
            "" => None,
            _ => Some(clean_text(&text, NOTE_MAX).map_err(|code| {
                AppError::Invalid(
                    FormErrors::default()
                        .value("value", &value.to_string())
                        .value("text", &text)
                        .field("text", code),
                )
            })?),
        };
        let row = cx
            .record
            .behaviours
            .iter()
            .find(|b| b.core_value == i32::from(core.number()))
            .ok_or(AppError::Internal)?
            .clone();
        let txn = cx.db.begin().await?;
        versioning::claim::<skp::Entity>(&txn, skp_id, version).await?;
        let mut active: skp_perilaku::ActiveModel = row.into();
        active.expectation = Set(text);
        active.update(&txn).await?;
        cx.audit(
            &txn,
            "skp_expectation_set",
            serde_json::json!({ "value": value }),
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("{}#perilaku-{}", cx.link(), value));
        Ok(())
    }

    pub async fn add_comment(
        skp_id: SkpId,
        result_id: Option<ResultId>,
        body: String,
    ) -> Result<(), AppError> {
        let cx = context(skp_id).await?;
        if !(cx.is_owner || cx.is_appraiser) || cx.state.is_final() {
            return Err(AppError::Forbidden);
        }
        cx.require_open_period()?;
        if let Some(id) = result_id {
            owns_result(&cx.record, id)?;
        }
        let body = clean_text(&body, NOTE_MAX).map_err(|code| {
            AppError::Invalid(
                FormErrors::default()
                    .value(
                        "result_id",
                        &result_id.map(|i| i.to_string()).unwrap_or_default(),
                    )
                    .value("body", &body)
                    .field("body", code),
            )
        })?;
        let author = cx.user.account.pegawai_id.ok_or(AppError::Forbidden)?;
        let txn = cx.db.begin().await?;
        skp_komentar::ActiveModel {
            skp_id: Set(skp_id),
            hasil_id: Set(result_id),
            author_id: Set(author),
            body: Set(body),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        // The other side of the conversation hears about it.
        let recipients = if cx.is_owner {
            crate::db::people::appraiser_recipients(&txn, &cx.record.skp).await?
        } else {
            vec![cx.record.skp.pegawai_id]
        };
        for recipient in recipients {
            notifications::notify_employee(
                &txn,
                recipient,
                NotificationKind::SkpCommented,
                Some(skp_id),
                &cx.actor_name()?,
                &cx.link(),
                None,
            )
            .await?;
        }
        txn.commit().await?;
        let anchor = result_id.map_or_else(|| "komentar".to_owned(), |id| format!("hasil-{id}"));
        leptos_axum::redirect(&format!("{}#{anchor}", cx.link()));
        Ok(())
    }

    pub async fn fire(
        skp_id: SkpId,
        version: i32,
        event: String,
        note: String,
    ) -> Result<(), AppError> {
        let cx = context(skp_id).await?;
        let event: SkpEvent = event
            .parse()
            .map_err(|_| AppError::Invalid(FormErrors::default().field("event", "invalid")))?;
        let party = match event {
            SkpEvent::Submit if cx.is_owner => SkpParty::Owner,
            SkpEvent::Return | SkpEvent::Approve if cx.is_appraiser => SkpParty::Appraiser,
            SkpEvent::RequestRevision if cx.is_owner => SkpParty::Owner,
            SkpEvent::RequestRevision if cx.is_appraiser => SkpParty::Appraiser,
            _ => return Err(AppError::Forbidden),
        };
        cx.require_open_period()?;
        let note = if event.needs_note() {
            Some(clean_text(&note, NOTE_MAX).map_err(|code| {
                AppError::Invalid(
                    FormErrors::default()
                        .value("event", event.as_str())
                        .value("note", &note)
                        .field("note", code),
                )
            })?)
        } else {
            None
        };
        let txn = cx.db.begin().await?;
        let mut record = cx.record.clone();
        if event == SkpEvent::Submit {
            // The appraiser of record for this period decides who receives it.
            let me = pegawai::Entity::find_by_id(record.skp.pegawai_id)
                .one(&txn)
                .await?
                .ok_or(AppError::NotFound)?;
            let appraisers =
                crate::db::periods::appraisers_for(&txn, &me, record.skp.periode_id).await?;
            if appraisers.missing_for(me.id) {
                txn.rollback().await?;
                return Err(AppError::Invalid(
                    FormErrors::default().field("event", "skp_no_appraiser"),
                ));
            }
            let leaders: Vec<ResultId> =
                store::leader_results(&txn, appraisers.penilai, record.skp.periode_id)
                    .await?
                    .iter()
                    .map(|l| l.id)
                    .collect();
            if !submit_problems(&record.draft(), &leaders).is_empty() {
                txn.rollback().await?;
                return Err(AppError::Invalid(
                    FormErrors::default().field("event", "skp_incomplete"),
                ));
            }
            if appraisers != crate::db::periods::Appraisers::of_plan(&record.skp) {
                skp::ActiveModel {
                    id: Set(record.skp.id),
                    penilai_id: Set(appraisers.penilai),
                    atasan_penilai_id: Set(appraisers.atasan),
                    penilai_luar_id: Set(appraisers.external),
                    ..Default::default()
                }
                .update(&txn)
                .await?;
                record.skp.penilai_id = appraisers.penilai;
                record.skp.atasan_penilai_id = appraisers.atasan;
                record.skp.penilai_luar_id = appraisers.external;
            }
        }
        let fired = store::fire(
            &txn,
            &record,
            version,
            event,
            party,
            Some(cx.user.account.id),
            note.clone(),
        )
        .await?;
        cx.audit(
            &txn,
            &format!("skp_{}", event.as_str()),
            serde_json::json!({
                "from": fired.from.as_str(),
                "to": fired.to.as_str(),
                "note": note,
            }),
        )
        .await?;
        let (recipient, kind) = match (event, party) {
            (SkpEvent::Submit, _) => (record.skp.penilai_id, NotificationKind::SkpSubmitted),
            (SkpEvent::Return, _) => (Some(record.skp.pegawai_id), NotificationKind::SkpReturned),
            (SkpEvent::Approve, _) => (Some(record.skp.pegawai_id), NotificationKind::SkpApproved),
            (SkpEvent::RequestRevision, SkpParty::Owner) => (
                record.skp.penilai_id,
                NotificationKind::SkpRevisionRequested,
            ),
            _ => (
                Some(record.skp.pegawai_id),
                NotificationKind::SkpRevisionRequested,
            ),
        };
        // What is meant for an appraiser outside the application goes to the admins who
        // record their decisions.
        let recipients = match (recipient, party) {
            (Some(recipient), _) => vec![recipient],
            (None, SkpParty::Owner) => {
                crate::db::people::appraiser_recipients(&txn, &record.skp).await?
            }
            (None, _) => Vec::new(),
        };
        for recipient in recipients {
            notifications::notify_employee(
                &txn,
                recipient,
                kind,
                Some(skp_id),
                &cx.actor_name()?,
                &cx.link(),
                note.as_deref(),
            )
            .await?;
        }
        txn.commit().await?;
        leptos_axum::redirect(&format!("{}?status={}", cx.link(), fired.to.as_str()));
        Ok(())
    }

    /// A person on the review list who has not started a plan in `period`.
    fn not_started(
        person: pegawai::Model,
        period: &periode::Model,
        today: chrono::NaiveDate,
        acting_for: Option<String>,
    ) -> ReviewRow {
        ReviewRow {
            employee: display_name(
                person.front_title.as_deref(),
                &person.name,
                person.back_title.as_deref(),
            ),
            nip: person.nip,
            skp_id: None,
            state: None,
            submitted_at: None,
            overdue: planning_overdue(None, period.planning_deadline, today),
            acting_for,
        }
    }

    /// The plans of the open period whose appraiser works outside the application and for whom
    /// `user` (an admin over the employee) records decisions.
    async fn external_reviews(
        db: &DatabaseConnection,
        user: &CurrentUser,
        period: &periode::Model,
        today: chrono::NaiveDate,
    ) -> Result<Vec<ReviewRow>, AppError> {
        if user.actor.admin_rank() == crate::domain::access::AdminRank::None {
            return Ok(Vec::new());
        }
        let plans = skp::Entity::find()
            .filter(skp::Column::PeriodeId.eq(period.id))
            .filter(skp::Column::PenilaiLuarId.is_not_null())
            .filter(skp::Column::State.ne(SkpState::Cancelled))
            .filter(skp::Column::EndsOn.is_null())
            .all(db)
            .await?;
        let time_zone = crate::db::agency::time_zone(db).await?;
        let mut rows = Vec::new();
        for plan in &plans {
            let facts = plan_facts(db, plan).await?;
            if authorize(
                &user.actor,
                Action::ActForExternalAppraiser,
                Target::Employee(&facts),
            )
            .is_err()
            {
                continue;
            }
            let header = store::parse_header(plan)?;
            rows.push(ReviewRow {
                employee: header.employee.name,
                nip: header.employee.nip,
                skp_id: Some(plan.id),
                state: Some(plan.state),
                submitted_at: plan
                    .submitted_at
                    .map(|at| crate::ui::dates::local_moment(time_zone, at)),
                overdue: planning_overdue(Some(plan.state), period.planning_deadline, today),
                acting_for: Some(header.appraiser.map(|a| a.name).unwrap_or_default()),
            });
        }
        // Those the official appraises who have not started a plan yet.
        let started: Vec<EmployeeId> = plans.iter().map(|p| p.pegawai_id).collect();
        let waiting = pegawai::Entity::find()
            .filter(pegawai::Column::PenilaiLuarId.is_not_null())
            .filter(pegawai::Column::Active.eq(true))
            .all(db)
            .await?;
        for person in waiting {
            let Some(official) = person.penilai_luar_id else {
                continue;
            };
            if started.contains(&person.id) {
                continue;
            }
            let facts = crate::db::people::employee_facts(db, person.id).await?;
            if authorize(
                &user.actor,
                Action::ActForExternalAppraiser,
                Target::Employee(&facts),
            )
            .is_err()
            {
                continue;
            }
            let official = crate::db::officials::chain_from(db, official)
                .await?
                .first()
                .map(|o| o.name.clone());
            rows.push(not_started(person, period, today, official));
        }
        Ok(rows)
    }

    pub async fn reviews() -> Result<ReviewList, AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let agency = crate::db::agency::primary(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        let Some(period) = crate::db::periods::open_period(&db, agency.id).await? else {
            return Ok(ReviewList {
                viewer: user.account.id,
                period: None,
                rows: Vec::new(),
            });
        };
        let Some(me) = user.account.pegawai_id else {
            return Ok(ReviewList {
                viewer: user.account.id,
                period: Some(period_info(&period)),
                rows: Vec::new(),
            });
        };
        let today = state::clock()?.today_in(agency.time_zone);
        let plans = skp::Entity::find()
            .filter(skp::Column::PeriodeId.eq(period.id))
            .filter(skp::Column::PenilaiId.eq(me))
            .filter(skp::Column::State.ne(SkpState::Cancelled))
            .all(&db)
            .await?;
        let mut rows = Vec::new();
        let mut seen = Vec::new();
        for plan in &plans {
            let person = pegawai::Entity::find_by_id(plan.pegawai_id)
                .one(&db)
                .await?
                .ok_or(AppError::Internal)?;
            seen.push(person.id);
            rows.push(ReviewRow {
                employee: display_name(
                    person.front_title.as_deref(),
                    &person.name,
                    person.back_title.as_deref(),
                ),
                nip: person.nip,
                skp_id: Some(plan.id),
                state: Some(plan.state),
                submitted_at: match plan.submitted_at {
                    Some(at) => Some(crate::ui::dates::local_moment(agency.time_zone, at)),
                    None => None,
                },
                overdue: planning_overdue(Some(plan.state), period.planning_deadline, today),
                acting_for: None,
            });
        }
        // People this appraiser is responsible for who have not started a plan yet.
        let team = pegawai::Entity::find()
            .filter(pegawai::Column::PenilaiId.eq(me))
            .filter(pegawai::Column::Active.eq(true))
            .all(&db)
            .await?;
        for person in team {
            if seen.contains(&person.id) {
                continue;
            }
            let appraisers = crate::db::periods::appraisers_for(&db, &person, period.id).await?;
            if appraisers.penilai != Some(me) {
                continue;
            }
            rows.push(not_started(person, &period, today, None));
        }
        rows.extend(external_reviews(&db, &user, &period, today).await?);
        // Waiting for this appraiser first, then by name.
        rows.sort_by(|a, b| {
            let waiting = |r: &ReviewRow| !r.state.is_some_and(SkpState::awaits_appraiser);
            (waiting(a), &a.employee).cmp(&(waiting(b), &b.employee))
        });
        Ok(ReviewList {
            viewer: user.account.id,
            period: Some(period_info(&period)),
            rows,
        })
    }
}
