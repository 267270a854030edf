//! What the audit log says, in the reader's language: each recorded action, the kind of record
//! it is about, and each changed field with its before and after values. Also the one list of
//! actions the log's filter offers.

use crate::i18n::*;

/// Every action the log records, in the order the filter offers them.
pub const ACTIONS: [&str; 65] = [
    "login",
    "login_failed",
    "login_throttled",
    "logout",
    "logout_everywhere",
    "password_changed",
    "password_reset_issued",
    "password_reset_used",
    "login_mfa_failed",
    "mfa_enabled",
    "mfa_disabled",
    "agency_updated",
    "employee_created",
    "employee_updated",
    "employee_transferred",
    "employee_imported",
    "employee_deactivated",
    "employee_reactivated",
    "employee_import_applied",
    "employee_import_rejected",
    "employee_export",
    "unit_created",
    "unit_renamed",
    "unit_moved",
    "unit_closed",
    "unit_reopened",
    "unit_independence_set",
    "external_official_created",
    "external_official_updated",
    "period_opened",
    "period_updated",
    "period_closed",
    "period_reopened",
    "org_achievement_set",
    "appraiser_override_set",
    "appraiser_override_removed",
    "skp_created",
    "skp_submit",
    "skp_return",
    "skp_approve",
    "skp_request_revision",
    "skp_expectation_set",
    "evaluation_submitted",
    "evaluation_returned",
    "evidence_added",
    "evidence_uploaded",
    "evidence_removed",
    "action_plan.save",
    "action_plan.submit",
    "action_plan.return",
    "action_plan.agree",
    "action_plan.reopen",
    "feedback360.create",
    "feedback360.nominations",
    "feedback360.open",
    "feedback360.extend",
    "feedback360.close",
    "feedback360.release",
    "feedback360.archive",
    "feedback360.comment",
    "feedback360.link",
    "feedback360.unlink",
    "feedback360.nominate",
    "feedback360.approve_raters",
    "feedback360.instrument",
];

pub fn action_label(i18n: leptos_i18n::I18nContext<Locale>, action: &str) -> String {
    action_label_in(i18n.get_locale_untracked(), action)
}

