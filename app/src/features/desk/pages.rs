//! The desk: what the signed-in person must do next, in order of deadline, each item one tap from
//! its page; and, for appraisers, where their team stands. Plain HTML: the reminder is a form that
//! works without JavaScript, and the header's bell is the page's only island.

use super::api::RemindTeamMember;
use super::types::*;
use crate::i18n::*;
use crate::ui::dates::{long_date, month_span};
use crate::ui::deadline::DeadlineTag;
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;

type I18n = leptos_i18n::I18nContext<Locale>;

fn task_label(i18n: I18n, task: &DeskTask) -> String {
    let locale = i18n.get_locale_untracked();
    match task {
        DeskTask::DraftPlan { returned: false } => {
            t_string!(i18n, desk.task.draft_plan).to_string()
        }
        DeskTask::DraftPlan { returned: true } => t_string!(i18n, desk.task.fix_plan).to_string(),
        DeskTask::SelfAssessment {
            seq: 0,
            year,
            returned: false,
            ..
        } => t_string!(i18n, desk.task.annual, year = *year).to_string(),
        DeskTask::SelfAssessment {
            seq: 0,
            year,
            returned: true,
            ..
        } => t_string!(i18n, desk.task.fix_annual, year = *year).to_string(),
        DeskTask::SelfAssessment {
            from,
            to,
            returned: false,
            ..
        } => t_string!(
            i18n,
            desk.task.self_assessment,
            span = month_span(locale, *from, *to)
        )
        .to_string(),
        DeskTask::SelfAssessment {
            from,
            to,
            returned: true,
            ..
        } => t_string!(
            i18n,
            desk.task.fix_self_assessment,
            span = month_span(locale, *from, *to)
        )
        .to_string(),
        DeskTask::FixActionPlan => t_string!(i18n, desk.task.fix_action_plan).to_string(),
        DeskTask::ReviewPlan { employee } => {
            t_string!(i18n, desk.task.review_plan, name = employee.clone()).to_string()
        }
        DeskTask::ReadSelfAssessment {
            employee, seq: 0, ..
        } => t_string!(i18n, desk.task.read_annual, name = employee.clone()).to_string(),
        DeskTask::ReadSelfAssessment { employee, span, .. } => t_string!(
            i18n,
            desk.task.read_self_assessment,
            name = employee.clone(),
            span = span.clone()
        )
        .to_string(),
        DeskTask::ReviewActionPlan { employee } => {
            t_string!(i18n, desk.task.review_action_plan, name = employee.clone()).to_string()
        }
        DeskTask::FixImport { file_name, errors } => t_string!(
            i18n,
            desk.task.fix_import,
            file = file_name.clone(),
            n = *errors
        )
        .to_string(),
        DeskTask::OpenPeriod { year } => {
            t_string!(i18n, desk.task.open_period, year = *year).to_string()
        }
        DeskTask::ClosePeriod { year } => {
            t_string!(i18n, desk.task.close_period, year = *year).to_string()
        }
    }
}

/// Who the work is for: the person's own, as appraiser, as admin.
fn task_role(i18n: I18n, task: &DeskTask) -> String {
    match task {
        DeskTask::DraftPlan { .. } | DeskTask::SelfAssessment { .. } | DeskTask::FixActionPlan => {
            t_string!(i18n, desk.role_own).to_string()
        }
        DeskTask::ReviewPlan { .. }
        | DeskTask::ReadSelfAssessment { .. }
        | DeskTask::ReviewActionPlan { .. } => t_string!(i18n, desk.role_appraiser).to_string(),
        DeskTask::FixImport { .. } | DeskTask::OpenPeriod { .. } | DeskTask::ClosePeriod { .. } => {
            t_string!(i18n, desk.role_admin).to_string()
        }
    }
}

#[component]
pub fn DeskView(desk: Desk) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let Desk {
        name,
        today,
        items,
        team,
    } = desk;
    let count = items.len();
    view! {
        <PageTitle text=move || t_string!(i18n, desk.title).to_string() />
        <div class="desk">
            <header class="page-header">
                <h1 id="desk-title">{t!(i18n, desk.greeting, name = name.clone())}</h1>
                {today.map(|d| view! { <p class="muted">{t!(i18n, desk.today, date = long_date(locale, d))}</p> })}
            </header>
            <section class="card" aria-labelledby="desk-tasks-title">
                <h2 id="desk-tasks-title">
                    {t!(i18n, desk.tasks_title)}
                    {(count > 0).then(|| view! { " "<span class="count-pill">{count}</span> })}
                </h2>
                {(count == 0).then(|| view! {
                    <p class="empty-state" data-testid="desk-empty">{t!(i18n, desk.nothing)}</p>
                })}
                {(count > 0).then(|| view! {
                    <ul class="task-list" data-testid="desk-tasks">
                        {items.into_iter().map(|item| task_row(i18n, locale, item)).collect_view()}
                    </ul>
                })}
            </section>
            {(!team.is_empty()).then(|| team_section(i18n, team))}
        </div>
    }
}

