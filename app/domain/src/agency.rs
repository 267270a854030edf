//! Agency (*instansi*) settings: the time zone its staff live in and how often it runs periodic
//! performance evaluations.

use crate::vocabulary::{IntoEnumIterator, UnknownValue, from_str_via_as_str};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use strum::EnumIter;

/// Indonesia's three civil time zones. Stored as IANA names; shown by their Indonesian abbreviation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text")
)]
pub enum AgencyTimeZone {
    /// *Waktu Indonesia Barat*, UTC+7.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "Asia/Jakarta"))]
    #[serde(rename = "Asia/Jakarta")]
    Wib,
    /// *Waktu Indonesia Tengah*, UTC+8.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "Asia/Makassar"))]
    #[serde(rename = "Asia/Makassar")]
    Wita,
    /// *Waktu Indonesia Timur*, UTC+9.
    #[cfg_attr(feature = "ssr", sea_orm(string_value = "Asia/Jayapura"))]
    #[serde(rename = "Asia/Jayapura")]
    Wit,
}

impl AgencyTimeZone {
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
        self.local(now).date_naive()
    }

    /// A moment on the agency's clocks.
    pub fn local(self, at: chrono::DateTime<chrono::Utc>) -> chrono::DateTime<chrono::FixedOffset> {
        at.with_timezone(&self.utc_offset())
    }
}

impl fmt::Display for AgencyTimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.abbreviation())
    }
}

impl FromStr for AgencyTimeZone {
    type Err = UnknownValue;

    /// Accepts the IANA name or the abbreviation, case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Self::iter()
            .find(|tz| {
                tz.iana_name().eq_ignore_ascii_case(s) || tz.abbreviation().eq_ignore_ascii_case(s)
            })
            .ok_or_else(|| UnknownValue(s.to_owned()))
    }
}

/// How often the agency evaluates performance within the annual period (PermenPANRB 6/2022 leaves
/// this to the agency; monthly is common because the performance allowance is paid monthly).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationInterval {
    Monthly,
    Quarterly,
    Semester,
}

impl EvaluationInterval {
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

from_str_via_as_str!(EvaluationInterval);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_zones_round_trip_through_iana_names_and_abbreviations() {
        for tz in AgencyTimeZone::iter() {
            assert_eq!(tz.iana_name().parse::<AgencyTimeZone>(), Ok(tz));
            assert_eq!(
                tz.abbreviation().to_lowercase().parse::<AgencyTimeZone>(),
                Ok(tz)
            );
        }
        assert!("Asia/Singapore".parse::<AgencyTimeZone>().is_err());
    }

    #[test]
    fn intervals_round_trip() {
        crate::vocabulary::assert_round_trips(EvaluationInterval::as_str);
        crate::vocabulary::assert_serde_spelling(EvaluationInterval::as_str);
        crate::vocabulary::assert_serde_spelling(AgencyTimeZone::iana_name);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn columns_hold_the_stored_strings() {
        use crate::vocabulary::assert_column_spelling;
        assert_column_spelling(AgencyTimeZone::iana_name);
        assert_column_spelling(EvaluationInterval::as_str);
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
        for interval in EvaluationInterval::iter() {
            assert_eq!(12 % interval.evaluations_per_year(), 0);
            assert_eq!(
                interval.as_str().parse::<EvaluationInterval>(),
                Ok(interval)
            );
        }
        assert!("weekly".parse::<EvaluationInterval>().is_err());
    }
}
