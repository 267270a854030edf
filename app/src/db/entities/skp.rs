use crate::domain::ids::{EmployeeId, ExternalOfficialId, PeriodId, SkpId};
use crate::domain::skp::{Approach, SkpForm, SkpState};
use sea_orm::entity::prelude::*;

/// An employee's performance plan (SKP) for a period.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "skp")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: SkpId,
    pub periode_id: PeriodId,
    pub pegawai_id: EmployeeId,
    pub state: SkpState,
    pub form: SkpForm,
    pub approach: Approach,
    pub penilai_id: Option<EmployeeId>,
    pub atasan_penilai_id: Option<EmployeeId>,
    /// The plan's appraiser when they work outside the application: an admin records their
    /// decisions on their behalf.
    pub penilai_luar_id: Option<ExternalOfficialId>,
    #[sea_orm(column_type = "Text")]
    pub header: String,
    pub revision: i32,
    pub version: i32,
    pub submitted_at: Option<DateTimeUtc>,
    pub approved_at: Option<DateTimeUtc>,
    /// The first day of the position segment this plan covers.
    pub starts_on: Date,
    /// The last day, once a transfer has closed the segment; open segments run to the period's end.
    pub ends_on: Option<Date>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::periode::Entity",
        from = "Column::PeriodeId",
        to = "super::periode::Column::Id"
    )]
    Periode,
}

impl Related<super::periode::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Periode.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
