//! Turning errors into calm, translated messages.

use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;
use leptos::server_fn::error::ServerFnUrlError;
use leptos_router::hooks::use_query_map;

/// The error a plain form post to the server function at `path` sent back in the address
/// (`__err`), if any.
pub fn posted_error(path: &str) -> Option<AppError> {
    let query = use_query_map();
    query.with_untracked(|q| {
        let err = q.get("__err")?;
        (q.get("__path").as_deref() == Some(path))
            .then(|| ServerFnUrlError::<AppError>::decode_err(&err))
    })
}

/// The translated text of a field-level message code (see `FormErrors`).
pub fn field_message(i18n: leptos_i18n::I18nContext<Locale>, code: &str) -> String {
    match code {
        "required" => t_string!(i18n, errors.field.required),
        "invalid_credentials" => t_string!(i18n, errors.field.invalid_credentials),
        "wrong_password" => t_string!(i18n, errors.field.wrong_password),
        "too_short" => t_string!(i18n, errors.field.too_short),
        "same_password" => t_string!(i18n, errors.field.same_password),
        "mismatch" => t_string!(i18n, errors.field.mismatch),
        "too_long" => t_string!(i18n, errors.field.too_long),
        "email_invalid" => t_string!(i18n, errors.field.email_invalid),
        "email_taken" => t_string!(i18n, errors.field.email_taken),
        "asn_type_invalid" => t_string!(i18n, errors.field.asn_type_invalid),
        "asn_type_nip_mismatch" => t_string!(i18n, errors.field.asn_type_nip_mismatch),
        "rank_invalid_pns" => t_string!(i18n, errors.field.rank_invalid_pns),
        "rank_invalid_pppk" => t_string!(i18n, errors.field.rank_invalid_pppk),
        "position_kind_invalid" => t_string!(i18n, errors.field.position_kind_invalid),
        "self_reference" => t_string!(i18n, errors.field.self_reference),
        "nip_length" => t_string!(i18n, errors.field.nip_length),
        "nip_digits" => t_string!(i18n, errors.field.nip_digits),
        "nip_birth_date" => t_string!(i18n, errors.field.nip_birth_date),
        "nip_tmt_month" => t_string!(i18n, errors.field.nip_tmt_month),
        "nip_tmt_year" => t_string!(i18n, errors.field.nip_tmt_year),
        "nip_gender" => t_string!(i18n, errors.field.nip_gender),
        "nip_sequence" => t_string!(i18n, errors.field.nip_sequence),
        "nip_taken" => t_string!(i18n, errors.field.nip_taken),
        "nip_duplicate_in_file" => t_string!(i18n, errors.field.nip_duplicate_in_file),
        "unit_unknown" => t_string!(i18n, errors.field.unit_unknown),
        "unit_closed" => t_string!(i18n, errors.field.unit_closed),
        "unit_outside_scope" => t_string!(i18n, errors.field.unit_outside_scope),
        "person_unknown" => t_string!(i18n, errors.field.person_unknown),
        "person_inactive" => t_string!(i18n, errors.field.person_inactive),
        "employee_outside_scope" => t_string!(i18n, errors.field.employee_outside_scope),
        "column_missing" => t_string!(i18n, errors.field.column_missing),
        "column_unknown" => t_string!(i18n, errors.field.column_unknown),
        "line_unreadable" => t_string!(i18n, errors.field.line_unreadable),
        "file_not_utf8" => t_string!(i18n, errors.field.file_not_utf8),
        "file_empty" => t_string!(i18n, errors.field.file_empty),
        "file_not_csv" => t_string!(i18n, errors.field.file_not_csv),
        "file_no_rows" => t_string!(i18n, errors.field.file_no_rows),
        "file_too_many_rows" => t_string!(i18n, errors.field.file_too_many_rows),
        "unit_code_chars" => t_string!(i18n, errors.field.unit_code_chars),
        "unit_code_taken" => t_string!(i18n, errors.field.unit_code_taken),
        "unit_move_into_itself" => t_string!(i18n, errors.field.unit_move_into_itself),
        "unit_root" => t_string!(i18n, errors.field.unit_root),
        "unit_has_open_children" => t_string!(i18n, errors.field.unit_has_open_children),
        "unit_has_employees" => t_string!(i18n, errors.field.unit_has_employees),
        "unit_parent_closed" => t_string!(i18n, errors.field.unit_parent_closed),
        "position_kind_conflict" => t_string!(i18n, errors.field.position_kind_conflict),
        "totp_invalid" => t_string!(i18n, errors.field.totp_invalid),
        "mfa_required_for_admin" => t_string!(i18n, errors.field.mfa_required_for_admin),
        "mfa_enable_own_first" => t_string!(i18n, errors.field.mfa_enable_own_first),
        "skp_no_main_result" => t_string!(i18n, errors.field.skp_no_main_result),
        "skp_missing_cascade" => t_string!(i18n, errors.field.skp_missing_cascade),
        "skp_cascade_not_approved" => t_string!(i18n, errors.field.skp_cascade_not_approved),
        "skp_no_indicator" => t_string!(i18n, errors.field.skp_no_indicator),
        "skp_missing_perspective" => t_string!(i18n, errors.field.skp_missing_perspective),
        "skp_missing_aspect" => t_string!(i18n, errors.field.skp_missing_aspect),
        "skp_missing_target" => t_string!(i18n, errors.field.skp_missing_target),
        "skp_missing_unit" => t_string!(i18n, errors.field.skp_missing_unit),
        "skp_transition_state" => t_string!(i18n, errors.field.skp_transition_state),
        "skp_transition_party" => t_string!(i18n, errors.field.skp_transition_party),
        "skp_not_editable" => t_string!(i18n, errors.field.skp_not_editable),
        "skp_incomplete" => t_string!(i18n, errors.field.skp_incomplete),
        "skp_no_appraiser" => t_string!(i18n, errors.field.skp_no_appraiser),
        "skp_no_open_period" => t_string!(i18n, errors.field.skp_no_open_period),
        "skp_parent_unknown" => t_string!(i18n, errors.field.skp_parent_unknown),
        "skp_result_has_supporters" => t_string!(i18n, errors.field.skp_result_has_supporters),
        "invalid_number" => t_string!(i18n, errors.field.invalid_number),
        "number_thousands" => t_string!(i18n, errors.field.number_thousands),
        "target_range" => t_string!(i18n, errors.field.target_range),
        "period_exists" => t_string!(i18n, errors.field.period_exists),
        "period_closed" => t_string!(i18n, errors.field.period_closed),
        "invalid_year" => t_string!(i18n, errors.field.invalid_year),
        "deadline_outside_year" => t_string!(i18n, errors.field.deadline_outside_year),
        "deadline_before_end" => t_string!(i18n, errors.field.deadline_before_end),
        "deadline_too_late" => t_string!(i18n, errors.field.deadline_too_late),
        "deadline_outside_next_year" => t_string!(i18n, errors.field.deadline_outside_next_year),
        "same_as_appraiser" => t_string!(i18n, errors.field.same_as_appraiser),
        _ => t_string!(i18n, errors.field.invalid),
    }
    .to_string()
}

