//! `/skp/{id}/rencana-aksi` and the appraiser's list of action plans waiting: server-rendered,
//! plain forms (work without JavaScript).

use super::api::*;
use super::types::*;
use crate::domain::action_plan::{
    ActionPlanEvent, ActionPlanState, DESCRIPTION_MAX, StepField, cell_key,
};
use crate::domain::ids::SkpId;
use crate::error::AppError;
use crate::features::admin::load_failure;
use crate::i18n::*;
use crate::ui::banner::{Banner, Tone};
use crate::ui::dates::month_span;
use crate::ui::error::{ErrorNotice, field_message, posted_failure};
use crate::ui::form::{FormErrorSummary, Hidden, Posted, TextAreaField, TextField};
use crate::ui::page::PageHeader;
use crate::ui::tag::{Tag, TagTone};
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_router::hooks::{use_params_map, use_query_map};

type I18n = leptos_i18n::I18nContext<Locale>;

fn state_label(i18n: I18n, state: Option<ActionPlanState>) -> String {
    match state {
        None => t_string!(i18n, action_plan.state_none),
        Some(ActionPlanState::Draft) => t_string!(i18n, action_plan.state_draft),
        Some(ActionPlanState::Submitted) => t_string!(i18n, action_plan.state_submitted),
        Some(ActionPlanState::Agreed) => t_string!(i18n, action_plan.state_agreed),
    }
    .to_string()
}

fn status_message(i18n: I18n, status: &str) -> Option<String> {
    Some(
        match status {
            "saved" => t_string!(i18n, action_plan.saved),
            "submitted" => t_string!(i18n, action_plan.submitted),
            "agreed" => t_string!(i18n, action_plan.agreed),
            "draft" => t_string!(i18n, action_plan.moved_to_draft),
            _ => return None,
        }
        .to_string(),
    )
}

