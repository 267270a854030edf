//! Server functions of the admin screens. Every one of them asks the policy about the exact
//! object it touches; the pages only hide what the answer would refuse anyway.

// A form's server function takes one argument per field (that is how a plain HTML post arrives),
// and the macro also generates the client half, so the allowance is for the whole module.
#![allow(clippy::too_many_arguments)]

use super::types::*;
use crate::domain::directory::DirectoryQuery;
use crate::domain::ids::{EmployeeId, ImportId};
use crate::error::AppError;
use leptos::prelude::*;

/// The directory page: one page of employees plus what the filters and buttons need.
#[server(endpoint = "admin/employees")]
pub async fn employee_directory(query: DirectoryQuery) -> Result<DirectoryView, AppError> {
    crate::state::respond(ssr::employee_directory(query).await)
}

/// Everything the employee form shows; `id: None` for a new employee.
#[server(endpoint = "admin/employee")]
pub async fn load_employee_editor(id: Option<EmployeeId>) -> Result<EmployeeEditor, AppError> {
    crate::state::respond(ssr::employee_editor(id).await)
}

#[server(endpoint = "admin/employee/create")]
pub async fn create_employee(
    nip: String,
    name: String,
    front_title: String,
    back_title: String,
    email: String,
    asn_type: String,
    rank_grade: String,
    unit_code: String,
    position: String,
    position_kind: String,
    superior_nip: String,
    appraiser_nip: String,
) -> Result<(), AppError> {
    let fields = crate::domain::employee::EmployeeFields {
        nip,
        name,
        front_title,
        back_title,
        email,
        asn_type,
        rank_grade,
        unit_code,
        position,
        position_kind,
        superior_nip,
        appraiser_nip,
    };
    crate::state::respond(ssr::save_employee(None, fields, String::new()).await)
}

#[server(endpoint = "admin/employee/update")]
pub async fn update_employee(
    id: EmployeeId,
    version: i32,
    nip: String,
    name: String,
    front_title: String,
    back_title: String,
    email: String,
    asn_type: String,
    rank_grade: String,
    unit_code: String,
    position: String,
    position_kind: String,
    superior_nip: String,
    appraiser_nip: String,
    // The day a transfer (mutasi) took effect; empty when the change corrects the record.
    moved_on: Option<String>,
) -> Result<(), AppError> {
    let fields = crate::domain::employee::EmployeeFields {
        nip,
        name,
        front_title,
        back_title,
        email,
        asn_type,
        rank_grade,
        unit_code,
        position,
        position_kind,
        superior_nip,
        appraiser_nip,
    };
    crate::state::respond(
        ssr::save_employee(Some((id, version)), fields, moved_on.unwrap_or_default()).await,
    )
}

/// Deactivates (`active = false`: their login stops working at once) or reactivates.
#[server(endpoint = "admin/employee/status")]
pub async fn set_employee_status(
    id: EmployeeId,
    version: i32,
    active: bool,
) -> Result<(), AppError> {
    crate::state::respond(ssr::set_status(id, version, active).await)
}

/// Creates a one-time password-reset link for the employee's account; the admin sees it once.
#[server(endpoint = "admin/employee/reset-link")]
pub async fn issue_reset_link(id: EmployeeId) -> Result<(), AppError> {
    crate::state::respond(ssr::issue_reset_link(id).await)
}

/// Whether the signed-in user may import employees, and into which part of the agency.
#[server(endpoint = "admin/import-scope")]
pub async fn load_import_scope() -> Result<ImportScope, AppError> {
    crate::state::respond(ssr::import_scope().await)
}

