//! Deadlines that act (DOMAIN.md §11.4–§11.5): how far a deadline is from the agency's today,
//! on which days a reminder is due, and when a self-assessment may be handed in.
//!
//! Every function takes `today` in the agency's time zone, so callers decide the clock and the
//! rules can be tested on any date.

use crate::period::SubPeriod;
use crate::segment::Segment;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Days before a deadline on which its reminder goes out [U]: a week ahead, three days ahead
/// and the day before.
pub const REMINDER_LEAD_DAYS: [u32; 3] = [7, 3, 1];

/// Where a deadline stands on a given day; shown as "3 hari lagi" / "terlambat 12 hari".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeadlineStatus {
    Upcoming { days_left: u32 },
    DueToday,
    Overdue { days_late: u32 },
}

impl DeadlineStatus {
    pub fn on(deadline: NaiveDate, today: NaiveDate) -> Self {
        let days = (deadline - today).num_days();
        let magnitude = u32::try_from(days.unsigned_abs()).unwrap_or(u32::MAX);
        match days {
            0 => Self::DueToday,
            d if d > 0 => Self::Upcoming {
                days_left: magnitude,
            },
            _ => Self::Overdue {
                days_late: magnitude,
            },
        }
    }

    pub fn is_overdue(self) -> bool {
        matches!(self, Self::Overdue { .. })
    }
}

/// The reminder to send today for a task still open, if any. `Overdue` goes out once, on the
/// first day after the deadline; reminders are kept apart by `(task, deadline, lead)`, so a
/// deadline that moves gets its reminders again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reminder {
    /// `n` days before the deadline, one of [`REMINDER_LEAD_DAYS`].
    Before(u32),
    Overdue,
}

impl Reminder {
    /// The stored spelling of the lead, part of the key that keeps a reminder from going twice.
    pub fn lead(self) -> i32 {
        match self {
            Self::Before(days) => i32::try_from(days).unwrap_or(i32::MAX),
            Self::Overdue => -1,
        }
    }
}

pub fn reminder_due(deadline: NaiveDate, today: NaiveDate) -> Option<Reminder> {
    match DeadlineStatus::on(deadline, today) {
        DeadlineStatus::Upcoming { days_left } if REMINDER_LEAD_DAYS.contains(&days_left) => {
            Some(Reminder::Before(days_left))
        }
        DeadlineStatus::Overdue { days_late: 1 } => Some(Reminder::Overdue),
        _ => None,
    }
}

/// Why a self-assessment cannot be handed in today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubmissionRefusal {
    /// The months it reports on are not over: it may be handed in from this day.
    NotYetEnded { opens_on: NaiveDate },
    /// The deadline has passed and the agency locks late submissions: the appraiser rates
    /// without it (DOMAIN.md §11.2, "also from `open` after the employee's deadline").
    Late { deadline: NaiveDate },
}

/// The last day a plan's self-assessment reports on: the sub-period's end (the year's end for
/// the annual one), or the day a transfer closed the plan if that comes first.
pub fn reporting_ends(sub_ends_on: NaiveDate, segment: Segment) -> NaiveDate {
    sub_ends_on.min(segment.ends_on)
}

/// Whether a self-assessment covering days up to `reporting_ends` (see [`reporting_ends`]) may be
/// handed in `today`. A late submission is accepted unless the agency locks it.
pub fn may_submit(
    reporting_ends: NaiveDate,
    deadline: NaiveDate,
    lock_late: bool,
    today: NaiveDate,
) -> Result<(), SubmissionRefusal> {
    if today <= reporting_ends {
        // `reporting_ends` is before `today`'s successor, which exists for any real calendar day.
        let opens_on = reporting_ends.succ_opt().unwrap_or(reporting_ends);
        return Err(SubmissionRefusal::NotYetEnded { opens_on });
    }
    if lock_late && today > deadline {
        return Err(SubmissionRefusal::Late { deadline });
    }
    Ok(())
}

