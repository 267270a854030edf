//! Reading the unit tree: a subtree by its materialised path, in the order it is drawn.

use crate::db::entities::unit_kerja;
use crate::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

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
