//! The SKP (*Sasaran Kinerja Pegawai*): its stored vocabularies, the life cycle of DOMAIN.md §11.2,
//! what must be filled in before it can be submitted (§11.3), and the per-field cleaning the server
//! applies when a row is saved.

use crate::employee::PositionKind;
use crate::ids::{EmployeeId, IndicatorId, ResultId};
use crate::text::clean_line;
use crate::vocabulary::{IntoEnumIterator, from_str_via_as_str};
use serde::{Deserialize, Serialize};
use strum::EnumIter;

pub const RESULT_TEXT_MAX: usize = 1000;
pub const INDICATOR_TEXT_MAX: usize = 1000;
pub const NOTE_MAX: usize = 2000;
pub const ATTACHMENT_TEXT_MAX: usize = 1000;
pub const UNIT_MAX: usize = 50;
/// Rows a plan may hold. An SKP usually has three to ten RHK with one to three indicators
/// each; the limits leave ample room while keeping the page and its print view a readable size
/// (200 rows made a 1.27 MB page).
pub const MAX_RESULTS: usize = 30;
pub const MAX_INDICATORS_PER_RESULT: usize = 10;
pub const MAX_ATTACHMENT_ITEMS_PER_KIND: usize = 20;

from_str_via_as_str!(
    SkpState,
    SkpEvent,
    SkpParty,
    SkpForm,
    Approach,
    ResultGroup,
    Aspect,
    Perspective,
    AttachmentKind,
    CoreValue,
);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum SkpState {
    Draft,
    Submitted,
    Approved,
    /// A change to an approved SKP is being drafted; the approved version stays in force meanwhile.
    RevisionDraft,
    RevisionSubmitted,
    Evaluated,
    Archived,
    Cancelled,
}

impl SkpState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Approved => "approved",
            Self::RevisionDraft => "revision_draft",
            Self::RevisionSubmitted => "revision_submitted",
            Self::Evaluated => "evaluated",
            Self::Archived => "archived",
            Self::Cancelled => "cancelled",
        }
    }

    pub fn owner_may_edit(self) -> bool {
        matches!(self, Self::Draft | Self::RevisionDraft)
    }

    /// The *Ekspektasi Khusus Pimpinan* belong to the planning dialogue, so the appraiser may write
    /// them until the SKP (or its revision) is approved.
    pub fn appraiser_may_write_expectations(self) -> bool {
        matches!(
            self,
            Self::Draft | Self::Submitted | Self::RevisionDraft | Self::RevisionSubmitted
        )
    }

    pub fn awaits_appraiser(self) -> bool {
        matches!(self, Self::Submitted | Self::RevisionSubmitted)
    }

    /// An approved version exists and is in force: realisations can be recorded against it and
    /// subordinates can cascade from it.
    pub fn is_effective(self) -> bool {
        matches!(
            self,
            Self::Approved | Self::RevisionDraft | Self::RevisionSubmitted | Self::Evaluated
        )
    }

    pub fn is_final(self) -> bool {
        matches!(self, Self::Archived | Self::Cancelled)
    }
}

/// A plan (or the lack of one, `None`) still not established after the day of the planning
/// deadline: flagged on the appraiser's list. A revision under way keeps the version in force.
pub fn planning_overdue(
    state: Option<SkpState>,
    deadline: chrono::NaiveDate,
    today: chrono::NaiveDate,
) -> bool {
    today > deadline && !state.is_some_and(|s| s.is_effective() || matches!(s, SkpState::Archived))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum SkpEvent {
    Submit,
    Return,
    /// *Tetapkan*.
    Approve,
    RequestRevision,
    Evaluate,
    Archive,
    Cancel,
}

impl SkpEvent {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Submit => "submit",
            Self::Return => "return",
            Self::Approve => "approve",
            Self::RequestRevision => "request_revision",
            Self::Evaluate => "evaluate",
            Self::Archive => "archive",
            Self::Cancel => "cancel",
        }
    }

    /// These undo someone else's work or agreement, so the other party is owed a written reason.
    pub fn needs_note(self) -> bool {
        matches!(self, Self::Return | Self::RequestRevision | Self::Cancel)
    }
}

/// Who fires an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[serde(rename_all = "snake_case")]
pub enum SkpParty {
    /// The employee whose SKP it is (*pegawai yang dinilai*).
    Owner,
    /// *Pejabat penilai kinerja*.
    Appraiser,
    Admin,
    System,
}

impl SkpParty {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Owner => "owner",
            Self::Appraiser => "appraiser",
            Self::Admin => "admin",
            Self::System => "system",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum SkpForm {
    /// *Jabatan Pimpinan Tinggi*: results come from the unit's *perjanjian kinerja*, by perspective.
    Jpt,
    /// *Jabatan Administrasi / Jabatan Fungsional*: results cascade from the appraiser's.
    JaJf,
}

impl SkpForm {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Jpt => "jpt",
            Self::JaJf => "ja_jf",
        }
    }

    /// The approaches this form may be drafted in: the qualitative approach exists for
    /// administrators and functional positions (PermenPANRB 6/2022), never for JPT.
    pub fn allows(self, approach: Approach) -> bool {
        match (self, approach) {
            (Self::Jpt, Approach::Kualitatif) => false,
            (Self::Jpt, Approach::Kuantitatif) | (Self::JaJf, _) => true,
        }
    }

    pub fn approaches(self) -> Vec<Approach> {
        Approach::iter().filter(|a| self.allows(*a)).collect()
    }

    /// The form a position writes: JPT for *jabatan pimpinan tinggi* and for the head of a *unit
    /// kerja mandiri* (a UPT or puskesmas head leads a unit with its own mandate, so its results
    /// come from the unit's agreement, not from a cascade; PermenPANRB 6/2022, lampiran format
    /// "JPT dan pimpinan unit kerja mandiri"); JA/JF for everyone else.
    pub fn for_position(kind: Option<PositionKind>, heads_independent_unit: bool) -> Self {
        match kind {
            Some(kind) if kind.is_jpt() => Self::Jpt,
            Some(kind) if heads_independent_unit && kind.heads_unit() => Self::Jpt,
            _ => Self::JaJf,
        }
    }
}