pub fn action_label_in(locale: Locale, action: &str) -> String {
    match action {
        "login" => td_string!(locale, audit.action.login),
        "login_failed" => td_string!(locale, audit.action.login_failed),
        "login_throttled" => td_string!(locale, audit.action.login_throttled),
        "logout" => td_string!(locale, audit.action.logout),
        "logout_everywhere" => td_string!(locale, audit.action.logout_everywhere),
        "password_changed" => td_string!(locale, audit.action.password_changed),
        "password_reset_issued" => td_string!(locale, audit.action.password_reset_issued),
        "password_reset_used" => td_string!(locale, audit.action.password_reset_used),
        "login_mfa_failed" => td_string!(locale, audit.action.login_mfa_failed),
        "mfa_enabled" => td_string!(locale, audit.action.mfa_enabled),
        "mfa_disabled" => td_string!(locale, audit.action.mfa_disabled),
        "agency_updated" => td_string!(locale, audit.action.agency_updated),
        "employee_created" => td_string!(locale, audit.action.employee_created),
        "employee_updated" => td_string!(locale, audit.action.employee_updated),
        "employee_transferred" => td_string!(locale, audit.action.employee_transferred),
        "employee_imported" => td_string!(locale, audit.action.employee_imported),
        "employee_deactivated" => td_string!(locale, audit.action.employee_deactivated),
        "employee_reactivated" => td_string!(locale, audit.action.employee_reactivated),
        "employee_import_applied" => td_string!(locale, audit.action.employee_import_applied),
        "employee_import_rejected" => td_string!(locale, audit.action.employee_import_rejected),
        "employee_export" => td_string!(locale, audit.action.employee_export),
        "unit_created" => td_string!(locale, audit.action.unit_created),
        "unit_renamed" => td_string!(locale, audit.action.unit_renamed),
        "unit_moved" => td_string!(locale, audit.action.unit_moved),
        "unit_closed" => td_string!(locale, audit.action.unit_closed),
        "unit_reopened" => td_string!(locale, audit.action.unit_reopened),
        "unit_independence_set" => td_string!(locale, audit.action.unit_independence_set),
        "external_official_created" => td_string!(locale, audit.action.external_official_created),
        "external_official_updated" => td_string!(locale, audit.action.external_official_updated),
        "period_opened" => td_string!(locale, audit.action.period_opened),
        "period_updated" => td_string!(locale, audit.action.period_updated),
        "period_closed" => td_string!(locale, audit.action.period_closed),
        "period_reopened" => td_string!(locale, audit.action.period_reopened),
        "org_achievement_set" => td_string!(locale, audit.action.org_achievement_set),
        "appraiser_override_set" => td_string!(locale, audit.action.appraiser_override_set),
        "appraiser_override_removed" => td_string!(locale, audit.action.appraiser_override_removed),
        "skp_created" => td_string!(locale, audit.action.skp_created),
        "skp_submit" => td_string!(locale, audit.action.skp_submit),
        "skp_return" => td_string!(locale, audit.action.skp_return),
        "skp_approve" => td_string!(locale, audit.action.skp_approve),
        "skp_request_revision" => td_string!(locale, audit.action.skp_request_revision),
        "skp_expectation_set" => td_string!(locale, audit.action.skp_expectation_set),
        "evaluation_submitted" => td_string!(locale, audit.action.evaluation_submitted),
        "evaluation_returned" => td_string!(locale, audit.action.evaluation_returned),
        "evidence_added" => td_string!(locale, audit.action.evidence_added),
        "evidence_uploaded" => td_string!(locale, audit.action.evidence_uploaded),
        "evidence_removed" => td_string!(locale, audit.action.evidence_removed),
        "action_plan.save" => td_string!(locale, audit.action.action_plan_save),
        "action_plan.submit" => td_string!(locale, audit.action.action_plan_submit),
        "action_plan.return" => td_string!(locale, audit.action.action_plan_return),
        "action_plan.agree" => td_string!(locale, audit.action.action_plan_agree),
        "action_plan.reopen" => td_string!(locale, audit.action.action_plan_reopen),
        "feedback360.create" => td_string!(locale, audit.action.feedback360_create),
        "feedback360.nominations" => td_string!(locale, audit.action.feedback360_nominations),
        "feedback360.open" => td_string!(locale, audit.action.feedback360_open),
        "feedback360.extend" => td_string!(locale, audit.action.feedback360_extend),
        "feedback360.close" => td_string!(locale, audit.action.feedback360_close),
        "feedback360.release" => td_string!(locale, audit.action.feedback360_release),
        "feedback360.archive" => td_string!(locale, audit.action.feedback360_archive),
        "feedback360.comment" => td_string!(locale, audit.action.feedback360_comment),
        "feedback360.link" => td_string!(locale, audit.action.feedback360_link),
        "feedback360.unlink" => td_string!(locale, audit.action.feedback360_unlink),
        "feedback360.nominate" => td_string!(locale, audit.action.feedback360_nominate),
        "feedback360.approve_raters" => {
            td_string!(locale, audit.action.feedback360_approve_raters)
        }
        "feedback360.instrument" => td_string!(locale, audit.action.feedback360_instrument),
        // Written by a newer version, or by hand: shown as stored rather than hidden.
        other => return other.to_owned(),
    }
    .to_string()
}

/// What kind of record an entry is about, in words.
pub fn object_label(i18n: leptos_i18n::I18nContext<Locale>, object_type: &str) -> String {
    object_label_in(i18n.get_locale_untracked(), object_type)
}

pub fn object_label_in(locale: Locale, object_type: &str) -> String {
    match object_type {
        "instansi" => td_string!(locale, audit.object_type.instansi),
        "user_account" => td_string!(locale, audit.object_type.user_account),
        "pegawai" => td_string!(locale, audit.object_type.pegawai),
        "employee_import" => td_string!(locale, audit.object_type.employee_import),
        "pejabat_luar" => td_string!(locale, audit.object_type.pejabat_luar),
        "unit_kerja" => td_string!(locale, audit.object_type.unit_kerja),
        "periode" => td_string!(locale, audit.object_type.periode),
        "skp" => td_string!(locale, audit.object_type.skp),
        "evaluasi" => td_string!(locale, audit.object_type.evaluasi),
        "siklus_360" => td_string!(locale, audit.object_type.siklus_360),
        "instrumen_360" => td_string!(locale, audit.object_type.instrumen_360),
        other => return other.to_owned(),
    }
    .to_string()
}

