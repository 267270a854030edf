//! The employee's self-assessment (*penilaian mandiri*) of an approved SKP: what may be filled in,
//! how each field is named in forms, how values are cleaned, and what is still missing before it
//! can be submitted. One self-assessment exists per periodic evaluation and one for the annual.
use crate::ids::IndicatorId;

use super::skp::{CoreValue, NOTE_MAX, SkpParty, parse_target};
use super::text::{clean_line, clean_text};
use super::vocabulary::{IntoEnumIterator, from_str_via_as_str};
use serde::{Deserialize, Serialize};
use strum::EnumIter;

from_str_via_as_str!(EvaluationState, EvidenceKind, SelfRating);

pub const VALUE_MAX: usize = 500;
pub const COMMENT_MAX: usize = 1000;
pub const EXAMPLE_MAX: usize = 1000;
pub const REPORT_MAX: usize = 4000;
pub const LINK_MAX: usize = 2000;
pub const RETURN_NOTE_MAX: usize = NOTE_MAX;

/// The wizard's steps, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, EnumIter)]
pub enum Step {
    Results = 1,
    Behaviour = 2,
    Report = 3,
    Development = 4,
    Review = 5,
}

impl Step {
    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn from_number(n: i64) -> Option<Self> {
        Self::iter().find(|s| i64::from(s.number()) == n)
    }

    pub fn next(self) -> Option<Self> {
        Self::from_number(i64::from(self.number()) + 1)
    }

    pub fn previous(self) -> Option<Self> {
        Self::from_number(i64::from(self.number()) - 1)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationState {
    /// Being filled in by the employee (also after the appraiser returned it).
    Open,
    /// Submitted: read-only for the employee, waiting for the appraiser.
    SelfAssessed,
}

impl EvaluationState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::SelfAssessed => "self_assessed",
        }
    }

    /// The employee may still change what they wrote.
    pub fn owner_may_edit(self) -> bool {
        matches!(self, Self::Open)
    }
}

/// What moves a self-assessment from one state to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter)]
pub enum EvaluationEvent {
    /// The employee hands it in (*kirim*).
    Submit,
    /// The appraiser sends it back for completion, with a note (*kembalikan*).
    Return,
}

/// Every allowed transition of a self-assessment: (from, event, who, to). Anything not listed is
/// refused; the exhaustive test below walks every combination.
const EVALUATION_TRANSITIONS: &[(EvaluationState, EvaluationEvent, SkpParty, EvaluationState)] = &[
    (
        EvaluationState::Open,
        EvaluationEvent::Submit,
        SkpParty::Owner,
        EvaluationState::SelfAssessed,
    ),
    (
        EvaluationState::SelfAssessed,
        EvaluationEvent::Return,
        SkpParty::Appraiser,
        EvaluationState::Open,
    ),
];

/// The state `event` fired by `party` leads to from `state`, or `None` when the table has no
/// such transition.
pub fn evaluation_transition(
    state: EvaluationState,
    event: EvaluationEvent,
    party: SkpParty,
) -> Option<EvaluationState> {
    EVALUATION_TRANSITIONS
        .iter()
        .find(|(from, e, p, _)| *from == state && *e == event && *p == party)
        .map(|(_, _, _, to)| *to)
}

/// Which evaluation of the year: a periodic one (sub-period 1..n) or the annual one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvaluationKind {
    Periodic(u8),
    Annual,
}

impl EvaluationKind {
    /// The stored `seq`: the sub-period number, or 0 for the annual evaluation.
    pub fn seq(self) -> i32 {
        match self {
            Self::Periodic(n) => i32::from(n),
            Self::Annual => 0,
        }
    }

    pub fn from_seq(seq: i32) -> Option<Self> {
        match seq {
            0 => Some(Self::Annual),
            n => u8::try_from(n).ok().filter(|n| *n > 0).map(Self::Periodic),
        }
    }
}

