//! Status tags: the same state has the same tone for every kind of record.

use app::domain::action_plan::ActionPlanState;
use app::domain::evaluation::EvaluationState;
use app::domain::skp::SkpState;
use app::ui::tag::TagTone;

#[test]
fn waiting_and_done_look_the_same_for_every_kind_of_record() {
    assert_eq!(TagTone::of_skp(Some(SkpState::Submitted)), TagTone::Waiting);
    assert_eq!(
        TagTone::of_skp(Some(SkpState::RevisionSubmitted)),
        TagTone::Waiting
    );
    assert_eq!(
        TagTone::of_action_plan(Some(ActionPlanState::Submitted)),
        TagTone::Waiting
    );
    assert_eq!(TagTone::of_skp(Some(SkpState::Approved)), TagTone::Done);
    assert_eq!(
        TagTone::of_action_plan(Some(ActionPlanState::Agreed)),
        TagTone::Done
    );
    assert_eq!(
        TagTone::of_evaluation(Some(EvaluationState::SelfAssessed)),
        TagTone::Done
    );
    assert_eq!(TagTone::of_skp(None), TagTone::Neutral);
    assert_eq!(TagTone::of_evaluation(None), TagTone::Neutral);
    assert_eq!(TagTone::of_action_plan(None), TagTone::Neutral);
}
