//! What the header's menu and the admin tabs offer the signed-in person: only what they may use,
//! decided by the policy (`domain::access`), so no link of the frame ends in a 403.

use crate::domain::access::AdminPage;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Menu {
    pub signed_in: bool,
    /// Has an employee record: their own SKP.
    pub employee: bool,
    /// Appraises somebody, or acts for an appraiser outside the application: `/bawahan`.
    pub appraiser: bool,
    /// Heads a unit or administers: the cascade matrix.
    pub cascade: bool,
    /// The admin pages this person may open, in tab order.
    pub admin: Vec<AdminPage>,
}

impl Menu {
    /// Where an admin page is.
    pub fn href(page: AdminPage) -> &'static str {
        match page {
            AdminPage::Employees => "/admin/pegawai",
            AdminPage::Units => "/admin/unit",
            AdminPage::Import => "/admin/impor",
            AdminPage::Audit => "/admin/audit",
            AdminPage::Agency => "/admin/instansi",
            AdminPage::Periods => "/admin/periode",
            AdminPage::Feedback360 => "/admin/360",
        }
    }
}

/// The menu of whoever asks; a visitor's is empty.
#[server(endpoint = "menu")]
pub async fn load_menu() -> Result<Menu, AppError> {
    crate::state::respond(ssr::menu().await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::db::entities::{pegawai, skp};
    use crate::domain::access::{AdminRank, admin_pages};
    use crate::domain::skp::SkpState;
    use crate::state;
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

    pub async fn menu() -> Result<Menu, AppError> {
        let db = state::db()?;
        let Some(user) = state::current_user(&db).await? else {
            return Ok(Menu::default());
        };
        let actor = &user.actor;
        let appraises = match actor.employee_id {
            Some(me) => {
                pegawai::Entity::find()
                    .filter(pegawai::Column::PenilaiId.eq(me))
                    .filter(pegawai::Column::Id.ne(me))
                    .count(&db)
                    .await?
                    > 0
                    || skp::Entity::find()
                        .filter(skp::Column::PenilaiId.eq(me))
                        .filter(skp::Column::PegawaiId.ne(me))
                        .filter(skp::Column::State.ne(SkpState::Cancelled))
                        .count(&db)
                        .await?
                        > 0
            }
            None => false,
        };
        // Admins act for appraisers outside the application (`/bawahan` lists those plans).
        let acts_for_external = actor.admin_rank() != AdminRank::None
            && pegawai::Entity::find()
                .filter(pegawai::Column::PenilaiLuarId.is_not_null())
                .count(&db)
                .await?
                > 0;
        let admin = admin_pages(actor);
        Ok(Menu {
            signed_in: true,
            employee: actor.employee_id.is_some(),
            appraiser: appraises || acts_for_external,
            cascade: !actor.heads_units.is_empty() || actor.admin_rank() != AdminRank::None,
            admin,
        })
    }
}
