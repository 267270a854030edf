//! CSV import and export of employees (server only; the server's axum handlers call these).
//!
//! Import is all-or-nothing: every row is validated and written inside one transaction, and a
//! single error anywhere rolls the whole file back. Rows are matched by NIP, so importing the
//! same file twice updates instead of duplicating. The outcome is stored (`employee_import`) and
//! shown on its own page, so the report survives the redirect after the upload.

use super::api::ssr::{default_scope, may_edit_in};
use super::types::{ImportError, ImportReport};
use crate::auth::server::ClientInfo;
use crate::clock::Clock;
use crate::db::audit::{self, Entry};
use crate::db::employees::{self, Author, SaveError};
use crate::db::entities::{employee_import, pegawai, unit_kerja};
use crate::domain::access::{Action, authorize_within_own_scope};
use crate::domain::directory::DirectoryQuery;
use crate::domain::employee::{EmployeeFields, ValidEmployee, validate};
use crate::domain::ids::{EmployeeId, ImportId};
use crate::error::AppError;
use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};
use std::collections::HashMap;

use crate::domain::employee::IMPORT_COLUMNS as COLUMNS;

const REQUIRED_COLUMNS: [&str; 9] = [
    "nip",
    "nama",
    "jenis_asn",
    "golongan",
    "kode_unit",
    "jabatan",
    "jenis_jabatan",
    "nip_atasan",
    "nip_penilai",
];
/// Columns the export adds beside the template's, accepted back so that an exported file can be
/// edited and imported again. The unit name follows from `kode_unit` and is not read; the status
/// is changed on the employee's page, so a line whose status differs from the stored one is
/// refused rather than silently kept.
const EXPORT_ONLY_COLUMNS: [&str; 2] = ["status", "nama_unit"];
/// More rows than any regional agency has; guards the server against a runaway file.
pub const MAX_ROWS: usize = 50_000;
/// Errors kept in a report; the total is always counted.
const MAX_REPORTED_ERRORS: usize = 500;

fn column_of(field: &str) -> &'static str {
    COLUMNS
        .iter()
        .find(|(_, f)| *f == field)
        .map_or("", |(c, _)| c)
}

fn file_error(code: &str) -> ImportError {
    ImportError {
        line: 0,
        column: String::new(),
        code: code.to_owned(),
        value: String::new(),
    }
}

/// Spreadsheets saved with an Indonesian locale separate with `;` (the comma is the decimal
/// mark); others with `,`. The header line decides.
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    if header.matches(';').count() > header.matches(',').count() {
        b';'
    } else {
        b','
    }
}

/// A parsed file: for each data row its line number, its fields and, when the file has a
/// `status` column, whether the line says active.
type Rows = Vec<(u64, EmployeeFields, Option<bool>)>;

