//! What the 360° pages receive from their server functions.

use crate::domain::feedback360::{
    AssignmentState, Audience, CycleEvent, CycleState, RateFlag, RaterGroup,
};
use crate::domain::ids::{AssignmentId, CycleId, PeriodId, PublicLinkId, UnitId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// `/admin/360`: the cycles the actor may manage, and what the new-cycle form offers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CycleList {
    pub rows: Vec<CycleRow>,
    /// The open period new cycles belong to; none: no cycle can be created.
    pub period: Option<(PeriodId, i32)>,
    /// The units a cycle may cover, as `(id, name with indentation)`; the first is the widest.
    pub units: Vec<(UnitId, String)>,
    pub new_opens_on: String,
    pub new_closes_on: String,
    /// Whether the reader may change the agency's instrument.
    pub edits_instrument: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CycleRow {
    pub id: CycleId,
    pub title: String,
    pub state: CycleState,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub people: u32,
    /// Answered and invited forms of raters other than the employee.
    pub answered: u32,
    pub invited: u32,
}

/// `/admin/360/{id}`: a cycle's settings, state, actions and completion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CycleView {
    pub id: CycleId,
    pub version: i32,
    /// The version of the agency's instrument the cycle answers (the newest when it opened).
    pub instrument_version: i32,
    pub title: String,
    pub state: CycleState,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub min_answers: u8,
    pub min_peers: u8,
    pub max_peers: u8,
    pub groups: Vec<RaterGroup>,
    pub events: Vec<CycleEvent>,
    /// While the cycle takes nominations: how many people's lists stand at each state.
    pub nominations: Vec<(crate::domain::feedback360::NominationState, u32)>,
    pub board: CompletionBoard,
    /// While closed and not yet released: the comments, for hiding abusive ones.
    pub comments: Vec<ModeratedComment>,
}

/// The cycle's dashboard: how far the answers are, in total, per group, per unit and per
/// person. The cycle's page renders it and its live stream sends it again after every answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompletionBoard {
    pub answered: u32,
    pub invited: u32,
    pub rate: Option<(u32, RateFlag)>,
    /// Assignments per group and state (the employee's own included).
    pub assignments: Vec<(RaterGroup, AssignmentState, u32)>,
    pub units: Vec<Completion>,
    /// The furthest behind first, at most [`PEOPLE_SHOWN`].
    pub people: Vec<Completion>,
    /// Everybody the cycle rates.
    pub people_total: u32,
}

/// How many people the dashboard lists: an agency-wide cycle rates thousands, and the board is
/// sent again after every burst of answers; those furthest behind are the ones to chase, and the
/// units' table covers everybody.
pub const PEOPLE_SHOWN: usize = 100;

/// Answered of invited forms for a unit or a person, with the rate and its flag.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Completion {
    pub name: String,
    /// The unit of a person.
    pub detail: Option<String>,
    pub answered: u32,
    pub invited: u32,
    pub rate: Option<(u32, RateFlag)>,
}

/// `/360`: the forms waiting for the signed-in person.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MyForms {
    /// The agency's today, for how far each last day is.
    pub today: Option<NaiveDate>,
    pub waiting: Vec<WaitingForm>,
    /// Lists of peer raters to choose or approve.
    pub nominations: Vec<NominationTask>,
    pub answered: u32,
    /// Released reports: one's own first, then those of the people one appraises.
    pub reports: Vec<ReportLink>,
    /// Released summaries of the units one heads.
    pub unit_reports: Vec<UnitReportLink>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WaitingForm {
    pub assignment: AssignmentId,
    pub ratee: String,
    pub group: RaterGroup,
    pub closes_on: NaiveDate,
}

/// `/360/isi/{id}`: one rater's form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RaterForm {
    pub assignment: AssignmentId,
    pub ratee: String,
    pub group: RaterGroup,
    pub cycle_title: String,
    pub closes_on: NaiveDate,
    pub min_answers: u8,
    /// Per core value (its number): the statements as `(number, text)`.
    pub values: Vec<(u8, Vec<(u16, String)>)>,
    /// Already answered: the form shows a thank-you instead.
    pub answered: bool,
    /// Not answerable any more (closed, or outside the window).
    pub closed: bool,
}

/// A released cycle's summary of a unit the signed-in person heads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitReportLink {
    pub cycle: CycleId,
    pub cycle_title: String,
    pub unit: UnitId,
    pub unit_name: String,
}

/// A released report the signed-in person may read: their own, or of someone they appraise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportLink {
    pub cycle: CycleId,
    pub cycle_title: String,
    pub employee: crate::domain::ids::EmployeeId,
    pub name: String,
    pub own: bool,
}

