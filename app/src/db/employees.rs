//! Writing employee records: the checks that need the database (unit, NIP and e-mail
//! uniqueness, superiors), the reporting line derived from the unit tree, the mutation history
//! and the audit trail. The admin form and the CSV import both go through [`save`].

use crate::auth::server::ClientInfo;
use crate::db::accounts;
use crate::db::audit::{self, Entry};
use crate::db::entities::{jabatan, pegawai, riwayat_jabatan, unit_kerja};
use crate::domain::employee::{
    EmployeeFields, FieldError, PositionKind, ValidEmployee, display_name, search_key,
};
use crate::domain::ids::{AccountId, AgencyId, EmployeeId, UnitId};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};
use serde::Serialize;

/// Since when the unit and position on the record hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// A new record, or a correction of an existing one: the position history moves today and
    /// plans are left as they are.
    Recorded,
    /// The employee took up the unit and position on this day: for a new record the history
    /// starts then; for an existing one it is a transfer (*mutasi*), which closes the plan in
    /// force on the day before (`db::segments`). `today` (the agency's) bounds it: a transfer
    /// is recorded once it has happened.
    Since {
        on: chrono::NaiveDate,
        today: chrono::NaiveDate,
    },
}

/// What a save could not do because of the data already stored.
pub enum SaveError {
    Fields(Vec<FieldError>),
    App(AppError),
}

impl From<sea_orm::DbErr> for SaveError {
    fn from(err: sea_orm::DbErr) -> Self {
        Self::App(err.into())
    }
}

impl From<AppError> for SaveError {
    fn from(err: AppError) -> Self {
        Self::App(err)
    }
}

/// The audited picture of an employee: what an admin would compare before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Snapshot {
    pub nip: String,
    pub name: String,
    pub front_title: Option<String>,
    pub back_title: Option<String>,
    pub email: Option<String>,
    pub asn_type: String,
    pub rank_grade: String,
    pub unit: String,
    pub position: Option<String>,
    pub superior: Option<String>,
    pub appraiser: Option<String>,
    pub appraiser_superior: Option<String>,
    pub active: bool,
}

/// The NIP of an employee, for audit snapshots.
pub async fn nip_of(
    db: &impl ConnectionTrait,
    id: Option<EmployeeId>,
) -> Result<Option<String>, AppError> {
    let Some(id) = id else { return Ok(None) };
    Ok(pegawai::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(|p| p.nip))
}

pub async fn snapshot(db: &impl ConnectionTrait, p: &pegawai::Model) -> Result<Snapshot, AppError> {
    let unit = unit_kerja::Entity::find_by_id(p.unit_id)
        .one(db)
        .await?
        .map(|u| u.code)
        .unwrap_or_default();
    let position = match p.jabatan_id {
        Some(id) => jabatan::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|j| format!("{} ({})", j.name, j.kind.as_str())),
        None => None,
    };
    Ok(Snapshot {
        nip: p.nip.clone(),
        name: p.name.clone(),
        front_title: p.front_title.clone(),
        back_title: p.back_title.clone(),
        email: p.email.clone(),
        asn_type: p.asn_type.as_str().to_owned(),
        rank_grade: p.rank_grade.clone(),
        unit,
        position,
        superior: nip_of(db, p.atasan_id).await?,
        appraiser: match p.penilai_luar_id {
            Some(official) => external_label(db, official).await?,
            None => nip_of(db, p.penilai_id).await?,
        },
        appraiser_superior: nip_of(db, p.atasan_penilai_id).await?,
        active: p.active,
    })
}

/// The unit's ids from the root down to itself, read from its materialised path.
fn path_ids(path: &str) -> Vec<UnitId> {
    path.split('/').filter_map(|s| s.parse().ok()).collect()
}

/// The active head of the nearest unit at or above `unit` (skipping `except`), if any.
pub async fn nearest_head(
    db: &impl ConnectionTrait,
    unit: &unit_kerja::Model,
    except: Option<EmployeeId>,
) -> Result<Option<pegawai::Model>, AppError> {
    for unit_id in path_ids(&unit.path).into_iter().rev() {
        let heads = jabatan::Entity::find()
            .filter(jabatan::Column::UnitId.eq(unit_id))
            .filter(jabatan::Column::IsHead.eq(true))
            .all(db)
            .await?;
        for position in heads {
            let holder = pegawai::Entity::find()
                .filter(pegawai::Column::JabatanId.eq(position.id))
                .filter(pegawai::Column::Active.eq(true))
                .order_by_asc(pegawai::Column::Id)
                .all(db)
                .await?
                .into_iter()
                .find(|p| Some(p.id) != except);
            if holder.is_some() {
                return Ok(holder);
            }
        }
    }
    Ok(None)
}

