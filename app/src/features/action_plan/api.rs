//! Server functions of the action plan. Who may do what is the SKP's: the plan's owner writes and
//! hands in, its appraiser (or the admin recording for an appraiser outside the application)
//! agrees or returns; the state machine is `domain::action_plan`.

use super::types::*;
use crate::domain::ids::SkpId;
use crate::error::AppError;
use leptos::prelude::*;
use std::collections::HashMap;

#[server(endpoint = "action-plan/view")]
pub async fn load_action_plan(skp_id: SkpId) -> Result<ActionPlanView, AppError> {
    crate::state::respond(ssr::view(skp_id).await)
}

/// The steps as the form posts them: `aksi[k14-7]` (what will be done for IKI 14 in July) and
/// `target[k14-7]` (`domain::action_plan::cell_key`). `hand_in` is set by the button that also hands the plan to the appraiser.
#[server(endpoint = "action-plan/save")]
pub async fn save_action_plan(
    skp_id: SkpId,
    #[server(default)] aksi: HashMap<String, String>,
    #[server(default)] target: HashMap<String, String>,
    hand_in: Option<String>,
) -> Result<(), AppError> {
    crate::state::respond(ssr::save(skp_id, aksi, target, hand_in.is_some()).await)
}

/// Agree, return (with a note) or reopen an agreed action plan.
#[server(endpoint = "action-plan/decide")]
pub async fn decide_action_plan(
    skp_id: SkpId,
    event: String,
    note: Option<String>,
) -> Result<(), AppError> {
    crate::state::respond(ssr::decide(skp_id, event, note.unwrap_or_default()).await)
}

