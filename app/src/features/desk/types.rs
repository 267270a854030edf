//! What the desk receives from the server.

use crate::domain::deadline::DeadlineStatus;
use crate::domain::ids::{EmployeeId, SkpId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One piece of work waiting for the signed-in person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeskTask {
    /// Draft the plan of the position held now and hand it in; `returned`: the appraiser sent it
    /// back (their note is the item's `note`).
    DraftPlan { returned: bool },
    /// Hand in a self-assessment: `seq` 0 is the annual one of `year`, else the months
    /// `from`–`to`. `returned`: the appraiser sent it back.
    SelfAssessment {
        seq: i32,
        year: i32,
        from: NaiveDate,
        to: NaiveDate,
        returned: bool,
    },
    /// Finish a change to the established plan and hand it in; `requested`: the appraiser asked
    /// for it or returned it (their note is the item's `note`).
    RevisePlan { requested: bool },
    /// Fix an action plan the appraiser returned.
    FixActionPlan,
    /// As appraiser: establish the plan `employee` handed in, or its change (`revision`);
    /// `acting_for` names the appraiser outside the application an admin acts for.
    ReviewPlan {
        employee: String,
        revision: bool,
        acting_for: Option<String>,
    },
    /// As appraiser: read the self-assessment `employee` handed in (`span` as its list names it).
    ReadSelfAssessment {
        employee: String,
        seq: i32,
        span: String,
    },
    /// As appraiser: agree to (or return) the action plan `employee` handed in.
    ReviewActionPlan { employee: String },
    /// As a 360° rater: answer the form about `employee` (`own`: one's own self-rating).
    AnswerFeedback { employee: String, own: bool },
    /// Choose the colleagues who will rate oneself in the 360° cycle `cycle` (its title).
    NominatePeers { cycle: String },
    /// As appraiser: approve or adjust the colleagues `employee` chose as their 360° raters.
    ApprovePeers { employee: String },
    /// As admin: a recent employee import was refused for errors.
    FixImport { file_name: String, errors: i32 },
    /// As admin: no performance period is open for `year`.
    OpenPeriod { year: i32 },
    /// As admin: the open period of `year` is past its annual deadline.
    ClosePeriod { year: i32 },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskItem {
    pub task: DeskTask,
    /// Where the work is done: one tap from the desk.
    pub link: String,
    /// The deadline, when the work has one, with how far it is today.
    pub due: Option<(NaiveDate, DeadlineStatus)>,
    /// What the appraiser wrote when they returned the work.
    pub note: Option<String>,
}

/// Where a person the signed-in appraiser appraises stands in the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Progress {
    /// No plan started in the period.
    NotStarted,
    /// A task is past its deadline (the oldest one's days late).
    Late { days_late: u32 },
    /// Open work, none of it late.
    OnTrack,
    /// Nothing open now.
    UpToDate,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamMember {
    pub employee: EmployeeId,
    pub name: String,
    pub nip: String,
    pub progress: Progress,
    /// Their plan in the period, when they have one.
    pub skp_id: Option<SkpId>,
    /// The appraiser may remind them now: they have open work and were not reminded today.
    pub may_remind: bool,
    /// The appraiser already reminded them today.
    pub reminded_today: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Desk {
    /// The signed-in person's name.
    pub name: String,
    /// Today in the agency's time zone.
    pub today: Option<NaiveDate>,
    /// Deadline first (the most overdue on top), then the work without a deadline.
    pub items: Vec<DeskItem>,
    /// The people whose plans the signed-in person appraises, the ones needing a push first.
    pub team: Vec<TeamMember>,
}

/// What a reminder sent from the desk did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReminderOutcome {
    Sent,
    /// Already reminded today: nothing sent again.
    AlreadyToday,
    /// They have nothing open: nothing to remind of.
    NothingOpen,
}