/// `/360/hasil/{cycle}/{employee}`: what the cycle's raters said about one person, as far as
/// the thresholds let it be shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportView {
    pub cycle_title: String,
    /// The person rated, or for a unit's summary the unit.
    pub employee: String,
    pub own: bool,
    /// A unit's summary: how many of its people others rated (shown from
    /// [`crate::domain::feedback360::UNIT_MIN_PEOPLE`]; below that the report is empty).
    pub unit_people: Option<u32>,
    pub min_answers: u8,
    pub columns: Vec<ReportColumn>,
    /// Statements others rated highest and lowest: (text, mean).
    pub high: Vec<(String, f32)>,
    pub low: Vec<(String, f32)>,
    /// Shown comments, unattributed, in a scattered order: (column, core value, text).
    pub comments: Vec<(crate::domain::feedback360::Column, u8, String)>,
    /// Answers in no column: their group stayed under the threshold.
    pub withheld: u32,
    /// Core values others rated lowest, weakest first (numbers 1–7): training-need candidates.
    pub candidates: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportColumn {
    pub column: crate::domain::feedback360::Column,
    pub responses: u32,
    /// Per core value 1–7; `None` where a threshold hides it.
    pub values: Vec<Option<f32>>,
}

/// A comment as the admin moderates it before release.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModeratedComment {
    pub id: String,
    pub ratee: String,
    pub value: u8,
    pub text: String,
    pub hidden: bool,
}

/// The public links of a cycle whose groups include service users, on the cycle's page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinksView {
    pub cycle: CycleId,
    pub min_answers: u8,
    /// New links can be made: the cycle is not closed yet.
    pub open_for_links: bool,
    pub links: Vec<LinkRow>,
    /// What a new link can be for, as `(form value, name)`: people of the population, then
    /// their units; those that have a link already are left out.
    pub people: Vec<(String, String)>,
    pub units: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LinkRow {
    pub id: PublicLinkId,
    /// The person or unit rated, and for a person their unit.
    pub subject: String,
    pub detail: Option<String>,
    pub unit: bool,
    /// `/umpan-balik/<token>`.
    pub path: String,
    pub answers: u32,
    /// A unit's results per core value 1–7, after the release and once its answers reach the
    /// threshold (a person's are in their own report).
    pub means: Option<Vec<Option<f32>>>,
    /// A released unit's comments, unattributed, in a scattered order.
    pub comments: Vec<String>,
    /// The cycle's results are released.
    pub released: bool,
}

/// `/admin/360/{cycle}/poster/{link}`: the A4 poster with the link's QR code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PosterView {
    pub cycle: CycleId,
    pub agency: String,
    pub subject: String,
    pub detail: Option<String>,
    pub unit: bool,
    /// The full address the QR code holds.
    pub url: String,
    /// The QR code as an SVG document, made on the server from `url`.
    pub qr_svg: String,
    pub closes_on: NaiveDate,
}

/// `/umpan-balik/{token}`: the form a service user fills in without an account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublicForm {
    pub token: String,
    pub agency: String,
    pub subject: String,
    pub detail: Option<String>,
    pub unit: bool,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub status: PublicStatus,
    /// Per core value (its number): the statements as `(number, text)`.
    pub values: Vec<(u8, Vec<(u16, String)>)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PublicStatus {
    Open,
    NotYet,
    Closed,
    /// This device has answered through this link.
    Answered,
}

/// `/360/usulan/{cycle}/{employee}`: the peers who will rate an employee, as the employee
/// chooses them or their appraiser approves them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NominationView {
    pub cycle: CycleId,
    pub employee: crate::domain::ids::EmployeeId,
    pub cycle_title: String,
    /// The person rated (the viewer themselves when `own`).
    pub ratee: String,
    pub own: bool,
    pub state: crate::domain::feedback360::NominationState,
    /// The last day to choose: the day before the answers begin.
    pub due: NaiveDate,
    pub today: NaiveDate,
    pub min_peers: u8,
    pub max_peers: u8,
    /// The viewer may change the list now.
    pub editable: bool,
    /// The list and what it offers; empty when the viewer may not see who is on it (the
    /// employee, once the list left their hands).
    pub people: Vec<Candidate>,
    /// The name search typed (`?cari=`).
    pub search: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Candidate {
    pub id: crate::domain::ids::EmployeeId,
    pub name: String,
    pub unit: String,
    pub chosen: bool,
}

/// A list of peer raters waiting for the signed-in person: their own to choose, or someone's
/// to approve as appraiser.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NominationTask {
    pub own: bool,
    pub cycle_title: String,
    pub employee_name: String,
    pub link: String,
    pub due: NaiveDate,
}

/// `/admin/instrumen-360`: the agency's newest instrument version, by core value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InstrumentView {
    /// 0 while the agency has stored none: the official statements.
    pub version: i32,
    /// The agency's day the version was stored.
    pub since: Option<NaiveDate>,
    /// Per core value (its number), its statements in order.
    pub values: Vec<(u8, Vec<InstrumentItem>)>,
    /// How many of the statements are the agency's own.
    pub own: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InstrumentItem {
    pub number: u16,
    pub audience: Audience,
    /// In the reader's language.
    pub text: String,
    /// The agency's own, which it may remove.
    pub own: bool,
}
