//! *Rencana aksi*: the employee breaks each IKI of an established SKP down into the steps and
//! periodic targets of every sub-period, the appraiser agrees to them, and the periodic
//! self-assessment measures against them (rules in `domain::action_plan`).

pub mod api;
mod pages;
pub mod types;

pub use api::load_waiting_action_plans;
pub use pages::{ActionPlanPage, ActionPlansWaiting};
