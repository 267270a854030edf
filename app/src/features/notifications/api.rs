//! Server functions of the notifications: the signed-in account's own, never anyone else's.

use super::types::{BellState, NotificationView};
use crate::domain::ids::NotificationId;
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "notifications")]
pub async fn load_notifications() -> Result<Vec<NotificationView>, AppError> {
    crate::state::respond(ssr::notifications().await)
}

/// The bell of the signed-in user; `None` when nobody is signed in.
#[server(endpoint = "notifications/unread")]
pub async fn unread_notifications() -> Result<Option<BellState>, AppError> {
    crate::state::respond(ssr::unread().await)
}

/// Marks one notification read and follows its link, or marks all read (no `id`).
#[server(endpoint = "notifications/read")]
pub async fn read_notification(id: Option<NotificationId>) -> Result<(), AppError> {
    crate::state::respond(ssr::read_notification(id).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::*;
    use crate::db::notifications;
    use crate::state;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

    pub async fn notifications() -> Result<Vec<NotificationView>, AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let mut out = Vec::new();
        let time_zone = crate::db::agency::time_zone(&db).await?;
        for n in notifications::latest(&db, user.account.id, 100).await? {
            out.push(NotificationView {
                id: n.id,
                kind: n.kind,
                actor: n.actor_name,
                link: n.link,
                at: crate::ui::dates::local_moment(time_zone, n.created_at),
                unread: n.read_at.is_none(),
                due: n.due_on.map(crate::ui::dates::local_date),
                note: n.note,
            });
        }
        Ok(out)
    }

    pub async fn unread() -> Result<Option<BellState>, AppError> {
        let db = state::db()?;
        match state::current_user(&db).await? {
            Some(user) => Ok(Some(BellState {
                account: user.account.id,
                unread: notifications::unread_count(&db, user.account.id).await?,
            })),
            None => Ok(None),
        }
    }

    pub async fn read_notification(id: Option<NotificationId>) -> Result<(), AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        notifications::mark_read(&db, user.account.id, id).await?;
        let target = match id {
            Some(id) => crate::db::entities::notifikasi::Entity::find_by_id(id)
                .filter(crate::db::entities::notifikasi::Column::UserId.eq(user.account.id))
                .one(&db)
                .await?
                .map(|n| n.link)
                // Only our own relative links, never somewhere else.
                .filter(|l| l.starts_with('/') && !l.starts_with("//"))
                .unwrap_or_else(|| "/notifikasi".to_owned()),
            None => "/notifikasi".to_owned(),
        };
        leptos_axum::redirect(&target);
        Ok(())
    }
}