/// The stored outcome of a CSV import.
#[server(endpoint = "admin/import-report")]
pub async fn load_import_report(id: ImportId) -> Result<ImportReport, AppError> {
    crate::state::respond(ssr::import_report(id).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::*;
    use crate::auth::server::ClientInfo;
    use crate::db::employees::{self, Author, Placement, SaveError};
    use crate::db::entities::{pegawai, riwayat_jabatan, unit_kerja, user_account};
    use crate::db::units::within as units_within;
    use crate::domain::access::{
        Action, Actor, Target, UnitPath, authorize, authorize_within_own_scope, directory_scope,
    };
    use crate::domain::employee::{EmployeeFields, validate};
    use crate::domain::ids::AccountId;
    use crate::error::FormErrors;
    use crate::state;
    use chrono::Utc;
    use sea_orm::{
        ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait,
    };

    /// The subtree path an actor's lists cover when no unit is chosen (`None`: the agency), as
    /// the policy's [`directory_scope`] decides it.
    pub fn default_scope(actor: &Actor) -> Result<Option<String>, AppError> {
        Ok(directory_scope(actor)?.map(|path| path.0))
    }

    /// Whether the actor may place or edit people in `unit`.
    pub fn may_edit_in(actor: &Actor, unit: &unit_kerja::Model) -> bool {
        authorize(
            actor,
            Action::ImportExportEmployees,
            Target::Unit(&UnitPath(unit.path.clone())),
        )
        .is_ok()
    }

    fn unit_option(u: &unit_kerja::Model) -> UnitOption {
        UnitOption {
            id: u.id,
            code: u.code.clone(),
            name: u.name.clone(),
            depth: u.depth,
            closed: u.closed_at.is_some(),
        }
    }

    pub async fn employee_directory(query: DirectoryQuery) -> Result<DirectoryView, AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let actor = &user.actor;
        let scope = default_scope(actor)?;
        let within = match query.unit_id {
            Some(unit_id) => {
                let unit = unit_kerja::Entity::find_by_id(unit_id)
                    .one(&db)
                    .await?
                    .ok_or(AppError::NotFound)?;
                authorize(
                    actor,
                    Action::ListEmployees,
                    Target::Unit(&UnitPath(unit.path.clone())),
                )?;
                Some(unit.path)
            }
            None => {
                match &scope {
                    Some(path) => authorize(
                        actor,
                        Action::ListEmployees,
                        Target::Unit(&UnitPath(path.clone())),
                    )?,
                    None => authorize(actor, Action::ListEmployees, Target::Agency)?,
                }
                scope.clone()
            }
        };
        let page = crate::db::directory::search(&db, within.as_deref(), &query).await?;
        let units = units_within(&db, scope.as_deref()).await?;
        let can_edit = authorize_within_own_scope(actor, Action::EditEmployee).is_ok();
        Ok(DirectoryView {
            page,
            units: units.iter().map(unit_option).collect(),
            can_edit,
        })
    }

    pub async fn employee_editor(id: Option<EmployeeId>) -> Result<EmployeeEditor, AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let actor = &user.actor;
        authorize_within_own_scope(actor, Action::EditEmployee)?;
        let scope = default_scope(actor)?;
        let units: Vec<UnitOption> = units_within(&db, scope.as_deref())
            .await?
            .iter()
            .filter(|u| u.closed_at.is_none())
            .map(unit_option)
            .collect();
        let Some(id) = id else {
            return Ok(EmployeeEditor {
                units,
                ..Default::default()
            });
        };
        let facts = crate::db::people::employee_facts(&db, id).await?;
        authorize(actor, Action::EditEmployee, Target::Employee(&facts))?;
        let person = pegawai::Entity::find_by_id(id)
            .one(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        let history = history_of(&db, id).await?;
        let account = user_account::Entity::find()
            .filter(user_account::Column::PegawaiId.eq(id))
            .one(&db)
            .await?;
        let audit = audit_lines(
            &db,
            crate::db::audit::recent_for(&db, "pegawai", &id.to_string(), 20).await?,
        )
        .await?;
        let reset_link = take_reset_flash(id);
        let appraisal = employees::appraisal_labels(&db, &person).await?;
        Ok(EmployeeEditor {
            id: Some(id),
            version: person.version,
            active: person.active,
            display_name: crate::domain::employee::display_name(
                person.front_title.as_deref(),
                &person.name,
                person.back_title.as_deref(),
            ),
            fields: employees::fields_of(&db, &person).await?,
            superior: employees::person_label(&db, person.atasan_id).await?,
            appraiser: appraisal.0,
            appraiser_superior: appraisal.1,
            units,
            history,
            plans: crate::features::skp::ssr::summaries(&db, id)
                .await?
                .into_iter()
                .map(|(_, summary)| summary)
                .collect(),
            audit,
            has_account: account.is_some(),
            reset_link,
        })
    }

    async fn history_of(
        db: &impl ConnectionTrait,
        id: EmployeeId,
    ) -> Result<Vec<HistoryLine>, AppError> {
        use crate::db::entities::jabatan;
        let lines = riwayat_jabatan::Entity::find()
            .filter(riwayat_jabatan::Column::PegawaiId.eq(id))
            .order_by_desc(riwayat_jabatan::Column::StartedAt)
            .order_by_desc(riwayat_jabatan::Column::Id)
            .all(db)
            .await?;
        let mut out = Vec::with_capacity(lines.len());
        for line in lines {
            let unit = unit_kerja::Entity::find_by_id(line.unit_id)
                .one(db)
                .await?
                .map(|u| u.name)
                .unwrap_or_default();
            let position = match line.jabatan_id {
                Some(j) => jabatan::Entity::find_by_id(j)
                    .one(db)
                    .await?
                    .map(|j| j.name),
                None => None,
            };
            out.push(HistoryLine {
                unit,
                position,
                started: crate::ui::dates::local_date(line.started_at),
                ended: line.ended_at.map(crate::ui::dates::local_date),
            });
        }
        Ok(out)
    }

    pub async fn import_scope() -> Result<ImportScope, AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        crate::domain::access::authorize_within_own_scope(
            &user.actor,
            Action::ImportExportEmployees,
        )?;
        let unit = match default_scope(&user.actor)? {
            None => None,
            Some(path) => {
                let unit = unit_kerja::Entity::find()
                    .filter(unit_kerja::Column::Path.eq(path.as_str()))
                    .one(&db)
                    .await?;
                match unit {
                    Some(unit) => Some(unit.name),
                    None => {
                        tracing::error!(path, "admin scope names no unit");
                        return Err(AppError::Internal);
                    }
                }
            }
        };
        Ok(ImportScope { unit })
    }

    pub async fn import_report(id: ImportId) -> Result<ImportReport, AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        super::super::import::report(&db, &user, id).await
    }

    /// Audit rows as shown: who (name and NIP), when, and what changed.
    pub async fn audit_lines(
        db: &impl ConnectionTrait,
        rows: Vec<crate::db::entities::audit_log::Model>,
    ) -> Result<Vec<AuditLine>, AppError> {
        let mut names: std::collections::HashMap<AccountId, Option<String>> = Default::default();
        let mut out = Vec::with_capacity(rows.len());
        let time_zone = crate::db::agency::time_zone(db).await?;
        for row in rows {
            let actor = match row.actor_user_id {
                Some(user_id) => crate::db::people::account_label(db, &mut names, user_id).await?,
                None => None,
            };
            out.push(AuditLine {
                id: row.id,
                at: crate::ui::dates::local_moment(time_zone, row.at),
                actor,
                action: row.action,
                object_type: row.object_type,
                object_id: row.object_id,
                changes: crate::db::audit::changes(row.before.as_deref(), row.after.as_deref())
                    .into_iter()
                    .map(|(field, before, after)| FieldChange {
                        field,
                        before,
                        after,
                    })
                    .collect(),
                ip: row.ip,
            });
        }
        Ok(out)
    }

    fn form_errors(fields: &EmployeeFields, moved_on: &str, errors: &[(&str, &str)]) -> AppError {
        let mut form = FormErrors::default().value("moved_on", moved_on);
        for (name, value) in fields.pairs() {
            form = form.value(name, value);
        }
        for (field, code) in errors {
            form = form.field(field, code);
        }
        AppError::Invalid(form)
    }

    pub async fn save_employee(
        existing: Option<(EmployeeId, i32)>,
        fields: EmployeeFields,
        moved_on: String,
    ) -> Result<(), AppError> {
        let db = state::db()?;
        let client = ClientInfo::current();
        let user = state::require_user(&db).await?;
        let actor = user.actor.clone();
        let agency = crate::db::agency::primary(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        let current = match existing {
            Some((id, version)) => {
                let facts = crate::db::people::employee_facts(&db, id).await?;
                authorize(&actor, Action::EditEmployee, Target::Employee(&facts))?;
                let person = pegawai::Entity::find_by_id(id)
                    .one(&db)
                    .await?
                    .ok_or(AppError::NotFound)?;
                if person.version != version {
                    return Err(AppError::Conflict);
                }
                Some(person)
            }
            None => {
                authorize_within_own_scope(&actor, Action::EditEmployee)?;
                None
            }
        };
        let moved_on_date = crate::domain::text::parse_date_input(&moved_on);
        let today = state::today(&db).await?;
        let valid = validate(&fields, today);
        let (valid, moved_on_date) = match (valid, moved_on_date) {
            (Ok(valid), Ok(date)) => (valid, date),
            (valid, date) => {
                let mut errors = valid.err().unwrap_or_default();
                if date.is_err() {
                    errors.push(("moved_on", "date_invalid"));
                }
                return Err(form_errors(&fields, &moved_on, &errors));
            }
        };
        let placement = match moved_on_date {
            Some(on) if current.is_some() => Placement::Since { on, today },
            _ => Placement::Recorded,
        };
        let txn = db.begin().await?;
        let author = Author {
            user_id: user.account.id,
            client: &client,
            via: match (&current, placement) {
                (None, _) => "employee_created",
                (Some(_), Placement::Since { .. }) => "employee_transferred",
                (Some(_), Placement::Recorded) => "employee_updated",
            },
        };
        let saved = match employees::save(
            &txn,
            agency.id,
            current,
            valid,
            placement,
            Some(&author),
            |u| may_edit_in(&actor, u),
        )
        .await
        {
            Ok(saved) => saved,
            Err(SaveError::Fields(errors)) => {
                txn.rollback().await?;
                return Err(form_errors(&fields, &moved_on, &errors));
            }
            Err(SaveError::App(err)) => return Err(err),
        };
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/pegawai/{}?disimpan=1", saved.id));
        Ok(())
    }

    pub async fn set_status(id: EmployeeId, version: i32, active: bool) -> Result<(), AppError> {
        let db = state::db()?;
        let client = ClientInfo::current();
        let user = state::require_user(&db).await?;
        let facts = crate::db::people::employee_facts(&db, id).await?;
        authorize(&user.actor, Action::EditEmployee, Target::Employee(&facts))?;
        if user.account.pegawai_id == Some(id) && !active {
            // Locking oneself out helps nobody; another admin can do it if it is really meant.
            return Err(AppError::Forbidden);
        }
        let person = pegawai::Entity::find_by_id(id)
            .one(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        if person.version != version {
            return Err(AppError::Conflict);
        }
        let txn = db.begin().await?;
        let author = Author {
            user_id: user.account.id,
            client: &client,
            via: if active {
                "employee_reactivated"
            } else {
                "employee_deactivated"
            },
        };
        employees::set_active(&txn, person, active, &author).await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/pegawai/{id}?disimpan=1"));
        Ok(())
    }

    const RESET_FLASH_COOKIE: &str = "kinerja_reset_link";

    pub async fn issue_reset_link(id: EmployeeId) -> Result<(), AppError> {
        let db = state::db()?;
        let client = ClientInfo::current();
        let user = state::require_user(&db).await?;
        let facts = crate::db::people::employee_facts(&db, id).await?;
        authorize(&user.actor, Action::ResetPassword, Target::Employee(&facts))?;
        let account = user_account::Entity::find()
            .filter(user_account::Column::PegawaiId.eq(id))
            .one(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        let token = crate::auth::server::create_password_reset(
            &db,
            account.id,
            user.account.id,
            Utc::now(),
        )
        .await?;
        crate::db::audit::record(
            &db,
            crate::db::audit::Entry {
                actor_user_id: Some(user.account.id),
                action: "password_reset_issued",
                object_type: "user_account",
                object_id: Some(account.login.clone()),
                before: None,
                after: None,
            },
            &client,
        )
        .await?;
        // Shown once, on the next page view only: never in an address, history or log.
        let path = format!("/admin/pegawai/{id}");
        state::append_header(
            http::header::SET_COOKIE,
            &format!(
                "{RESET_FLASH_COOKIE}={token}; Path={path}; Max-Age=300; HttpOnly; SameSite=Strict{}",
                if client.secure { "; Secure" } else { "" }
            ),
        );
        leptos_axum::redirect(&path);
        Ok(())
    }

    /// The reset link just issued for `id`, read once from its cookie (which is then cleared).
    fn take_reset_flash(id: EmployeeId) -> Option<String> {
        let parts = use_context::<http::request::Parts>()?;
        let token = state::request_cookie(RESET_FLASH_COOKIE)?;
        if !token.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        state::append_header(
            http::header::SET_COOKIE,
            &format!(
                "{RESET_FLASH_COOKIE}=; Path=/admin/pegawai/{id}; Max-Age=0; HttpOnly; SameSite=Strict"
            ),
        );
        let scheme = if ClientInfo::current().secure {
            "https"
        } else {
            "http"
        };
        let host = parts
            .headers
            .get(http::header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("localhost");
        Some(format!("{scheme}://{host}/atur-sandi/{token}"))
    }
}