/// Every top-level key an audited snapshot (`before`/`after`) can hold, by where it comes from:
/// [`crate::db::audit::changes`] compares these.
pub const FIELDS: [&str; 70] = [
    // Units (`features/admin/units.rs`); `name` also agencies, officials and employees.
    "code",
    "name",
    "parent_id",
    "path",
    "closed",
    "independent",
    // Agency settings (`features/admin/agency.rs`).
    "short_name",
    "time_zone",
    "evaluation_interval",
    "require_admin_mfa",
    "require_evidence",
    "lock_late_submissions",
    "document_place",
    // External officials (`features/admin/officials.rs`); the first three also employees.
    "nip",
    "position",
    "rank_grade",
    "superior_id",
    // Employees (`db::employees::Snapshot`).
    "front_title",
    "back_title",
    "email",
    "asn_type",
    "unit",
    "superior",
    "appraiser",
    "appraiser_superior",
    "active",
    // CSV import and export (`features/admin/import.rs`).
    "file",
    "rows",
    "created",
    "updated",
    "errors",
    // Periods (`db::periods::snapshot`); `state` also action plans and 360° cycles.
    "year",
    "planning_deadline",
    "annual_deadline",
    "periodic_deadlines",
    "state",
    // Organisational achievement (`features/periods/api.rs`).
    "predikat",
    "basis",
    // Per-period appraiser overrides (`features/periods/api.rs`).
    "employee",
    "penilai",
    "atasan_penilai",
    "reason",
    // SKP steps (`features/skp/api.rs`); `note` and `on_behalf_of` also action plans.
    "approach",
    "from",
    "to",
    "note",
    "on_behalf_of",
    "value",
    // Action plans (`features/action_plan/api.rs`).
    "steps",
    // Self-assessments and their evidence (`features/evaluation/api.rs`), besides `note`.
    "skp_id",
    "seq",
    "bukti_id",
    "indikator_id",
    "url",
    "sha256",
    "size",
    "type",
    // 360° cycles (`features/feedback360/api.rs`), besides `unit` and `state`.
    "title",
    "opens_on",
    "closes_on",
    "min_answers",
    "people",
    "raters",
    "hidden",
    // Public links (`features/feedback360/links.rs`).
    "link",
    "subject",
    // Peer nominations (`features/feedback360/nominations.rs`): where a list stands and its
    // size, never its names.
    "nomination",
    "peers",
    // The instrument (`features/feedback360/editor.rs`): its version and how many statements.
    "version",
    "items",
];

/// A changed field's name, in words.
pub fn field_label(i18n: leptos_i18n::I18nContext<Locale>, field: &str) -> String {
    field_label_in(i18n.get_locale_untracked(), field)
}

pub fn field_label_in(locale: Locale, field: &str) -> String {
    match field {
        "code" => td_string!(locale, audit.field.code),
        "name" => td_string!(locale, audit.field.name),
        "parent_id" => td_string!(locale, audit.field.parent_id),
        "path" => td_string!(locale, audit.field.path),
        "closed" => td_string!(locale, audit.field.closed),
        "independent" => td_string!(locale, audit.field.independent),
        "short_name" => td_string!(locale, audit.field.short_name),
        "time_zone" => td_string!(locale, audit.field.time_zone),
        "evaluation_interval" => td_string!(locale, audit.field.evaluation_interval),
        "require_admin_mfa" => td_string!(locale, audit.field.require_admin_mfa),
        "require_evidence" => td_string!(locale, audit.field.require_evidence),
        "lock_late_submissions" => td_string!(locale, audit.field.lock_late_submissions),
        "document_place" => td_string!(locale, audit.field.document_place),
        "nip" => td_string!(locale, audit.field.nip),
        "position" => td_string!(locale, audit.field.position),
        "rank_grade" => td_string!(locale, audit.field.rank_grade),
        "superior_id" => td_string!(locale, audit.field.superior_id),
        "front_title" => td_string!(locale, audit.field.front_title),
        "back_title" => td_string!(locale, audit.field.back_title),
        "email" => td_string!(locale, audit.field.email),
        "asn_type" => td_string!(locale, audit.field.asn_type),
        "unit" => td_string!(locale, audit.field.unit),
        "superior" => td_string!(locale, audit.field.superior),
        "appraiser" => td_string!(locale, audit.field.appraiser),
        "appraiser_superior" => td_string!(locale, audit.field.appraiser_superior),
        "active" => td_string!(locale, audit.field.active),
        "file" => td_string!(locale, audit.field.file),
        "rows" => td_string!(locale, audit.field.rows),
        "created" => td_string!(locale, audit.field.created),
        "updated" => td_string!(locale, audit.field.updated),
        "errors" => td_string!(locale, audit.field.errors),
        "year" => td_string!(locale, audit.field.year),
        "planning_deadline" => td_string!(locale, audit.field.planning_deadline),
        "annual_deadline" => td_string!(locale, audit.field.annual_deadline),
        "periodic_deadlines" => td_string!(locale, audit.field.periodic_deadlines),
        "state" => td_string!(locale, audit.field.state),
        "predikat" => td_string!(locale, audit.field.predikat),
        "basis" => td_string!(locale, audit.field.basis),
        "employee" => td_string!(locale, audit.field.employee),
        "penilai" => td_string!(locale, audit.field.penilai),
        "atasan_penilai" => td_string!(locale, audit.field.atasan_penilai),
        "reason" => td_string!(locale, audit.field.reason),
        "approach" => td_string!(locale, audit.field.approach),
        "from" => td_string!(locale, audit.field.from),
        "to" => td_string!(locale, audit.field.to),
        "note" => td_string!(locale, audit.field.note),
        "on_behalf_of" => td_string!(locale, audit.field.on_behalf_of),
        "value" => td_string!(locale, audit.field.value),
        "steps" => td_string!(locale, audit.field.steps),
        "skp_id" => td_string!(locale, audit.field.skp_id),
        "seq" => td_string!(locale, audit.field.seq),
        "bukti_id" => td_string!(locale, audit.field.bukti_id),
        "indikator_id" => td_string!(locale, audit.field.indikator_id),
        "url" => td_string!(locale, audit.field.url),
        "sha256" => td_string!(locale, audit.field.sha256),
        "size" => td_string!(locale, audit.field.size),
        // `type` is a Rust keyword, so its translation key is not.
        "type" => td_string!(locale, audit.field.file_type),
        "title" => td_string!(locale, audit.field.title),
        "opens_on" => td_string!(locale, audit.field.opens_on),
        "closes_on" => td_string!(locale, audit.field.closes_on),
        "min_answers" => td_string!(locale, audit.field.min_answers),
        "people" => td_string!(locale, audit.field.people),
        "raters" => td_string!(locale, audit.field.raters),
        "hidden" => td_string!(locale, audit.field.hidden),
        "link" => td_string!(locale, audit.field.link),
        "subject" => td_string!(locale, audit.field.subject),
        "nomination" => td_string!(locale, audit.field.nomination),
        "peers" => td_string!(locale, audit.field.peers),
        "version" => td_string!(locale, audit.field.version),
        "items" => td_string!(locale, audit.field.items),
        // A key added later, or by hand: shown as stored rather than hidden.
        other => return other.to_owned(),
    }
    .to_string()
}

