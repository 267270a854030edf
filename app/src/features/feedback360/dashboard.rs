//! The cycle's dashboard: the completion figure against the 75 % target, the forms per group
//! and state, and the completion per unit and per person (those furthest behind first).
//!
//! It follows the answers live. The board is rendered from the locale alone, with no page
//! context, so the cycle's live stream (`cycle360:{id}`, `live::stream`) renders the same HTML
//! after every answer and sends it; the `LiveBoard` island only puts that HTML in place. So the
//! browser bundle carries no copy of the board's markup or texts, and without JavaScript the
//! page shows the board of its moment.

use super::pages::{completion_text, group_label, rate_tag};
use super::types::{Completion, CompletionBoard};
use crate::domain::feedback360::AssignmentState;
use crate::domain::ids::CycleId;
use crate::i18n::*;
use crate::live::{LiveEvent, Topic};
use crate::ui::page::Card;
use leptos::prelude::*;

/// The board of cycle `cycle` as the page renders it, following the cycle's live topic.
#[component]
pub fn CompletionCards(cycle: CycleId, board: CompletionBoard) -> impl IntoView {
    let locale = use_i18n().get_locale_untracked();
    view! { <LiveBoard cycle>{cards(locale, board)}</LiveBoard> }
}

/// The board's HTML, for the live stream.
#[cfg(feature = "ssr")]
pub fn board_html(locale: Locale, board: CompletionBoard) -> String {
    Owner::new().with(|| cards(locale, board).to_html())
}

/// Replaces its content with each board the cycle's stream sends (the first one as soon as the
/// connection opens, so a board rendered a while ago catches up), and marks itself live.
#[island]
fn LiveBoard(cycle: CycleId, children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    crate::live::client::follow(Topic::Cycle360(cycle), move |event| {
        if let LiveEvent::Cycle360 { html } = event
            && let Some(root) = root.get_untracked()
        {
            root.set_inner_html(&html);
            // Plain DOM, not a signal: the bundle's budget has no room for a reactive attribute.
            let _ = root.set_attribute("data-live", "true");
        }
    });
    view! {
        <div class="completion-board" data-testid="cycle-board" node_ref=root>
            {children()}
        </div>
    }
}

fn assignment_state_label(locale: Locale, state: AssignmentState) -> String {
    match state {
        AssignmentState::Proposed => td_string!(locale, feedback360.assignment_proposed),
        AssignmentState::Invited => td_string!(locale, feedback360.assignment_invited),
        AssignmentState::Submitted => td_string!(locale, feedback360.assignment_submitted),
        AssignmentState::Declined => td_string!(locale, feedback360.assignment_declined),
        AssignmentState::Expired => td_string!(locale, feedback360.assignment_expired),
    }
    .to_string()
}

fn cards(locale: Locale, b: CompletionBoard) -> impl IntoView + use<> {
    let assignment_rows = b
        .assignments
        .iter()
        .map(|(group, state, n)| {
            view! {
                <tr>
                    <td>{group_label(locale, *group)}</td>
                    <td>{assignment_state_label(locale, *state)}</td>
                    <td>{*n}</td>
                </tr>
            }
        })
        .collect_view();
    let unit = td_string!(locale, feedback360.unit).to_string();
    let done = td_string!(locale, feedback360.answered).to_string();
    let person = td_string!(locale, feedback360.person).to_string();
    let units = table(locale, "cycle-units", &[&unit, &done], &b.units);
    let people = table(locale, "cycle-people", &[&person, &unit, &done], &b.people);
    let shown = b.people.len();
    let more = (b.people_total as usize > shown).then(|| {
        let text = td_string!(
            locale,
            feedback360.people_shown,
            shown = shown,
            total = b.people_total
        );
        view! { <p class="hint" data-testid="cycle-people-more">{text.to_string()}</p> }
    });
    let headline = format!(
        "{} ",
        completion_text(locale, b.answered, b.invited, b.rate)
    );
    view! {
        <Card id="cycle-completion" title=td_string!(locale, feedback360.completion_title).to_string()>
            <p class="big-number" data-testid="cycle-rate" data-answered=b.answered.to_string()>
                {headline}{rate_tag(locale, b.rate)}
            </p>
            <p class="hint">{td_string!(locale, feedback360.rate_hint).to_string()}</p>
        </Card>
        <Card id="cycle-raters" title=td_string!(locale, feedback360.raters).to_string()>
            <div class="table-wrap">
                <table class="data-table" data-testid="cycle-groups">
                    <thead><tr>
                        <th scope="col">{td_string!(locale, feedback360.group).to_string()}</th>
                        <th scope="col">{td_string!(locale, feedback360.state).to_string()}</th>
                        <th scope="col">{td_string!(locale, feedback360.count).to_string()}</th>
                    </tr></thead>
                    <tbody>{assignment_rows}</tbody>
                </table>
            </div>
        </Card>
        <Card id="cycle-units" title=td_string!(locale, feedback360.per_unit).to_string()>
            {units}
        </Card>
        <Card id="cycle-people" title=td_string!(locale, feedback360.per_person).to_string()
            count=b.people_total as usize>
            {people}
            {more}
        </Card>
    }
}

/// A completion table: the name, the unit where `headings` has three columns, and the figure.
fn table(
    locale: Locale,
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
                <tr data-answered=row.answered.to_string()>
                    <td data-label=labels[0].clone()>{row.name.clone()}</td>
                    {unit}
                    <td data-label=labels[labels.len() - 1].clone()>{completion_text(locale, row.answered, row.invited, row.rate)}" "{rate_tag(locale, row.rate)}</td>
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
