//! The form kit every form is drawn with: [`Posted`] decides what a field shows (what was typed,
//! when a plain post came back with field errors, else the stored value) and its translated error;
//! the field components draw a labelled control with its hint and error, wired for screen readers
//! (`aria-describedby`, `aria-invalid`) the same way on every page.

use crate::error::{AppError, FormErrors};
use crate::i18n::*;
use crate::ui::error::{SUMMARY_ID, field_message, posted_failure};
use leptos::prelude::*;
use std::sync::{Arc, Mutex};

type I18n = leptos_i18n::I18nContext<Locale>;

/// What one form post brought back. Without JavaScript a refused post redirects the browser back
/// to the page with the typed values and the field errors (`FormErrors`), so nothing typed is
/// lost; this is empty when the form was not posted, or posted fine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Posted(Option<FormErrors>);

impl Posted {
    /// The post to the server function at `path`, if it came back with field errors, and the
    /// error that was not about fields (conflict, forbidden, …) for an `ErrorNotice`.
    pub fn to(path: &str) -> (Self, Option<AppError>) {
        match posted_failure().filter(|(posted_to, _)| posted_to == path) {
            Some((_, AppError::Invalid(form))) => (Self(Some(form)), None),
            Some((_, error)) => (Self(None), Some(error)),
            None => (Self(None), None),
        }
    }

    /// A page with many forms posting to the same function (one per row) tells them apart by a
    /// key field: this is the post in `failure` to `path` whose `key.0` field held `key.1`
    /// (an absent field counts as empty, the way "new row" forms post it).
    pub fn among(failure: &Option<(String, AppError)>, path: &str, key: (&str, &str)) -> Self {
        match failure {
            Some((posted_to, AppError::Invalid(form)))
                if posted_to == path && form.value_of(key.0).unwrap_or_default() == key.1 =>
            {
                Self(Some(form.clone()))
            }
            _ => Self(None),
        }
    }

    /// The post in `failure` to `path` with field errors, whatever it held.
    pub fn of(failure: &Option<(String, AppError)>, path: &str) -> Self {
        match failure {
            Some((posted_to, AppError::Invalid(form))) if posted_to == path => {
                Self(Some(form.clone()))
            }
            _ => Self(None),
        }
    }

    pub fn from_form(form: Option<FormErrors>) -> Self {
        Self(form)
    }

    /// The field errors of an already-read failure, if it has any.
    pub fn from_error(error: &Option<AppError>) -> Self {
        Self(error.as_ref().and_then(AppError::form).cloned())
    }

    /// This post only if `keep` says it belongs to the form being drawn.
    pub fn filter(self, keep: impl FnOnce(&Self) -> bool) -> Self {
        if keep(&self) { self } else { Self(None) }
    }

    pub fn is_posted(&self) -> bool {
        self.0.is_some()
    }

    pub fn form(&self) -> Option<&FormErrors> {
        self.0.as_ref()
    }

    /// What was typed into `field`, if this post carried it.
    pub fn typed(&self, field: &str) -> Option<&str> {
        self.0.as_ref()?.value_of(field)
    }

    /// What `field` shows: what was typed into it, else `stored`.
    pub fn value(&self, field: &str, stored: &str) -> String {
        self.typed(field).unwrap_or(stored).to_owned()
    }

    /// The translated problem with `field`, if it has one.
    pub fn error(&self, i18n: I18n, field: &str) -> Option<String> {
        self.error_code(field).map(|code| field_message(i18n, code))
    }

    pub fn error_code(&self, field: &str) -> Option<&str> {
        self.0.as_ref()?.error_for(field)
    }
}

fn invalid(error: &Option<String>) -> &'static str {
    if error.is_some() { "true" } else { "false" }
}

/// The ids a control points at: its hint (when there is one), then its error.
fn described_by(id: &str, has_hint: bool) -> String {
    if has_hint {
        format!("{id}-hint {id}-error")
    } else {
        format!("{id}-error")
    }
}

/// What every field draws around its control: the label, then the control, its hint and the
/// error the control's `aria-describedby` points at ([`described_by`]).
#[component]
fn FieldFrame(
    id: String,
    /// The posted name, which the server's field errors are keyed by.
    name: String,
    label: String,
    required: bool,
    hint: Option<String>,
    error: Option<String>,
    /// `"grow"` for the one field of a filter bar that takes the spare width.
    class: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let class = match class {
        Some(extra) => format!("field {extra}"),
        None => "field".to_owned(),
    };
    report_to_summary(&name, &id, &label, &error);
    view! {
        <div class=class>
            <label for=id.clone()>{label}{required.then_some(" *")}</label>
            {children()}
            {hint.map(|h| view! { <p id=format!("{id}-hint") class="hint">{h}</p> })}
            <p id=format!("{id}-error") class="field-error">{error}</p>
        </div>
    }
}