/// The evaluations (stored `seq`s) a plan may fill in by `today`, latest first: each sub-period
/// of the plan's position segment that has begun (DOMAIN.md §11.3), and the annual one once the
/// segment's last sub-period has begun.
pub fn fillable(
    subs: &[super::period::SubPeriod],
    segment: super::segment::Segment,
    today: chrono::NaiveDate,
) -> Vec<i32> {
    let touched: Vec<&super::period::SubPeriod> =
        subs.iter().filter(|s| segment.overlaps(s)).collect();
    let mut seqs: Vec<i32> = touched
        .iter()
        .filter(|s| s.starts_on <= today)
        .map(|s| i32::from(s.seq))
        .rev()
        .collect();
    if touched.last().is_some_and(|last| last.starts_on <= today) {
        seqs.insert(0, EvaluationKind::Annual.seq());
    }
    seqs
}

/// What a piece of evidence (*bukti dukung*) is: an uploaded file or a link to one elsewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    File,
    Link,
}

impl EvidenceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::File => "file",
            Self::Link => "link",
        }
    }
}

/// The employee's view of how a core value was lived, on the official three-value scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text")
)]
pub enum SelfRating {
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "di_bawah"))]
    #[serde(rename = "di_bawah")]
    Below,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "sesuai"))]
    #[serde(rename = "sesuai")]
    Meets,
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "di_atas"))]
    #[serde(rename = "di_atas")]
    Above,
}

impl SelfRating {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Below => "di_bawah",
            Self::Meets => "sesuai",
            Self::Above => "di_atas",
        }
    }
}

/// One editable field of the self-assessment, as named in forms and autosave requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The realised value of an indicator (number for quantitative, text for qualitative).
    Realisation(IndicatorId),
    /// The employee's short comment on an indicator.
    Comment(IndicatorId),
    Rating(CoreValue),
    Example(CoreValue),
    Achievements,
    Projects,
    Challenges,
    Development,
}

impl Field {
    pub fn parse(name: &str) -> Option<Self> {
        let id = |rest: &str| rest.parse::<IndicatorId>().ok();
        let value = |rest: &str| rest.parse::<u8>().ok().and_then(CoreValue::from_number);
        match name {
            "achievements" => Some(Self::Achievements),
            "projects" => Some(Self::Projects),
            "challenges" => Some(Self::Challenges),
            "development" => Some(Self::Development),
            _ => {
                let (prefix, rest) = name.split_once('-')?;
                match prefix {
                    "r" => id(rest).map(Self::Realisation),
                    "c" => id(rest).map(Self::Comment),
                    "rating" => value(rest).map(Self::Rating),
                    "example" => value(rest).map(Self::Example),
                    _ => None,
                }
            }
        }
    }

    pub fn name(self) -> String {
        match self {
            Self::Realisation(id) => format!("r-{id}"),
            Self::Comment(id) => format!("c-{id}"),
            Self::Rating(v) => format!("rating-{}", v.number()),
            Self::Example(v) => format!("example-{}", v.number()),
            Self::Achievements => "achievements".to_owned(),
            Self::Projects => "projects".to_owned(),
            Self::Challenges => "challenges".to_owned(),
            Self::Development => "development".to_owned(),
        }
    }

    /// The step the field is on, for links to what is missing.
    pub fn step(self) -> Step {
        match self {
            Self::Realisation(_) | Self::Comment(_) => Step::Results,
            Self::Rating(_) | Self::Example(_) => Step::Behaviour,
            Self::Achievements | Self::Projects | Self::Challenges => Step::Report,
            Self::Development => Step::Development,
        }
    }
}

/// Cleans one submitted value. `Ok(None)` means "cleared". `numeric` is true for the realisation
/// of a quantitative indicator, which must read as a number ("12,5" or "12.5"); it is kept as
/// typed so that both devices show exactly what the employee wrote.
pub fn clean_value(field: Field, raw: &str, numeric: bool) -> Result<Option<String>, &'static str> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    let cleaned = match field {
        Field::Realisation(_) if numeric => {
            let value = clean_line(raw, VALUE_MAX)?;
            parse_target(&value)?;
            value
        }
        Field::Realisation(_) => clean_text(raw, VALUE_MAX)?,
        Field::Comment(_) => clean_text(raw, COMMENT_MAX)?,
        Field::Rating(_) => raw
            .parse::<SelfRating>()
            .map_err(|_| "invalid")?
            .as_str()
            .to_owned(),
        Field::Example(_) => clean_text(raw, EXAMPLE_MAX)?,
        Field::Achievements | Field::Projects | Field::Challenges | Field::Development => {
            clean_text(raw, REPORT_MAX)?
        }
    };
    Ok(Some(cleaned))
}