/// `/skp/{id}/rencana-aksi`: the owner writes the steps of every sub-period; the appraiser
/// agrees or returns; everyone else who may see the plan reads it.
#[component]
pub fn ActionPlanPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|v| v.parse::<SkpId>().ok()));
    let data = OnceResource::new(async move {
        match id {
            Some(id) => load_action_plan(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <PageTitle text=move || t_string!(i18n, action_plan.title).to_string() />
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => action_plan_page(i18n, v).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

fn action_plan_page(i18n: I18n, v: ActionPlanView) -> impl IntoView {
    let posted = posted_failure();
    let status = use_query_map().with_untracked(|q| q.get("status"));
    let form = Posted::of(&posted, SaveActionPlan::url());
    let decision = Posted::of(&posted, DecideActionPlan::url());
    // A refusal of the whole plan (not handed in complete, no longer editable) goes on top.
    let top_error = form
        .error_code("action_plan")
        .or_else(|| decision.error_code("action_plan"))
        .map(|code| field_message(i18n, code));
    let general = posted
        .as_ref()
        .map(|(_, e)| e.clone())
        .filter(|e| e.form().is_none());
    let locale = i18n.get_locale_untracked();
    let heads: Vec<(u8, String)> = v
        .sub_periods
        .iter()
        .map(|s| (s.seq, month_span(locale, s.starts_on, s.ends_on)))
        .collect();
    let returned_note = (v.state == Some(ActionPlanState::Draft))
        .then(|| v.note.clone())
        .flatten();
    let skp_link = format!("/skp/{}", v.skp_id);
    let body = if !v.plan_established {
        view! { <Banner tone=Tone::Info testid="action-plan-not-yet"><p>{t!(i18n, action_plan.not_established)}</p></Banner> }
            .into_any()
    } else if v.may_edit {
        edit_form(i18n, &v, &heads, &form).into_any()
    } else {
        read_only(i18n, &v, &heads).into_any()
    };
    view! {
        <article class="skp-page" aria-labelledby="action-plan-title">
            <PageHeader id="action-plan-title" title=t_string!(i18n, action_plan.title).to_string()
                eyebrow=format!("SKP {} · {}", v.year, v.employee)>
                <p><Tag tone=TagTone::of_action_plan(v.state) testid="action-plan-state">{state_label(i18n, v.state)}</Tag></p>
                <p><a href=skp_link>{t!(i18n, action_plan.back_to_skp)}</a></p>
            </PageHeader>
            {status.and_then(|s| status_message(i18n, &s)).map(|m| view! {
                <Banner tone=Tone::Success announce=true testid="action-plan-status"><p>{m}</p></Banner>
            })}
            {top_error.map(|m| view! { <Banner tone=Tone::Error announce=true testid="action-plan-error"><p>{m}</p></Banner> })}
            {general.map(|e| view! { <ErrorNotice error=e /> })}
            {returned_note.map(|note| view! {
                <Banner tone=Tone::Warning testid="action-plan-returned"
                    title=t_string!(i18n, action_plan.returned_note).to_string()>
                    <p class="pre-line">{note}</p>
                </Banner>
            })}
            <p class="hint">{t!(i18n, action_plan.intro)}</p>
            {body}
            {decisions(i18n, &v, &decision)}
        </article>
    }
}

/// The name of sub-period `seq` ("Juli 2026").
fn head_of(heads: &[(u8, String)], seq: u8) -> String {
    heads
        .iter()
        .find(|(s, _)| *s == seq)
        .map(|(_, h)| h.clone())
        .unwrap_or_default()
}

fn indicator_head(i18n: I18n, i: &IndicatorSteps) -> impl IntoView + use<> {
    view! {
        <p class="small muted">{t!(i18n, action_plan.rhk)}": "{i.result.clone()}</p>
        {(!i.annual_target.is_empty()).then(|| view! {
            <p class="small">{t!(i18n, action_plan.annual_target)}": "<strong>{i.annual_target.clone()}</strong></p>
        })}
    }
}

fn edit_form(
    i18n: I18n,
    v: &ActionPlanView,
    heads: &[(u8, String)],
    form: &Posted,
) -> impl IntoView + use<> {
    let indicators = v
        .indicators
        .iter()
        .map(|i| {
            let steps = i
                .steps
                .iter()
                .map(|s| {
                    let head = head_of(heads, s.seq);
                    let key = cell_key(i.id, s.seq);
                    let aksi = StepField::Description.name(i.id, s.seq);
                    let target = StepField::Target.name(i.id, s.seq);
                    let unit_hint = i
                        .unit
                        .clone()
                        .map(|u| t_string!(i18n, action_plan.unit_hint, unit = u).to_string());
                    view! {
                        <div class="action-step">
                            <h3 class="action-step-head">{head}</h3>
                            <TextAreaField id=aksi.clone() name=format!("aksi[{key}]")
                                label=t_string!(i18n, action_plan.step).to_string()
                                value=form.value(&aksi, &s.description) error=form.error(i18n, &aksi)
                                rows="2" maxlength=DESCRIPTION_MAX />
                            <TextField id=target.clone() name=format!("target[{key}]")
                                label=t_string!(i18n, action_plan.period_target).to_string()
                                value=form.value(&target, &s.target) error=form.error(i18n, &target)
                                hint=unit_hint.unwrap_or_default() />
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="action-iki" data-testid=format!("action-iki-{}", i.id)>
                    <legend>{i.text.clone()}</legend>
                    {indicator_head(i18n, i)}
                    <div class="action-steps">{steps}</div>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <form class="form" method="post" action=SaveActionPlan::url() novalidate>
            <FormErrorSummary posted=form.clone() />
            <Hidden name="skp_id" value=v.skp_id.to_string() />
            {indicators}
            <div class="actions sticky-actions">
                <button class="button button-secondary" type="submit" data-testid="action-plan-save">{t!(i18n, action_plan.save)}</button>
                <button class="button" type="submit" name="hand_in" value="1" data-testid="action-plan-hand-in">{t!(i18n, action_plan.hand_in)}</button>
            </div>
        </form>
    }
}

fn read_only(i18n: I18n, v: &ActionPlanView, heads: &[(u8, String)]) -> impl IntoView + use<> {
    v.indicators
        .iter()
        .map(|i| {
            let rows = i
                .steps
                .iter()
                .map(|s| {
                    let head = head_of(heads, s.seq);
                    let empty = t_string!(i18n, action_plan.empty_step).to_string();
                    view! {
                        <tr>
                            <th scope="row">{head}</th>
                            <td data-label=t_string!(i18n, action_plan.step).to_string() class="pre-line">
                                {if s.description.is_empty() { empty.clone() } else { s.description.clone() }}
                            </td>
                            <td data-label=t_string!(i18n, action_plan.period_target).to_string()>
                                {if s.target.is_empty() { empty } else { format!("{} {}", s.target, i.unit.clone().unwrap_or_default()).trim_end().to_owned() }}
                            </td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <section class="action-iki" data-testid=format!("action-iki-{}", i.id)>
                    <h2>{i.text.clone()}</h2>
                    {indicator_head(i18n, i)}
                    <div class="table-wrap">
                        <table class="data-table cards-on-phone">
                            <thead><tr>
                                <th scope="col">{t!(i18n, action_plan.sub_period)}</th>
                                <th scope="col">{t!(i18n, action_plan.step)}</th>
                                <th scope="col">{t!(i18n, action_plan.period_target)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                </section>
            }
        })
        .collect_view()
}

fn decisions(i18n: I18n, v: &ActionPlanView, posted: &Posted) -> impl IntoView + use<> {
    let skp_id = v.skp_id.to_string();
    let acting = v.acting_for.clone().map(|name| {
        view! { <p class="small muted">{t!(i18n, action_plan.acting_for, name = name)}</p> }
    });
    let forms = v
        .events
        .iter()
        .map(|event| {
            let skp_id = skp_id.clone();
            match event {
                ActionPlanEvent::Return => view! {
                    <form class="form" method="post" action=DecideActionPlan::url()>
                        <FormErrorSummary posted=posted.clone() />
                        <Hidden name="skp_id" value=skp_id />
                        <Hidden name="event" value="return".to_owned() />
                        <TextAreaField name="note" label=t_string!(i18n, action_plan.return_note).to_string()
                            value=posted.value("note", "") error=posted.error(i18n, "note") rows="3" />
                        <button class="button button-secondary" type="submit" data-testid="action-plan-return">{t!(i18n, action_plan.return_button)}</button>
                    </form>
                }
                .into_any(),
                ActionPlanEvent::Agree => view! {
                    <form method="post" action=DecideActionPlan::url() class="inline-form">
                        <Hidden name="skp_id" value=skp_id />
                        <Hidden name="event" value="agree".to_owned() />
                        <button class="button" type="submit" data-testid="action-plan-agree">{t!(i18n, action_plan.agree_button)}</button>
                    </form>
                }
                .into_any(),
                ActionPlanEvent::Reopen => view! {
                    <form method="post" action=DecideActionPlan::url() class="inline-form">
                        <Hidden name="skp_id" value=skp_id />
                        <Hidden name="event" value="reopen".to_owned() />
                        <button class="button button-secondary" type="submit" data-testid="action-plan-reopen">{t!(i18n, action_plan.reopen_button)}</button>
                        <p class="hint">{t!(i18n, action_plan.reopen_hint)}</p>
                    </form>
                }
                .into_any(),
                ActionPlanEvent::Submit => ().into_any(),
            }
        })
        .collect_view();
    (!v.events.is_empty()).then(|| {
        view! {
            <section class="action-decisions" aria-labelledby="action-decide-title">
                <h2 id="action-decide-title">{t!(i18n, action_plan.decide_title)}</h2>
                {acting}
                {forms}
            </section>
        }
    })
}

/// On `/bawahan`: action plans handed in to this appraiser.
#[component]
pub fn ActionPlansWaiting() -> impl IntoView {
    let i18n = use_i18n();
    let data = OnceResource::new(load_waiting_action_plans());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) if list.is_empty() => ().into_any(),
                    Ok(list) => view! {
                        <section aria-labelledby="action-waiting-title" class="evaluation-inbox">
                            <h2 id="action-waiting-title">{t!(i18n, action_plan.waiting_title)}</h2>
                            <ul class="plain-list" data-testid="action-plans-waiting">
                                {list.into_iter().map(|w| view! {
                                    <li>
                                        <a href=format!("/skp/{}/rencana-aksi", w.skp_id)>{w.employee}</a>
                                        <span class="block muted small">{w.nip}" · "{t!(i18n, action_plan.handed_in_at, at = w.submitted_at)}</span>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                    }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