/// A changed field's value, in words: yes/no, the words the rest of the application uses for a
/// state, interval, predikat, approach or core value, dates as documents write them, sizes in
/// KB/MB. Anything else (names, ids, free text, counts, "—" for empty, a code written by a newer
/// version) is shown as stored.
pub fn value_label(i18n: leptos_i18n::I18nContext<Locale>, field: &str, value: &str) -> String {
    value_label_in(i18n.get_locale_untracked(), field, value)
}

pub fn value_label_in(locale: Locale, field: &str, value: &str) -> String {
    let date = |v: &str| chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").ok();
    match (field, value) {
        (
            "closed"
            | "independent"
            | "require_admin_mfa"
            | "require_evidence"
            | "lock_late_submissions"
            | "active",
            "true",
        ) => td_string!(locale, audit.value.yes).to_string(),
        (
            "closed"
            | "independent"
            | "require_admin_mfa"
            | "require_evidence"
            | "lock_late_submissions"
            | "active",
            "false",
        ) => td_string!(locale, audit.value.no).to_string(),
        ("evaluation_interval", "monthly") => td_string!(locale, period.monthly).to_string(),
        ("evaluation_interval", "quarterly") => td_string!(locale, period.quarterly).to_string(),
        ("evaluation_interval", "semester") => td_string!(locale, period.semester).to_string(),
        // "PNS" / "PPPK" as every document writes them (`AsnType::label`), in both languages.
        ("asn_type", "pns") => crate::domain::employee::AsnType::Pns.label().to_owned(),
        ("asn_type", "pppk") => crate::domain::employee::AsnType::Pppk.label().to_owned(),
        // Periods (open/closed), action plans (draft/submitted/agreed) and 360° cycles (draft,
        // nominating, open, closed, released, archived) share `state`. A code two of them use
        // reads the same for both ("Draf", "Dibuka", "Ditutup"); the rest do not overlap.
        ("state", "open") => td_string!(locale, period.state_open).to_string(),
        ("state", "closed") => td_string!(locale, period.state_closed).to_string(),
        ("state", "draft") => td_string!(locale, action_plan.state_draft).to_string(),
        ("state", "submitted") => td_string!(locale, action_plan.state_submitted).to_string(),
        ("state", "agreed") => td_string!(locale, action_plan.state_agreed).to_string(),
        ("state", "nominating") => td_string!(locale, feedback360.state_nominating).to_string(),
        ("state", "released") => td_string!(locale, feedback360.state_released).to_string(),
        ("state", "archived") => td_string!(locale, feedback360.state_archived).to_string(),
        ("nomination", "pending") => {
            td_string!(locale, feedback360.nomination_state_pending).to_string()
        }
        ("nomination", "submitted") => {
            td_string!(locale, feedback360.nomination_state_submitted).to_string()
        }
        ("nomination", "approved") => {
            td_string!(locale, feedback360.nomination_state_approved).to_string()
        }
        ("predikat", "istimewa") => td_string!(locale, period.predikat_istimewa).to_string(),
        ("predikat", "baik") => td_string!(locale, period.predikat_baik).to_string(),
        ("predikat", "butuh_perbaikan") => {
            td_string!(locale, period.predikat_butuh_perbaikan).to_string()
        }
        ("predikat", "kurang") => td_string!(locale, period.predikat_kurang).to_string(),
        ("predikat", "sangat_kurang") => {
            td_string!(locale, period.predikat_sangat_kurang).to_string()
        }
        ("approach", "kuantitatif") => td_string!(locale, skp.approach_kuantitatif).to_string(),
        ("approach", "kualitatif") => td_string!(locale, skp.approach_kualitatif).to_string(),
        // An SKP step: the state it left and the one it reached.
        ("from" | "to", "draft") => td_string!(locale, skp.state_draft).to_string(),
        ("from" | "to", "submitted") => td_string!(locale, skp.state_submitted).to_string(),
        ("from" | "to", "approved") => td_string!(locale, skp.state_approved).to_string(),
        ("from" | "to", "revision_draft") => {
            td_string!(locale, skp.state_revision_draft).to_string()
        }
        ("from" | "to", "revision_submitted") => {
            td_string!(locale, skp.state_revision_submitted).to_string()
        }
        ("from" | "to", "evaluated") => td_string!(locale, skp.state_evaluated).to_string(),
        ("from" | "to", "archived") => td_string!(locale, skp.state_archived).to_string(),
        ("from" | "to", "cancelled") => td_string!(locale, skp.state_cancelled).to_string(),
        ("planning_deadline" | "annual_deadline" | "opens_on" | "closes_on", v) => match date(v) {
            Some(d) => crate::ui::dates::long_date(locale, d),
            None => value.to_owned(),
        },
        // A JSON list of dates, one per sub-period: `["2026-02-10","2026-03-10"]`.
        ("periodic_deadlines", v) => {
            let dates: Option<Vec<String>> = v
                .strip_prefix('[')
                .and_then(|v| v.strip_suffix(']'))
                .filter(|v| !v.trim().is_empty())
                .and_then(|list| {
                    list.split(',')
                        .map(|item| {
                            item.trim()
                                .strip_prefix('"')
                                .and_then(|d| d.strip_suffix('"'))
                                .and_then(date)
                                .map(|d| crate::ui::dates::long_date(locale, d))
                        })
                        .collect()
                });
            match dates {
                Some(dates) => dates.join(", "),
                None => value.to_owned(),
            }
        }
        // BerAKHLAK core values are stored by their official number (`CoreValue::number`).
        ("value", "1") => td_string!(locale, berakhlak.v1).to_string(),
        ("value", "2") => td_string!(locale, berakhlak.v2).to_string(),
        ("value", "3") => td_string!(locale, berakhlak.v3).to_string(),
        ("value", "4") => td_string!(locale, berakhlak.v4).to_string(),
        ("value", "5") => td_string!(locale, berakhlak.v5).to_string(),
        ("value", "6") => td_string!(locale, berakhlak.v6).to_string(),
        ("value", "7") => td_string!(locale, berakhlak.v7).to_string(),
        // 0 is the annual evaluation, n the n-th sub-period's (12 at most: monthly).
        ("seq", "0") => td_string!(locale, evaluation.annual_short).to_string(),
        ("seq", v) => match v.parse::<u8>() {
            Ok(n @ 1..=12) => td_string!(locale, audit.value.periodic, n = n).to_string(),
            _ => value.to_owned(),
        },
        ("size", v) => match v.parse::<u64>() {
            Ok(bytes) => {
                crate::domain::evaluation::format_size(bytes, matches!(locale, Locale::id))
            }
            Err(_) => value.to_owned(),
        },
        // Evidence file types (`EvidenceType::as_str`), named as the upload hint names them.
        ("type", "jpeg") => "JPEG".to_owned(),
        ("type", "png") => "PNG".to_owned(),
        ("type", "webp") => "WebP".to_owned(),
        ("type", "pdf") => "PDF".to_owned(),
        // Names, ids, free text, counts, "—" for empty, or a code written by a newer version.
        _ => value.to_owned(),
    }
}