/// The day the annual self-assessment's months end: the last sub-period's end.
pub fn year_ends(subs: &[SubPeriod]) -> Option<NaiveDate> {
    subs.last().map(|s| s.ends_on)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agency::EvaluationInterval;
    use crate::period::sub_periods;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn status_counts_whole_days_either_side() {
        let deadline = date(2026, 2, 6);
        assert_eq!(
            DeadlineStatus::on(deadline, date(2026, 2, 3)),
            DeadlineStatus::Upcoming { days_left: 3 }
        );
        assert_eq!(
            DeadlineStatus::on(deadline, deadline),
            DeadlineStatus::DueToday
        );
        assert_eq!(
            DeadlineStatus::on(deadline, date(2026, 2, 18)),
            DeadlineStatus::Overdue { days_late: 12 }
        );
        // Across a year end and a leap day.
        assert_eq!(
            DeadlineStatus::on(date(2025, 1, 31), date(2024, 12, 31)),
            DeadlineStatus::Upcoming { days_left: 31 }
        );
        assert_eq!(
            DeadlineStatus::on(date(2024, 2, 28), date(2024, 3, 1)),
            DeadlineStatus::Overdue { days_late: 2 }
        );
        assert!(DeadlineStatus::on(deadline, date(2026, 2, 7)).is_overdue());
        assert!(!DeadlineStatus::on(deadline, deadline).is_overdue());
    }

    #[test]
    fn reminders_go_out_on_the_lead_days_and_once_when_late() {
        let deadline = date(2026, 3, 31);
        let sent: Vec<(i64, Reminder)> = (-20..=20)
            .filter_map(|offset| {
                let today = deadline - chrono::Duration::days(offset);
                reminder_due(deadline, today).map(|r| (offset, r))
            })
            .collect();
        assert_eq!(
            sent,
            vec![
                (-1, Reminder::Overdue),
                (1, Reminder::Before(1)),
                (3, Reminder::Before(3)),
                (7, Reminder::Before(7)),
            ]
        );
        let leads: Vec<i32> = sent.iter().map(|(_, r)| r.lead()).collect();
        assert_eq!(leads, vec![-1, 1, 3, 7], "each reminder has its own key");
    }

    #[test]
    fn a_periodic_self_assessment_waits_for_its_months_to_end() {
        let subs = sub_periods(2026, EvaluationInterval::Monthly);
        let march = subs[2];
        let whole = Segment {
            starts_on: date(2026, 1, 1),
            ends_on: date(2026, 12, 31),
        };
        let ends = reporting_ends(march.ends_on, whole);
        let deadline = date(2026, 4, 7);
        for (today, lock_late, expected) in [
            (
                date(2026, 3, 15),
                false,
                Err(SubmissionRefusal::NotYetEnded {
                    opens_on: date(2026, 4, 1),
                }),
            ),
            (
                date(2026, 3, 31),
                true,
                Err(SubmissionRefusal::NotYetEnded {
                    opens_on: date(2026, 4, 1),
                }),
            ),
            (date(2026, 4, 1), false, Ok(())),
            (date(2026, 4, 1), true, Ok(())),
            (date(2026, 4, 7), true, Ok(())),
            (date(2026, 4, 8), false, Ok(())),
            (
                date(2026, 4, 8),
                true,
                Err(SubmissionRefusal::Late { deadline }),
            ),
        ] {
            assert_eq!(
                may_submit(ends, deadline, lock_late, today),
                expected,
                "{today} lock_late={lock_late}"
            );
        }
    }

    #[test]
    fn a_plan_closed_by_a_transfer_reports_up_to_its_last_day() {
        let subs = sub_periods(2026, EvaluationInterval::Monthly);
        let july = subs[6];
        let closed = Segment {
            starts_on: date(2026, 1, 1),
            ends_on: date(2026, 7, 14),
        };
        let ends = reporting_ends(july.ends_on, closed);
        assert_eq!(ends, date(2026, 7, 14));
        assert_eq!(
            may_submit(ends, date(2026, 8, 7), false, date(2026, 7, 14)),
            Err(SubmissionRefusal::NotYetEnded {
                opens_on: date(2026, 7, 15)
            })
        );
        assert_eq!(
            may_submit(ends, date(2026, 8, 7), false, date(2026, 7, 15)),
            Ok(())
        );
        // The annual one of that plan also ends with the plan.
        let year = year_ends(&subs).unwrap();
        assert_eq!(year, date(2026, 12, 31));
        assert_eq!(reporting_ends(year, closed), date(2026, 7, 14));
    }

    #[test]
    fn every_interval_ends_its_year_on_the_last_day() {
        use crate::vocabulary::IntoEnumIterator;
        for interval in EvaluationInterval::iter() {
            assert_eq!(
                year_ends(&sub_periods(2026, interval)),
                Some(date(2026, 12, 31))
            );
        }
        assert_eq!(year_ends(&[]), None);
    }
}
