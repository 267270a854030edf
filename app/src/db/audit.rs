//! The append-only audit log: who did what to which object, when, before → after.

use crate::auth::server::ClientInfo;
use crate::db::entities::audit_log;
use crate::error::AppError;
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set};

pub struct Entry<'a> {
    pub actor_user_id: Option<i64>,
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: Option<String>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

pub async fn record(
    db: &impl ConnectionTrait,
    entry: Entry<'_>,
    client: &ClientInfo,
) -> Result<(), AppError> {
    audit_log::ActiveModel {
        at: Set(chrono::Utc::now()),
        actor_user_id: Set(entry.actor_user_id),
        action: Set(entry.action.to_owned()),
        object_type: Set(entry.object_type.to_owned()),
        object_id: Set(entry.object_id),
        before: Set(entry.before.map(|v| v.to_string())),
        after: Set(entry.after.map(|v| v.to_string())),
        ip: Set(client.ip.clone()),
        request_id: Set(client.request_id.clone()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}
