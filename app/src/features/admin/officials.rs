//! Officials outside the application (the Sekda, the Bupati) on the agency page: the list and
//! one form to add or correct them. An employee record names one as appraiser by NIP.

// A server function's arguments are the form's fields, one each.
#![allow(clippy::too_many_arguments)]

use crate::domain::ids::ExternalOfficialId;
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::form::{FormErrorSummary, Hidden, Posted, SelectField, TextField};
use crate::ui::page::EmptyState;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficialRow {
    pub id: ExternalOfficialId,
    pub version: i32,
    pub name: String,
    pub nip: String,
    pub position: String,
    pub rank_grade: String,
    pub superior_id: Option<ExternalOfficialId>,
    pub superior: Option<String>,
    /// Employees whose record names this official as appraiser.
    pub appraises: u64,
}

#[server(endpoint = "admin/officials")]
pub async fn load_officials() -> Result<Vec<OfficialRow>, AppError> {
    crate::state::respond(ssr::list().await)
}

/// Adds an official (`id` empty) or corrects one (`id` and its `version`).
#[server(endpoint = "admin/official/save")]
pub async fn save_official(
    id: Option<String>,
    version: Option<i32>,
    name: String,
    nip: String,
    position: String,
    rank_grade: String,
    superior_id: String,
) -> Result<(), AppError> {
    crate::state::respond(
        ssr::save(
            id,
            version,
            crate::domain::official::OfficialFields {
                name,
                nip,
                position,
                rank_grade,
                superior_id,
            },
        )
        .await,
    )
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::auth::server::ClientInfo;
    use crate::db::audit::{self, Entry};
    use crate::db::entities::{pegawai, pejabat_luar};
    use crate::domain::access::{Action, Target, authorize};
    use crate::domain::official::{OfficialFields, superior_allowed, validate};
    use crate::error::FormErrors;
    use crate::state::{self, CurrentUser};
    use chrono::Utc;
    use sea_orm::{
        ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel,
        PaginatorTrait, QueryFilter, Set,
    };

    async fn admin()
    -> Result<(DatabaseConnection, CurrentUser, crate::db::agency::Agency), AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        authorize(&user.actor, Action::ManageAgency, Target::Agency)?;
        let agency = crate::db::agency::primary(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok((db, user, agency))
    }

    pub async fn list() -> Result<Vec<OfficialRow>, AppError> {
        let (db, _, agency) = admin().await?;
        let officials = crate::db::officials::list(&db, agency.id).await?;
        let mut rows = Vec::with_capacity(officials.len());
        for o in &officials {
            let appraises = pegawai::Entity::find()
                .filter(pegawai::Column::PenilaiLuarId.eq(o.id))
                .filter(pegawai::Column::Active.eq(true))
                .count(&db)
                .await?;
            rows.push(OfficialRow {
                id: o.id,
                version: o.version,
                name: o.name.clone(),
                nip: o.nip.clone().unwrap_or_default(),
                position: o.position.clone(),
                rank_grade: o.rank_grade.clone(),
                superior_id: o.atasan_id,
                superior: o
                    .atasan_id
                    .and_then(|s| officials.iter().find(|x| x.id == s))
                    .map(|s| s.name.clone()),
                appraises,
            });
        }
        Ok(rows)
    }

    fn snapshot(o: &pejabat_luar::Model) -> serde_json::Value {
        serde_json::json!({
            "name": o.name,
            "nip": o.nip,
            "position": o.position,
            "rank_grade": o.rank_grade,
            "superior_id": o.atasan_id,
        })
    }

    pub async fn save(
        id: Option<String>,
        version: Option<i32>,
        fields: OfficialFields,
    ) -> Result<(), AppError> {
        let (db, user, agency) = admin().await?;
        let typed = || {
            FormErrors::default()
                .value("name", &fields.name)
                .value("nip", &fields.nip)
                .value("position", &fields.position)
                .value("rank_grade", &fields.rank_grade)
                .value("superior_id", &fields.superior_id)
        };
        let existing = match id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(id) => {
                let id: ExternalOfficialId = id.parse().map_err(|_| AppError::NotFound)?;
                let row = pejabat_luar::Entity::find_by_id(id)
                    .one(&db)
                    .await?
                    .filter(|o| o.instansi_id == agency.id)
                    .ok_or(AppError::NotFound)?;
                if Some(row.version) != version {
                    return Err(AppError::Conflict);
                }
                Some(row)
            }
            None => None,
        };
        let today = state::today(&db).await?;
        let valid = validate(&fields, today).map_err(|errors| {
            AppError::Invalid(
                errors
                    .into_iter()
                    .fold(typed(), |e, (field, code)| e.field(field, code)),
            )
        })?;
        let mut errors = typed();
        if let Some(nip) = &valid.nip {
            let holder = crate::db::officials::by_nip(&db, agency.id, nip.as_str()).await?;
            if holder.is_some_and(|h| existing.as_ref().is_none_or(|e| e.id != h.id)) {
                errors = errors.field("nip", "nip_taken");
            }
            // An employee of the agency is named by NIP already: a second record would make
            // the appraiser field ambiguous.
            let employee = pegawai::Entity::find()
                .filter(pegawai::Column::Nip.eq(nip.as_str()))
                .one(&db)
                .await?;
            if employee.is_some() {
                errors = errors.field("nip", "official_is_employee");
            }
        }
        if let Some(superior) = valid.superior_id {
            let chain = crate::db::officials::chain_from(&db, superior).await?;
            let in_agency = chain.first().is_some_and(|s| s.instansi_id == agency.id);
            let ids: Vec<ExternalOfficialId> = chain.iter().map(|o| o.id).collect();
            if !in_agency {
                errors = errors.field("superior_id", "invalid");
            } else if !superior_allowed(existing.as_ref().map(|e| e.id), &ids) {
                errors = errors.field("superior_id", "official_superior_loop");
            }
        }
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let now = Utc::now();
        let before = existing.as_ref().map(snapshot);
        let mut row = match existing {
            Some(e) => {
                let version = e.version;
                let mut row = e.into_active_model();
                row.version = Set(version + 1);
                row
            }
            None => pejabat_luar::ActiveModel {
                instansi_id: Set(agency.id),
                version: Set(1),
                created_at: Set(now),
                ..Default::default()
            },
        };
        row.name = Set(valid.name);
        row.nip = Set(valid.nip.map(String::from));
        row.position = Set(valid.position);
        row.rank_grade = Set(valid.rank_grade);
        row.atasan_id = Set(valid.superior_id);
        row.updated_at = Set(now);
        let saved = if before.is_some() {
            row.update(&db).await?
        } else {
            row.insert(&db).await?
        };
        audit::record(
            &db,
            Entry {
                actor_user_id: Some(user.account.id),
                action: if before.is_some() {
                    "external_official_updated"
                } else {
                    "external_official_created"
                },
                object_type: "pejabat_luar",
                object_id: Some(saved.id.to_string()),
                before,
                after: Some(snapshot(&saved)),
            },
            &ClientInfo::current(),
        )
        .await?;
        leptos_axum::redirect("/admin/instansi?disimpan=1#pejabat-luar");
        Ok(())
    }
}

