use crate::domain::ids::{AgencyId, ExternalOfficialId};
use sea_orm::entity::prelude::*;

/// An official who appraises someone in the agency without working in the application.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "pejabat_luar")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: ExternalOfficialId,
    pub instansi_id: AgencyId,
    pub name: String,
    pub nip: Option<String>,
    pub position: String,
    pub rank_grade: String,
    /// Their own superior, who is then the *atasan pejabat penilai* of the people they appraise.
    pub atasan_id: Option<ExternalOfficialId>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
