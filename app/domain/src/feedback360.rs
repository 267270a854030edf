//! 360° feedback on work behaviour (DOMAIN.md §8, §11.2–§11.6): who rates whom, the life of a
//! cycle, which answers a form accepts, and — the point of it all — what a report may show
//! without letting anyone learn who gave which answer.
//!
//! 360 informs the appraiser's *Rating Perilaku Kerja*; nothing here computes that rating.
//!
//! Anonymity has two halves. Storage (the server's `db` layer) keeps answers with no reference
//! to the rater. The rules below keep reports from re-identifying a rater through small numbers:
//! an anonymous group is shown only with at least `k` answers, small groups are pooled into
//! "others" or withheld, every single cell obeys the same threshold (an item most raters skipped
//! is not a window on the one who answered it), and unit reports need at least
//! [`UNIT_MIN_PEOPLE`] people.

use crate::ids::{EmployeeId, UnitId};
use crate::skp::CoreValue;
use crate::text::{clean_line, clean_text, parse_date_input};
use crate::vocabulary::{IntoEnumIterator, from_str_via_as_str};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use strum::EnumIter;

/// The default minimum number of answers an anonymous group needs to be shown (Lattice's 3).
pub const DEFAULT_MIN_ANSWERS: u8 = 3;
/// Below two, "anonymous" would mean one person's answer.
pub const MIN_ANSWERS_FLOOR: u8 = 2;
pub const MIN_ANSWERS_CEILING: u8 = 10;
/// Peers an employee may be asked to nominate, at most.
pub const MAX_PEERS_CEILING: u8 = 15;
/// A unit-level report needs this many rated people, whatever `k` is.
pub const UNIT_MIN_PEOPLE: usize = 5;
/// The longest answer window (two weeks is the default [U]; some agencies take a month).
pub const MAX_WINDOW_DAYS: i64 = 62;
/// The share of invited raters a cycle aims for, and the share under which a group is flagged.
pub const TARGET_RATE_PERCENT: u32 = 75;
pub const FLAG_RATE_PERCENT: u32 = 60;
/// Reminders: the last one goes out this many days before the close ...
pub const REMINDER_DAYS_BEFORE_CLOSE: i64 = 3;
/// ... and a rater never gets more than one in this many days.
pub const REMINDER_MIN_GAP_DAYS: i64 = 5;
/// The rating scale: 1 ..= 5, every point labelled (`feedback360.scale_N`).
pub const SCALE_MAX: u8 = 5;
pub const COMMENT_MAX: usize = 1000;
pub const TITLE_MAX: usize = 120;
pub const ITEM_TEXT_MAX: usize = 300;
/// The official statements of every instrument: the 21 *panduan perilaku* for colleagues
/// (1–21) and one plain statement per value for service users (22–28). An agency's own
/// statements are numbered after them and are the only ones it may remove.
pub const OFFICIAL_ITEMS: u16 = 28;
/// An agency's own statements, at most: each one lengthens every form on a phone.
pub const MAX_OWN_ITEMS: usize = 14;
/// Public links: answers accepted per link and per network address in one hour.
pub const PUBLIC_ANSWERS_PER_LINK_PER_HOUR: u32 = 120;
pub const PUBLIC_ANSWERS_PER_ADDRESS_PER_HOUR: u32 = 5;

/// Who a rater is to the person rated.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, EnumIter,
)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum RaterGroup {
    /// The direct superior (*atasan*): one person, so not anonymous.
    Superior,
    /// The employee (*diri sendiri*).
    Oneself,
    /// Colleagues (*rekan kerja*).
    Peer,
    /// Direct reports (*bawahan*).
    Subordinate,
    /// Citizens, patients, service users (*penerima layanan*), through a public link.
    External,
}

impl RaterGroup {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Superior => "superior",
            Self::Oneself => "oneself",
            Self::Peer => "peer",
            Self::Subordinate => "subordinate",
            Self::External => "external",
        }
    }

    /// Whether the group's answers are anonymous and so obey the threshold. The superior and
    /// the employee are one known person each (DOMAIN.md §11.4).
    pub fn is_anonymous(self) -> bool {
        !matches!(self, Self::Superior | Self::Oneself)
    }

    /// Which statements the group answers: raters without an account get the short form.
    pub fn audience(self) -> Audience {
        if self == Self::External {
            Audience::External
        } else {
            Audience::Internal
        }
    }
}

/// The two forms of an instrument: the 21 official statements for colleagues, and a short form
/// in plain words for the people an employee serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Internal,
    External,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Internal => "internal",
            Self::External => "external",
        }
    }
}

/// Where a cycle stands (DOMAIN.md §11.2, with a nomination phase before the answers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum CycleState {
    /// Being set up by the admin; nobody else sees it.
    Draft,
    /// Employees nominate peers, appraisers approve or adjust.
    Nominating,
    /// Raters answer.
    Open,
    /// No more answers; reports wait for release (and for abusive comments to be hidden).
    Closed,
    /// Reports are visible to the employee and their appraisers.
    Released,
    Archived,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[serde(rename_all = "snake_case")]
pub enum CycleEvent {
    StartNominations,
    Open,
    /// A later close date.
    Extend,
    Close,
    Release,
    Archive,
}

/// Who fires a cycle event: the admin, or the clock at the end of the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter)]
pub enum CycleParty {
    Admin,
    System,
}

impl CycleState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Nominating => "nominating",
            Self::Open => "open",
            Self::Closed => "closed",
            Self::Released => "released",
            Self::Archived => "archived",
        }
    }

    /// Answers are accepted only while open (and inside the window: [`Window::accepts_on`]).
    pub fn accepts_answers(self) -> bool {
        self == Self::Open
    }

    /// Nominations and the approval of raters happen before anyone answers; once raters answer,
    /// who was invited is fixed (DOMAIN.md §11.3).
    pub fn accepts_nominations(self) -> bool {
        matches!(self, Self::Draft | Self::Nominating)
    }

    /// Settings (population, groups, thresholds, instrument) change only before the answers.
    pub fn is_editable(self) -> bool {
        matches!(self, Self::Draft | Self::Nominating)
    }

    /// A closed cycle is immutable: no answer, no rater, no setting changes.
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Closed | Self::Released | Self::Archived)
    }

    /// Reports exist only after release.
    pub fn shows_results(self) -> bool {
        matches!(self, Self::Released | Self::Archived)
    }
}

impl CycleEvent {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::StartNominations => "start_nominations",
            Self::Open => "open",
            Self::Extend => "extend",
            Self::Close => "close",
            Self::Release => "release",
            Self::Archive => "archive",
        }
    }
}

from_str_via_as_str!(
    RaterGroup,
    Audience,
    CycleState,
    CycleEvent,
    AssignmentState
);

/// Where `event` leads from `state` when `party` fires it; `None` when it cannot.
pub fn transition(state: CycleState, event: CycleEvent, party: CycleParty) -> Option<CycleState> {
    use CycleEvent as E;
    use CycleParty as P;
    use CycleState as S;
    match (state, event, party) {
        (S::Draft, E::StartNominations, P::Admin) => Some(S::Nominating),
        (S::Draft | S::Nominating, E::Open, P::Admin) => Some(S::Open),
        (S::Open, E::Extend, P::Admin) => Some(S::Open),
        (S::Open, E::Close, P::Admin | P::System) => Some(S::Closed),
        (S::Closed, E::Release, P::Admin) => Some(S::Released),
        (S::Released, E::Archive, P::Admin) => Some(S::Archived),
        _ => None,
    }
}

/// The events `party` may fire from `state`, in declaration order (for the buttons).
pub fn available_events(state: CycleState, party: CycleParty) -> Vec<CycleEvent> {
    CycleEvent::iter()
        .filter(|&event| transition(state, event, party).is_some())
        .collect()
}

