//! The overdue lists: a table that becomes cards on a phone, the late ones tagged.

use super::api::*;
use super::types::*;
use crate::domain::ids::PeriodId;
use crate::i18n::*;
use crate::ui::dates::month_span;
use crate::ui::deadline::DeadlineTag;
use crate::ui::error::ErrorNotice;
use crate::ui::page::EmptyState;
use chrono::Datelike;
use leptos::prelude::*;

type I18n = leptos_i18n::I18nContext<Locale>;

fn task_label(i18n: I18n, task: &OverdueTask) -> String {
    match task {
        OverdueTask::Plan => t_string!(i18n, deadlines.task_plan).to_string(),
        OverdueTask::PlanReview => t_string!(i18n, deadlines.task_review).to_string(),
        OverdueTask::SelfAssessment { seq: 0, to, .. } => {
            t_string!(i18n, deadlines.task_annual, year = to.year()).to_string()
        }
        OverdueTask::SelfAssessment { from, to, .. } => t_string!(
            i18n,
            deadlines.task_periodic,
            span = month_span(i18n.get_locale_untracked(), *from, *to)
        )
        .to_string(),
    }
}

fn overdue_table(i18n: I18n, list: OverdueList, testid: &'static str) -> impl IntoView {
    let more = list.total.saturating_sub(list.rows.len());
    view! {
        {list.rows.is_empty().then(|| view! { <EmptyState>{t!(i18n, deadlines.none)}</EmptyState> })}
        {(!list.rows.is_empty()).then(|| view! {
            <p class="small">{t!(i18n, deadlines.count, n = list.total)}</p>
            <div class="table-wrap">
                <table class="data-table cards-on-phone" data-testid=testid>
                    <thead><tr>
                        <th scope="col">{t!(i18n, deadlines.employee)}</th>
                        <th scope="col">{t!(i18n, deadlines.task)}</th>
                        <th scope="col">{t!(i18n, deadlines.deadline)}</th>
                    </tr></thead>
                    <tbody>
                        {list.rows.into_iter().map(|r| {
                            let label = task_label(i18n, &r.task);
                            let status = r.status;
                            view! {
                                <tr>
                                    <td data-label=t_string!(i18n, deadlines.employee).to_string()>
                                        {match r.skp_id {
                                            Some(id) => view! { <a href=format!("/skp/{id}")>{r.employee}</a> }.into_any(),
                                            None => view! { <span>{r.employee}</span> }.into_any(),
                                        }}
                                        <span class="block muted small">{r.nip}" · "{r.unit}</span>
                                    </td>
                                    <td data-label=t_string!(i18n, deadlines.task).to_string()>{label}</td>
                                    <td data-label=t_string!(i18n, deadlines.deadline).to_string()>
                                        <span class="nowrap">{r.deadline}</span>" "<DeadlineTag status />
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(more > 0).then(|| view! { <p class="muted small">{t!(i18n, deadlines.more, n = more)}</p> })}
        })}
    }
}

/// On `/bawahan`: the team's self-assessments past their deadline.
#[component]
pub fn TeamOverdue() -> impl IntoView {
    let i18n = use_i18n();
    let data = OnceResource::new(load_team_overdue());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) => view! {
                        <section aria-labelledby="team-overdue-title" class="evaluation-inbox">
                            <h2 id="team-overdue-title">{t!(i18n, deadlines.team_title)}</h2>
                            {overdue_table(i18n, list, "team-overdue")}
                        </section>
                    }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// On the period page (admins who run periods): every deadline passed in the period.
#[component]
pub fn PeriodOverdue(id: PeriodId) -> impl IntoView {
    let i18n = use_i18n();
    let data = OnceResource::new(load_period_overdue(id));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) => view! {
                        <section aria-labelledby="period-overdue-title">
                            <h2 id="period-overdue-title">{t!(i18n, deadlines.period_title)}</h2>
                            <p class="hint">{t!(i18n, deadlines.period_intro)}</p>
                            {overdue_table(i18n, list, "period-overdue")}
                        </section>
                    }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
