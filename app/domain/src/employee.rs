//! What makes an employee record valid, field by field. The admin form and the CSV import both
//! submit the same raw fields and get the same per-field message codes back; checks that need
//! the database (does the unit exist, is the NIP taken) come after these, in the server.

use crate::nip::{Nip, NipError};
use crate::vocabulary::from_str_via_as_str;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use strum::EnumIter;

pub const MAX_NAME_LEN: usize = 120;
pub const MAX_FRONT_TITLE_LEN: usize = 40;
pub const MAX_BACK_TITLE_LEN: usize = 60;
pub const MAX_EMAIL_LEN: usize = 200;
pub const MAX_POSITION_LEN: usize = 200;

/// PNS or PPPK, as stored in `pegawai.asn_type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum AsnType {
    Pns,
    Pppk,
}

from_str_via_as_str!(AsnType, PositionKind);

impl AsnType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pns => "pns",
            Self::Pppk => "pppk",
        }
    }

    /// "PNS" or "PPPK", as every document writes them.
    pub fn label(self) -> &'static str {
        match self {
            Self::Pns => "PNS",
            Self::Pppk => "PPPK",
        }
    }

    /// PNS carry *golongan ruang* I/a … IV/e; PPPK a *golongan* I … XVII only (DOMAIN.md §2).
    pub fn ranks(self) -> &'static [&'static str] {
        match self {
            Self::Pns => &PNS_RANKS,
            Self::Pppk => &PPPK_RANKS,
        }
    }
}

pub const PNS_RANKS: [&str; 17] = [
    "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d",
    "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
];
pub const PPPK_RANKS: [&str; 17] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI", "XVII",
];

/// The *pangkat* of a PNS grade as printed on official documents ("Penata, III/c"); PPPK
/// have a *golongan* only.
pub fn rank_label(asn_type: AsnType, grade: &str) -> String {
    let name = match grade {
        "I/a" => "Juru Muda",
        "I/b" => "Juru Muda Tingkat I",
        "I/c" => "Juru",
        "I/d" => "Juru Tingkat I",
        "II/a" => "Pengatur Muda",
        "II/b" => "Pengatur Muda Tingkat I",
        "II/c" => "Pengatur",
        "II/d" => "Pengatur Tingkat I",
        "III/a" => "Penata Muda",
        "III/b" => "Penata Muda Tingkat I",
        "III/c" => "Penata",
        "III/d" => "Penata Tingkat I",
        "IV/a" => "Pembina",
        "IV/b" => "Pembina Tingkat I",
        "IV/c" => "Pembina Utama Muda",
        "IV/d" => "Pembina Utama Madya",
        "IV/e" => "Pembina Utama",
        _ => "",
    };
    if asn_type == AsnType::Pppk || name.is_empty() {
        format!("Golongan {grade}")
    } else {
        format!("{name}, {grade}")
    }
}

/// The kind of a *jabatan*, as stored in `jabatan.kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum PositionKind {
    JptUtama,
    JptMadya,
    JptPratama,
    Administrator,
    Pengawas,
    Fungsional,
    Pelaksana,
}

impl PositionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::JptUtama => "jpt_utama",
            Self::JptMadya => "jpt_madya",
            Self::JptPratama => "jpt_pratama",
            Self::Administrator => "administrator",
            Self::Pengawas => "pengawas",
            Self::Fungsional => "fungsional",
            Self::Pelaksana => "pelaksana",
        }
    }

    /// Structural positions lead a unit: whoever holds one is the head of the unit it belongs to.
    pub fn heads_unit(self) -> bool {
        matches!(
            self,
            Self::JptUtama
                | Self::JptMadya
                | Self::JptPratama
                | Self::Administrator
                | Self::Pengawas
        )
    }

    /// *Jabatan pimpinan tinggi*: their SKP takes the JPT form (perspectives, no cascade).
    pub fn is_jpt(self) -> bool {
        matches!(self, Self::JptUtama | Self::JptMadya | Self::JptPratama)
    }
}

/// The fields of an employee as typed into the admin form or read from one CSV row.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmployeeFields {
    pub nip: String,
    pub name: String,
    pub front_title: String,
    pub back_title: String,
    pub email: String,
    pub asn_type: String,
    pub rank_grade: String,
    pub unit_code: String,
    pub position: String,
    pub position_kind: String,
    /// NIP of the direct superior (*atasan langsung*); empty: derived from the unit tree.
    pub superior_nip: String,
    /// NIP of the appraiser (*pejabat penilai kinerja*); empty: the direct superior.
    pub appraiser_nip: String,
}

