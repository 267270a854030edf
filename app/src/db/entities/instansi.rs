use crate::domain::agency::{AgencyTimeZone, EvaluationInterval};
use crate::domain::ids::AgencyId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "instansi")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: AgencyId,
    #[sea_orm(unique)]
    pub code: String,
    pub name: String,
    pub short_name: String,
    pub time_zone: AgencyTimeZone,
    pub evaluation_interval: EvaluationInterval,
    /// Admin roles only work for accounts with a second factor (TOTP).
    pub require_admin_mfa: bool,
    /// A self-assessment is complete only when every reported indicator has evidence.
    pub require_evidence: bool,
    /// Where the agency signs its documents ("Sukamakmur"), printed above the signatures.
    pub document_place: String,
    /// A self-assessment cannot be handed in after its deadline; the appraiser rates without it.
    pub lock_late_submissions: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