/// An evidence link: http(s) only, so that a stored link can never run script when clicked.
pub fn clean_link(raw: &str) -> Result<String, &'static str> {
    let link = clean_line(raw, LINK_MAX)?;
    let lower = link.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or("link_scheme")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || link.contains(' ') {
        return Err("link_scheme");
    }
    Ok(link)
}

/// What the completeness check needs to know about one indicator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorFacts {
    pub indicator_id: IndicatorId,
    /// Main results (*utama*) must be reported on; additional ones may be left empty.
    pub required: bool,
    pub has_realisation: bool,
    pub has_evidence: bool,
}

/// Everything the completeness check looks at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Completeness {
    pub indicators: Vec<IndicatorFacts>,
    /// Core values (1..7) with a self-rating.
    pub rated: Vec<CoreValue>,
    /// Core values with an example.
    pub exemplified: Vec<CoreValue>,
    pub has_achievements: bool,
    /// The agency's rule that every reported indicator carries evidence.
    pub evidence_required: bool,
}

/// A required item that is still empty; each points at the control to fill in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    Realisation(IndicatorId),
    /// Evidence of a reported indicator, where the agency requires it.
    Evidence(IndicatorId),
    Rating(CoreValue),
    Example(CoreValue),
    Achievements,
}

/// The name of the evidence file input of an indicator (the upload posts under it).
pub fn evidence_input(id: IndicatorId) -> String {
    format!("berkas-{id}")
}

impl Missing {
    /// The name of the control the employee is sent to.
    pub fn anchor(self) -> String {
        match self {
            Self::Realisation(id) => Field::Realisation(id).name(),
            Self::Evidence(id) => evidence_input(id),
            Self::Rating(v) => Field::Rating(v).name(),
            Self::Example(v) => Field::Example(v).name(),
            Self::Achievements => Field::Achievements.name(),
        }
    }

    pub fn step(self) -> Step {
        match self {
            Self::Realisation(_) | Self::Evidence(_) => Step::Results,
            Self::Rating(_) | Self::Example(_) => Step::Behaviour,
            Self::Achievements => Step::Report,
        }
    }
}

/// The required items still empty, in wizard order. Evidence is an application rule, not the
/// regulation's (the official form's column reads "Realisasi Berdasarkan Bukti Dukung", but
/// nothing makes an upload mandatory): each agency decides with `evidence_required`; without
/// it, [`without_evidence`] still shows where evidence is absent.
pub fn missing(facts: &Completeness) -> Vec<Missing> {
    let mut out: Vec<Missing> = Vec::new();
    for i in facts.indicators.iter().filter(|i| i.required) {
        if !i.has_realisation {
            out.push(Missing::Realisation(i.indicator_id));
        } else if facts.evidence_required && !i.has_evidence {
            out.push(Missing::Evidence(i.indicator_id));
        }
    }
    for value in CoreValue::iter() {
        if !facts.rated.contains(&value) {
            out.push(Missing::Rating(value));
        }
        if !facts.exemplified.contains(&value) {
            out.push(Missing::Example(value));
        }
    }
    if !facts.has_achievements {
        out.push(Missing::Achievements);
    }
    out
}

/// Indicators reported without any evidence: allowed, but the employee and the appraiser see it.
pub fn without_evidence(facts: &Completeness) -> Vec<IndicatorId> {
    facts
        .indicators
        .iter()
        .filter(|i| i.has_realisation && !i.has_evidence)
        .map(|i| i.indicator_id)
        .collect()
}

