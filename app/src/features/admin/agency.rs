//! `/admin/instansi`: the agency's settings (agency admins).

// A server function's arguments are the form's fields, one each (the generated client stub
// repeats them, so the allowance is for the whole module).
#![allow(clippy::too_many_arguments)]

use super::pages::{AdminNav, load_failure};
use crate::domain::agency::{AgencyTimeZone, EvaluationInterval};
use crate::domain::vocabulary::IntoEnumIterator;
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::banner::{Banner, Tone};
use crate::ui::error::ErrorNotice;
use crate::ui::form::{CheckboxField, FormErrorSummary, Hidden, Posted, SelectField, TextField};
use crate::ui::page::PageHeader;
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencySettings {
    pub version: i32,
    pub name: String,
    pub short_name: String,
    pub time_zone: AgencyTimeZone,
    pub evaluation_interval: EvaluationInterval,
    pub require_admin_mfa: bool,
    pub require_evidence: bool,
    pub lock_late_submissions: bool,
    pub document_place: String,
}

#[server(endpoint = "admin/agency")]
pub async fn load_agency_settings() -> Result<AgencySettings, AppError> {
    crate::state::respond(ssr::load().await)
}

/// `require_admin_mfa`, `require_evidence` and `lock_late_submissions` are checkboxes: present (any value) when ticked.
/// A post without `document_place` leaves the stored place as it is.
#[server(endpoint = "admin/agency/update")]
pub async fn update_agency(
    version: i32,
    name: String,
    short_name: String,
    time_zone: String,
    evaluation_interval: String,
    require_admin_mfa: Option<String>,
    require_evidence: Option<String>,
    lock_late_submissions: Option<String>,
    document_place: Option<String>,
) -> Result<(), AppError> {
    crate::state::respond(
        ssr::update(
            version,
            ssr::Settings {
                name,
                short_name,
                time_zone,
                evaluation_interval,
                require_admin_mfa: require_admin_mfa.is_some(),
                require_evidence: require_evidence.is_some(),
                lock_late_submissions: lock_late_submissions.is_some(),
                document_place,
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
    use crate::db::entities::instansi;
    use crate::domain::access::{Action, Target, authorize};
    use crate::domain::text::clean_line;
    use crate::error::FormErrors;
    use crate::state;
    use chrono::Utc;
    use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, QueryOrder, Set};

    async fn agency(
        db: &sea_orm::DatabaseConnection,
    ) -> Result<(instansi::Model, state::CurrentUser), AppError> {
        let user = state::require_user(db).await?;
        authorize(&user.actor, Action::ManageAgency, Target::Agency)?;
        let row = instansi::Entity::find()
            .order_by_asc(instansi::Column::Id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok((row, user))
    }

    pub async fn load() -> Result<AgencySettings, AppError> {
        let db = state::db()?;
        let (row, _) = agency(&db).await?;
        Ok(AgencySettings {
            version: row.version,
            name: row.name,
            short_name: row.short_name,
            time_zone: row.time_zone,
            evaluation_interval: row.evaluation_interval,
            require_admin_mfa: row.require_admin_mfa,
            require_evidence: row.require_evidence,
            lock_late_submissions: row.lock_late_submissions,
            document_place: row.document_place,
        })
    }

    fn snapshot(row: &instansi::Model) -> serde_json::Value {
        serde_json::json!({
            "name": row.name,
            "short_name": row.short_name,
            "time_zone": row.time_zone,
            "evaluation_interval": row.evaluation_interval,
            "require_admin_mfa": row.require_admin_mfa,
            "require_evidence": row.require_evidence,
            "lock_late_submissions": row.lock_late_submissions,
            "document_place": row.document_place,
        })
    }

    /// The settings form as posted.
    pub struct Settings {
        pub name: String,
        pub short_name: String,
        pub time_zone: String,
        pub evaluation_interval: String,
        pub require_admin_mfa: bool,
        pub require_evidence: bool,
        pub lock_late_submissions: bool,
        pub document_place: Option<String>,
    }

    pub async fn update(version: i32, posted: Settings) -> Result<(), AppError> {
        let Settings {
            name,
            short_name,
            time_zone,
            evaluation_interval,
            require_admin_mfa,
            require_evidence,
            lock_late_submissions,
            document_place,
        } = posted;
        let db = state::db()?;
        let (row, user) = agency(&db).await?;
        if row.version != version {
            return Err(AppError::Conflict);
        }
        let mut errors = FormErrors::default()
            .value("name", &name)
            .value("short_name", &short_name)
            .value(
                "document_place",
                document_place.as_deref().unwrap_or(&row.document_place),
            );
        // May be empty: an agency that has not set it prints a blank to fill in by hand.
        let document_place = match document_place.as_deref().map(|p| clean_line(p, 80)) {
            None => row.document_place.clone(),
            Some(Ok(place)) => place,
            Some(Err(code)) => {
                errors = errors.field("document_place", code);
                String::new()
            }
        };
        let clean = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let (name, short_name) = (clean(&name), clean(&short_name));
        for (field, value, max) in [("name", &name, 200), ("short_name", &short_name, 80)] {
            if value.is_empty() {
                errors = errors.field(field, "required");
            } else if let Err(code) = crate::domain::text::refuse_control(value) {
                errors = errors.field(field, code);
            } else if value.chars().count() > max {
                errors = errors.field(field, "too_long");
            }
        }
        let time_zone = time_zone.parse::<AgencyTimeZone>();
        if time_zone.is_err() {
            errors = errors.field("time_zone", "invalid");
        }
        let interval = evaluation_interval.parse::<EvaluationInterval>();
        if interval.is_err() {
            errors = errors.field("evaluation_interval", "invalid");
        }
        // Turning the rule on without a second factor of one's own would lock oneself out.
        if require_admin_mfa && !row.require_admin_mfa && !user.account.totp_enabled {
            errors = errors.field("require_admin_mfa", "mfa_enable_own_first");
        }
        let (Ok(time_zone), Ok(interval)) = (time_zone, interval) else {
            return Err(AppError::Invalid(errors));
        };
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let before = snapshot(&row);
        let mut active = row.into_active_model();
        active.name = Set(name);
        active.short_name = Set(short_name);
        active.time_zone = Set(time_zone);
        active.evaluation_interval = Set(interval);
        active.require_admin_mfa = Set(require_admin_mfa);
        active.require_evidence = Set(require_evidence);
        active.lock_late_submissions = Set(lock_late_submissions);
        active.document_place = Set(document_place);
        active.version = Set(version + 1);
        active.updated_at = Set(Utc::now());
        let saved = active.update(&db).await?;
        audit::record(
            &db,
            Entry {
                actor_user_id: Some(user.account.id),
                action: "agency_updated",
                object_type: "instansi",
                object_id: Some(saved.id.to_string()),
                before: Some(before),
                after: Some(snapshot(&saved)),
            },
            &ClientInfo::current(),
        )
        .await?;
        leptos_axum::redirect("/admin/instansi?disimpan=1");
        Ok(())
    }
}

#[component]
pub fn AgencySettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = OnceResource::new(load_agency_settings());
    view! {
        <PageTitle text=move || t_string!(i18n, agency.title).to_string() />
        <AdminNav current="/admin/instansi" />
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(settings) => view! {
                        {settings_form(i18n, settings)}
                        <super::officials::ExternalOfficials />
                    }.into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

/// The evaluation intervals as offered in a select, with how often each comes round.
pub(crate) fn interval_options(i18n: leptos_i18n::I18nContext<Locale>) -> Vec<(String, String)> {
    EvaluationInterval::iter()
        .map(|i| {
            let label = match i {
                EvaluationInterval::Monthly => t_string!(i18n, agency.monthly),
                EvaluationInterval::Quarterly => t_string!(i18n, agency.quarterly),
                EvaluationInterval::Semester => t_string!(i18n, agency.semester),
            };
            (i.as_str().to_owned(), label.to_string())
        })
        .collect()
}

fn settings_form(i18n: leptos_i18n::I18nContext<Locale>, s: AgencySettings) -> impl IntoView {
    let (form, general) = Posted::to(UpdateAgency::url());
    let saved = !form.is_posted()
        && general.is_none()
        && use_query_map().with_untracked(|q| q.get("disimpan").is_some());
    let mfa_error = form.error(i18n, "require_admin_mfa");
    let time_zones = AgencyTimeZone::iter()
        .map(|tz| {
            let text = format!("{} ({})", tz.abbreviation(), tz.iana_name());
            (tz.iana_name().to_owned(), text)
        })
        .collect();
    let intervals = interval_options(i18n);
    view! {
        <section class="admin-page" aria-labelledby="agency-title">
            <PageHeader id="agency-title" title=t_string!(i18n, agency.title).to_string() />
            {saved.then(|| view! { <Banner tone=Tone::Success announce=true><p>{t!(i18n, admin.saved)}</p></Banner> })}
            {general.map(|error| view! { <ErrorNotice error /> })}
            <form class="form narrow" method="post" action=UpdateAgency::url() novalidate>
                <FormErrorSummary posted=form.clone() />
                <Hidden name="version" value={s.version.to_string()} />
                <TextField name="name" label={t_string!(i18n, agency.name).to_string()}
                    value={form.value("name", &s.name)} error={form.error(i18n, "name")} />
                <TextField name="short_name" label={t_string!(i18n, agency.short_name).to_string()}
                    value={form.value("short_name", &s.short_name)} error={form.error(i18n, "short_name")} />
                <TextField name="document_place" label={t_string!(i18n, agency.document_place).to_string()}
                    value={form.value("document_place", &s.document_place)} error={form.error(i18n, "document_place")}
                    hint={t_string!(i18n, agency.document_place_hint).to_string()} />
                <SelectField name="time_zone" label={t_string!(i18n, agency.time_zone).to_string()}
                    value={form.value("time_zone", s.time_zone.iana_name())} options=time_zones
                    error={form.error(i18n, "time_zone")} />
                <SelectField name="evaluation_interval" label={t_string!(i18n, agency.interval).to_string()}
                    value={form.value("evaluation_interval", s.evaluation_interval.as_str())} options=intervals
                    error={form.error(i18n, "evaluation_interval")} />
                <CheckboxField name="require_admin_mfa" label={t_string!(i18n, agency.require_mfa).to_string()}
                    checked={s.require_admin_mfa} error={mfa_error}
                    hint={t_string!(i18n, agency.require_mfa_hint).to_string()} />
                <CheckboxField name="require_evidence" label={t_string!(i18n, agency.require_evidence).to_string()}
                    checked={s.require_evidence} error={form.error(i18n, "require_evidence")}
                    hint={t_string!(i18n, agency.require_evidence_hint).to_string()} />
                <CheckboxField name="lock_late_submissions" label={t_string!(i18n, agency.lock_late).to_string()}
                    checked={s.lock_late_submissions} error={form.error(i18n, "lock_late_submissions")}
                    hint={t_string!(i18n, agency.lock_late_hint).to_string()} />
                <button class="button" type="submit">{t!(i18n, admin.save)}</button>
            </form>
        </section>
    }
}
