use crate::domain::action_plan::ActionPlanState;
use crate::domain::ids::SkpId;
use sea_orm::entity::prelude::*;

/// Where the agreement on an SKP's action plan stands; no row until the first step is saved.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rencana_aksi_status")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub skp_id: SkpId,
    pub state: ActionPlanState,
    /// The appraiser's reason when they returned it.
    #[sea_orm(column_type = "Text", nullable)]
    pub note: Option<String>,
    pub submitted_at: Option<DateTimeUtc>,
    pub agreed_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
