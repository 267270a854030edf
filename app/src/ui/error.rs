//! Turning errors into calm, translated messages.

use crate::error::AppError;
use crate::i18n::*;
use leptos::prelude::*;

/// The id of the box that lists a refused form's problems; a refused plain post sends the
/// browser there (`#ringkasan-galat`).
pub const SUMMARY_ID: &str = "ringkasan-galat";

/// A refused plain form post, put into the request of the page it returns to by the server's
/// form layer (from `db::form_flash`).
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct PostedRefusal(pub crate::db::form_flash::Refusal);

/// The error a plain form post to the server function at `path` came back with, if any.
pub fn posted_error(path: &str) -> Option<AppError> {
    posted_failure()
        .filter(|(posted_to, _)| posted_to == path)
        .map(|(_, error)| error)
}

/// The server function a plain form post was refused by, with its error. Pages are drawn with
/// it on the server only; in the browser (islands) there is none.
pub fn posted_failure() -> Option<(String, AppError)> {
    #[cfg(feature = "ssr")]
    {
        use leptos::server_fn::error::ServerFnUrlError;
        let parts = use_context::<http::request::Parts>()?;
        let PostedRefusal(refusal) = parts.extensions.get::<PostedRefusal>()?;
        Some((
            refusal.fn_path.clone(),
            ServerFnUrlError::<AppError>::decode_err(&refusal.error),
        ))
    }
    #[cfg(not(feature = "ssr"))]
    None
}

/// The translated text of a field-level message code (see `FormErrors`).
pub fn field_message(i18n: leptos_i18n::I18nContext<Locale>, code: &str) -> String {
    field_message_in(i18n.get_locale_untracked(), code)
}