/// A labelled single-line input. `id` defaults to `name`; pages with many forms of the same kind
/// give each its own so labels stay unique.
#[component]
pub fn TextField(
    #[prop(into)] name: String,
    label: String,
    value: String,
    error: Option<String>,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] required: bool,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    /// Bounds of a `number` or `date` input.
    #[prop(optional)]
    min: Option<&'static str>,
    #[prop(optional)] max: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] autocapitalize: Option<&'static str>,
    /// `"false"` for identifiers (NIP, login) that a spell checker would only mark red.
    #[prop(optional)]
    spellcheck: Option<&'static str>,
    #[prop(optional, into)] placeholder: Option<String>,
    #[prop(optional)] class: Option<&'static str>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| name.clone());
    let described = described_by(&id, hint.is_some());
    let invalid = invalid(&error);
    view! {
        <FieldFrame id=id.clone() name=name.clone() label required hint error class=class>
            <input id=id.clone() name=name.clone() type=kind value=value.clone() required=required
                inputmode=inputmode min=min max=max autocomplete=autocomplete
                autocapitalize=autocapitalize spellcheck=spellcheck placeholder=placeholder.clone()
                aria-describedby=described.clone() aria-invalid=invalid />
        </FieldFrame>
    }
}

/// A date, typed as `31-01-2026` (read by `domain::text::parse_date_input`, which also takes
/// `31012026` from a phone's number pad). The browser's own date picker would write the date in
/// the browser's language rather than the page's; this field writes it the same way everywhere.
#[component]
pub fn DateField(
    #[prop(into)] name: String,
    label: String,
    /// As `domain::text::date_input_value` writes it, or as typed.
    value: String,
    error: Option<String>,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] required: bool,
    #[prop(optional)] class: Option<&'static str>,
    /// In a filter bar: the format is left to the placeholder, so the fields line up.
    #[prop(optional)]
    terse: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let format = t_string!(i18n, forms.date_format).to_string();
    let hint = match (hint, terse) {
        (Some(hint), false) => Some(format!("{hint} {format}")),
        (None, false) => Some(format),
        (hint, true) => hint,
    };
    let id = id.unwrap_or_else(|| name.clone());
    let described = described_by(&id, hint.is_some());
    let invalid = invalid(&error);
    view! {
        <FieldFrame id=id.clone() name=name.clone() label required hint error class=class>
            <input id=id.clone() name=name.clone() type="text" value=value.clone() required=required
                inputmode="numeric" autocomplete="off" maxlength="10" size="10"
                placeholder=t_string!(i18n, forms.date_placeholder).to_string()
                aria-describedby=described.clone() aria-invalid=invalid />
        </FieldFrame>
    }
}

/// The six-digit code of an authenticator app (`name="code"`): a numeric keypad on phones and
/// the one-time-code autofill; never refilled, a code is good for one try.
#[component]
pub fn CodeField(
    id: &'static str,
    label: String,
    error: Option<String>,
    #[prop(optional)] autofocus: bool,
) -> impl IntoView {
    let described = described_by(id, false);
    let invalid = invalid(&error);
    view! {
        <FieldFrame id=id.to_owned() name="code".to_owned() label required=false hint=None error class=None>
            <input id=id name="code" type="text" inputmode="numeric" pattern="[0-9 ]*"
                autocomplete="one-time-code" maxlength="7" required autofocus=autofocus
                aria-describedby=described.clone() aria-invalid=invalid />
        </FieldFrame>
    }
}

/// A yes/no setting: the box inside its label, then its hint and error. Unchecked boxes are not
/// posted at all, so the server reads a missing field as "no".
#[component]
pub fn CheckboxField(
    name: &'static str,
    label: String,
    checked: bool,
    error: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let described = described_by(name, hint.is_some());
    report_to_summary(name, name, &label, &error);
    view! {
        <div class="field checkbox">
            <label>
                <input type="checkbox" id=name name=name value="on" checked=checked
                    aria-describedby=described aria-invalid=invalid(&error) />
                " "{label}
            </label>
            {hint.map(|h| view! { <p id=format!("{name}-hint") class="hint">{h}</p> })}
            <p id=format!("{name}-error") class="field-error">{error}</p>
        </div>
    }
}

