//! The wizard's routes that do not fit a server function (see `paths`): the step forms posted
//! without JavaScript (their field names depend on the plan), evidence uploads (large multipart
//! bodies) and downloads. A plain post is redirected back to the page with the error in the
//! address, the way server functions do, so the wizard works the same without JavaScript; an
//! upload from the island (`Accept: application/json`) is answered with JSON.

use super::api::ssr::{self as evaluation, SaveOutcome, SaveRequest};
use super::paths;
use super::types::{UploadRefusal, UploadedEvidence};
use crate::auth::server::ClientInfo;
use crate::domain::evaluation::{Step, format_size};
use crate::domain::ids::{EvaluationId, EvidenceId, IndicatorId};
use crate::error::{AppError, FormErrors};
use crate::i18n::Locale;
use crate::state::AppState;
use axum::Form;
use axum::extract::{FromRef, Multipart, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use leptos::server_fn::error::ServerFnUrlError;

/// Room for the multipart envelope and the other fields around the file itself.
pub const UPLOAD_OVERHEAD_BYTES: usize = 64 * 1024;
/// How far past the limit an upload is still read to the end, so that the browser receives the
/// friendly refusal instead of a reset connection; beyond it the connection is cut.
pub const UPLOAD_SLACK_BYTES: usize = 16 * 1024 * 1024;

/// The routes to mount; the server's state must give the [`AppState`]. The upload route has no
/// body limit of its own: the server bounds [`paths::is_upload`] by the evidence limit.
pub fn router<S>() -> axum::Router<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    axum::Router::new()
        .route(paths::SAVE, post(save_fields))
        .route(paths::LINK, post(add_link))
        .route(
            paths::UPLOAD,
            post(upload_evidence).layer(axum::extract::DefaultBodyLimit::disable()),
        )
        .route(paths::REMOVE, post(remove_evidence))
        .route(paths::DOWNLOAD, get(download_evidence))
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

fn locale_of(headers: &HeaderMap) -> Locale {
    crate::ui::locale::locale_of_headers(headers)
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
        let next = crate::domain::directory::encode_params(&[("next", location.to_owned())]);
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
    crate::ui::error::error_message_in(locale, err)
}

fn has_code(err: &AppError, code: &str) -> bool {
    matches!(err, AppError::Invalid(form) if form.fields.iter().any(|(_, c)| c == code))
}

/// The island's answer to a refused upload, with the status it acts on (a server error or a
/// lost connection is worth a retry; a refusal is not).
fn refusal(status: StatusCode, message: String) -> Response {
    (status, axum::Json(UploadRefusal { message })).into_response()
}

fn status_of(err: &AppError) -> StatusCode {
    if has_code(err, "file_too_large") {
        StatusCode::PAYLOAD_TOO_LARGE
    } else if has_code(err, "file_type") {
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    } else {
        StatusCode::from_u16(err.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// A post of a step form, sorted: the step's own fields, and the evidence fields that come
/// along when a plain form (no JavaScript) adds a link, uploads or removes evidence.
#[derive(Default)]
struct StepPost {
    version: Option<i32>,
    /// Where the employee is.
    step: Option<Step>,
    /// Where a plain form's "next" or "back" leads.
    go: Option<Step>,
    /// The indicator whose evidence button was pressed.
    indicator: Option<IndicatorId>,
    fields: Vec<(String, String)>,
    links: Vec<(IndicatorId, String)>,
}

impl StepPost {
    fn new(pairs: Vec<(String, String)>) -> Self {
        let mut post = Self::default();
        for (name, value) in pairs {
            let as_step = || value.trim().parse::<i64>().ok().and_then(Step::from_number);
            let indicator_of = |prefix: &str| {
                name.strip_prefix(prefix)
                    .and_then(|n| n.parse::<IndicatorId>().ok())
            };
            match name.as_str() {
                "version" => post.version = value.trim().parse::<i32>().ok(),
                "step" => post.step = as_step(),
                "go" => post.go = as_step(),
                "indikator" => post.indicator = value.trim().parse::<IndicatorId>().ok(),
                _ => {
                    if let Some(indicator) = indicator_of("tautan-") {
                        if !value.trim().is_empty() {
                            post.links.push((indicator, value));
                        }
                    } else if indicator_of("berkas-").is_none() {
                        // A file input posted without multipart carries only a name: ignored.
                        post.fields.push((name, value));
                    }
                }
            }
        }
        post
    }

    fn here(&self) -> Step {
        self.step.unwrap_or(Step::Results)
    }
}

/// Where a plain post goes back to, and the path its errors are reported for (the step form's,
/// so the page shows every field as typed next to its message).
struct Back {
    page: String,
    save_path: String,
}

impl Back {
    fn new(id: EvaluationId) -> Self {
        Self {
            page: format!("/evaluasi/{id}"),
            save_path: paths::save(id),
        }
    }

    fn to_step(&self, step: Step, fragment: &str) -> Response {
        see_other(&format!(
            "{}?langkah={}{fragment}",
            self.page,
            step.number()
        ))
    }

    fn with_error(&self, step: Step, fragment: &str, err: AppError) -> Response {
        let location = format!("{}?langkah={}", self.page, step.number());
        back_with_error(&location, fragment, &self.save_path, err)
    }
}

/// Saves what a plain form typed and adds the links it carried. Field errors are collected
/// (with what was typed) for the page; a stale version or any other failure ends the request.
async fn save_plain(
    state: &AppState,
    client: &ClientInfo,
    id: EvaluationId,
    post: &StepPost,
) -> Result<FormErrors, AppError> {
    let mut form = FormErrors::default();
    if let Some(version) = post.version {
        let request = SaveRequest {
            version,
            step: post.go.or(post.step),
            fields: post.fields.clone(),
        };
        match evaluation::save(&state.db, client, id, request).await {
            Ok(SaveOutcome::Saved { errors, .. }) => {
                for (field, code) in &errors {
                    form = form.field(field, code);
                }
                for (name, value) in post
                    .fields
                    .iter()
                    .filter(|(n, _)| errors.iter().any(|(f, _)| f == n))
                {
                    form = form.value(name, value);
                }
            }
            Ok(SaveOutcome::Conflict { .. }) => {
                let mut stale = FormErrors::default().field("version", "stale");
                for (name, value) in &post.fields {
                    stale = stale.value(name, value);
                }
                for (indicator, link) in &post.links {
                    stale = stale.value(&format!("tautan-{indicator}"), link);
                }
                return Err(AppError::Invalid(stale));
            }
            Err(AppError::Invalid(errors)) => form = errors,
            Err(err) => return Err(err),
        }
    }
    for (indicator, link) in &post.links {
        match evaluation::add_link(&state.db, client, id, *indicator, link).await {
            Ok(_) => {}
            Err(AppError::Invalid(errors)) => {
                form.fields.extend(errors.fields);
                form.values.extend(errors.values);
            }
            Err(err) => return Err(err),
        }
    }
    Ok(form)
}

/// `POST /evaluasi/{id}/simpan`: a step form posted without JavaScript: the fields of one step
/// (form-encoded, as typed), `version`, `step` (where the employee is) and `go` (where to go
/// next). The island saves through the `autosave` server function instead.
async fn save_fields(
    State(state): State<AppState>,
    Path(id): Path<EvaluationId>,
    client: ClientInfo,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let post = StepPost::new(pairs);
    if post.version.is_none() {
        return (StatusCode::BAD_REQUEST, "version missing / versi tidak ada").into_response();
    }
    let back = Back::new(id);
    match save_plain(&state, &client, id, &post).await {
        Ok(form) if form.fields.is_empty() => back.to_step(post.go.unwrap_or(post.here()), ""),
        Ok(form) => back.with_error(post.here(), "", AppError::Invalid(form)),
        Err(err) => back.with_error(post.here(), "", err),
    }
}

/// `POST /evaluasi/{id}/tautan`: a plain step form whose "add link" button was pressed
/// (`indikator`); everything typed is saved with it.
async fn add_link(
    State(state): State<AppState>,
    Path(id): Path<EvaluationId>,
    client: ClientInfo,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let post = StepPost::new(pairs);
    let back = Back::new(id);
    let fragment = post
        .indicator
        .map(|i| format!("#ind-{i}"))
        .unwrap_or_default();
    let mut result = save_plain(&state, &client, id, &post).await;
    if let (Ok(form), Some(indicator)) = (&mut result, post.indicator)
        && !post.links.iter().any(|(i, _)| *i == indicator)
    {
        let field = format!("tautan-{indicator}");
        *form = std::mem::take(form).field(&field, "required");
    }
    match result {
        Ok(form) if form.fields.is_empty() => back.to_step(post.here(), &fragment),
        Ok(form) => back.with_error(post.here(), &fragment, AppError::Invalid(form)),
        Err(err) => back.with_error(post.here(), &fragment, err),
    }
}

/// A file part of an upload, read up to the limit.
struct FilePart {
    field: String,
    name: String,
    bytes: Vec<u8>,
    too_large: bool,
}

/// Reads every part of an upload: text fields in order, file parts (empty file inputs of a
/// plain form are skipped) kept up to `max` bytes each. `Err` when the body broke off, which at
/// the hard body limit means the file was far too large.
async fn read_upload(
    multipart: &mut Multipart,
    max: usize,
) -> Result<(Vec<(String, String)>, Vec<FilePart>), ()> {
    let mut pairs = Vec::new();
    let mut files = Vec::new();
    while let Some(mut field) = multipart.next_field().await.map_err(|_| ())? {
        let name = field.name().unwrap_or_default().to_owned();
        let Some(file_name) = field.file_name().map(str::to_owned) else {
            pairs.push((name, field.text().await.map_err(|_| ())?));
            continue;
        };
        let mut part = FilePart {
            field: name,
            name: file_name,
            bytes: Vec::new(),
            too_large: false,
        };
        // Read to the end even past the limit (the body limit bounds it), so the refusal
        // reaches the browser; keep nothing beyond the limit.
        while let Some(chunk) = field.chunk().await.map_err(|_| ())? {
            if !part.too_large && part.bytes.len() + chunk.len() > max {
                part.too_large = true;
                part.bytes = Vec::new();
            }
            if !part.too_large {
                part.bytes.extend_from_slice(&chunk);
            }
        }
        if !(part.name.is_empty() && part.bytes.is_empty()) {
            files.push(part);
        }
    }
    Ok((pairs, files))
}

/// `POST /evaluasi/{id}/bukti` (multipart): from the island `indikator` and `berkas`; from a
/// plain step form the button's `indikator`, the file `berkas-{indikator}` and everything typed,
/// which is saved first.
async fn upload_evidence(
    State(state): State<AppState>,
    Path(id): Path<EvaluationId>,
    headers: HeaderMap,
    client: ClientInfo,
    mut multipart: Multipart,
) -> Response {
    let json = wants_json(&headers);
    let locale = locale_of(&headers);
    let store = state.evidence.clone();
    let comma = locale == Locale::id;
    let max = usize::try_from(store.max_bytes()).unwrap_or(usize::MAX);
    let too_large = || AppError::Invalid(FormErrors::default().field("berkas", "file_too_large"));
    let (post, result) = match read_upload(&mut multipart, max).await {
        // A body cut off at the hard limit is an oversized file too.
        Err(()) => (StepPost::default(), Err(too_large())),
        Ok((pairs, files)) => {
            let post = StepPost::new(pairs);
            let saved = if json {
                Ok(FormErrors::default())
            } else {
                save_plain(&state, &client, id, &post).await
            };
            let result = match (saved, post.indicator) {
                (Err(err), _) => Err(err),
                (Ok(_), None) => Err(AppError::Invalid(
                    FormErrors::default().field("indikator", "invalid"),
                )),
                (Ok(form), Some(indicator)) => {
                    let wanted = format!("berkas-{indicator}");
                    let file = files
                        .into_iter()
                        .find(|f| f.field == "berkas" || f.field == wanted);
                    let stored = match file {
                        None => Err(AppError::Invalid(
                            FormErrors::default().field("berkas", "file_empty"),
                        )),
                        Some(f) if f.too_large => Err(too_large()),
                        Some(f) => {
                            let file = evaluation::UploadedFile {
                                indicator_id: indicator,
                                file_name: &f.name,
                                bytes: f.bytes.into(),
                            };
                            evaluation::upload(&state.db, &store, &client, id, file, comma).await
                        }
                    };
                    stored.map(|view| (view, form))
                }
            };
            (post, result)
        }
    };
    let limit = |err: &AppError| {
        if has_code(err, "file_too_large") {
            let max = format_size(store.max_bytes(), comma);
            format!(
                "{} {}",
                message(locale, err),
                crate::ui::error::upload_limit_in(locale, &max)
            )
        } else {
            message(locale, err)
        }
    };
    if json {
        return match result {
            Ok((view, _)) => axum::Json(UploadedEvidence {
                id: view.id,
                remove_url: paths::remove(id, view.id),
                name: view.name,
                size: view.size,
                url: view.url,
                photo: view.photo,
            })
            .into_response(),
            Err(err) => refusal(status_of(&err), limit(&err)),
        };
    }
    let back = Back::new(id);
    let fragment = post
        .indicator
        .map(|i| format!("#ind-{i}"))
        .unwrap_or_default();
    let here = post.here();
    match result {
        Ok((_, form)) if form.fields.is_empty() => back.to_step(here, &fragment),
        Ok((_, form)) => back.with_error(here, &fragment, AppError::Invalid(form)),
        // The file's own refusal is shown at its input, next to what was typed.
        Err(AppError::Invalid(refused)) if refused.error_for("berkas").is_some() => {
            let field = post
                .indicator
                .map_or_else(|| "berkas".to_owned(), |i| format!("berkas-{i}"));
            let mut form = FormErrors::default();
            for (_, code) in &refused.fields {
                form = form.field(&field, code);
            }
            for (name, value) in &post.fields {
                form = form.value(name, value);
            }
            back.with_error(here, &fragment, AppError::Invalid(form))
        }
        Err(err) => back.with_error(here, &fragment, err),
    }
}

/// `POST /evaluasi/{id}/bukti/{evidence}/hapus`: from a plain step form, with everything typed,
/// which is saved first.
async fn remove_evidence(
    State(state): State<AppState>,
    Path((id, evidence)): Path<(EvaluationId, EvidenceId)>,
    client: ClientInfo,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let post = StepPost::new(pairs);
    let saved = save_plain(&state, &client, id, &post).await;
    let result = match saved {
        Ok(form) => evaluation::remove_evidence(&state.db, &client, id, evidence)
            .await
            .map(|indicator| (indicator, form)),
        Err(err) => Err(err),
    };
    let back = Back::new(id);
    let here = post.here();
    match result {
        Ok((indicator, form)) if form.fields.is_empty() => {
            back.to_step(here, &format!("#ind-{indicator}"))
        }
        Ok((indicator, form)) => {
            back.with_error(here, &format!("#ind-{indicator}"), AppError::Invalid(form))
        }
        Err(err) => back.with_error(here, "", err),
    }
}

/// `GET /bukti/{id}`: the file, for the employee and their appraisers only.
async fn download_evidence(
    State(state): State<AppState>,
    Path(evidence): Path<EvidenceId>,
    headers: HeaderMap,
    client: ClientInfo,
) -> Response {
    let store = state.evidence.clone();
    match evaluation::download(&state.db, &store, &client, evidence).await {
        Ok((kind, name, bytes)) => {
            // A photo opens in the browser; a PDF is saved and opened by a viewer of its own,
            // never as a document of this site (a PDF can carry script and forms).
            let how = if kind.mime().starts_with("image/") {
                "inline"
            } else {
                "attachment"
            };
            let disposition = format!(
                "{how}; filename=\"{}\"; filename*=UTF-8''{}",
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
            // Whatever an uploaded file holds, opened here it runs nothing and reaches nothing.
            h.insert(
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("sandbox; default-src 'none'; img-src 'self'"),
            );
            res
        }
        Err(AppError::Unauthenticated) => {
            let next =
                crate::domain::directory::encode_params(&[("next", paths::download(evidence))]);
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
