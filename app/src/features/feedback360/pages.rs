//! The 360° pages: the cycles an admin or unit head runs, one cycle's completion, the forms
//! waiting for a rater, and the rater's form. Server-rendered forms that work without
//! JavaScript.

use super::api::*;
use super::dashboard::CompletionCards;
use super::draft::{COUNT_CLASS, RaterDraft, STATE_CLASS};
use super::types::*;
use crate::domain::deadline::DeadlineStatus;
use crate::domain::feedback360::Column;
use crate::domain::feedback360::{
    CANNOT_JUDGE, CycleEvent, CycleState, DEFAULT_MIN_ANSWERS, NominationState, RateFlag,
    RaterGroup, SCALE_MAX,
};
use crate::domain::ids::{AssignmentId, CycleId};
use crate::error::AppError;
use crate::features::admin::{AdminNav, load_failure};
use crate::features::skp::{value_definition, value_name};
use crate::i18n::*;
use crate::ui::banner::{Banner, Tone};
use crate::ui::dates::long_date;
use crate::ui::error::{ErrorNotice, posted_error};
use crate::ui::form::{
    CheckboxField, DateField, FormErrorSummary, Hidden, Posted, SelectField, TextAreaField,
    TextField, report_to_summary,
};
use crate::ui::page::{Card, EmptyState, PageHeader};
use crate::ui::radar::{Radar, Series};
use crate::ui::tag::{Tag, TagTone};
use crate::ui::task_list::{TaskItem, TaskList};
use crate::ui::title::PageTitle;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_router::hooks::{use_params_map, use_query_map};

type I18n = leptos_i18n::I18nContext<Locale>;

pub fn state_label(i18n: I18n, state: CycleState) -> String {
    match state {
        CycleState::Draft => t_string!(i18n, feedback360.state_draft),
        CycleState::Nominating => t_string!(i18n, feedback360.state_nominating),
        CycleState::Open => t_string!(i18n, feedback360.state_open),
        CycleState::Closed => t_string!(i18n, feedback360.state_closed),
        CycleState::Released => t_string!(i18n, feedback360.state_released),
        CycleState::Archived => t_string!(i18n, feedback360.state_archived),
    }
    .to_string()
}

fn state_tone(state: CycleState) -> TagTone {
    match state {
        CycleState::Draft | CycleState::Nominating => TagTone::Neutral,
        CycleState::Open => TagTone::Waiting,
        CycleState::Closed | CycleState::Released | CycleState::Archived => TagTone::Done,
    }
}

pub fn group_label(locale: Locale, group: RaterGroup) -> String {
    match group {
        RaterGroup::Superior => td_string!(locale, feedback360.group_superior),
        RaterGroup::Oneself => td_string!(locale, feedback360.group_oneself),
        RaterGroup::Peer => td_string!(locale, feedback360.group_peer),
        RaterGroup::Subordinate => td_string!(locale, feedback360.group_subordinate),
        RaterGroup::External => td_string!(locale, feedback360.group_external),
    }
    .to_string()
}

fn event_label(i18n: I18n, event: CycleEvent) -> String {
    match event {
        CycleEvent::StartNominations => t_string!(i18n, feedback360.event_nominations),
        CycleEvent::Open => t_string!(i18n, feedback360.event_open),
        CycleEvent::Extend => t_string!(i18n, feedback360.event_extend),
        CycleEvent::Close => t_string!(i18n, feedback360.event_close),
        CycleEvent::Release => t_string!(i18n, feedback360.event_release),
        CycleEvent::Archive => t_string!(i18n, feedback360.event_archive),
    }
    .to_string()
}

fn event_hint(i18n: I18n, event: CycleEvent) -> String {
    match event {
        CycleEvent::StartNominations => t_string!(i18n, feedback360.event_nominations_hint),
        CycleEvent::Open => t_string!(i18n, feedback360.event_open_hint),
        CycleEvent::Extend => t_string!(i18n, feedback360.event_extend_hint),
        CycleEvent::Close => t_string!(i18n, feedback360.event_close_hint),
        CycleEvent::Release => t_string!(i18n, feedback360.event_release_hint),
        CycleEvent::Archive => t_string!(i18n, feedback360.event_archive_hint),
    }
    .to_string()
}

/// "7 dari 9 (77 %)", or "belum ada penilai" with nobody invited. Takes the locale, not the
/// page's context: the cycle's live stream renders the dashboard outside any page.
pub(super) fn completion_text(
    locale: Locale,
    answered: u32,
    invited: u32,
    rate: Option<(u32, RateFlag)>,
) -> String {
    match rate {
        Some((percent, _)) => td_string!(
            locale,
            feedback360.completion,
            answered = answered,
            invited = invited,
            percent = percent
        )
        .to_string(),
        None => td_string!(locale, feedback360.no_raters).to_string(),
    }
}

