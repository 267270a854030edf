//! Officials outside the application (*pejabat di luar aplikasi*): the Sekda who appraises the
//! head of an agency, the Bupati above the Sekda. They are recorded by name, NIP and position so
//! the documents print them; an admin records their decisions on their behalf.

use crate::employee::{FieldError, nip_error_code};
use crate::ids::ExternalOfficialId;
use crate::nip::Nip;
use crate::text::clean_line;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const MAX_NAME_LEN: usize = 200;
pub const MAX_POSITION_LEN: usize = 200;
pub const MAX_RANK_LEN: usize = 80;

/// The form as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficialFields {
    /// With titles, as printed ("Dr. H. Ahmad Fauzi, M.Si.").
    pub name: String,
    /// Empty for elected officials, who have none.
    pub nip: String,
    pub position: String,
    /// Pangkat and golongan as printed; empty for elected officials.
    pub rank_grade: String,
    /// Id of their own superior among the recorded officials; empty for none.
    pub superior_id: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidOfficial {
    pub name: String,
    pub nip: Option<Nip>,
    pub position: String,
    pub rank_grade: String,
    pub superior_id: Option<ExternalOfficialId>,
}

/// Every check that needs no database; all problems at once, by field.
pub fn validate(
    fields: &OfficialFields,
    today: NaiveDate,
) -> Result<ValidOfficial, Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = clean_line(&fields.name, MAX_NAME_LEN).map_err(|code| errors.push(("name", code)));
    let position = clean_line(&fields.position, MAX_POSITION_LEN)
        .map_err(|code| errors.push(("position", code)));
    let rank_grade = match clean_line(&fields.rank_grade, MAX_RANK_LEN) {
        Ok(rank) => rank,
        Err("required") => String::new(),
        Err(code) => {
            errors.push(("rank_grade", code));
            String::new()
        }
    };
    let nip = match fields.nip.trim() {
        "" => None,
        typed => match Nip::parse(typed, today) {
            Ok(nip) => Some(nip),
            Err(err) => {
                errors.push(("nip", nip_error_code(&err)));
                None
            }
        },
    };
    let superior_id = match fields.superior_id.trim() {
        "" => None,
        typed => match typed.parse::<ExternalOfficialId>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.push(("superior_id", "invalid"));
                None
            }
        },
    };
    match (name, position) {
        (Ok(name), Ok(position)) if errors.is_empty() => Ok(ValidOfficial {
            name,
            nip,
            position,
            rank_grade,
            superior_id,
        }),
        _ => Err(errors),
    }
}

/// Whether `official` may report to the first of `chain` (the candidate superior, then that
/// one's superior, and so on up): never to themselves, directly or round a loop.
pub fn superior_allowed(
    official: Option<ExternalOfficialId>,
    chain: &[ExternalOfficialId],
) -> bool {
    official.is_none_or(|me| !chain.contains(&me))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn sekda() -> OfficialFields {
        OfficialFields {
            name: "  Dr. H. Ahmad   Fauzi, M.Si. ".into(),
            nip: "19700101 199503 1 002".into(),
            position: "Sekretaris Daerah".into(),
            rank_grade: "Pembina Utama Madya (IV/d)".into(),
            superior_id: "3".into(),
        }
    }

    #[test]
    fn an_official_is_cleaned_and_a_bupati_needs_no_nip() {
        let valid = validate(&sekda(), today()).unwrap();
        assert_eq!(valid.name, "Dr. H. Ahmad Fauzi, M.Si.");
        assert_eq!(valid.nip.unwrap().as_str(), "197001011995031002");
        assert_eq!(valid.superior_id, Some(ExternalOfficialId(3)));
        let bupati = OfficialFields {
            name: "H. Bambang Sutrisno".into(),
            position: "Bupati".into(),
            ..Default::default()
        };
        let valid = validate(&bupati, today()).unwrap();
        assert_eq!(
            (valid.nip, valid.rank_grade, valid.superior_id),
            (None, String::new(), None)
        );
    }

    #[test]
    fn every_problem_is_reported_by_field() {
        let bad = OfficialFields {
            name: " ".into(),
            nip: "1970".into(),
            position: String::new(),
            rank_grade: "x\u{7}".into(),
            superior_id: "nol".into(),
        };
        assert_eq!(
            validate(&bad, today()).unwrap_err(),
            vec![
                ("name", "required"),
                ("position", "required"),
                ("rank_grade", "control_chars"),
                ("nip", "nip_length"),
                ("superior_id", "invalid"),
            ]
        );
    }

    #[test]
    fn nobody_reports_to_themselves_round_a_loop() {
        let (a, b, c) = (
            ExternalOfficialId(1),
            ExternalOfficialId(2),
            ExternalOfficialId(3),
        );
        assert!(superior_allowed(None, &[a]));
        assert!(superior_allowed(Some(a), &[b, c]));
        assert!(!superior_allowed(Some(a), &[a]));
        assert!(!superior_allowed(Some(a), &[b, a]));
    }
}