pub fn parse(bytes: &[u8]) -> Result<Rows, Vec<ImportError>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Err(vec![file_error("file_not_utf8")]);
    };
    if text.trim().is_empty() {
        return Err(vec![file_error("file_empty")]);
    }
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(_) => return Err(vec![file_error("file_not_csv")]),
    };
    let mut errors = Vec::new();
    for required in REQUIRED_COLUMNS {
        if !headers.iter().any(|h| h == required) {
            errors.push(ImportError {
                line: 1,
                column: required.to_owned(),
                code: "column_missing".to_owned(),
                value: String::new(),
            });
        }
    }
    for header in &headers {
        if !COLUMNS.iter().any(|(c, _)| c == header)
            && !EXPORT_ONLY_COLUMNS.contains(&header.as_str())
        {
            errors.push(ImportError {
                line: 1,
                column: header.clone(),
                code: "column_unknown".to_owned(),
                value: String::new(),
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(err) => {
                let line = err.position().map_or(0, |p| p.line());
                errors.push(ImportError {
                    line,
                    column: String::new(),
                    code: "line_unreadable".to_owned(),
                    value: String::new(),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(str::is_empty) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(vec![file_error("file_too_many_rows")]);
        }
        let cell = |column: &str| -> String {
            headers
                .iter()
                .position(|h| h == column)
                .and_then(|i| record.get(i))
                .map(unguard)
                .unwrap_or_default()
                .to_owned()
        };
        let status = match cell("status").to_lowercase().as_str() {
            "" => None,
            "aktif" => Some(true),
            "nonaktif" => Some(false),
            other => {
                errors.push(ImportError {
                    line,
                    column: "status".to_owned(),
                    code: "status_invalid".to_owned(),
                    value: other.chars().take(60).collect(),
                });
                None
            }
        };
        rows.push((
            line,
            EmployeeFields {
                nip: cell("nip"),
                name: cell("nama"),
                front_title: cell("gelar_depan"),
                back_title: cell("gelar_belakang"),
                email: cell("email"),
                asn_type: cell("jenis_asn"),
                rank_grade: cell("golongan"),
                unit_code: cell("kode_unit"),
                position: cell("jabatan"),
                position_kind: cell("jenis_jabatan"),
                superior_nip: cell("nip_atasan"),
                appraiser_nip: cell("nip_penilai"),
            },
            status,
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if rows.is_empty() {
        return Err(vec![file_error("file_no_rows")]);
    }
    Ok(rows)
}

fn row_errors(line: u64, fields: &EmployeeFields, problems: &[(&str, &str)]) -> Vec<ImportError> {
    problems
        .iter()
        .map(|(field, code)| ImportError {
            line,
            column: column_of(field).to_owned(),
            code: (*code).to_owned(),
            value: fields
                .pairs()
                .iter()
                .find(|(f, _)| f == field)
                .map(|(_, v)| v.chars().take(60).collect())
                .unwrap_or_default(),
        })
        .collect()
}

struct Counts {
    created: i32,
    updated: i32,
}

/// Validates and writes every row; any error and nothing is kept.
async fn apply(
    db: &DatabaseConnection,
    clock: Clock,
    rows: &Rows,
    user: &crate::state::CurrentUser,
    client: &ClientInfo,
) -> Result<Result<Counts, Vec<ImportError>>, AppError> {
    let agency = crate::db::agency::primary(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let today = clock.today_in(agency.time_zone);
    let mut errors = Vec::new();
    let mut valid: Vec<(u64, &EmployeeFields, Option<bool>, ValidEmployee)> = Vec::new();
    let mut first_line_of: HashMap<String, u64> = HashMap::new();
    for (line, fields, status) in rows {
        match validate(fields, today) {
            Ok(v) => {
                if let Some(first) = first_line_of.insert(v.nip.as_str().to_owned(), *line) {
                    errors.push(ImportError {
                        line: *line,
                        column: "nip".to_owned(),
                        code: "nip_duplicate_in_file".to_owned(),
                        value: format!("{} ({first})", v.nip.as_str()),
                    });
                }
                valid.push((*line, fields, *status, v));
            }
            Err(problems) => errors.extend(row_errors(*line, fields, &problems)),
        }
    }
    // Rows with field errors are left out below, but the others still meet the database checks
    // (unknown unit, NIP taken…) so that one upload reports every problem of the file.
    let actor = &user.actor;
    let txn = db.begin().await?;
    let author = Author {
        user_id: user.account.id,
        client,
        via: "employee_imported",
    };
    let mut counts = Counts {
        created: 0,
        updated: 0,
    };
    // Pass 1 writes everyone with the reporting line the tree gives; pass 2 applies the named
    // superiors and re-derives, now that people further down the file exist too.
    for pass in [1, 2] {
        for (line, fields, status, v) in &valid {
            let existing = pegawai::Entity::find()
                .filter(pegawai::Column::Nip.eq(v.nip.as_str()))
                .one(&txn)
                .await?;
            if let Some(existing) = &existing {
                let unit = unit_kerja::Entity::find_by_id(existing.unit_id)
                    .one(&txn)
                    .await?
                    .ok_or(AppError::Internal)?;
                if !may_edit_in(actor, &unit) {
                    errors.push(ImportError {
                        line: *line,
                        column: "nip".to_owned(),
                        code: "employee_outside_scope".to_owned(),
                        value: v.nip.as_str().to_owned(),
                    });
                    continue;
                }
            }
            // New employees start active.
            let stored_active = existing.as_ref().is_none_or(|e| e.active);
            if pass == 1
                && let Some(active) = *status
                && active != stored_active
            {
                errors.push(ImportError {
                    line: *line,
                    column: "status".to_owned(),
                    code: "status_not_imported".to_owned(),
                    value: if active { "aktif" } else { "nonaktif" }.to_owned(),
                });
            }
            if pass == 1 {
                if existing.is_some() {
                    counts.updated += 1;
                } else {
                    counts.created += 1;
                }
            }
            let mut row = v.clone();
            if pass == 1 {
                row.superior_nip = None;
                row.appraiser_nip = None;
            }
            match employees::save(
                &txn,
                agency.id,
                existing,
                row,
                employees::Placement::Recorded,
                Some(&author),
                |u| may_edit_in(actor, u),
            )
            .await
            {
                Ok(_) => {}
                Err(SaveError::Fields(problems)) => {
                    errors.extend(row_errors(*line, fields, &problems));
                }
                Err(SaveError::App(err)) => return Err(err),
            }
        }
    }
    if !errors.is_empty() {
        txn.rollback().await?;
        // A row failing in both passes reports once.
        let column_index = |e: &ImportError| {
            COLUMNS
                .iter()
                .position(|(c, _)| *c == e.column)
                .unwrap_or(99)
        };
        errors.sort_by(|a, b| {
            (a.line, column_index(a), &a.code).cmp(&(b.line, column_index(b), &b.code))
        });
        errors.dedup();
        return Ok(Err(errors));
    }
    txn.commit().await?;
    Ok(Ok(counts))
}

/// Imports an uploaded file and records the outcome; returns the report's id. `clock` is the
/// server's business clock (the upload is a plain route, outside the Leptos context).
pub async fn import(
    db: &DatabaseConnection,
    clock: Clock,
    client: &ClientInfo,
    file_name: &str,
    bytes: &[u8],
) -> Result<ImportId, AppError> {
    let user = crate::state::user_for(db, client)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    authorize_within_own_scope(&user.actor, Action::ImportExportEmployees)?;
    let started = std::time::Instant::now();
    let (rows_total, outcome) = match parse(bytes) {
        Ok(rows) => (rows.len(), apply(db, clock, &rows, &user, client).await?),
        Err(errors) => (0, Err(errors)),
    };
    let (applied, counts, mut errors) = match outcome {
        Ok(counts) => (true, counts, Vec::new()),
        Err(errors) => (
            false,
            Counts {
                created: 0,
                updated: 0,
            },
            errors,
        ),
    };
    let error_count = errors.len();
    errors.truncate(MAX_REPORTED_ERRORS);
    let file_name: String = file_name.chars().take(200).collect();
    let report = employee_import::ActiveModel {
        created_by: Set(user.account.id),
        created_at: Set(Utc::now()),
        file_name: Set(file_name.clone()),
        applied: Set(applied),
        rows_total: Set(rows_total as i32),
        created_count: Set(counts.created),
        updated_count: Set(counts.updated),
        error_count: Set(error_count as i32),
        errors: Set(serde_json::to_string(&errors).map_err(|_| AppError::Internal)?),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        Entry {
            actor_user_id: Some(user.account.id),
            action: if applied {
                "employee_import_applied"
            } else {
                "employee_import_rejected"
            },
            object_type: "employee_import",
            object_id: Some(report.id.to_string()),
            before: None,
            after: Some(serde_json::json!({
                "file": file_name,
                "rows": rows_total,
                "created": counts.created,
                "updated": counts.updated,
                "errors": error_count,
            })),
        },
        client,
    )
    .await?;
    tracing::info!(
        rows = rows_total,
        applied,
        errors = error_count,
        ms = started.elapsed().as_millis() as u64,
        "employee import"
    );
    Ok(report.id)
}

/// A stored import report, for the user who ran it or an agency admin.
pub async fn report(
    db: &DatabaseConnection,
    user: &crate::state::CurrentUser,
    id: ImportId,
) -> Result<ImportReport, AppError> {
    let row = employee_import::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let agency_admin = crate::domain::access::authorize(
        &user.actor,
        crate::domain::access::Action::ImportExportEmployees,
        crate::domain::access::Target::Agency,
    )
    .is_ok();
    if row.created_by != user.account.id && !agency_admin {
        return Err(AppError::Forbidden);
    }
    Ok(ImportReport {
        id: row.id,
        file_name: row.file_name,
        created_at: row.created_at.to_rfc3339(),
        applied: row.applied,
        rows_total: row.rows_total,
        created: row.created_count,
        updated: row.updated_count,
        error_count: row.error_count,
        errors: serde_json::from_str(&row.errors).map_err(|error| {
            tracing::error!(import = %row.id, %error, "a stored import report cannot be read");
            AppError::Internal
        })?,
    })
}

/// Undoes [`spreadsheet_safe`]: the apostrophe the export put before a formula character is not
/// part of the value.
pub fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell a spreadsheet will not run as a formula (OWASP "CSV injection"): text starting with
/// `=`, `+`, `-`, `@`, tab or carriage return gets a leading apostrophe.
pub fn spreadsheet_safe(cell: String) -> String {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}")
    } else {
        cell
    }
}

/// The employees matching a directory query (all pages), as CSV in the import template's
/// columns plus status and unit name: what is exported can be edited and imported back.
pub async fn export(
    db: &DatabaseConnection,
    client: &ClientInfo,
    query: &DirectoryQuery,
) -> Result<String, AppError> {
    use crate::domain::access::{Target, UnitPath, authorize};
    let user = crate::state::user_for(db, client)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let actor = &user.actor;
    authorize_within_own_scope(actor, Action::ImportExportEmployees)?;
    let scope = default_scope(actor)?;
    let within = match query.unit_id {
        Some(id) => {
            let unit = unit_kerja::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or(AppError::NotFound)?;
            authorize(
                actor,
                Action::ImportExportEmployees,
                Target::Unit(&UnitPath(unit.path.clone())),
            )?;
            Some(unit.path)
        }
        None => scope,
    };
    let ids = crate::db::directory::matching_ids(db, within.as_deref(), query).await?;
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<&str> = COLUMNS.iter().map(|(c, _)| *c).collect();
    header.extend(["status", "nama_unit"]);
    out.write_record(&header).map_err(|_| AppError::Internal)?;
    for chunk in ids.chunks(500) {
        let people = pegawai::Entity::find()
            .filter(pegawai::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?;
        let by_id: HashMap<EmployeeId, pegawai::Model> =
            people.into_iter().map(|p| (p.id, p)).collect();
        for id in chunk {
            let Some(p) = by_id.get(id) else { continue };
            let f = employees::fields_of(db, p).await?;
            let unit_name = unit_kerja::Entity::find_by_id(p.unit_id)
                .one(db)
                .await?
                .map(|u| u.name)
                .unwrap_or_default();
            let mut record: Vec<String> = f.pairs().iter().map(|(_, v)| (*v).to_owned()).collect();
            record[5] = record[5].to_uppercase();
            record.push(if p.active { "aktif" } else { "nonaktif" }.to_owned());
            record.push(unit_name);
            let record: Vec<String> = record.into_iter().map(spreadsheet_safe).collect();
            out.write_record(&record).map_err(|_| AppError::Internal)?;
        }
    }
    audit::record(
        db,
        Entry {
            actor_user_id: Some(user.account.id),
            action: "employee_export",
            object_type: "pegawai",
            object_id: None,
            before: None,
            after: Some(serde_json::json!({ "rows": ids.len() })),
        },
        client,
    )
    .await?;
    String::from_utf8(out.into_inner().map_err(|_| AppError::Internal)?)
        .map_err(|_| AppError::Internal)
}
