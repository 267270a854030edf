//! The desk: what the signed-in person must do next, in order of deadline, each item one tap from
//! its page; and, for appraisers, where their team stands. Plain HTML: the reminder is a form that
//! works without JavaScript, and the header's bell is the page's only island.

use super::api::RemindTeamMember;
use super::types::*;
use crate::i18n::*;
use crate::ui::dates::{long_date, month_span};
use crate::ui::page::{Card, EmptyState, PageHeader};
use crate::ui::tag::{Tag, TagTone};
use crate::ui::task_list::{TaskItem, TaskList};
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
        DeskTask::RevisePlan { requested: true } => {
            t_string!(i18n, desk.task.revise_plan_requested).to_string()
        }
        DeskTask::RevisePlan { requested: false } => {
            t_string!(i18n, desk.task.revise_plan).to_string()
        }
        DeskTask::FixActionPlan => t_string!(i18n, desk.task.fix_action_plan).to_string(),
        DeskTask::AnswerFeedback { own: true, .. } => {
            t_string!(i18n, desk.task.feedback_self).to_string()
        }
        DeskTask::AnswerFeedback {
            employee,
            own: false,
        } => t_string!(i18n, desk.task.feedback, name = employee.clone()).to_string(),
        DeskTask::NominatePeers { cycle } => {
            t_string!(i18n, desk.task.nominate_peers, cycle = cycle.clone()).to_string()
        }
        DeskTask::ApprovePeers { employee } => {
            t_string!(i18n, desk.task.approve_peers, name = employee.clone()).to_string()
        }
        DeskTask::ReviewPlan {
            employee,
            revision: false,
            ..
        } => t_string!(i18n, desk.task.review_plan, name = employee.clone()).to_string(),
        DeskTask::ReviewPlan {
            employee,
            revision: true,
            ..
        } => t_string!(i18n, desk.task.review_revision, name = employee.clone()).to_string(),
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
        DeskTask::DraftPlan { .. }
        | DeskTask::RevisePlan { .. }
        | DeskTask::SelfAssessment { .. }
        | DeskTask::FixActionPlan
        | DeskTask::NominatePeers { .. }
        | DeskTask::AnswerFeedback { own: true, .. } => t_string!(i18n, desk.role_own).to_string(),
        DeskTask::AnswerFeedback { own: false, .. } => t_string!(i18n, desk.role_rater).to_string(),
        DeskTask::ReviewPlan {
            acting_for: Some(official),
            ..
        } => t_string!(i18n, skp.review_acting_for, official = official.clone()).to_string(),
        DeskTask::ReviewPlan { .. }
        | DeskTask::ReadSelfAssessment { .. }
        | DeskTask::ReviewActionPlan { .. }
        | DeskTask::ApprovePeers { .. } => t_string!(i18n, desk.role_appraiser).to_string(),
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
            <PageHeader id="desk-title" title=t_string!(i18n, desk.greeting, name = name.clone()).to_string()>
                {today.map(|d| view! { <p class="muted">{t!(i18n, desk.today, date = long_date(locale, d))}</p> })}
            </PageHeader>
            <Card id="desk-tasks-title" title=t_string!(i18n, desk.tasks_title).to_string() count>
                {(count == 0).then(|| view! {
                    <EmptyState testid="desk-empty">{t!(i18n, desk.nothing)}</EmptyState>
                })}
                {(count > 0).then(|| view! {
                    <TaskList testid="desk-tasks">
                        {items.into_iter().map(|item| task_row(i18n, item)).collect_view()}
                    </TaskList>
                })}
            </Card>
            {(!team.is_empty()).then(|| team_section(i18n, team))}
        </div>
    }
}

fn task_row(i18n: I18n, item: DeskItem) -> impl IntoView {
    let title = task_label(i18n, &item.task);
    let role = task_role(i18n, &item.task);
    let note = item.note.filter(|n| !n.trim().is_empty());
    view! {
        <TaskItem href=item.link role title due=item.due>{note.map(|note| task_note(i18n, note))}</TaskItem>
    }
}

fn task_note(i18n: I18n, note: String) -> impl IntoView {
    view! {
        <div class="task-note" data-testid="desk-note">
            <p class="small"><strong>{t!(i18n, desk.appraiser_note)}</strong></p>
            <p class="note-text">{note}</p>
        </div>
    }
}

fn progress_tag(i18n: I18n, progress: Progress) -> impl IntoView {
    let (tone, text) = match progress {
        Progress::NotStarted => (
            TagTone::Neutral,
            t_string!(i18n, desk.progress.not_started).to_string(),
        ),
        Progress::Late { days_late: 1 } => (
            TagTone::Late,
            t_string!(i18n, desk.progress.late_one).to_string(),
        ),
        Progress::Late { days_late } => (
            TagTone::Late,
            t_string!(i18n, desk.progress.late, n = days_late).to_string(),
        ),
        Progress::OnTrack => (
            TagTone::Waiting,
            t_string!(i18n, desk.progress.on_track).to_string(),
        ),
        Progress::UpToDate => (
            TagTone::Done,
            t_string!(i18n, desk.progress.up_to_date).to_string(),
        ),
    };
    view! { <Tag tone testid="team-progress">{text}</Tag> }
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
        <Card id="team-title" title=t_string!(i18n, desk.team_title).to_string()>
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
        </Card>
    }
}