/// A translated explanation of a failed server call, announced to screen readers.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let i18n = use_i18n();
    let message = move || match &error {
        AppError::Invalid(_) => t_string!(i18n, errors.invalid).to_string(),
        AppError::Unauthenticated => t_string!(i18n, errors.unauthenticated).to_string(),
        AppError::Forbidden => t_string!(i18n, errors.forbidden).to_string(),
        AppError::NotFound => t_string!(i18n, errors.not_found).to_string(),
        AppError::Conflict => t_string!(i18n, errors.conflict).to_string(),
        AppError::TooManyRequests { retry_after_secs } => {
            let minutes = retry_after_secs.div_ceil(60);
            t_string!(i18n, errors.too_many_requests, minutes).to_string()
        }
        AppError::Unavailable => t_string!(i18n, errors.unavailable).to_string(),
        AppError::Internal => t_string!(i18n, errors.internal).to_string(),
        AppError::Transport(_) => t_string!(i18n, errors.transport).to_string(),
    };
    view! {
        <p class="notice notice-error" role="alert">
            {message}
        </p>
    }
}

/// What the error boundary around every page shows when rendering fails.
#[component]
pub fn PageError(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let i18n = use_i18n();
    #[cfg(feature = "ssr")]
    crate::state::set_status(500);
    view! {
        <section class="page-error" role="alert">
            <h1>{t!(i18n, errors.page_title)}</h1>
            <p>{t!(i18n, errors.page_text)}</p>
            <ul class="muted">
                {move || {
                    errors
                        .get()
                        .into_iter()
                        .map(|(_, e)| view! { <li>{e.to_string()}</li> })
                        .collect_view()
                }}
            </ul>
            <a class="button" href="/">{t!(i18n, nav.home)}</a>
        </section>
    }
}