impl EmployeeFields {
    /// Every field with its form/CSV name, in template order.
    pub fn pairs(&self) -> [(&'static str, &str); 12] {
        [
            ("nip", &self.nip),
            ("name", &self.name),
            ("front_title", &self.front_title),
            ("back_title", &self.back_title),
            ("email", &self.email),
            ("asn_type", &self.asn_type),
            ("rank_grade", &self.rank_grade),
            ("unit_code", &self.unit_code),
            ("position", &self.position),
            ("position_kind", &self.position_kind),
            ("superior_nip", &self.superior_nip),
            ("appraiser_nip", &self.appraiser_nip),
        ]
    }
}

/// The CSV template's columns (Indonesian headers, as admins know them) and the field each fills.
pub const IMPORT_COLUMNS: [(&str, &str); 12] = [
    ("nip", "nip"),
    ("nama", "name"),
    ("gelar_depan", "front_title"),
    ("gelar_belakang", "back_title"),
    ("email", "email"),
    ("jenis_asn", "asn_type"),
    ("golongan", "rank_grade"),
    ("kode_unit", "unit_code"),
    ("jabatan", "position"),
    ("jenis_jabatan", "position_kind"),
    ("nip_atasan", "superior_nip"),
    ("nip_penilai", "appraiser_nip"),
];

/// A field-level problem: the field's name and a message code the UI translates.
pub type FieldError = (&'static str, &'static str);

/// An employee record that passed every check that needs no database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidEmployee {
    pub nip: Nip,
    pub name: String,
    pub front_title: Option<String>,
    pub back_title: Option<String>,
    pub email: Option<String>,
    pub asn_type: AsnType,
    pub rank_grade: String,
    pub unit_code: String,
    pub position: String,
    pub position_kind: PositionKind,
    pub superior_nip: Option<Nip>,
    pub appraiser_nip: Option<Nip>,
}

pub fn nip_error_code(err: &NipError) -> &'static str {
    match err {
        NipError::Length(_) => "nip_length",
        NipError::NotDigits => "nip_digits",
        NipError::BirthDate => "nip_birth_date",
        NipError::TmtMonth => "nip_tmt_month",
        NipError::TmtYear => "nip_tmt_year",
        NipError::Gender => "nip_gender",
        NipError::Sequence => "nip_sequence",
    }
}

/// Collapses runs of whitespace and trims; empty becomes `None`.
fn clean(input: &str) -> Option<String> {
    let joined = input.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// A deliberately simple shape check: one `@`, something before it, a dot in the domain.
/// Delivery is what really proves an address; this only catches typing slips.
pub fn plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
}

fn optional_nip(
    input: &str,
    field: &'static str,
    today: NaiveDate,
    errors: &mut Vec<FieldError>,
) -> Option<Nip> {
    if input.trim().is_empty() {
        return None;
    }
    match Nip::parse(input, today) {
        Ok(nip) => Some(nip),
        Err(err) => {
            errors.push((field, nip_error_code(&err)));
            None
        }
    }
}

fn bounded(
    input: &str,
    field: &'static str,
    max: usize,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let value = clean(input)?;
    if value.chars().count() > max {
        errors.push((field, "too_long"));
    }
    Some(value)
}