/// The duty of one rater towards one ratee. It records *that* an answer was given, never what.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum AssignmentState {
    /// Proposed (from the organisation or by the employee), awaiting the appraiser; opening
    /// the cycle invites whoever is still proposed.
    Proposed,
    /// On the rater's desk.
    Invited,
    Submitted,
    Declined,
    /// Not answered when the cycle closed.
    Expired,
}

impl AssignmentState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Proposed => "proposed",
            Self::Invited => "invited",
            Self::Submitted => "submitted",
            Self::Declined => "declined",
            Self::Expired => "expired",
        }
    }

    /// Whether a form is waiting for the rater.
    pub fn is_pending(self) -> bool {
        self == Self::Invited
    }
}

/// The answer window, in the agency's days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
}

impl Window {
    pub fn accepts_on(self, today: NaiveDate) -> bool {
        self.opens_on <= today && today <= self.closes_on
    }

    /// The last day to choose peer raters: the day before the answers begin.
    pub fn nominations_due(self) -> NaiveDate {
        self.opens_on.pred_opt().unwrap_or(self.opens_on)
    }
}

/// A cycle's settings as typed on the form; [`CycleDraft::clean`] turns it into valid settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleDraft {
    pub title: String,
    pub opens_on: String,
    pub closes_on: String,
    pub min_answers: String,
    pub min_peers: String,
    pub max_peers: String,
    pub groups: Vec<RaterGroup>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CycleSettings {
    pub title: String,
    pub window: Window,
    /// *k*: answers an anonymous group needs to be shown.
    pub min_answers: u8,
    pub min_peers: u8,
    pub max_peers: u8,
    /// Sorted, without repeats, never empty.
    pub groups: Vec<RaterGroup>,
}

/// The form field a settings error belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CycleField {
    Title,
    OpensOn,
    ClosesOn,
    MinAnswers,
    MinPeers,
    MaxPeers,
    Groups,
}

impl CycleField {
    pub fn name(self) -> &'static str {
        match self {
            Self::Title => "title",
            Self::OpensOn => "opens_on",
            Self::ClosesOn => "closes_on",
            Self::MinAnswers => "min_answers",
            Self::MinPeers => "min_peers",
            Self::MaxPeers => "max_peers",
            Self::Groups => "groups",
        }
    }
}

impl CycleDraft {
    /// Every error at once, each with its field and message code, so the form shows them all
    /// and keeps what was typed. `today` refuses a window that has already ended.
    pub fn clean(
        &self,
        today: NaiveDate,
    ) -> Result<CycleSettings, Vec<(CycleField, &'static str)>> {
        let mut errors = Vec::new();
        let title = clean_line(&self.title, TITLE_MAX)
            .map_err(|code| errors.push((CycleField::Title, code)))
            .ok();
        let opens_on = parse_date(&self.opens_on)
            .map_err(|code| errors.push((CycleField::OpensOn, code)))
            .ok();
        let closes_on = parse_date(&self.closes_on)
            .map_err(|code| errors.push((CycleField::ClosesOn, code)))
            .ok();
        let window = match (opens_on, closes_on) {
            (Some(opens_on), Some(closes_on)) => {
                let window = Window {
                    opens_on,
                    closes_on,
                };
                match check_window(window, today) {
                    Ok(()) => Some(window),
                    Err(code) => {
                        errors.push((CycleField::ClosesOn, code));
                        None
                    }
                }
            }
            _ => None,
        };
        let min_answers = parse_count(
            &self.min_answers,
            MIN_ANSWERS_FLOOR,
            MIN_ANSWERS_CEILING,
            "feedback360_k_range",
        )
        .map_err(|code| errors.push((CycleField::MinAnswers, code)))
        .ok();
        let min_peers = parse_count(
            &self.min_peers,
            0,
            MAX_PEERS_CEILING,
            "feedback360_peers_max",
        )
        .map_err(|code| errors.push((CycleField::MinPeers, code)))
        .ok();
        let max_peers = parse_count(
            &self.max_peers,
            0,
            MAX_PEERS_CEILING,
            "feedback360_peers_max",
        )
        .map_err(|code| errors.push((CycleField::MaxPeers, code)))
        .ok();
        if let (Some(min), Some(max)) = (min_peers, max_peers)
            && min > max
        {
            errors.push((CycleField::MaxPeers, "feedback360_peers_range"));
        }
        let mut groups = self.groups.clone();
        groups.sort();
        groups.dedup();
        if groups.is_empty() {
            errors.push((CycleField::Groups, "feedback360_no_group"));
        } else if !groups.iter().any(|g| g.is_anonymous()) {
            // Only the superior and the employee: that is an appraisal, not a 360.
            errors.push((CycleField::Groups, "feedback360_no_anonymous_group"));
        }
        match (title, window, min_answers, min_peers, max_peers) {
            (Some(title), Some(window), Some(min_answers), Some(min_peers), Some(max_peers))
                if errors.is_empty() =>
            {
                Ok(CycleSettings {
                    title,
                    window,
                    min_answers,
                    min_peers,
                    max_peers,
                    groups,
                })
            }
            _ => Err(errors),
        }
    }
}

fn parse_date(input: &str) -> Result<NaiveDate, &'static str> {
    parse_date_input(input)?.ok_or("required")
}

/// A whole number in `min..=max`; `range_code` names the range in the message.
fn parse_count(
    input: &str,
    min: u8,
    max: u8,
    range_code: &'static str,
) -> Result<u8, &'static str> {
    let input = input.trim();
    if input.is_empty() {
        return Err("required");
    }
    if !input.chars().all(|c| c.is_ascii_digit()) {
        return Err("invalid_number");
    }
    input
        .parse::<u8>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or(range_code)
}

/// A window must end on or after its first day, not before today, and last at most
/// [`MAX_WINDOW_DAYS`].
pub fn check_window(window: Window, today: NaiveDate) -> Result<(), &'static str> {
    if window.closes_on < window.opens_on {
        Err("feedback360_window_order")
    } else if window.closes_on < today {
        Err("feedback360_window_past")
    } else if (window.closes_on - window.opens_on).num_days() >= MAX_WINDOW_DAYS {
        Err("feedback360_window_long")
    } else {
        Ok(())
    }
}

/// An extension moves the close later, never earlier, and keeps the window's limit.
pub fn check_extension(
    window: Window,
    new_close: NaiveDate,
    today: NaiveDate,
) -> Result<Window, &'static str> {
    if new_close <= window.closes_on {
        return Err("feedback360_extend_earlier");
    }
    let extended = Window {
        closes_on: new_close,
        ..window
    };
    check_window(extended, today).map(|()| extended)
}

/// Checks the peers an employee nominates: not themselves, no one twice, between the cycle's
/// minimum and maximum.
pub fn check_nominations(
    ratee: EmployeeId,
    peers: &[EmployeeId],
    settings: &CycleSettings,
) -> Result<(), &'static str> {
    if peers.contains(&ratee) {
        return Err("feedback360_nominate_self");
    }
    let mut unique = peers.to_vec();
    unique.sort();
    unique.dedup();
    if unique.len() != peers.len() {
        return Err("feedback360_nominate_twice");
    }
    let count = peers.len();
    if count < usize::from(settings.min_peers) {
        Err("feedback360_nominees_below_min")
    } else if count > usize::from(settings.max_peers) {
        Err("feedback360_nominees_above_max")
    } else {
        Ok(())
    }
}

/// Where one person's choice of peer raters stands while the cycle takes nominations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum NominationState {
    /// The employee may still change their list (it starts as the peers the organisation
    /// proposes).
    Pending,
    /// Handed to the appraiser: the employee no longer sees who is on it, since the appraiser
    /// may add people the employee should not learn of.
    Submitted,
    /// The appraiser approved the list, adjusted or not.
    Approved,
}

