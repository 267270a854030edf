//! *Rencana aksi* (DOMAIN.md §5): for an established SKP, the employee breaks each IKI down into
//! what they will do and reach in every sub-period; the appraiser agrees to it. The periodic
//! self-assessment then measures the realisation of a month (or quarter) against that month's
//! target, not against the whole year's.

use crate::ids::IndicatorId;
use crate::period::SubPeriod;
use crate::segment::Segment;
use crate::text::{clean_line, clean_text};
use crate::vocabulary::{IntoEnumIterator, from_str_via_as_str};
use serde::{Deserialize, Serialize};
use strum::EnumIter;

/// What an action is: "Menyusun draf kajian dan membahasnya dengan tim".
pub const DESCRIPTION_MAX: usize = 500;
/// A periodic target, in the indicator's unit: "3", "100", "draf final".
pub const TARGET_MAX: usize = 60;
/// Why an appraiser returns the action plan.
pub const NOTE_MAX: usize = 1000;

/// Where the agreement on a plan's action plan stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum ActionPlanState {
    /// The employee writes it (also after a return or to change an agreed one).
    Draft,
    /// Handed to the appraiser.
    Submitted,
    /// Agreed with the appraiser: its targets are what the periodic self-assessments measure.
    Agreed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[serde(rename_all = "snake_case")]
pub enum ActionPlanEvent {
    Submit,
    Return,
    Agree,
    /// The employee reopens an agreed action plan to change it; it must be agreed again.
    Reopen,
}

/// Who fires an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter)]
pub enum ActionPlanParty {
    Owner,
    Appraiser,
}

impl ActionPlanState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Agreed => "agreed",
        }
    }
}

impl ActionPlanEvent {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Submit => "submit",
            Self::Return => "return",
            Self::Agree => "agree",
            Self::Reopen => "reopen",
        }
    }

    pub fn needs_note(self) -> bool {
        self == Self::Return
    }
}

from_str_via_as_str!(ActionPlanState, ActionPlanEvent);

/// Where `event` leads from `state` when `party` fires it; `None` when it cannot.
pub fn transition(
    state: ActionPlanState,
    event: ActionPlanEvent,
    party: ActionPlanParty,
) -> Option<ActionPlanState> {
    use ActionPlanEvent as E;
    use ActionPlanParty as P;
    use ActionPlanState as S;
    match (state, event, party) {
        (S::Draft, E::Submit, P::Owner) => Some(S::Submitted),
        (S::Submitted, E::Return, P::Appraiser) => Some(S::Draft),
        (S::Submitted, E::Agree, P::Appraiser) => Some(S::Agreed),
        (S::Agreed, E::Reopen, P::Owner) => Some(S::Draft),
        _ => None,
    }
}

/// The events `party` may fire from `state`, in declaration order (for the buttons).
pub fn available_events(state: ActionPlanState, party: ActionPlanParty) -> Vec<ActionPlanEvent> {
    ActionPlanEvent::iter()
        .filter(|&event| transition(state, event, party).is_some())
        .collect()
}

/// The sub-periods a plan needs action for: those its position segment touches.
pub fn planned_sub_periods(subs: &[SubPeriod], segment: Segment) -> Vec<SubPeriod> {
    subs.iter()
        .filter(|s| segment.overlaps(s))
        .copied()
        .collect()
}

/// One step of the action plan as typed: what will be done for an IKI in a sub-period and what
/// it will reach.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepDraft {
    pub description: String,
    pub target: String,
}

