//! Row identities, one type per table a person can point at. A plan's id cannot be passed where a
//! work result's is expected, so `(skp_id, version, indicator_id)` in the wrong order does not
//! compile. Each is the database's integer key: stored as is (sea-orm's `DeriveValueType`), sent
//! as a bare number (serde `transparent`), so forms, URLs and JSON read exactly as before.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an id")]
pub struct InvalidId(pub String);

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident),+ $(,)?) => {
        $(
            $(#[$doc])*
            #[derive(
                Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            )]
            #[cfg_attr(feature = "ssr", derive(sea_orm::DeriveValueType))]
            #[serde(transparent)]
            pub struct $name(pub i64);

            impl $name {
                pub const fn get(self) -> i64 {
                    self.0
                }
            }

            impl ::std::fmt::Display for $name {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    self.0.fmt(f)
                }
            }

            /// Ids arrive in paths and query strings: only positive integers are ids.
            impl ::std::str::FromStr for $name {
                type Err = InvalidId;

                fn from_str(s: &str) -> Result<Self, Self::Err> {
                    match s.trim().parse::<i64>() {
                        Ok(n) if n > 0 => Ok(Self(n)),
                        _ => Err(InvalidId(s.to_owned())),
                    }
                }
            }
        )+
    };
}

ids! {
    /// An agency (`instansi`).
    AgencyId,
    /// An organisational unit (`unit_kerja`).
    UnitId,
    /// A position in a unit (`jabatan`).
    PositionId,
    /// An employee record (`pegawai`).
    EmployeeId,
    /// An official outside the application who appraises or oversees an appraisal
    /// (`pejabat_luar`: the Sekda, the Bupati).
    ExternalOfficialId,
    /// A sign-in account (`user_account`); an employee has at most one.
    AccountId,
    /// An appraisal period (`periode`).
    PeriodId,
    /// An SKP.
    SkpId,
    /// A work result (RHK, `skp_hasil`).
    ResultId,
    /// A result's indicator (`skp_indikator`).
    IndicatorId,
    /// An attachment row of an SKP (`skp_lampiran`).
    AttachmentId,
    /// A review comment on an SKP (`skp_komentar`).
    CommentId,
    /// A self-assessment (`evaluasi`).
    EvaluationId,
    /// A piece of evidence of a self-assessment (`bukti`).
    EvidenceId,
    /// A notification (`notifikasi`).
    NotificationId,
    /// An employee import run (`employee_import`).
    ImportId,
    /// A line of the audit log (`audit_log`).
    AuditId,
    /// A 360° feedback cycle (`siklus_360`).
    CycleId,
    /// A version of a 360° instrument.
    InstrumentId,
    /// The duty of one rater towards one ratee in a cycle. Answers never point at it.
    AssignmentId,
    /// A public answer link of a cycle, for an employee or a service unit.
    PublicLinkId,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_and_print_as_bare_numbers() {
        assert_eq!("42".parse::<SkpId>(), Ok(SkpId(42)));
        assert_eq!(" 7 ".parse::<UnitId>(), Ok(UnitId(7)));
        assert!("0".parse::<SkpId>().is_err());
        assert!("-3".parse::<SkpId>().is_err());
        assert!("x".parse::<SkpId>().is_err());
        assert_eq!(SkpId(42).to_string(), "42");
        assert_eq!(serde_json::to_string(&ResultId(9)).unwrap(), "9");
        assert_eq!(serde_json::from_str::<ResultId>("9").unwrap(), ResultId(9));
    }
}
