//! HTTP endpoints of the self-assessment wizard that do not fit a server function: saving a
//! step's fields (their names depend on the plan), uploading evidence (multipart, large),
//! downloading it, and the wizard's script. Each answers JSON to the wizard's script
//! (`Accept: application/json`) and redirects a plain form post back to the page, with the error
//! in the address the way server functions do, so the wizard works the same without JavaScript.

use crate::routes::ServerState;
use app::auth::server::ClientInfo;
use app::domain::evaluation::{Step, format_size};
use app::error::{AppError, FormErrors};
use app::features::evaluation::script;
use app::features::evaluation::ssr::{self as evaluation, SaveOutcome, SaveRequest};
use app::i18n::Locale;
use app::ui::error::field_message_in;
use axum::Form;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use leptos::server_fn::error::ServerFnUrlError;
use serde_json::{Value, json};

/// Room for the multipart envelope and the other fields around the file itself.
pub const UPLOAD_OVERHEAD_BYTES: usize = 64 * 1024;
/// How far past the limit an upload is still read to the end, so that the browser receives the
/// friendly refusal instead of a reset connection; beyond it the connection is cut.
pub const UPLOAD_SLACK_BYTES: usize = 16 * 1024 * 1024;

/// `POST /evaluasi/{id}/bukti`: the path the body limit treats specially.
pub fn is_upload_path(path: &str) -> bool {
    path.strip_prefix("/evaluasi/")
        .and_then(|rest| rest.strip_suffix("/bukti"))
        .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

fn locale_of(headers: &HeaderMap) -> Locale {
    let english = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| app::ui::locale::cookie_value(h, app::ui::locale::LOCALE_COOKIE))
        == Some("en");
    if english { Locale::en } else { Locale::id }
}

fn client_of(headers: &HeaderMap) -> ClientInfo {
    ClientInfo::from_headers(headers, None)
}

fn see_other(location: &str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, location.to_owned())],
    )
        .into_response()
}

/// Back to `location` (a local path with query) carrying `err` for the form posted to `path`.
fn back_with_error(location: &str, fragment: &str, path: &str, err: AppError) -> Response {
    if err == AppError::Unauthenticated {
        let next = app::domain::directory::encode_params(&[("next", location.to_owned())]);
        return see_other(&format!("/masuk?{next}"));
    }
    match ServerFnUrlError::new(path, err).to_url(&format!("http://kinerja.invalid{location}")) {
        Ok(url) => see_other(&format!(
            "{}?{}{fragment}",
            url.path(),
            url.query().unwrap_or_default()
        )),
        Err(_) => see_other(location),
    }
}

fn message(locale: Locale, err: &AppError) -> String {
    app::ui::error::error_message_in(locale, err)
}

fn has_code(err: &AppError, code: &str) -> bool {
    matches!(err, AppError::Invalid(form) if form.fields.iter().any(|(_, c)| c == code))
}

