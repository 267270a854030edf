//! The *unit kerja* tree: list, create, rename, move, close and reopen. Server-only pages.

use super::pages::{AdminNav, ChangeList, load_failure};
use super::types::{AuditLine, UnitOption};
use crate::domain::ids::UnitId;
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::banner::{Banner, Tone};
use crate::ui::error::{ErrorNotice, posted_error};
use crate::ui::form::{CheckboxField, FormErrorSummary, Hidden, Posted, SelectField, TextField};
use crate::ui::page::PageHeader;
use crate::ui::tag::{Tag, TagTone};
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRow {
    pub id: UnitId,
    pub code: String,
    pub name: String,
    pub depth: i32,
    pub closed: bool,
    /// Active employees placed directly in this unit.
    pub employees: u64,
    /// `Name (NIP)` of the unit's head, if the position is filled.
    pub head: Option<String>,
    /// A *unit kerja mandiri*: its head writes the JPT form of the SKP.
    pub independent: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitTree {
    pub rows: Vec<UnitRow>,
    /// Units a new unit may be created under (open, in scope).
    pub parents: Vec<UnitOption>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitEditor {
    pub unit: UnitRow,
    pub version: i32,
    pub parent_id: Option<UnitId>,
    /// Where the unit may move: open units in scope outside its own subtree.
    pub parents: Vec<UnitOption>,
    /// Why it cannot be closed now (open sub-units, active employees), as counts.
    pub open_children: u64,
    pub active_in_subtree: u64,
    pub audit: Vec<AuditLine>,
}

#[server(endpoint = "admin/units")]
pub async fn load_unit_tree() -> Result<UnitTree, AppError> {
    crate::state::respond(ssr::tree().await)
}

#[server(endpoint = "admin/unit")]
pub async fn load_unit_editor(id: UnitId) -> Result<UnitEditor, AppError> {
    crate::state::respond(ssr::editor(id).await)
}

#[server(endpoint = "admin/unit/create")]
pub async fn create_unit(parent_id: UnitId, code: String, name: String) -> Result<(), AppError> {
    crate::state::respond(ssr::create(parent_id, code, name).await)
}

#[server(endpoint = "admin/unit/rename")]
pub async fn rename_unit(
    id: UnitId,
    version: i32,
    code: String,
    name: String,
) -> Result<(), AppError> {
    crate::state::respond(ssr::rename(id, version, code, name).await)
}

#[server(endpoint = "admin/unit/move")]
pub async fn move_unit(id: UnitId, version: i32, parent_id: UnitId) -> Result<(), AppError> {
    crate::state::respond(ssr::relocate(id, version, parent_id).await)
}

/// Marks a unit as *unit kerja mandiri* or not. `independent` is a checkbox: present (any value)
/// when ticked.
#[server(endpoint = "admin/unit/independent")]
pub async fn set_unit_independent(
    id: UnitId,
    version: i32,
    independent: Option<String>,
) -> Result<(), AppError> {
    crate::state::respond(ssr::set_independent(id, version, independent.is_some()).await)
}

/// Closes (`open = false`) or reopens a unit.
#[server(endpoint = "admin/unit/status")]
pub async fn set_unit_open(id: UnitId, version: i32, open: bool) -> Result<(), AppError> {
    crate::state::respond(ssr::set_open(id, version, open).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::auth::server::ClientInfo;
    use crate::db::audit::{self, Entry};
    use crate::db::entities::{jabatan, pegawai, unit_kerja};
    use crate::db::units::within as units_within;
    use crate::domain::access::{Action, Target, UnitPath, authorize};
    use crate::domain::ids::{AgencyId, PositionId};
    use crate::domain::unit::{can_move_under, depth_of, normalize_code, normalize_name, rebased};
    use crate::error::FormErrors;
    use crate::features::admin::api::ssr::default_scope;
    use crate::state::{self, CurrentUser};
    use chrono::Utc;
    use sea_orm::{
        ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel,
        PaginatorTrait, QueryFilter, Set, TransactionTrait,
    };
    use std::collections::HashMap;

    async fn admin() -> Result<(sea_orm::DatabaseConnection, CurrentUser), AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        crate::domain::access::authorize_within_own_scope(&user.actor, Action::ManageUnit)?;
        Ok((db, user))
    }

    fn may_manage(user: &CurrentUser, unit: &unit_kerja::Model) -> Result<(), AppError> {
        Ok(authorize(
            &user.actor,
            Action::ManageUnit,
            Target::Unit(&UnitPath(unit.path.clone())),
        )?)
    }

    async fn unit(db: &impl ConnectionTrait, id: UnitId) -> Result<unit_kerja::Model, AppError> {
        unit_kerja::Entity::find_by_id(id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)
    }

    fn option(u: &unit_kerja::Model) -> UnitOption {
        UnitOption {
            id: u.id,
            code: u.code.clone(),
            name: u.name.clone(),
            depth: u.depth,
            closed: u.closed_at.is_some(),
        }
    }

    /// Rows for `units` with head and head-count, in three queries whatever the tree's size.
    async fn rows(
        db: &impl ConnectionTrait,
        units: &[unit_kerja::Model],
    ) -> Result<Vec<UnitRow>, AppError> {
        let ids: Vec<UnitId> = units.iter().map(|u| u.id).collect();
        let mut counts: HashMap<UnitId, u64> = HashMap::new();
        let mut heads: HashMap<UnitId, String> = HashMap::new();
        for chunk in ids.chunks(500) {
            let people: Vec<(UnitId, Option<PositionId>)> = pegawai::Entity::find()
                .select_only()
                .column(pegawai::Column::UnitId)
                .column(pegawai::Column::JabatanId)
                .filter(pegawai::Column::UnitId.is_in(chunk.iter().copied()))
                .filter(pegawai::Column::Active.eq(true))
                .into_tuple()
                .all(db)
                .await?;
            for (unit_id, _) in &people {
                *counts.entry(*unit_id).or_default() += 1;
            }
            let head_positions: Vec<PositionId> = jabatan::Entity::find()
                .select_only()
                .column(jabatan::Column::Id)
                .filter(jabatan::Column::UnitId.is_in(chunk.iter().copied()))
                .filter(jabatan::Column::IsHead.eq(true))
                .into_tuple()
                .all(db)
                .await?;
            let holders = pegawai::Entity::find()
                .filter(pegawai::Column::JabatanId.is_in(head_positions))
                .filter(pegawai::Column::Active.eq(true))
                .all(db)
                .await?;
            for p in holders {
                heads.entry(p.unit_id).or_insert_with(|| {
                    format!(
                        "{} ({})",
                        crate::domain::employee::display_name(
                            p.front_title.as_deref(),
                            &p.name,
                            p.back_title.as_deref()
                        ),
                        p.nip
                    )
                });
            }
        }
        Ok(units
            .iter()
            .map(|u| UnitRow {
                id: u.id,
                code: u.code.clone(),
                name: u.name.clone(),
                depth: u.depth,
                closed: u.closed_at.is_some(),
                employees: counts.get(&u.id).copied().unwrap_or_default(),
                head: heads.get(&u.id).cloned(),
                independent: u.independent,
            })
            .collect())
    }

    use sea_orm::QuerySelect;

    pub async fn tree() -> Result<UnitTree, AppError> {
        let (db, user) = admin().await?;
        let units = units_within(&db, default_scope(&user.actor)?.as_deref()).await?;
        Ok(UnitTree {
            rows: rows(&db, &units).await?,
            parents: units
                .iter()
                .filter(|u| u.closed_at.is_none())
                .map(option)
                .collect(),
        })
    }

    pub async fn editor(id: UnitId) -> Result<UnitEditor, AppError> {
        let (db, user) = admin().await?;
        let target = unit(&db, id).await?;
        may_manage(&user, &target)?;
        let scope = default_scope(&user.actor)?;
        let own = UnitPath(target.path.clone());
        let parents = units_within(&db, scope.as_deref())
            .await?
            .iter()
            .filter(|u| u.closed_at.is_none() && can_move_under(&own, &UnitPath(u.path.clone())))
            .map(option)
            .collect();
        let subtree = units_within(&db, Some(&target.path)).await?;
        let open_children = subtree
            .iter()
            .filter(|u| u.id != id && u.closed_at.is_none())
            .count() as u64;
        let active_in_subtree = pegawai::Entity::find()
            .filter(pegawai::Column::UnitId.is_in(subtree.iter().map(|u| u.id)))
            .filter(pegawai::Column::Active.eq(true))
            .count(&db)
            .await?;
        let audit = crate::features::admin::audit_lines(
            &db,
            audit::recent_for(&db, "unit_kerja", &id.to_string(), 20).await?,
        )
        .await?;
        Ok(UnitEditor {
            unit: rows(&db, std::slice::from_ref(&target)).await?.remove(0),
            version: target.version,
            parent_id: target.parent_id,
            parents,
            open_children,
            active_in_subtree,
            audit,
        })
    }

    fn snapshot(u: &unit_kerja::Model) -> serde_json::Value {
        serde_json::json!({
            "code": u.code,
            "name": u.name,
            "parent_id": u.parent_id,
            "path": u.path,
            "closed": u.closed_at.is_some(),
            "independent": u.independent,
        })
    }

    async fn audited(
        db: &impl ConnectionTrait,
        user: &CurrentUser,
        action: &str,
        before: Option<&unit_kerja::Model>,
        after: &unit_kerja::Model,
    ) -> Result<(), AppError> {
        audit::record(
            db,
            Entry {
                actor_user_id: Some(user.account.id),
                action,
                object_type: "unit_kerja",
                object_id: Some(after.id.to_string()),
                before: before.map(snapshot),
                after: Some(snapshot(after)),
            },
            &ClientInfo::current(),
        )
        .await
    }

    /// Code and name checks, including that no other unit of the agency has the code.
    async fn checked(
        db: &impl ConnectionTrait,
        instansi_id: AgencyId,
        except: Option<UnitId>,
        code: &str,
        name: &str,
    ) -> Result<(String, String), AppError> {
        let mut errors = FormErrors::default()
            .value("code", code)
            .value("name", name);
        let code = match normalize_code(code) {
            Ok(code) => Some(code),
            Err(problem) => {
                errors = errors.field("code", problem);
                None
            }
        };
        if let Some(code) = &code {
            let taken = unit_kerja::Entity::find()
                .filter(unit_kerja::Column::InstansiId.eq(instansi_id))
                .filter(unit_kerja::Column::Code.eq(code.as_str()))
                .one(db)
                .await?
                .is_some_and(|u| Some(u.id) != except);
            if taken {
                errors = errors.field("code", "unit_code_taken");
            }
        }
        let name = match normalize_name(name) {
            Ok(name) => Some(name),
            Err(problem) => {
                errors = errors.field("name", problem);
                None
            }
        };
        match (code, name) {
            (Some(code), Some(name)) if errors.is_empty() => Ok((code, name)),
            _ => Err(AppError::Invalid(errors)),
        }
    }

    pub async fn create(parent_id: UnitId, code: String, name: String) -> Result<(), AppError> {
        let (db, user) = admin().await?;
        let parent = unit(&db, parent_id).await?;
        may_manage(&user, &parent)?;
        if parent.closed_at.is_some() {
            return Err(AppError::Invalid(
                FormErrors::default()
                    .field("parent_id", "unit_closed")
                    .value("code", &code)
                    .value("name", &name),
            ));
        }
        let (code, name) = checked(&db, parent.instansi_id, None, &code, &name).await?;
        let txn = db.begin().await?;
        let row = crate::db::units::create(
            &txn,
            parent.instansi_id,
            Some(&parent),
            code,
            name,
            Utc::now(),
        )
        .await?;
        audited(&txn, &user, "unit_created", None, &row).await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/unit/{}?disimpan=1", row.id));
        Ok(())
    }

    async fn current(
        db: &impl ConnectionTrait,
        user: &CurrentUser,
        id: UnitId,
        version: i32,
    ) -> Result<unit_kerja::Model, AppError> {
        let target = unit(db, id).await?;
        may_manage(user, &target)?;
        if target.version != version {
            return Err(AppError::Conflict);
        }
        Ok(target)
    }

    pub async fn rename(
        id: UnitId,
        version: i32,
        code: String,
        name: String,
    ) -> Result<(), AppError> {
        let (db, user) = admin().await?;
        let target = current(&db, &user, id, version).await?;
        let (code, name) = checked(&db, target.instansi_id, Some(id), &code, &name).await?;
        let txn = db.begin().await?;
        let mut row = target.clone().into_active_model();
        row.code = Set(code);
        row.name = Set(name);
        row.version = Set(version + 1);
        row.updated_at = Set(Utc::now());
        let row = row.update(&txn).await?;
        audited(&txn, &user, "unit_renamed", Some(&target), &row).await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/unit/{id}?disimpan=1"));
        Ok(())
    }

    pub async fn relocate(id: UnitId, version: i32, parent_id: UnitId) -> Result<(), AppError> {
        let (db, user) = admin().await?;
        let target = current(&db, &user, id, version).await?;
        let parent = unit(&db, parent_id).await?;
        may_manage(&user, &parent)?;
        let invalid = |code| AppError::Invalid(FormErrors::default().field("parent_id", code));
        if parent.closed_at.is_some() {
            return Err(invalid("unit_closed"));
        }
        if !can_move_under(
            &UnitPath(target.path.clone()),
            &UnitPath(parent.path.clone()),
        ) {
            return Err(invalid("unit_move_into_itself"));
        }
        if target.parent_id == Some(parent.id) {
            leptos_axum::redirect(&format!("/admin/unit/{id}"));
            return Ok(());
        }
        let old = target.path.clone();
        let new = format!("{}{}/", parent.path, target.id);
        let txn = db.begin().await?;
        // The unit and everything below it get new paths; people stay in their units.
        let subtree = units_within(&txn, Some(&old)).await?;
        for u in subtree {
            let Some(path) = rebased(&u.path, &old, &new) else {
                continue;
            };
            let is_target = u.id == target.id;
            let mut row = u.into_active_model();
            row.depth = Set(depth_of(&path));
            row.path = Set(path);
            if is_target {
                row.parent_id = Set(Some(parent.id));
                row.version = Set(version + 1);
                row.updated_at = Set(Utc::now());
            }
            row.update(&txn).await?;
        }
        let moved = unit(&txn, id).await?;
        audited(&txn, &user, "unit_moved", Some(&target), &moved).await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/unit/{id}?disimpan=1"));
        Ok(())
    }

    /// Plans already started keep their form: the flag decides the form of plans started later
    /// (a plan's form is part of what the appraiser set).
    pub async fn set_independent(
        id: UnitId,
        version: i32,
        independent: bool,
    ) -> Result<(), AppError> {
        let (db, user) = admin().await?;
        let target = current(&db, &user, id, version).await?;
        let txn = db.begin().await?;
        let mut row = target.clone().into_active_model();
        row.independent = Set(independent);
        row.version = Set(version + 1);
        row.updated_at = Set(Utc::now());
        let row = row.update(&txn).await?;
        audited(&txn, &user, "unit_independence_set", Some(&target), &row).await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/unit/{id}?disimpan=1"));
        Ok(())
    }

    pub async fn set_open(id: UnitId, version: i32, open: bool) -> Result<(), AppError> {
        let (db, user) = admin().await?;
        let target = current(&db, &user, id, version).await?;
        if target.parent_id.is_none() && !open {
            return Err(AppError::Invalid(
                FormErrors::default().field("status", "unit_root"),
            ));
        }
        let txn = db.begin().await?;
        if !open {
            let subtree = units_within(&txn, Some(&target.path)).await?;
            let open_children = subtree.iter().any(|u| u.id != id && u.closed_at.is_none());
            let staffed = pegawai::Entity::find()
                .filter(pegawai::Column::UnitId.is_in(subtree.iter().map(|u| u.id)))
                .filter(pegawai::Column::Active.eq(true))
                .count(&txn)
                .await?
                > 0;
            if open_children || staffed {
                return Err(AppError::Invalid(FormErrors::default().field(
                    "status",
                    if open_children {
                        "unit_has_open_children"
                    } else {
                        "unit_has_employees"
                    },
                )));
            }
        } else if let Some(parent_id) = target.parent_id
            && unit(&txn, parent_id).await?.closed_at.is_some()
        {
            return Err(AppError::Invalid(
                FormErrors::default().field("status", "unit_parent_closed"),
            ));
        }
        let mut row = target.clone().into_active_model();
        row.closed_at = Set(if open { None } else { Some(Utc::now()) });
        row.version = Set(version + 1);
        row.updated_at = Set(Utc::now());
        let row = row.update(&txn).await?;
        audited(
            &txn,
            &user,
            if open { "unit_reopened" } else { "unit_closed" },
            Some(&target),
            &row,
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/unit/{id}?disimpan=1"));
        Ok(())
    }
}

fn indent(depth: i32) -> String {
    "\u{a0}\u{a0}".repeat(depth.max(0) as usize)
}

/// `/admin/unit`: the whole tree (within the admin's scope) and a form for a new unit.
#[component]
pub fn UnitTreePage() -> impl IntoView {
    let i18n = use_i18n();
    let data = OnceResource::new(load_unit_tree());
    let (form, general) = Posted::to(CreateUnit::url());
    view! {
        <PageTitle text=move || t_string!(i18n, units.title).to_string() />
        <AdminNav current="/admin/unit" />
        <section class="admin-page" aria-labelledby="units-title">
            <PageHeader id="units-title" title=t_string!(i18n, units.title).to_string() />
            <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
                {move || {
                    let form = form.clone();
                    let general = general.clone();
                    Suspend::new(async move {
                        let tree = match data.await {
                            Ok(tree) => tree,
                            Err(error) => return load_failure(error),
                        };
                        let parents: Vec<(String, String)> = tree
                            .parents
                            .iter()
                            .map(|p| (p.id.to_string(), format!("{}{} · {}", indent(p.depth), p.name, p.code)))
                            .collect();
                        let parent_error = form.error(i18n, "parent_id");
                        let chosen_parent = form.value("parent_id", "");
                        view! {
                            <div class="table-wrap">
                                <table class="data-table" data-testid="unit-tree">
                                    <thead>
                                        <tr>
                                            <th scope="col">{t!(i18n, units.unit)}</th>
                                            <th scope="col">{t!(i18n, units.code)}</th>
                                            <th scope="col">{t!(i18n, units.head)}</th>
                                            <th scope="col">{t!(i18n, units.employees)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {tree.rows.into_iter().map(|u| view! {
                                            <tr class:inactive=u.closed>
                                                <td data-label=t_string!(i18n, units.unit)>
                                                    <span class="tree-indent">{indent(u.depth)}</span>
                                                    <a href=format!("/admin/unit/{}", u.id)>{u.name.clone()}</a>
                                                    {u.closed.then(|| view! { " "<Tag tone=TagTone::Neutral>{t!(i18n, units.closed)}</Tag> })}
                                                    {u.independent.then(|| view! { " "<Tag tone=TagTone::Neutral>{t!(i18n, units.independent_badge)}</Tag> })}
                                                </td>
                                                <td data-label=t_string!(i18n, units.code)><code>{u.code.clone()}</code></td>
                                                <td data-label=t_string!(i18n, units.head)>{u.head.clone().unwrap_or_else(|| "—".into())}</td>
                                                <td data-label=t_string!(i18n, units.employees)>{u.employees}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <h2 id="new-unit">{t!(i18n, units.new_unit)}</h2>
                            {general.map(|error| view! { <ErrorNotice error /> })}
                            <form class="form narrow" method="post" action=CreateUnit::url() aria-labelledby="new-unit" novalidate>
                                <FormErrorSummary posted=form.clone() />
                                <SelectField name="parent_id" label=t_string!(i18n, units.parent).to_string()
                                    value=chosen_parent options=parents error=parent_error />
                                <UnitFields form=form code=String::new() name=String::new() />
                                <button class="button" type="submit">{t!(i18n, units.create)}</button>
                            </form>
                        }
                            .into_any()
                    })
                }}
            </Suspense>
        </section>
    }
}

/// Code and name inputs, refilled from a failed post (`form`) or from the stored unit.
#[component]
fn UnitFields(form: Posted, code: String, name: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <TextField name="code" label=t_string!(i18n, units.code).to_string() autocapitalize="characters"
            value=form.value("code", &code) hint=t_string!(i18n, units.code_hint).to_string()
            error=form.error(i18n, "code") />
        <TextField name="name" label=t_string!(i18n, units.name).to_string()
            value=form.value("name", &name) error=form.error(i18n, "name") />
    }
}

/// `/admin/unit/{id}`: rename, move, close or reopen one unit.
#[component]
pub fn UnitPage() -> impl IntoView {
    let i18n = use_i18n();
    let id =
        use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<UnitId>().ok()));
    let data = OnceResource::new(async move {
        match id {
            Some(id) => load_unit_editor(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <PageTitle text=move || t_string!(i18n, units.title).to_string() />
        <AdminNav current="/admin/unit" />
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(editor) => unit_editor(i18n, editor).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

fn unit_editor(i18n: leptos_i18n::I18nContext<Locale>, editor: UnitEditor) -> impl IntoView {
    let rename_error = posted_error(RenameUnit::url());
    let move_error = posted_error(MoveUnit::url());
    let independent_error = posted_error(SetUnitIndependent::url());
    let status_error = posted_error(SetUnitOpen::url());
    let rename_form = Posted::from_error(&rename_error);
    let move_form = Posted::from_error(&move_error);
    let status_problem = Posted::from_error(&status_error).error(i18n, "status");
    let any_error = rename_error.is_some()
        || move_error.is_some()
        || independent_error.is_some()
        || status_error.is_some();
    let saved = !any_error && use_query_map().with_untracked(|q| q.get("disimpan").is_some());
    let general = [rename_error, move_error, independent_error, status_error]
        .into_iter()
        .flatten()
        .find(|e| e.form().is_none());
    let u = editor.unit.clone();
    let id = u.id.to_string();
    let version = editor.version.to_string();
    let can_close = editor.open_children == 0 && editor.active_in_subtree == 0;
    let code = u.code.clone();
    let head = u
        .head
        .clone()
        .unwrap_or_else(|| t_string!(i18n, units.no_head).to_string());
    view! {
        <section class="admin-page" aria-labelledby="unit-title">
            <p><a href="/admin/unit">{t!(i18n, units.back)}</a></p>
            <PageHeader id="unit-title" title=u.name.clone()>
                <p class="muted"><code>{code}</code>" · "{head}</p>
            </PageHeader>
            {u.closed.then(|| view! { <Banner tone=Tone::Warning><p>{t!(i18n, units.closed_notice)}</p></Banner> })}
            {saved.then(|| view! { <Banner tone=Tone::Success announce=true><p>{t!(i18n, admin.saved)}</p></Banner> })}
            {general.map(|error| view! { <ErrorNotice error /> })}
            <h2 id="rename-title">{t!(i18n, units.rename)}</h2>
            <form class="form narrow" method="post" action=RenameUnit::url() aria-labelledby="rename-title" novalidate>
                <FormErrorSummary posted=rename_form.clone() />
                <Hidden name="id" value=id.clone() />
                <Hidden name="version" value=version.clone() />
                <UnitFields form=rename_form code=u.code.clone() name=u.name.clone() />
                <button class="button" type="submit">{t!(i18n, admin.save)}</button>
            </form>
            {editor.parent_id.map(|current_parent| view! {
                <h2 id="move-title">{t!(i18n, units.move_title)}</h2>
                <form class="form narrow" method="post" action=MoveUnit::url() aria-labelledby="move-title">
                    <FormErrorSummary posted=move_form.clone() />
                    <Hidden name="id" value=id.clone() />
                    <Hidden name="version" value=version.clone() />
                    <SelectField id="move-parent" name="parent_id" label=t_string!(i18n, units.parent).to_string()
                        value=move_form.value("parent_id", &current_parent.to_string())
                        options={editor.parents.iter().map(|p| {
                            (p.id.to_string(), format!("{}{} · {}", indent(p.depth), p.name, p.code))
                        }).collect::<Vec<_>>()}
                        error=move_form.error(i18n, "parent_id") />
                    <button class="button button-secondary" type="submit">{t!(i18n, units.move_submit)}</button>
                </form>
            })}
            <h2 id="independent-title">{t!(i18n, units.independent_title)}</h2>
            <form class="form narrow" method="post" action=SetUnitIndependent::url() aria-labelledby="independent-title">
                <Hidden name="id" value=id.clone() />
                <Hidden name="version" value=version.clone() />
                <CheckboxField name="independent" label=t_string!(i18n, units.independent).to_string()
                    checked=u.independent error=None hint=t_string!(i18n, units.independent_hint).to_string() />
                <button class="button button-secondary" type="submit">{t!(i18n, admin.save)}</button>
            </form>
            <h2>{t!(i18n, units.status)}</h2>
            <p class="field-error" role="alert">{status_problem}</p>
            {if u.closed {
                view! {
                    <form method="post" action=SetUnitOpen::url()>
                        <input type="hidden" name="id" value=id.clone() />
                        <input type="hidden" name="version" value=version.clone() />
                        <input type="hidden" name="open" value="true" />
                        <button class="button button-secondary" type="submit">{t!(i18n, units.reopen)}</button>
                    </form>
                }.into_any()
            } else if can_close && editor.parent_id.is_some() {
                view! {
                    <form method="post" action=SetUnitOpen::url()>
                        <input type="hidden" name="id" value=id.clone() />
                        <input type="hidden" name="version" value=version.clone() />
                        <input type="hidden" name="open" value="false" />
                        <p class="muted">{t!(i18n, units.close_text)}</p>
                        <button class="button button-secondary" type="submit">{t!(i18n, units.close)}</button>
                    </form>
                }.into_any()
            } else {
                view! {
                    <p class="muted" data-testid="close-blocked">
                        {t!(i18n, units.cannot_close, children = editor.open_children, people = editor.active_in_subtree)}
                    </p>
                }.into_any()
            }}
            <h2>{t!(i18n, admin.changes)}</h2>
            <ChangeList lines=editor.audit.clone() />
        </section>
    }
}