/// A labelled multi-line input (through [`TextArea`], which keeps markup in the value as text).
#[component]
pub fn TextAreaField(
    #[prop(into)] name: String,
    label: String,
    value: String,
    error: Option<String>,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(default = "3")] rows: &'static str,
    #[prop(optional)] maxlength: Option<usize>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| name.clone());
    let described = described_by(&id, hint.is_some());
    let invalid = invalid(&error);
    view! {
        <FieldFrame id=id.clone() name=name.clone() label required=false hint error class=None>
            <TextArea value=value.clone() {..} id=id.clone() name=name.clone() rows=rows
                maxlength=maxlength.map(|n| n.to_string()) aria-describedby=described.clone()
                aria-invalid=invalid />
        </FieldFrame>
    }
}

/// A labelled select of `(value, text)` options; `placeholder` adds an empty first choice.
#[component]
pub fn SelectField(
    #[prop(into)] name: String,
    label: String,
    value: String,
    options: Vec<(String, String)>,
    error: Option<String>,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional, into)] placeholder: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| name.clone());
    let described = described_by(&id, hint.is_some());
    let invalid = invalid(&error);
    let choices = options
        .into_iter()
        .map(|(v, text)| {
            let selected = v.eq_ignore_ascii_case(&value);
            view! { <option value=v selected=selected>{text}</option> }
        })
        .collect_view();
    view! {
        <FieldFrame id=id.clone() name=name.clone() label required hint error class=None>
            <select id=id.clone() name=name.clone() aria-describedby=described.clone() aria-invalid=invalid>
                {placeholder.clone().map(|p| view! { <option value="">{p}</option> })}
                {choices}
            </select>
        </FieldFrame>
    }
}