/// Checks every field and reports every problem at once (a CSV line or a form lists them all).
pub fn validate(
    fields: &EmployeeFields,
    today: NaiveDate,
) -> Result<ValidEmployee, Vec<FieldError>> {
    let mut errors: Vec<FieldError> = fields
        .pairs()
        .iter()
        .filter(|(_, value)| crate::text::has_refused_char(value))
        .map(|(field, _)| (*field, crate::text::CONTROL_CHARS))
        .collect();

    let nip = if fields.nip.trim().is_empty() {
        errors.push(("nip", "required"));
        None
    } else {
        match Nip::parse(&fields.nip, today) {
            Ok(nip) => Some(nip),
            Err(err) => {
                errors.push(("nip", nip_error_code(&err)));
                None
            }
        }
    };

    let name = bounded(&fields.name, "name", MAX_NAME_LEN, &mut errors);
    if name.is_none() {
        errors.push(("name", "required"));
    }
    let front_title = bounded(
        &fields.front_title,
        "front_title",
        MAX_FRONT_TITLE_LEN,
        &mut errors,
    );
    let back_title = bounded(
        &fields.back_title,
        "back_title",
        MAX_BACK_TITLE_LEN,
        &mut errors,
    );

    let email = clean(&fields.email).map(|e| e.to_lowercase());
    if let Some(email) = &email {
        if email.chars().count() > MAX_EMAIL_LEN {
            errors.push(("email", "too_long"));
        } else if !plausible_email(email) {
            errors.push(("email", "email_invalid"));
        }
    }

    let asn_type = if fields.asn_type.trim().is_empty() {
        errors.push(("asn_type", "required"));
        None
    } else {
        let parsed = fields.asn_type.parse::<AsnType>().ok();
        if parsed.is_none() {
            errors.push(("asn_type", "asn_type_invalid"));
        }
        parsed
    };
    // The NIP itself says whether its holder is PPPK; the two must agree.
    if let (Some(nip), Some(asn_type)) = (&nip, asn_type)
        && nip.is_pppk_number() != (asn_type == AsnType::Pppk)
    {
        errors.push(("asn_type", "asn_type_nip_mismatch"));
    }

    let rank_input = fields.rank_grade.trim();
    let rank_grade = match asn_type {
        _ if rank_input.is_empty() => {
            errors.push(("rank_grade", "required"));
            None
        }
        Some(asn_type) => {
            let found = asn_type
                .ranks()
                .iter()
                .find(|r| r.eq_ignore_ascii_case(&rank_input.replace(' ', "")));
            if found.is_none() {
                errors.push((
                    "rank_grade",
                    match asn_type {
                        AsnType::Pns => "rank_invalid_pns",
                        AsnType::Pppk => "rank_invalid_pppk",
                    },
                ));
            }
            found.map(|r| (*r).to_owned())
        }
        None => None,
    };

    let unit_code = clean(&fields.unit_code).map(|c| c.to_uppercase());
    if unit_code.is_none() {
        errors.push(("unit_code", "required"));
    }

    let position = bounded(&fields.position, "position", MAX_POSITION_LEN, &mut errors);
    if position.is_none() {
        errors.push(("position", "required"));
    }
    let kind_input = fields.position_kind.trim();
    let position_kind = kind_input.parse::<PositionKind>().ok();
    if kind_input.is_empty() {
        errors.push(("position_kind", "required"));
    } else if position_kind.is_none() {
        errors.push(("position_kind", "position_kind_invalid"));
    }

    let superior_nip = optional_nip(&fields.superior_nip, "superior_nip", today, &mut errors);
    let appraiser_nip = optional_nip(&fields.appraiser_nip, "appraiser_nip", today, &mut errors);
    for (field, other) in [
        ("superior_nip", &superior_nip),
        ("appraiser_nip", &appraiser_nip),
    ] {
        if other.is_some() && other.as_ref() == nip.as_ref() {
            errors.push((field, "self_reference"));
        }
    }

    match (
        nip,
        name,
        asn_type,
        rank_grade,
        unit_code,
        position,
        position_kind,
    ) {
        (
            Some(nip),
            Some(name),
            Some(asn_type),
            Some(rank_grade),
            Some(unit_code),
            Some(position),
            Some(position_kind),
        ) if errors.is_empty() => Ok(ValidEmployee {
            nip,
            name,
            front_title,
            back_title,
            email,
            asn_type,
            rank_grade,
            unit_code,
            position,
            position_kind,
            superior_nip,
            appraiser_nip,
        }),
        _ => Err(errors),
    }
}

