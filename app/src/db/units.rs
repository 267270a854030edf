//! The unit tree: adding a unit with its materialised path, reading a subtree in the order it
//! is drawn.

use crate::db::entities::unit_kerja;
use crate::domain::ids::AgencyId;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel,
    QueryFilter, Set,
};

/// Adds a unit under `parent` (the agency's root unit when `None`). `code` and `name` are
/// already checked (`domain::unit::normalize_code`, `normalize_name`, and the code unused).
pub async fn create(
    db: &impl ConnectionTrait,
    instansi_id: AgencyId,
    parent: Option<&unit_kerja::Model>,
    code: String,
    name: String,
    now: DateTime<Utc>,
) -> Result<unit_kerja::Model, DbErr> {
    let row = unit_kerja::ActiveModel {
        instansi_id: Set(instansi_id),
        parent_id: Set(parent.map(|p| p.id)),
        // The path holds the unit's own id, known only once it is inserted.
        path: Set(String::new()),
        depth: Set(parent.map_or(0, |p| p.depth + 1)),
        code: Set(code),
        name: Set(name),
        independent: Set(false),
        closed_at: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let path = format!("{}{}/", parent.map_or("/", |p| p.path.as_str()), row.id);
    let mut row = row.into_active_model();
    row.path = Set(path);
    row.update(db).await
}

/// Units inside `within` (all for `None`), in tree order.
pub async fn within(
    db: &impl ConnectionTrait,
    within: Option<&str>,
) -> Result<Vec<unit_kerja::Model>, AppError> {
    let mut select = unit_kerja::Entity::find();
    if let Some(path) = within {
        select = select.filter(
            unit_kerja::Column::Path.like(crate::db::directory::like_literal("", path, "%")),
        );
    }
    let mut units = select.all(db).await?;
    sort_as_tree(&mut units);
    Ok(units)
}

/// Depth-first order (each unit right after its parent, siblings by name).
pub fn sort_as_tree(units: &mut [unit_kerja::Model]) {
    let key = |u: &unit_kerja::Model| -> Vec<String> {
        // The path of names from the root; ids break ties between same-named siblings.
        u.path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let names: std::collections::HashMap<String, String> = units
        .iter()
        .map(|u| {
            (
                u.id.to_string(),
                format!("{}\u{0}{:012}", u.name.to_lowercase(), u.id),
            )
        })
        .collect();
    units.sort_by_cached_key(|u| {
        key(u)
            .into_iter()
            .map(|id| names.get(&id).cloned().unwrap_or(id))
            .collect::<Vec<_>>()
    });
}