/// *Pendekatan*: whether indicators and targets are measured or narrated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum Approach {
    Kuantitatif,
    Kualitatif,
}

impl Approach {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Kuantitatif => "kuantitatif",
            Self::Kualitatif => "kualitatif",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum ResultGroup {
    Utama,
    /// Extra assignments; exempt from the cascade.
    Tambahan,
}

impl ResultGroup {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Utama => "utama",
            Self::Tambahan => "tambahan",
        }
    }
}

/// *Aspek* of a quantitative indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    Kuantitas,
    Kualitas,
    Waktu,
    Biaya,
}

impl Aspect {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Kuantitas => "kuantitas",
            Self::Kualitas => "kualitas",
            Self::Waktu => "waktu",
            Self::Biaya => "biaya",
        }
    }
}

/// *Perspektif* grouping the results of a JPT SKP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum Perspective {
    PenerimaLayanan,
    ProsesBisnis,
    PenguatanInternal,
    Anggaran,
}

impl Perspective {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PenerimaLayanan => "penerima_layanan",
            Self::ProsesBisnis => "proses_bisnis",
            Self::PenguatanInternal => "penguatan_internal",
            Self::Anggaran => "anggaran",
        }
    }
}

/// The three lists of the *Lampiran SKP*.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentKind {
    DukunganSumberDaya,
    SkemaPertanggungjawaban,
    Konsekuensi,
}

impl AttachmentKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::DukunganSumberDaya => "dukungan_sumber_daya",
            Self::SkemaPertanggungjawaban => "skema_pertanggungjawaban",
            Self::Konsekuensi => "konsekuensi",
        }
    }
}

/// The BerAKHLAK core values in their official order (SE MenPANRB 20/2021). Stored by number
/// because the official instrument numbers them, and its 21 *panduan perilaku* follow that order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[serde(rename_all = "snake_case")]
pub enum CoreValue {
    BerorientasiPelayanan,
    Akuntabel,
    Kompeten,
    Harmonis,
    Loyal,
    Adaptif,
    Kolaboratif,
}

impl CoreValue {
    /// Used as a message-key suffix; the database stores `number()`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BerorientasiPelayanan => "berorientasi_pelayanan",
            Self::Akuntabel => "akuntabel",
            Self::Kompeten => "kompeten",
            Self::Harmonis => "harmonis",
            Self::Loyal => "loyal",
            Self::Adaptif => "adaptif",
            Self::Kolaboratif => "kolaboratif",
        }
    }

    /// 1 ..= 7.
    pub fn number(self) -> u8 {
        match self {
            Self::BerorientasiPelayanan => 1,
            Self::Akuntabel => 2,
            Self::Kompeten => 3,
            Self::Harmonis => 4,
            Self::Loyal => 5,
            Self::Adaptif => 6,
            Self::Kolaboratif => 7,
        }
    }

    pub fn from_number(number: u8) -> Option<Self> {
        Self::iter().find(|v| v.number() == number)
    }

    /// Numbers (1 ..= 21) of this value's three *panduan perilaku* in the official instrument.
    pub fn guidance_numbers(self) -> [u8; 3] {
        let last = self.number() * 3;
        [last - 2, last - 1, last]
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum TransitionError {
    #[error("`{}` is not possible from state `{}`", .event.as_str(), .state.as_str())]
    NotFromState { state: SkpState, event: SkpEvent },
    #[error("`{}` may not be done by `{}`", .event.as_str(), .party.as_str())]
    WrongParty { event: SkpEvent, party: SkpParty },
}

impl TransitionError {
    /// Message code for the UI.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotFromState { .. } => "skp_transition_state",
            Self::WrongParty { .. } => "skp_transition_party",
        }
    }
}

const OWNER: &[SkpParty] = &[SkpParty::Owner];
const APPRAISER: &[SkpParty] = &[SkpParty::Appraiser];
const OWNER_OR_APPRAISER: &[SkpParty] = &[SkpParty::Owner, SkpParty::Appraiser];
const SYSTEM: &[SkpParty] = &[SkpParty::System];
const ADMIN: &[SkpParty] = &[SkpParty::Admin];
const ADMIN_OR_SYSTEM: &[SkpParty] = &[SkpParty::Admin, SkpParty::System];

/// The life cycle of DOMAIN.md §11.2 as one table: where `event` leads from `state`, and who may
/// fire it. `None` when the event is impossible from that state.
fn edge(state: SkpState, event: SkpEvent) -> Option<(SkpState, &'static [SkpParty])> {
    use SkpEvent as E;
    use SkpState as S;
    let edge = match (state, event) {
        (S::Draft, E::Submit) => (S::Submitted, OWNER),
        (S::Submitted, E::Return) => (S::Draft, APPRAISER),
        (S::Submitted, E::Approve) => (S::Approved, APPRAISER),
        // Either side may reopen the agreement, e.g. after a reorganisation changes the work.
        (S::Approved, E::RequestRevision) => (S::RevisionDraft, OWNER_OR_APPRAISER),
        (S::RevisionDraft, E::Submit) => (S::RevisionSubmitted, OWNER),
        (S::RevisionSubmitted, E::Return) => (S::RevisionDraft, APPRAISER),
        (S::RevisionSubmitted, E::Approve) => (S::Approved, APPRAISER),
        // Fired when the annual evaluation becomes final, never by hand.
        (S::Approved, E::Evaluate) => (S::Evaluated, SYSTEM),
        // Period close; an SKP that was never evaluated is archived as it stands.
        (S::Approved | S::Evaluated, E::Archive) => (S::Archived, ADMIN_OR_SYSTEM),
        // E.g. a transfer ends the position segment the SKP was written for.
        (
            S::Draft | S::Submitted | S::Approved | S::RevisionDraft | S::RevisionSubmitted,
            E::Cancel,
        ) => (S::Cancelled, ADMIN),
        _ => return None,
    };
    Some(edge)
}

