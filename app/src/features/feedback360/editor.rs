//! The agency's 360° instrument at `/admin/instrumen-360`: the official statements, which stay,
//! and the agency's own, which an agency-wide admin adds or removes. Every change stores a new
//! version; a cycle answers the version that was newest when it opened, so a change never
//! alters a form someone is already answering.

use super::types::InstrumentView;
use crate::domain::feedback360::{Audience, MAX_OWN_ITEMS};
use crate::error::AppError;
use crate::features::admin::{AdminNav, load_failure};
use crate::features::skp::value_name;
use crate::i18n::*;
use crate::ui::banner::{Banner, Tone};
use crate::ui::error::ErrorNotice;
use crate::ui::form::{FormErrorSummary, Hidden, Posted, SelectField, TextAreaField};
use crate::ui::page::{Card, PageHeader};
use crate::ui::tag::{Tag, TagTone};
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_router::hooks::use_query_map;

type I18n = leptos_i18n::I18nContext<Locale>;

#[server(endpoint = "admin/360/instrument")]
pub async fn load_instrument() -> Result<InstrumentView, AppError> {
    crate::state::respond(ssr::view().await)
}

/// `version`: the version the admin was looking at; a newer one refuses the change.
#[server(endpoint = "admin/360/instrument/add")]
pub async fn add_instrument_item(
    version: i32,
    value: String,
    audience: String,
    text_id: String,
    text_en: String,
) -> Result<(), AppError> {
    let draft = crate::domain::feedback360::ItemDraft {
        value,
        audience,
        text_id,
        text_en,
    };
    crate::state::respond(ssr::add(version, draft).await)
}

