//! The performance period (*periode penilaian*): a calendar year split into sub-periods by the
//! agency's evaluation interval, with its default deadlines (DOMAIN.md §11.5) and their checks.

use crate::agency::EvaluationInterval;
use crate::vocabulary::from_str_via_as_str;
use chrono::{Datelike, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;
use strum::EnumIter;

from_str_via_as_str!(OrgPredikat, PeriodState);

pub const YEARS: RangeInclusive<i32> = 2000..=2100;

/// Working days between a sub-period's end and its periodic-evaluation deadline [U].
pub const PERIODIC_DEADLINE_WORKING_DAYS: u32 = 5;

/// How long after a sub-period's end its deadline may be set.
const PERIODIC_DEADLINE_MAX_MONTHS: u32 = 3;

/// One periodic-evaluation window within the year; `seq` counts from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SubPeriod {
    pub seq: u8,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// The 12, 4 or 2 sub-periods of `year`, covering it without gaps. Empty for a year chrono cannot
/// represent, so that a nonsense year reaches [`validate_deadlines`] instead of a panic.
pub fn sub_periods(year: i32, interval: EvaluationInterval) -> Vec<SubPeriod> {
    let count = interval.evaluations_per_year();
    let months = 12 / count;
    (1..=count)
        .map_while(|seq| {
            let first_month = (seq - 1) * months + 1;
            let starts_on = NaiveDate::from_ymd_opt(year, first_month, 1)?;
            let ends_on = starts_on
                .checked_add_months(Months::new(months))?
                .pred_opt()?;
            Some(SubPeriod {
                seq: u8::try_from(seq).ok()?,
                starts_on,
                ends_on,
            })
        })
        .collect()
}

/// SKP approval is due within the first month of the period [U].
///
/// Panics if `year` is outside chrono's range (about ±262 000); check it against [`YEARS`] first.
pub fn default_planning_deadline(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, 1, 31).expect("year within chrono's range")
}

/// Counts Monday to Friday only. Public holidays (*hari libur nasional*, *cuti bersama*) are
/// ignored because they are set by decree each year; an admin moves the deadline where one falls.
pub fn default_periodic_deadline(sub: &SubPeriod) -> NaiveDate {
    let mut date = sub.ends_on;
    let mut remaining = PERIODIC_DEADLINE_WORKING_DAYS;
    while remaining > 0 {
        date = date.succ_opt().expect("date within chrono's range");
        if !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            remaining -= 1;
        }
    }
    date
}

/// The annual evaluation is due early in the next year, ahead of the rank-promotion and *angka
/// kredit* deadlines that depend on it [U].
///
/// Panics if `year + 1` is outside chrono's range; check `year` against [`YEARS`] first.
pub fn default_annual_deadline(year: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year + 1, 1, 31).expect("year within chrono's range")
}

/// *Capaian kinerja organisasi* of a unit (SE MenPANRB 3/2023), best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum OrgPredikat {
    Istimewa,
    Baik,
    /// Also called *Cukup*.
    ButuhPerbaikan,
    Kurang,
    SangatKurang,
}

impl OrgPredikat {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Istimewa => "istimewa",
            Self::Baik => "baik",
            Self::ButuhPerbaikan => "butuh_perbaikan",
            Self::Kurang => "kurang",
            Self::SangatKurang => "sangat_kurang",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum PeriodState {
    Open,
    Closed,
}

impl PeriodState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Closed => "closed",
        }
    }
}