fn task_row(i18n: I18n, locale: Locale, item: DeskItem) -> impl IntoView {
    let label = task_label(i18n, &item.task);
    let role = task_role(i18n, &item.task);
    let overdue = item.due.is_some_and(|(_, s)| s.is_overdue());
    view! {
        <li class="task-item" class:task-overdue=overdue data-testid="desk-item">
            <a class="task-link" href=item.link data-testid="desk-task">
                <span class="task-role small muted">{role}</span>
                <span class="task-title">{label}</span>
                {item.due.map(|(date, status)| view! {
                    <span class="task-due small">
                        <span class="nowrap">{t!(i18n, deadline.due, date = long_date(locale, date))}</span>
                        " "<DeadlineTag status />
                    </span>
                })}
            </a>
            {item.note.filter(|n| !n.trim().is_empty()).map(|note| view! {
                <div class="task-note" data-testid="desk-note">
                    <p class="small"><strong>{t!(i18n, desk.appraiser_note)}</strong></p>
                    <p class="note-text">{note}</p>
                </div>
            })}
        </li>
    }
}

fn progress_tag(i18n: I18n, progress: Progress) -> impl IntoView {
    let (class, text) = match progress {
        Progress::NotStarted => (
            "badge state-none",
            t_string!(i18n, desk.progress.not_started).to_string(),
        ),
        Progress::Late { days_late: 1 } => (
            "badge state-overdue",
            t_string!(i18n, desk.progress.late_one).to_string(),
        ),
        Progress::Late { days_late } => (
            "badge state-overdue",
            t_string!(i18n, desk.progress.late, n = days_late).to_string(),
        ),
        Progress::OnTrack => (
            "badge state-submitted",
            t_string!(i18n, desk.progress.on_track).to_string(),
        ),
        Progress::UpToDate => (
            "badge state-approved",
            t_string!(i18n, desk.progress.up_to_date).to_string(),
        ),
    };
    view! { <span class=class data-testid="team-progress">{text}</span> }
}

fn team_section(i18n: I18n, team: Vec<TeamMember>) -> impl IntoView {
    let not_started = team
        .iter()
        .filter(|m| m.progress == Progress::NotStarted)
        .count();
    let late = team
        .iter()
        .filter(|m| matches!(m.progress, Progress::Late { .. }))
        .count();
    let on_track = team.len() - not_started - late;
    view! {
        <section class="card" aria-labelledby="team-title">
            <h2 id="team-title">{t!(i18n, desk.team_title)}</h2>
            <p class="team-summary" data-testid="team-summary">
                {t!(i18n, desk.team_summary, not_started = not_started, late = late, rest = on_track)}
            </p>
            <ul class="team-list" data-testid="desk-team">
                {team.into_iter().map(|m| {
                    let aria = t_string!(i18n, desk.remind_label, name = m.name.clone()).to_string();
                    view! {
                        <li class="team-member" data-testid="team-member">
                            <div class="team-who">
                                {match m.skp_id {
                                    Some(id) => view! { <a href=format!("/skp/{id}")>{m.name.clone()}</a> }.into_any(),
                                    None => view! { <span>{m.name.clone()}</span> }.into_any(),
                                }}
                                <span class="block small muted">{m.nip.clone()}</span>
                            </div>
                            <div class="team-state">
                                {progress_tag(i18n, m.progress)}
                                {m.may_remind.then(|| view! {
                                    <form method="post" action=RemindTeamMember::url()>
                                        <input type="hidden" name="employee" value=m.employee.to_string() />
                                        <button class="button button-secondary button-small" type="submit"
                                            aria-label=aria data-testid="remind">
                                            {t!(i18n, desk.remind)}
                                        </button>
                                    </form>
                                })}
                                {m.reminded_today.then(|| view! {
                                    <span class="small muted" data-testid="reminded">{t!(i18n, desk.reminded)}</span>
                                })}
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
