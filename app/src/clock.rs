//! The business clock: the "now" that deadlines, reminders and default years are read against.
//!
//! In production it is the real clock. A training room, a demo or a test can run the agency's
//! calendar from another day (`KINERJA_TODAY`). The moments the calendar judges (when a
//! self-assessment or an action plan was handed in) are stored on this clock; sessions, rate
//! limits and the audit log keep the real clock, because their security must not depend on it.

use crate::domain::agency::AgencyTimeZone;
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clock {
    shift: TimeDelta,
}

impl Clock {
    /// The real clock.
    pub fn system() -> Self {
        Self::default()
    }

    /// A clock on which it is `today` now in `zone`, running on from there. Whole days are
    /// moved, so the time of day stays the real one.
    pub fn from_today(today: NaiveDate, zone: AgencyTimeZone) -> Self {
        let real_today = zone.local(Utc::now()).date_naive();
        Self {
            shift: today - real_today,
        }
    }

    pub fn now(self) -> DateTime<Utc> {
        Utc::now() + self.shift
    }

    /// The date in `zone` now.
    pub fn today_in(self, zone: AgencyTimeZone) -> NaiveDate {
        zone.local(self.now()).date_naive()
    }

    /// Whether the calendar differs from the real one (logged at start, so it is never a
    /// surprise in production).
    pub fn is_shifted(self) -> bool {
        self.shift != TimeDelta::zero()
    }
}