/// The list and the form, below the agency settings. `?ubah=<id>` fills the form with one
/// official to correct.
#[component]
pub fn ExternalOfficials() -> impl IntoView {
    let i18n = use_i18n();
    let data = OnceResource::new(load_officials());
    view! {
        <section class="admin-page" id="pejabat-luar" aria-labelledby="officials-title">
            <h2 id="officials-title">{t!(i18n, officials.title)}</h2>
            <p class="muted">{t!(i18n, officials.intro)}</p>
            <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(rows) => officials_view(i18n, rows).into_any(),
                        Err(error) => view! { <crate::ui::error::ErrorNotice error /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

fn officials_view(i18n: leptos_i18n::I18nContext<Locale>, rows: Vec<OfficialRow>) -> impl IntoView {
    let (form, general) = Posted::to(SaveOfficial::url());
    let chosen = use_query_map()
        .with_untracked(|q| q.get("ubah"))
        .and_then(|id| id.parse::<ExternalOfficialId>().ok())
        .or_else(|| {
            form.typed("id")
                .and_then(|id| id.parse::<ExternalOfficialId>().ok())
        });
    let editing = chosen.and_then(|id| rows.iter().find(|r| r.id == id).cloned());
    let stored = |pick: fn(&OfficialRow) -> String| editing.as_ref().map(pick).unwrap_or_default();
    let superiors: Vec<(String, String)> = rows
        .iter()
        .filter(|r| editing.as_ref().is_none_or(|e| e.id != r.id))
        .map(|r| (r.id.to_string(), format!("{} · {}", r.name, r.position)))
        .collect();
    let form_title = if editing.is_some() {
        t_string!(i18n, officials.edit).to_string()
    } else {
        t_string!(i18n, officials.add).to_string()
    };
    view! {
        {if rows.is_empty() {
            view! { <EmptyState>{t!(i18n, officials.none)}</EmptyState> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="data-table cards-on-phone" data-testid="officials">
                        <thead><tr>
                            <th scope="col">{t!(i18n, officials.name)}</th>
                            <th scope="col">"NIP"</th>
                            <th scope="col">{t!(i18n, officials.position)}</th>
                            <th scope="col">{t!(i18n, officials.superior)}</th>
                            <th scope="col" class="nowrap">{t!(i18n, officials.appraises)}</th>
                        </tr></thead>
                        <tbody>
                            {rows.iter().map(|r| view! {
                                <tr>
                                    <td data-label=t_string!(i18n, officials.name).to_string()>
                                        <a href=format!("/admin/instansi?ubah={}#pejabat-luar", r.id)>{r.name.clone()}</a>
                                        {(!r.rank_grade.is_empty()).then(|| view! { <span class="block muted small">{r.rank_grade.clone()}</span> })}
                                    </td>
                                    <td data-label="NIP" class="nowrap">{if r.nip.is_empty() { "—".to_owned() } else { r.nip.clone() }}</td>
                                    <td data-label=t_string!(i18n, officials.position).to_string()>{r.position.clone()}</td>
                                    <td data-label=t_string!(i18n, officials.superior).to_string()>{r.superior.clone().unwrap_or_else(|| "—".into())}</td>
                                    <td data-label=t_string!(i18n, officials.appraises).to_string()>{r.appraises}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <h3 id="official-form-title">{form_title}</h3>
        {general.map(|error| view! { <crate::ui::error::ErrorNotice error /> })}
        <form class="form narrow" method="post" action=SaveOfficial::url() aria-labelledby="official-form-title" novalidate>
            <FormErrorSummary posted=form.clone() />
            {editing.as_ref().map(|e| view! {
                <Hidden name="id" value=e.id.to_string() />
                <Hidden name="version" value=e.version.to_string() />
            })}
            <TextField name="name" label=t_string!(i18n, officials.name_with_titles).to_string()
                value=form.value("name", &stored(|r| r.name.clone())) error=form.error(i18n, "name") required=true />
            <TextField name="nip" label="NIP".to_owned() inputmode="numeric"
                value=form.value("nip", &stored(|r| r.nip.clone())) error=form.error(i18n, "nip")
                hint=t_string!(i18n, officials.nip_hint).to_string() />
            <TextField name="position" label=t_string!(i18n, officials.position).to_string()
                value=form.value("position", &stored(|r| r.position.clone())) error=form.error(i18n, "position")
                hint=t_string!(i18n, officials.position_hint).to_string() required=true />
            <TextField name="rank_grade" label=t_string!(i18n, officials.rank).to_string()
                value=form.value("rank_grade", &stored(|r| r.rank_grade.clone())) error=form.error(i18n, "rank_grade") />
            <SelectField name="superior_id" placeholder="—" label=t_string!(i18n, officials.superior).to_string()
                value=form.value("superior_id", &stored(|r| r.superior_id.map(|s| s.to_string()).unwrap_or_default()))
                options=superiors error=form.error(i18n, "superior_id")
                hint=t_string!(i18n, officials.superior_hint).to_string() />
            <div class="form-actions">
                <button class="button" type="submit">{t!(i18n, admin.save)}</button>
                {editing.is_some().then(|| view! {
                    <a class="button button-secondary" href="/admin/instansi#pejabat-luar">{t!(i18n, officials.cancel_edit)}</a>
                })}
            </div>
        </form>
    }
}
