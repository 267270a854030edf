use crate::domain::evaluation::EvidenceKind;
use crate::domain::ids::{AccountId, EvaluationId, EvidenceId, IndicatorId};
use crate::storage::EvidenceType;
use sea_orm::entity::prelude::*;

/// Evidence (*bukti dukung*) for an indicator: a stored file (content-addressed) or a link.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bukti")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: EvidenceId,
    pub evaluasi_id: EvaluationId,
    pub indikator_id: IndicatorId,
    pub kind: EvidenceKind,
    pub file_type: Option<EvidenceType>,
    pub object_key: Option<String>,
    pub sha256: Option<String>,
    pub size: Option<i64>,
    pub file_name: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub url: Option<String>,
    pub uploaded_by: AccountId,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