#[server(endpoint = "admin/360/instrument/remove")]
pub async fn remove_instrument_item(version: i32, number: String) -> Result<(), AppError> {
    crate::state::respond(ssr::remove(version, number).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::db::agency::Agency;
    use crate::db::feedback360 as store;
    use crate::domain::access::{Action, Target, authorize};
    use crate::domain::feedback360::{Item, ItemDraft, add_item, is_own_item, remove_item};
    use crate::error::FormErrors;
    use crate::features::feedback360::types::InstrumentItem;
    use crate::state::CurrentUser;
    use sea_orm::{DatabaseConnection, TransactionTrait};

    /// The instrument is the agency's: only those who run cycles agency-wide change it.
    async fn agency_admin() -> Result<(DatabaseConnection, CurrentUser, Agency), AppError> {
        let (db, user, agency) = super::super::api::ssr::signed_in().await?;
        authorize(&user.actor, Action::ManageFeedbackCycles, Target::Agency)?;
        Ok((db, user, agency))
    }

    /// The newest stored version and its statements; version 0 with the official statements
    /// while the agency has none stored.
    async fn current(
        db: &impl sea_orm::ConnectionTrait,
        agency: &Agency,
    ) -> Result<(i32, Option<chrono::DateTime<chrono::Utc>>, Vec<Item>), AppError> {
        Ok(
            match store::latest_instrument_version(db, agency.id).await? {
                Some(stored) => (
                    stored.version,
                    Some(stored.created_at),
                    store::items(db, stored.id).await?,
                ),
                None => (0, None, super::super::instrument::default_items()),
            },
        )
    }

    pub async fn view() -> Result<InstrumentView, AppError> {
        let (db, _, agency) = agency_admin().await?;
        let (version, since, items) = current(&db, &agency).await?;
        let english = super::super::api::ssr::english();
        let own = items.iter().filter(|i| is_own_item(i.number)).count();
        let mut values: Vec<(u8, Vec<InstrumentItem>)> = Vec::new();
        for item in items {
            let row = InstrumentItem {
                number: item.number,
                audience: item.audience,
                text: if english { item.text_en } else { item.text_id },
                own: is_own_item(item.number),
            };
            let value = item.value.number();
            match values.iter_mut().find(|(v, _)| *v == value) {
                Some((_, list)) => list.push(row),
                None => values.push((value, vec![row])),
            }
        }
        values.sort_by_key(|(v, _)| *v);
        Ok(InstrumentView {
            version,
            since: since.map(|at| {
                at.with_timezone(&agency.time_zone.utc_offset())
                    .date_naive()
            }),
            values,
            own,
        })
    }

    pub async fn add(version: i32, draft: ItemDraft) -> Result<(), AppError> {
        let (db, user, agency) = agency_admin().await?;
        let mut errors = FormErrors::default()
            .value("value", &draft.value)
            .value("audience", &draft.audience)
            .value("text_id", &draft.text_id)
            .value("text_en", &draft.text_en);
        let txn = db.begin().await?;
        let (stored, _, items) = current(&txn, &agency).await?;
        // Changed by somebody else meanwhile: the page comes back with the newest statements
        // and what was typed, to be saved again on top of them.
        if stored != version {
            return Err(AppError::Invalid(errors.field("version", "stale")));
        }
        let highest = store::highest_item_number(&txn, agency.id).await?;
        let next = match add_item(&items, highest, &draft) {
            Ok(next) => next,
            Err(problems) => {
                for (field, code) in problems {
                    errors = errors.field(field, code);
                }
                return Err(AppError::Invalid(errors));
            }
        };
        save(txn, &user, &agency, stored, &items, &next).await
    }

    pub async fn remove(version: i32, number: String) -> Result<(), AppError> {
        let (db, user, agency) = agency_admin().await?;
        let number: u16 = number.trim().parse().map_err(|_| {
            AppError::Invalid(FormErrors::default().field("number", "malformed_request"))
        })?;
        let txn = db.begin().await?;
        let (stored, _, items) = current(&txn, &agency).await?;
        if stored != version {
            // Nothing typed to keep: the page shows the newest list to remove from again.
            return Err(AppError::Invalid(
                FormErrors::default().field("version", "stale_list"),
            ));
        }
        let next = remove_item(&items, number)
            .map_err(|code| AppError::Invalid(FormErrors::default().field("form", code)))?;
        save(txn, &user, &agency, stored, &items, &next).await
    }

    /// Stores `next` as the version after `stored`. Two admins saving at once both read the
    /// same version; the unique version number lets one of them in and refuses the other
    /// (`store::create_instrument`).
    async fn save(
        txn: sea_orm::DatabaseTransaction,
        user: &CurrentUser,
        agency: &Agency,
        stored: i32,
        before: &[Item],
        next: &[Item],
    ) -> Result<(), AppError> {
        let id = store::create_instrument(&txn, agency.id, next, chrono::Utc::now()).await?;
        crate::db::audit::record(
            &txn,
            crate::db::audit::Entry {
                actor_user_id: Some(user.account.id),
                action: "feedback360.instrument",
                object_type: "instrumen_360",
                object_id: Some(id.to_string()),
                before: Some(serde_json::json!({ "version": stored, "items": before.len() })),
                after: Some(serde_json::json!({ "version": stored + 1, "items": next.len() })),
            },
            &crate::auth::server::ClientInfo::current(),
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect("/admin/instrumen-360?disimpan=1");
        Ok(())
    }
}

#[component]
pub fn InstrumentPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = OnceResource::new(load_instrument());
    view! {
        <PageTitle text=move || t_string!(i18n, feedback360.instrument_title).to_string() />
        <AdminNav current="/admin/360" />
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => instrument_page(i18n, view).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

fn audience_label(i18n: I18n, audience: Audience) -> String {
    match audience {
        Audience::Internal => t_string!(i18n, feedback360.audience_internal),
        Audience::External => t_string!(i18n, feedback360.audience_external),
    }
    .to_string()
}

fn instrument_page(i18n: I18n, v: InstrumentView) -> impl IntoView {
    let locale = i18n.get_locale_untracked();
    let (added, add_error) = Posted::to(AddInstrumentItem::url());
    let (removed, remove_error) = Posted::to(RemoveInstrumentItem::url());
    let saved = add_error.is_none()
        && remove_error.is_none()
        && use_query_map().with_untracked(|q| q.get("disimpan").is_some());
    let version = v.version.to_string();
    let status = match v.since {
        Some(day) => t_string!(
            i18n,
            feedback360.instrument_version,
            version = v.version,
            date = crate::ui::dates::long_date(locale, day)
        )
        .to_string(),
        None => t_string!(i18n, feedback360.instrument_default).to_string(),
    };
    let full = v.own >= MAX_OWN_ITEMS;
    let values = v
        .values
        .into_iter()
        .map(|(value, items)| {
            let rows = items
                .into_iter()
                .map(|item| {
                    let remove = item.own.then(|| {
                        view! {
                            <form method="post" action=RemoveInstrumentItem::url() class="inline-form">
                                <Hidden name="version" value=version.clone() />
                                <Hidden name="number" value=item.number.to_string() />
                                <button class="button button-secondary button-small" type="submit"
                                    data-testid=format!("remove-item-{}", item.number)>
                                    {t!(i18n, feedback360.instrument_remove)}
                                </button>
                            </form>
                        }
                    });
                    let own = item.own.then(|| view! {
                        " "<Tag tone=TagTone::Done>{t_string!(i18n, feedback360.instrument_own).to_string()}</Tag>
                    });
                    view! {
                        <li class="instrument-item" data-testid=format!("item-{}", item.number)>
                            <p>{item.text}</p>
                            <p class="muted">
                                <Tag tone=TagTone::Neutral>{audience_label(i18n, item.audience)}</Tag>
                                {own}
                            </p>
                            {remove}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3>{format!("{value}. ")}{value_name(i18n, value)}</h3>
                <ol class="plain-list instrument-list">{rows}</ol>
            }
        })
        .collect_view();
    let value_options: Vec<(String, String)> = (1..=7u8)
        .map(|n| (n.to_string(), format!("{n}. {}", value_name(i18n, n))))
        .collect();
    let audience_options: Vec<(String, String)> = [Audience::Internal, Audience::External]
        .into_iter()
        .map(|a| (a.as_str().to_owned(), audience_label(i18n, a)))
        .collect();
    view! {
        <section class="admin-page" aria-labelledby="instrument-title">
            <p><a href="/admin/360">{t!(i18n, feedback360.back)}</a></p>
            <PageHeader id="instrument-title" title=t_string!(i18n, feedback360.instrument_title).to_string()>
                <p class="muted" data-testid="instrument-version">{status}</p>
                <p class="muted">{t!(i18n, feedback360.instrument_intro)}</p>
            </PageHeader>
            {saved.then(|| view! { <Banner tone=Tone::Success announce=true><p>{t!(i18n, admin.saved)}</p></Banner> })}
            {remove_error.map(|error| view! { <ErrorNotice error /> })}
            {add_error.map(|error| view! { <ErrorNotice error /> })}
            <Card id="instrument-add" title=t_string!(i18n, feedback360.instrument_add_title).to_string()>
                {if full {
                    view! { <p class="hint" data-testid="instrument-full">{t!(i18n, feedback360.instrument_full, max = MAX_OWN_ITEMS)}</p> }.into_any()
                } else {
                    view! {
                        <form class="form narrow" method="post" action=AddInstrumentItem::url() novalidate>
                            <FormErrorSummary posted=added.clone() />
                            <Hidden name="version" value=version.clone() />
                            <SelectField name="value" label=t_string!(i18n, feedback360.instrument_value).to_string()
                                value=added.value("value", "1") options=value_options error=added.error(i18n, "value") />
                            <SelectField name="audience" label=t_string!(i18n, feedback360.instrument_audience).to_string()
                                value=added.value("audience", "internal") options=audience_options error=added.error(i18n, "audience") />
                            <TextAreaField name="text_id" label=t_string!(i18n, feedback360.instrument_text_id).to_string()
                                value=added.value("text_id", "") hint=t_string!(i18n, feedback360.instrument_text_hint).to_string()
                                error=added.error(i18n, "text_id") />
                            <TextAreaField name="text_en" label=t_string!(i18n, feedback360.instrument_text_en).to_string()
                                value=added.value("text_en", "") error=added.error(i18n, "text_en") />
                            <button class="button" type="submit" data-testid="add-item">{t!(i18n, feedback360.instrument_add)}</button>
                        </form>
                    }.into_any()
                }}
            </Card>
            <Card id="instrument-items" title=t_string!(i18n, feedback360.instrument_items).to_string()>
                <FormErrorSummary posted=removed />
                {values}
            </Card>
        </section>
    }
}