pub(super) fn rate_tag(locale: Locale, rate: Option<(u32, RateFlag)>) -> impl IntoView {
    rate.map(|(_, flag)| {
        let (tone, text) = match flag {
            RateFlag::OnTarget => (
                TagTone::Done,
                td_string!(locale, feedback360.rate_on_target),
            ),
            RateFlag::Below => (TagTone::Waiting, td_string!(locale, feedback360.rate_below)),
            RateFlag::Low => (TagTone::Late, td_string!(locale, feedback360.rate_low)),
        };
        view! { <Tag tone=tone>{text.to_string()}</Tag> }
    })
}

/// `/admin/360`: the cycles the actor runs, and the form for a new one.
#[component]
pub fn CyclesPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = OnceResource::new(load_cycles());
    view! {
        <PageTitle text=move || t_string!(i18n, feedback360.title).to_string() />
        <AdminNav current="/admin/360" />
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) => cycle_list(i18n, list).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

fn cycle_list(i18n: I18n, list: CycleList) -> impl IntoView {
    let locale = i18n.get_locale_untracked();
    let (form, general) = Posted::to(CreateCycle::url());
    let (l_title, l_state, l_window, l_people, l_done) = (
        t_string!(i18n, feedback360.cycle_title).to_string(),
        t_string!(i18n, feedback360.state).to_string(),
        t_string!(i18n, feedback360.window).to_string(),
        t_string!(i18n, feedback360.people).to_string(),
        t_string!(i18n, feedback360.answered).to_string(),
    );
    let rows = list
        .rows
        .into_iter()
        .map(|c| {
            let window = format!(
                "{} – {}",
                long_date(locale, c.opens_on),
                long_date(locale, c.closes_on)
            );
            let rate = crate::domain::feedback360::response_rate(c.answered, c.invited)
                .map(|p| (p, crate::domain::feedback360::rate_flag(p)));
            view! {
                <tr>
                    <td data-label=l_title.clone()><a href=format!("/admin/360/{}", c.id)>{c.title}</a></td>
                    <td data-label=l_state.clone()><Tag tone=state_tone(c.state)>{state_label(i18n, c.state)}</Tag></td>
                    <td data-label=l_window.clone()>{window}</td>
                    <td data-label=l_people.clone()>{c.people}</td>
                    <td data-label=l_done.clone()>{completion_text(locale, c.answered, c.invited, rate)}</td>
                </tr>
            }
        })
        .collect_view();
    let empty = rows.is_empty();
    let checked = |group: RaterGroup| {
        if form.is_posted() {
            form.typed(group.as_str()).is_some()
        } else {
            group != RaterGroup::External
        }
    };
    let groups = [
        RaterGroup::Superior,
        RaterGroup::Peer,
        RaterGroup::Subordinate,
        RaterGroup::Oneself,
        RaterGroup::External,
    ]
    .into_iter()
    .map(|group| {
        let name = group.as_str();
        view! {
            <CheckboxField name=name label=group_label(i18n.get_locale_untracked(), group) checked=checked(group) error=form.error(i18n, name) />
        }
    })
    .collect_view();
    let units: Vec<(String, String)> = list
        .units
        .iter()
        .map(|(id, name)| (id.to_string(), name.clone()))
        .collect();
    let first_unit = units.first().map(|(id, _)| id.clone()).unwrap_or_default();
    view! {
        <section class="admin-page" aria-labelledby="cycles-title">
            <PageHeader id="cycles-title" title=t_string!(i18n, feedback360.title).to_string()>
                <p class="muted">{t!(i18n, feedback360.intro)}</p>
                {list.edits_instrument.then(|| view! {
                    <p><a href="/admin/instrumen-360" data-testid="instrument-link">{t!(i18n, feedback360.instrument_link)}</a></p>
                })}
            </PageHeader>
            {if empty {
                view! { <EmptyState>{t!(i18n, feedback360.none)}</EmptyState> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="data-table" data-testid="cycles">
                            <thead>
                                <tr>
                                    <th scope="col">{l_title.clone()}</th>
                                    <th scope="col">{l_state.clone()}</th>
                                    <th scope="col">{l_window.clone()}</th>
                                    <th scope="col">{l_people.clone()}</th>
                                    <th scope="col">{l_done.clone()}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <h2 id="new-cycle">{t!(i18n, feedback360.new_title)}</h2>
            {general.map(|error| view! { <ErrorNotice error /> })}
            {match list.period {
                None => view! { <Banner tone=Tone::Warning><p>{t!(i18n, feedback360.no_period)}</p></Banner> }.into_any(),
                Some((_, year)) => view! {
                    <form class="form narrow" method="post" action=CreateCycle::url() aria-labelledby="new-cycle" novalidate>
                        <FormErrorSummary posted=form.clone() />
                        <p class="hint">{t!(i18n, feedback360.new_period, year = year)}</p>
                        <TextField name="title" label=l_title.clone() value=form.value("title", "")
                            hint=t_string!(i18n, feedback360.title_hint).to_string() error=form.error(i18n, "title") />
                        <SelectField name="unit_id" label=t_string!(i18n, feedback360.scope).to_string()
                            value=form.value("unit_id", &first_unit) options=units.clone()
                            hint=t_string!(i18n, feedback360.scope_hint).to_string() error=form.error(i18n, "unit_id") />
                        <DateField name="opens_on" label=t_string!(i18n, feedback360.opens_on).to_string()
                            value=form.value("opens_on", &list.new_opens_on) error=form.error(i18n, "opens_on") />
                        <DateField name="closes_on" label=t_string!(i18n, feedback360.closes_on).to_string()
                            value=form.value("closes_on", &list.new_closes_on)
                            hint=t_string!(i18n, feedback360.closes_on_hint).to_string() error=form.error(i18n, "closes_on") />
                        <fieldset class="field">
                            <legend>{t!(i18n, feedback360.groups)}</legend>
                            {groups}
                            <p class="hint">{t!(i18n, feedback360.groups_hint)}</p>
                            <p id="groups-error" class="field-error">{form.error(i18n, "groups")}</p>
                        </fieldset>
                        <TextField name="min_answers" label=t_string!(i18n, feedback360.min_answers).to_string()
                            kind="number" inputmode="numeric" min="2" max="10"
                            value=form.value("min_answers", &DEFAULT_MIN_ANSWERS.to_string())
                            hint=t_string!(i18n, feedback360.min_answers_hint).to_string() error=form.error(i18n, "min_answers") />
                        <TextField name="min_peers" label=t_string!(i18n, feedback360.min_peers).to_string()
                            kind="number" inputmode="numeric" min="0" max="15"
                            value=form.value("min_peers", "3") error=form.error(i18n, "min_peers") />
                        <TextField name="max_peers" label=t_string!(i18n, feedback360.max_peers).to_string()
                            kind="number" inputmode="numeric" min="0" max="15"
                            value=form.value("max_peers", "6")
                            hint=t_string!(i18n, feedback360.peers_hint).to_string() error=form.error(i18n, "max_peers") />
                        <button class="button" type="submit" data-testid="create-cycle">{t!(i18n, feedback360.create)}</button>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}

/// `/admin/360/{id}`: one cycle's settings, actions and completion.
#[component]
pub fn CyclePage() -> impl IntoView {
    let i18n = use_i18n();
    let id =
        use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<CycleId>().ok()));
    let data = OnceResource::new(async move {
        let Some(id) = id else {
            return Err(AppError::NotFound);
        };
        let cycle = load_cycle(id).await?;
        // Only cycles that ask service users have public links.
        let links = if cycle.groups.contains(&RaterGroup::External) {
            Some(super::links::load_links(id).await?)
        } else {
            None
        };
        Ok((cycle, links))
    });
    view! {
        <PageTitle text=move || t_string!(i18n, feedback360.title).to_string() />
        <AdminNav current="/admin/360" />
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((cycle, links)) => cycle_page(i18n, cycle, links).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

fn cycle_page(i18n: I18n, c: CycleView, links: Option<LinksView>) -> impl IntoView {
    let locale = i18n.get_locale_untracked();
    let error = posted_error(FireCycleEvent::url());
    let saved = error.is_none() && use_query_map().with_untracked(|q| q.get("disimpan").is_some());
    let form = Posted::from_error(&error);
    let general = error.filter(|e| e.form().is_none());
    let window = format!(
        "{} – {}",
        long_date(locale, c.opens_on),
        long_date(locale, c.closes_on)
    );
    let groups = c
        .groups
        .iter()
        .map(|g| group_label(locale, *g))
        .collect::<Vec<_>>()
        .join(", ");
    let id = c.id.to_string();
    let version = c.version.to_string();
    let actions = c
        .events
        .iter()
        .map(|&event| {
            let extend = (event == CycleEvent::Extend).then(|| {
                view! {
                    <DateField name="closes_on" label=t_string!(i18n, feedback360.new_close).to_string()
                        value=form.value("closes_on", "") error=form.error(i18n, "closes_on") />
                }
            });
            let secondary = matches!(event, CycleEvent::Extend | CycleEvent::Archive);
            view! {
                <form class="form cycle-action" method="post" action=FireCycleEvent::url()>
                    <Hidden name="id" value=id.clone() />
                    <Hidden name="version" value=version.clone() />
                    <Hidden name="event" value=event.as_str() />
                    <p class="hint">{event_hint(i18n, event)}</p>
                    {extend}
                    <button class="button" class:button-secondary=secondary type="submit"
                        data-testid=format!("cycle-{}", event.as_str())>{event_label(i18n, event)}</button>
                </form>
            }
        })
        .collect_view();
    let has_actions = !c.events.is_empty();
    // A cycle that asks only service users has no colleagues' forms to count: its links say it.
    let colleagues = c.groups.iter().any(|g| *g != RaterGroup::External);
    let settings = if c.groups.contains(&RaterGroup::Peer) {
        t_string!(
            i18n,
            feedback360.settings_line,
            k = c.min_answers,
            min = c.min_peers,
            max = c.max_peers
        )
        .to_string()
    } else {
        t_string!(i18n, feedback360.settings_line_k, k = c.min_answers).to_string()
    };
    let moderation =
        (!c.comments.is_empty()).then(|| comments_card(i18n, c.id, c.comments.clone()));
    let nominations = (!c.nominations.is_empty()).then(|| {
        let rows = c
            .nominations
            .iter()
            .map(|(state, n)| {
                let label = match state {
                    NominationState::Pending => t_string!(i18n, feedback360.nomination_state_pending),
                    NominationState::Submitted => {
                        t_string!(i18n, feedback360.nomination_state_submitted)
                    }
                    NominationState::Approved => {
                        t_string!(i18n, feedback360.nomination_state_approved)
                    }
                };
                view! { <li data-testid=format!("nominations-{}", state.as_str())><strong>{*n}</strong>" "{label.to_string()}</li> }
            })
            .collect_view();
        view! {
            <Card id="cycle-nominations" title=t_string!(i18n, feedback360.nominations_title).to_string()>
                <ul class="plain-list">{rows}</ul>
                <p class="hint">{t!(i18n, feedback360.nominations_hint)}</p>
            </Card>
        }
    });
    view! {
        <section class="admin-page" aria-labelledby="cycle-title">
            <p><a href="/admin/360">{t!(i18n, feedback360.back)}</a></p>
            <PageHeader id="cycle-title" title=c.title.clone() eyebrow=t_string!(i18n, feedback360.eyebrow).to_string()>
                <p><Tag tone=state_tone(c.state) testid="cycle-state">{state_label(i18n, c.state)}</Tag>" · "{window}</p>
                <p class="muted">{settings}" · "{groups}" · "
                    <span data-testid="cycle-instrument">{t_string!(i18n, feedback360.instrument_line, version = c.instrument_version).to_string()}</span></p>
            </PageHeader>
            {saved.then(|| view! { <Banner tone=Tone::Success announce=true><p>{t!(i18n, admin.saved)}</p></Banner> })}
            {general.map(|error| view! { <ErrorNotice error /> })}
            <FormErrorSummary posted=form.clone() />
            {has_actions.then(|| view! {
                <Card id="cycle-actions" title=t_string!(i18n, feedback360.actions).to_string()>{actions}</Card>
            })}
            {nominations}
            {moderation}
            {colleagues.then(|| view! { <CompletionCards cycle=c.id board=c.board /> })}
            {links.map(|links| super::links::links_card(i18n, links))}
        </section>
    }
}

/// The comments of a closed cycle, each with a button to hide it (or show it again) before
/// the release.
fn comments_card(i18n: I18n, cycle: CycleId, comments: Vec<ModeratedComment>) -> impl IntoView {
    let count = comments.len();
    let rows = comments
        .into_iter()
        .map(|m| {
            let label = if m.hidden {
                t_string!(i18n, feedback360.show_comment).to_string()
            } else {
                t_string!(i18n, feedback360.hide_comment).to_string()
            };
            let about = format!("{} · {}", m.ratee, value_name(i18n, m.value));
            view! {
                <li class="moderated" class:inactive=m.hidden>
                    <p class="small muted">{about}</p>
                    <p>{m.text}</p>
                    <form method="post" action=ModerateComment::url()>
                        <Hidden name="id" value=cycle.to_string() />
                        <Hidden name="comment" value=m.id />
                        <Hidden name="hidden" value=(!m.hidden).to_string() />
                        <button class="button button-small button-secondary" type="submit"
                            data-testid="moderate-comment">{label}</button>
                    </form>
                </li>
            }
        })
        .collect_view();
    view! {
        <Card id="komentar" title=t_string!(i18n, feedback360.comments_title).to_string() count=count>
            <p class="hint">{t!(i18n, feedback360.comments_hint)}</p>
            <ul class="plain-list">{rows}</ul>
        </Card>
    }
}

/// `/360`: the 360° forms waiting for the signed-in person.
#[component]
pub fn MyFormsPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = OnceResource::new(load_my_forms());
    let sent = use_query_map().with_untracked(|q| q.get("terkirim").is_some());
    view! {
        <PageTitle text=move || t_string!(i18n, feedback360.mine_title).to_string() />
        <section class="page" aria-labelledby="mine-title">
            <PageHeader id="mine-title" title=t_string!(i18n, feedback360.mine_title).to_string()>
                <p class="muted">{t!(i18n, feedback360.mine_intro)}</p>
            </PageHeader>
            {sent.then(|| view! { <Banner tone=Tone::Success announce=true><p>{t!(i18n, feedback360.sent)}</p></Banner> })}
            <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(mine) => my_forms(i18n, mine).into_any(),
                        Err(error) => load_failure(error),
                    }
                })}
            </Suspense>
        </section>
    }
}

fn report_list(i18n: I18n, reports: Vec<ReportLink>, units: Vec<UnitReportLink>) -> impl IntoView {
    (!reports.is_empty() || !units.is_empty()).then(|| {
        let unit_items = units
            .into_iter()
            .map(|u| {
                let label = t_string!(i18n, feedback360.unit_report_title, unit = u.unit_name.clone()).to_string();
                view! {
                    <li>
                        <a href=format!("/360/unit/{}/{}", u.cycle, u.unit) data-testid="feedback-unit-report">
                            {label}" · "{u.cycle_title}
                        </a>
                    </li>
                }
            })
            .collect_view();
        let items = reports
            .into_iter()
            .map(|r| {
                let who = if r.own {
                    t_string!(i18n, feedback360.report_own).to_string()
                } else {
                    r.name.clone()
                };
                view! {
                    <li>
                        <a href=format!("/360/hasil/{}/{}", r.cycle, r.employee) data-testid="feedback-report">
                            {who}" · "{r.cycle_title}
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2 id="reports-title">{t!(i18n, feedback360.reports_title)}</h2>
            <ul class="plain-list">{items}{unit_items}</ul>
        }
    })
}

/// Lists of peer raters waiting for the person: their own to choose, others' to approve.
fn nomination_list(
    i18n: I18n,
    today: Option<NaiveDate>,
    tasks: Vec<NominationTask>,
) -> impl IntoView {
    (!tasks.is_empty()).then(|| {
        let items = tasks
            .into_iter()
            .map(|t| {
                let (title, role) = if t.own {
                    (
                        t_string!(
                            i18n,
                            desk.task.nominate_peers,
                            cycle = t.cycle_title.clone()
                        ),
                        t_string!(i18n, desk.role_own),
                    )
                } else {
                    (
                        t_string!(
                            i18n,
                            desk.task.approve_peers,
                            name = t.employee_name.clone()
                        ),
                        t_string!(i18n, desk.role_appraiser),
                    )
                };
                let due = today.map(|today| (t.due, DeadlineStatus::on(t.due, today)));
                view! {
                    <TaskItem href=t.link role=role.to_string() title=title.to_string() due=due />
                }
            })
            .collect_view();
        view! {
            <h2>{t!(i18n, feedback360.nominations_title)}</h2>
            <TaskList testid="nomination-tasks">{items}</TaskList>
        }
    })
}

fn my_forms(i18n: I18n, mine: MyForms) -> impl IntoView {
    let answered = mine.answered;
    let reports = report_list(i18n, mine.reports.clone(), mine.unit_reports.clone());
    let nominations = nomination_list(i18n, mine.today, mine.nominations.clone());
    if mine.waiting.is_empty() {
        return view! {
            {nominations}
            <EmptyState>{t!(i18n, feedback360.mine_none)}</EmptyState>
            {(answered > 0).then(|| view! { <p class="muted">{t!(i18n, feedback360.mine_answered, n = answered)}</p> })}
            {reports}
        }
        .into_any();
    }
    let today = mine.today;
    let items = mine
        .waiting
        .into_iter()
        .map(|f| {
            let title = if f.group == RaterGroup::Oneself {
                t_string!(i18n, feedback360.form_self).to_string()
            } else {
                t_string!(i18n, feedback360.form_for, name = f.ratee.clone()).to_string()
            };
            let due = today.map(|today| (f.closes_on, DeadlineStatus::on(f.closes_on, today)));
            view! {
                <TaskItem href=format!("/360/isi/{}", f.assignment) role=group_label(i18n.get_locale_untracked(), f.group)
                    title=title due=due />
            }
        })
        .collect_view();
    view! {
        {nominations}
        <TaskList testid="feedback-forms">{items}</TaskList>
        {(answered > 0).then(|| view! { <p class="muted">{t!(i18n, feedback360.mine_answered, n = answered)}</p> })}
        {reports}
    }
    .into_any()
}

/// `/360/isi/{id}`: a rater's form.
#[component]
pub fn RaterFormPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map()
        .with_untracked(|p| p.get("id").and_then(|id| id.parse::<AssignmentId>().ok()));
    let data = OnceResource::new(async move {
        match id {
            Some(id) => load_rater_form(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <PageTitle text=move || t_string!(i18n, feedback360.mine_title).to_string() />
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(form) => rater_form(i18n, form).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

fn scale_label(i18n: I18n, point: u8) -> String {
    match point {
        1 => t_string!(i18n, feedback360.scale_1),
        2 => t_string!(i18n, feedback360.scale_2),
        3 => t_string!(i18n, feedback360.scale_3),
        4 => t_string!(i18n, feedback360.scale_4),
        _ => t_string!(i18n, feedback360.scale_5),
    }
    .to_string()
}

/// One statement with its scale as radio buttons, keeping what was chosen and its error. Only
/// the first statement left out goes into the form's error summary (`summarised`).
pub(super) fn statement_fieldset(
    i18n: I18n,
    form: &Posted,
    number: u16,
    text: String,
    choices: &[(String, String)],
    summarised: &mut bool,
) -> impl IntoView + use<> {
    let field = format!("s{number}");
    let chosen = form.value(&field, "");
    let error = form.error(i18n, &field);
    if error.is_some() && !*summarised {
        *summarised = true;
        report_to_summary(&field, &format!("{field}-1"), &text, &error);
    }
    let buttons = choices
        .iter()
        .map(|(v, label)| {
            let id = format!("{field}-{v}");
            let checked = chosen == *v;
            view! {
                <label class="choice">
                    <input type="radio" id=id name=format!("scores[{number}]") value=v.clone() checked=checked
                        aria-invalid=error.is_some().then_some("true") />
                    " "{label.clone()}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="statement" id=field.clone()>
            <legend>{text}</legend>
            <div class="choices scale" role="radiogroup">{buttons}</div>
            <p class="field-error">{error}</p>
        </fieldset>
    }
}

fn rater_form(i18n: I18n, f: RaterForm) -> impl IntoView {
    let locale = i18n.get_locale_untracked();
    let error = posted_error(AnswerFeedback::url());
    let form = Posted::from_error(&error);
    let general = error.filter(|e| e.form().is_none());
    let title = if f.group == RaterGroup::Oneself {
        t_string!(i18n, feedback360.form_self).to_string()
    } else {
        t_string!(i18n, feedback360.form_for, name = f.ratee.clone()).to_string()
    };
    let due = t_string!(
        i18n,
        feedback360.until,
        date = long_date(locale, f.closes_on)
    )
    .to_string();
    let privacy = if f.group.is_anonymous() {
        t_string!(i18n, feedback360.privacy_anonymous, k = f.min_answers).to_string()
    } else if f.group == RaterGroup::Oneself {
        t_string!(i18n, feedback360.privacy_self).to_string()
    } else {
        t_string!(i18n, feedback360.privacy_superior).to_string()
    };
    let header = view! {
        <p><a href="/360">{t!(i18n, feedback360.mine_back)}</a></p>
        <PageHeader id="form-title" title=title eyebrow=f.cycle_title.clone()>
            <p><Tag tone=TagTone::Waiting>{due}</Tag>" · "{group_label(i18n.get_locale_untracked(), f.group)}</p>
        </PageHeader>
    };
    if f.answered || f.closed {
        let text = if f.answered {
            t_string!(i18n, feedback360.already_answered).to_string()
        } else {
            t_string!(i18n, feedback360.form_closed).to_string()
        };
        return view! {
            <section class="page" aria-labelledby="form-title">
                {header}
                <Banner tone=Tone::Info><p data-testid="form-done">{text}</p></Banner>
            </section>
        }
        .into_any();
    }
    let choices: Vec<(String, String)> = (1..=SCALE_MAX)
        .map(|point| {
            (
                point.to_string(),
                format!("{point} · {}", scale_label(i18n, point)),
            )
        })
        .chain(std::iter::once((
            CANNOT_JUDGE.to_owned(),
            t_string!(i18n, feedback360.cannot_judge).to_string(),
        )))
        .collect();
    let total = f.values.iter().map(|(_, s)| s.len()).sum::<usize>();
    // Only the first statement left out goes into the summary, linked: a list of all 21 would
    // bury the form. Each one is still marked where it stands.
    let mut summarised = false;
    let values = f
        .values
        .into_iter()
        .map(|(value, statements)| {
            let name = value_name(i18n, value);
            let statements = statements
                .into_iter()
                .map(|(number, text)| {
                    statement_fieldset(i18n, &form, number, text, &choices, &mut summarised)
                })
                .collect_view();
            let comment = format!("c{value}");
            view! {
                <fieldset class="card behaviour-card">
                    <legend>{name.clone()}</legend>
                    <p class="small muted">{value_definition(i18n, value)}</p>
                    {statements}
                    <TextAreaField id=comment.clone() name=format!("comments[{value}]")
                        label=t_string!(i18n, feedback360.comment, value = name.clone()).to_string()
                        value=form.value(&comment, "") error=form.error(i18n, &comment)
                        maxlength=crate::domain::feedback360::COMMENT_MAX />
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <section class="page" aria-labelledby="form-title">
            {header}
            <Banner tone=Tone::Info title=t_string!(i18n, feedback360.privacy_title).to_string()><p>{privacy}</p></Banner>
            {general.map(|error| view! { <ErrorNotice error /> })}
            <RaterDraft assignment=f.assignment>
                <form class="form feedback-form" method="post" action=AnswerFeedback::url() novalidate>
                    <FormErrorSummary posted=form.clone() />
                    <Hidden name="id" value=f.assignment.to_string() />
                    <p class="hint">{t!(i18n, feedback360.scale_intro)}</p>
                    {values}
                    // Hidden until the island counts: without JavaScript nothing is kept.
                    <p class=STATE_CLASS data-testid="draft-state" role="status" hidden>
                        {t!(i18n, feedback360.draft_state,
                            n = move || view! { <span class=COUNT_CLASS>"0"</span> },
                            total = total)}
                    </p>
                    <div class="wizard-actions">
                        <button class="button" type="submit" data-testid="send-feedback">{t!(i18n, feedback360.send)}</button>
                    </div>
                </form>
            </RaterDraft>
        </section>
    }
    .into_any()
}

fn column_label(i18n: I18n, column: Column) -> String {
    match column {
        Column::Group(group) => group_label(i18n.get_locale_untracked(), group),
        Column::Others => t_string!(i18n, feedback360.group_others).to_string(),
    }
}

pub(super) fn mean_text(mean: Option<f32>, comma: bool) -> String {
    match mean {
        Some(m) => {
            let text = format!("{m:.1}");
            if comma { text.replace('.', ",") } else { text }
        }
        None => "–".to_owned(),
    }
}

/// `/360/hasil/{cycle}/{employee}`: one person's report.
#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let ids = use_params_map().with_untracked(|p| {
        Some((
            p.get("cycle")?.parse::<CycleId>().ok()?,
            p.get("employee")?
                .parse::<crate::domain::ids::EmployeeId>()
                .ok()?,
        ))
    });
    let data = OnceResource::new(async move {
        match ids {
            Some((cycle, employee)) => load_report(cycle, employee).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(report) => report_page(i18n, report).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

/// A person's report, or a unit's pooled summary (`unit_people`).
pub(super) fn report_page(i18n: I18n, r: ReportView) -> impl IntoView {
    let comma = i18n.get_locale_untracked() == Locale::id;
    let title = match (r.own, r.unit_people) {
        (_, Some(_)) => t_string!(
            i18n,
            feedback360.unit_report_title,
            unit = r.employee.clone()
        )
        .to_string(),
        (true, None) => t_string!(i18n, feedback360.report_title).to_string(),
        (false, None) => {
            t_string!(i18n, feedback360.report_of, name = r.employee.clone()).to_string()
        }
    };
    let tab = title.clone();
    let intro = match r.unit_people {
        Some(n) => t_string!(
            i18n,
            feedback360.unit_report_intro,
            n = n,
            min = crate::domain::feedback360::UNIT_MIN_PEOPLE,
            k = r.min_answers
        )
        .to_string(),
        None => t_string!(i18n, feedback360.report_intro, k = r.min_answers).to_string(),
    };
    let empty = match r.unit_people {
        Some(n) => t_string!(
            i18n,
            feedback360.unit_report_too_few,
            n = n,
            min = crate::domain::feedback360::UNIT_MIN_PEOPLE
        )
        .to_string(),
        None => t_string!(i18n, feedback360.report_empty, k = r.min_answers).to_string(),
    };
    let axes: Vec<String> = (1..=7).map(|v| value_name(i18n, v)).collect();
    let series: Vec<Series> = r
        .columns
        .iter()
        .map(|c| Series {
            name: column_label(i18n, c.column),
            values: c.values.clone(),
        })
        .collect();
    let legend = series
        .iter()
        .enumerate()
        .map(|(i, s)| {
            view! { <li><span class=format!("radar-key radar-series-{}", i % 6 + 1)></span>" "{s.name.clone()}</li> }
        })
        .collect_view();
    let head = r
        .columns
        .iter()
        .map(|c| {
            let label = column_label(i18n, c.column);
            let count = t_string!(i18n, feedback360.answers_count, n = c.responses).to_string();
            view! { <th scope="col">{label}<br /><span class="small muted">{count}</span></th> }
        })
        .collect_view();
    let body = (1..=7u8)
        .map(|v| {
            let cells = r
                .columns
                .iter()
                .map(|c| view! { <td>{mean_text(c.values[usize::from(v) - 1], comma)}</td> })
                .collect_view();
            view! { <tr><th scope="row">{value_name(i18n, v)}</th>{cells}</tr> }
        })
        .collect_view();
    let statements = |list: Vec<(String, f32)>| {
        list.into_iter()
            .map(|(text, mean)| view! { <li>{text}" — "<strong>{mean_text(Some(mean), comma)}</strong></li> })
            .collect_view()
    };
    let high = statements(r.high.clone());
    let low = statements(r.low.clone());
    let has_extremes = !r.high.is_empty();
    let comments = r
        .comments
        .iter()
        .map(|(column, value, text)| {
            let about = format!(
                "{} · {}",
                value_name(i18n, *value),
                column_label(i18n, *column)
            );
            view! { <li><p class="small muted">{about}</p><p>{text.clone()}</p></li> }
        })
        .collect_view();
    let has_comments = !r.comments.is_empty();
    let candidates = r
        .candidates
        .iter()
        .map(|v| value_name(i18n, *v))
        .collect::<Vec<_>>()
        .join(", ");
    let has_columns = !r.columns.is_empty();
    view! {
        <PageTitle text=move || tab.clone() />
        <section class="page" aria-labelledby="report-title">
            <p><a href="/360">{t!(i18n, feedback360.mine_back)}</a></p>
            <PageHeader id="report-title" title=title eyebrow=r.cycle_title.clone()>
                <p class="muted" data-testid="report-intro">{intro}</p>
            </PageHeader>
            {(r.withheld > 0).then(|| view! {
                <Banner tone=Tone::Info><p>{t!(i18n, feedback360.withheld, n = r.withheld, k = r.min_answers)}</p></Banner>
            })}
            {if has_columns {
                view! {
                    <Card id="report-values" title=t_string!(i18n, feedback360.by_value).to_string()>
                        <div class="radar-wrap">
                            <Radar axes=axes series=series max=f32::from(SCALE_MAX) testid="radar" />
                            <ul class="radar-legend">{legend}</ul>
                        </div>
                        <div class="table-wrap">
                            <table class="data-table report-table" data-testid="report-table">
                                <caption class="visually-hidden">{t!(i18n, feedback360.by_value)}</caption>
                                <thead><tr><th scope="col">{t!(i18n, feedback360.value)}</th>{head}</tr></thead>
                                <tbody>{body}</tbody>
                            </table>
                        </div>
                        <p class="hint">{t!(i18n, feedback360.scale_reminder)}</p>
                    </Card>
                }.into_any()
            } else {
                view! { <EmptyState testid="report-empty">{empty}</EmptyState> }.into_any()
            }}
            {has_extremes.then(|| view! {
                <Card id="report-extremes" title=t_string!(i18n, feedback360.extremes).to_string()>
                    <h3>{t!(i18n, feedback360.highest)}</h3>
                    <ul>{high}</ul>
                    <h3>{t!(i18n, feedback360.lowest)}</h3>
                    <ul>{low}</ul>
                </Card>
            })}
            {(!candidates.is_empty()).then(|| view! {
                <Card id="report-development" title=t_string!(i18n, feedback360.development).to_string()>
                    <p>{t!(i18n, feedback360.development_text, values = candidates.clone())}</p>
                </Card>
            })}
            {has_comments.then(|| view! {
                <Card id="report-comments" title=t_string!(i18n, feedback360.comments_title).to_string()>
                    <p class="hint">{t!(i18n, feedback360.comments_unattributed)}</p>
                    <ul class="plain-list" data-testid="report-comments">{comments}</ul>
                </Card>
            })}
            <p class="hint">{t!(i18n, feedback360.report_use)}</p>
        </section>
    }
}
