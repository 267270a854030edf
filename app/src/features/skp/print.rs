//! `/skp/{id}/cetak`: the SKP as the official A4 document (PermenPANRB 6/2022 form): header
//! table of the employee and the appraiser, work results grouped A (utama) and B (tambahan),
//! the seven BerAKHLAK values with the appraiser's expectations, signatures, and the lampiran
//! on its own page.

use super::pages::{
    I18n, aspect_label, attachment_label, guidance, perspective_label, skp_of_route, state_label,
    target_text, value_name,
};
use super::types::*;
use crate::domain::skp::{Approach, AttachmentKind, Perspective, ResultGroup, SkpForm, SkpState};
use crate::domain::vocabulary::IntoEnumIterator;
use crate::features::admin::load_failure;
use crate::i18n::*;
use crate::ui::dates::{date_span, long_date};
use crate::ui::title::PageTitle;
use leptos::prelude::*;

/// A dotted blank where a printed document leaves something to write in by hand.
const BLANK: &str = "………………";

#[component]
pub fn SkpPrintPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = skp_of_route();
    view! {
        <PageTitle text=move || t_string!(i18n, skp.print_title).to_string() />
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(v) => document(i18n, v).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

fn people_table(i18n: I18n, v: &SkpView) -> impl IntoView + use<> {
    let e = v.header.employee.clone();
    // No appraiser yet: their column prints empty.
    let a = v.header.appraiser.clone();
    let of_appraiser =
        |part: fn(&PersonCard) -> &String| a.as_ref().map(part).cloned().unwrap_or_default();
    let rows = [
        (
            t_string!(i18n, skp.name).to_string(),
            e.name.clone(),
            of_appraiser(|p| &p.name),
        ),
        ("NIP".to_owned(), e.nip.clone(), of_appraiser(|p| &p.nip)),
        (
            t_string!(i18n, skp.rank).to_string(),
            e.rank.clone(),
            of_appraiser(|p| &p.rank),
        ),
        (
            t_string!(i18n, skp.position).to_string(),
            e.position.clone(),
            of_appraiser(|p| &p.position),
        ),
        (
            t_string!(i18n, skp.unit).to_string(),
            e.unit.clone(),
            of_appraiser(|p| &p.unit),
        ),
    ];
    view! {
        <table class="doc-table people-table">
            <thead>
                <tr>
                    <th class="num">"NO"</th>
                    <th colspan="2">{t!(i18n, skp.doc_employee)}</th>
                    <th class="num">"NO"</th>
                    <th colspan="2">{t!(i18n, skp.doc_appraiser)}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().enumerate().map(|(i, (label, mine, theirs))| view! {
                    <tr>
                        <td class="num">{i + 1}</td>
                        <td class="label-cell">{label.clone()}</td>
                        <td>{mine}</td>
                        <td class="num">{i + 1}</td>
                        <td class="label-cell">{label}</td>
                        <td>{theirs}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// One RHK with its indicators: the RHK cells span the indicator rows. `lead` is the cascade
/// column (the leader's RHK with its IKI); JPT plans have none.
fn result_rows(
    i18n: I18n,
    number: usize,
    r: &ResultView,
    lead: Option<AnyView>,
    quantitative: bool,
) -> impl IntoView + use<> {
    let span = r.indicators.len().max(1);
    let first = r.indicators.first().cloned();
    let rest: Vec<IndicatorView> = r.indicators.iter().skip(1).cloned().collect();
    let cells = move |ind: Option<IndicatorView>| {
        match ind {
        Some(ind) => view! {
            {quantitative.then(|| view! { <td>{ind.aspect.map(|a| aspect_label(i18n, a)).unwrap_or_default()}</td> })}
            <td>{ind.text.clone()}</td>
            {quantitative.then(|| view! { <td>{target_text(i18n, &ind)}</td> })}
        }
        .into_any(),
        None => view! {
            {quantitative.then(|| view! { <td></td> })}
            <td class="muted">"—"</td>
            {quantitative.then(|| view! { <td></td> })}
        }
        .into_any(),
    }
    };
    view! {
        <tr class="keep">
            <td class="num" rowspan=span>{number}</td>
            {lead.map(|lead| view! { <td rowspan=span>{lead}</td> })}
            <td rowspan=span>{r.text.clone()}</td>
            {cells(first)}
        </tr>
        {rest.into_iter().map(|ind| view! { <tr class="keep">{cells(Some(ind))}</tr> }).collect_view()}
    }
}

/// The leader's RHK this one supports, with the leader's IKI under it.
fn cascade_cell(r: &ResultView) -> AnyView {
    view! {
        {r.parent_text.clone().unwrap_or_default()}
        {(!r.parent_indicators.is_empty()).then(|| view! {
            <ul class="doc-iki" data-testid="leader-iki">
                {r.parent_indicators.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}
            </ul>
        })}
    }
    .into_any()
}

fn results_table(i18n: I18n, v: &SkpView) -> impl IntoView + use<> {
    let jpt = v.form == SkpForm::Jpt;
    let quantitative = v.approach == Approach::Kuantitatif;
    // NO, (cascade), RHK, (aspect), IKI, (target)
    let columns = 3 + usize::from(!jpt) + 2 * usize::from(quantitative);
    let empty = move || view! { <tr><td></td><td colspan=columns - 1 class="muted">"—"</td></tr> };
    let group_rows = |group: ResultGroup, letter: &str, title: String| {
        let rows: Vec<&ResultView> = v.results.iter().filter(|r| r.group == group).collect();
        let body = if rows.is_empty() {
            empty().into_any()
        } else if jpt {
            // The JPT form groups its RHK under the four perspectives of the performance
            // agreement; a draft's RHK without one yet comes last, under a dash.
            let mut number = 0;
            Perspective::iter()
                .map(Some)
                .chain([None])
                .filter_map(|p| {
                    let mine: Vec<&ResultView> = rows
                        .iter()
                        .copied()
                        .filter(|r| r.perspective == p)
                        .collect();
                    if mine.is_empty() {
                        return None;
                    }
                    let label = p.map_or_else(|| "—".to_owned(), |p| perspective_label(i18n, p));
                    let body = mine
                        .into_iter()
                        .map(|r| {
                            number += 1;
                            result_rows(i18n, number, r, None, quantitative)
                        })
                        .collect_view();
                    Some(view! {
                        <tr class="perspective-row keep">
                            <td></td>
                            <td colspan=columns - 1>{label}</td>
                        </tr>
                        {body}
                    })
                })
                .collect_view()
                .into_any()
        } else {
            rows.into_iter()
                .enumerate()
                .map(|(i, r)| result_rows(i18n, i + 1, r, Some(cascade_cell(r)), quantitative))
                .collect_view()
                .into_any()
        };
        view! {
            <tr class="group-row"><td class="num">{letter.to_owned()}</td><td colspan=columns - 1>{title}</td></tr>
            {body}
        }
    };
    view! {
        <table class="doc-table results-table">
            <thead>
                <tr>
                    <th class="num">"NO"</th>
                    {(!jpt).then(|| view! { <th>{format!("{} *", t_string!(i18n, skp.doc_parent))}</th> })}
                    <th>{t!(i18n, skp.doc_rhk)}</th>
                    {quantitative.then(|| view! { <th class="col-aspect">{t!(i18n, skp.aspect)}</th> })}
                    <th>{if quantitative { t!(i18n, skp.doc_iki).into_any() } else { t!(i18n, skp.doc_iki_narrative).into_any() }}</th>
                    {quantitative.then(|| view! { <th class="col-target">{t!(i18n, skp.target)}</th> })}
                </tr>
            </thead>
            <tbody>
                {group_rows(ResultGroup::Utama, "A", t_string!(i18n, skp.group_utama).to_string())}
                {group_rows(ResultGroup::Tambahan, "B", t_string!(i18n, skp.group_tambahan).to_string())}
            </tbody>
        </table>
        {(!jpt).then(|| view! { <p class="doc-footnote">{format!("* {}", t_string!(i18n, skp.doc_note_parent))}</p> })}
    }
}

fn behaviour_table(i18n: I18n, v: &SkpView) -> impl IntoView + use<> {
    view! {
        <table class="doc-table behaviour-table">
            <thead>
                <tr>
                    <th class="num">"NO"</th>
                    <th>{t!(i18n, skp.behaviour)}</th>
                    <th>{format!("{} **", t_string!(i18n, skp.expectation))}</th>
                </tr>
            </thead>
            <tbody>
                {v.behaviours.iter().map(|b| {
                    let guides = crate::domain::skp::CoreValue::from_number(b.value)
                        .map(|c| c.guidance_numbers())
                        .unwrap_or_default();
                    view! {
                        <tr class="keep">
                            <td class="num">{b.value}</td>
                            <td>
                                <strong>{value_name(i18n, b.value)}</strong>
                                <ul class="guidance">
                                    {guides.into_iter().map(|g| view! { <li>{guidance(i18n, g)}</li> }).collect_view()}
                                </ul>
                            </td>
                            <td>{b.expectation.clone().unwrap_or_default()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <p class="doc-footnote">{format!("** {}", t_string!(i18n, skp.doc_note_expectation))}</p>
    }
}

fn signatures(i18n: I18n, v: &SkpView) -> impl IntoView + use<> {
    let (appraiser_name, appraiser_nip) = v
        .header
        .appraiser
        .clone()
        .map(|a| (a.name, a.nip))
        .unwrap_or_default();
    let e = v.header.employee.clone();
    // The appraiser signs on the day they establish the plan; until then both are left blank
    // to be written in by hand.
    let locale = i18n.get_locale_untracked();
    let place = if v.place.is_empty() {
        BLANK.to_owned()
    } else {
        v.place.clone()
    };
    let day = v
        .established_on
        .map_or_else(|| BLANK.to_owned(), |d| long_date(locale, d));
    view! {
        <p class="doc-place keep" data-testid="place-date">{format!("{place}, {day}")}</p>
        <div class="signatures keep">
            <div>
                <p>{t!(i18n, skp.doc_employee_sign)}</p>
                <p class="sign-space"></p>
                <p class="sign-name">{e.name}</p>
                <p>"NIP "{e.nip}</p>
            </div>
            <div>
                <p>{t!(i18n, skp.doc_appraiser_sign)}</p>
                <p class="sign-space"></p>
                <p class="sign-name">{appraiser_name}</p>
                <p>"NIP "{appraiser_nip}</p>
            </div>
        </div>
    }
}

fn document(i18n: I18n, v: SkpView) -> impl IntoView {
    let title_form = if v.form == SkpForm::Jpt {
        t_string!(i18n, skp.doc_for_jpt).to_string()
    } else {
        t_string!(i18n, skp.doc_for_ja_jf).to_string()
    };
    let approach = if v.approach == Approach::Kualitatif {
        t_string!(i18n, skp.doc_kualitatif).to_string()
    } else {
        t_string!(i18n, skp.doc_kuantitatif).to_string()
    };
    // A plan closed or opened by a transfer covers only its own days (its position segment).
    let (starts, ends) = v.segment.map_or((v.period.starts, v.period.ends), |s| {
        (s.starts_on, s.ends_on)
    });
    let period = date_span(i18n.get_locale_untracked(), starts, ends);
    let draft = !matches!(
        v.state,
        SkpState::Approved | SkpState::Evaluated | SkpState::Archived
    );
    view! {
        <div class="print-tools">
            <a class="button button-secondary" href=format!("/skp/{}", v.id)>{t!(i18n, skp.back_to_skp)}</a>
            <p class="hint" data-testid="print-hint">{t!(i18n, skp.print_hint)}</p>
        </div>
        <article class="skp-document" data-testid="skp-document">
            {draft.then(|| view! { <p class="draft-mark">{state_label(i18n, Some(v.state))}</p> })}
            <header class="doc-title">
                <p>{t!(i18n, skp.doc_title)}</p>
                <p>{approach}</p>
                <p>{title_form}</p>
            </header>
            <div class="doc-meta">
                <p>{v.header.agency.clone()}</p>
                <p data-testid="doc-period">{t!(i18n, skp.doc_period)}": "{period.clone()}</p>
            </div>
            {people_table(i18n, &v)}
            <h2 class="doc-heading">{t!(i18n, skp.doc_results)}</h2>
            {results_table(i18n, &v)}
            <h2 class="doc-heading">{t!(i18n, skp.doc_behaviour)}</h2>
            {behaviour_table(i18n, &v)}
            {signatures(i18n, &v)}
            <section class="doc-lampiran">
                <header class="doc-title">
                    <p>{t!(i18n, skp.doc_lampiran_title)}</p>
                </header>
                <div class="doc-meta">
                    <p>{v.header.agency.clone()}</p>
                    <p>{t!(i18n, skp.doc_period)}": "{period.clone()}</p>
                </div>
                {AttachmentKind::iter().map(|k| {
                    let items: Vec<String> = v.attachments.iter().filter(|a| a.kind == k).map(|a| a.text.clone()).collect();
                    view! {
                        <h2 class="doc-heading">{attachment_label(i18n, k).to_uppercase()}</h2>
                        <ol class="doc-list">
                            {if items.is_empty() {
                                view! { <li class="muted">"—"</li> }.into_any()
                            } else {
                                items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view().into_any()
                            }}
                        </ol>
                    }
                }).collect_view()}
                {signatures(i18n, &v)}
            </section>
        </article>
    }
}
