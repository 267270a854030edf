//! The cycle's dashboard: the completion figure against the 75 % target, the forms per group
//! and state, and the completion per unit and per person. Its data also travels on the cycle's
//! live topic (`cycle360:{id}`, `live::stream`); the island that would follow it in the browser
//! is held back by the wasm budget (README, "360° feedback"), so the page shows the board of
//! its moment.

use super::pages::{completion_text, group_label, rate_tag};
use super::types::{Completion, CompletionBoard};
use crate::domain::feedback360::AssignmentState;
use crate::i18n::*;
use crate::ui::page::Card;
use leptos::prelude::*;

type I18n = leptos_i18n::I18nContext<Locale>;

#[component]
pub fn CompletionCards(board: CompletionBoard) -> impl IntoView {
    let i18n = use_i18n();
    view! { <div class="completion-board" data-testid="cycle-board">{cards(i18n, board)}</div> }
}

fn assignment_state_label(i18n: I18n, state: AssignmentState) -> String {
    match state {
        AssignmentState::Proposed => t_string!(i18n, feedback360.assignment_proposed),
        AssignmentState::Invited => t_string!(i18n, feedback360.assignment_invited),
        AssignmentState::Submitted => t_string!(i18n, feedback360.assignment_submitted),
        AssignmentState::Declined => t_string!(i18n, feedback360.assignment_declined),
        AssignmentState::Expired => t_string!(i18n, feedback360.assignment_expired),
    }
    .to_string()
}

fn cards(i18n: I18n, b: CompletionBoard) -> impl IntoView {
    let assignment_rows = b
        .assignments
        .iter()
        .map(|(group, state, n)| {
            view! {
                <tr>
                    <td>{group_label(i18n, *group)}</td>
                    <td>{assignment_state_label(i18n, *state)}</td>
                    <td>{*n}</td>
                </tr>
            }
        })
        .collect_view();
    let unit = t_string!(i18n, feedback360.unit).to_string();
    let done = t_string!(i18n, feedback360.answered).to_string();
    let person = t_string!(i18n, feedback360.person).to_string();
    let units = table(i18n, "cycle-units", &[&unit, &done], &b.units);
    let people = table(i18n, "cycle-people", &[&person, &unit, &done], &b.people);
    let headline = format!("{} ", completion_text(i18n, b.answered, b.invited, b.rate));
    view! {
        <Card id="cycle-completion" title=t_string!(i18n, feedback360.completion_title).to_string()>
            <p class="big-number" data-testid="cycle-rate">{headline}{rate_tag(i18n, b.rate)}</p>
            <p class="hint">{t!(i18n, feedback360.rate_hint)}</p>
        </Card>
        <Card id="cycle-raters" title=t_string!(i18n, feedback360.raters).to_string()>
            <div class="table-wrap">
                <table class="data-table" data-testid="cycle-groups">
                    <thead><tr>
                        <th scope="col">{t!(i18n, feedback360.group)}</th>
                        <th scope="col">{t!(i18n, feedback360.state)}</th>
                        <th scope="col">{t!(i18n, feedback360.count)}</th>
                    </tr></thead>
                    <tbody>{assignment_rows}</tbody>
                </table>
            </div>
        </Card>
        <Card id="cycle-units" title=t_string!(i18n, feedback360.per_unit).to_string()>
            {units}
        </Card>
        <Card id="cycle-people" title=t_string!(i18n, feedback360.per_person).to_string() count=b.people.len()>
            {people}
        </Card>
    }
}

/// A completion table: the name, the unit where `headings` has three columns, and the figure.
fn table(
    i18n: I18n,
    testid: &'static str,
    headings: &[&String],
    rows: &[Completion],
) -> impl IntoView + use<> {
    let with_unit = headings.len() == 3;
    let labels: Vec<String> = headings.iter().map(|h| h.to_string()).collect();
    let head = labels
        .iter()
        .map(|h| view! { <th scope="col">{h.clone()}</th> })
        .collect_view();
    let body = rows
        .iter()
        .map(|row| {
            let unit = with_unit.then(|| view! { <td data-label=labels[1].clone()>{row.detail.clone()}</td> });
            view! {
                <tr>
                    <td data-label=labels[0].clone()>{row.name.clone()}</td>
                    {unit}
                    <td data-label=labels[labels.len() - 1].clone()>{completion_text(i18n, row.answered, row.invited, row.rate)}" "{rate_tag(i18n, row.rate)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table" data-testid=testid>
                <thead><tr>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