/// One choice among a few, as radio buttons under a legend (`options` are `(value, text)`).
#[component]
pub fn RadioField(
    name: &'static str,
    legend: String,
    value: String,
    options: Vec<(String, String)>,
    error: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let described = described_by(name, hint.is_some());
    let invalid = invalid(&error);
    report_to_summary(name, &format!("{name}-0"), &legend, &error);
    let choices = options
        .into_iter()
        .enumerate()
        .map(|(i, (v, text))| {
            let checked = v == value;
            view! {
                <label class="choice">
                    <input type="radio" id=format!("{name}-{i}") name=name value=v checked=checked
                        aria-describedby=described.clone() aria-invalid=invalid />
                    " "{text}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field">
            <legend>{legend}</legend>
            {choices}
            {hint.map(|h| view! { <p id=format!("{name}-hint") class="hint">{h}</p> })}
            <p id=format!("{name}-error") class="field-error">{error}</p>
        </fieldset>
    }
}

/// A file picker; the file is checked again by the server whatever `accept` lets through.
#[component]
pub fn FileField(
    name: &'static str,
    label: String,
    accept: &'static str,
    error: Option<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let described = described_by(name, hint.is_some());
    let invalid = invalid(&error);
    view! {
        <FieldFrame id=name.to_owned() name=name.to_owned() label required hint error class=None>
            <input id=name name=name type="file" accept=accept required=required
                aria-describedby=described.clone() aria-invalid=invalid />
        </FieldFrame>
    }
}

/// A password input with its label, optional hint and error; it is never refilled (typed
/// passwords are not sent back).
#[component]
pub fn PasswordField(
    name: &'static str,
    label: String,
    #[prop(optional)] hint: Option<String>,
    error: Option<String>,
    autocomplete: &'static str,
) -> impl IntoView {
    let described = described_by(name, hint.is_some());
    let invalid = invalid(&error);
    view! {
        <FieldFrame id=name.to_owned() name=name.to_owned() label required=false hint error class=None>
            <input id=name name=name type="password" autocomplete=autocomplete required
                aria-describedby=described.clone() aria-invalid=invalid />
        </FieldFrame>
    }
}

/// A value the form sends back unchanged (the row's id, the version it was read at).
#[component]
pub fn Hidden(#[prop(into)] name: String, #[prop(into)] value: String) -> impl IntoView {
    view! { <input type="hidden" name=name value=value /> }
}

/// A `<textarea>` holding `value` as text, whatever it contains.
///
/// Leptos writes a textarea's children into the page without escaping (it treats the element
/// like `<script>`), so a value holding `</textarea><script>…` would end the element and run as
/// markup. Every multi-line field goes through this component, which escapes the value itself.
/// Other attributes (`id`, `name`, `rows`, ARIA) are passed after `{..}` at the call site.
#[component]
pub fn TextArea(#[prop(into)] value: String) -> impl IntoView {
    // The HTML parser drops one newline right after the start tag; a leading newline of the value
    // itself survives only if another one comes first.
    let html = if value.starts_with('\n') || value.starts_with("\r\n") {
        format!("\n{}", html_escape::encode_text(&value))
    } else {
        html_escape::encode_text(&value).into_owned()
    };
    view! { <textarea inner_html=html></textarea> }
}

/// A field drawn with an error: where the summary's link goes and what it says.
#[derive(Clone, Debug)]
struct Reported {
    name: String,
    id: String,
    label: String,
    message: String,
}

/// What the fields drawn with an error report while a page is drawn, for the page's
/// [`FormErrorSummary`]. Only the form a refused post returned to has errors (every `Posted`
/// is narrowed to one form), so one list per page is enough.
#[derive(Clone, Default)]
pub struct FieldReports(Arc<Mutex<Vec<Reported>>>);

/// Gives the page being drawn its [`FieldReports`] (the app does this once per page).
pub fn provide_field_reports() {
    provide_context(FieldReports::default());
}

/// Tells the page that the field `name`, drawn as the control `id`, has `error`.
pub(crate) fn report_to_summary(name: &str, id: &str, label: &str, error: &Option<String>) {
    let (Some(message), Some(FieldReports(reported))) = (error, use_context::<FieldReports>())
    else {
        return;
    };
    if let Ok(mut reported) = reported.lock() {
        reported.push(Reported {
            name: name.to_owned(),
            id: id.to_owned(),
            label: label.trim_end_matches(" *").to_owned(),
            message: message.clone(),
        });
    }
}

/// The error summary of a refused form, put first inside it: one line per problem, named by the
/// field's label and linked to the field (following the link focuses the field, and opens a
/// closed section around it), so a person on a long page sees at once what to fix. The browser
/// is sent here (`SUMMARY_ID`). Problems without a field in the form are listed unlinked.
///
/// It is drawn after the rest of the page is built, when the form's fields have reported.
#[component]
pub fn FormErrorSummary(
    /// What the post brought back, already narrowed to this form.
    posted: Posted,
) -> impl IntoView {
    let i18n = use_i18n();
    let reports = use_context::<FieldReports>();
    move || {
        let form = posted.form()?;
        let reported = reports
            .as_ref()
            .and_then(|r| r.0.lock().ok().map(|r| r.clone()))
            .unwrap_or_default();
        // Some forms report a field's errors under its id (rows of one name, `periodic[n]`).
        let refused = |r: &Reported| form.fields.iter().any(|(f, _)| *f == r.name || *f == r.id);
        // In the order the fields stand on the page, then what has no field in the form.
        let mut lines: Vec<(Option<String>, String)> = reported
            .iter()
            .filter(|r| refused(r))
            .map(|r| (Some(r.id.clone()), format!("{}: {}", r.label, r.message)))
            .collect();
        for (field, code) in &form.fields {
            let drawn = reported.iter().any(|r| *field == r.name || *field == r.id);
            let line = (None, field_message(i18n, code));
            if !drawn && !lines.contains(&line) {
                lines.push(line);
            }
        }
        lines.dedup();
        (!lines.is_empty()).then(|| view! { <ErrorSummary lines /> })
    }
}

/// The box that opens a refused form (see [`FormErrorSummary`]): `lines` are the problems, with
/// the id of the control each one links to.
#[component]
pub fn ErrorSummary(lines: Vec<(Option<String>, String)>) -> impl IntoView {
    let i18n = use_i18n();
    const TITLE_ID: &str = "ringkasan-galat-judul";
    view! {
        // Focused when the page opens (also without JavaScript), so a screen reader reads it.
        <div class="error-summary" id=SUMMARY_ID tabindex="-1" role="alert" autofocus
            aria-labelledby=TITLE_ID data-testid="error-summary">
            <h2 id=TITLE_ID>{t!(i18n, errors.summary_title)}</h2>
            <ul>
                {lines.into_iter().map(|(target, text)| match target {
                    Some(id) => view! { <li><a href=format!("#{id}")>{text}</a></li> }.into_any(),
                    None => view! { <li>{text}</li> }.into_any(),
                }).collect_view()}
            </ul>
        </div>
    }
}