impl NominationState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Submitted => "submitted",
            Self::Approved => "approved",
        }
    }
}

/// What is done to a nomination.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[serde(rename_all = "snake_case")]
pub enum NominationStep {
    /// The employee keeps a list without handing it in (any size up to the maximum).
    Save,
    /// The employee hands the list to the appraiser (within the minimum and maximum).
    Submit,
    /// The appraiser approves the list, as it is or adjusted.
    Approve,
}

impl NominationStep {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Save => "save",
            Self::Submit => "submit",
            Self::Approve => "approve",
        }
    }
}

from_str_via_as_str!(NominationState, NominationStep);

/// Who acts on a nomination: the person rated, or their appraiser (*pejabat penilai*).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter)]
pub enum NominationParty {
    Employee,
    Appraiser,
}

/// Where `step` by `party` leads a nomination in a cycle at `cycle`; `None` when it cannot.
/// Nominations exist only while the cycle takes them: once raters answer, who was invited is
/// fixed (DOMAIN.md §11.3). The appraiser may approve before the employee hands a list in
/// (someone who never nominates still gets raters), and may change an approved list again.
pub fn nomination_step(
    cycle: CycleState,
    state: NominationState,
    step: NominationStep,
    party: NominationParty,
) -> Option<NominationState> {
    use NominationParty as P;
    use NominationState as S;
    use NominationStep as E;
    if cycle != CycleState::Nominating {
        return None;
    }
    match (state, step, party) {
        (S::Pending, E::Save, P::Employee) => Some(S::Pending),
        (S::Pending, E::Submit, P::Employee) => Some(S::Submitted),
        (_, E::Approve, P::Appraiser) => Some(S::Approved),
        _ => None,
    }
}

/// The peers a step keeps: within the maximum always, and at least the minimum when the list
/// is handed in or approved (a saved draft may be short).
pub fn check_nomination_step(
    ratee: EmployeeId,
    peers: &[EmployeeId],
    settings: &CycleSettings,
    step: NominationStep,
) -> Result<(), &'static str> {
    match check_nominations(ratee, peers, settings) {
        Err("feedback360_nominees_below_min") if step == NominationStep::Save => Ok(()),
        other => other,
    }
}

/// An item of an instrument: a statement about one core value, for one audience.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// 1-based, unique within the instrument version.
    pub number: u16,
    pub value: CoreValue,
    pub audience: Audience,
    pub text_id: String,
    pub text_en: String,
}

/// An agency's own statement as typed; numbered when added to a new instrument version.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemDraft {
    pub value: String,
    pub audience: String,
    pub text_id: String,
    pub text_en: String,
}

impl ItemDraft {
    pub fn clean(&self, number: u16) -> Result<Item, Vec<(&'static str, &'static str)>> {
        let mut errors = Vec::new();
        let value = self
            .value
            .trim()
            .parse::<u8>()
            .ok()
            .and_then(CoreValue::from_number)
            .ok_or("required")
            .map_err(|code| errors.push(("value", code)))
            .ok();
        let audience = self
            .audience
            .parse::<Audience>()
            .map_err(|_| errors.push(("audience", "required")))
            .ok();
        let text_id = clean_text(&self.text_id, ITEM_TEXT_MAX)
            .map_err(|code| errors.push(("text_id", code)))
            .ok();
        let text_en = clean_text(&self.text_en, ITEM_TEXT_MAX)
            .map_err(|code| errors.push(("text_en", code)))
            .ok();
        match (value, audience, text_id, text_en) {
            (Some(value), Some(audience), Some(text_id), Some(text_en)) => Ok(Item {
                number,
                value,
                audience,
                text_id,
                text_en,
            }),
            _ => Err(errors),
        }
    }
}

/// Whether statement `number` is the agency's own (removable) rather than official.
pub fn is_own_item(number: u16) -> bool {
    number > OFFICIAL_ITEMS
}

/// The next instrument version's statements: `items` with `draft` added, numbered after
/// `highest`, the largest number any version of the agency ever gave (a removed statement's
/// number stays with its answers and is never given again), or what is wrong (field, code).
pub fn add_item(
    items: &[Item],
    highest: u16,
    draft: &ItemDraft,
) -> Result<Vec<Item>, Vec<(&'static str, &'static str)>> {
    if items.iter().filter(|i| is_own_item(i.number)).count() >= MAX_OWN_ITEMS {
        return Err(vec![("form", "feedback360_items_full")]);
    }
    let number = items
        .iter()
        .map(|i| i.number)
        .fold(highest.max(OFFICIAL_ITEMS), u16::max)
        + 1;
    let item = draft.clean(number)?;
    let mut next = items.to_vec();
    next.push(item);
    Ok(next)
}

/// The next instrument version's statements without the agency's own statement `number`; an
/// official or unknown statement cannot be removed.
pub fn remove_item(items: &[Item], number: u16) -> Result<Vec<Item>, &'static str> {
    if !is_own_item(number) {
        return Err("feedback360_item_official");
    }
    if !items.iter().any(|i| i.number == number) {
        return Err("feedback360_item_unknown");
    }
    Ok(items
        .iter()
        .filter(|i| i.number != number)
        .cloned()
        .collect())
}

/// One answer to one statement: a point of the scale, or "cannot judge" (`None`) — a citizen
/// cannot judge loyalty, and a forced guess would pull the mean.
pub type Score = Option<u8>;

/// A rater's answers as posted: statement number → score, and optional comments per value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerDraft {
    pub scores: Vec<(u16, String)>,
    pub comments: Vec<(u8, String)>,
}

/// Answers checked against the instrument: every statement of the audience once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    /// In statement order, one per statement of the audience.
    pub scores: Vec<(u16, Score)>,
    /// Per core value (its number), trimmed, non-empty.
    pub comments: Vec<(u8, String)>,
}

/// The value posted for "cannot judge".
pub const CANNOT_JUDGE: &str = "na";

impl AnswerDraft {
    /// `Err` lists the statements left unanswered or answered with something else than the
    /// scale, and comments that are too long or hold refused characters (field, code).
    pub fn clean(
        &self,
        items: &[Item],
        audience: Audience,
    ) -> Result<Answers, Vec<(String, &'static str)>> {
        let mut errors = Vec::new();
        let mut scores = Vec::new();
        for item in items.iter().filter(|i| i.audience == audience) {
            let posted: Vec<&str> = self
                .scores
                .iter()
                .filter(|(n, _)| *n == item.number)
                .map(|(_, s)| s.trim())
                .collect();
            let field = format!("s{}", item.number);
            match posted.as_slice() {
                [] | [""] => errors.push((field, "feedback360_unanswered")),
                [one] if *one == CANNOT_JUDGE => scores.push((item.number, None)),
                [one] => match one.parse::<u8>() {
                    Ok(n) if (1..=SCALE_MAX).contains(&n) => scores.push((item.number, Some(n))),
                    _ => errors.push((field, "feedback360_bad_score")),
                },
                _ => errors.push((field, "feedback360_bad_score")),
            }
        }
        let known = |n: u16| {
            items
                .iter()
                .any(|i| i.number == n && i.audience == audience)
        };
        if self.scores.iter().any(|(n, _)| !known(*n)) {
            errors.push(("scores".to_owned(), "feedback360_unknown_item"));
        }
        let mut comments = Vec::new();
        for (value, text) in &self.comments {
            if CoreValue::from_number(*value).is_none() {
                errors.push(("comments".to_owned(), "feedback360_unknown_item"));
                continue;
            }
            if text.trim().is_empty() {
                continue;
            }
            if comments.iter().any(|(v, _)| v == value) {
                errors.push((format!("c{value}"), "feedback360_bad_score"));
                continue;
            }
            match clean_text(text, COMMENT_MAX) {
                Ok(text) => comments.push((*value, text)),
                Err(code) => errors.push((format!("c{value}"), code)),
            }
        }
        comments.sort_by_key(|(v, _)| *v);
        if errors.is_empty() {
            Ok(Answers { scores, comments })
        } else {
            Err(errors)
        }
    }
}

