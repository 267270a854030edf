//! The self-assessment wizard and the lists that lead to it. Server-rendered: every step is a
//! plain form that saves and moves on without JavaScript; the [`Wizard`] island around the steps
//! adds instant step changes, autosave, offline editing and upload progress on top.

use super::api::*;
use super::paths;
use super::types::*;
use super::wizard::Wizard;
use crate::domain::deadline::SubmissionRefusal;
use crate::domain::evaluation::{EvaluationState, EvidenceKind, Field, SelfRating, evidence_input};
use crate::domain::ids::{EvaluationId, IndicatorId};
use crate::domain::skp::ResultGroup;
use crate::domain::vocabulary::IntoEnumIterator;
use crate::error::AppError;
use crate::features::admin::load_failure;
use crate::features::skp::{aspect_label, value_definition, value_name};
use crate::i18n::*;
use crate::ui::banner::{Banner, Tone};
use crate::ui::dates::long_date;
use crate::ui::deadline::DeadlineTag;
use crate::ui::error::{ErrorNotice, field_message, posted_failure};
use crate::ui::form::{
    ErrorSummary, FormErrorSummary, Hidden, Posted, TextArea, TextAreaField, report_to_summary,
};
use crate::ui::page::{EmptyState, PageHeader};
use crate::ui::stepper::{Step, Stepper};
use crate::ui::tag::{Tag, TagTone};
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_router::hooks::{use_params_map, use_query_map};

type I18n = leptos_i18n::I18nContext<Locale>;

const STEPS: u8 = 5;

fn loading(i18n: I18n) -> impl IntoView {
    view! { <p class="muted">{t!(i18n, common.loading)}</p> }
}

fn step_name(i18n: I18n, step: u8) -> String {
    match step {
        1 => t_string!(i18n, evaluation.step_results),
        2 => t_string!(i18n, evaluation.step_behaviour),
        3 => t_string!(i18n, evaluation.step_report),
        4 => t_string!(i18n, evaluation.step_development),
        _ => t_string!(i18n, evaluation.step_review),
    }
    .to_string()
}

fn rating_label(i18n: I18n, rating: Option<SelfRating>) -> String {
    match rating {
        Some(SelfRating::Below) => t_string!(i18n, evaluation.rating_di_bawah),
        Some(SelfRating::Meets) => t_string!(i18n, evaluation.rating_sesuai),
        Some(SelfRating::Above) => t_string!(i18n, evaluation.rating_di_atas),
        None => t_string!(i18n, evaluation.not_filled),
    }
    .to_string()
}

/// `None`: not started yet.
fn state_label(i18n: I18n, state: Option<EvaluationState>) -> String {
    match state {
        Some(EvaluationState::Open) => t_string!(i18n, evaluation.state_open),
        Some(EvaluationState::SelfAssessed) => t_string!(i18n, evaluation.state_self_assessed),
        None => t_string!(i18n, evaluation.state_not_started),
    }
    .to_string()
}

fn title_of(i18n: I18n, seq: i32, year: i32, span: &str) -> String {
    if seq == 0 {
        t_string!(i18n, evaluation.annual, year = year).to_string()
    } else {
        t_string!(i18n, evaluation.periodic, n = seq, span = span.to_owned()).to_string()
    }
}

fn target_text(i18n: I18n, i: &IndicatorItem) -> String {
    crate::domain::skp::format_target(
        i.target_min.as_deref(),
        i.target_max.as_deref(),
        i.target_unit.as_deref(),
        i18n.get_locale_untracked() == Locale::id,
    )
}

/// What the realisation of `i` is measured against: this sub-period's target of the agreed
/// action plan when there is one, else the annual target. (label, text); empty text for a
/// narrative indicator without a plan.
fn measure(i18n: I18n, i: &IndicatorItem) -> (String, String) {
    match &i.planned {
        Some(step) => (
            t_string!(i18n, evaluation.period_target).to_string(),
            format!(
                "{} {}",
                step.target,
                i.target_unit.clone().unwrap_or_default()
            )
            .trim_end()
            .to_owned(),
        ),
        None => (
            t_string!(i18n, evaluation.target).to_string(),
            target_text(i18n, i),
        ),
    }
}

/// The realisation of a numeric indicator against its single-figure target (this sub-period's
/// step when the action plan gives one), in percent.
fn achievement(i: &IndicatorItem) -> Option<u64> {
    if !i.numeric {
        return None;
    }
    match &i.planned {
        Some(step) => crate::domain::skp::achievement_percent(
            &i.value,
            Some(&step.target),
            Some(&step.target),
        ),
        None => crate::domain::skp::achievement_percent(
            &i.value,
            i.target_min.as_deref(),
            i.target_max.as_deref(),
        ),
    }
}