/// The JSON answer for a failed request, with the status the script acts on.
fn json_error(locale: Locale, err: &AppError) -> Response {
    let status = if has_code(err, "evaluation_locked") {
        StatusCode::LOCKED
    } else if has_code(err, "file_too_large") {
        StatusCode::PAYLOAD_TOO_LARGE
    } else if has_code(err, "file_type") {
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    } else {
        StatusCode::from_u16(err.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    };
    let mut body = json!({ "message": message(locale, err) });
    if let AppError::Invalid(form) = err {
        body["errors"] = field_errors(locale, &form.fields);
    }
    (status, axum::Json(body)).into_response()
}

fn field_errors(locale: Locale, fields: &[(String, String)]) -> Value {
    Value::Array(
        fields
            .iter()
            .map(|(field, code)| {
                json!({ "field": field, "code": code, "message": field_message_in(locale, code) })
            })
            .collect(),
    )
}

fn to_map(pairs: Vec<(String, String)>) -> Value {
    Value::Object(
        pairs
            .into_iter()
            .map(|(k, v)| (k, Value::String(v)))
            .collect(),
    )
}

/// `POST /evaluasi/{id}/simpan`: the fields of one step (form-encoded, as typed), with
/// `version`, `step` (where the employee is) and, from a plain form, `go` (where to go next).
pub async fn save_fields(
    State(state): State<ServerState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let json = wants_json(&headers);
    let locale = locale_of(&headers);
    let mut version = None;
    let mut step = None;
    let mut go = None;
    let mut fields = Vec::new();
    for (name, value) in pairs {
        let as_step = || value.trim().parse::<i64>().ok().and_then(Step::from_number);
        match name.as_str() {
            "version" => version = value.trim().parse::<i32>().ok(),
            "step" => step = as_step(),
            "go" => go = as_step(),
            _ => fields.push((name, value)),
        }
    }
    let Some(version) = version else {
        return (StatusCode::BAD_REQUEST, "version missing / versi tidak ada").into_response();
    };
    let here = step.unwrap_or(Step::Results);
    let request = SaveRequest {
        version,
        // A plain form's "next" or "back" moves the employee; the script reports where they are.
        step: go.or(step),
        fields: fields.clone(),
    };
    let result = evaluation::save(&state.app.db, &client_of(&headers), id, request).await;
    if json {
        return match result {
            Ok(SaveOutcome::Saved {
                version,
                values,
                errors,
            }) => {
                let saved_at = saved_at(&state).await;
                (
                    StatusCode::OK,
                    axum::Json(json!({
                        "version": version,
                        "saved_at": saved_at,
                        "values": to_map(values),
                        "errors": field_errors(locale, &errors),
                    })),
                )
                    .into_response()
            }
            Ok(SaveOutcome::Conflict { version, values }) => (
                StatusCode::CONFLICT,
                axum::Json(json!({ "version": version, "values": to_map(values) })),
            )
                .into_response(),
            Err(err) => json_error(locale, &err),
        };
    }
    let page = format!("/evaluasi/{id}");
    let save_path = format!("{page}/simpan");
    let back = format!("{page}?langkah={}", here.number());
    match result {
        Ok(SaveOutcome::Saved { errors, .. }) if errors.is_empty() => {
            let next = go.unwrap_or(here);
            see_other(&format!("{page}?langkah={}", next.number()))
        }
        Ok(SaveOutcome::Saved { errors, .. }) => {
            let mut form = FormErrors::default();
            for (field, code) in &errors {
                form = form.field(field, code);
            }
            for (name, value) in fields
                .iter()
                .filter(|(n, _)| errors.iter().any(|(f, _)| f == n))
            {
                form = form.value(name, value);
            }
            back_with_error(&back, "", &save_path, AppError::Invalid(form))
        }
        Ok(SaveOutcome::Conflict { .. }) => {
            let mut form = FormErrors::default().field("version", "stale");
            for (name, value) in &fields {
                form = form.value(name, value);
            }
            back_with_error(&back, "", &save_path, AppError::Invalid(form))
        }
        Err(err) => back_with_error(&back, "", &save_path, err),
    }
}

/// The time of a save as the agency reads a clock: `10.42`.
async fn saved_at(state: &ServerState) -> String {
    let offset = app::db::agency::primary(&state.app.db)
        .await
        .ok()
        .flatten()
        .map_or_else(
            || chrono::FixedOffset::east_opt(7 * 3600).expect("offset"),
            |a| a.time_zone.utc_offset(),
        );
    chrono::Utc::now()
        .with_timezone(&offset)
        .format("%H.%M")
        .to_string()
}

/// `POST /evaluasi/{id}/bukti` (multipart: `indikator`, `berkas`).
pub async fn upload_evidence(
    State(state): State<ServerState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    let json = wants_json(&headers);
    let locale = locale_of(&headers);
    let store = state.app.evidence.clone();
    let max = usize::try_from(store.max_bytes()).unwrap_or(usize::MAX);
    let mut indicator = None;
    let mut file: Option<(String, Vec<u8>)> = None;
    let mut too_large = false;
    let mut broken = false;
    loop {
        match multipart.next_field().await {
            Ok(Some(mut field)) => match field.name() {
                Some("indikator") => {
                    indicator = field
                        .text()
                        .await
                        .ok()
                        .and_then(|t| t.trim().parse::<i64>().ok());
                }
                Some("berkas") => {
                    let name = field.file_name().unwrap_or_default().to_owned();
                    let mut bytes = Vec::new();
                    // Read to the end even past the limit (the body limit bounds it), so the
                    // refusal reaches the browser; keep nothing beyond the limit.
                    loop {
                        match field.chunk().await {
                            Ok(Some(chunk)) => {
                                if !too_large && bytes.len() + chunk.len() > max {
                                    too_large = true;
                                    bytes = Vec::new();
                                }
                                if !too_large {
                                    bytes.extend_from_slice(&chunk);
                                }
                            }
                            Ok(None) => break,
                            Err(_) => {
                                broken = true;
                                break;
                            }
                        }
                    }
                    file = Some((name, bytes));
                }
                _ => {}
            },
            Ok(None) => break,
            Err(_) => {
                broken = true;
                break;
            }
        }
    }
    let comma = locale == Locale::id;
    let result = if too_large || broken {
        // A body cut off at the hard limit is an oversized file too.
        Err(AppError::Invalid(
            FormErrors::default().field("berkas", "file_too_large"),
        ))
    } else {
        match (indicator, file) {
            (Some(indicator), Some((name, bytes))) => evaluation::upload(
                &state.app.db,
                &store,
                &client_of(&headers),
                id,
                evaluation::UploadedFile {
                    indicator_id: indicator,
                    file_name: &name,
                    bytes: bytes.into(),
                },
                comma,
            )
            .await
            .map(|view| (indicator, view)),
            (Some(_), None) => Err(AppError::Invalid(
                FormErrors::default().field("berkas", "file_empty"),
            )),
            (None, _) => Err(AppError::Invalid(
                FormErrors::default().field("indikator", "invalid"),
            )),
        }
    };
    let limit = |err: &AppError| {
        if has_code(err, "file_too_large") {
            let max = format_size(store.max_bytes(), comma);
            format!(
                "{} {}",
                message(locale, err),
                app::ui::error::upload_limit_in(locale, &max)
            )
        } else {
            message(locale, err)
        }
    };
    if json {
        return match result {
            Ok((_, view)) => (
                StatusCode::OK,
                axum::Json(json!({
                    "id": view.id,
                    "name": view.name,
                    "size": view.size,
                    "url": view.url,
                    "delete_url": format!("/evaluasi/{id}/bukti/{}/hapus", view.id),
                })),
            )
                .into_response(),
            Err(err) => {
                let mut res = json_error(locale, &err);
                if has_code(&err, "file_too_large") {
                    res = (res.status(), axum::Json(json!({ "message": limit(&err) })))
                        .into_response();
                }
                res
            }
        };
    }
    let page = format!("/evaluasi/{id}?langkah=1");
    match result {
        Ok((indicator, _)) => see_other(&format!("{page}#ind-{indicator}")),
        Err(err) => back_with_error(
            &page,
            &indicator.map(|i| format!("#ind-{i}")).unwrap_or_default(),
            &format!("/evaluasi/{id}/bukti"),
            err,
        ),
    }
}

/// `POST /evaluasi/{id}/bukti/{evidence}/hapus`.
pub async fn remove_evidence(
    State(state): State<ServerState>,
    Path((id, evidence)): Path<(i64, i64)>,
    headers: HeaderMap,
) -> Response {
    let result =
        evaluation::remove_evidence(&state.app.db, &client_of(&headers), id, evidence).await;
    if wants_json(&headers) {
        return match result {
            Ok(_) => (StatusCode::OK, axum::Json(json!({ "removed": evidence }))).into_response(),
            Err(err) => json_error(locale_of(&headers), &err),
        };
    }
    let page = format!("/evaluasi/{id}?langkah=1");
    match result {
        Ok(indicator) => see_other(&format!("{page}#ind-{indicator}")),
        Err(err) => back_with_error(&page, "", &format!("/evaluasi/{id}/bukti"), err),
    }
}

/// `GET /bukti/{id}`: the file, for the employee and their appraisers only.
pub async fn download_evidence(
    State(state): State<ServerState>,
    Path(evidence): Path<i64>,
    headers: HeaderMap,
) -> Response {
    let store = state.app.evidence.clone();
    match evaluation::download(&state.app.db, &store, &client_of(&headers), evidence).await {
        Ok((kind, name, bytes)) => {
            let disposition = format!(
                "inline; filename=\"{}\"; filename*=UTF-8''{}",
                name.replace(
                    |c: char| !c.is_ascii_alphanumeric() && !".-_ ".contains(c),
                    "_"
                ),
                percent_encode(&name)
            );
            let mut res = (StatusCode::OK, bytes).into_response();
            let h = res.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind.mime()));
            if let Ok(v) = HeaderValue::from_str(&disposition) {
                h.insert(header::CONTENT_DISPOSITION, v);
            }
            // Personal data: never kept by shared caches, revalidated by the browser.
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-cache"),
            );
            res
        }
        Err(AppError::Unauthenticated) => {
            let next =
                app::domain::directory::encode_params(&[("next", format!("/bukti/{evidence}"))]);
            see_other(&format!("/masuk?{next}"))
        }
        Err(err) => {
            let status = StatusCode::from_u16(err.status_code())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, message(locale_of(&headers), &err)).into_response()
        }
    }
}

/// RFC 5987 encoding of a file name for `filename*`.
fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// `GET /js/{name}`: the wizard's script under its content-derived name, cached for good.
pub async fn wizard_script(Path(name): Path<String>) -> Response {
    if format!("/js/{name}") != script::path() {
        return StatusCode::NOT_FOUND.into_response();
    }
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        script::SOURCE,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upload_paths_are_recognised() {
        assert!(is_upload_path("/evaluasi/12/bukti"));
        assert!(!is_upload_path("/evaluasi//bukti"));
        assert!(!is_upload_path("/evaluasi/12/bukti/3/hapus"));
        assert!(!is_upload_path("/evaluasi/x/bukti"));
        assert!(!is_upload_path("/admin/impor/unggah"));
    }
}