/// One stored response as the report sees it: its group and scores, nothing about its author.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResponseRow {
    pub group: RaterGroup,
    pub scores: Vec<(u16, Score)>,
}

/// A column of a report: a group shown on its own, or the pooled small anonymous groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Column {
    Group(RaterGroup),
    Others,
}

/// A mean with the number of answers behind it; `None` when a threshold hides it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub mean: Option<f32>,
    pub answers: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColumnSummary {
    pub column: Column,
    pub responses: u32,
    /// Per core value, in value order.
    pub values: Vec<(CoreValue, Cell)>,
    /// Per statement, in statement order.
    pub items: Vec<(u16, Cell)>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub columns: Vec<ColumnSummary>,
    /// Responses in no column (their group and the pool both stayed under the threshold).
    pub withheld: u32,
}

impl Summary {
    /// The groups whose answers a report may show (comments included).
    pub fn shown_groups(&self, all: &[RaterGroup]) -> Vec<RaterGroup> {
        all.iter()
            .copied()
            .filter(|g| self.column_of(*g).is_some())
            .collect()
    }

    /// The column a group's answers ended up in, if any.
    pub fn column_of(&self, group: RaterGroup) -> Option<Column> {
        let own = Column::Group(group);
        if self.columns.iter().any(|c| c.column == own) {
            return Some(own);
        }
        let pooled = group.is_anonymous() && !self.columns.iter().any(|c| c.column == own);
        (pooled && self.columns.iter().any(|c| c.column == Column::Others))
            .then_some(Column::Others)
    }
}

/// The report of one ratee (DOMAIN.md §11.4): per column, the mean and count per core value and
/// per statement. Identified groups (superior, self) are shown with any number of answers;
/// an anonymous group needs `k`; anonymous groups under `k` are pooled into "others", shown
/// only if the pool reaches `k`; and any cell of an anonymous column with fewer than `k`
/// answers (statements a rater could not judge) is hidden.
pub fn summarise(responses: &[ResponseRow], items: &[Item], k: u8) -> Summary {
    let k = u32::from(k.max(MIN_ANSWERS_FLOOR));
    let mut columns = Vec::new();
    let mut pool: Vec<&ResponseRow> = Vec::new();
    for group in RaterGroup::iter() {
        let rows: Vec<&ResponseRow> = responses.iter().filter(|r| r.group == group).collect();
        if rows.is_empty() {
            continue;
        }
        let count = u32::try_from(rows.len()).unwrap_or(u32::MAX);
        if !group.is_anonymous() {
            columns.push(column(Column::Group(group), &rows, items, 1));
        } else if count >= k {
            columns.push(column(Column::Group(group), &rows, items, k));
        } else {
            pool.extend(rows);
        }
    }
    let pooled = u32::try_from(pool.len()).unwrap_or(u32::MAX);
    let withheld = if pool.is_empty() {
        0
    } else if pooled >= k {
        columns.push(column(Column::Others, &pool, items, k));
        0
    } else {
        pooled
    };
    Summary { columns, withheld }
}

fn column(name: Column, rows: &[&ResponseRow], items: &[Item], k: u32) -> ColumnSummary {
    let score_of = |row: &ResponseRow, number: u16| {
        row.scores
            .iter()
            .find(|(n, _)| *n == number)
            .and_then(|(_, s)| *s)
    };
    let cell = |scores: Vec<u8>, answers: u32| Cell {
        mean: (answers >= k && !scores.is_empty()).then(|| {
            let sum: u32 = scores.iter().map(|&s| u32::from(s)).sum();
            sum as f32 / scores.len() as f32
        }),
        answers,
    };
    let mut numbers: Vec<u16> = items.iter().map(|i| i.number).collect();
    numbers.sort_unstable();
    let item_cells = numbers
        .iter()
        .filter_map(|&number| {
            let scores: Vec<u8> = rows.iter().filter_map(|r| score_of(r, number)).collect();
            let asked = rows
                .iter()
                .any(|r| r.scores.iter().any(|(n, _)| *n == number));
            asked.then(|| {
                let answers = u32::try_from(scores.len()).unwrap_or(u32::MAX);
                (number, cell(scores, answers))
            })
        })
        .collect();
    let values = CoreValue::iter()
        .map(|value| {
            let of_value: Vec<u16> = items
                .iter()
                .filter(|i| i.value == value)
                .map(|i| i.number)
                .collect();
            let mut scores = Vec::new();
            // A value's cell counts the people who judged it, not the statements.
            let mut people = 0u32;
            for row in rows {
                let own: Vec<u8> = of_value.iter().filter_map(|&n| score_of(row, n)).collect();
                if !own.is_empty() {
                    people += 1;
                    scores.extend(own);
                }
            }
            (value, cell(scores, people))
        })
        .collect();
    ColumnSummary {
        column: name,
        responses: u32::try_from(rows.len()).unwrap_or(u32::MAX),
        values,
        items: item_cells,
    }
}

/// A comment as stored: its group and core value, no author.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentRow {
    pub key: i64,
    pub group: RaterGroup,
    pub value: u8,
    pub text: String,
    pub hidden: bool,
}

/// The comments a report shows: from shown columns only, without those an admin hid, in an
/// order that says nothing about who wrote them or when (a stable shuffle seeded per report,
/// so a reload does not reorder them).
pub fn shown_comments(
    comments: &[CommentRow],
    summary: &Summary,
    seed: u64,
) -> Vec<(Column, u8, String)> {
    let mut shown: Vec<(u64, Column, u8, String)> = comments
        .iter()
        .filter(|c| !c.hidden)
        .filter_map(|c| {
            summary
                .column_of(c.group)
                .map(|col| (mix(seed, &c.text, c.key), col, c.value, c.text.clone()))
        })
        .collect();
    shown.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.3.cmp(&b.3)));
    shown
        .into_iter()
        .map(|(_, col, v, t)| (col, v, t))
        .collect()
}