/// Checks the deadlines an admin set for a period; returns `(field, message code)` pairs, empty
/// when all is well. Periodic fields are named `periodic_deadline_{seq}`.
pub fn validate_deadlines(
    year: i32,
    planning: NaiveDate,
    annual: NaiveDate,
    periodic: &[(SubPeriod, NaiveDate)],
) -> Vec<(String, &'static str)> {
    // The other checks are relative to the year, so they would only add noise.
    if !YEARS.contains(&year) {
        return vec![("year".to_owned(), "invalid_year")];
    }
    let mut problems = Vec::new();
    if planning.year() != year {
        problems.push(("planning_deadline".to_owned(), "deadline_outside_year"));
    }
    for (sub, deadline) in periodic {
        let latest = sub
            .ends_on
            .checked_add_months(Months::new(PERIODIC_DEADLINE_MAX_MONTHS))
            .unwrap_or(NaiveDate::MAX);
        let code = if *deadline < sub.ends_on {
            "deadline_before_end"
        } else if *deadline > latest {
            "deadline_too_late"
        } else {
            continue;
        };
        problems.push((format!("periodic_deadline_{}", sub.seq), code));
    }
    // Annual results can only be judged once the year is over.
    if annual.year() != year + 1 {
        problems.push(("annual_deadline".to_owned(), "deadline_outside_next_year"));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::IntoEnumIterator;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn sub(seq: u8, starts_on: NaiveDate, ends_on: NaiveDate) -> SubPeriod {
        SubPeriod {
            seq,
            starts_on,
            ends_on,
        }
    }

    #[test]
    fn sub_periods_cover_the_year_without_gaps() {
        for year in [2024, 2025] {
            for interval in EvaluationInterval::iter() {
                let subs = sub_periods(year, interval);
                assert_eq!(subs.len() as u32, interval.evaluations_per_year());
                assert_eq!(subs[0].starts_on, date(year, 1, 1));
                assert_eq!(subs[subs.len() - 1].ends_on, date(year, 12, 31));
                for (index, pair) in subs.windows(2).enumerate() {
                    assert_eq!(usize::from(pair[0].seq), index + 1);
                    assert_eq!(pair[0].ends_on.succ_opt(), Some(pair[1].starts_on));
                }
            }
        }
    }

    #[test]
    fn monthly_february_follows_leap_years() {
        let leap = sub_periods(2024, EvaluationInterval::Monthly);
        assert_eq!(leap[1], sub(2, date(2024, 2, 1), date(2024, 2, 29)));
        let common = sub_periods(2025, EvaluationInterval::Monthly);
        assert_eq!(common[1], sub(2, date(2025, 2, 1), date(2025, 2, 28)));
        assert_eq!(common[3].ends_on, date(2025, 4, 30));
    }

    #[test]
    fn quarters_and_semesters() {
        assert_eq!(
            sub_periods(2025, EvaluationInterval::Quarterly),
            [
                sub(1, date(2025, 1, 1), date(2025, 3, 31)),
                sub(2, date(2025, 4, 1), date(2025, 6, 30)),
                sub(3, date(2025, 7, 1), date(2025, 9, 30)),
                sub(4, date(2025, 10, 1), date(2025, 12, 31)),
            ]
        );
        assert_eq!(
            sub_periods(2025, EvaluationInterval::Semester),
            [
                sub(1, date(2025, 1, 1), date(2025, 6, 30)),
                sub(2, date(2025, 7, 1), date(2025, 12, 31)),
            ]
        );
    }

    #[test]
    fn unrepresentable_years_have_no_sub_periods() {
        assert_eq!(sub_periods(i32::MAX, EvaluationInterval::Monthly), []);
    }

    #[test]
    fn yearly_defaults() {
        assert_eq!(default_planning_deadline(2025), date(2025, 1, 31));
        assert_eq!(default_annual_deadline(2025), date(2026, 1, 31));
    }

    #[test]
    fn periodic_deadlines_skip_weekends() {
        let deadline = |ends_on: NaiveDate| {
            default_periodic_deadline(&sub(1, ends_on.with_day(1).unwrap(), ends_on))
        };
        // Ends on a Friday: the whole next week.
        assert_eq!(date(2025, 1, 31).weekday(), Weekday::Fri);
        assert_eq!(deadline(date(2025, 1, 31)), date(2025, 2, 7));
        // Ends on a Sunday.
        assert_eq!(date(2025, 8, 31).weekday(), Weekday::Sun);
        assert_eq!(deadline(date(2025, 8, 31)), date(2025, 9, 5));
        // Ends on a Wednesday, into the next year; 1 January counts although it is a holiday.
        assert_eq!(date(2025, 12, 31).weekday(), Weekday::Wed);
        assert_eq!(deadline(date(2025, 12, 31)), date(2026, 1, 7));
        // Ends on a Monday.
        assert_eq!(date(2025, 3, 31).weekday(), Weekday::Mon);
        assert_eq!(deadline(date(2025, 3, 31)), date(2025, 4, 7));
    }

    fn defaults(year: i32) -> (NaiveDate, NaiveDate, Vec<(SubPeriod, NaiveDate)>) {
        let periodic = sub_periods(year, EvaluationInterval::Quarterly)
            .into_iter()
            .map(|s| (s, default_periodic_deadline(&s)))
            .collect();
        (
            default_planning_deadline(year),
            default_annual_deadline(year),
            periodic,
        )
    }

    #[test]
    fn defaults_are_valid() {
        for year in [2000, 2024, 2100] {
            let (planning, annual, periodic) = defaults(year);
            assert_eq!(validate_deadlines(year, planning, annual, &periodic), []);
        }
    }

    #[test]
    fn year_out_of_range() {
        let (planning, annual, periodic) = defaults(2025);
        for year in [1999, 2101] {
            assert_eq!(
                validate_deadlines(year, planning, annual, &periodic),
                [("year".to_owned(), "invalid_year")]
            );
        }
    }

    #[test]
    fn each_deadline_code() {
        let (_, _, mut periodic) = defaults(2025);
        // Q1 ends 31 March: on the end day is fine, the day before is not.
        periodic[0].1 = date(2025, 3, 30);
        // Q2 ends 30 June: three months later is the last allowed day.
        periodic[1].1 = date(2025, 9, 30);
        periodic[2].1 = date(2026, 1, 1);
        periodic[3].1 = date(2025, 12, 31);
        assert_eq!(
            validate_deadlines(2025, date(2026, 1, 31), date(2025, 12, 31), &periodic),
            [
                ("planning_deadline".to_owned(), "deadline_outside_year"),
                ("periodic_deadline_1".to_owned(), "deadline_before_end"),
                ("periodic_deadline_3".to_owned(), "deadline_too_late"),
                ("annual_deadline".to_owned(), "deadline_outside_next_year"),
            ]
        );
        periodic[1].1 = date(2025, 10, 1);
        assert_eq!(
            validate_deadlines(2025, date(2025, 1, 1), date(2027, 1, 1), &periodic[1..2]),
            [
                ("periodic_deadline_2".to_owned(), "deadline_too_late"),
                ("annual_deadline".to_owned(), "deadline_outside_next_year"),
            ]
        );
        assert_eq!(
            validate_deadlines(2025, date(2025, 12, 31), date(2026, 12, 31), &[]),
            []
        );
    }

    #[test]
    fn stored_strings_round_trip() {
        use crate::vocabulary::{assert_round_trips, assert_serde_spelling};
        assert_round_trips(OrgPredikat::as_str);
        assert_round_trips(PeriodState::as_str);
        assert_serde_spelling(OrgPredikat::as_str);
        assert_serde_spelling(PeriodState::as_str);
        assert_eq!(OrgPredikat::ButuhPerbaikan.as_str(), "butuh_perbaikan");
        assert_eq!(OrgPredikat::SangatKurang.as_str(), "sangat_kurang");
        assert!("cukup".parse::<OrgPredikat>().is_err());
        assert_eq!(
            "closing".parse::<PeriodState>(),
            Err(crate::vocabulary::UnknownValue("closing".into()))
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn columns_hold_the_stored_strings() {
        use crate::vocabulary::assert_column_spelling;
        assert_column_spelling(OrgPredikat::as_str);
        assert_column_spelling(PeriodState::as_str);
    }
}
