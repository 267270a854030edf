//! SKP pages: the employee's plans, one plan (drafting and review on the same page), the
//! appraiser's list, the cascade of a unit, notifications.
//!
//! Rows are edited in `<details>` forms: they open without JavaScript, keep a phone screen
//! short, and a failed post reopens exactly the form that failed with what was typed.

use super::api::*;
use super::types::*;
use crate::domain::ids::{AccountId, ResultId, SkpId};
use crate::domain::segment::Segment;
use crate::domain::skp::{
    Approach, Aspect, AttachmentKind, Perspective, ResultGroup, SkpEvent, SkpForm, SkpState,
};
use crate::domain::vocabulary::IntoEnumIterator;
use crate::error::AppError;
use crate::features::admin::load_failure;
use crate::i18n::*;
use crate::live::Topic;
use crate::ui::banner::{Banner, Tone};
use crate::ui::dates::{date_span, long_date};
use crate::ui::error::{ErrorNotice, field_message, posted_failure};
use crate::ui::form::{
    FormErrorSummary, Hidden, Posted, RadioField, SelectField, TextAreaField, TextField,
};
use crate::ui::page::{EmptyState, PageHeader};
use crate::ui::tag::{Tag, TagTone};
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_router::hooks::{use_params_map, use_query_map};

pub(super) type I18n = leptos_i18n::I18nContext<Locale>;

/// `None`: the employee has no SKP in the period yet.
pub fn state_label(i18n: I18n, state: Option<SkpState>) -> String {
    match state {
        Some(SkpState::Draft) => t_string!(i18n, skp.state_draft),
        Some(SkpState::Submitted) => t_string!(i18n, skp.state_submitted),
        Some(SkpState::Approved) => t_string!(i18n, skp.state_approved),
        Some(SkpState::RevisionDraft) => t_string!(i18n, skp.state_revision_draft),
        Some(SkpState::RevisionSubmitted) => t_string!(i18n, skp.state_revision_submitted),
        Some(SkpState::Evaluated) => t_string!(i18n, skp.state_evaluated),
        Some(SkpState::Archived) => t_string!(i18n, skp.state_archived),
        Some(SkpState::Cancelled) => t_string!(i18n, skp.state_cancelled),
        None => t_string!(i18n, skp.state_none),
    }
    .to_string()
}

fn event_label(i18n: I18n, event: SkpEvent) -> String {
    match event {
        SkpEvent::Submit => t_string!(i18n, skp.event_submit),
        SkpEvent::Return => t_string!(i18n, skp.event_return),
        SkpEvent::Approve => t_string!(i18n, skp.event_approve),
        SkpEvent::RequestRevision => t_string!(i18n, skp.event_request_revision),
        SkpEvent::Evaluate => t_string!(i18n, skp.event_evaluate),
        SkpEvent::Archive => t_string!(i18n, skp.event_archive),
        SkpEvent::Cancel => t_string!(i18n, skp.event_cancel),
    }
    .to_string()
}

pub(crate) fn aspect_label(i18n: I18n, aspect: Aspect) -> String {
    match aspect {
        Aspect::Kuantitas => t_string!(i18n, skp.aspect_kuantitas),
        Aspect::Kualitas => t_string!(i18n, skp.aspect_kualitas),
        Aspect::Waktu => t_string!(i18n, skp.aspect_waktu),
        Aspect::Biaya => t_string!(i18n, skp.aspect_biaya),
    }
    .to_string()
}

pub(super) fn perspective_label(i18n: I18n, p: Perspective) -> String {
    match p {
        Perspective::PenerimaLayanan => t_string!(i18n, skp.perspective_penerima_layanan),
        Perspective::ProsesBisnis => t_string!(i18n, skp.perspective_proses_bisnis),
        Perspective::PenguatanInternal => t_string!(i18n, skp.perspective_penguatan_internal),
        Perspective::Anggaran => t_string!(i18n, skp.perspective_anggaran),
    }
    .to_string()
}

pub(super) fn attachment_label(i18n: I18n, kind: AttachmentKind) -> String {
    match kind {
        AttachmentKind::DukunganSumberDaya => t_string!(i18n, skp.attachment_dukungan_sumber_daya),
        AttachmentKind::SkemaPertanggungjawaban => {
            t_string!(i18n, skp.attachment_skema_pertanggungjawaban)
        }
        AttachmentKind::Konsekuensi => t_string!(i18n, skp.attachment_konsekuensi),
    }
    .to_string()
}

pub(crate) fn value_name(i18n: I18n, value: u8) -> String {
    match value {
        1 => t_string!(i18n, berakhlak.v1),
        2 => t_string!(i18n, berakhlak.v2),
        3 => t_string!(i18n, berakhlak.v3),
        4 => t_string!(i18n, berakhlak.v4),
        5 => t_string!(i18n, berakhlak.v5),
        6 => t_string!(i18n, berakhlak.v6),
        _ => t_string!(i18n, berakhlak.v7),
    }
    .to_string()
}

pub(crate) fn value_definition(i18n: I18n, value: u8) -> String {
    match value {
        1 => t_string!(i18n, berakhlak.d1),
        2 => t_string!(i18n, berakhlak.d2),
        3 => t_string!(i18n, berakhlak.d3),
        4 => t_string!(i18n, berakhlak.d4),
        5 => t_string!(i18n, berakhlak.d5),
        6 => t_string!(i18n, berakhlak.d6),
        _ => t_string!(i18n, berakhlak.d7),
    }
    .to_string()
}

/// The official *panduan perilaku* 1–21 (SE MenPANRB 20/2021).
pub(super) fn guidance(i18n: I18n, number: u8) -> String {
    match number {
        1 => t_string!(i18n, berakhlak.g1),
        2 => t_string!(i18n, berakhlak.g2),
        3 => t_string!(i18n, berakhlak.g3),
        4 => t_string!(i18n, berakhlak.g4),
        5 => t_string!(i18n, berakhlak.g5),
        6 => t_string!(i18n, berakhlak.g6),
        7 => t_string!(i18n, berakhlak.g7),
        8 => t_string!(i18n, berakhlak.g8),
        9 => t_string!(i18n, berakhlak.g9),
        10 => t_string!(i18n, berakhlak.g10),
        11 => t_string!(i18n, berakhlak.g11),
        12 => t_string!(i18n, berakhlak.g12),
        13 => t_string!(i18n, berakhlak.g13),
        14 => t_string!(i18n, berakhlak.g14),
        15 => t_string!(i18n, berakhlak.g15),
        16 => t_string!(i18n, berakhlak.g16),
        17 => t_string!(i18n, berakhlak.g17),
        18 => t_string!(i18n, berakhlak.g18),
        19 => t_string!(i18n, berakhlak.g19),
        20 => t_string!(i18n, berakhlak.g20),
        _ => t_string!(i18n, berakhlak.g21),
    }
    .to_string()
}