/// Action plans handed in to the signed-in appraiser, oldest first.
#[server(endpoint = "action-plan/waiting")]
pub async fn load_waiting_action_plans() -> Result<Vec<WaitingActionPlan>, AppError> {
    crate::state::respond(ssr::waiting().await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::db::action_plans;
    use crate::db::entities::{pegawai, rencana_aksi_status, skp};
    use crate::db::notifications;
    use crate::domain::action_plan::{
        ActionPlanEvent, ActionPlanParty, ActionPlanState, NOTE_MAX, StepDraft, StepField,
        available_events, cell_key, planned_sub_periods, transition,
    };
    use crate::domain::employee::display_name;
    use crate::domain::ids::IndicatorId;
    use crate::domain::notification::NotificationKind;
    use crate::domain::period::{PeriodState, SubPeriod, sub_periods};
    use crate::domain::skp::format_target;
    use crate::domain::text::clean_text;
    use crate::error::FormErrors;
    use crate::features::skp::ssr::{Context, context};
    use crate::state;
    use sea_orm::sea_query::Query;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait};

    fn link(skp_id: SkpId) -> String {
        format!("/skp/{skp_id}/rencana-aksi")
    }

    fn refused(code: &str) -> AppError {
        AppError::Invalid(FormErrors::default().field("action_plan", code))
    }

    fn planned(cx: &Context) -> Vec<SubPeriod> {
        let period = &cx.record.period;
        planned_sub_periods(
            &sub_periods(period.year, period.evaluation_interval),
            crate::db::segments::segment_of(&cx.record.skp, period),
        )
    }

    /// Every IKI of the plan with its sub-periods: the cells of the form.
    fn cells(cx: &Context) -> Vec<(IndicatorId, u8)> {
        let subs = planned(cx);
        cx.record
            .results
            .iter()
            .flat_map(|(_, indicators)| indicators.iter())
            .flat_map(|i| subs.iter().map(move |s| (i.id, s.seq)))
            .collect()
    }

    fn state_of(status: &Option<rencana_aksi_status::Model>) -> ActionPlanState {
        status.as_ref().map_or(ActionPlanState::Draft, |s| s.state)
    }

    fn may_edit(cx: &Context, state: ActionPlanState) -> bool {
        cx.is_owner
            && !cx.period_closed
            && cx.state.is_effective()
            && state == ActionPlanState::Draft
    }

    pub async fn view(skp_id: SkpId) -> Result<ActionPlanView, AppError> {
        let cx = context(skp_id).await?;
        let status = action_plans::status(&cx.db, skp_id).await?;
        let stored = action_plans::steps(&cx.db, skp_id).await?;
        let state = state_of(&status);
        let subs = planned(&cx);
        let comma =
            crate::state::request_cookie(crate::ui::locale::LOCALE_COOKIE).as_deref() != Some("en");
        let indicators = cx
            .record
            .results
            .iter()
            .flat_map(|(result, indicators)| indicators.iter().map(move |i| (result, i)))
            .map(|(result, i)| IndicatorSteps {
                id: i.id,
                result: result.text.clone(),
                text: i.text.clone(),
                annual_target: format_target(
                    i.target_min.as_deref(),
                    i.target_max.as_deref(),
                    i.target_unit.as_deref(),
                    comma,
                ),
                unit: i.target_unit.clone(),
                steps: subs
                    .iter()
                    .map(|s| {
                        let step = stored
                            .iter()
                            .find(|r| r.indikator_id == i.id && r.seq == i32::from(s.seq));
                        StepView {
                            seq: s.seq,
                            description: step.map(|r| r.description.clone()).unwrap_or_default(),
                            target: step.map(|r| r.target.clone()).unwrap_or_default(),
                        }
                    })
                    .collect(),
            })
            .collect();
        let mut events = Vec::new();
        if !cx.period_closed && cx.state.is_effective() && status.is_some() {
            if cx.is_owner {
                events.extend(
                    available_events(state, ActionPlanParty::Owner)
                        .into_iter()
                        // Handing in goes with the form's own button, which saves first.
                        .filter(|e| *e != ActionPlanEvent::Submit),
                );
            }
            if cx.is_appraiser {
                events.extend(available_events(state, ActionPlanParty::Appraiser));
            }
        }
        let header = crate::db::skp::parse_header(&cx.record.skp)?;
        Ok(ActionPlanView {
            skp_id,
            employee: header.employee.name,
            year: cx.record.period.year,
            state: status.as_ref().map(|s| s.state),
            note: status.as_ref().and_then(|s| s.note.clone()),
            plan_established: cx.state.is_effective(),
            sub_periods: subs
                .iter()
                .map(|s| SubPeriodHead {
                    seq: s.seq,
                    starts_on: s.starts_on,
                    ends_on: s.ends_on,
                })
                .collect(),
            indicators,
            may_edit: may_edit(&cx, state),
            events,
            acting_for: cx.acting_for.clone(),
        })
    }

    pub async fn save(
        skp_id: SkpId,
        aksi: HashMap<String, String>,
        target: HashMap<String, String>,
        hand_in: bool,
    ) -> Result<(), AppError> {
        let cx = context(skp_id).await?;
        if !cx.is_owner {
            return Err(AppError::Forbidden);
        }
        cx.require_open_period()?;
        if !cx.state.is_effective() {
            return Err(refused("action_plan_not_established"));
        }
        // Only the cells of this plan are read; anything else in the post is not stored.
        let stored = action_plans::steps(&cx.db, skp_id).await?;
        let mut errors = FormErrors::default();
        let mut steps = Vec::new();
        for (indicator, seq) in cells(&cx) {
            let key = cell_key(indicator, seq);
            let typed = StepDraft {
                description: aksi.get(&key).cloned().unwrap_or_default(),
                target: target.get(&key).cloned().unwrap_or_default(),
            };
            // A refused post comes back in the address: only what differs from the stored step
            // is carried (a year of long steps would not fit in it); the page shows the stored
            // text for the rest, which is what the person saw when they posted.
            let saved = stored
                .iter()
                .find(|r| r.indikator_id == indicator && r.seq == i32::from(seq));
            for (field, value, before) in [
                (
                    StepField::Description,
                    &typed.description,
                    saved.map(|r| r.description.as_str()),
                ),
                (
                    StepField::Target,
                    &typed.target,
                    saved.map(|r| r.target.as_str()),
                ),
            ] {
                if value.as_str() != before.unwrap_or_default() {
                    errors = errors.value(&field.name(indicator, seq), value);
                }
            }
            match typed.clean() {
                Ok(step) => {
                    if hand_in {
                        for field in step.missing() {
                            errors = errors.field(&field.name(indicator, seq), "required");
                        }
                    }
                    steps.push((indicator, seq, step));
                }
                Err((field, code)) => errors = errors.field(&field.name(indicator, seq), code),
            }
        }
        if !errors.is_empty() {
            if hand_in {
                errors = errors.field("action_plan", "action_plan_incomplete");
            }
            return Err(AppError::Invalid(errors));
        }
        let now = state::clock()?.now();
        let txn = cx.db.begin().await?;
        // Read again inside the transaction: the appraiser may have acted since the page loaded.
        let state = state_of(&action_plans::status(&txn, skp_id).await?);
        if !may_edit(&cx, state) {
            return Err(refused("action_plan_not_editable"));
        }
        action_plans::replace_steps(&txn, skp_id, &steps, now).await?;
        if hand_in {
            let next = transition(state, ActionPlanEvent::Submit, ActionPlanParty::Owner)
                .ok_or_else(|| refused("action_plan_not_editable"))?;
            if !action_plans::move_state(&txn, skp_id, state, next, None, now).await? {
                return Err(AppError::Conflict);
            }
            for recipient in crate::db::people::appraiser_recipients(&txn, &cx.record.skp).await? {
                notifications::notify_employee(
                    &txn,
                    recipient,
                    NotificationKind::ActionPlanSubmitted,
                    Some(skp_id),
                    &cx.actor_name()?,
                    &link(skp_id),
                    None,
                )
                .await?;
            }
        }
        cx.audit(
            &txn,
            if hand_in {
                "action_plan.submit"
            } else {
                "action_plan.save"
            },
            serde_json::json!({ "steps": steps.iter().filter(|(_, _, s)| !s.is_empty()).count() }),
        )
        .await?;
        txn.commit().await?;
        let status = if hand_in { "submitted" } else { "saved" };
        leptos_axum::redirect(&format!("{}?status={status}", link(skp_id)));
        Ok(())
    }

    pub async fn decide(skp_id: SkpId, event: String, note: String) -> Result<(), AppError> {
        let cx = context(skp_id).await?;
        let event: ActionPlanEvent = event.parse().map_err(|_| refused("invalid"))?;
        let party = match event {
            ActionPlanEvent::Return | ActionPlanEvent::Agree if cx.is_appraiser => {
                ActionPlanParty::Appraiser
            }
            ActionPlanEvent::Reopen if cx.is_owner => ActionPlanParty::Owner,
            // Handing in saves the steps first: it goes through `save`.
            ActionPlanEvent::Submit if cx.is_owner => return Err(refused("invalid")),
            _ => return Err(AppError::Forbidden),
        };
        cx.require_open_period()?;
        if !cx.state.is_effective() {
            return Err(refused("action_plan_not_established"));
        }
        let note = if event.needs_note() {
            let cleaned = clean_text(&note, NOTE_MAX)
                .and_then(|n| if n.is_empty() { Err("required") } else { Ok(n) });
            match cleaned {
                Ok(n) => Some(n),
                Err(code) => {
                    return Err(AppError::Invalid(
                        FormErrors::default()
                            .value("event", event.as_str())
                            .value("note", &note)
                            .field("note", code),
                    ));
                }
            }
        } else {
            None
        };
        let now = state::clock()?.now();
        let txn = cx.db.begin().await?;
        let Some(status) = action_plans::status(&txn, skp_id).await? else {
            return Err(refused("action_plan_not_editable"));
        };
        let next = transition(status.state, event, party)
            .ok_or_else(|| refused("action_plan_not_editable"))?;
        if !action_plans::move_state(&txn, skp_id, status.state, next, note.clone(), now).await? {
            return Err(AppError::Conflict);
        }
        let kind = match event {
            ActionPlanEvent::Agree => Some(NotificationKind::ActionPlanAgreed),
            ActionPlanEvent::Return => Some(NotificationKind::ActionPlanReturned),
            ActionPlanEvent::Submit | ActionPlanEvent::Reopen => None,
        };
        if let Some(kind) = kind {
            notifications::notify_employee(
                &txn,
                cx.record.skp.pegawai_id,
                kind,
                Some(skp_id),
                &cx.actor_name()?,
                &link(skp_id),
                note.as_deref(),
            )
            .await?;
        }
        cx.audit(
            &txn,
            &format!("action_plan.{}", event.as_str()),
            serde_json::json!({ "state": next.as_str(), "note": note }),
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("{}?status={}", link(skp_id), next.as_str()));
        Ok(())
    }

    pub async fn waiting() -> Result<Vec<WaitingActionPlan>, AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let Some(me) = user.account.pegawai_id else {
            return Ok(Vec::new());
        };
        let open_periods = Query::select()
            .column(crate::db::entities::periode::Column::Id)
            .from(crate::db::entities::periode::Entity)
            .and_where(crate::db::entities::periode::Column::State.eq(PeriodState::Open))
            .to_owned();
        let plans = skp::Entity::find()
            .filter(skp::Column::PenilaiId.eq(me))
            .filter(skp::Column::PeriodeId.in_subquery(open_periods))
            .all(&db)
            .await?;
        let waiting = rencana_aksi_status::Entity::find()
            .filter(rencana_aksi_status::Column::State.eq(ActionPlanState::Submitted))
            .filter(rencana_aksi_status::Column::SkpId.is_in(plans.iter().map(|p| p.id)))
            .order_by_asc(rencana_aksi_status::Column::SubmittedAt)
            .all(&db)
            .await?;
        let time_zone = crate::db::agency::time_zone(&db).await?;
        let mut out = Vec::with_capacity(waiting.len());
        for status in waiting {
            let Some(plan) = plans.iter().find(|p| p.id == status.skp_id) else {
                continue;
            };
            let person = pegawai::Entity::find_by_id(plan.pegawai_id)
                .one(&db)
                .await?
                .ok_or(AppError::Internal)?;
            out.push(WaitingActionPlan {
                skp_id: plan.id,
                employee: display_name(
                    person.front_title.as_deref(),
                    &person.name,
                    person.back_title.as_deref(),
                ),
                nip: person.nip,
                submitted_at: status
                    .submitted_at
                    .map(|at| crate::ui::dates::local_moment(time_zone, at))
                    .unwrap_or_default(),
            });
        }
        Ok(out)
    }
}