/// Who may fire `event` from `state`; empty when the event is impossible there.
pub fn allowed_parties(state: SkpState, event: SkpEvent) -> &'static [SkpParty] {
    edge(state, event).map_or(&[], |(_, parties)| parties)
}

pub fn transition(
    state: SkpState,
    event: SkpEvent,
    party: SkpParty,
) -> Result<SkpState, TransitionError> {
    let (next, parties) =
        edge(state, event).ok_or(TransitionError::NotFromState { state, event })?;
    if parties.contains(&party) {
        Ok(next)
    } else {
        Err(TransitionError::WrongParty { event, party })
    }
}

/// The events `party` may fire from `state`, in declaration order (for the action buttons).
pub fn available_events(state: SkpState, party: SkpParty) -> Vec<SkpEvent> {
    SkpEvent::iter()
        .filter(|&event| allowed_parties(state, event).contains(&party))
        .collect()
}

/// One person as the SKP document prints them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonCard {
    /// `None` for an official outside the application.
    pub id: Option<EmployeeId>,
    pub name: String,
    pub nip: String,
    pub rank: String,
    pub position: String,
    pub unit: String,
}

/// The document's header (employee, appraiser, the appraiser's superior), stored with the plan
/// and frozen when it is approved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub agency: String,
    pub employee: PersonCard,
    pub appraiser: Option<PersonCard>,
    pub appraiser_superior: Option<PersonCard>,
}

/// One IKI as saved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorDraft {
    pub id: IndicatorId,
    pub aspect: Option<Aspect>,
    pub text: String,
    /// Canonical decimal strings from [`parse_target`].
    pub target_min: Option<String>,
    pub target_max: Option<String>,
    pub target_unit: Option<String>,
}

/// One RHK as saved, with its indicators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultDraft {
    pub id: ResultId,
    pub group: ResultGroup,
    pub text: String,
    /// The appraiser's RHK this one supports (*RHK pimpinan yang diintervensi*).
    pub parent_result_id: Option<ResultId>,
    pub perspective: Option<Perspective>,
    pub indicators: Vec<IndicatorDraft>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkpDraft {
    pub form: SkpForm,
    pub approach: Approach,
    pub results: Vec<ResultDraft>,
}

/// Why an SKP cannot be submitted yet. Rows may be saved incomplete while drafting, so these are
/// only checked on submission.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubmitProblem {
    NoMainResult,
    MissingCascade { result_id: ResultId },
    CascadeNotApproved { result_id: ResultId },
    NoIndicator { result_id: ResultId },
    MissingPerspective { result_id: ResultId },
    MissingAspect { indicator_id: IndicatorId },
    MissingTarget { indicator_id: IndicatorId },
    MissingUnit { indicator_id: IndicatorId },
}

impl SubmitProblem {
    pub fn code(self) -> &'static str {
        match self {
            Self::NoMainResult => "skp_no_main_result",
            Self::MissingCascade { .. } => "skp_missing_cascade",
            Self::CascadeNotApproved { .. } => "skp_cascade_not_approved",
            Self::NoIndicator { .. } => "skp_no_indicator",
            Self::MissingPerspective { .. } => "skp_missing_perspective",
            Self::MissingAspect { .. } => "skp_missing_aspect",
            Self::MissingTarget { .. } => "skp_missing_target",
            Self::MissingUnit { .. } => "skp_missing_unit",
        }
    }

    /// The result row to point at, if the problem is about one.
    pub fn result_id(self) -> Option<ResultId> {
        match self {
            Self::MissingCascade { result_id }
            | Self::CascadeNotApproved { result_id }
            | Self::NoIndicator { result_id }
            | Self::MissingPerspective { result_id } => Some(result_id),
            _ => None,
        }
    }

    /// The indicator row to point at, if the problem is about one.
    pub fn indicator_id(self) -> Option<IndicatorId> {
        match self {
            Self::MissingAspect { indicator_id }
            | Self::MissingTarget { indicator_id }
            | Self::MissingUnit { indicator_id } => Some(indicator_id),
            _ => None,
        }
    }
}

/// Everything that blocks submission (DOMAIN.md §11.3), in row order; empty when the draft may be
/// submitted. `approved_leader_results` are the ids of the RHK in the appraiser's approved SKP of
/// the same period. Texts are not checked: [`clean_text`] already refuses empty ones on save.
pub fn submit_problems(
    draft: &SkpDraft,
    approved_leader_results: &[ResultId],
) -> Vec<SubmitProblem> {
    let mut problems = Vec::new();
    if !draft.results.iter().any(|r| r.group == ResultGroup::Utama) {
        problems.push(SubmitProblem::NoMainResult);
    }
    for result in &draft.results {
        let result_id = result.id;
        // JPT results derive from the unit's *perjanjian kinerja*, and extra assignments come from
        // outside the plan, so only JA/JF main results must cascade.
        if draft.form == SkpForm::JaJf && result.group == ResultGroup::Utama {
            match result.parent_result_id {
                None => problems.push(SubmitProblem::MissingCascade { result_id }),
                Some(parent) if !approved_leader_results.contains(&parent) => {
                    problems.push(SubmitProblem::CascadeNotApproved { result_id });
                }
                Some(_) => {}
            }
        }
        if draft.form == SkpForm::Jpt && result.perspective.is_none() {
            problems.push(SubmitProblem::MissingPerspective { result_id });
        }
        if result.indicators.is_empty() {
            problems.push(SubmitProblem::NoIndicator { result_id });
        }
        // A qualitative indicator narrates measure and target in its text, so nothing else is due.
        if draft.approach == Approach::Kuantitatif {
            for indicator in &result.indicators {
                let indicator_id = indicator.id;
                if indicator.aspect.is_none() {
                    problems.push(SubmitProblem::MissingAspect { indicator_id });
                }
                if is_blank(&indicator.target_min) {
                    problems.push(SubmitProblem::MissingTarget { indicator_id });
                }
                if is_blank(&indicator.target_unit) {
                    problems.push(SubmitProblem::MissingUnit { indicator_id });
                }
            }
        }
    }
    problems
}

