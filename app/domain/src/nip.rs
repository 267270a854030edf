//! NIP (*Nomor Induk Pegawai*): the 18-digit civil-servant number.
//!
//! Layout: `YYYYMMDD` birth date · `YYYYMM` start of service (TMT CPNS) · `G` gender (1 male,
//! 2 female) · `NNN` sequence. PPPK numbers put `21` where the TMT month would be, which marks
//! the holder as a contract employee (as printed on PPPK decrees since 2019).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A validated NIP. Construct with [`Nip::parse`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nip(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Gender {
    Male,
    Female,
}

/// Each way a NIP can be wrong, so the form can say exactly what to fix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum NipError {
    #[error("NIP must be exactly 18 digits (got {0} characters)")]
    Length(usize),
    #[error("NIP may contain digits only")]
    NotDigits,
    #[error("digits 1-8 are not a valid birth date (YYYYMMDD)")]
    BirthDate,
    #[error("digits 9-14 are not a valid TMT year and month (YYYYMM)")]
    TmtMonth,
    #[error("the TMT year is before the holder was 18 or in the future")]
    TmtYear,
    #[error("digit 15 must be 1 (male) or 2 (female)")]
    Gender,
    #[error("digits 16-18 (sequence) cannot be 000")]
    Sequence,
}

/// The month code PPPK numbers carry instead of a TMT month.
const PPPK_MONTH_CODE: u32 = 21;
/// Minimum age for appointment as CPNS/PPPK.
const MIN_AGE_AT_TMT: i32 = 18;

impl Nip {
    /// Parses a NIP, ignoring spaces (NIPs are often written `19850512 201001 1 001`).
    /// `today` bounds the birth date and TMT year; pass the current date.
    pub fn parse(input: &str, today: NaiveDate) -> Result<Self, NipError> {
        let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(NipError::NotDigits);
        }
        if digits.len() != 18 {
            return Err(NipError::Length(digits.chars().count()));
        }
        let num =
            |range: std::ops::Range<usize>| -> u32 { digits[range].parse().expect("ascii digits") };
        let birth = NaiveDate::from_ymd_opt(num(0..4) as i32, num(4..6), num(6..8))
            .filter(|d| d.year() >= 1900 && *d <= today)
            .ok_or(NipError::BirthDate)?;
        let tmt_year = num(8..12) as i32;
        let tmt_month = num(12..14);
        if !((1..=12).contains(&tmt_month) || tmt_month == PPPK_MONTH_CODE) {
            return Err(NipError::TmtMonth);
        }
        if tmt_year < birth.year() + MIN_AGE_AT_TMT || tmt_year > today.year() + 1 {
            return Err(NipError::TmtYear);
        }
        if !matches!(num(14..15), 1 | 2) {
            return Err(NipError::Gender);
        }
        if num(15..18) == 0 {
            return Err(NipError::Sequence);
        }
        Ok(Self(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn birth_date(&self) -> NaiveDate {
        let n = |r: std::ops::Range<usize>| self.0[r].parse::<u32>().expect("validated");
        NaiveDate::from_ymd_opt(n(0..4) as i32, n(4..6), n(6..8)).expect("validated")
    }

    pub fn gender(&self) -> Gender {
        if &self.0[14..15] == "1" {
            Gender::Male
        } else {
            Gender::Female
        }
    }

    /// True for the PPPK month code `21`.
    pub fn is_pppk_number(&self) -> bool {
        &self.0[12..14] == "21"
    }

    /// The customary grouped form: `19850512 201001 1 001`.
    pub fn formatted(&self) -> String {
        format!(
            "{} {} {} {}",
            &self.0[0..8],
            &self.0[8..14],
            &self.0[14..15],
            &self.0[15..18]
        )
    }
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Nip> for String {
    fn from(nip: Nip) -> Self {
        nip.0
    }
}

impl TryFrom<String> for Nip {
    type Error = NipError;

    /// For data already validated when stored: checks the layout against a far-future date.
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value, NaiveDate::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn accepts_pns_and_pppk_numbers_with_or_without_spaces() {
        let nip = Nip::parse("19850512 201001 1 001", today()).unwrap();
        assert_eq!(nip.as_str(), "198505122010011001");
        assert_eq!(
            nip.birth_date(),
            NaiveDate::from_ymd_opt(1985, 5, 12).unwrap()
        );
        assert_eq!(nip.gender(), Gender::Male);
        assert!(!nip.is_pppk_number());
        assert_eq!(nip.formatted(), "19850512 201001 1 001");

        let pppk = Nip::parse("199203172023212004", today()).unwrap();
        assert!(pppk.is_pppk_number());
        assert_eq!(pppk.gender(), Gender::Female);
    }

    #[test]
    fn names_each_fault() {
        let t = today();
        assert_eq!(Nip::parse("1985051220100110", t), Err(NipError::Length(16)));
        assert_eq!(
            Nip::parse("19850512201001100A", t),
            Err(NipError::NotDigits)
        );
        assert_eq!(
            Nip::parse("198502302010011001", t),
            Err(NipError::BirthDate)
        );
        assert_eq!(
            Nip::parse("203001012050011001", t),
            Err(NipError::BirthDate)
        );
        assert_eq!(Nip::parse("198505122010131001", t), Err(NipError::TmtMonth));
        assert_eq!(Nip::parse("198505122010001001", t), Err(NipError::TmtMonth));
        assert_eq!(Nip::parse("198505121999011001", t), Err(NipError::TmtYear));
        assert_eq!(Nip::parse("198505122035011001", t), Err(NipError::TmtYear));
        assert_eq!(Nip::parse("198505122010013001", t), Err(NipError::Gender));
        assert_eq!(Nip::parse("198505122010011000", t), Err(NipError::Sequence));
    }

    #[test]
    fn serde_round_trip_validates() {
        let nip: Nip = serde_json::from_str("\"198505122010011001\"").unwrap();
        assert_eq!(
            serde_json::to_string(&nip).unwrap(),
            "\"198505122010011001\""
        );
        assert!(serde_json::from_str::<Nip>("\"123\"").is_err());
    }
}