/// Human-friendly file size with one decimal and the locale's decimal mark: "1,2 MB", "350 KB".
pub fn format_size(bytes: u64, decimal_comma: bool) -> String {
    // Whole numbers only: the wizard's island formats sizes in the browser, and formatting a
    // float would put the float printer (about 18 KB) into the wasm bundle.
    const KIB: u64 = 1024;
    const MIB: u64 = KIB * KIB;
    let rounded = |n: u64, unit: u64| (n + unit / 2) / unit;
    if bytes >= MIB {
        let tenths = rounded(bytes.saturating_mul(10), MIB);
        let mark = if decimal_comma { ',' } else { '.' };
        format!("{}{mark}{} MB", tenths / 10, tenths % 10)
    } else if bytes >= KIB {
        format!("{} KB", rounded(bytes, KIB))
    } else {
        format!("{bytes} B")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_round_trip() {
        let fields = [
            Field::Realisation(IndicatorId(12)),
            Field::Comment(IndicatorId(7)),
            Field::Rating(CoreValue::iter().next().unwrap()),
            Field::Example(CoreValue::iter().nth(6).unwrap()),
            Field::Achievements,
            Field::Projects,
            Field::Challenges,
            Field::Development,
        ];
        for field in fields {
            assert_eq!(Field::parse(&field.name()), Some(field), "{}", field.name());
        }
        for bad in [
            "r-", "r-0", "r-x", "rating-8", "rating-0", "x-1", "version", "step", "",
        ] {
            assert_eq!(Field::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn values_are_cleaned_per_field() {
        let r = Field::Realisation(IndicatorId(1));
        assert_eq!(clean_value(r, " 12,5 ", true), Ok(Some("12,5".to_owned())));
        assert_eq!(clean_value(r, "12.5", true), Ok(Some("12.5".to_owned())));
        assert_eq!(clean_value(r, "dua belas", true), Err("invalid_number"));
        assert_eq!(clean_value(r, "1.000", true), Err("number_thousands"));
        assert_eq!(
            clean_value(r, "Selesai sesuai rencana", false),
            Ok(Some("Selesai sesuai rencana".to_owned()))
        );
        assert_eq!(clean_value(r, "   ", true), Ok(None));
        let rating = Field::Rating(CoreValue::iter().nth(2).unwrap());
        assert_eq!(
            clean_value(rating, "sesuai", false),
            Ok(Some("sesuai".to_owned()))
        );
        assert_eq!(clean_value(rating, "luar biasa", false), Err("invalid"));
        let long = "a".repeat(REPORT_MAX + 1);
        assert_eq!(
            clean_value(Field::Achievements, &long, false),
            Err("too_long")
        );
        assert_eq!(
            clean_value(Field::Comment(IndicatorId(3)), "baris 1\r\nbaris 2", false),
            Ok(Some("baris 1\nbaris 2".to_owned()))
        );
    }

    #[test]
    fn links_must_be_web_addresses() {
        assert_eq!(
            clean_link(" https://drive.example.go.id/berkas/1 "),
            Ok("https://drive.example.go.id/berkas/1".to_owned())
        );
        assert!(clean_link("http://intranet/laporan").is_ok());
        for bad in [
            "javascript:alert(1)",
            "ftp://x/y",
            "https://",
            "data:text/html,hi",
            "www.x.id",
        ] {
            assert_eq!(clean_link(bad), Err("link_scheme"), "{bad}");
        }
        assert_eq!(clean_link(""), Err("required"));
    }

    #[test]
    fn missing_items_are_listed_in_wizard_order() {
        let mut facts = Completeness {
            indicators: vec![
                IndicatorFacts {
                    indicator_id: IndicatorId(1),
                    required: true,
                    has_realisation: false,
                    has_evidence: false,
                },
                IndicatorFacts {
                    indicator_id: IndicatorId(2),
                    required: false,
                    has_realisation: false,
                    has_evidence: false,
                },
                IndicatorFacts {
                    indicator_id: IndicatorId(3),
                    required: true,
                    has_realisation: true,
                    has_evidence: false,
                },
            ],
            rated: CoreValue::iter().take(6).collect(),
            exemplified: CoreValue::iter().collect(),
            has_achievements: false,
            evidence_required: false,
        };
        assert_eq!(
            missing(&facts),
            vec![
                Missing::Realisation(IndicatorId(1)),
                Missing::Rating(CoreValue::iter().nth(6).unwrap()),
                Missing::Achievements
            ]
        );
        assert_eq!(without_evidence(&facts), vec![IndicatorId(3)]);
        facts.indicators[0].has_realisation = true;
        facts.rated = CoreValue::iter().collect();
        facts.has_achievements = true;
        assert!(missing(&facts).is_empty());
        // Where the agency requires evidence, a reported indicator without any is missing it;
        // an optional indicator left empty still needs nothing.
        facts.evidence_required = true;
        facts.indicators[0].has_evidence = true;
        assert_eq!(missing(&facts), vec![Missing::Evidence(IndicatorId(3))]);
        assert_eq!(Missing::Evidence(IndicatorId(3)).anchor(), "berkas-3");
        assert_eq!(Missing::Evidence(IndicatorId(3)).step(), Step::Results);
        facts.indicators[2].has_evidence = true;
        assert!(missing(&facts).is_empty());
    }

    #[test]
    fn the_state_table_is_exactly_submit_and_return() {
        let mut allowed = Vec::new();
        for state in EvaluationState::iter() {
            for event in EvaluationEvent::iter() {
                for party in SkpParty::iter() {
                    if let Some(to) = evaluation_transition(state, event, party) {
                        allowed.push((state, event, party, to));
                    }
                }
            }
        }
        use EvaluationState::{Open, SelfAssessed};
        assert_eq!(
            allowed,
            [
                (Open, EvaluationEvent::Submit, SkpParty::Owner, SelfAssessed),
                (
                    SelfAssessed,
                    EvaluationEvent::Return,
                    SkpParty::Appraiser,
                    Open
                ),
            ]
        );
        let editable: Vec<_> = EvaluationState::iter()
            .filter(|s| s.owner_may_edit())
            .collect();
        assert_eq!(editable, [Open]);
        // Whatever the employee may edit, they may also submit: no state traps their work.
        for state in editable {
            assert!(
                evaluation_transition(state, EvaluationEvent::Submit, SkpParty::Owner).is_some()
            );
        }
    }

    #[test]
    fn stored_strings_round_trip() {
        use crate::vocabulary::{assert_round_trips, assert_serde_spelling};
        assert_round_trips(EvaluationState::as_str);
        assert_round_trips(SelfRating::as_str);
        assert_round_trips(EvidenceKind::as_str);
        assert_serde_spelling(EvaluationState::as_str);
        assert_serde_spelling(EvidenceKind::as_str);
        assert_serde_spelling(SelfRating::as_str);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn columns_hold_the_stored_strings() {
        use crate::vocabulary::assert_column_spelling;
        assert_column_spelling(EvaluationState::as_str);
        assert_column_spelling(SelfRating::as_str);
        assert_column_spelling(EvidenceKind::as_str);
    }

    #[test]
    fn steps_and_kinds() {
        assert_eq!(Step::Results.next(), Some(Step::Behaviour));
        assert_eq!(Step::Review.next(), None);
        assert_eq!(Step::Results.previous(), None);
        assert_eq!(Step::from_number(5), Some(Step::Review));
        assert_eq!(Step::from_number(6), None);
        assert_eq!(EvaluationKind::from_seq(0), Some(EvaluationKind::Annual));
        assert_eq!(
            EvaluationKind::from_seq(11),
            Some(EvaluationKind::Periodic(11))
        );
        assert_eq!(EvaluationKind::from_seq(-1), None);
        assert_eq!(Field::Development.step(), Step::Development);
        assert_eq!(
            Missing::Rating(CoreValue::iter().next().unwrap()).step(),
            Step::Behaviour
        );
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(format_size(1_258_291, true), "1,2 MB");
        assert_eq!(format_size(15 * 1024 * 1024, false), "15.0 MB");
        assert_eq!(format_size(350 * 1024, true), "350 KB");
        assert_eq!(format_size(20, true), "20 B");
        // Rounded to the nearest tenth or kilobyte, as the float printer did.
        assert_eq!(format_size(1_048_576 + 104_857, false), "1.1 MB");
        assert_eq!(format_size(1_048_576 - 1, false), "1024 KB");
        assert_eq!(format_size(1023, false), "1023 B");
        assert_eq!(format_size(1536, false), "2 KB");
    }
}