/// FNV-1a over the seed, the key and the text: enough to scatter, not meant to be secret.
fn mix(seed: u64, text: &str, key: i64) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64 ^ seed;
    for byte in key.to_le_bytes().iter().chain(text.as_bytes()) {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A statement's number and its mean.
pub type StatementMean = (u16, f32);

/// The statements with the highest and the lowest mean among everyone but the employee
/// (`count` each), from shown cells only. Ties keep statement order.
pub fn extremes(summary: &Summary, count: usize) -> (Vec<StatementMean>, Vec<StatementMean>) {
    let mut sums: Vec<(u16, f32, u32)> = Vec::new();
    for column in summary
        .columns
        .iter()
        .filter(|c| c.column != Column::Group(RaterGroup::Oneself))
    {
        for (number, cell) in &column.items {
            if let Some(mean) = cell.mean {
                match sums.iter_mut().find(|(n, _, _)| n == number) {
                    Some(entry) => {
                        entry.1 += mean * cell.answers as f32;
                        entry.2 += cell.answers;
                    }
                    None => sums.push((*number, mean * cell.answers as f32, cell.answers)),
                }
            }
        }
    }
    let mut means: Vec<(u16, f32)> = sums
        .into_iter()
        .map(|(n, sum, answers)| (n, sum / answers as f32))
        .collect();
    means.sort_by_key(|(n, _)| *n);
    let mut high = means.clone();
    high.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut low = means;
    low.sort_by(|a, b| a.1.total_cmp(&b.1));
    high.truncate(count);
    low.truncate(count);
    (high, low)
}

/// The core values others rated lowest, weakest first: candidates for a training need. Only
/// values below the scale's middle count; none when nobody but the employee is shown.
pub fn training_candidates(summary: &Summary) -> Vec<CoreValue> {
    let middle = f32::from(SCALE_MAX + 1) / 2.0;
    let mut means: Vec<(CoreValue, f32)> = CoreValue::iter()
        .filter_map(|value| {
            let (sum, answers) = summary
                .columns
                .iter()
                .filter(|c| c.column != Column::Group(RaterGroup::Oneself))
                .filter_map(|c| c.values.iter().find(|(v, _)| *v == value))
                .filter_map(|(_, cell)| cell.mean.map(|m| (m * cell.answers as f32, cell.answers)))
                .fold((0.0, 0), |(s, a), (m, n)| (s + m, a + n));
            (answers > 0).then(|| (value, sum / answers as f32))
        })
        .filter(|(_, mean)| *mean < middle)
        .collect();
    means.sort_by(|a, b| a.1.total_cmp(&b.1));
    means.into_iter().map(|(v, _)| v).collect()
}

/// Whether a unit report may be shown: enough rated people that no one stands out.
pub fn unit_report_allowed(rated_people: usize) -> bool {
    rated_people >= UNIT_MIN_PEOPLE
}

/// A unit's summary for its head: how many of its people others rated, and the pooled report
/// once they are enough.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitSummary {
    pub rated_people: usize,
    /// `None` under [`UNIT_MIN_PEOPLE`].
    pub summary: Option<Summary>,
}

/// A unit's summary for its head (DOMAIN.md §11.6): the answers about every person of the unit
/// whom someone other than themselves rated, pooled, then [`summarise`]d under the same `k`
/// rule. Shown only when at least [`UNIT_MIN_PEOPLE`] such people are in it.
pub fn unit_summary(people: &[Vec<ResponseRow>], items: &[Item], k: u8) -> UnitSummary {
    let rated: Vec<&Vec<ResponseRow>> = people
        .iter()
        .filter(|rows| rows.iter().any(|r| r.group != RaterGroup::Oneself))
        .collect();
    let summary = unit_report_allowed(rated.len()).then(|| {
        let pooled: Vec<ResponseRow> = rated.iter().copied().flatten().cloned().collect();
        summarise(&pooled, items, k)
    });
    UnitSummary {
        rated_people: rated.len(),
        summary,
    }
}

/// Answered share in whole percent (rounded down); `None` with nobody invited.
pub fn response_rate(submitted: u32, invited: u32) -> Option<u32> {
    (invited > 0).then(|| submitted.min(invited) * 100 / invited)
}

/// How a completion figure reads on the dashboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RateFlag {
    /// At or above the 75 % target.
    OnTarget,
    Below,
    /// Under 60 %: needs chasing.
    Low,
}

pub fn rate_flag(percent: u32) -> RateFlag {
    if percent >= TARGET_RATE_PERCENT {
        RateFlag::OnTarget
    } else if percent >= FLAG_RATE_PERCENT {
        RateFlag::Below
    } else {
        RateFlag::Low
    }
}

/// Whether a rater who has not answered gets a reminder today: from
/// [`REMINDER_DAYS_BEFORE_CLOSE`] days before the close to the close, and never within
/// [`REMINDER_MIN_GAP_DAYS`] of the previous one.
pub fn reminder_due(window: Window, today: NaiveDate, last_reminded: Option<NaiveDate>) -> bool {
    let days_left = (window.closes_on - today).num_days();
    let in_range =
        window.accepts_on(today) && (0..=REMINDER_DAYS_BEFORE_CLOSE).contains(&days_left);
    let rested =
        last_reminded.is_none_or(|last| (today - last).num_days() >= REMINDER_MIN_GAP_DAYS);
    in_range && rested
}

/// Who a public link collects answers about: one employee (a nurse, a counter clerk) or a
/// service unit as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LinkTarget {
    Employee(EmployeeId),
    Unit(UnitId),
}

impl LinkTarget {
    /// As a form's option value: `e<id>` or `u<id>`.
    pub fn form_value(self) -> String {
        match self {
            Self::Employee(id) => format!("e{id}"),
            Self::Unit(id) => format!("u{id}"),
        }
    }

    /// The inverse of [`Self::form_value`]; anything else is `None`.
    pub fn parse(input: &str) -> Option<Self> {
        let input = input.trim();
        let (kind, id) = input.split_at_checked(1)?;
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        match kind {
            "e" => id.parse().ok().map(Self::Employee),
            "u" => id.parse().ok().map(Self::Unit),
            _ => None,
        }
    }
}

