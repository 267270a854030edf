//! A status tag: where something stands, in a word or two. Its colour follows what the state
//! means for the reader (waiting in someone's hands, done, late), and every state of every
//! record is mapped here, so the same state has the same colour on every page.

use crate::domain::action_plan::ActionPlanState;
use crate::domain::evaluation::EvaluationState;
use crate::domain::period::PeriodState;
use crate::domain::skp::SkpState;
use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagTone {
    /// Not started yet, or a plain attribute (a closed unit, an evidence aspect).
    Neutral,
    /// In someone's hands: being filled in, handed in, waiting for a decision.
    Waiting,
    /// Finished: approved, assessed, archived.
    Done,
    /// Past its deadline.
    Late,
}

impl TagTone {
    pub fn class(self) -> &'static str {
        match self {
            Self::Neutral => "tag",
            Self::Waiting => "tag tag-waiting",
            Self::Done => "tag tag-done",
            Self::Late => "tag tag-late",
        }
    }

    /// A plan's state; `None` is a plan not started.
    pub fn of_skp(state: Option<SkpState>) -> Self {
        match state {
            None | Some(SkpState::Draft | SkpState::RevisionDraft | SkpState::Cancelled) => {
                Self::Neutral
            }
            Some(SkpState::Submitted | SkpState::RevisionSubmitted) => Self::Waiting,
            Some(SkpState::Approved | SkpState::Evaluated | SkpState::Archived) => Self::Done,
        }
    }

    /// A self-assessment's state; `None` is one not opened yet.
    pub fn of_evaluation(state: Option<EvaluationState>) -> Self {
        match state {
            None => Self::Neutral,
            Some(EvaluationState::Open) => Self::Waiting,
            Some(EvaluationState::SelfAssessed) => Self::Done,
        }
    }

    /// An action plan's state; `None` is one not written yet.
    pub fn of_action_plan(state: Option<ActionPlanState>) -> Self {
        match state {
            None | Some(ActionPlanState::Draft) => Self::Neutral,
            Some(ActionPlanState::Submitted) => Self::Waiting,
            Some(ActionPlanState::Agreed) => Self::Done,
        }
    }

    pub fn of_period(state: PeriodState) -> Self {
        match state {
            PeriodState::Open => Self::Waiting,
            PeriodState::Closed => Self::Done,
        }
    }
}

#[component]
pub fn Tag(
    tone: TagTone,
    #[prop(optional, into)] testid: Option<String>,
    children: Children,
) -> impl IntoView {
    view! { <span class=tone.class() data-testid=testid>{children()}</span> }
}
