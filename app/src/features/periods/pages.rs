//! The period pages: the list with the form opening a period, and one period's deadlines, state,
//! organisation achievements and per-period appraisers.

use super::api::*;
use super::types::*;
use crate::domain::agency::EvaluationInterval;
use crate::domain::ids::PeriodId;
use crate::domain::ids::UnitId;
use crate::domain::period::{OrgPredikat, PeriodState};
use crate::domain::vocabulary::IntoEnumIterator;
use crate::error::AppError;
use crate::features::admin::{AdminNav, ChangeList, load_failure};
use crate::i18n::*;
use crate::ui::banner::{Banner, Tone};
use crate::ui::error::{ErrorNotice, field_message, posted_error};
use crate::ui::form::{
    DateField, FormErrorSummary, Hidden, Posted, SelectField, TextAreaField, TextField,
};
use crate::ui::page::{EmptyState, PageHeader};
use crate::ui::tag::{Tag, TagTone};
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_router::hooks::{use_params_map, use_query_map};

type I18n = leptos_i18n::I18nContext<Locale>;

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
    let (form, general) = Posted::to(OpenNewPeriod::url());
    let year = form.value("year", &list.new_year.to_string());
    let chosen_interval = form.value("evaluation_interval", list.new_interval.as_str());
    let planning = form.value("planning_deadline", &list.new_planning);
    let annual = form.value("annual_deadline", &list.new_annual);
    let intervals = crate::features::admin::agency::interval_options(i18n);
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
            <PageHeader id="periods-title" title=t_string!(i18n, period.title).to_string()>
                <p class="muted">{t!(i18n, period.intro)}</p>
            </PageHeader>
            {if empty {
                view! { <EmptyState>{t!(i18n, period.none)}</EmptyState> }.into_any()
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
                                        <td data-label=l_state.clone()><Tag tone=TagTone::of_period(p.state)>{state_label(i18n, p.state)}</Tag></td>
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
                <form class="form narrow" method="post" action=OpenNewPeriod::url() aria-labelledby="new-period" novalidate>
                    <FormErrorSummary posted=form.clone() />
                    <TextField name="year" label=l_year.clone() kind="number" inputmode="numeric" min="2000" max="2100"
                        value=year.clone() error=form.error(i18n, "year") />
                    <SelectField name="evaluation_interval" label=l_interval.clone() value=chosen_interval.clone()
                        options=intervals.clone() hint=t_string!(i18n, period.interval_hint).to_string()
                        error=form.error(i18n, "evaluation_interval") />
                    <DateField name="planning_deadline" label=l_planning.clone() value=planning.clone()
                        hint=t_string!(i18n, period.planning_hint).to_string() error=form.error(i18n, "planning_deadline") />
                    <DateField name="annual_deadline" label=l_annual.clone() value=annual.clone()
                        hint=t_string!(i18n, period.annual_hint).to_string() error=form.error(i18n, "annual_deadline") />
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
    let id =
        use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<PeriodId>().ok()));
    let data = OnceResource::new(async move {
        match id {
            Some(id) => load_period(id).await,
            None => Err(AppError::NotFound),
        }
    });
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
        UpdatePeriod::url(),
        SetPeriodState::url(),
        SetOrgAchievement::url(),
        SetPeriodAppraiser::url(),
        RemovePeriodAppraiser::url(),
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
            <PageHeader id="period-title" title=t_string!(i18n, period.heading, year = e.year).to_string()>
                <p>
                    <Tag tone=TagTone::of_period(e.state)>{state_label(i18n, e.state)}</Tag>
                    " · "{interval_label(i18n, e.evaluation_interval)}
                </p>
            </PageHeader>
            {(!open).then(|| view! { <Banner tone=Tone::Warning><p>{t!(i18n, period.closed_notice)}</p></Banner> })}
            {saved.then(|| view! { <Banner tone=Tone::Success announce=true><p>{t!(i18n, admin.saved)}</p></Banner> })}
            {general.map(|error| view! { <ErrorNotice error /> })}
            {closed_problem.map(|m| view! { <Banner tone=Tone::Error announce=true><p>{m}</p></Banner> })}
            {e.can_manage.then(|| deadlines_section(i18n, &e, deadline_error, open))}
            {(e.can_manage && open).then(|| view! { <crate::features::deadlines::PeriodOverdue id=e.id /> })}
            {e.can_manage.then(|| view! {
                <h2 id="state-title">{t!(i18n, period.state)}</h2>
                <form method="post" action=SetPeriodState::url() aria-labelledby="state-title">
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
    let form = Posted::from_error(&error);
    let planning = view! {
        <DateField name="planning_deadline" label=t_string!(i18n, period.planning_deadline).to_string()
            value=form.value("planning_deadline", &e.planning_deadline)
            hint=t_string!(i18n, period.planning_hint).to_string() error=form.error(i18n, "planning_deadline") />
    };
    let annual = view! {
        <DateField name="annual_deadline" label=t_string!(i18n, period.annual_deadline).to_string()
            value=form.value("annual_deadline", &e.annual_deadline)
            hint=t_string!(i18n, period.annual_hint).to_string() error=form.error(i18n, "annual_deadline") />
    };
    let periodic = e
        .periodic
        .iter()
        .map(|d| {
            // Errors and typed values are reported under the field's id, not its `periodic[n]` name.
            let field = format!("periodic_deadline_{}", d.seq);
            let label = t_string!(
                i18n,
                period.periodic_label,
                n = d.seq,
                from = d.starts_on.clone(),
                to = d.ends_on.clone()
            )
            .to_string();
            view! {
                <DateField id=field.clone() name=format!("periodic[{}]", d.seq) label=label
                    value=form.value(&field, &d.deadline) error=form.error(i18n, &field) />
            }
        })
        .collect_view();
    let id = e.id.to_string();
    let version = e.version.to_string();
    view! {
        <h2 id="deadlines-title">{t!(i18n, period.deadlines)}</h2>
        <form class="form" method="post" action=UpdatePeriod::url() aria-labelledby="deadlines-title" novalidate>
            <FormErrorSummary posted=form.clone() />
            <Hidden name="id" value=id />
            <Hidden name="version" value=version />
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
    let form = Posted::from_error(&error);
    let posted_unit = form.typed("unit_id").and_then(|v| v.parse::<UnitId>().ok());
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
            // Every row posts to the same function: only the row that was posted shows it.
            let form = form.clone().filter(|_| mine);
            let chosen = form.value("predikat", r.predikat.map(|p| p.as_str()).unwrap_or_default());
            let basis = form.value("basis", &r.basis);
            let predikats: Vec<(String, String)> = OrgPredikat::iter()
                .map(|p| (p.as_str().to_owned(), predikat_label(i18n, p)))
                .collect();
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
                                <form class="form" method="post" action=SetOrgAchievement::url() novalidate>
                                    <FormErrorSummary posted=form.clone() />
                                    <Hidden name="periode_id" value=periode_id.clone() />
                                    <Hidden name="unit_id" value=r.unit_id.to_string() />
                                    <Hidden name="version" value=r.version.to_string() />
                                    <p class="field-error">{form.error(i18n, "unit_id")}</p>
                                    <SelectField id=select_id.clone() name="predikat" label=t_string!(i18n, period.predikat).to_string()
                                        value=chosen.clone() options=predikats.clone() placeholder="—"
                                        error=form.error(i18n, "predikat") />
                                    <TextAreaField id=basis_id.clone() name="basis" label=t_string!(i18n, period.basis).to_string()
                                        value=basis.clone() maxlength=BASIS_MAX_CHARS hint=t_string!(i18n, period.basis_hint).to_string()
                                        error=form.error(i18n, "basis") />
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
    let form = Posted::from_error(&error);
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
                            <form method="post" action=RemovePeriodAppraiser::url()>
                                <Hidden name="periode_id" value=periode_id.clone() />
                                <Hidden name="pegawai_id" value=o.pegawai_id.to_string() />
                                <button class="button button-secondary" type="submit">{t!(i18n, period.remove)}</button>
                            </form>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let optional = t_string!(i18n, period.optional_nip_hint).to_string();
    let appraiser_nip = |name: &'static str, label: String| {
        view! {
            <TextField name=name label=label inputmode="numeric" autocomplete="off"
                value=form.value(name, "") hint=optional.clone() error=form.error(i18n, name) />
        }
    };
    let inputs = (
        view! {
            <TextField name="nip" label=t_string!(i18n, period.employee_nip).to_string() inputmode="numeric"
                autocomplete="off" value=form.value("nip", "") error=form.error(i18n, "nip") />
        },
        appraiser_nip(
            "penilai_nip",
            t_string!(i18n, period.appraiser_nip).to_string(),
        ),
        appraiser_nip(
            "atasan_penilai_nip",
            t_string!(i18n, period.appraiser_superior_nip).to_string(),
        ),
    );
    let reason = view! {
        <TextAreaField name="reason" label=t_string!(i18n, period.reason).to_string() rows="2"
            maxlength=REASON_MAX_CHARS value=form.value("reason", "") error=form.error(i18n, "reason") />
    };
    view! {
        <h2 id="penilai">{t!(i18n, period.override_title)}</h2>
        <p class="muted">{t!(i18n, period.override_intro)}</p>
        {if empty {
            view! { <EmptyState>{t!(i18n, period.no_overrides)}</EmptyState> }.into_any()
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
            <form class="form narrow" method="post" action=SetPeriodAppraiser::url() aria-labelledby="override-form-title" novalidate>
                <FormErrorSummary posted=form.clone() />
                <Hidden name="periode_id" value=periode_id />
                {inputs}
                {reason}
                <button class="button" type="submit">{t!(i18n, admin.save)}</button>
            </form>
        })}
    }
}