/// Whether a public answer is taken, given how many answers its link and its network address
/// have given in this hour, this one counted. The per-address limit stops one person filling a
/// poster's form again and again from another browser; the per-link limit caps a flood from
/// many addresses.
pub fn check_public_rate(link_this_hour: u32, address_this_hour: u32) -> Result<(), &'static str> {
    if address_this_hour > PUBLIC_ANSWERS_PER_ADDRESS_PER_HOUR {
        Err("feedback360_address_busy")
    } else if link_this_hour > PUBLIC_ANSWERS_PER_LINK_PER_HOUR {
        Err("feedback360_link_busy")
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn official_items() -> Vec<Item> {
        (1..=OFFICIAL_ITEMS)
            .map(|number| Item {
                number,
                value: CoreValue::from_number(((number - 1) % 7 + 1) as u8).unwrap(),
                audience: if number <= 21 {
                    Audience::Internal
                } else {
                    Audience::External
                },
                text_id: format!("Butir {number}"),
                text_en: format!("Item {number}"),
            })
            .collect()
    }

    fn own(text: &str) -> ItemDraft {
        ItemDraft {
            value: "3".into(),
            audience: "internal".into(),
            text_id: text.into(),
            text_en: text.into(),
        }
    }

    #[test]
    fn an_agency_adds_its_own_statements_after_the_official_ones_up_to_the_limit() {
        let mut items = official_items();
        for n in 0..MAX_OWN_ITEMS {
            items = add_item(&items, 0, &own(&format!("Tepat waktu {n}"))).unwrap();
            let last = items.last().unwrap();
            assert_eq!(last.number, OFFICIAL_ITEMS + 1 + n as u16);
            assert!(is_own_item(last.number));
            assert_eq!(last.value, CoreValue::from_number(3).unwrap());
        }
        assert_eq!(
            add_item(&items, 0, &own("Satu lagi")),
            Err(vec![("form", "feedback360_items_full")])
        );
        // Numbers are never reused: a removed statement's number stays with its answers, even
        // the last one's.
        let last = OFFICIAL_ITEMS + MAX_OWN_ITEMS as u16;
        let fewer = remove_item(&items, last).unwrap();
        let again = add_item(&fewer, last, &own("Baru")).unwrap();
        assert_eq!(again.last().unwrap().number, last + 1);
        let middle = remove_item(&items, OFFICIAL_ITEMS + 3).unwrap();
        let again = add_item(&middle, last, &own("Baru")).unwrap();
        assert_eq!(again.last().unwrap().number, last + 1);
    }

    #[test]
    fn a_statement_with_missing_or_wrong_parts_is_refused_field_by_field() {
        let items = official_items();
        let bad = ItemDraft {
            value: "8".into(),
            audience: "everyone".into(),
            text_id: "   ".into(),
            text_en: "x".repeat(ITEM_TEXT_MAX + 1),
        };
        let errors = add_item(&items, 0, &bad).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["value", "audience", "text_id", "text_en"]);
        assert_eq!(
            add_item(&items, 0, &own("Cermat")).unwrap().len(),
            items.len() + 1
        );
    }

    #[test]
    fn only_an_agency_s_own_statements_can_be_removed() {
        let items = add_item(&official_items(), 0, &own("Cermat")).unwrap();
        for number in 1..=OFFICIAL_ITEMS {
            assert!(!is_own_item(number));
            assert_eq!(
                remove_item(&items, number),
                Err("feedback360_item_official")
            );
        }
        assert_eq!(
            remove_item(&items, OFFICIAL_ITEMS + 2),
            Err("feedback360_item_unknown")
        );
        assert_eq!(
            remove_item(&items, OFFICIAL_ITEMS + 1).unwrap(),
            official_items()
        );
    }
    use crate::vocabulary::{assert_round_trips, assert_serde_spelling};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn items() -> Vec<Item> {
        CoreValue::iter()
            .flat_map(|value| {
                value.guidance_numbers().map(|n| Item {
                    number: u16::from(n),
                    value,
                    audience: Audience::Internal,
                    text_id: format!("p{n}"),
                    text_en: format!("s{n}"),
                })
            })
            .collect()
    }

    fn row(group: RaterGroup, score: Score) -> ResponseRow {
        ResponseRow {
            group,
            scores: (1..=21).map(|n| (n, score)).collect(),
        }
    }

    fn draft() -> CycleDraft {
        CycleDraft {
            title: "  360 Semester I ".into(),
            opens_on: "2026-08-03".into(),
            closes_on: "2026-08-17".into(),
            min_answers: "3".into(),
            min_peers: "3".into(),
            max_peers: "6".into(),
            groups: vec![RaterGroup::Peer, RaterGroup::Superior, RaterGroup::Peer],
        }
    }

    #[test]
    fn spellings_round_trip() {
        assert_round_trips(RaterGroup::as_str);
        assert_round_trips(Audience::as_str);
        assert_round_trips(CycleState::as_str);
        assert_round_trips(CycleEvent::as_str);
        assert_round_trips(AssignmentState::as_str);
        assert_serde_spelling(RaterGroup::as_str);
        assert_serde_spelling(Audience::as_str);
        assert_serde_spelling(CycleState::as_str);
        assert_serde_spelling(CycleEvent::as_str);
        assert_serde_spelling(AssignmentState::as_str);
        assert_round_trips(NominationState::as_str);
        assert_round_trips(NominationStep::as_str);
        assert_serde_spelling(NominationState::as_str);
        assert_serde_spelling(NominationStep::as_str);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn columns_hold_the_stored_strings() {
        use crate::vocabulary::assert_column_spelling;
        assert_column_spelling(RaterGroup::as_str);
        assert_column_spelling(Audience::as_str);
        assert_column_spelling(CycleState::as_str);
        assert_column_spelling(NominationState::as_str);
        assert_column_spelling(AssignmentState::as_str);
    }

    #[test]
    fn every_state_event_and_party() {
        use CycleEvent as E;
        use CycleParty as P;
        use CycleState as S;
        let allowed = [
            (S::Draft, E::StartNominations, P::Admin, S::Nominating),
            (S::Draft, E::Open, P::Admin, S::Open),
            (S::Nominating, E::Open, P::Admin, S::Open),
            (S::Open, E::Extend, P::Admin, S::Open),
            (S::Open, E::Close, P::Admin, S::Closed),
            (S::Open, E::Close, P::System, S::Closed),
            (S::Closed, E::Release, P::Admin, S::Released),
            (S::Released, E::Archive, P::Admin, S::Archived),
        ];
        let mut checked = 0;
        for state in S::iter() {
            for event in E::iter() {
                for party in P::iter() {
                    let expected = allowed
                        .iter()
                        .find(|(s, e, p, _)| (*s, *e, *p) == (state, event, party))
                        .map(|(_, _, _, to)| *to);
                    assert_eq!(
                        transition(state, event, party),
                        expected,
                        "{state:?} {event:?} {party:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 6 * 6 * 2);
        assert_eq!(
            available_events(S::Open, P::Admin),
            vec![E::Extend, E::Close]
        );
        assert!(available_events(S::Archived, P::Admin).is_empty());
    }

    #[test]
    fn every_nomination_step_in_every_state() {
        use NominationParty as P;
        use NominationState as N;
        use NominationStep as E;
        let allowed = [
            (N::Pending, E::Save, P::Employee, N::Pending),
            (N::Pending, E::Submit, P::Employee, N::Submitted),
            (N::Pending, E::Approve, P::Appraiser, N::Approved),
            (N::Submitted, E::Approve, P::Appraiser, N::Approved),
            (N::Approved, E::Approve, P::Appraiser, N::Approved),
        ];
        let mut checked = 0;
        for cycle in CycleState::iter() {
            for state in N::iter() {
                for step in E::iter() {
                    for party in P::iter() {
                        let expected = (cycle == CycleState::Nominating)
                            .then(|| {
                                allowed
                                    .iter()
                                    .find(|(s, e, p, _)| (*s, *e, *p) == (state, step, party))
                                    .map(|(_, _, _, to)| *to)
                            })
                            .flatten();
                        assert_eq!(
                            nomination_step(cycle, state, step, party),
                            expected,
                            "{cycle:?} {state:?} {step:?} {party:?}"
                        );
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 6 * 3 * 3 * 2);
    }

    #[test]
    fn a_unit_summary_needs_five_people_rated_by_others() {
        let items = items();
        // Four people with a superior's and a peer's answer each, one with only their own.
        let mut people: Vec<Vec<ResponseRow>> = (0..4)
            .map(|_| {
                vec![
                    row(RaterGroup::Superior, Some(4)),
                    row(RaterGroup::Peer, Some(2)),
                ]
            })
            .collect();
        people.push(vec![row(RaterGroup::Oneself, Some(5))]);
        let too_few = unit_summary(&people, &items, 3);
        assert_eq!((too_few.rated_people, too_few.summary), (4, None));
        // A fifth person rated by others opens it; the self-rated-only person stays out.
        people.push(vec![row(RaterGroup::Peer, Some(2))]);
        let unit = unit_summary(&people, &items, 3);
        assert_eq!(unit.rated_people, 5);
        let summary = unit.summary.expect("five people");
        let peers = summary
            .columns
            .iter()
            .find(|c| c.column == Column::Group(RaterGroup::Peer))
            .expect("five peer answers pass k");
        assert_eq!(peers.responses, 5);
        assert_eq!(peers.values[0].1.mean, Some(2.0));
        assert!(
            summary
                .columns
                .iter()
                .all(|c| c.column != Column::Group(RaterGroup::Oneself))
        );
        // Superiors' 4 and peers' 2, weighted by answers: every value under the middle.
        assert_eq!(training_candidates(&summary).len(), 7);
    }

    #[test]
    fn nominations_are_due_the_day_before_the_answers() {
        let window = Window {
            opens_on: day(8, 20),
            closes_on: day(9, 3),
        };
        assert_eq!(window.nominations_due(), day(8, 19));
    }

    #[test]
    fn a_saved_nomination_may_be_short_but_never_too_long() {
        let settings = draft().clean(day(8, 1)).unwrap();
        let me = EmployeeId(1);
        let two = [EmployeeId(2), EmployeeId(3)];
        assert!(usize::from(settings.min_peers) > two.len());
        assert_eq!(
            check_nomination_step(me, &two, &settings, NominationStep::Save),
            Ok(())
        );
        for step in [NominationStep::Submit, NominationStep::Approve] {
            assert_eq!(
                check_nomination_step(me, &two, &settings, step),
                Err("feedback360_nominees_below_min")
            );
        }
        let many: Vec<EmployeeId> = (2..=40).map(EmployeeId).collect();
        for step in NominationStep::iter() {
            assert_eq!(
                check_nomination_step(me, &many, &settings, step),
                Err("feedback360_nominees_above_max")
            );
            assert_eq!(
                check_nomination_step(me, &[me], &settings, step),
                Err("feedback360_nominate_self")
            );
        }
    }

    #[test]
    fn a_closed_cycle_takes_nothing() {
        for state in CycleState::iter() {
            if state.is_closed() {
                assert!(
                    !state.accepts_answers()
                        && !state.accepts_nominations()
                        && !state.is_editable()
                );
            }
        }
        assert!(CycleState::Open.accepts_answers());
        assert!(!CycleState::Nominating.accepts_answers());
        assert!(CycleState::Released.shows_results() && !CycleState::Closed.shows_results());
    }

    #[test]
    fn settings_are_cleaned_and_every_error_named() {
        let settings = draft().clean(day(8, 1)).unwrap();
        assert_eq!(settings.title, "360 Semester I");
        assert_eq!(
            settings.groups,
            vec![RaterGroup::Superior, RaterGroup::Peer]
        );
        assert_eq!(settings.min_answers, 3);

        let bad = CycleDraft {
            title: " ".into(),
            opens_on: "2026-08-17".into(),
            closes_on: "2026-08-03".into(),
            min_answers: "1".into(),
            min_peers: "5".into(),
            max_peers: "4".into(),
            groups: vec![RaterGroup::Oneself, RaterGroup::Superior],
        };
        let errors = bad.clean(day(8, 1)).unwrap_err();
        assert_eq!(
            errors,
            vec![
                (CycleField::Title, "required"),
                (CycleField::ClosesOn, "feedback360_window_order"),
                (CycleField::MinAnswers, "feedback360_k_range"),
                (CycleField::MaxPeers, "feedback360_peers_range"),
                (CycleField::Groups, "feedback360_no_anonymous_group"),
            ]
        );
        let mut d = draft();
        d.min_answers = "tiga".into();
        d.groups.clear();
        d.opens_on = "17/13/2026".into();
        assert_eq!(
            d.clean(day(8, 1)).unwrap_err(),
            vec![
                (CycleField::OpensOn, "date_invalid"),
                (CycleField::MinAnswers, "invalid_number"),
                (CycleField::Groups, "feedback360_no_group"),
            ]
        );
        // k may not go below two, nor the peers above the ceiling.
        for (k, ok) in [("2", true), ("10", true), ("11", false), ("0", false)] {
            let mut d = draft();
            d.min_answers = k.into();
            assert_eq!(d.clean(day(8, 1)).is_ok(), ok, "k = {k}");
        }
        let mut d = draft();
        d.max_peers = "16".into();
        assert!(d.clean(day(8, 1)).is_err());
    }

    #[test]
    fn windows_and_extensions() {
        let w = Window {
            opens_on: day(8, 3),
            closes_on: day(8, 17),
        };
        assert_eq!(check_window(w, day(8, 18)), Err("feedback360_window_past"));
        let long = Window {
            opens_on: day(8, 1),
            closes_on: day(10, 2),
        };
        assert_eq!(
            check_window(long, day(8, 1)),
            Err("feedback360_window_long")
        );
        assert!(w.accepts_on(day(8, 3)) && w.accepts_on(day(8, 17)));
        assert!(!w.accepts_on(day(8, 2)) && !w.accepts_on(day(8, 18)));
        assert_eq!(
            check_extension(w, day(8, 17), day(8, 10)),
            Err("feedback360_extend_earlier")
        );
        assert_eq!(
            check_extension(w, day(8, 24), day(8, 10))
                .unwrap()
                .closes_on,
            day(8, 24)
        );
    }

    #[test]
    fn nominations_respect_the_range() {
        let settings = draft().clean(day(8, 1)).unwrap();
        let me = EmployeeId(1);
        let peers = |ids: &[i64]| ids.iter().map(|&i| EmployeeId(i)).collect::<Vec<_>>();
        assert_eq!(check_nominations(me, &peers(&[2, 3, 4]), &settings), Ok(()));
        assert_eq!(
            check_nominations(me, &peers(&[1, 3, 4]), &settings),
            Err("feedback360_nominate_self")
        );
        assert_eq!(
            check_nominations(me, &peers(&[2, 2, 4]), &settings),
            Err("feedback360_nominate_twice")
        );
        assert_eq!(
            check_nominations(me, &peers(&[2, 3]), &settings),
            Err("feedback360_nominees_below_min")
        );
        assert_eq!(
            check_nominations(me, &peers(&[2, 3, 4, 5, 6, 7, 8]), &settings),
            Err("feedback360_nominees_above_max")
        );
    }

    #[test]
    fn answers_cover_every_statement_of_the_audience() {
        let mut items = items();
        items.push(Item {
            number: 22,
            value: CoreValue::BerorientasiPelayanan,
            audience: Audience::External,
            text_id: "Petugas melayani dengan ramah".into(),
            text_en: "Staff served me kindly".into(),
        });
        let mut draft = AnswerDraft {
            scores: (1..=21)
                .map(|n| (n, if n == 5 { "na".into() } else { "4".into() }))
                .collect(),
            comments: vec![(1, "  Sangat membantu  ".into()), (2, "   ".into())],
        };
        let answers = draft.clean(&items, Audience::Internal).unwrap();
        assert_eq!(answers.scores.len(), 21);
        assert_eq!(answers.scores[4], (5, None));
        assert_eq!(answers.comments, vec![(1, "Sangat membantu".to_owned())]);

        draft.scores.retain(|(n, _)| *n != 7);
        draft.scores.push((8, "4".into()));
        draft.scores.push((22, "5".into()));
        draft.scores.iter_mut().find(|(n, _)| *n == 9).unwrap().1 = "6".into();
        draft.comments.push((9, "x".into()));
        let errors = draft.clean(&items, Audience::Internal).unwrap_err();
        assert_eq!(
            errors,
            vec![
                ("s7".to_owned(), "feedback360_unanswered"),
                ("s8".to_owned(), "feedback360_bad_score"),
                ("s9".to_owned(), "feedback360_bad_score"),
                ("scores".to_owned(), "feedback360_unknown_item"),
                ("comments".to_owned(), "feedback360_unknown_item"),
            ]
        );
        // The public form answers the short statements only.
        let public = AnswerDraft {
            scores: vec![(22, "5".into())],
            comments: vec![],
        };
        assert_eq!(
            public.clean(&items, Audience::External).unwrap().scores,
            vec![(22, Some(5))]
        );
        assert!(public.clean(&items, Audience::Internal).is_err());
    }

    #[test]
    fn anonymous_groups_need_k_answers_and_small_ones_are_pooled() {
        use RaterGroup as G;
        let items = items();
        // 3 peers: shown; 2 subordinates + 1 external: pooled into "others" (3 ≥ k).
        let mut rows = vec![row(G::Superior, Some(4)), row(G::Oneself, Some(5))];
        rows.extend([
            row(G::Peer, Some(3)),
            row(G::Peer, Some(4)),
            row(G::Peer, Some(5)),
        ]);
        rows.extend([row(G::Subordinate, Some(2)), row(G::Subordinate, Some(2))]);
        rows.push(row(G::External, Some(5)));
        let summary = summarise(&rows, &items, 3);
        let names: Vec<Column> = summary.columns.iter().map(|c| c.column).collect();
        assert_eq!(
            names,
            vec![
                Column::Group(G::Superior),
                Column::Group(G::Oneself),
                Column::Group(G::Peer),
                Column::Others
            ]
        );
        assert_eq!(summary.withheld, 0);
        let peers = &summary.columns[2];
        assert_eq!(
            peers.values[0].1,
            Cell {
                mean: Some(4.0),
                answers: 3
            }
        );
        let others = &summary.columns[3];
        assert_eq!(others.responses, 3);
        assert_eq!(others.values[0].1.mean, Some(3.0));
        assert_eq!(summary.column_of(G::Subordinate), Some(Column::Others));
        assert_eq!(summary.column_of(G::Peer), Some(Column::Group(G::Peer)));

        // Two subordinates alone: neither a column nor in a pool that reaches k.
        let rows = vec![
            row(G::Peer, Some(3)),
            row(G::Peer, Some(4)),
            row(G::Peer, Some(5)),
            row(G::Subordinate, Some(1)),
            row(G::Subordinate, Some(1)),
        ];
        let summary = summarise(&rows, &items, 3);
        assert_eq!(summary.columns.len(), 1);
        assert_eq!(summary.withheld, 2);
        assert_eq!(summary.column_of(G::Subordinate), None);
        // Nothing shown anywhere moved because of them.
        assert_eq!(summary.columns[0].values[0].1.mean, Some(4.0));
    }

    #[test]
    fn a_cell_most_raters_could_not_judge_is_hidden() {
        use RaterGroup as G;
        let items = items();
        let mut rows = vec![
            row(G::Peer, Some(4)),
            row(G::Peer, Some(4)),
            row(G::Peer, Some(4)),
        ];
        // Two of three could not judge statement 13 (Loyal): one answer would show alone.
        for r in rows.iter_mut().take(2) {
            r.scores.iter_mut().find(|(n, _)| *n == 13).unwrap().1 = None;
        }
        rows[2].scores.iter_mut().find(|(n, _)| *n == 13).unwrap().1 = Some(1);
        let summary = summarise(&rows, &items, 3);
        let peers = &summary.columns[0];
        let cell = peers.items.iter().find(|(n, _)| *n == 13).unwrap().1;
        assert_eq!(
            cell,
            Cell {
                mean: None,
                answers: 1
            }
        );
        // The value still has three people judging it (statements 14 and 15).
        let loyal = peers
            .values
            .iter()
            .find(|(v, _)| *v == CoreValue::Loyal)
            .unwrap()
            .1;
        assert_eq!(loyal.answers, 3);
        // k = 2 is never lowered further, and identified groups show with one answer.
        let single = summarise(&[row(G::Superior, Some(2))], &items, 0);
        assert_eq!(single.columns[0].values[0].1.mean, Some(2.0));
        let lone_peer = summarise(&[row(G::Peer, Some(2))], &items, 0);
        assert!(lone_peer.columns.is_empty());
        assert_eq!(lone_peer.withheld, 1);
    }

    #[test]
    fn comments_follow_the_columns_and_hide_their_order() {
        use RaterGroup as G;
        let items = items();
        let rows = vec![
            row(G::Peer, Some(3)),
            row(G::Peer, Some(4)),
            row(G::Peer, Some(5)),
            row(G::Subordinate, Some(1)),
        ];
        let summary = summarise(&rows, &items, 3);
        let comment = |key, group, text: &str, hidden| CommentRow {
            key,
            group,
            value: 1,
            text: text.into(),
            hidden,
        };
        let comments = vec![
            comment(1, G::Peer, "a", false),
            comment(2, G::Peer, "b", false),
            comment(3, G::Peer, "kasar", true),
            comment(4, G::Subordinate, "sendiri", false),
            comment(5, G::Peer, "c", false),
        ];
        let shown = shown_comments(&comments, &summary, 42);
        let mut texts: Vec<&str> = shown.iter().map(|(_, _, t)| t.as_str()).collect();
        assert_eq!(
            shown_comments(&comments, &summary, 42),
            shown,
            "stable per seed"
        );
        texts.sort_unstable();
        assert_eq!(texts, vec!["a", "b", "c"]);
        // Over many seeds the order is not the order of storage.
        let reordered = (0..20u64).any(|seed| {
            let order: Vec<String> = shown_comments(&comments, &summary, seed)
                .into_iter()
                .map(|(_, _, t)| t)
                .collect();
            order != ["a", "b", "c"]
        });
        assert!(reordered);
    }

    #[test]
    fn extremes_and_training_candidates_come_from_others() {
        use RaterGroup as G;
        let items = items();
        let mut low = row(G::Peer, Some(4));
        for (n, s) in low.scores.iter_mut() {
            if (16..=18).contains(n) {
                *s = Some(1);
            }
            if *n == 2 {
                *s = Some(5);
            }
        }
        let rows = vec![low.clone(), low.clone(), low, row(G::Oneself, Some(5))];
        let summary = summarise(&rows, &items, 3);
        let (high, lowest) = extremes(&summary, 3);
        assert_eq!(high[0], (2, 5.0));
        assert_eq!(
            lowest.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
            vec![16, 17, 18]
        );
        assert_eq!(training_candidates(&summary), vec![CoreValue::Adaptif]);
        // The employee's own view never makes a candidate.
        let me_only = summarise(&[row(G::Oneself, Some(1))], &items, 3);
        assert!(training_candidates(&me_only).is_empty());
    }

    #[test]
    fn rates_units_and_reminders() {
        assert_eq!(response_rate(3, 4), Some(75));
        assert_eq!(response_rate(0, 0), None);
        assert_eq!(rate_flag(75), RateFlag::OnTarget);
        assert_eq!(rate_flag(74), RateFlag::Below);
        assert_eq!(rate_flag(59), RateFlag::Low);
        assert!(!unit_report_allowed(4) && unit_report_allowed(5));
        let w = Window {
            opens_on: day(8, 3),
            closes_on: day(8, 17),
        };
        assert!(!reminder_due(w, day(8, 13), None));
        assert!(reminder_due(w, day(8, 14), None));
        assert!(reminder_due(w, day(8, 17), None));
        assert!(!reminder_due(w, day(8, 18), None));
        assert!(!reminder_due(w, day(8, 15), Some(day(8, 14))));
        assert!(!reminder_due(w, day(8, 14), Some(day(8, 10))));
        assert!(reminder_due(w, day(8, 15), Some(day(8, 10))));
    }

    #[test]
    fn link_targets_round_trip_and_refuse_the_rest() {
        for target in [
            LinkTarget::Employee(EmployeeId(12)),
            LinkTarget::Unit(UnitId(3)),
        ] {
            assert_eq!(LinkTarget::parse(&target.form_value()), Some(target));
        }
        assert_eq!(
            LinkTarget::parse(" e7 "),
            Some(LinkTarget::Employee(EmployeeId(7)))
        );
        for bad in [
            "",
            "e",
            "u",
            "x5",
            "e-5",
            "e+5",
            "e5a",
            "5",
            "é5",
            "e 5",
            "e0",
            "u99999999999999999999",
        ] {
            assert_eq!(LinkTarget::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn public_answers_are_limited_per_address_then_per_link() {
        assert_eq!(check_public_rate(1, 1), Ok(()));
        assert_eq!(
            check_public_rate(
                PUBLIC_ANSWERS_PER_LINK_PER_HOUR,
                PUBLIC_ANSWERS_PER_ADDRESS_PER_HOUR
            ),
            Ok(())
        );
        assert_eq!(
            check_public_rate(1, PUBLIC_ANSWERS_PER_ADDRESS_PER_HOUR + 1),
            Err("feedback360_address_busy")
        );
        assert_eq!(
            check_public_rate(PUBLIC_ANSWERS_PER_LINK_PER_HOUR + 1, 1),
            Err("feedback360_link_busy")
        );
        // Both over: the address is named, the one the person can do something about.
        assert_eq!(
            check_public_rate(u32::MAX, u32::MAX),
            Err("feedback360_address_busy")
        );
    }
}
