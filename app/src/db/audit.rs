//! The append-only audit log: who did what to which object, when, before → after.

use crate::auth::server::ClientInfo;
use crate::db::entities::audit_log;
use crate::domain::ids::AccountId;
use crate::error::AppError;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

pub struct Entry<'a> {
    pub actor_user_id: Option<AccountId>,
    pub action: &'a str,
    pub object_type: &'a str,
    pub object_id: Option<String>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

/// Client-supplied values (addresses, request ids, typed logins) cut to their column's 64
/// characters: PostgreSQL would refuse longer ones and fail the action being recorded.
fn fit(value: String) -> String {
    if value.chars().count() <= 64 {
        value
    } else {
        value.chars().take(64).collect()
    }
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
        object_id: Set(entry.object_id.map(fit)),
        before: Set(entry.before.map(|v| v.to_string())),
        after: Set(entry.after.map(|v| v.to_string())),
        ip: Set(client.ip.clone().map(fit)),
        request_id: Set(client.request_id.clone().map(fit)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The latest entries about one object, newest first.
pub async fn recent_for(
    db: &impl ConnectionTrait,
    object_type: &str,
    object_id: &str,
    limit: u64,
) -> Result<Vec<audit_log::Model>, AppError> {
    Ok(audit_log::Entity::find()
        .filter(audit_log::Column::ObjectType.eq(object_type))
        .filter(audit_log::Column::ObjectId.eq(object_id))
        .order_by_desc(audit_log::Column::Id)
        .limit(limit)
        .all(db)
        .await?)
}

/// `(field, before, after)` for every top-level field that differs between two JSON snapshots;
/// `None` is absent or null, the same nothing, so that alone is no change.
pub fn changes(
    before: Option<&str>,
    after: Option<&str>,
) -> Vec<(String, Option<String>, Option<String>)> {
    use serde_json::{Map, Value};
    let parse = |s: Option<&str>| -> Map<String, Value> {
        s.and_then(|s| serde_json::from_str::<Value>(s).ok())
            .and_then(|v| v.as_object().cloned())
            .unwrap_or_default()
    };
    let (before, after) = (parse(before), parse(after));
    let show = |v: Option<Value>| match v? {
        Value::Null => None,
        Value::String(s) => Some(s),
        other => Some(other.to_string()),
    };
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    let value = |map: &Map<String, Value>, k: &str| map.get(k).filter(|v| !v.is_null()).cloned();
    keys.into_iter()
        .filter(|k| value(&before, k) != value(&after, k))
        .map(|k| (k.clone(), show(value(&before, k)), show(value(&after, k))))
        .collect()
}
