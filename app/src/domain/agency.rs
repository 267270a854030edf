//! Agency (*instansi*) settings: the time zone its staff live in and how often it runs periodic
//! performance evaluations.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Indonesia's three civil time zones. Stored as IANA names; shown by their Indonesian abbreviation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AgencyTimeZone {
    /// *Waktu Indonesia Barat*, UTC+7.
    Wib,
    /// *Waktu Indonesia Tengah*, UTC+8.
    Wita,
    /// *Waktu Indonesia Timur*, UTC+9.
    Wit,
}

impl AgencyTimeZone {
    pub const ALL: [Self; 3] = [Self::Wib, Self::Wita, Self::Wit];

    pub fn iana_name(self) -> &'static str {
        match self {
            Self::Wib => "Asia/Jakarta",
            Self::Wita => "Asia/Makassar",
            Self::Wit => "Asia/Jayapura",
        }
    }

    pub fn abbreviation(self) -> &'static str {
        match self {
            Self::Wib => "WIB",
            Self::Wita => "WITA",
            Self::Wit => "WIT",
        }
    }

    /// None of the three zones observes daylight saving time, so a fixed offset is exact.
    pub fn utc_offset(self) -> chrono::FixedOffset {
        let hours = match self {
            Self::Wib => 7,
            Self::Wita => 8,
            Self::Wit => 9,
        };
        chrono::FixedOffset::east_opt(hours * 3600).expect("offset within a day")
    }

    /// The date on this zone's calendars at `now`.
    pub fn date_at(self, now: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDate {
        now.with_timezone(&self.utc_offset()).date_naive()
    }

    /// A moment as the agency's staff read it: `03-02-2026 09:15`.
    pub fn moment_text(self, at: chrono::DateTime<chrono::Utc>) -> String {
        at.with_timezone(&self.utc_offset())
            .format("%d-%m-%Y %H:%M")
            .to_string()
    }
}

impl fmt::Display for AgencyTimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.abbreviation())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown value `{0}`")]
pub struct UnknownValue(pub String);

impl FromStr for AgencyTimeZone {
    type Err = UnknownValue;

    /// Accepts the IANA name or the abbreviation, case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Self::ALL
            .into_iter()
            .find(|tz| {
                tz.iana_name().eq_ignore_ascii_case(s) || tz.abbreviation().eq_ignore_ascii_case(s)
            })
            .ok_or_else(|| UnknownValue(s.to_owned()))
    }
}

/// How often the agency evaluates performance within the annual period (PermenPANRB 6/2022 leaves
/// this to the agency; monthly is common because the performance allowance is paid monthly).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EvaluationInterval {
    Monthly,
    Quarterly,
    Semester,
}

impl EvaluationInterval {
    pub const ALL: [Self; 3] = [Self::Monthly, Self::Quarterly, Self::Semester];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Monthly => "monthly",
            Self::Quarterly => "quarterly",
            Self::Semester => "semester",
        }
    }

    /// Number of periodic evaluations in one annual period.
    pub fn evaluations_per_year(self) -> u32 {
        match self {
            Self::Monthly => 12,
            Self::Quarterly => 4,
            Self::Semester => 2,
        }
    }
}

impl FromStr for EvaluationInterval {
    type Err = UnknownValue;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|i| i.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownValue(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_zones_round_trip_through_iana_names_and_abbreviations() {
        for tz in AgencyTimeZone::ALL {
            assert_eq!(tz.iana_name().parse::<AgencyTimeZone>(), Ok(tz));
            assert_eq!(
                tz.abbreviation().to_lowercase().parse::<AgencyTimeZone>(),
                Ok(tz)
            );
        }
        assert!("Asia/Singapore".parse::<AgencyTimeZone>().is_err());
    }

    #[test]
    fn offsets_match_indonesian_civil_time() {
        assert_eq!(AgencyTimeZone::Wib.utc_offset().local_minus_utc(), 7 * 3600);
        assert_eq!(
            AgencyTimeZone::Wita.utc_offset().local_minus_utc(),
            8 * 3600
        );
        assert_eq!(AgencyTimeZone::Wit.utc_offset().local_minus_utc(), 9 * 3600);
    }

    #[test]
    fn intervals_divide_the_year() {
        for interval in EvaluationInterval::ALL {
            assert_eq!(12 % interval.evaluations_per_year(), 0);
            assert_eq!(
                interval.as_str().parse::<EvaluationInterval>(),
                Ok(interval)
            );
        }
        assert!("weekly".parse::<EvaluationInterval>().is_err());
    }
}