/// `/evaluasi/{id}`: the wizard for the employee, the read-only record for the appraiser.
#[component]
pub fn WizardPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map()
        .with_untracked(|p| p.get("id").and_then(|v| v.parse::<EvaluationId>().ok()));
    let data = OnceResource::new(async move {
        match id {
            Some(id) => load_wizard(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <PageTitle text=move || t_string!(i18n, evaluation.title).to_string() />
        <Suspense fallback=move || loading(i18n)>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => wizard_page(i18n, v).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

/// Everything a field needs to render: its value (as posted back after an error, or stored),
/// its error, and the stored value when the two differ after a conflict.
struct FieldState {
    posted: Posted,
    stale: bool,
    form_id: String,
}

impl FieldState {
    fn value(&self, name: &str, stored: &str) -> String {
        self.posted.value(name, stored)
    }

    fn error(&self, i18n: I18n, name: &str) -> Option<String> {
        self.posted.error(i18n, name)
    }

    /// After a refused stale save: what the server holds, when it differs from what was typed.
    fn server_copy(&self, i18n: I18n, name: &str, stored: &str) -> Option<String> {
        let typed = self.posted.typed(name)?;
        (self.stale && typed != stored).then(|| {
            let value = if stored.is_empty() { "—" } else { stored };
            t_string!(i18n, evaluation.server_copy, value = value.to_owned()).to_string()
        })
    }
}

#[allow(clippy::too_many_arguments)]
fn text_field(
    i18n: I18n,
    fs: &FieldState,
    name: String,
    label: String,
    hint: Option<String>,
    stored: &str,
    multiline: bool,
    inputmode: Option<&'static str>,
) -> impl IntoView + use<> {
    let id = format!("f-{name}");
    let value = fs.value(&name, stored);
    let error = fs.error(i18n, &name);
    let server = fs.server_copy(i18n, &name, stored);
    let described = format!("{id}-error {id}-hint");
    let invalid = if error.is_some() { "true" } else { "false" };
    report_to_summary(&name, &id, &label, &error);
    let control = if multiline {
        view! {
            <TextArea value={value} {..} id=id.clone() name=name.clone() form=fs.form_id.clone() rows="3"
                data-autosave="" data-label=label.clone() aria-describedby=described aria-invalid=invalid />
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=name.clone() form=fs.form_id.clone() type="text" value=value
                inputmode=inputmode autocomplete="off"
                data-autosave data-label=label.clone() aria-describedby=described aria-invalid=invalid />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {control}
            <p id=format!("{id}-hint") class="hint">{hint}</p>
            {server.map(|s| view! { <p class="hint server-copy">{s}</p> })}
            <p id=format!("{id}-error") class="field-error" data-error-for=name>{error}</p>
        </div>
    }
}

fn step_form(i18n: I18n, v: &WizardView, step: u8) -> impl IntoView + use<> {
    view! {
        <form id=format!("step-form-{step}") method="post" action=paths::save(v.id)>
            <input type="hidden" name="version" value=v.version.to_string() />
            <input type="hidden" name="step" value=step.to_string() />
            // The form's first button answers the Enter key: it saves and stays, instead of
            // uploading or removing evidence further down.
            <button type="submit" name="go" value=step.to_string() data-goto=step.to_string()
                class="visually-hidden" tabindex="-1" aria-hidden="true">
                {t!(i18n, evaluation.save)}
            </button>
        </form>
    }
}

fn step_buttons(i18n: I18n, step: u8) -> impl IntoView {
    let form = format!("step-form-{step}");
    view! {
        <div class="wizard-actions">
            <button class="button" type="submit" form=form.clone() name="go" value=(step + 1).to_string()
                data-next data-testid="wizard-next">
                {t!(i18n, evaluation.next)}
            </button>
            {(step > 1).then(|| view! {
                <button class="button button-secondary" type="submit" form=form name="go"
                    value=(step - 1).to_string() data-back>
                    {t!(i18n, evaluation.back)}
                </button>
            })}
        </div>
    }
}

fn wizard_page(i18n: I18n, v: WizardView) -> impl IntoView {
    let posted = posted_failure();
    let query = use_query_map();
    let status = query.with_untracked(|q| q.get("status"));
    let asked_step = query.with_untracked(|q| q.get("langkah").and_then(|s| s.parse::<u8>().ok()));
    let current = asked_step
        .filter(|s| (1..=STEPS).contains(s))
        .unwrap_or(v.step.clamp(1, STEPS));
    let save_path = paths::save(v.id);
    let form = Posted::of(&posted, &save_path);
    let stale = form.error_code("version").is_some();
    let locked = form.error(i18n, "evaluation");
    // Errors of the other posts (submit, link, evidence), shown at the top.
    let other_error = posted
        .as_ref()
        .filter(|(p, e)| *p != save_path || !matches!(e, AppError::Invalid(_)))
        .map(|(_, e)| e.clone());
    let title = title_of(i18n, v.seq, v.year, &v.span);
    let status_text = match status.as_deref() {
        Some("submitted") => Some(t_string!(i18n, evaluation.status_submitted).to_string()),
        Some("returned") => Some(t_string!(i18n, evaluation.status_returned).to_string()),
        _ => None,
    };
    let submitted_notice = (v.state == EvaluationState::SelfAssessed).then(|| {
        let at = v.submitted_at.clone().unwrap_or_default();
        t_string!(i18n, evaluation.submitted_notice, at = at).to_string()
    });
    let returned = (v.state == EvaluationState::Open)
        .then(|| v.return_note.clone())
        .flatten();
    let error_summary = v
        .can_edit
        .then(|| view! { <FormErrorSummary posted=form.clone() /> });
    let body = if v.can_edit {
        wizard(i18n, &v, current, form, stale).into_any()
    } else {
        let record = view! {
            <div class="evaluation-record" data-testid="evaluation-record">
                {summary(i18n, &v)}
                {v.can_return.then(|| return_form(i18n, &v, &posted))}
            </div>
        };
        record.into_any()
    };
    view! {
        <section class="skp-page wizard-page" aria-labelledby="wizard-title">
            <PageHeader id="wizard-title" title
                eyebrow=format!("{} · {}", t_string!(i18n, evaluation.title), v.employee.name)>
                <p class="small" data-testid="wizard-deadline">
                    {t!(i18n, deadline.due, date = v.deadline.clone())}
                    {v.deadline_status.map(|status| view! { " · "<DeadlineTag status /> })}
                    {v.late.then(|| view! {
                        " "<Tag tone=TagTone::Late testid="late">{t!(i18n, evaluation.submitted_late)}</Tag>
                    })}
                </p>
            </PageHeader>
            {status_text.map(|s| view! { <Banner tone=Tone::Success announce=true><p>{s}</p></Banner> })}
            {submitted_notice.map(|s| view! { <Banner tone=Tone::Info testid="submitted-notice"><p>{s}</p></Banner> })}
            {returned.map(|note| view! {
                <Banner tone=Tone::Warning testid="returned-notice"
                    title=t_string!(i18n, evaluation.returned_notice).to_string()>
                    <p class="pre-line">{note}</p>
                </Banner>
            })}
            {locked.map(|m| view! { <Banner tone=Tone::Error announce=true><p>{m}</p></Banner> })}
            {stale.then(|| view! {
                <Banner tone=Tone::Error announce=true><p>{field_message(i18n, "stale")}</p></Banner>
            })}
            {other_error.map(|error| match error {
                AppError::Invalid(f) => {
                    let mut lines: Vec<(Option<String>, String)> = Vec::new();
                    for (_, code) in &f.fields {
                        let line = (None, field_message(i18n, code));
                        if !lines.contains(&line) {
                            lines.push(line);
                        }
                    }
                    view! { <ErrorSummary lines /> }.into_any()
                }
                error => view! { <ErrorNotice error /> }.into_any(),
            })}
            {error_summary}
            {body}
        </section>
    }
}

fn progress(i18n: I18n, v: &WizardView, current: u8) -> impl IntoView + use<> {
    let steps = (1..=STEPS)
        .map(|step| {
            let open = v.missing.iter().filter(|m| m.step == step).count();
            Step {
                href: format!("/evaluasi/{}?langkah={step}", v.id),
                name: step_name(i18n, step),
                done: open == 0 && step < STEPS,
                current: step == current,
                note: (open > 0)
                    .then(|| t_string!(i18n, evaluation.missing_count, n = open).to_string()),
            }
        })
        .collect();
    view! { <Stepper label=t_string!(i18n, evaluation.progress_label).to_string() steps /> }
}

fn wizard(
    i18n: I18n,
    v: &WizardView,
    current: u8,
    posted: Posted,
    stale: bool,
) -> impl IntoView + use<> {
    let section = |step: u8, content: AnyView| {
        view! {
            <section class="wizard-step" data-step=step.to_string() id=format!("langkah-{step}")
                hidden=step != current aria-labelledby=format!("langkah-{step}-title")>
                <p class="muted small">{t!(i18n, evaluation.step_of, n = step, total = STEPS)}</p>
                <h2 id=format!("langkah-{step}-title") tabindex="-1">{step_name(i18n, step)}</h2>
                {content}
            </section>
        }
    };
    let fs = |step: u8| FieldState {
        posted: posted.clone(),
        stale,
        form_id: format!("step-form-{step}"),
    };
    let steps = view! {
        {progress(i18n, v, current)}
        {section(1, results_step(i18n, v, &fs(1)).into_any())}
        {section(2, behaviour_step(i18n, v, &fs(2)).into_any())}
        {section(3, report_step(i18n, v, &fs(3)).into_any())}
        {section(4, development_step(i18n, v, &fs(4)).into_any())}
        {section(5, review_step(i18n, v).into_any())}
    }
    .into_any();
    view! {
        <Wizard id=v.id version=v.version step=current max_bytes=v.max_upload_bytes>
            {steps}
        </Wizard>
    }
}

fn results_step(i18n: I18n, v: &WizardView, fs: &FieldState) -> impl IntoView + use<> {
    let max = crate::domain::evaluation::format_size(
        v.max_upload_bytes,
        i18n.get_locale_untracked() == Locale::id,
    );
    let mut utama = 0;
    let mut tambahan = 0;
    view! {
        {step_form(i18n, v, 1)}
        <p class="hint">{t!(i18n, evaluation.results_intro)}</p>
        {v.evidence_required.then(|| view! {
            <Banner tone=Tone::Info testid="evidence-required"><p>{t!(i18n, evaluation.evidence_required)}</p></Banner>
        })}
        {v.without_action_plan.then(|| view! {
            <p class="hint" data-testid="annual-targets">{t!(i18n, evaluation.annual_target_only)}</p>
        })}
        {v.results.iter().map(|r| {
            let number = if r.group == ResultGroup::Utama { utama += 1; format!("A.{utama}") } else { tambahan += 1; format!("B.{tambahan}") };
            view! {
                <article class="card result-card">
                    <h3><span class="result-number">{number}</span>" "{r.text.clone()}</h3>
                    {r.indicators.iter().map(|i| indicator_block(i18n, v, fs, i, &max)).collect_view()}
                </article>
            }
        }).collect_view()}
        {step_buttons(i18n, 1)}
    }
}

fn indicator_block(
    i18n: I18n,
    v: &WizardView,
    fs: &FieldState,
    i: &IndicatorItem,
    max: &str,
) -> impl IntoView + use<> {
    let (target_label, target) = measure(i18n, i);
    let aspect = i.aspect.map(|a| aspect_label(i18n, a));
    let value_label = if i.numeric {
        t_string!(i18n, evaluation.realisation_numeric).to_string()
    } else {
        t_string!(i18n, evaluation.realisation_text).to_string()
    };
    let value_hint = i
        .numeric
        .then(|| t_string!(i18n, evaluation.realisation_hint).to_string());
    let comment_label = t_string!(i18n, evaluation.comment).to_string();
    view! {
        <div class="indicator" id=format!("ind-{}", i.id)>
            <p class="indicator-text">
                {aspect.map(|a| view! { <Tag tone=TagTone::Neutral>{a}</Tag>" " })}
                {i.text.clone()}
            </p>
            {(!target.is_empty()).then(|| view! {
                <p class="small muted" data-testid=format!("target-{}", i.id)>{target_label}": "<strong>{target.clone()}</strong></p>
            })}
            {i.planned.as_ref().map(|step| view! {
                <p class="small muted pre-line" data-testid=format!("planned-{}", i.id)>{t!(i18n, evaluation.planned_step)}": "{step.description.clone()}</p>
            })}
            {text_field(i18n, fs, format!("r-{}", i.id), value_label, value_hint, &i.value, !i.numeric,
                i.numeric.then_some("decimal"))}
            {text_field(i18n, fs, format!("c-{}", i.id), comment_label, None, &i.comment, true, None)}
            {evidence_block(i18n, v, fs, i, max)}
        </div>
    }
}

fn evidence_item(
    i18n: I18n,
    v: &WizardView,
    e: &EvidenceView,
    can_remove: bool,
) -> impl IntoView + use<> {
    let rel = if e.kind == EvidenceKind::Link {
        "noopener noreferrer nofollow"
    } else {
        "noopener"
    };
    view! {
        <li class="evidence-item">
            <a href=e.url.clone() target="_blank" rel=rel>
                {e.photo.then(|| view! {
                    <img class="evidence-thumb" src=e.url.clone() alt="" width="56" height="56" loading="lazy" decoding="async" />
                })}
                <span class="evidence-name">{e.name.clone()}</span>
            </a>
            " "<span class="small muted">{e.size.clone()}</span>
            {can_remove.then(|| view! {
                // Part of the step form, so whatever was typed is saved along.
                <button class="link-like" type="submit" form="step-form-1"
                    formaction=paths::remove(v.id, e.id)>
                    {t!(i18n, evaluation.remove)}
                </button>
            })}
        </li>
    }
}

/// Evidence of one indicator. Its inputs and buttons belong to the step form: without
/// JavaScript an upload, a link or a removal posts everything typed in the step along with it.
fn evidence_block(
    i18n: I18n,
    v: &WizardView,
    fs: &FieldState,
    i: &IndicatorItem,
    max: &str,
) -> impl IntoView + use<> {
    let file_name = evidence_input(i.id);
    let link_name = format!("tautan-{}", i.id);
    let file_error = fs.error(i18n, &file_name);
    let link_value = fs.value(&link_name, "");
    let link_error = fs.error(i18n, &link_name);
    let link_invalid = if link_error.is_some() {
        "true"
    } else {
        "false"
    };
    let file_label = t_string!(i18n, evaluation.choose_file, max = max.to_owned()).to_string();
    report_to_summary(
        &file_name,
        &format!("f-{file_name}"),
        &file_label,
        &file_error,
    );
    let link_label = t_string!(i18n, evaluation.link_label).to_string();
    report_to_summary(
        &link_name,
        &format!("f-{link_name}"),
        &link_label,
        &link_error,
    );
    view! {
        <div class="evidence" data-indicator=i.id.to_string()>
            <h4>{t!(i18n, evaluation.evidence)}</h4>
            <ul class="evidence-list" data-testid=format!("evidence-{}", i.id)>
                {i.evidence.iter().map(|e| evidence_item(i18n, v, e, true)).collect_view()}
            </ul>
            <template data-evidence-item>
                <li class="evidence-item">
                    <a data-link href="" target="_blank" rel="noopener">
                        <img class="evidence-thumb" data-thumb alt="" width="56" height="56" hidden />
                        <span class="evidence-name" data-name></span>
                    </a>
                    " "<span class="small muted" data-size></span>
                    <button class="link-like" type="submit" form="step-form-1" data-delete formaction="">
                        {t!(i18n, evaluation.remove)}
                    </button>
                </li>
            </template>
            <div class="evidence-upload">
                <label for=format!("f-{file_name}")>{file_label}</label>
                <input id=format!("f-{file_name}") type="file" name=file_name.clone() form="step-form-1"
                    accept="image/jpeg,image/png,image/webp,application/pdf"
                    aria-describedby=format!("f-{file_name}-error") />
                <button class="button button-secondary" type="submit" form="step-form-1" data-upload
                    formaction=paths::upload(v.id) formenctype="multipart/form-data"
                    name="indikator" value=i.id.to_string()>
                    {t!(i18n, evaluation.upload)}
                </button>
                <progress max="100" value="0" hidden></progress>
                <p id=format!("f-{file_name}-error") class="field-error" data-upload-error role="alert">{file_error}</p>
            </div>
            <div class="evidence-link">
                <label for=format!("f-{link_name}")>{link_label}</label>
                <div class="input-row">
                    <input id=format!("f-{link_name}") type="url" name=link_name.clone() form="step-form-1"
                        inputmode="url" autocomplete="url" placeholder="https://" value=link_value
                        data-link-input aria-invalid=link_invalid aria-describedby=format!("f-{link_name}-error") />
                    <button class="button button-secondary" type="submit" form="step-form-1"
                        formaction=paths::link(v.id) name="indikator" value=i.id.to_string()
                        data-add-link>
                        {t!(i18n, evaluation.add_link)}
                    </button>
                </div>
                <p id=format!("f-{link_name}-error") class="field-error">{link_error}</p>
            </div>
        </div>
    }
}

fn behaviour_step(i18n: I18n, v: &WizardView, fs: &FieldState) -> impl IntoView + use<> {
    view! {
        {step_form(i18n, v, 2)}
        <p class="hint">{t!(i18n, evaluation.behaviour_intro)}</p>
        {v.behaviours.iter().map(|b| {
            let name = format!("rating-{}", b.value);
            let chosen = fs.value(&name, b.rating.map_or("", SelfRating::as_str));
            let error = fs.error(i18n, &name);
            let value = value_name(i18n, b.value);
            report_to_summary(&name, &format!("f-{name}-0"), &value, &error);
            let example_label = t_string!(i18n, evaluation.example, value = value.clone()).to_string();
            view! {
                <fieldset class="card behaviour-card" id=format!("f-{name}")>
                    <legend>{value.clone()}</legend>
                    <p class="small muted">{value_definition(i18n, b.value)}</p>
                    {(!b.expectation.is_empty()).then(|| view! {
                        <p class="small"><strong>{t!(i18n, evaluation.expectation)}": "</strong>{b.expectation.clone()}</p>
                    })}
                    <div class="choices" role="radiogroup" aria-label=t_string!(i18n, evaluation.rating)>
                        {SelfRating::iter().enumerate().map(|(i, rating)| {
                            let r = rating.as_str();
                            let label = rating_label(i18n, Some(rating));
                            view! {
                                <label class="choice">
                                    <input type="radio" id=format!("f-{name}-{i}") name=name.clone() value=r form=fs.form_id.clone()
                                        checked=chosen == r data-autosave data-label=value.clone() />
                                    " "{label}
                                </label>
                            }
                        }).collect_view()}
                    </div>
                    <p class="field-error" data-error-for=name.clone()>{error}</p>
                    {text_field(i18n, fs, format!("example-{}", b.value), example_label, None, &b.example, true, None)}
                </fieldset>
            }
        }).collect_view()}
        {step_buttons(i18n, 2)}
    }
}

fn report_step(i18n: I18n, v: &WizardView, fs: &FieldState) -> impl IntoView + use<> {
    view! {
        {step_form(i18n, v, 3)}
        <p class="hint">{t!(i18n, evaluation.report_intro)}</p>
        {text_field(i18n, fs, "achievements".into(), t_string!(i18n, evaluation.achievements).to_string(),
            Some(t_string!(i18n, evaluation.achievements_hint).to_string()), &v.achievements, true, None)}
        {text_field(i18n, fs, "projects".into(), t_string!(i18n, evaluation.projects).to_string(),
            None, &v.projects, true, None)}
        {text_field(i18n, fs, "challenges".into(), t_string!(i18n, evaluation.challenges).to_string(),
            None, &v.challenges, true, None)}
        {step_buttons(i18n, 3)}
    }
}

fn development_step(i18n: I18n, v: &WizardView, fs: &FieldState) -> impl IntoView + use<> {
    view! {
        {step_form(i18n, v, 4)}
        {text_field(i18n, fs, "development".into(), t_string!(i18n, evaluation.development).to_string(),
            Some(t_string!(i18n, evaluation.development_hint).to_string()), &v.development, true, None)}
        {step_buttons(i18n, 4)}
    }
}

/// The label of a missing item, in words the employee recognises.
fn missing_label(i18n: I18n, v: &WizardView, field: &str) -> String {
    let indicator = |id: IndicatorId| {
        v.results
            .iter()
            .flat_map(|r| r.indicators.iter())
            .find(|i| i.id == id)
            .map(|i| i.text.clone())
            .unwrap_or_default()
    };
    if let Some(id) = v
        .results
        .iter()
        .flat_map(|r| r.indicators.iter())
        .find_map(|i| (evidence_input(i.id) == field).then_some(i.id))
    {
        return t_string!(i18n, evaluation.missing_evidence, text = indicator(id)).to_string();
    }
    match Field::parse(field) {
        Some(Field::Realisation(id)) => {
            t_string!(i18n, evaluation.missing_realisation, text = indicator(id)).to_string()
        }
        Some(Field::Rating(value)) => {
            let value = value_name(i18n, value.number());
            t_string!(i18n, evaluation.missing_rating, value = value).to_string()
        }
        Some(Field::Example(value)) => {
            let value = value_name(i18n, value.number());
            t_string!(i18n, evaluation.missing_example, value = value).to_string()
        }
        // The only other thing that can be missing is the report of achievements.
        _ => t_string!(i18n, evaluation.achievements).to_string(),
    }
}

/// Why the review step's button is off although everything is filled in, or the warning that
/// it comes in late.
fn window_notice(i18n: I18n, v: &WizardView) -> Option<AnyView> {
    let date = |d: chrono::NaiveDate| long_date(i18n.get_locale_untracked(), d);
    let (tone, text) = match v.submit_refusal {
        Some(SubmissionRefusal::NotYetEnded { opens_on }) => (
            Tone::Warning,
            t_string!(i18n, evaluation.opens_on, date = date(opens_on)).to_string(),
        ),
        Some(SubmissionRefusal::Late { deadline }) => (
            Tone::Error,
            t_string!(i18n, evaluation.closed_on, date = date(deadline)).to_string(),
        ),
        None if v.deadline_status.is_some_and(|s| s.is_overdue()) => (
            Tone::Warning,
            t_string!(i18n, evaluation.late_accepted, date = v.deadline.clone()).to_string(),
        ),
        None => return None,
    };
    Some(view! { <Banner tone testid="submit-window"><p>{text}</p></Banner> }.into_any())
}

fn review_step(i18n: I18n, v: &WizardView) -> impl IntoView + use<> {
    let missing = v.missing.clone();
    let complete = missing.is_empty();
    let may_submit = complete && v.submit_refusal.is_none();
    let missing: Vec<(String, String, String)> = missing
        .iter()
        .map(|m| {
            (
                format!("/evaluasi/{}?langkah={}#f-{}", v.id, m.step, m.field),
                m.step.to_string(),
                missing_label(i18n, v, &m.field),
            )
        })
        .collect();
    view! {
        {if complete {
            view! { <Banner tone=Tone::Success testid="complete"><p>{t!(i18n, evaluation.review_complete)}</p></Banner> }.into_any()
        } else {
            view! {
                <Banner tone=Tone::Warning testid="missing"
                    title=t_string!(i18n, evaluation.review_missing_title).to_string()>
                    <ul>
                        {missing.into_iter().map(|(href, step, label)| view! {
                            <li><a href=href data-goto=step>{label}</a></li>
                        }).collect_view()}
                    </ul>
                </Banner>
            }.into_any()
        }}
        {summary(i18n, v)}
        {window_notice(i18n, v)}
        <form method="post" action=SubmitEvaluation::url() data-submit-evaluation class="form">
            <input type="hidden" name="id" value=v.id.to_string() />
            <input type="hidden" name="version" value=v.version.to_string() />
            <p class="hint">{t!(i18n, evaluation.submit_hint)}</p>
            <button class="button" type="submit" disabled=!may_submit data-testid="evaluation-submit">
                {t!(i18n, evaluation.submit)}
            </button>
        </form>
        <div class="wizard-actions">
            <a class="button button-secondary" href=format!("/evaluasi/{}?langkah=4", v.id) data-goto="4">
                {t!(i18n, evaluation.back)}
            </a>
        </div>
    }
}

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".to_owned()
    } else {
        s.to_owned()
    }
}

/// Everything filled in, read-only: the review step, and what the appraiser sees.
fn summary(i18n: I18n, v: &WizardView) -> impl IntoView + use<> {
    let no_evidence = v.without_evidence.clone();
    view! {
        <section class="summary" aria-labelledby="summary-results">
            <h3 id="summary-results">{step_name(i18n, 1)}</h3>
            {v.results.iter().map(|r| view! {
                <div class="summary-result">
                    <p><strong>{r.text.clone()}</strong></p>
                    <dl class="facts compact">
                        {r.indicators.iter().map(|i| {
                            let flagged = no_evidence.contains(&i.id);
                            view! {
                                <div>
                                    <dt>{i.text.clone()}" ("{measure(i18n, i).0}" "{measure(i18n, i).1}")"</dt>
                                    <dd>
                                        <span class="pre-line" data-testid=format!("value-{}", i.id)>{or_dash(&i.value)}</span>
                                        {achievement(i).map(|percent| view! {
                                            " "<Tag tone=TagTone::Neutral testid=format!("achievement-{}", i.id)>
                                                {t!(i18n, evaluation.achievement, percent = percent)}
                                            </Tag>
                                        })}
                                        {(!i.comment.is_empty()).then(|| view! { <p class="small pre-line">{i.comment.clone()}</p> })}
                                        <ul class="evidence-list">
                                            {i.evidence.iter().map(|e| evidence_item(i18n, v, e, false)).collect_view()}
                                        </ul>
                                        {flagged.then(|| view! { <p class="small warning-text">{t!(i18n, evaluation.no_evidence)}</p> })}
                                    </dd>
                                </div>
                            }
                        }).collect_view()}
                    </dl>
                </div>
            }).collect_view()}
            <h3>{step_name(i18n, 2)}</h3>
            <dl class="facts compact">
                {v.behaviours.iter().map(|b| view! {
                    <div>
                        <dt>{value_name(i18n, b.value)}</dt>
                        <dd>
                            <strong>{rating_label(i18n, b.rating)}</strong>
                            <p class="small pre-line">{or_dash(&b.example)}</p>
                        </dd>
                    </div>
                }).collect_view()}
            </dl>
            <h3>{step_name(i18n, 3)}</h3>
            <dl class="facts compact">
                <div><dt>{t!(i18n, evaluation.achievements)}</dt><dd class="pre-line">{or_dash(&v.achievements)}</dd></div>
                <div><dt>{t!(i18n, evaluation.projects)}</dt><dd class="pre-line">{or_dash(&v.projects)}</dd></div>
                <div><dt>{t!(i18n, evaluation.challenges)}</dt><dd class="pre-line">{or_dash(&v.challenges)}</dd></div>
            </dl>
            <h3>{step_name(i18n, 4)}</h3>
            <p class="pre-line">{or_dash(&v.development)}</p>
        </section>
    }
}

fn return_form(
    i18n: I18n,
    v: &WizardView,
    posted: &Option<(String, AppError)>,
) -> impl IntoView + use<> {
    let form = Posted::of(posted, ReturnEvaluation::url());
    view! {
        <form class="form card" method="post" action=ReturnEvaluation::url()>
            <FormErrorSummary posted=form.clone() />
            <h2>{t!(i18n, evaluation.return_title)}</h2>
            <Hidden name="id" value={v.id.to_string()} />
            <Hidden name="version" value={v.version.to_string()} />
            <TextAreaField id="return-note" name="note" label={t_string!(i18n, evaluation.return_note).to_string()}
                value={form.value("note", "")} error={form.error(i18n, "note")} />
            <button class="button" type="submit" data-testid="evaluation-return">{t!(i18n, evaluation.return_submit)}</button>
        </form>
    }
}

/// `/evaluasi`: the signed-in employee's evaluations of this period.
#[component]
pub fn MyEvaluationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = OnceResource::new(load_my_evaluations());
    view! {
        <PageTitle text=move || t_string!(i18n, evaluation.mine_title).to_string() />
        <Suspense fallback=move || loading(i18n)>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(mine) => my_evaluations(i18n, mine).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

fn my_evaluations(i18n: I18n, mine: MyEvaluations) -> impl IntoView {
    let error = posted_failure().map(|(_, e)| e);
    let year = mine.year.unwrap_or_default();
    view! {
        <section class="skp-page" aria-labelledby="evaluations-title">
            <PageHeader id="evaluations-title" title=t_string!(i18n, evaluation.mine_title).to_string() />
            {error.map(|error| view! { <ErrorNotice error /> })}
            {mine.plans.is_empty().then(|| view! {
                <EmptyState>{t!(i18n, evaluation.mine_none)}" "<a href="/skp">{t!(i18n, nav.skp)}</a></EmptyState>
            })}
            {mine.plans.into_iter().map(|plan| {
                let title = plan
                    .segment
                    .map(|segment| crate::features::skp::segment_text(i18n, segment, &plan.position));
                view! {
                    {title.map(|title| view! {
                        <h2 class="segment-title" data-testid="evaluation-segment">{title}</h2>
                    })}
                    {plan_entries(i18n, year, plan)}
                }
            }).collect_view()}
        </section>
    }
}

fn plan_entries(i18n: I18n, year: i32, plan: PlanEvaluations) -> impl IntoView {
    // Under a segment's own heading the entries are one level down.
    let nested = plan.segment.is_some();
    let skp_id = plan.skp_id;
    view! {
        <ul class="evaluation-list" data-testid="evaluations">
            {plan.entries.into_iter().map(|e| {
                let action = match (&e.id, e.state) {
                    (Some(id), Some(EvaluationState::Open)) => view! {
                        <a class="button" href=format!("/evaluasi/{id}") data-testid=format!("open-{}", e.seq)>
                            {t!(i18n, evaluation.mine_continue)}
                        </a>
                    }.into_any(),
                    (Some(id), _) => view! {
                        <a class="button button-secondary" href=format!("/evaluasi/{id}") data-testid=format!("open-{}", e.seq)>
                            {t!(i18n, evaluation.mine_view)}
                        </a>
                    }.into_any(),
                    (None, _) => view! {
                        <form method="post" action=StartEvaluation::url()>
                            <input type="hidden" name="skp_id" value=skp_id.to_string() />
                            <input type="hidden" name="seq" value=e.seq.to_string() />
                            <button class="button" type="submit" data-testid=format!("start-{}", e.seq)>
                                {t!(i18n, evaluation.mine_start)}
                            </button>
                        </form>
                    }.into_any(),
                };
                view! {
                    <li class="card evaluation-entry">
                        <div>
                            {if nested {
                                view! { <h3>{title_of(i18n, e.seq, year, &e.span)}</h3> }.into_any()
                            } else {
                                view! { <h2>{title_of(i18n, e.seq, year, &e.span)}</h2> }.into_any()
                            }}
                            <p class="small">
                                <Tag tone=TagTone::of_evaluation(e.state)>{state_label(i18n, e.state)}</Tag>
                                {(!e.deadline.is_empty()).then(|| view! {
                                    " · "{t!(i18n, evaluation.deadline, date = e.deadline.clone())}
                                })}
                                {e.deadline_status.map(|status| view! { " · "<DeadlineTag status /> })}
                                {e.late.then(|| view! {
                                    " "<Tag tone=TagTone::Late testid="late">{t!(i18n, evaluation.submitted_late)}</Tag>
                                })}
                            </p>
                        </div>
                        {action}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// On the appraiser's review page: self-assessments waiting for them.
#[component]
pub fn SubmittedEvaluations() -> impl IntoView {
    let i18n = use_i18n();
    let data = OnceResource::new(load_submitted());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let list = data.await.unwrap_or_default();
                view! {
                    <section aria-labelledby="inbox-title" class="evaluation-inbox">
                        <h2 id="inbox-title">{t!(i18n, evaluation.inbox_title)}</h2>
                        {list.is_empty().then(|| view! { <EmptyState>{t!(i18n, evaluation.inbox_empty)}</EmptyState> })}
                        <ul class="plain-list" data-testid="evaluation-inbox">
                            {list.iter().map(|e| view! {
                                <li>
                                    <a href=format!("/evaluasi/{}", e.id)>{e.employee.clone()}</a>
                                    " · "{if e.seq == 0 { t_string!(i18n, evaluation.annual_short).to_string() } else { e.span.clone() }}
                                    " · "<span class="small muted">{t!(i18n, evaluation.submitted_at, at = e.submitted_at.clone())}</span>
                                    {e.late.then(|| view! {
                                        " "<Tag tone=TagTone::Late testid="late">{t!(i18n, evaluation.submitted_late)}</Tag>
                                    })}
                                </li>
                            }).collect_view()}
                        </ul>
                    </section>
                }
            })}
        </Suspense>
    }
}