fn present(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

fn is_blank(value: &Option<String>) -> bool {
    present(value.as_deref()).is_none()
}

/// Whether a plan holding `results` rows may take one more.
pub fn room_for_result(results: usize) -> Result<(), &'static str> {
    room(results, MAX_RESULTS, "skp_too_many_results")
}

/// Whether a result holding `indicators` may take one more.
pub fn room_for_indicator(indicators: usize) -> Result<(), &'static str> {
    room(
        indicators,
        MAX_INDICATORS_PER_RESULT,
        "skp_too_many_indicators",
    )
}

/// Whether an attachment list (one kind) holding `items` may take one more.
pub fn room_for_attachment(items: usize) -> Result<(), &'static str> {
    room(items, MAX_ATTACHMENT_ITEMS_PER_KIND, "skp_too_many_items")
}

fn room(held: usize, max: usize, code: &'static str) -> Result<(), &'static str> {
    if held < max { Ok(()) } else { Err(code) }
}

/// A target unit ("dokumen", "%"). Optional while drafting; [`submit_problems`] asks for it.
pub fn clean_unit(input: &str) -> Result<Option<String>, &'static str> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        clean_line(input, UNIT_MAX).map(Some)
    }
}

const TARGET_DECIMALS: usize = 4;
const TARGET_SCALE: u64 = 10_000;
const TARGET_MAX_WHOLE: u64 = 1_000_000_000_000;

/// A target as typed: digits with at most one decimal separator, comma (Indonesian) or dot, and up
/// to four decimals. Returns the canonical form stored in the database: dot separator, no leading
/// or trailing zeros ("12,50" → "12.5"). Empty input is no target yet.
///
/// Thousands separators are not accepted: "1.000" and "1,000" are refused (`number_thousands`)
/// because an Indonesian reader means a thousand by the first and one by the second, and an
/// English reader the other way round. "0.125" and "0,125" are unambiguous decimals.
pub fn parse_target(input: &str) -> Result<Option<String>, &'static str> {
    Ok(parse_scaled(input)?.map(canonical_target))
}

/// Both bounds, when given, must not be inverted.
pub fn check_target_range(min: &Option<String>, max: &Option<String>) -> Result<(), &'static str> {
    let min = parse_scaled(min.as_deref().unwrap_or(""))?;
    let max = parse_scaled(max.as_deref().unwrap_or(""))?;
    match (min, max) {
        (Some(min), Some(max)) if max < min => Err("target_range"),
        _ => Ok(()),
    }
}

/// A stored target for display: "12,5 dokumen" with `decimal_comma`, "12.5 dokumen" without, and
/// "10–12 laporan" for a range. Equal bounds show as one value.
pub fn format_target(
    min: Option<&str>,
    max: Option<&str>,
    unit: Option<&str>,
    decimal_comma: bool,
) -> String {
    let number = |v: &str| {
        if decimal_comma {
            v.replace('.', ",")
        } else {
            v.to_owned()
        }
    };
    let value = match (present(min), present(max)) {
        (Some(min), Some(max)) if min != max => format!("{}–{}", number(min), number(max)),
        (Some(value), _) | (None, Some(value)) => number(value),
        (None, None) => return String::new(),
    };
    match present(unit) {
        Some(unit) => format!("{value} {unit}"),
        None => value,
    }
}

/// How much of its target a realisation reaches, in whole percent ("12" against "10" → 120).
/// `None` when the realisation is not a number, the target is zero or missing, or the target is
/// a range: a range has no single figure to measure against.
pub fn achievement_percent(realisation: &str, min: Option<&str>, max: Option<&str>) -> Option<u64> {
    let target = match (present(min), present(max)) {
        (Some(min), Some(max)) if parse_scaled(min).ok()? != parse_scaled(max).ok()? => {
            return None;
        }
        (Some(value), _) | (None, Some(value)) => parse_scaled(value).ok()??,
        (None, None) => return None,
    };
    let reached = parse_scaled(realisation).ok()??;
    if target == 0 {
        return None;
    }
    // Scaled values reach 10^16: the product is taken in u128.
    let percent = (u128::from(reached) * 100 + u128::from(target) / 2) / u128::from(target);
    u64::try_from(percent).ok()
}

/// A target as an integer count of 1/10 000, so bounds compare exactly without floating point.
fn parse_scaled(input: &str) -> Result<Option<u64>, &'static str> {
    const INVALID: &str = "invalid_number";
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    let (whole, fraction) = match input.split_once([',', '.']) {
        Some((_, "")) => return Err(INVALID),
        // Three digits after either separator read as thousands to someone: refuse, don't guess.
        Some((whole, fraction))
            if fraction.len() == 3
                && fraction.bytes().all(|b| b.is_ascii_digit())
                && !whole.trim_start_matches('0').is_empty() =>
        {
            return Err("number_thousands");
        }
        Some((whole, fraction)) => (whole, fraction),
        None => (input, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || !all_digits(whole)
        || !all_digits(fraction)
        || fraction.len() > TARGET_DECIMALS
    {
        return Err(INVALID);
    }
    // Leading zeros are stripped before the length check so that "007" is fine, while a long run
    // of digits is refused before it could overflow.
    let whole = whole.trim_start_matches('0');
    if whole.len() > 13 {
        return Err(INVALID);
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| INVALID)?
    };
    let fraction: u64 = format!("{fraction:0<TARGET_DECIMALS$}")
        .parse()
        .map_err(|_| INVALID)?;
    let scaled = whole * TARGET_SCALE + fraction;
    if scaled > TARGET_MAX_WHOLE * TARGET_SCALE {
        return Err(INVALID);
    }
    Ok(Some(scaled))
}