/// The reporting line an employee gets when none is given: the head of their unit (a head's is
/// the head of the unit above), who is also their appraiser; the appraiser's own superior is
/// the appraiser's superior.
pub async fn derived_superior(
    db: &impl ConnectionTrait,
    unit: &unit_kerja::Model,
    heads_unit: bool,
    employee_id: Option<EmployeeId>,
) -> Result<Option<pegawai::Model>, AppError> {
    let start = if heads_unit {
        match unit.parent_id {
            Some(parent) => unit_kerja::Entity::find_by_id(parent).one(db).await?,
            None => None,
        }
    } else {
        Some(unit.clone())
    };
    match start {
        Some(start) => nearest_head(db, &start, employee_id).await,
        None => Ok(None),
    }
}

async fn find_by_nip(
    db: &impl ConnectionTrait,
    nip: &str,
) -> Result<Option<pegawai::Model>, AppError> {
    Ok(pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq(nip))
        .one(db)
        .await?)
}

pub async fn unit_by_code(
    db: &impl ConnectionTrait,
    instansi_id: AgencyId,
    code: &str,
) -> Result<Option<unit_kerja::Model>, AppError> {
    Ok(unit_kerja::Entity::find()
        .filter(unit_kerja::Column::InstansiId.eq(instansi_id))
        .filter(unit_kerja::Column::Code.eq(code))
        .one(db)
        .await?)
}

