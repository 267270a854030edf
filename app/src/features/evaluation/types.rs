//! What the self-assessment pages receive from the server.

use crate::domain::deadline::{DeadlineStatus, SubmissionRefusal};
use crate::domain::evaluation::{EvaluationState, EvidenceKind, SelfRating};
use crate::domain::ids::{EvaluationId, EvidenceId, IndicatorId, ResultId, SkpId};
use crate::domain::segment::Segment;
use crate::domain::skp::{Aspect, ResultGroup};
use crate::features::skp::types::PersonCard;
use serde::{Deserialize, Serialize};

/// One piece of evidence as listed under its indicator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceView {
    pub id: EvidenceId,
    pub kind: EvidenceKind,
    /// The file name, or the link itself.
    pub name: String,
    /// "1,2 MB" for files; empty for links.
    pub size: String,
    /// Where it opens: `/bukti/{id}` for files, the address for links.
    pub url: String,
    /// A photo, shown as a thumbnail.
    pub photo: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorItem {
    pub id: IndicatorId,
    pub text: String,
    /// `None` for a qualitative indicator.
    pub aspect: Option<Aspect>,
    pub target_min: Option<String>,
    pub target_max: Option<String>,
    pub target_unit: Option<String>,
    /// The realisation must be a number.
    pub numeric: bool,
    pub value: String,
    pub comment: String,
    pub evidence: Vec<EvidenceView>,
    /// For a periodic evaluation under an agreed action plan: this sub-period's step, whose
    /// target the realisation is measured against (instead of the annual one).
    pub planned: Option<PlannedStep>,
}

/// One step of the agreed action plan (*rencana aksi*).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedStep {
    pub description: String,
    pub target: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultItem {
    pub id: ResultId,
    pub group: ResultGroup,
    pub text: String,
    pub indicators: Vec<IndicatorItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BehaviourItem {
    /// 1 ..= 7.
    pub value: u8,
    pub rating: Option<SelfRating>,
    pub example: String,
    /// The appraiser's *ekspektasi khusus* for this value, if written.
    pub expectation: String,
}

/// A required field still empty: its form name and the step it is on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingItem {
    pub field: String,
    pub step: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WizardView {
    pub id: EvaluationId,
    pub skp_id: SkpId,
    /// 1..n for a periodic evaluation, 0 for the annual one.
    pub seq: i32,
    pub year: i32,
    /// A periodic evaluation of a plan without an agreed action plan: measured against the
    /// annual targets, and the page says so.
    pub without_action_plan: bool,
    /// The evaluated stretch, `01-11-2026 – 30-11-2026`.
    pub span: String,
    pub state: EvaluationState,
    pub version: i32,
    /// The step to show when the address names none: where the employee last was.
    pub step: u8,
    pub employee: PersonCard,
    pub results: Vec<ResultItem>,
    pub behaviours: Vec<BehaviourItem>,
    pub achievements: String,
    pub projects: String,
    pub challenges: String,
    pub development: String,
    pub missing: Vec<MissingItem>,
    /// Indicators reported without evidence (allowed, but shown).
    pub without_evidence: Vec<IndicatorId>,
    pub return_note: Option<String>,
    pub submitted_at: Option<String>,
    /// The viewer is the employee and may still change it.
    pub can_edit: bool,
    /// The viewer is the appraiser and may send it back for completion.
    pub can_return: bool,
    pub max_upload_bytes: u64,
    /// The agency requires evidence for every reported indicator.
    pub evidence_required: bool,
    /// In the reader's language (`1 Desember 2026`).
    pub deadline: String,
    /// How far the deadline is, while the employee still has it to hand in.
    pub deadline_status: Option<DeadlineStatus>,
    /// Why it cannot be handed in today, if it cannot.
    pub submit_refusal: Option<SubmissionRefusal>,
    /// Handed in after its deadline.
    pub late: bool,
}

/// One evaluation in the employee's list: started or not yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationEntry {
    pub seq: i32,
    pub span: String,
    /// The evaluation's id once started.
    pub id: Option<EvaluationId>,
    /// `None` when not started.
    pub state: Option<EvaluationState>,
    pub deadline: String,
    /// How far the deadline is, while it is still to be handed in.
    pub deadline_status: Option<DeadlineStatus>,
    /// Handed in after its deadline.
    pub late: bool,
}

/// The evaluations of the signed-in employee's established plans in the open period: one plan,
/// or one per position segment after a transfer, each evaluated for its own sub-periods.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyEvaluations {
    pub year: Option<i32>,
    pub plans: Vec<PlanEvaluations>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanEvaluations {
    pub skp_id: SkpId,
    /// The days the plan covers when a transfer split the period.
    pub segment: Option<Segment>,
    pub position: String,
    pub entries: Vec<EvaluationEntry>,
}

/// A self-assessment waiting for (or seen by) the appraiser.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmittedEvaluation {
    pub id: EvaluationId,
    pub employee: String,
    pub nip: String,
    pub seq: i32,
    pub span: String,
    pub submitted_at: String,
    /// Handed in after its deadline.
    pub late: bool,
}

/// A field the server did not store, with the reason in the employee's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldMessage {
    pub field: String,
    pub code: String,
    pub message: String,
}

/// What an autosave of the wizard answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AutosaveReply {
    /// The valid fields are stored (`values`, as stored) under the new `version`; `errors`
    /// names the others. `open`: how many required items each step (1–5) still lacks.
    Saved {
        version: i32,
        /// The agency's clock at the save, `10.42`.
        saved_at: String,
        values: Vec<(String, String)>,
        errors: Vec<FieldMessage>,
        open: [usize; 5],
    },
    /// Nothing sent could be stored; nothing changed.
    Refused { errors: Vec<FieldMessage> },
    /// A newer copy was saved elsewhere: nothing stored; the server's value of every field.
    Conflict {
        version: i32,
        values: Vec<(String, String)>,
    },
    /// Handed in (or otherwise closed) meanwhile: the wizard is read-only now.
    Locked,
}

/// An evidence file stored by an upload from the wizard's island.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadedEvidence {
    pub id: EvidenceId,
    pub name: String,
    /// "1,2 MB".
    pub size: String,
    /// Where it opens.
    pub url: String,
    /// Where its plain "remove" button posts.
    pub remove_url: String,
    /// A photo, shown as a thumbnail.
    pub photo: bool,
}

/// Why an upload from the wizard's island was refused, in the employee's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UploadRefusal {
    pub message: String,
}