/// "12,5–15 dokumen" in Indonesian, "12.5–15 dokumen" in English.
pub(super) fn target_text(i18n: I18n, i: &IndicatorView) -> String {
    let comma = i18n.get_locale_untracked() == Locale::id;
    crate::domain::skp::format_target(
        i.target_min.as_deref(),
        i.target_max.as_deref(),
        i.target_unit.as_deref(),
        comma,
    )
}

pub(super) fn loading(i18n: I18n) -> impl IntoView {
    view! { <p class="muted">{t!(i18n, common.loading)}</p> }
}

/// `/skp`: the employee's plan for the open period, earlier ones, and how to start.
#[component]
pub fn MySkpPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = OnceResource::new(load_my_skps());
    view! {
        <PageTitle text=move || t_string!(i18n, skp.mine_title).to_string() />
        <Suspense fallback=move || loading(i18n)>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(mine) => my_skps(i18n, mine).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

fn approach_name(i18n: I18n, approach: Approach) -> String {
    match approach {
        Approach::Kuantitatif => t_string!(i18n, skp.approach_kuantitatif).to_string(),
        Approach::Kualitatif => t_string!(i18n, skp.approach_kualitatif).to_string(),
    }
}

fn my_skps(i18n: I18n, mine: MySkps) -> impl IntoView {
    let error = posted_failure().map(|(_, e)| e);
    let no_period = error
        .as_ref()
        .and_then(AppError::form)
        .and_then(|f| f.error_for("approach"))
        .map(|code| field_message(i18n, code));
    let general = error.filter(|e| e.form().is_none());
    let approach_hint = if mine.approaches.len() > 1 {
        t_string!(i18n, skp.approach_hint).to_string()
    } else {
        t_string!(i18n, skp.approach_hint_jpt).to_string()
    };
    let start = match (&mine.period, &mine.current, mine.is_employee) {
        (Some(period), None, true) => Some(view! {
            <section class="card" aria-labelledby="start-title">
                <h2 id="start-title">{t!(i18n, skp.start_title, year = period.year)}</h2>
                {match mine.next_starts {
                    Some(day) => view! {
                        <Banner tone=Tone::Info testid="skp-after-transfer">
                            <p>{t!(i18n, skp.start_after_transfer, day = long_date(i18n.get_locale_untracked(), day))}</p>
                        </Banner>
                    }.into_any(),
                    None => view! {
                        <p>{t!(i18n, skp.start_text, deadline = period.planning_deadline.clone())}</p>
                    }.into_any(),
                }}
                {mine.appraiser.clone().map(|name| view! {
                    <p class="muted">{t!(i18n, skp.your_appraiser, name = name)}</p>
                })}
                <form class="form" method="post" action=CreateSkp::url()>
                    <RadioField name="approach" legend=t_string!(i18n, skp.approach).to_string()
                        value=Approach::Kuantitatif.as_str().to_owned() error=None
                        options=mine.approaches.iter().map(|a| (a.as_str().to_owned(), approach_name(i18n, *a))).collect()
                        hint=approach_hint />
                    <button class="button" type="submit" data-testid="skp-start">{t!(i18n, skp.start)}</button>
                </form>
            </section>
        }),
        _ => None,
    };
    view! {
        <section class="skp-page" aria-labelledby="mine-title">
            <PageHeader id="mine-title" title=t_string!(i18n, skp.mine_title).to_string() />
            {general.map(|error| view! { <ErrorNotice error /> })}
            {no_period.map(|m| view! { <Banner tone=Tone::Error announce=true><p>{m}</p></Banner> })}
            {mine.period.is_none().then(|| view! { <Banner tone=Tone::Warning><p>{t!(i18n, skp.no_period)}</p></Banner> })}
            {(!mine.is_employee).then(|| view! { <Banner tone=Tone::Info><p>{t!(i18n, skp.not_employee)}</p></Banner> })}
            {mine.current.clone().map(|s| view! {
                <section class="card" aria-labelledby="current-title">
                    <h2 id="current-title">{t!(i18n, skp.current_title, year = s.year)}</h2>
                    {s.segment.map(|segment| view! {
                        <p class="muted">{segment_text(i18n, segment, &s.position)}</p>
                    })}
                    <p>
                        <Tag tone=TagTone::of_skp(Some(s.state))>{state_label(i18n, Some(s.state))}</Tag>
                        " · "{t!(i18n, skp.result_count, n = s.results)}
                    </p>
                    <a class="button" href=format!("/skp/{}", s.id) data-testid="skp-open">{t!(i18n, skp.open)}</a>
                    {s.state.is_effective().then(|| view! {
                        <a class="button button-secondary" href="/evaluasi" data-testid="evaluations-link">
                            {t!(i18n, evaluation.mine_title)}
                        </a>
                    })}
                </section>
            })}
            {start}
            {(!mine.others.is_empty()).then(|| view! {
                <section aria-labelledby="others-title">
                    <h2 id="others-title">{t!(i18n, skp.others_title)}</h2>
                    <ul class="plain-list">
                        {mine.others.iter().map(|s| view! {
                            <li>
                                <a href=format!("/skp/{}", s.id)>{format!("SKP {}", s.year)}</a>
                                {s.segment.map(|segment| format!(" · {}", segment_text(i18n, segment, &s.position)))}
                                " · "{state_label(i18n, Some(s.state))}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
        </section>
    }
}

/// "1 Januari s.d. 30 Juni 2026 · Analis Kepegawaian": the days a split plan covers and the
/// position it was written for.
pub fn segment_text(i18n: I18n, segment: Segment, position: &str) -> String {
    let span = date_span(
        i18n.get_locale_untracked(),
        segment.starts_on,
        segment.ends_on,
    );
    if position.is_empty() {
        span
    } else {
        format!("{span} · {position}")
    }
}

/// The plan named by the route's `{id}`.
pub(super) fn skp_of_route() -> OnceResource<Result<SkpView, AppError>> {
    let id = use_params_map().with_untracked(|p| p.get("id").and_then(|v| v.parse::<SkpId>().ok()));
    OnceResource::new(async move {
        match id {
            Some(id) => load_skp(id).await,
            None => Err(AppError::NotFound),
        }
    })
}

/// `/skp/{id}`: one plan — drafting for its owner, review for its appraiser, reading for others
/// who may see it.
#[component]
pub fn SkpPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = skp_of_route();
    view! {
        <PageTitle text=move || t_string!(i18n, skp.title).to_string() />
        <Suspense fallback=move || loading(i18n)>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => skp_page(i18n, v).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

fn person(i18n: I18n, title: String, p: Option<PersonCard>) -> impl IntoView {
    view! {
        <div class="person">
            <h3>{title}</h3>
            {match p {
                Some(p) => view! {
                    <dl class="facts compact">
                        <div><dt>{t!(i18n, skp.name)}</dt><dd>{p.name}</dd></div>
                        <div><dt>"NIP"</dt><dd>{p.nip}</dd></div>
                        <div><dt>{t!(i18n, skp.rank)}</dt><dd>{p.rank}</dd></div>
                        <div><dt>{t!(i18n, skp.position)}</dt><dd>{p.position}</dd></div>
                        <div><dt>{t!(i18n, skp.unit)}</dt><dd>{p.unit}</dd></div>
                    </dl>
                }.into_any(),
                None => view! { <p class="muted">{t!(i18n, skp.not_set)}</p> }.into_any(),
            }}
        </div>
    }
}

fn skp_page(i18n: I18n, v: SkpView) -> impl IntoView {
    let posted = posted_failure();
    let status = use_query_map().with_untracked(|q| q.get("status"));
    // Errors that belong to no single row: a stale version, a refused transition, 403.
    let top_error = posted.as_ref().and_then(|(path, e)| match e {
        AppError::Invalid(form)
            if path == TransitionSkp::url() || form.error_for("event").is_some() =>
        {
            form.error_for("event")
                .map(|code| field_message(i18n, code))
        }
        AppError::Invalid(_) => None,
        other => Some(match other {
            AppError::Conflict => t_string!(i18n, skp.conflict).to_string(),
            _ => String::new(),
        }),
    });
    let general = posted
        .as_ref()
        .map(|(_, e)| e.clone())
        .filter(|e| e.form().is_none() && *e != AppError::Conflict);
    let utama: Vec<ResultView> = v
        .results
        .iter()
        .filter(|r| r.group == ResultGroup::Utama)
        .cloned()
        .collect();
    let tambahan: Vec<ResultView> = v
        .results
        .iter()
        .filter(|r| r.group == ResultGroup::Tambahan)
        .cloned()
        .collect();
    let period_label = match v.segment {
        Some(segment) => date_span(
            i18n.get_locale_untracked(),
            segment.starts_on,
            segment.ends_on,
        ),
        None => format!("{} – {}", v.period.starts_on, v.period.ends_on),
    };
    let appraiser_name = v.header.appraiser.as_ref().map_or_else(
        || t_string!(i18n, skp.not_set).to_string(),
        |a| a.name.clone(),
    );
    let approach_label = approach_name(i18n, v.approach);
    view! {
        <article class="skp-page" aria-labelledby="skp-title">
            <PageHeader id="skp-title" title=t_string!(i18n, skp.heading, year = v.period.year).to_string()
                eyebrow=v.header.agency.clone()>
                <p>
                    <Tag tone=TagTone::of_skp(Some(v.state)) testid="skp-state">{state_label(i18n, Some(v.state))}</Tag>
                    {(v.revision > 1).then(|| view! { " · "{t!(i18n, skp.revision, n = v.revision - 1)} })}
                </p>
                <p class="muted small">{t!(i18n, skp.period)}": "{period_label}" · "{approach_label}</p>
                <p class="actions">
                    <a class="button button-secondary" href=format!("/skp/{}/cetak", v.id) data-testid="skp-print">{t!(i18n, skp.print)}</a>
                    // Action plans are written for an established plan (its IKIs no longer change).
                    {v.state.is_effective().then(|| view! {
                        <a class="button button-secondary" href=format!("/skp/{}/rencana-aksi", v.id) data-testid="skp-action-plan">{t!(i18n, action_plan.title)}</a>
                    })}
                </p>
            </PageHeader>
            {status.map(|s| view! { <Banner tone=Tone::Success announce=true testid="skp-status"><p>{status_message(i18n, &s)}</p></Banner> })}
            {top_error.filter(|m| !m.is_empty()).map(|m| view! { <Banner tone=Tone::Error announce=true><p>{m}</p></Banner> })}
            {(posted.as_ref().is_some_and(|(_, e)| *e == AppError::Conflict)).then(|| view! {
                <Banner tone=Tone::Error announce=true><p>{t!(i18n, skp.conflict)}</p></Banner>
            })}
            {general.map(|error| view! { <ErrorNotice error /> })}

            {return_banner(i18n, &v)}
            {v.period_closed.then(|| view! { <Banner tone=Tone::Warning><p>{t!(i18n, skp.period_closed)}</p></Banner> })}
            {actions(i18n, &v, &posted)}

            <details class="card people-card">
                <summary>
                    <strong>{v.header.employee.name.clone()}</strong>
                    <span class="muted">{t!(i18n, skp.appraiser)}": "{appraiser_name}</span>
                </summary>
                <div class="people">
                    {person(i18n, t_string!(i18n, skp.employee).to_string(), Some(v.header.employee.clone()))}
                    {person(i18n, t_string!(i18n, skp.appraiser).to_string(), v.header.appraiser.clone())}
                    {person(i18n, t_string!(i18n, skp.appraiser_superior).to_string(), v.header.appraiser_superior.clone())}
                </div>
            </details>

            {v.can_edit.then(|| approach_form(i18n, &v))}

            {results_section(i18n, &v, ResultGroup::Utama, utama, &posted)}
            {results_section(i18n, &v, ResultGroup::Tambahan, tambahan, &posted)}
            {behaviour_section(i18n, &v, &posted)}
            {attachments_section(i18n, &v, &posted)}
            {comments_section(i18n, &v, &posted)}
            {history_section(i18n, &v)}
        </article>
    }
}

fn status_message(i18n: I18n, status: &str) -> String {
    match status {
        "submitted" | "revision_submitted" => t_string!(i18n, skp.status_submitted),
        "draft" | "revision_draft" => t_string!(i18n, skp.status_draft),
        "approved" => t_string!(i18n, skp.status_approved),
        _ => t_string!(i18n, admin.saved),
    }
    .to_string()
}

fn approach_form(i18n: I18n, v: &SkpView) -> impl IntoView + use<> {
    let options = vec![
        (
            Approach::Kuantitatif.as_str().to_owned(),
            t_string!(i18n, skp.approach_kuantitatif).to_string(),
        ),
        (
            Approach::Kualitatif.as_str().to_owned(),
            t_string!(i18n, skp.approach_kualitatif).to_string(),
        ),
    ];
    view! {
        <details class="card">
            <summary>{t!(i18n, skp.change_approach)}</summary>
            <form class="form" method="post" action=ChangeApproach::url()>
                <Hidden name="skp_id" value={v.id.to_string()} />
                <Hidden name="version" value={v.version.to_string()} />
                <SelectField id="approach" name="approach" label={t_string!(i18n, skp.approach).to_string()} value={v.approach.as_str().to_owned()} options=options error=None />
                <p class="hint">{t!(i18n, skp.approach_hint)}</p>
                <button class="button" type="submit">{t!(i18n, admin.save)}</button>
            </form>
        </details>
    }
}

/// Submission (with what is missing), review decisions, revision requests.
fn actions(i18n: I18n, v: &SkpView, posted: &Option<(String, AppError)>) -> impl IntoView + use<> {
    let has = |e: SkpEvent| v.events.contains(&e);
    let note_form_state =
        |event: SkpEvent| Posted::among(posted, TransitionSkp::url(), ("event", event.as_str()));
    let problems = (!v.problems.is_empty()).then(|| {
        view! {
            <div class="problems" data-testid="skp-problems">
                <p><strong>{t!(i18n, skp.missing_title)}</strong></p>
                <ul>
                    {v.problems.iter().map(|p| {
                        let message = field_message(i18n, &p.code);
                        match p.result_id {
                            Some(id) => view! { <li><a href=format!("#hasil-{id}")>{message}</a></li> }.into_any(),
                            None => view! { <li>{message}</li> }.into_any(),
                        }
                    }).collect_view()}
                </ul>
            </div>
        }
    });
    let submit = has(SkpEvent::Submit).then(|| {
        view! {
            <form method="post" action=TransitionSkp::url() class="inline-form">
                <Hidden name="skp_id" value={v.id.to_string()} />
                <Hidden name="version" value={v.version.to_string()} />
                <Hidden name="event" value={SkpEvent::Submit.as_str().to_string()} />
                <button class="button" type="submit" data-testid="skp-submit">{event_label(i18n, SkpEvent::Submit)}</button>
            </form>
        }
    });
    let approve = has(SkpEvent::Approve).then(|| {
        view! {
            <form method="post" action=TransitionSkp::url() class="inline-form">
                <Hidden name="skp_id" value={v.id.to_string()} />
                <Hidden name="version" value={v.version.to_string()} />
                <Hidden name="event" value={SkpEvent::Approve.as_str().to_string()} />
                <button class="button" type="submit" data-testid="skp-approve">{event_label(i18n, SkpEvent::Approve)}</button>
            </form>
        }
    });
    let note_form = |event: SkpEvent, label: String, test_id: &'static str| {
        let failed = note_form_state(event);
        let open = failed.is_posted();
        let (value, error) = (failed.value("note", ""), failed.error(i18n, "note"));
        view! {
            <details class="decision" open=open>
                <summary class="button button-secondary" data-testid=format!("{test_id}-open")>{event_label(i18n, event)}</summary>
                <form class="form" method="post" action=TransitionSkp::url()>
                    <FormErrorSummary posted=failed.clone() />
                    <Hidden name="skp_id" value={v.id.to_string()} />
                    <Hidden name="version" value={v.version.to_string()} />
                    <Hidden name="event" value={event.as_str().to_string()} />
                    <TextAreaField id={format!("note-{}", event.as_str())} name="note" label=label value=value error=error />
                    <button class="button" type="submit" data-testid=test_id>{event_label(i18n, event)}</button>
                </form>
            </details>
        }
    };
    let give_back = has(SkpEvent::Return).then(|| {
        note_form(
            SkpEvent::Return,
            t_string!(i18n, skp.return_note).to_string(),
            "skp-return",
        )
    });
    let revise = has(SkpEvent::RequestRevision).then(|| {
        note_form(
            SkpEvent::RequestRevision,
            t_string!(i18n, skp.revision_reason).to_string(),
            "skp-revise",
        )
    });
    let any = v.can_edit || !v.events.is_empty();
    any.then(|| {
        view! {
            <section class="card actions-card" aria-label=move || t_string!(i18n, skp.actions)>
                {v.can_edit.then(|| view! { <p class="hint">{t!(i18n, skp.draft_hint)}</p> })}
                {v.acting_for.clone().map(|official| view! {
                    <Banner tone=Tone::Info testid="acting-for"><p>{t!(i18n, skp.acting_for, official)}</p></Banner>
                })}
                {v.is_appraiser.then(|| v.state.awaits_appraiser().then(|| view! {
                    <p class="hint">{t!(i18n, skp.review_hint)}</p>
                }))}
                {problems}
                <div class="actions">{submit}{approve}{give_back}{revise}</div>
            </section>
        }
    })
}

fn results_section(
    i18n: I18n,
    v: &SkpView,
    group: ResultGroup,
    rows: Vec<ResultView>,
    posted: &Option<(String, AppError)>,
) -> impl IntoView + use<> {
    let (title, letter) = if group == ResultGroup::Utama {
        (t_string!(i18n, skp.group_utama).to_string(), "A")
    } else {
        (t_string!(i18n, skp.group_tambahan).to_string(), "B")
    };
    let count = rows.len();
    let cards = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| result_card(i18n, v, letter, i, count, r, posted))
        .collect_view();
    let new_failed = Posted::among(posted, SaveResult::url(), ("result_id", ""))
        .filter(|f| f.typed("group") == Some(group.as_str()));
    let add = v.can_edit.then(|| {
        let open = new_failed.is_posted() || (count == 0 && group == ResultGroup::Utama);
        view! {
            <details class="add-row" open=open>
                <summary class="button button-secondary" data-testid=format!("add-result-{}", group.as_str())>
                    {if group == ResultGroup::Utama { t!(i18n, skp.add_utama).into_any() } else { t!(i18n, skp.add_tambahan).into_any() }}
                </summary>
                {result_form(i18n, v, None, group, new_failed)}
            </details>
        }
    });
    view! {
        <section class="skp-section" aria-labelledby=format!("group-{}", group.as_str())>
            <h2 id=format!("group-{}", group.as_str())>{format!("{letter}. ")}{title}</h2>
            {(count == 0).then(|| view! { <EmptyState>{t!(i18n, skp.no_results)}</EmptyState> })}
            <ol class="result-list">{cards}</ol>
            {add}
        </section>
    }
}

fn result_form(
    i18n: I18n,
    v: &SkpView,
    existing: Option<&ResultView>,
    group: ResultGroup,
    failed: Posted,
) -> impl IntoView + use<> {
    let prefix = existing.map_or_else(
        || format!("new-{}", group.as_str()),
        |r| format!("r{}", r.id),
    );
    let value =
        |field: &str, stored: Option<String>| failed.value(field, &stored.unwrap_or_default());
    let err = |field: &str| failed.error(i18n, field);
    let jpt = v.form == SkpForm::Jpt;
    let parent_select = (!jpt).then(|| {
        let mut options = vec![(String::new(), t_string!(i18n, skp.choose_parent).to_string())];
        options.extend(v.leader_results.iter().map(|l| (l.id.to_string(), l.text.clone())));
        let current = value("parent_id", existing.and_then(|r| r.parent_id).map(|i| i.to_string()));
        view! {
            <SelectField id={format!("{prefix}-parent")} name="parent_id" label={t_string!(i18n, skp.parent).to_string()} value=current options=options error={err("parent_id")} />
            {v.leader_results.is_empty().then(|| view! { <p class="hint">{t!(i18n, skp.no_leader_results)}</p> })}
        }
    });
    let perspective_select = jpt.then(|| {
        let mut options = vec![(String::new(), t_string!(i18n, skp.choose).to_string())];
        options.extend(
            Perspective::iter().map(|p| (p.as_str().to_owned(), perspective_label(i18n, p))),
        );
        let current = value(
            "perspective",
            existing
                .and_then(|r| r.perspective)
                .map(|p| p.as_str().to_owned()),
        );
        view! { <SelectField id={format!("{prefix}-perspective")} name="perspective" label={t_string!(i18n, skp.perspective).to_string()} value=current options=options error={err("perspective")} /> }
    });
    let group_field = match existing {
        Some(r) => {
            let options = vec![
                (
                    ResultGroup::Utama.as_str().to_owned(),
                    t_string!(i18n, skp.group_utama).to_string(),
                ),
                (
                    ResultGroup::Tambahan.as_str().to_owned(),
                    t_string!(i18n, skp.group_tambahan).to_string(),
                ),
            ];
            view! { <SelectField id={format!("{prefix}-group")} name="group" label={t_string!(i18n, skp.group).to_string()} value={value("group", Some(r.group.as_str().to_owned()))} options=options error={err("group")} /> }
            .into_any()
        }
        None => view! { <Hidden name="group" value={group.as_str().to_string()} /> }.into_any(),
    };
    view! {
        <form class="form" method="post" action=SaveResult::url()>
            <FormErrorSummary posted=failed.clone() />
            <Hidden name="skp_id" value={v.id.to_string()} />
            <Hidden name="version" value={v.version.to_string()} />
            {existing.map(|r| view! { <Hidden name="result_id" value={r.id.to_string()} /> })}
            {parent_select}
            <TextAreaField id={format!("{prefix}-text")} name="text" label={t_string!(i18n, skp.rhk).to_string()} value={value("text", existing.map(|r| r.text.clone()))} error={err("text")} />
            {perspective_select}
            {group_field}
            <button class="button" type="submit" data-testid=format!("{prefix}-save")>{t!(i18n, admin.save)}</button>
        </form>
    }
}

fn indicator_form(
    i18n: I18n,
    v: &SkpView,
    result_id: ResultId,
    existing: Option<&IndicatorView>,
    failed: Posted,
) -> impl IntoView + use<> {
    let prefix = existing.map_or_else(|| format!("new-i{result_id}"), |i| format!("i{}", i.id));
    let value =
        |field: &str, stored: Option<String>| failed.value(field, &stored.unwrap_or_default());
    let err = |field: &str| failed.error(i18n, field);
    let quantitative = v.approach == Approach::Kuantitatif;
    let label = if quantitative {
        t_string!(i18n, skp.iki).to_string()
    } else {
        t_string!(i18n, skp.iki_narrative).to_string()
    };
    let measures = quantitative.then(|| {
        let mut aspects = vec![(String::new(), t_string!(i18n, skp.choose).to_string())];
        aspects.extend(
            Aspect::iter().map(|a| (a.as_str().to_owned(), aspect_label(i18n, a))),
        );
        view! {
            <SelectField id={format!("{prefix}-aspect")} name="aspect" label={t_string!(i18n, skp.aspect).to_string()} value={value("aspect", existing.and_then(|i| i.aspect).map(|a| a.as_str().to_owned()))} options=aspects error={err("aspect")} />
            <div class="form-grid target-grid">
                <TextField id={format!("{prefix}-min")} name="target_min" label={t_string!(i18n, skp.target_min).to_string()} value={value("target_min", existing.and_then(|i| i.target_min.clone()))} error={err("target_min")} inputmode="decimal" />
                <TextField id={format!("{prefix}-max")} name="target_max" label={t_string!(i18n, skp.target_max).to_string()} value={value("target_max", existing.and_then(|i| i.target_max.clone()))} error={err("target_max")} inputmode="decimal" />
                <TextField id={format!("{prefix}-unit")} name="target_unit" label={t_string!(i18n, skp.target_unit).to_string()} value={value("target_unit", existing.and_then(|i| i.target_unit.clone()))} error={err("target_unit")} />
            </div>
            <p class="hint">{t!(i18n, skp.target_hint)}</p>
        }
    });
    view! {
        <form class="form" method="post" action=SaveIndicator::url()>
            <FormErrorSummary posted=failed.clone() />
            <Hidden name="skp_id" value={v.id.to_string()} />
            <Hidden name="version" value={v.version.to_string()} />
            <Hidden name="result_id" value={result_id.to_string()} />
            {existing.map(|i| view! { <Hidden name="indicator_id" value={i.id.to_string()} /> })}
            <TextAreaField id={format!("{prefix}-text")} name="text" label=label value={value("text", existing.map(|i| i.text.clone()))} error={err("text")} />
            {measures}
            <button class="button" type="submit" data-testid=format!("{prefix}-save")>{t!(i18n, admin.save)}</button>
        </form>
    }
}

fn small_post(
    action: &'static str,
    fields: Vec<(&'static str, String)>,
    label: String,
    class: &'static str,
    test_id: String,
) -> impl IntoView + use<> {
    view! {
        <form method="post" action=action class="inline-form">
            {fields.into_iter().map(|(n, val)| view! { <Hidden name=n value={val.to_string()} /> }).collect_view()}
            <button class=class type="submit" data-testid=test_id>{label}</button>
        </form>
    }
}

fn result_card(
    i18n: I18n,
    v: &SkpView,
    letter: &str,
    index: usize,
    count: usize,
    r: ResultView,
    posted: &Option<(String, AppError)>,
) -> impl IntoView + use<> {
    let id = r.id;
    let rid = id.to_string();
    let edit_failed = Posted::among(posted, SaveResult::url(), ("result_id", &rid));
    let remove_failed = Posted::among(posted, RemoveResult::url(), ("result_id", &rid))
        .error(i18n, "result")
        .or_else(|| {
            Posted::among(posted, RemoveResult::url(), ("result_id", "")).error(i18n, "result")
        });
    let new_indicator_failed = Posted::among(posted, SaveIndicator::url(), ("indicator_id", ""))
        .filter(|f| f.typed("result_id") == Some(rid.as_str()));
    let comment_failed = Posted::among(posted, AddComment::url(), ("result_id", &rid));
    let comments: Vec<CommentView> = v
        .comments
        .iter()
        .filter(|c| c.result_id == Some(id))
        .cloned()
        .collect();
    let base = vec![
        ("skp_id", v.id.to_string()),
        ("version", v.version.to_string()),
        ("result_id", rid.clone()),
    ];
    let owner_tools = v.can_edit.then(|| {
        let up = (index > 0).then(|| {
            let mut f = base.clone();
            f.push(("direction", "up".to_owned()));
            small_post(MoveResult::url(), f, t_string!(i18n, skp.move_up).to_string(), "button button-small button-secondary", format!("up-{id}"))
        });
        let down = (index + 1 < count).then(|| {
            let mut f = base.clone();
            f.push(("direction", "down".to_owned()));
            small_post(MoveResult::url(), f, t_string!(i18n, skp.move_down).to_string(), "button button-small button-secondary", format!("down-{id}"))
        });
        let remove = small_post(RemoveResult::url(), base.clone(), t_string!(i18n, skp.remove).to_string(), "button button-small button-danger", format!("remove-{id}"));
        view! {
            <div class="row-tools">
                <details class="row-edit" open=edit_failed.is_posted()>
                    <summary class="button button-small button-secondary" data-testid=format!("edit-{id}")>{t!(i18n, skp.edit)}</summary>
                    {result_form(i18n, v, Some(&r), r.group, edit_failed.clone())}
                </details>
                {up}{down}{remove}
            </div>
            {remove_failed.map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        }
    });
    let indicators = r
        .indicators
        .iter()
        .map(|ind| {
            let iid = ind.id.to_string();
            let failed = Posted::among(posted, SaveIndicator::url(), ("indicator_id", &iid));
            let aspect = ind.aspect.map(|a| aspect_label(i18n, a));
            let target = target_text(i18n, ind);
            let tools = v.can_edit.then(|| {
                let remove = small_post(
                    RemoveIndicator::url(),
                    vec![("skp_id", v.id.to_string()), ("version", v.version.to_string()), ("indicator_id", iid.clone())],
                    t_string!(i18n, skp.remove).to_string(),
                    "button button-small button-danger",
                    format!("remove-i{}", ind.id),
                );
                view! {
                    <div class="row-tools">
                        <details class="row-edit" open=failed.is_posted()>
                            <summary class="button button-small button-secondary">{t!(i18n, skp.edit)}</summary>
                            {indicator_form(i18n, v, id, Some(ind), failed.clone())}
                        </details>
                        {remove}
                    </div>
                }
            });
            view! {
                <li class="indicator">
                    {aspect.map(|a| view! { <span class="chip">{a}</span>" " })}
                    <span class="iki-text">{ind.text.clone()}</span>
                    {(!target.is_empty()).then(|| view! { <span class="target">{t!(i18n, skp.target)}": "<strong>{target.clone()}</strong></span> })}
                    {tools}
                </li>
            }
        })
        .collect_view();
    let add_indicator = v.can_edit.then(|| {
        view! {
            <details class="add-row" open=new_indicator_failed.is_posted() || r.indicators.is_empty()>
                <summary class="button button-small button-secondary" data-testid=format!("add-indicator-{id}")>{t!(i18n, skp.add_indicator)}</summary>
                {indicator_form(i18n, v, id, None, new_indicator_failed.clone())}
            </details>
        }
    });
    let comment_form = v.can_comment.then(|| {
        let (value, error) = (comment_failed.value("body", ""), comment_failed.error(i18n, "body"));
        view! {
            <details class="comment-box" open=comment_failed.is_posted()>
                <summary class="link-like" data-testid=format!("comment-open-{id}")>{t!(i18n, skp.comment_row)}</summary>
                <form class="form" method="post" action=AddComment::url()>
                    <FormErrorSummary posted=comment_failed.clone() />
                    <Hidden name="skp_id" value={v.id.to_string()} />
                    <Hidden name="result_id" value={id.to_string()} />
                    <TextAreaField id={format!("c{id}-body")} name="body" label={t_string!(i18n, skp.comment).to_string()} value=value error=error />
                    <button class="button button-small" type="submit" data-testid=format!("comment-{id}")>{t!(i18n, skp.send_comment)}</button>
                </form>
            </details>
        }
    });
    view! {
        <li class="result-card card" id=format!("hasil-{id}") data-testid="result-card">
            <p class="row-number">{format!("{letter}.{}", index + 1)}</p>
            {(v.form != SkpForm::Jpt && r.group == ResultGroup::Utama).then(|| view! {
                <p class="parent">
                    <span class="label">{t!(i18n, skp.parent)}": "</span>
                    {match r.parent_text.clone() {
                        Some(text) => view! { <span>{text}</span> }.into_any(),
                        None => view! { <span class="warning">{t!(i18n, skp.no_parent)}</span> }.into_any(),
                    }}
                </p>
                {r.parent_changed.then(|| view! { <p class="warning small" role="note">{t!(i18n, skp.parent_changed)}</p> })}
            })}
            {r.perspective.map(|p| view! { <p class="small muted">{t!(i18n, skp.perspective)}": "{perspective_label(i18n, p)}</p> })}
            <p class="rhk"><strong>{r.text.clone()}</strong></p>
            {owner_tools}
            <h3 class="small">{t!(i18n, skp.indicators)}</h3>
            {r.indicators.is_empty().then(|| view! { <p class="warning small">{t!(i18n, skp.no_indicators)}</p> })}
            <ul class="indicator-list">{indicators}</ul>
            {add_indicator}
            {(!comments.is_empty()).then(|| view! {
                <ul class="comments">
                    {comments.into_iter().map(|c| view! {
                        <li><p class="small muted">{c.author}" · "{c.at}</p><p>{c.body}</p></li>
                    }).collect_view()}
                </ul>
            })}
            {comment_form}
        </li>
    }
}

fn behaviour_section(
    i18n: I18n,
    v: &SkpView,
    posted: &Option<(String, AppError)>,
) -> impl IntoView + use<> {
    let items = v
        .behaviours
        .iter()
        .map(|b| {
            let n = b.value;
            let failed = Posted::among(posted, SaveExpectation::url(), ("value", &n.to_string()));
            let guides = crate::domain::skp::CoreValue::from_number(n)
                .map(|c| c.guidance_numbers())
                .unwrap_or_default();
            let form = v.can_write_expectations.then(|| {
                let value = failed.value("text", b.expectation.as_deref().unwrap_or_default());
                let error = failed.error(i18n, "text");
                view! {
                    <details class="row-edit" open=failed.is_posted()>
                        <summary class="button button-small button-secondary" data-testid=format!("expectation-open-{n}")>{t!(i18n, skp.write_expectation)}</summary>
                        <form class="form" method="post" action=SaveExpectation::url()>
                            <FormErrorSummary posted=failed.clone() />
                            <Hidden name="skp_id" value={v.id.to_string()} />
                            <Hidden name="version" value={v.version.to_string()} />
                            <Hidden name="value" value={n.to_string()} />
                            <TextAreaField id={format!("e{n}-text")} name="text" label={t_string!(i18n, skp.expectation).to_string()} value=value error=error />
                            <button class="button button-small" type="submit" data-testid=format!("expectation-{n}")>{t!(i18n, admin.save)}</button>
                        </form>
                    </details>
                }
            });
            view! {
                <li class="card behaviour" id=format!("perilaku-{n}")>
                    <h3>{format!("{n}. ")}{value_name(i18n, n)}</h3>
                    <p class="muted small">{value_definition(i18n, n)}</p>
                    <details class="guidance-details">
                        <summary>{t!(i18n, skp.guidance)}</summary>
                        <ul class="guidance">
                            {guides.into_iter().map(|g| view! { <li>{format!("{g}. ")}{guidance(i18n, g)}</li> }).collect_view()}
                        </ul>
                    </details>
                    <p class="small"><span class="label">{t!(i18n, skp.expectation)}": "</span>
                        {b.expectation.clone().unwrap_or_else(|| "—".to_owned())}</p>
                    {form}
                </li>
            }
        })
        .collect_view();
    // Seven long cards: folded behind a line that says where they stand, open while there is
    // something to do here (an expectation to write, a refused one to fix).
    let total = v.behaviours.len();
    let written = v
        .behaviours
        .iter()
        .filter(|b| b.expectation.is_some())
        .count();
    let refused = matches!(posted, Some((path, _)) if path == SaveExpectation::url());
    let open = refused || (v.can_write_expectations && written < total);
    view! {
        <section class="skp-section" aria-labelledby="behaviour-title">
            <h2 id="behaviour-title">{t!(i18n, skp.behaviour)}</h2>
            <p class="hint">{t!(i18n, skp.behaviour_hint)}</p>
            <details class="section-details" open=open data-testid="behaviour-details">
                <summary>{t!(i18n, skp.behaviour_summary, written = written, total = total)}</summary>
                <ol class="behaviour-list">{items}</ol>
            </details>
        </section>
    }
}

fn attachments_section(
    i18n: I18n,
    v: &SkpView,
    posted: &Option<(String, AppError)>,
) -> impl IntoView + use<> {
    let blocks = AttachmentKind::iter()
        .map(|k| {
            let kind = k.as_str();
            let failed = Posted::among(posted, SaveAttachment::url(), ("kind", kind));
            let items: Vec<AttachmentView> = v.attachments.iter().filter(|a| a.kind == k).cloned().collect();
            let add = v.can_edit.then(|| {
                let (value, error) = (failed.value("text", ""), failed.error(i18n, "text"));
                view! {
                    <details class="add-row" open=failed.is_posted()>
                        <summary class="button button-small button-secondary">{t!(i18n, skp.add_item)}</summary>
                        <form class="form" method="post" action=SaveAttachment::url()>
                            <FormErrorSummary posted=failed.clone() />
                            <Hidden name="skp_id" value={v.id.to_string()} />
                            <Hidden name="version" value={v.version.to_string()} />
                            <Hidden name="kind" value={kind.to_string()} />
                            <TextAreaField id={format!("a-{kind}")} name="text" label={attachment_label(i18n, k)} value=value error=error />
                            <button class="button button-small" type="submit">{t!(i18n, admin.save)}</button>
                        </form>
                    </details>
                }
            });
            view! {
                <div class="attachment-block">
                    <h3>{attachment_label(i18n, k)}</h3>
                    {items.is_empty().then(|| view! { <p class="muted small">"—"</p> })}
                    <ul class="plain-list">
                        {items.into_iter().map(|a| view! {
                            <li>
                                {a.text}
                                {v.can_edit.then(|| small_post(
                                    RemoveAttachment::url(),
                                    vec![("skp_id", v.id.to_string()), ("version", v.version.to_string()), ("item_id", a.id.to_string())],
                                    t_string!(i18n, skp.remove).to_string(),
                                    "button button-small button-danger",
                                    format!("remove-a{}", a.id),
                                ))}
                            </li>
                        }).collect_view()}
                    </ul>
                    {add}
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="skp-section" id="lampiran" aria-labelledby="attachments-title">
            <h2 id="attachments-title">{t!(i18n, skp.attachments)}</h2>
            {blocks}
        </section>
    }
}

fn comments_section(
    i18n: I18n,
    v: &SkpView,
    posted: &Option<(String, AppError)>,
) -> impl IntoView + use<> {
    let general: Vec<CommentView> = v
        .comments
        .iter()
        .filter(|c| c.result_id.is_none())
        .cloned()
        .collect();
    let failed = Posted::among(posted, AddComment::url(), ("result_id", ""));
    let (value, error) = (failed.value("body", ""), failed.error(i18n, "body"));
    view! {
        <section class="skp-section" id="komentar" aria-labelledby="comments-title">
            <h2 id="comments-title">{t!(i18n, skp.comments)}</h2>
            {general.is_empty().then(|| view! { <p class="muted small">{t!(i18n, skp.no_comments)}</p> })}
            <ul class="comments">
                {general.into_iter().map(|c| view! {
                    <li><p class="small muted">{c.author}" · "{c.at}</p><p>{c.body}</p></li>
                }).collect_view()}
            </ul>
            {v.can_comment.then(|| view! {
                <form class="form" method="post" action=AddComment::url()>
                    <FormErrorSummary posted=failed.clone() />
                    <Hidden name="skp_id" value={v.id.to_string()} />
                    <TextAreaField id="c-general" name="body" label={t_string!(i18n, skp.comment).to_string()} value={value.clone()} error={error.clone()} />
                    <button class="button button-small" type="submit">{t!(i18n, skp.send_comment)}</button>
                </form>
            })}
        </section>
    }
}

/// While a returned plan is back with the employee, the appraiser's note leads the page: it is
/// what the employee has to act on, not a line at the bottom of the history.
fn return_banner(i18n: I18n, v: &SkpView) -> impl IntoView + use<> {
    let last = v.history.last()?;
    let back_with_owner = matches!(v.state, SkpState::Draft | SkpState::RevisionDraft);
    let note = last.note.clone();
    (back_with_owner && last.event == SkpEvent::Return).then(|| {
        view! {
            <Banner tone=Tone::Warning testid="return-note"
                title=t_string!(i18n, skp.returned_banner, actor = last.actor.clone(), at = last.at.clone()).to_string()>
                {note.map(|n| view! { <p class="note-text">{n}</p> })}
            </Banner>
        }
    })
}

fn history_section(i18n: I18n, v: &SkpView) -> impl IntoView + use<> {
    (!v.history.is_empty()).then(|| {
        view! {
            <section class="skp-section" aria-labelledby="history-title">
                <h2 id="history-title">{t!(i18n, skp.history)}</h2>
                <ol class="timeline" data-testid="skp-history">
                    {v.history.iter().map(|h| view! {
                        <li>
                            <p><strong>{event_label(i18n, h.event)}</strong>" → "{state_label(i18n, Some(h.to_state))}</p>
                            <p class="small muted">{h.actor.clone()}" · "{h.at.clone()}</p>
                            {h.note.clone().map(|n| view! { <p class="note">{n}</p> })}
                            {h.approved.clone().map(|a| view! {
                                <details class="version">
                                    <summary class="link-like">{t!(i18n, skp.approved_version, n = a.revision)}</summary>
                                    <ul class="plain-list small">
                                        {a.results.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                                    </ul>
                                </details>
                            })}
                        </li>
                    }).collect_view()}
                </ol>
            </section>
        }
    })
}

/// `/bawahan`: the plans this appraiser reviews in the open period.
#[component]
pub fn ReviewListPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = OnceResource::new(load_reviews());
    view! {
        <PageTitle text=move || t_string!(i18n, skp.reviews_title).to_string() />
        <Suspense fallback=move || loading(i18n)>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) => review_list(i18n, list).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

/// The appraiser's people and where each plan stands, as an island: a subordinate's submission
/// notifies the appraiser, and every event of the appraiser's own topic reads the list again, so
/// an open page shows it without a reload (and catches up after a lost connection).
#[island]
fn LiveReviewTable(viewer: AccountId, rows: Vec<ReviewRow>) -> impl IntoView {
    let i18n = crate::ui::islands::use_island_i18n();
    let rows = RwSignal::new(rows);
    crate::live::client::follow(Topic::User(viewer), move |_| {
        leptos::task::spawn_local(async move {
            match load_reviews().await {
                Ok(list) => rows.set(list.rows),
                // The table keeps what it shows; the next event tries again.
                Err(err) => leptos::logging::warn!("review list not refreshed: {err}"),
            }
        });
    });
    view! {
        <div class="table-wrap">
            <table class="data-table cards-on-phone" data-testid="review-table">
                <thead><tr>
                    <th scope="col">{t!(i18n, skp.employee)}</th>
                    <th scope="col">"NIP"</th>
                    <th scope="col">{t!(i18n, skp.status)}</th>
                    <th scope="col">{t!(i18n, skp.submitted_at)}</th>
                </tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|r| review_row(i18n, r)).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn review_row(i18n: I18n, r: ReviewRow) -> impl IntoView {
    let state = state_label(i18n, r.state);
    view! {
        <tr>
            <td data-label=t_string!(i18n, skp.employee).to_string()>
                {match r.skp_id {
                    Some(id) => view! { <a href=format!("/skp/{id}")>{r.employee.clone()}</a> }.into_any(),
                    None => view! { <span>{r.employee.clone()}</span> }.into_any(),
                }}
                {r.acting_for.clone().map(|official| view! {
                    <span class="block muted small" data-testid="review-acting-for">{t!(i18n, skp.review_acting_for, official)}</span>
                })}
            </td>
            <td data-label="NIP" class="nowrap">{r.nip}</td>
            <td data-label=t_string!(i18n, skp.status).to_string()>
                <Tag tone=TagTone::of_skp(r.state)>{state}</Tag>
                {r.overdue.then(|| view! {
                    " "<Tag tone=TagTone::Late testid="overdue">{t!(i18n, skp.overdue)}</Tag>
                })}
            </td>
            <td data-label=t_string!(i18n, skp.submitted_at).to_string()>{r.submitted_at.unwrap_or_else(|| "—".to_owned())}</td>
        </tr>
    }
}

fn review_list(i18n: I18n, list: ReviewList) -> impl IntoView {
    let deadline = list.period.as_ref().map(|p| p.planning_deadline.clone());
    view! {
        <section class="skp-page" aria-labelledby="reviews-title">
            <PageHeader id="reviews-title" title=t_string!(i18n, skp.reviews_title).to_string()>
                {deadline.map(|d| view! { <p class="muted">{t!(i18n, skp.deadline, date = d)}</p> })}
            </PageHeader>
            {list.period.is_none().then(|| view! { <Banner tone=Tone::Warning><p>{t!(i18n, skp.no_period)}</p></Banner> })}
            {(list.period.is_some() && list.rows.is_empty()).then(|| view! { <EmptyState>{t!(i18n, skp.no_reviews)}</EmptyState> })}
            <LiveReviewTable viewer=list.viewer rows=list.rows />
            <crate::features::action_plan::ActionPlansWaiting />
            <crate::features::evaluation::SubmittedEvaluations />
            <crate::features::deadlines::TeamOverdue />
        </section>
    }
}
