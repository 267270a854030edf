//! The position segment a plan covers (DOMAIN.md §11.3): one SKP per position held during the
//! period. A transfer (*mutasi*) closes the plan in force on the day before the move and the plan
//! for the new position starts on the day of the move; each is evaluated for its own months.

use crate::period::SubPeriod;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The days a plan covers, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

impl Segment {
    /// A plan's segment: from its first day to the day a transfer closed it, else to the
    /// period's last day.
    pub fn of_plan(
        starts_on: NaiveDate,
        ends_on: Option<NaiveDate>,
        period_ends: NaiveDate,
    ) -> Self {
        Self {
            starts_on,
            ends_on: ends_on.unwrap_or(period_ends),
        }
    }

    /// Whether the plan reports on this sub-period: every sub-period the employee spent at
    /// least one day of in the position.
    pub fn overlaps(&self, sub: &SubPeriod) -> bool {
        sub.starts_on <= self.ends_on && self.starts_on <= sub.ends_on
    }

    /// Whether the plan covers the whole period (the usual case, printed without dates).
    pub fn is_whole(&self, period_starts: NaiveDate, period_ends: NaiveDate) -> bool {
        self.starts_on <= period_starts && self.ends_on >= period_ends
    }
}

/// What a transfer on `moved_on` does to the plan in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TransferEffect {
    /// The plan now ends on this day.
    Closes(NaiveDate),
    /// The move predates the plan's first day: the plan never covered a day in that position.
    Voids,
    /// The move falls after the plan's segment: nothing changes.
    Untouched,
}

pub fn transfer_effect(segment: Segment, moved_on: NaiveDate) -> TransferEffect {
    if moved_on <= segment.starts_on {
        TransferEffect::Voids
    } else if moved_on > segment.ends_on {
        TransferEffect::Untouched
    } else {
        // `moved_on` is after `starts_on`, so the day before exists.
        moved_on
            .pred_opt()
            .map_or(TransferEffect::Voids, TransferEffect::Closes)
    }
}

/// The first day of the next plan in a period: the day after the last closed segment, or the
/// period's first day when no plan of this period has been closed by a transfer.
pub fn next_start(
    period_starts: NaiveDate,
    closed: impl IntoIterator<Item = NaiveDate>,
) -> NaiveDate {
    closed
        .into_iter()
        .max()
        .and_then(|last| last.succ_opt())
        .map_or(period_starts, |next| next.max(period_starts))
}

/// The date a transfer takes effect: not in the future (the record says what has happened) and
/// not before the day the employee took up the position they are leaving.
pub fn check_transfer_date(
    moved_on: NaiveDate,
    today: NaiveDate,
    held_since: Option<NaiveDate>,
) -> Result<(), &'static str> {
    if moved_on > today {
        Err("transfer_date_future")
    } else if held_since.is_some_and(|since| moved_on <= since) {
        Err("transfer_date_before_position")
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agency::EvaluationInterval;
    use crate::period::sub_periods;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn year() -> Segment {
        Segment::of_plan(day(1, 1), None, day(12, 31))
    }

    #[test]
    fn a_july_transfer_splits_the_year_at_the_move() {
        assert_eq!(
            transfer_effect(year(), day(7, 1)),
            TransferEffect::Closes(day(6, 30))
        );
        assert_eq!(next_start(day(1, 1), [day(6, 30)]), day(7, 1));
        let first = Segment::of_plan(day(1, 1), Some(day(6, 30)), day(12, 31));
        let second = Segment::of_plan(day(7, 1), None, day(12, 31));
        let months = sub_periods(2026, EvaluationInterval::Monthly);
        let of = |s: Segment| -> Vec<u8> {
            months
                .iter()
                .filter(|m| s.overlaps(m))
                .map(|m| m.seq)
                .collect()
        };
        assert_eq!(of(first), (1..=6).collect::<Vec<_>>());
        assert_eq!(of(second), (7..=12).collect::<Vec<_>>());
        assert!(year().is_whole(day(1, 1), day(12, 31)));
        assert!(!first.is_whole(day(1, 1), day(12, 31)));
        assert!(!second.is_whole(day(1, 1), day(12, 31)));
    }

    #[test]
    fn a_mid_month_transfer_reports_that_month_in_both_plans() {
        let first = Segment::of_plan(day(1, 1), Some(day(7, 14)), day(12, 31));
        let second = Segment::of_plan(day(7, 15), None, day(12, 31));
        let july = sub_periods(2026, EvaluationInterval::Monthly)[6];
        assert!(first.overlaps(&july) && second.overlaps(&july));
        let august = sub_periods(2026, EvaluationInterval::Monthly)[7];
        assert!(!first.overlaps(&august) && second.overlaps(&august));
    }

    #[test]
    fn a_transfer_on_or_before_the_first_day_voids_the_plan() {
        assert_eq!(transfer_effect(year(), day(1, 1)), TransferEffect::Voids);
        let second = Segment::of_plan(day(7, 1), None, day(12, 31));
        assert_eq!(transfer_effect(second, day(3, 1)), TransferEffect::Voids);
        assert_eq!(
            transfer_effect(second, day(7, 2)),
            TransferEffect::Closes(day(7, 1))
        );
        let closed = Segment::of_plan(day(1, 1), Some(day(6, 30)), day(12, 31));
        assert_eq!(
            transfer_effect(closed, day(7, 1)),
            TransferEffect::Untouched
        );
        assert_eq!(
            transfer_effect(closed, day(6, 30)),
            TransferEffect::Closes(day(6, 29))
        );
    }

    #[test]
    fn the_next_plan_starts_after_the_latest_closed_one() {
        assert_eq!(next_start(day(1, 1), []), day(1, 1));
        assert_eq!(next_start(day(1, 1), [day(3, 31), day(8, 15)]), day(8, 16));
        // A segment closed before the period (impossible, but never earlier than the period).
        assert_eq!(
            next_start(day(1, 1), [NaiveDate::from_ymd_opt(2025, 5, 1).unwrap()]),
            day(1, 1)
        );
    }

    #[test]
    fn a_transfer_date_is_past_and_after_the_position_was_taken_up() {
        let today = day(12, 2);
        assert_eq!(
            check_transfer_date(day(7, 1), today, Some(day(1, 2))),
            Ok(())
        );
        assert_eq!(check_transfer_date(today, today, None), Ok(()));
        assert_eq!(
            check_transfer_date(day(12, 3), today, None),
            Err("transfer_date_future")
        );
        assert_eq!(
            check_transfer_date(day(7, 1), today, Some(day(7, 1))),
            Err("transfer_date_before_position")
        );
        assert_eq!(
            check_transfer_date(day(6, 1), today, Some(day(7, 1))),
            Err("transfer_date_before_position")
        );
    }
}