fn canonical_target(scaled: u64) -> String {
    let whole = scaled / TARGET_SCALE;
    let fraction = scaled % TARGET_SCALE;
    if fraction == 0 {
        whole.to_string()
    } else {
        let digits = format!("{fraction:0TARGET_DECIMALS$}");
        format!("{whole}.{}", digits.trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn realisation_is_measured_against_a_single_target() {
        assert_eq!(achievement_percent("12", Some("10"), Some("10")), Some(120));
        assert_eq!(achievement_percent("7,5", None, Some("10")), Some(75));
        assert_eq!(achievement_percent("1", Some("3"), None), Some(33));
        assert_eq!(achievement_percent("2", Some("3"), None), Some(67));
        assert_eq!(achievement_percent("0", Some("4"), Some("4")), Some(0));
        assert_eq!(
            achievement_percent("11", Some("10"), Some("12")),
            None,
            "a range"
        );
        assert_eq!(achievement_percent("selesai", Some("10"), None), None);
        assert_eq!(achievement_percent("5", Some("0"), None), None);
        assert_eq!(achievement_percent("5", None, None), None);
        assert_eq!(
            achievement_percent("1000000000000", Some("0,0001"), None),
            Some(1_000_000_000_000_000_000)
        );
    }

    #[test]
    fn plans_not_established_by_the_deadline_are_overdue() {
        let deadline = chrono::NaiveDate::from_ymd_opt(2026, 1, 31).unwrap();
        let on_the_day = deadline;
        let after = deadline.succ_opt().unwrap();
        for state in SkpState::iter() {
            assert!(
                !planning_overdue(Some(state), deadline, on_the_day),
                "{state:?}"
            );
            let expected = !(state.is_effective() || state == SkpState::Archived);
            assert_eq!(
                planning_overdue(Some(state), deadline, after),
                expected,
                "{state:?}"
            );
        }
        assert!(planning_overdue(None, deadline, after), "not even started");
        assert!(!planning_overdue(None, deadline, on_the_day));
    }

    #[test]
    fn jpt_heads_and_heads_of_independent_units_write_the_jpt_form() {
        use crate::employee::PositionKind as K;
        for kind in K::iter() {
            for independent in [false, true] {
                let expected = kind.is_jpt() || (independent && kind.heads_unit());
                let form = SkpForm::for_position(Some(kind), independent);
                assert_eq!(
                    form == SkpForm::Jpt,
                    expected,
                    "{kind:?} independent={independent}"
                );
            }
        }
        // A puskesmas head (pengawas or administrator) of an independent unit: JPT; the same
        // position in an ordinary unit, or a functional doctor in the puskesmas: JA/JF.
        assert_eq!(SkpForm::for_position(Some(K::Pengawas), true), SkpForm::Jpt);
        assert_eq!(
            SkpForm::for_position(Some(K::Pengawas), false),
            SkpForm::JaJf
        );
        assert_eq!(
            SkpForm::for_position(Some(K::Fungsional), true),
            SkpForm::JaJf
        );
        assert_eq!(SkpForm::for_position(None, true), SkpForm::JaJf);
    }

    #[test]
    fn jpt_plans_are_quantitative_only() {
        assert_eq!(SkpForm::Jpt.approaches(), vec![Approach::Kuantitatif]);
        assert_eq!(
            SkpForm::JaJf.approaches(),
            vec![Approach::Kuantitatif, Approach::Kualitatif]
        );
        for form in SkpForm::iter() {
            assert!(form.allows(Approach::Kuantitatif), "{form:?}");
        }
    }
    use SkpEvent as E;
    use SkpParty as P;
    use SkpState as S;

    /// Written out independently of `edge` so that a slip in either shows up.
    const ALLOWED: &[(SkpState, SkpEvent, SkpParty, SkpState)] = &[
        (S::Draft, E::Submit, P::Owner, S::Submitted),
        (S::Submitted, E::Return, P::Appraiser, S::Draft),
        (S::Submitted, E::Approve, P::Appraiser, S::Approved),
        (S::Approved, E::RequestRevision, P::Owner, S::RevisionDraft),
        (
            S::Approved,
            E::RequestRevision,
            P::Appraiser,
            S::RevisionDraft,
        ),
        (S::RevisionDraft, E::Submit, P::Owner, S::RevisionSubmitted),
        (
            S::RevisionSubmitted,
            E::Return,
            P::Appraiser,
            S::RevisionDraft,
        ),
        (S::RevisionSubmitted, E::Approve, P::Appraiser, S::Approved),
        (S::Approved, E::Evaluate, P::System, S::Evaluated),
        (S::Approved, E::Archive, P::Admin, S::Archived),
        (S::Approved, E::Archive, P::System, S::Archived),
        (S::Evaluated, E::Archive, P::Admin, S::Archived),
        (S::Evaluated, E::Archive, P::System, S::Archived),
        (S::Draft, E::Cancel, P::Admin, S::Cancelled),
        (S::Submitted, E::Cancel, P::Admin, S::Cancelled),
        (S::Approved, E::Cancel, P::Admin, S::Cancelled),
        (S::RevisionDraft, E::Cancel, P::Admin, S::Cancelled),
        (S::RevisionSubmitted, E::Cancel, P::Admin, S::Cancelled),
    ];

    #[test]
    fn every_state_event_and_party_matches_the_table() {
        let mut allowed_seen = 0;
        for state in SkpState::iter() {
            for event in SkpEvent::iter() {
                let possible = ALLOWED.iter().any(|t| t.0 == state && t.1 == event);
                for party in SkpParty::iter() {
                    let expected = match ALLOWED
                        .iter()
                        .find(|t| t.0 == state && t.1 == event && t.2 == party)
                    {
                        Some(t) => Ok(t.3),
                        None if possible => Err(TransitionError::WrongParty { event, party }),
                        None => Err(TransitionError::NotFromState { state, event }),
                    };
                    let actual = transition(state, event, party);
                    assert_eq!(actual, expected, "{state:?} --{event:?}/{party:?}");
                    allowed_seen += usize::from(actual.is_ok());
                    assert_eq!(
                        allowed_parties(state, event).contains(&party),
                        expected.is_ok()
                    );
                }
            }
        }
        assert_eq!(allowed_seen, ALLOWED.len());
    }

    #[test]
    fn final_states_accept_nothing() {
        for state in SkpState::iter().filter(|s| s.is_final()) {
            for event in SkpEvent::iter() {
                assert!(allowed_parties(state, event).is_empty());
            }
        }
    }

    #[test]
    fn transition_errors_have_codes() {
        let err = transition(S::Archived, E::Submit, P::Owner).unwrap_err();
        assert_eq!(err.code(), "skp_transition_state");
        assert_eq!(
            err.to_string(),
            "`submit` is not possible from state `archived`"
        );
        let err = transition(S::Draft, E::Submit, P::Appraiser).unwrap_err();
        assert_eq!(err.code(), "skp_transition_party");
        assert_eq!(err.to_string(), "`submit` may not be done by `appraiser`");
    }

    #[test]
    fn notes_are_required_when_undoing() {
        let with_note: Vec<_> = SkpEvent::iter().filter(|e| e.needs_note()).collect();
        assert_eq!(with_note, [E::Return, E::RequestRevision, E::Cancel]);
    }

    #[test]
    fn available_events_per_party() {
        assert_eq!(available_events(S::Draft, P::Owner), [E::Submit]);
        assert_eq!(available_events(S::Draft, P::Appraiser), []);
        assert_eq!(
            available_events(S::Submitted, P::Appraiser),
            [E::Return, E::Approve]
        );
        assert_eq!(
            available_events(S::Approved, P::Owner),
            [E::RequestRevision]
        );
        assert_eq!(
            available_events(S::Approved, P::Admin),
            [E::Archive, E::Cancel]
        );
        assert_eq!(
            available_events(S::Approved, P::System),
            [E::Evaluate, E::Archive]
        );
        assert_eq!(
            available_events(S::RevisionSubmitted, P::Appraiser),
            [E::Return, E::Approve]
        );
        assert_eq!(available_events(S::Evaluated, P::Owner), []);
        assert_eq!(available_events(S::Cancelled, P::Admin), []);
    }

    #[test]
    fn state_predicates() {
        let having = |f: fn(SkpState) -> bool| -> Vec<SkpState> {
            SkpState::iter().filter(|&s| f(s)).collect()
        };
        assert_eq!(
            having(SkpState::owner_may_edit),
            [S::Draft, S::RevisionDraft]
        );
        assert_eq!(
            having(SkpState::appraiser_may_write_expectations),
            [
                S::Draft,
                S::Submitted,
                S::RevisionDraft,
                S::RevisionSubmitted
            ]
        );
        assert_eq!(
            having(SkpState::awaits_appraiser),
            [S::Submitted, S::RevisionSubmitted]
        );
        assert_eq!(
            having(SkpState::is_effective),
            [
                S::Approved,
                S::RevisionDraft,
                S::RevisionSubmitted,
                S::Evaluated
            ]
        );
        assert_eq!(having(SkpState::is_final), [S::Archived, S::Cancelled]);
    }

    #[test]
    fn stored_strings_round_trip() {
        use crate::vocabulary::{assert_round_trips, assert_serde_spelling};
        assert_round_trips(SkpState::as_str);
        assert_round_trips(SkpEvent::as_str);
        assert_round_trips(SkpParty::as_str);
        assert_round_trips(SkpForm::as_str);
        assert_round_trips(Approach::as_str);
        assert_round_trips(ResultGroup::as_str);
        assert_round_trips(Aspect::as_str);
        assert_round_trips(Perspective::as_str);
        assert_round_trips(AttachmentKind::as_str);
        assert_round_trips(CoreValue::as_str);
        assert_serde_spelling(SkpState::as_str);
        assert_serde_spelling(SkpEvent::as_str);
        assert_serde_spelling(SkpParty::as_str);
        assert_serde_spelling(SkpForm::as_str);
        assert_serde_spelling(Approach::as_str);
        assert_serde_spelling(ResultGroup::as_str);
        assert_serde_spelling(Aspect::as_str);
        assert_serde_spelling(Perspective::as_str);
        assert_serde_spelling(AttachmentKind::as_str);
        assert_serde_spelling(CoreValue::as_str);
        assert_eq!(SkpState::RevisionSubmitted.as_str(), "revision_submitted");
        assert_eq!(SkpForm::JaJf.as_str(), "ja_jf");
        assert_eq!(
            AttachmentKind::SkemaPertanggungjawaban.as_str(),
            "skema_pertanggungjawaban"
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn columns_hold_the_stored_strings() {
        use crate::vocabulary::assert_column_spelling;
        assert_column_spelling(SkpState::as_str);
        assert_column_spelling(SkpEvent::as_str);
        assert_column_spelling(SkpForm::as_str);
        assert_column_spelling(Approach::as_str);
        assert_column_spelling(ResultGroup::as_str);
        assert_column_spelling(Aspect::as_str);
        assert_column_spelling(Perspective::as_str);
        assert_column_spelling(AttachmentKind::as_str);
    }

    #[test]
    fn core_values_are_numbered_like_the_instrument() {
        for (index, value) in CoreValue::iter().enumerate() {
            let number = u8::try_from(index + 1).unwrap();
            assert_eq!(value.number(), number);
            assert_eq!(CoreValue::from_number(number), Some(value));
        }
        assert_eq!(CoreValue::from_number(0), None);
        assert_eq!(CoreValue::from_number(8), None);
        assert_eq!(
            CoreValue::BerorientasiPelayanan.guidance_numbers(),
            [1, 2, 3]
        );
        assert_eq!(CoreValue::Harmonis.guidance_numbers(), [10, 11, 12]);
        assert_eq!(CoreValue::Kolaboratif.guidance_numbers(), [19, 20, 21]);
        let all: Vec<u8> = CoreValue::iter()
            .flat_map(CoreValue::guidance_numbers)
            .collect();
        assert_eq!(all, (1..=21).collect::<Vec<u8>>());
    }

    fn indicator(id: i64) -> IndicatorDraft {
        IndicatorDraft {
            id: IndicatorId(id),
            aspect: Some(Aspect::Kuantitas),
            text: "Jumlah laporan yang disusun".into(),
            target_min: Some("12".into()),
            target_max: None,
            target_unit: Some("laporan".into()),
        }
    }

    fn result(id: i64, group: ResultGroup, parent: Option<i64>) -> ResultDraft {
        ResultDraft {
            id: ResultId(id),
            group,
            text: "Tersusunnya laporan kinerja".into(),
            parent_result_id: parent.map(ResultId),
            perspective: None,
            indicators: vec![indicator(id * 10)],
        }
    }

    fn ja_jf(approach: Approach, results: Vec<ResultDraft>) -> SkpDraft {
        SkpDraft {
            form: SkpForm::JaJf,
            approach,
            results,
        }
    }

    const LEADER: &[ResultId] = &[ResultId(100), ResultId(101)];

    #[test]
    fn complete_drafts_have_no_problems() {
        let quantitative = ja_jf(
            Approach::Kuantitatif,
            vec![
                result(1, ResultGroup::Utama, Some(100)),
                result(2, ResultGroup::Utama, Some(101)),
                // Extra assignments need no cascade.
                result(3, ResultGroup::Tambahan, None),
            ],
        );
        assert_eq!(submit_problems(&quantitative, LEADER), []);

        let mut qualitative = ja_jf(
            Approach::Kualitatif,
            vec![result(1, ResultGroup::Utama, Some(100))],
        );
        qualitative.results[0].indicators[0] = IndicatorDraft {
            id: IndicatorId(10),
            aspect: None,
            text: "Laporan tersusun tepat waktu dan diterima pimpinan tanpa revisi".into(),
            target_min: None,
            target_max: None,
            target_unit: None,
        };
        assert_eq!(submit_problems(&qualitative, LEADER), []);

        let mut jpt = SkpDraft {
            form: SkpForm::Jpt,
            approach: Approach::Kuantitatif,
            results: vec![
                result(1, ResultGroup::Utama, None),
                result(2, ResultGroup::Utama, None),
                result(3, ResultGroup::Tambahan, None),
            ],
        };
        jpt.results[0].perspective = Some(Perspective::PenerimaLayanan);
        jpt.results[1].perspective = Some(Perspective::Anggaran);
        jpt.results[2].perspective = Some(Perspective::ProsesBisnis);
        // A JPT has no appraiser SKP to cascade from, so none is needed.
        assert_eq!(submit_problems(&jpt, &[]), []);
    }

    #[test]
    fn each_problem_is_reported() {
        let only_extra = ja_jf(
            Approach::Kuantitatif,
            vec![result(3, ResultGroup::Tambahan, None)],
        );
        assert_eq!(
            submit_problems(&only_extra, LEADER),
            [SubmitProblem::NoMainResult]
        );
        assert_eq!(
            submit_problems(&ja_jf(Approach::Kuantitatif, vec![]), LEADER),
            [SubmitProblem::NoMainResult]
        );

        let cascade = ja_jf(
            Approach::Kuantitatif,
            vec![
                result(1, ResultGroup::Utama, None),
                result(2, ResultGroup::Utama, Some(999)),
            ],
        );
        assert_eq!(
            submit_problems(&cascade, LEADER),
            [
                SubmitProblem::MissingCascade {
                    result_id: ResultId(1)
                },
                SubmitProblem::CascadeNotApproved {
                    result_id: ResultId(2)
                },
            ]
        );

        let mut no_indicator = ja_jf(
            Approach::Kuantitatif,
            vec![result(1, ResultGroup::Utama, Some(100))],
        );
        no_indicator.results[0].indicators.clear();
        assert_eq!(
            submit_problems(&no_indicator, LEADER),
            [SubmitProblem::NoIndicator {
                result_id: ResultId(1)
            }]
        );

        let jpt = SkpDraft {
            form: SkpForm::Jpt,
            approach: Approach::Kuantitatif,
            results: vec![result(1, ResultGroup::Utama, None)],
        };
        assert_eq!(
            submit_problems(&jpt, &[]),
            [SubmitProblem::MissingPerspective {
                result_id: ResultId(1)
            }]
        );

        let mut incomplete = ja_jf(
            Approach::Kuantitatif,
            vec![result(1, ResultGroup::Utama, Some(100))],
        );
        incomplete.results[0].indicators = vec![
            IndicatorDraft {
                aspect: None,
                ..indicator(10)
            },
            IndicatorDraft {
                target_min: None,
                target_max: Some("5".into()),
                ..indicator(11)
            },
            IndicatorDraft {
                target_min: Some(" ".into()),
                target_unit: Some("".into()),
                ..indicator(12)
            },
            IndicatorDraft {
                target_unit: None,
                ..indicator(13)
            },
        ];
        assert_eq!(
            submit_problems(&incomplete, LEADER),
            [
                SubmitProblem::MissingAspect {
                    indicator_id: IndicatorId(10)
                },
                SubmitProblem::MissingTarget {
                    indicator_id: IndicatorId(11)
                },
                SubmitProblem::MissingTarget {
                    indicator_id: IndicatorId(12)
                },
                SubmitProblem::MissingUnit {
                    indicator_id: IndicatorId(12)
                },
                SubmitProblem::MissingUnit {
                    indicator_id: IndicatorId(13)
                },
            ]
        );
        // The same rows are fine when the SKP narrates its targets.
        incomplete.approach = Approach::Kualitatif;
        assert_eq!(submit_problems(&incomplete, LEADER), []);
    }

    #[test]
    fn problems_have_codes_and_rows() {
        let cases = [
            (
                SubmitProblem::NoMainResult,
                "skp_no_main_result",
                None,
                None,
            ),
            (
                SubmitProblem::MissingCascade {
                    result_id: ResultId(1),
                },
                "skp_missing_cascade",
                Some(1),
                None,
            ),
            (
                SubmitProblem::CascadeNotApproved {
                    result_id: ResultId(2),
                },
                "skp_cascade_not_approved",
                Some(2),
                None,
            ),
            (
                SubmitProblem::NoIndicator {
                    result_id: ResultId(3),
                },
                "skp_no_indicator",
                Some(3),
                None,
            ),
            (
                SubmitProblem::MissingPerspective {
                    result_id: ResultId(4),
                },
                "skp_missing_perspective",
                Some(4),
                None,
            ),
            (
                SubmitProblem::MissingAspect {
                    indicator_id: IndicatorId(5),
                },
                "skp_missing_aspect",
                None,
                Some(5),
            ),
            (
                SubmitProblem::MissingTarget {
                    indicator_id: IndicatorId(6),
                },
                "skp_missing_target",
                None,
                Some(6),
            ),
            (
                SubmitProblem::MissingUnit {
                    indicator_id: IndicatorId(7),
                },
                "skp_missing_unit",
                None,
                Some(7),
            ),
        ];
        for (problem, code, result_id, indicator_id) in cases {
            assert_eq!(problem.code(), code);
            assert_eq!(problem.result_id(), result_id.map(ResultId));
            assert_eq!(problem.indicator_id(), indicator_id.map(IndicatorId));
        }
    }

    #[test]
    fn targets_parse_to_canonical_decimals() {
        let ok = |input: &str, expected: &str| {
            assert_eq!(parse_target(input), Ok(Some(expected.into())), "{input:?}");
        };
        ok("12", "12");
        ok(" 12 ", "12");
        ok("12,5", "12.5");
        ok("12.5", "12.5");
        ok("12,50", "12.5");
        ok("007", "7");
        ok("3.0", "3");
        ok("0", "0");
        ok("0,25", "0.25");
        ok("00,0001", "0.0001");
        ok("0.125", "0.125");
        ok("0,125", "0.125");
        assert_eq!(parse_target("1.000"), Err("number_thousands"));
        assert_eq!(parse_target("1,000"), Err("number_thousands"));
        assert_eq!(parse_target("12,500"), Err("number_thousands"));
        assert_eq!(parse_target("12.500"), Err("number_thousands"));
        ok("1000000000000", "1000000000000");
        ok("1000000000000,0000", "1000000000000");

        assert_eq!(parse_target(""), Ok(None));
        assert_eq!(parse_target("   "), Ok(None));
        for bad in [
            "-1",
            "+5",
            "1,2,3",
            "1.000,5",
            "1 000",
            "abc",
            "1e3",
            "12.",
            ",5",
            "1.23456",
            "1000000000000.0001",
            "1000000000001",
            "99999999999999999999999999",
            "٣",
        ] {
            assert_eq!(parse_target(bad), Err("invalid_number"), "{bad:?}");
        }
    }

    #[test]
    fn target_ranges() {
        let some = |v: &str| Some(v.to_owned());
        assert_eq!(check_target_range(&some("10"), &some("12")), Ok(()));
        assert_eq!(check_target_range(&some("10"), &some("10")), Ok(()));
        assert_eq!(check_target_range(&some("10"), &None), Ok(()));
        assert_eq!(check_target_range(&None, &some("10")), Ok(()));
        assert_eq!(check_target_range(&some("9.5"), &some("10")), Ok(()));
        // Compared as numbers, not as text.
        assert_eq!(
            check_target_range(&some("10"), &some("9.5")),
            Err("target_range")
        );
        assert_eq!(
            check_target_range(&some("x"), &some("9")),
            Err("invalid_number")
        );
    }

    #[test]
    fn targets_format_for_display() {
        assert_eq!(
            format_target(Some("12.5"), None, Some("dokumen"), true),
            "12,5 dokumen"
        );
        assert_eq!(
            format_target(Some("12.5"), None, Some("dokumen"), false),
            "12.5 dokumen"
        );
        assert_eq!(
            format_target(Some("10"), Some("12"), Some("laporan"), true),
            "10–12 laporan"
        );
        assert_eq!(
            format_target(Some("10"), Some("10"), Some("laporan"), true),
            "10 laporan"
        );
        assert_eq!(format_target(None, Some("0.5"), None, true), "0,5");
        assert_eq!(format_target(Some("90"), None, Some(" "), false), "90");
        assert_eq!(format_target(None, None, Some("laporan"), true), "");
    }

    #[test]
    fn plans_have_room_up_to_their_limits() {
        assert_eq!(room_for_result(0), Ok(()));
        assert_eq!(room_for_result(MAX_RESULTS - 1), Ok(()));
        assert_eq!(room_for_result(MAX_RESULTS), Err("skp_too_many_results"));
        assert_eq!(room_for_indicator(MAX_INDICATORS_PER_RESULT - 1), Ok(()));
        assert_eq!(
            room_for_indicator(MAX_INDICATORS_PER_RESULT),
            Err("skp_too_many_indicators")
        );
        assert_eq!(
            room_for_attachment(MAX_ATTACHMENT_ITEMS_PER_KIND - 1),
            Ok(())
        );
        assert_eq!(
            room_for_attachment(MAX_ATTACHMENT_ITEMS_PER_KIND),
            Err("skp_too_many_items")
        );
    }

    #[test]
    fn units_are_cleaned() {
        assert_eq!(clean_unit("  "), Ok(None));
        assert_eq!(clean_unit(" orang  hari "), Ok(Some("orang hari".into())));
        assert_eq!(clean_unit(&"x".repeat(UNIT_MAX + 1)), Err("too_long"));
    }
}
