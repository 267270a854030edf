//! The desk: the signed-in home page. What this person must do next, in order of deadline,
//! gathered from every feature's open work (their own, as appraiser, as admin), and the team's
//! progress for appraisers, with a reminder one tap away. Later features add their items here.

mod api;
mod pages;
mod types;

pub use api::{RemindTeamMember, load_desk, remind_team_member};
pub use pages::DeskView;
pub use types::*;
