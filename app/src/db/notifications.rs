//! In-app notifications: one row per recipient account, read or unread.

use crate::db::entities::{notifikasi, user_account};
use crate::domain::ids::{AccountId, EmployeeId, NotificationId, SkpId};
use crate::domain::notification::NotificationKind as Kind;
use crate::error::AppError;
use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

/// Notifies the account of an employee (nothing happens for people without an account).
/// `note` is what the actor wrote with it (why a plan was returned), shown with the notification.
pub async fn notify_employee(
    db: &impl ConnectionTrait,
    pegawai_id: EmployeeId,
    kind: Kind,
    skp_id: Option<SkpId>,
    actor_name: &str,
    link: &str,
    note: Option<&str>,
) -> Result<(), AppError> {
    let accounts = user_account::Entity::find()
        .filter(user_account::Column::PegawaiId.eq(pegawai_id))
        .filter(user_account::Column::Disabled.eq(false))
        .all(db)
        .await?;
    for account in accounts {
        insert(db, account.id, kind, skp_id, actor_name, link, None, note).await?;
    }
    Ok(())
}

/// Notifies one account.
pub async fn notify_account(
    db: &impl ConnectionTrait,
    user_id: AccountId,
    kind: Kind,
    skp_id: Option<SkpId>,
    actor_name: &str,
    link: &str,
) -> Result<(), AppError> {
    insert(db, user_id, kind, skp_id, actor_name, link, None, None).await
}

/// A deadline reminder for the accounts of an employee: `subject` names what is due (an
/// employee's name, an evaluation's span), `due_on` the deadline. Returns the accounts reached,
/// whose bells the caller tells once the transaction is committed.
pub async fn remind_employee(
    db: &impl ConnectionTrait,
    pegawai_id: EmployeeId,
    kind: Kind,
    subject: &str,
    link: &str,
    due_on: chrono::NaiveDate,
) -> Result<Vec<AccountId>, AppError> {
    let accounts = user_account::Entity::find()
        .filter(user_account::Column::PegawaiId.eq(pegawai_id))
        .filter(user_account::Column::Disabled.eq(false))
        .all(db)
        .await?;
    for account in &accounts {
        insert(
            db,
            account.id,
            kind,
            None,
            subject,
            link,
            Some(due_on),
            None,
        )
        .await?;
    }
    Ok(accounts.into_iter().map(|a| a.id).collect())
}

#[allow(clippy::too_many_arguments)]
async fn insert(
    db: &impl ConnectionTrait,
    user_id: AccountId,
    kind: Kind,
    skp_id: Option<SkpId>,
    actor_name: &str,
    link: &str,
    due_on: Option<chrono::NaiveDate>,
    note: Option<&str>,
) -> Result<(), AppError> {
    notifikasi::ActiveModel {
        user_id: Set(user_id),
        kind: Set(kind),
        skp_id: Set(skp_id),
        actor_name: Set(actor_name.chars().take(200).collect()),
        link: Set(link.to_owned()),
        due_on: Set(due_on),
        note: Set(note.map(str::to_owned)),
        read_at: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    crate::live::outbox::note(crate::live::Topic::User(user_id));
    Ok(())
}

pub async fn unread_count(db: &impl ConnectionTrait, user_id: AccountId) -> Result<u64, AppError> {
    Ok(notifikasi::Entity::find()
        .filter(notifikasi::Column::UserId.eq(user_id))
        .filter(notifikasi::Column::ReadAt.is_null())
        .count(db)
        .await?)
}

pub async fn latest(
    db: &impl ConnectionTrait,
    user_id: AccountId,
    limit: u64,
) -> Result<Vec<notifikasi::Model>, AppError> {
    Ok(notifikasi::Entity::find()
        .filter(notifikasi::Column::UserId.eq(user_id))
        .order_by_desc(notifikasi::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// Marks one notification (when `id` is given) or all of them read; only the owner's rows.
pub async fn mark_read(
    db: &impl ConnectionTrait,
    user_id: AccountId,
    id: Option<NotificationId>,
) -> Result<(), AppError> {
    let mut update = notifikasi::Entity::update_many()
        .col_expr(notifikasi::Column::ReadAt, Expr::value(Some(Utc::now())))
        .filter(notifikasi::Column::UserId.eq(user_id))
        .filter(notifikasi::Column::ReadAt.is_null());
    if let Some(id) = id {
        update = update.filter(notifikasi::Column::Id.eq(id));
    }
    update.exec(db).await?;
    crate::live::outbox::note(crate::live::Topic::User(user_id));
    Ok(())
}