/// The position named `name` in the unit, created (with `kind`) if the unit has none by that name.
async fn position_in(
    db: &impl ConnectionTrait,
    unit_id: UnitId,
    name: &str,
    kind: PositionKind,
    now: DateTime<Utc>,
) -> Result<jabatan::Model, AppError> {
    let existing = jabatan::Entity::find()
        .filter(jabatan::Column::UnitId.eq(unit_id))
        .filter(jabatan::Column::Name.eq(name))
        .one(db)
        .await?;
    if let Some(existing) = existing {
        // A kind mismatch was refused before writing (see `save`): positions are shared.
        return Ok(existing);
    }
    Ok(jabatan::ActiveModel {
        unit_id: Set(unit_id),
        name: Set(name.to_owned()),
        kind: Set(kind),
        eselon: Set(None),
        jenjang: Set(name
            .split_once("Ahli ")
            .map(|(_, level)| format!("ahli_{}", level.to_lowercase().replace(' ', "_")))),
        is_head: Set(kind.heads_unit()),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// Who is saving, for the history and the audit trail.
pub struct Author<'a> {
    pub user_id: AccountId,
    pub client: &'a ClientInfo,
    /// Audit action name, e.g. `employee_updated` or `employee_imported`.
    pub via: &'a str,
}

/// Resolves what needs the database, then creates or updates the employee. `existing` is the
/// record being edited (`None`: create; a NIP already taken is then an error). `unit_allowed`
/// tells whether the author may place someone in a unit (their admin scope). Without an author
/// (the demo loader) the record and its history are written but nobody is audited.
pub async fn save(
    db: &impl ConnectionTrait,
    instansi_id: AgencyId,
    existing: Option<pegawai::Model>,
    valid: ValidEmployee,
    placement: Placement,
    author: Option<&Author<'_>>,
    unit_allowed: impl Fn(&unit_kerja::Model) -> bool,
) -> Result<pegawai::Model, SaveError> {
    let now = Utc::now();
    let mut errors: Vec<FieldError> = Vec::new();

    let unit = unit_by_code(db, instansi_id, &valid.unit_code).await?;
    match &unit {
        None => errors.push(("unit_code", "unit_unknown")),
        Some(u) if u.closed_at.is_some() => errors.push(("unit_code", "unit_closed")),
        Some(u) if !unit_allowed(u) => errors.push(("unit_code", "unit_outside_scope")),
        Some(_) => {}
    }
    if let Some(holder) = find_by_nip(db, valid.nip.as_str()).await?
        && existing.as_ref().is_none_or(|e| e.id != holder.id)
    {
        errors.push(("nip", "nip_taken"));
    }
    if let Some(email) = &valid.email {
        let holder = pegawai::Entity::find()
            .filter(pegawai::Column::Email.eq(email.as_str()))
            .one(db)
            .await?;
        if holder.is_some_and(|h| existing.as_ref().is_none_or(|e| e.id != h.id)) {
            errors.push(("email", "email_taken"));
        }
    }
    let wanted = [
        ("superior_nip", valid.superior_nip.as_ref()),
        ("appraiser_nip", valid.appraiser_nip.as_ref()),
    ];
    let mut people = [None, None];
    let mut external_appraiser = None;
    for (slot, (field, nip)) in people.iter_mut().zip(wanted) {
        let Some(nip) = nip else { continue };
        // Only people in the author's own scope can be named; anyone else is "unknown", so the
        // form cannot be used to look up who holds a NIP elsewhere.
        let found = match find_by_nip(db, nip.as_str()).await? {
            Some(p) => {
                let unit = unit_kerja::Entity::find_by_id(p.unit_id).one(db).await?;
                unit.filter(|u| unit_allowed(u)).map(|_| p)
            }
            None => None,
        };
        match found {
            Some(p) if !p.active => errors.push((field, "person_inactive")),
            Some(p) => *slot = Some(p),
            // An appraiser may be an official outside the application, named by NIP too.
            None if field == "appraiser_nip" => {
                match crate::db::officials::by_nip(db, instansi_id, nip.as_str()).await? {
                    Some(official) => external_appraiser = Some(official),
                    None => errors.push((field, "person_unknown")),
                }
            }
            None => errors.push((field, "person_unknown")),
        }
    }
    if let Some(unit) = &unit {
        let shared = jabatan::Entity::find()
            .filter(jabatan::Column::UnitId.eq(unit.id))
            .filter(jabatan::Column::Name.eq(valid.position.as_str()))
            .one(db)
            .await?;
        // Positions are shared by their holders; one person's record cannot re-kind a position
        // (that would make or unmake everyone in it a unit head).
        if shared.is_some_and(|j| j.kind != valid.position_kind) {
            errors.push(("position_kind", "position_kind_conflict"));
        }
    }
    let Some(unit) = unit.filter(|_| errors.is_empty()) else {
        return Err(SaveError::Fields(errors));
    };

    let heads_unit = valid.position_kind.heads_unit();
    let employee_id = existing.as_ref().map(|e| e.id);
    let [superior, appraiser] = people;
    let superior = match superior {
        Some(s) => Some(s),
        None => derived_superior(db, &unit, heads_unit, employee_id).await?,
    };
    let appraiser = match external_appraiser {
        Some(_) => None,
        None => appraiser.or_else(|| superior.clone()),
    };
    let appraiser_superior = appraiser.as_ref().and_then(|a| a.atasan_id);
    let position = position_in(db, unit.id, &valid.position, valid.position_kind, now).await?;

    let before = match &existing {
        Some(e) => Some(snapshot(db, e).await?),
        None => None,
    };
    let moved = existing
        .as_ref()
        .is_none_or(|e| e.unit_id != unit.id || e.jabatan_id != Some(position.id));
    let transfer = match (placement, &existing) {
        (Placement::Since { on, today }, Some(e)) => {
            if !moved {
                return Err(SaveError::Fields(vec![(
                    "moved_on",
                    "transfer_without_move",
                )]));
            }
            let held_since = open_history(db, e.id)
                .await?
                .iter()
                .map(|l| l.started_at)
                .max();
            if let Err(code) = crate::domain::segment::check_transfer_date(on, today, held_since) {
                return Err(SaveError::Fields(vec![("moved_on", code)]));
            }
            Some(on)
        }
        _ => None,
    };
    let took_up_on = match placement {
        Placement::Since { on, .. } => on,
        Placement::Recorded => now.date_naive(),
    };
    let mut row = match existing.clone() {
        Some(e) => {
            let version = e.version;
            let mut row = e.into_active_model();
            row.version = Set(version + 1);
            row
        }
        None => pegawai::ActiveModel {
            instansi_id: Set(instansi_id),
            active: Set(true),
            locale: Set("id".to_owned()),
            version: Set(1),
            created_at: Set(now),
            ..Default::default()
        },
    };
    row.nip = Set(valid.nip.as_str().to_owned());
    row.name_search = Set(search_key(&valid.name));
    row.name = Set(valid.name);
    row.front_title = Set(valid.front_title);
    row.back_title = Set(valid.back_title);
    row.email = Set(valid.email);
    row.asn_type = Set(valid.asn_type);
    row.rank_grade = Set(valid.rank_grade);
    row.unit_id = Set(unit.id);
    row.jabatan_id = Set(Some(position.id));
    row.atasan_id = Set(superior.as_ref().map(|s| s.id));
    row.penilai_id = Set(appraiser.as_ref().map(|a| a.id));
    row.atasan_penilai_id = Set(appraiser_superior);
    row.penilai_luar_id = Set(external_appraiser.map(|o| o.id));
    row.updated_at = Set(now);
    let saved = if existing.is_some() {
        row.update(db).await?
    } else {
        row.insert(db).await?
    };

    if existing.is_none() {
        accounts::create_for(db, &saved, now).await?;
    } else if before.as_ref().is_some_and(|b| b.nip != saved.nip) {
        accounts::rename_for(db, &saved).await?;
    }
    if moved {
        record_move(db, &saved, author.map(|a| a.user_id), took_up_on).await?;
    }
    if let Some(on) = transfer {
        let changed =
            match crate::db::segments::apply_transfer(db, saved.id, on, author.map(|a| a.user_id))
                .await?
            {
                Ok(changed) => changed,
                Err(code) => return Err(SaveError::Fields(vec![("moved_on", code)])),
            };
        if !changed.is_empty() {
            let by = match author {
                Some(a) => crate::db::people::account_label(db, &mut Default::default(), a.user_id)
                    .await?
                    .unwrap_or_default(),
                None => String::new(),
            };
            crate::db::notifications::notify_employee(
                db,
                saved.id,
                crate::domain::notification::NotificationKind::PositionTransferred,
                None,
                &by,
                "/skp",
                None,
            )
            .await?;
        }
    }
    let Some(author) = author else {
        return Ok(saved);
    };
    let after = snapshot(db, &saved).await?;
    if before.as_ref() != Some(&after) {
        audit::record(
            db,
            Entry {
                actor_user_id: Some(author.user_id),
                action: author.via,
                object_type: "pegawai",
                object_id: Some(saved.id.to_string()),
                before: before.map(|b| serde_json::to_value(b).unwrap_or_default()),
                after: Some(serde_json::to_value(after).unwrap_or_default()),
            },
            author.client,
        )
        .await?;
    }
    Ok(saved)
}

/// Closes the open history line and opens one for the employee's current unit and position, so
/// a transfer keeps where they were before.
async fn record_move(
    db: &impl ConnectionTrait,
    p: &pegawai::Model,
    recorded_by: Option<AccountId>,
    today: chrono::NaiveDate,
) -> Result<(), AppError> {
    for line in open_history(db, p.id).await? {
        let mut line = line.into_active_model();
        line.ended_at = Set(Some(today));
        line.update(db).await?;
    }
    riwayat_jabatan::ActiveModel {
        pegawai_id: Set(p.id),
        unit_id: Set(p.unit_id),
        jabatan_id: Set(p.jabatan_id),
        started_at: Set(today),
        ended_at: Set(None),
        note: Set(None),
        recorded_by: Set(recorded_by),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The position-history lines still open (normally one).
async fn open_history(
    db: &impl ConnectionTrait,
    employee_id: EmployeeId,
) -> Result<Vec<riwayat_jabatan::Model>, AppError> {
    Ok(riwayat_jabatan::Entity::find()
        .filter(riwayat_jabatan::Column::PegawaiId.eq(employee_id))
        .filter(riwayat_jabatan::Column::EndedAt.is_null())
        .all(db)
        .await?)
}

/// Deactivates or reactivates an employee (with their login), audited.
pub async fn set_active(
    db: &impl ConnectionTrait,
    person: pegawai::Model,
    active: bool,
    author: &Author<'_>,
) -> Result<pegawai::Model, AppError> {
    use crate::db::entities::user_account;
    if person.active == active {
        return Ok(person);
    }
    let before = snapshot(db, &person).await?;
    let version = person.version;
    let mut row = person.into_active_model();
    row.active = Set(active);
    row.version = Set(version + 1);
    row.updated_at = Set(Utc::now());
    let saved = row.update(db).await?;
    if let Some(account) = user_account::Entity::find()
        .filter(user_account::Column::PegawaiId.eq(saved.id))
        .one(db)
        .await?
    {
        if !active {
            crate::auth::server::end_all_sessions(db, account.id).await?;
        }
        let mut account = account.into_active_model();
        account.disabled = Set(!active);
        account.update(db).await?;
    }
    audit::record(
        db,
        Entry {
            actor_user_id: Some(author.user_id),
            action: author.via,
            object_type: "pegawai",
            object_id: Some(saved.id.to_string()),
            before: Some(serde_json::to_value(before).unwrap_or_default()),
            after: Some(serde_json::to_value(snapshot(db, &saved).await?).unwrap_or_default()),
        },
        author.client,
    )
    .await?;
    Ok(saved)
}

/// The form fields of a stored employee. Superior and appraiser are left empty when they are
/// what the unit tree would give anyway, so that a later move re-derives them.
pub async fn fields_of(
    db: &impl ConnectionTrait,
    p: &pegawai::Model,
) -> Result<EmployeeFields, AppError> {
    let unit = unit_kerja::Entity::find_by_id(p.unit_id)
        .one(db)
        .await?
        .ok_or(AppError::Internal)?;
    let position = match p.jabatan_id {
        Some(id) => jabatan::Entity::find_by_id(id).one(db).await?,
        None => None,
    };
    let heads_unit = position.as_ref().is_some_and(|j| j.is_head);
    let derived = derived_superior(db, &unit, heads_unit, Some(p.id))
        .await?
        .map(|d| d.id);
    let superior_nip = if p.atasan_id == derived {
        String::new()
    } else {
        nip_of(db, p.atasan_id).await?.unwrap_or_default()
    };
    let appraiser_nip = match p.penilai_luar_id {
        Some(official) => crate::db::officials::chain_from(db, official)
            .await?
            .first()
            .and_then(|o| o.nip.clone())
            .unwrap_or_default(),
        None if p.penilai_id == p.atasan_id => String::new(),
        None => nip_of(db, p.penilai_id).await?.unwrap_or_default(),
    };
    Ok(EmployeeFields {
        nip: p.nip.clone(),
        name: p.name.clone(),
        front_title: p.front_title.clone().unwrap_or_default(),
        back_title: p.back_title.clone().unwrap_or_default(),
        email: p.email.clone().unwrap_or_default(),
        asn_type: p.asn_type.as_str().to_owned(),
        rank_grade: p.rank_grade.clone(),
        unit_code: unit.code,
        position: position
            .as_ref()
            .map(|j| j.name.clone())
            .unwrap_or_default(),
        position_kind: position
            .map(|j| j.kind.as_str().to_owned())
            .unwrap_or_default(),
        superior_nip,
        appraiser_nip,
    })
}

async fn external_label(
    db: &impl ConnectionTrait,
    official: crate::domain::ids::ExternalOfficialId,
) -> Result<Option<String>, AppError> {
    Ok(crate::db::officials::chain_from(db, official)
        .await?
        .first()
        .map(crate::db::officials::label))
}

/// How the record names the appraiser and the appraiser's superior: `Name (NIP)` of employees,
/// or `Name (NIP) · position` of officials outside the application.
pub async fn appraisal_labels(
    db: &impl ConnectionTrait,
    p: &pegawai::Model,
) -> Result<(Option<String>, Option<String>), AppError> {
    match p.penilai_luar_id {
        Some(official) => {
            let chain = crate::db::officials::chain_from(db, official).await?;
            let mut labels = chain.iter().map(crate::db::officials::label);
            Ok((labels.next(), labels.next()))
        }
        None => Ok((
            person_label(db, p.penilai_id).await?,
            person_label(db, p.atasan_penilai_id).await?,
        )),
    }
}

/// `Name (NIP)` of a person, for showing a reporting line.
pub async fn person_label(
    db: &impl ConnectionTrait,
    id: Option<EmployeeId>,
) -> Result<Option<String>, AppError> {
    let Some(id) = id else { return Ok(None) };
    Ok(pegawai::Entity::find_by_id(id).one(db).await?.map(|p| {
        format!(
            "{} ({})",
            display_name(p.front_title.as_deref(), &p.name, p.back_title.as_deref()),
            p.nip
        )
    }))
}