/// The lower-cased name the directory searches on (titles excluded).
pub fn search_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Name with academic titles as printed on documents: `Dr. Siti Aminah, S.E., M.Si.`.
pub fn display_name(front_title: Option<&str>, name: &str, back_title: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(front) = front_title.filter(|t| !t.is_empty()) {
        out.push_str(front);
        out.push(' ');
    }
    out.push_str(name);
    if let Some(back) = back_title.filter(|t| !t.is_empty()) {
        out.push_str(", ");
        out.push_str(back);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::{IntoEnumIterator, assert_round_trips, assert_serde_spelling};

    #[test]
    fn asn_types_and_position_kinds_have_one_spelling() {
        assert_round_trips::<AsnType>(AsnType::as_str);
        assert_round_trips::<PositionKind>(PositionKind::as_str);
        assert_serde_spelling::<AsnType>(AsnType::as_str);
        assert_serde_spelling::<PositionKind>(PositionKind::as_str);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn asn_types_and_position_kinds_are_stored_as_spelled() {
        crate::vocabulary::assert_column_spelling(AsnType::as_str);
        crate::vocabulary::assert_column_spelling(PositionKind::as_str);
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    fn good() -> EmployeeFields {
        EmployeeFields {
            nip: "19850512 201001 2 003".into(),
            name: "  Siti   Aminah ".into(),
            front_title: String::new(),
            back_title: "S.E., M.Si.".into(),
            email: "Siti.Aminah@Sukamakmur.go.id".into(),
            asn_type: "PNS".into(),
            rank_grade: "iii/c".into(),
            unit_code: "ppik-info".into(),
            position: "Analis SDM Aparatur Ahli Muda".into(),
            position_kind: "Fungsional".into(),
            superior_nip: String::new(),
            appraiser_nip: String::new(),
        }
    }

    fn codes(fields: &EmployeeFields) -> Vec<FieldError> {
        validate(fields, today()).unwrap_err()
    }

    #[test]
    fn a_complete_record_is_normalised() {
        let v = validate(&good(), today()).unwrap();
        assert_eq!(v.nip.as_str(), "198505122010012003");
        assert_eq!(v.name, "Siti Aminah");
        assert_eq!(v.email.as_deref(), Some("siti.aminah@sukamakmur.go.id"));
        assert_eq!(v.rank_grade, "III/c");
        assert_eq!(v.unit_code, "PPIK-INFO");
        assert_eq!(v.position_kind, PositionKind::Fungsional);
        assert_eq!(v.front_title, None);
        assert_eq!(v.superior_nip, None);
    }

    #[test]
    fn every_missing_required_field_is_reported_at_once() {
        let errors = codes(&EmployeeFields::default());
        for field in [
            "nip",
            "name",
            "asn_type",
            "rank_grade",
            "unit_code",
            "position",
            "position_kind",
        ] {
            assert!(
                errors.contains(&(field, "required")),
                "{field} missing from {errors:?}"
            );
        }
    }

    #[test]
    fn nip_faults_are_named() {
        let mut f = good();
        f.nip = "198513122010012003".into();
        assert_eq!(codes(&f), vec![("nip", "nip_birth_date")]);
        f.nip = "12345".into();
        assert_eq!(codes(&f), vec![("nip", "nip_length")]);
    }

    #[test]
    fn asn_type_must_match_the_nip() {
        let mut f = good();
        f.asn_type = "PPPK".into();
        f.rank_grade = "IX".into();
        assert_eq!(codes(&f), vec![("asn_type", "asn_type_nip_mismatch")]);
        f.nip = "199608122023212007".into();
        assert!(validate(&f, today()).is_ok());
        f.asn_type = "honorer".into();
        assert!(codes(&f).contains(&("asn_type", "asn_type_invalid")));
    }

    #[test]
    fn ranks_depend_on_the_asn_type() {
        let mut f = good();
        f.rank_grade = "IX".into();
        assert_eq!(codes(&f), vec![("rank_grade", "rank_invalid_pns")]);
        f.rank_grade = "III / c".into();
        assert_eq!(validate(&f, today()).unwrap().rank_grade, "III/c");
        f.nip = "199608122023212007".into();
        f.asn_type = "pppk".into();
        assert_eq!(codes(&f), vec![("rank_grade", "rank_invalid_pppk")]);
    }

    #[test]
    fn lengths_emails_kinds_and_self_reference() {
        let mut f = good();
        f.name = "x".repeat(MAX_NAME_LEN + 1);
        f.email = "siti@localhost".into();
        f.position_kind = "eselon".into();
        f.appraiser_nip = f.nip.clone();
        f.superior_nip = "1985".into();
        assert_eq!(
            codes(&f),
            vec![
                ("name", "too_long"),
                ("email", "email_invalid"),
                ("position_kind", "position_kind_invalid"),
                ("superior_nip", "nip_length"),
                ("appraiser_nip", "self_reference"),
            ]
        );
    }

    #[test]
    fn control_characters_are_refused_in_every_field() {
        let mut f = good();
        f.name = "Siti\0Aminah".into();
        f.position = "Analis\u{1b}[2J".into();
        let found = codes(&f);
        assert!(found.contains(&("name", "control_chars")), "{found:?}");
        assert!(found.contains(&("position", "control_chars")), "{found:?}");
    }

    #[test]
    fn email_shapes() {
        assert!(plausible_email("a@b.id"));
        for bad in ["a", "@b.id", "a@b", "a@@b.id", "a b@c.id", "a@.id", "a@b."] {
            assert!(!plausible_email(bad), "{bad}");
        }
    }

    #[test]
    fn display_names_and_search_keys() {
        assert_eq!(
            display_name(Some("Dr."), "Siti Aminah", Some("S.E., M.Si.")),
            "Dr. Siti Aminah, S.E., M.Si."
        );
        assert_eq!(display_name(None, "Budi", Some("")), "Budi");
        assert_eq!(search_key("  Siti  AMINAH "), "siti aminah");
        assert!(PositionKind::Administrator.heads_unit());
        assert!(!PositionKind::Fungsional.heads_unit());
        let jpt: Vec<_> = PositionKind::iter().filter(|k| k.is_jpt()).collect();
        assert_eq!(
            jpt,
            [
                PositionKind::JptUtama,
                PositionKind::JptMadya,
                PositionKind::JptPratama
            ]
        );
    }
}