/// [`field_message`] for a given locale, for answers built outside a page (JSON for scripts).
pub fn field_message_in(locale: Locale, code: &str) -> String {
    match code {
        "required" => td_string!(locale, errors.field.required),
        "invalid_credentials" => td_string!(locale, errors.field.invalid_credentials),
        "wrong_password" => td_string!(locale, errors.field.wrong_password),
        "too_short" => td_string!(locale, errors.field.too_short),
        "same_password" => td_string!(locale, errors.field.same_password),
        "mismatch" => td_string!(locale, errors.field.mismatch),
        "too_long" => td_string!(locale, errors.field.too_long),
        "email_invalid" => td_string!(locale, errors.field.email_invalid),
        "email_taken" => td_string!(locale, errors.field.email_taken),
        "asn_type_invalid" => td_string!(locale, errors.field.asn_type_invalid),
        "asn_type_nip_mismatch" => td_string!(locale, errors.field.asn_type_nip_mismatch),
        "rank_invalid_pns" => td_string!(locale, errors.field.rank_invalid_pns),
        "rank_invalid_pppk" => td_string!(locale, errors.field.rank_invalid_pppk),
        "position_kind_invalid" => td_string!(locale, errors.field.position_kind_invalid),
        "self_reference" => td_string!(locale, errors.field.self_reference),
        "nip_length" => td_string!(locale, errors.field.nip_length),
        "nip_digits" => td_string!(locale, errors.field.nip_digits),
        "nip_birth_date" => td_string!(locale, errors.field.nip_birth_date),
        "nip_tmt_month" => td_string!(locale, errors.field.nip_tmt_month),
        "nip_tmt_year" => td_string!(locale, errors.field.nip_tmt_year),
        "nip_gender" => td_string!(locale, errors.field.nip_gender),
        "nip_sequence" => td_string!(locale, errors.field.nip_sequence),
        "nip_taken" => td_string!(locale, errors.field.nip_taken),
        "nip_duplicate_in_file" => td_string!(locale, errors.field.nip_duplicate_in_file),
        "unit_unknown" => td_string!(locale, errors.field.unit_unknown),
        "unit_closed" => td_string!(locale, errors.field.unit_closed),
        "transfer_without_move" => td_string!(locale, errors.field.transfer_without_move),
        "transfer_date_future" => td_string!(locale, errors.field.transfer_date_future),
        "transfer_date_before_position" => {
            td_string!(locale, errors.field.transfer_date_before_position)
        }
        "transfer_voids_established_plan" => {
            td_string!(locale, errors.field.transfer_voids_established_plan)
        }
        "unit_outside_scope" => td_string!(locale, errors.field.unit_outside_scope),
        "person_unknown" => td_string!(locale, errors.field.person_unknown),
        "official_is_employee" => td_string!(locale, errors.field.official_is_employee),
        "official_superior_loop" => td_string!(locale, errors.field.official_superior_loop),
        "person_inactive" => td_string!(locale, errors.field.person_inactive),
        "employee_outside_scope" => td_string!(locale, errors.field.employee_outside_scope),
        "column_missing" => td_string!(locale, errors.field.column_missing),
        "column_unknown" => td_string!(locale, errors.field.column_unknown),
        "line_unreadable" => td_string!(locale, errors.field.line_unreadable),
        "file_not_utf8" => td_string!(locale, errors.field.file_not_utf8),
        "file_empty" => td_string!(locale, errors.field.file_empty),
        "file_not_csv" => td_string!(locale, errors.field.file_not_csv),
        "file_no_rows" => td_string!(locale, errors.field.file_no_rows),
        "file_too_many_rows" => td_string!(locale, errors.field.file_too_many_rows),
        "unit_code_chars" => td_string!(locale, errors.field.unit_code_chars),
        "unit_code_taken" => td_string!(locale, errors.field.unit_code_taken),
        "unit_move_into_itself" => td_string!(locale, errors.field.unit_move_into_itself),
        "unit_root" => td_string!(locale, errors.field.unit_root),
        "unit_has_open_children" => td_string!(locale, errors.field.unit_has_open_children),
        "unit_has_employees" => td_string!(locale, errors.field.unit_has_employees),
        "unit_parent_closed" => td_string!(locale, errors.field.unit_parent_closed),
        "position_kind_conflict" => td_string!(locale, errors.field.position_kind_conflict),
        "totp_invalid" => td_string!(locale, errors.field.totp_invalid),
        "mfa_required_for_admin" => td_string!(locale, errors.field.mfa_required_for_admin),
        "mfa_enable_own_first" => td_string!(locale, errors.field.mfa_enable_own_first),
        "skp_no_main_result" => td_string!(locale, errors.field.skp_no_main_result),
        "skp_missing_cascade" => td_string!(locale, errors.field.skp_missing_cascade),
        "skp_cascade_not_approved" => td_string!(locale, errors.field.skp_cascade_not_approved),
        "skp_no_indicator" => td_string!(locale, errors.field.skp_no_indicator),
        "skp_missing_perspective" => td_string!(locale, errors.field.skp_missing_perspective),
        "skp_missing_aspect" => td_string!(locale, errors.field.skp_missing_aspect),
        "skp_missing_target" => td_string!(locale, errors.field.skp_missing_target),
        "skp_missing_unit" => td_string!(locale, errors.field.skp_missing_unit),
        "skp_transition_state" => td_string!(locale, errors.field.skp_transition_state),
        "skp_transition_party" => td_string!(locale, errors.field.skp_transition_party),
        "skp_not_editable" => td_string!(locale, errors.field.skp_not_editable),
        "skp_incomplete" => td_string!(locale, errors.field.skp_incomplete),
        "skp_no_appraiser" => td_string!(locale, errors.field.skp_no_appraiser),
        "skp_no_open_period" => td_string!(locale, errors.field.skp_no_open_period),
        "skp_approach_not_for_jpt" => td_string!(locale, errors.field.skp_approach_not_for_jpt),
        "skp_parent_unknown" => td_string!(locale, errors.field.skp_parent_unknown),
        "skp_result_has_supporters" => td_string!(locale, errors.field.skp_result_has_supporters),
        "invalid_number" => td_string!(locale, errors.field.invalid_number),
        "number_thousands" => td_string!(locale, errors.field.number_thousands),
        "target_range" => td_string!(locale, errors.field.target_range),
        "period_exists" => td_string!(locale, errors.field.period_exists),
        "period_closed" => td_string!(locale, errors.field.period_closed),
        "invalid_year" => td_string!(locale, errors.field.invalid_year),
        "date_invalid" => td_string!(locale, errors.field.date_invalid),
        "deadline_outside_year" => td_string!(locale, errors.field.deadline_outside_year),
        "deadline_before_end" => td_string!(locale, errors.field.deadline_before_end),
        "deadline_too_late" => td_string!(locale, errors.field.deadline_too_late),
        "deadline_outside_next_year" => td_string!(locale, errors.field.deadline_outside_next_year),
        "same_as_appraiser" => td_string!(locale, errors.field.same_as_appraiser),
        "file_too_large" => td_string!(locale, errors.field.file_too_large),
        "file_type" => td_string!(locale, errors.field.file_type),
        "link_scheme" => td_string!(locale, errors.field.link_scheme),
        "evaluation_locked" => td_string!(locale, errors.field.evaluation_locked),
        "evaluation_incomplete" => td_string!(locale, errors.field.evaluation_incomplete),
        "evaluation_not_ended" => td_string!(locale, errors.field.evaluation_not_ended),
        "evaluation_late_locked" => td_string!(locale, errors.field.evaluation_late_locked),
        "action_plan_not_established" => {
            td_string!(locale, errors.field.action_plan_not_established)
        }
        "action_plan_not_editable" => td_string!(locale, errors.field.action_plan_not_editable),
        "action_plan_incomplete" => td_string!(locale, errors.field.action_plan_incomplete),
        "stale" => td_string!(locale, errors.field.stale),
        "stale_list" => td_string!(locale, errors.field.stale_list),
        "malformed_request" => td_string!(locale, errors.field.malformed_request),
        "control_chars" => td_string!(locale, errors.field.control_chars),
        "skp_too_many_results" => td_string!(locale, errors.field.skp_too_many_results),
        "skp_too_many_indicators" => td_string!(locale, errors.field.skp_too_many_indicators),
        "skp_too_many_items" => td_string!(locale, errors.field.skp_too_many_items),
        "status_not_imported" => td_string!(locale, errors.field.status_not_imported),
        "status_invalid" => td_string!(locale, errors.field.status_invalid),
        "feedback360_window_order" => td_string!(locale, errors.field.feedback360_window_order),
        "feedback360_window_past" => td_string!(locale, errors.field.feedback360_window_past),
        "feedback360_items_full" => td_string!(locale, errors.field.feedback360_items_full),
        "feedback360_item_official" => {
            td_string!(locale, errors.field.feedback360_item_official)
        }
        "feedback360_item_unknown" => td_string!(locale, errors.field.feedback360_item_unknown),
        "feedback360_window_long" => td_string!(locale, errors.field.feedback360_window_long),
        "feedback360_extend_earlier" => td_string!(locale, errors.field.feedback360_extend_earlier),
        "feedback360_peers_range" => td_string!(locale, errors.field.feedback360_peers_range),
        "feedback360_peers_max" => td_string!(locale, errors.field.feedback360_peers_max),
        "feedback360_k_range" => td_string!(locale, errors.field.feedback360_k_range),
        "feedback360_no_group" => td_string!(locale, errors.field.feedback360_no_group),
        "feedback360_no_anonymous_group" => {
            td_string!(locale, errors.field.feedback360_no_anonymous_group)
        }
        "feedback360_nominate_self" => td_string!(locale, errors.field.feedback360_nominate_self),
        "feedback360_nominate_twice" => td_string!(locale, errors.field.feedback360_nominate_twice),
        "feedback360_nominees_below_min" => {
            td_string!(locale, errors.field.feedback360_nominees_below_min)
        }
        "feedback360_nominees_above_max" => {
            td_string!(locale, errors.field.feedback360_nominees_above_max)
        }
        "feedback360_nominee_unknown" => {
            td_string!(locale, errors.field.feedback360_nominee_unknown)
        }
        "feedback360_nominee_other_group" => {
            td_string!(locale, errors.field.feedback360_nominee_other_group)
        }
        "feedback360_nominations_closed" => {
            td_string!(locale, errors.field.feedback360_nominations_closed)
        }
        "feedback360_unanswered" => td_string!(locale, errors.field.feedback360_unanswered),
        "feedback360_bad_score" => td_string!(locale, errors.field.feedback360_bad_score),
        "feedback360_unknown_item" => td_string!(locale, errors.field.feedback360_unknown_item),
        "feedback360_answered" => td_string!(locale, errors.field.feedback360_answered),
        "feedback360_closed" => td_string!(locale, errors.field.feedback360_closed),
        "feedback360_population_empty" => {
            td_string!(locale, errors.field.feedback360_population_empty)
        }
        "feedback360_link_target" => td_string!(locale, errors.field.feedback360_link_target),
        "feedback360_link_exists" => td_string!(locale, errors.field.feedback360_link_exists),
        "feedback360_public_answered" => {
            td_string!(locale, errors.field.feedback360_public_answered)
        }
        "feedback360_address_busy" => td_string!(locale, errors.field.feedback360_address_busy),
        "feedback360_link_busy" => td_string!(locale, errors.field.feedback360_link_busy),
        _ => td_string!(locale, errors.field.invalid),
    }
    .to_string()
}

/// The explanation of a failed call, for answers built outside a page (JSON for scripts).
pub fn error_message_in(locale: Locale, error: &AppError) -> String {
    match error {
        AppError::Invalid(form) => form
            .fields
            .iter()
            .map(|(_, code)| field_message_in(locale, code))
            .collect::<Vec<_>>()
            .join(" "),
        AppError::Unauthenticated => td_string!(locale, errors.unauthenticated).to_string(),
        AppError::Forbidden => td_string!(locale, errors.forbidden).to_string(),
        AppError::NotFound => td_string!(locale, errors.not_found).to_string(),
        AppError::Conflict => td_string!(locale, errors.conflict).to_string(),
        AppError::Unavailable => td_string!(locale, errors.unavailable).to_string(),
        _ => td_string!(locale, errors.internal).to_string(),
    }
}

/// "The limit is 10,0 MB." after a refused upload.
pub fn upload_limit_in(locale: Locale, max: &str) -> String {
    td_string!(locale, evaluation.limit, max = max.to_owned()).to_string()
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
        <p class="notice notice-error" role="alert" id=SUMMARY_ID tabindex="-1" autofocus>
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