impl StepDraft {
    /// Trims both texts (`domain::text`); a step may be saved half-written, but never over the
    /// length limits or with characters no stored text may hold. `Err` names the field and the
    /// message code.
    pub fn clean(self) -> Result<Self, (StepField, &'static str)> {
        let description = optional(clean_text(&self.description, DESCRIPTION_MAX))
            .map_err(|code| (StepField::Description, code))?;
        let target = optional(clean_line(&self.target, TARGET_MAX))
            .map_err(|code| (StepField::Target, code))?;
        Ok(Self {
            description,
            target,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.description.is_empty() && self.target.is_empty()
    }

    /// What is missing before the step can be handed in: both texts are required.
    pub fn missing(&self) -> Vec<StepField> {
        let mut missing = Vec::new();
        if self.description.is_empty() {
            missing.push(StepField::Description);
        }
        if self.target.is_empty() {
            missing.push(StepField::Target);
        }
        missing
    }
}

/// An empty text is not an error in a draft: completeness is checked when it is handed in.
fn optional(cleaned: Result<String, &'static str>) -> Result<String, &'static str> {
    match cleaned {
        Err("required") => Ok(String::new()),
        other => other,
    }
}

/// The key of a step in the posted maps `aksi[…]` and `target[…]`. It starts with a letter: the
/// form decoder reads a bracketed key that starts with a digit as a list index.
pub fn cell_key(indicator: IndicatorId, seq: u8) -> String {
    format!("k{indicator}-{seq}")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepField {
    Description,
    Target,
}

impl StepField {
    /// The form field of the step of IKI `indicator` in sub-period `seq`.
    pub fn name(self, indicator: IndicatorId, seq: u8) -> String {
        match self {
            Self::Description => format!("aksi-{indicator}-{seq}"),
            Self::Target => format!("target-{indicator}-{seq}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agency::EvaluationInterval;
    use crate::period::sub_periods;
    use crate::vocabulary::assert_round_trips;
    use chrono::NaiveDate;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn spellings_round_trip() {
        assert_round_trips(ActionPlanState::as_str);
        assert_round_trips(ActionPlanEvent::as_str);
    }

    #[test]
    fn every_transition_of_the_table() {
        use ActionPlanEvent as E;
        use ActionPlanParty as P;
        use ActionPlanState as S;
        let allowed = [
            (S::Draft, E::Submit, P::Owner, S::Submitted),
            (S::Submitted, E::Return, P::Appraiser, S::Draft),
            (S::Submitted, E::Agree, P::Appraiser, S::Agreed),
            (S::Agreed, E::Reopen, P::Owner, S::Draft),
        ];
        for state in S::iter() {
            for event in E::iter() {
                for party in P::iter() {
                    let expected = allowed
                        .iter()
                        .find(|(s, e, p, _)| (*s, *e, *p) == (state, event, party))
                        .map(|(_, _, _, next)| *next);
                    assert_eq!(
                        transition(state, event, party),
                        expected,
                        "{state:?} {event:?} by {party:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn buttons_per_party() {
        use ActionPlanEvent as E;
        use ActionPlanParty as P;
        use ActionPlanState as S;
        assert_eq!(available_events(S::Draft, P::Owner), [E::Submit]);
        assert_eq!(available_events(S::Draft, P::Appraiser), []);
        assert_eq!(
            available_events(S::Submitted, P::Appraiser),
            [E::Return, E::Agree]
        );
        assert_eq!(available_events(S::Submitted, P::Owner), []);
        assert_eq!(available_events(S::Agreed, P::Owner), [E::Reopen]);
        assert_eq!(available_events(S::Agreed, P::Appraiser), []);
        assert!(E::Return.needs_note());
        assert!(!E::Agree.needs_note());
    }

    #[test]
    fn a_segment_plans_only_its_months() {
        let subs = sub_periods(2026, EvaluationInterval::Monthly);
        let whole = Segment {
            starts_on: d(1, 1),
            ends_on: d(12, 31),
        };
        assert_eq!(planned_sub_periods(&subs, whole).len(), 12);
        // Transferred in on 15 July: July to December.
        let after_transfer = Segment {
            starts_on: d(7, 15),
            ends_on: d(12, 31),
        };
        let seqs: Vec<u8> = planned_sub_periods(&subs, after_transfer)
            .iter()
            .map(|s| s.seq)
            .collect();
        assert_eq!(seqs, [7, 8, 9, 10, 11, 12]);
        let quarters = sub_periods(2026, EvaluationInterval::Quarterly);
        assert_eq!(planned_sub_periods(&quarters, after_transfer).len(), 2);
    }

    #[test]
    fn steps_are_trimmed_limited_and_complete_only_with_both_texts() {
        let step = StepDraft {
            description: "  Menyusun draf kajian  ".into(),
            target: " 3 ".into(),
        }
        .clean()
        .unwrap();
        assert_eq!(step.description, "Menyusun draf kajian");
        assert_eq!(step.target, "3");
        assert!(step.missing().is_empty());

        let half = StepDraft {
            description: "Rapat koordinasi".into(),
            target: String::new(),
        };
        assert_eq!(half.clone().clean().unwrap().missing(), [StepField::Target]);
        assert!(StepDraft::default().is_empty());
        assert_eq!(
            StepDraft::default().missing(),
            [StepField::Description, StepField::Target]
        );

        let long = StepDraft {
            description: "a".repeat(DESCRIPTION_MAX + 1),
            target: "1".into(),
        };
        assert_eq!(long.clean(), Err((StepField::Description, "too_long")));
        let at_limit = StepDraft {
            description: "é".repeat(DESCRIPTION_MAX),
            target: "9".repeat(TARGET_MAX),
        };
        assert!(at_limit.clean().is_ok());
        let long_target = StepDraft {
            description: "x".into(),
            target: "9".repeat(TARGET_MAX + 1),
        };
        assert_eq!(long_target.clean(), Err((StepField::Target, "too_long")));
        assert_eq!(StepField::Target.name(IndicatorId(14), 7), "target-14-7");
        assert_eq!(StepField::Description.name(IndicatorId(14), 7), "aksi-14-7");
    }
}
