//! Public links of a cycle: service users (citizens, patients) answer without an account through
//! a link for one employee or for a service unit, printed as an A4 poster with its QR code. The
//! cycle's managers make and remove links on the cycle's page; what a service user fills in is
//! in `public.rs`.

use super::pages::mean_text;
use super::types::*;
use crate::domain::ids::{CycleId, PublicLinkId};
use crate::error::AppError;
use crate::features::admin::load_failure;
use crate::features::skp::value_name;
use crate::i18n::*;
use crate::ui::dates::long_date;
use crate::ui::error::posted_error;
use crate::ui::form::{FormErrorSummary, Hidden, Posted, SelectField};
use crate::ui::page::{Card, EmptyState};
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_router::hooks::use_params_map;

type I18n = leptos_i18n::I18nContext<Locale>;

/// The links of a cycle that takes service users' answers; `NotFound` for any other cycle.
#[server(endpoint = "admin/360/links")]
pub async fn load_links(id: CycleId) -> Result<LinksView, AppError> {
    crate::state::respond(ssr::view(id).await)
}

/// `target`: `e<employee id>` or `u<unit id>` (`domain::feedback360::LinkTarget`).
#[server(endpoint = "admin/360/link")]
pub async fn create_public_link(id: CycleId, target: String) -> Result<(), AppError> {
    crate::state::respond(ssr::create(id, target).await)
}

#[server(endpoint = "admin/360/unlink")]
pub async fn delete_public_link(id: CycleId, link: PublicLinkId) -> Result<(), AppError> {
    crate::state::respond(ssr::delete(id, link).await)
}

#[server(endpoint = "admin/360/poster")]
pub async fn load_poster(id: CycleId, link: PublicLinkId) -> Result<PosterView, AppError> {
    crate::state::respond(ssr::poster(id, link).await)
}

#[cfg(feature = "ssr")]
pub(super) mod ssr {
    use super::super::api::ssr::{audited, managed_cycle, signed_in};
    use super::*;
    use crate::db::agency::Agency;
    use crate::db::entities::{siklus_360, tautan_360};
    use crate::db::feedback360 as store;
    use crate::domain::employee::display_name;
    use crate::domain::feedback360::{Column, LinkTarget, RaterGroup, summarise};
    use crate::domain::ids::EmployeeId;
    use crate::domain::skp::CoreValue;
    use crate::domain::vocabulary::IntoEnumIterator;
    use crate::error::FormErrors;
    use crate::state::CurrentUser;
    use chrono::Utc;
    use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
    use std::collections::HashSet;

    /// Links belong to cycles that ask service users.
    fn takes_links(cycle: &siklus_360::Model) -> Result<(), AppError> {
        if store::groups_of(cycle)?.contains(&RaterGroup::External) {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    /// Whom a link is about, as its page and poster name them: (subject, detail).
    pub(in crate::features::feedback360) async fn subject_of(
        db: &impl ConnectionTrait,
        link: &tautan_360::Model,
    ) -> Result<(String, Option<String>, bool), AppError> {
        match store::target_of(link)? {
            LinkTarget::Employee(id) => {
                let people = store::employees(db, [id]).await?;
                let person = people.get(&id).ok_or(AppError::NotFound)?;
                let unit = store::unit_names(db, [person.unit_id]).await?;
                Ok((
                    display_name(
                        person.front_title.as_deref(),
                        &person.name,
                        person.back_title.as_deref(),
                    ),
                    unit.get(&person.unit_id).cloned(),
                    false,
                ))
            }
            LinkTarget::Unit(id) => {
                let units = store::unit_names(db, [id]).await?;
                Ok((
                    units.get(&id).cloned().ok_or(AppError::NotFound)?,
                    None,
                    true,
                ))
            }
        }
    }

    pub async fn view(id: CycleId) -> Result<LinksView, AppError> {
        let (db, user, agency) = signed_in().await?;
        let cycle = managed_cycle(&db, &user, &agency, id).await?;
        takes_links(&cycle)?;
        let settings = store::settings_of(&cycle)?;
        let population = store::population(&db, id).await?;
        let people = store::employees(&db, population.iter().map(|p| p.employee_id)).await?;
        let units = store::unit_names(&db, population.iter().map(|p| p.unit_id)).await?;
        let counts = store::external_counts(&db, id).await?;
        let items = store::items(&db, cycle.instrument_id).await?;
        let name_of = |id: &EmployeeId| {
            people
                .get(id)
                .map(|e| display_name(e.front_title.as_deref(), &e.name, e.back_title.as_deref()))
                .unwrap_or_default()
        };
        let mut linked = HashSet::new();
        let mut rows = Vec::new();
        for link in store::links(&db, id).await? {
            let target = store::target_of(&link)?;
            linked.insert(target);
            let answers = counts.get(&target).copied().unwrap_or(0);
            let row = match target {
                LinkTarget::Employee(employee) => LinkRow {
                    id: link.id,
                    subject: name_of(&employee),
                    detail: people
                        .get(&employee)
                        .and_then(|e| units.get(&e.unit_id).cloned()),
                    unit: false,
                    path: format!("/umpan-balik/{}", link.token),
                    answers,
                    means: None,
                    comments: Vec::new(),
                    released: cycle.state.shows_results(),
                },
                LinkTarget::Unit(unit) => {
                    // Like a person's report, a unit's results wait for the release: means
                    // that move while answers come in would show what one answer said.
                    let (means, comments) = if cycle.state.shows_results() {
                        unit_results(&db, id, unit, &items, settings.min_answers).await?
                    } else {
                        (None, Vec::new())
                    };
                    LinkRow {
                        id: link.id,
                        subject: units.get(&unit).cloned().unwrap_or_default(),
                        detail: None,
                        unit: true,
                        path: format!("/umpan-balik/{}", link.token),
                        answers,
                        means,
                        comments,
                        released: cycle.state.shows_results(),
                    }
                }
            };
            rows.push(row);
        }
        let mut person_choices: Vec<(String, String)> = population
            .iter()
            .filter(|p| !linked.contains(&LinkTarget::Employee(p.employee_id)))
            .map(|p| {
                let unit = units.get(&p.unit_id).cloned().unwrap_or_default();
                (
                    LinkTarget::Employee(p.employee_id).form_value(),
                    format!("{} · {unit}", name_of(&p.employee_id)),
                )
            })
            .collect();
        person_choices.sort_by(|a, b| a.1.cmp(&b.1));
        let mut unit_choices: Vec<(String, String)> = units
            .iter()
            .filter(|(id, _)| !linked.contains(&LinkTarget::Unit(**id)))
            .map(|(id, name)| (LinkTarget::Unit(*id).form_value(), name.clone()))
            .collect();
        unit_choices.sort_by(|a, b| a.1.cmp(&b.1));
        Ok(LinksView {
            cycle: id,
            min_answers: settings.min_answers,
            open_for_links: !cycle.state.is_closed(),
            links: rows,
            people: person_choices,
            units: unit_choices,
        })
    }

    /// A released unit's means per core value (when its answers reach `k`) and its shown
    /// comments, unattributed and scattered as in a person's report.
    async fn unit_results(
        db: &impl ConnectionTrait,
        cycle: CycleId,
        unit: crate::domain::ids::UnitId,
        items: &[crate::domain::feedback360::Item],
        k: u8,
    ) -> Result<(Option<Vec<Option<f32>>>, Vec<String>), AppError> {
        let rows = store::unit_responses(db, cycle, unit).await?;
        let summary = summarise(&rows, items, k);
        let means = summary
            .columns
            .iter()
            .find(|c| c.column == Column::Group(RaterGroup::External))
            .map(|c| {
                CoreValue::iter()
                    .map(|v| {
                        c.values
                            .iter()
                            .find(|(value, _)| *value == v)
                            .and_then(|(_, cell)| cell.mean)
                    })
                    .collect()
            });
        let comments = store::unit_comments(db, cycle, unit).await?;
        let seed = (cycle.get() as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ unit.get() as u64;
        let shown = crate::domain::feedback360::shown_comments(&comments, &summary, seed)
            .into_iter()
            .map(|(_, _, text)| text)
            .collect();
        Ok((means, shown))
    }

    pub async fn create(id: CycleId, target: String) -> Result<(), AppError> {
        let (db, user, agency) = signed_in().await?;
        let cycle = managed_cycle(&db, &user, &agency, id).await?;
        takes_links(&cycle)?;
        if cycle.state.is_closed() {
            return Err(AppError::Conflict);
        }
        let errors = FormErrors::default().value("target", &target);
        let population = store::population(&db, id).await?;
        let target = LinkTarget::parse(&target).filter(|t| match t {
            LinkTarget::Employee(e) => population.iter().any(|p| p.employee_id == *e),
            LinkTarget::Unit(u) => population.iter().any(|p| p.unit_id == *u),
        });
        let Some(target) = target else {
            return Err(AppError::Invalid(
                errors.field("target", "feedback360_link_target"),
            ));
        };
        let txn = db.begin().await?;
        // The unique indexes settle two managers adding the same link at once.
        let Some(link) = store::create_link(&txn, id, target, Utc::now()).await? else {
            return Err(AppError::Invalid(
                errors.field("target", "feedback360_link_exists"),
            ));
        };
        let (subject, _, _) = subject_of(&txn, &link).await?;
        audited(
            &txn,
            &user,
            "feedback360.link",
            id,
            None,
            Some(serde_json::json!({ "link": link.id, "subject": subject })),
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/360/{id}?disimpan=1#tautan"));
        Ok(())
    }

    type ManagedLink = (
        DatabaseConnection,
        CurrentUser,
        Agency,
        siklus_360::Model,
        tautan_360::Model,
    );

    /// A link of a cycle the signed-in person manages, with what the caller needs around it.
    async fn managed_link(id: CycleId, link: PublicLinkId) -> Result<ManagedLink, AppError> {
        let (db, user, agency) = signed_in().await?;
        let cycle = managed_cycle(&db, &user, &agency, id).await?;
        takes_links(&cycle)?;
        let row = store::link(&db, link).await?;
        if row.cycle_id != id {
            return Err(AppError::NotFound);
        }
        Ok((db, user, agency, cycle, row))
    }

    pub async fn delete(id: CycleId, link: PublicLinkId) -> Result<(), AppError> {
        let (db, user, _, _, row) = managed_link(id, link).await?;
        let (subject, _, _) = subject_of(&db, &row).await?;
        let txn = db.begin().await?;
        if !store::delete_link(&txn, id, link).await? {
            return Err(AppError::NotFound);
        }
        audited(
            &txn,
            &user,
            "feedback360.unlink",
            id,
            Some(serde_json::json!({ "link": link, "subject": subject })),
            None,
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("/admin/360/{id}?disimpan=1#tautan"));
        Ok(())
    }

    pub async fn poster(id: CycleId, link: PublicLinkId) -> Result<PosterView, AppError> {
        let (db, _, agency, cycle, row) = managed_link(id, link).await?;
        let (subject, detail, unit) = subject_of(&db, &row).await?;
        let url = format!("{}/umpan-balik/{}", origin(), row.token);
        Ok(PosterView {
            cycle: id,
            agency: agency.name.clone(),
            subject,
            detail,
            unit,
            qr_svg: qr_svg(&url)?,
            url,
            closes_on: cycle.closes_on,
        })
    }

    /// The address the poster prints: `KINERJA_PUBLIC_URL` when set; otherwise where the admin
    /// reached this server (the request's host, over https when a trusted proxy says so).
    fn origin() -> String {
        if let Some(url) = crate::state::app_state().ok().and_then(|s| s.public_url) {
            return url;
        }
        let client = crate::auth::server::ClientInfo::current();
        let host = leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| {
                parts
                    .headers
                    .get(http::header::HOST)
                    .and_then(|h| h.to_str().ok())
                    .map(str::to_owned)
                    .or_else(|| parts.uri.authority().map(|a| a.to_string()))
            })
            .filter(|host| {
                !host.is_empty()
                    && host
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
            })
            .unwrap_or_else(|| "localhost".to_owned());
        let scheme = if client.secure { "https" } else { "http" };
        format!("{scheme}://{host}")
    }

    /// The QR code of `url` as an inline SVG (medium error correction: a poster gets scuffed).
    fn qr_svg(url: &str) -> Result<String, AppError> {
        use qrcode::render::svg;
        let code = qrcode::QrCode::with_error_correction_level(url.as_bytes(), qrcode::EcLevel::M)
            .map_err(|error| {
                tracing::error!(%error, "QR code of a public 360 link");
                AppError::Internal
            })?;
        let document = code
            .render::<svg::Color>()
            .min_dimensions(240, 240)
            .quiet_zone(true)
            .dark_color(svg::Color("#000"))
            .light_color(svg::Color("#fff"))
            .build();
        // Inline in the page: without the XML declaration.
        Ok(document
            .find("<svg")
            .map_or(document.clone(), |start| document[start..].to_owned()))
    }
}

/// The card on a cycle's page: its public links, how many answered through each, a form for a
/// new one.
pub fn links_card(i18n: I18n, v: LinksView) -> impl IntoView {
    let error = posted_error(CreatePublicLink::url());
    let form = Posted::from_error(&error);
    let cycle = v.cycle.to_string();
    let k = v.min_answers;
    let count = v.links.len();
    let rows = v
        .links
        .into_iter()
        .map(|link| {
            let answers = t_string!(i18n, feedback360.link_answers, n = link.answers).to_string();
            let comments = (!link.comments.is_empty()).then(|| {
                let items = link
                    .comments
                    .iter()
                    .map(|text| view! { <li>{text.clone()}</li> })
                    .collect_view();
                view! { <ul class="unit-comments">{items}</ul> }
            });
            let released = link.released;
            let results = link.unit.then(|| match &link.means {
                Some(means) => {
                    let cells = means
                        .iter()
                        .enumerate()
                        .map(|(i, mean)| {
                            let comma = i18n.get_locale_untracked() == Locale::id;
                            view! {
                                <li>
                                    <span>{value_name(i18n, (i + 1) as u8)}</span>
                                    " "<strong>{mean_text(*mean, comma)}</strong>
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <ul class="value-means">{cells}</ul> }.into_any()
                }
                None if released => view! {
                    <p class="small muted">{t!(i18n, feedback360.link_too_few, k = k)}</p>
                }
                .into_any(),
                None => view! {
                    <p class="small muted">{t!(i18n, feedback360.link_after_release)}</p>
                }
                .into_any(),
            });
            let poster = format!("/admin/360/{}/poster/{}", cycle, link.id);
            let kind = if link.unit {
                t_string!(i18n, feedback360.link_unit).to_string()
            } else {
                t_string!(i18n, feedback360.link_person).to_string()
            };
            view! {
                <li class="public-link" data-testid="public-link">
                    <p class="small muted">{kind}{link.detail.map(|d| format!(" · {d}"))}</p>
                    <p><strong>{link.subject}</strong>" · "{answers}</p>
                    <p class="small"><a href=link.path.clone() data-testid="public-link-url">{link.path.clone()}</a></p>
                    {results}
                    {comments}
                    <div class="link-actions">
                        <a class="button button-small" href=poster data-testid="public-link-poster">
                            {t!(i18n, feedback360.link_poster)}
                        </a>
                        <form method="post" action=DeletePublicLink::url()>
                            <Hidden name="id" value=cycle.clone() />
                            <Hidden name="link" value=link.id.to_string() />
                            <button class="button button-small button-secondary" type="submit"
                                data-testid="public-link-delete">{t!(i18n, feedback360.link_delete)}</button>
                        </form>
                    </div>
                </li>
            }
        })
        .collect_view();
    let new_link = v.open_for_links.then(|| {
        let unit_label = t_string!(i18n, feedback360.link_unit).to_string();
        let options: Vec<(String, String)> = v
            .people
            .into_iter()
            .chain(
                v.units
                    .into_iter()
                    .map(|(value, name)| (value, format!("{unit_label}: {name}"))),
            )
            .collect();
        view! {
            <form class="form" method="post" action=CreatePublicLink::url() data-testid="new-link">
                <FormErrorSummary posted=form.clone() />
                <Hidden name="id" value=cycle.clone() />
                <SelectField name="target" label=t_string!(i18n, feedback360.link_target).to_string()
                    value=form.value("target", "") options
                    placeholder=t_string!(i18n, feedback360.link_choose).to_string()
                    hint=t_string!(i18n, feedback360.link_target_hint).to_string()
                    error=form.error(i18n, "target") required=true />
                <button class="button" type="submit" data-testid="create-link">{t!(i18n, feedback360.link_create)}</button>
            </form>
        }
    });
    view! {
        <Card id="tautan" title=t_string!(i18n, feedback360.links_title).to_string() count=count>
            <p class="hint">{t!(i18n, feedback360.links_hint, k = k)}</p>
            {(count == 0).then(|| view! { <EmptyState>{t!(i18n, feedback360.links_none)}</EmptyState> })}
            <ul class="plain-list">{rows}</ul>
            {new_link}
        </Card>
    }
}

/// `/admin/360/{cycle}/poster/{link}`: an A4 page to print and hang where the service happens.
#[component]
pub fn PosterPage() -> impl IntoView {
    let i18n = use_i18n();
    let ids = use_params_map().with_untracked(|p| {
        (
            p.get("id").and_then(|id| id.parse::<CycleId>().ok()),
            p.get("link").and_then(|id| id.parse::<PublicLinkId>().ok()),
        )
    });
    let data = OnceResource::new(async move {
        match ids {
            (Some(id), Some(link)) => load_poster(id, link).await,
            _ => Err(AppError::NotFound),
        }
    });
    view! {
        <PageTitle text=move || t_string!(i18n, feedback360.poster_title).to_string() />
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(poster) => poster_page(i18n, poster).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

fn poster_page(i18n: I18n, p: PosterView) -> impl IntoView {
    let locale = i18n.get_locale_untracked();
    let heading = if p.unit {
        t_string!(i18n, feedback360.poster_unit, name = p.subject.clone()).to_string()
    } else {
        t_string!(i18n, feedback360.poster_person, name = p.subject.clone()).to_string()
    };
    let qr_label = t_string!(i18n, feedback360.poster_qr, url = p.url.clone()).to_string();
    view! {
        <div class="poster-tools">
            <p><a href=format!("/admin/360/{}#tautan", p.cycle)>{t!(i18n, feedback360.poster_back)}</a></p>
            <p class="hint">{t!(i18n, feedback360.poster_print)}</p>
        </div>
        <article class="poster" data-testid="poster">
            <p class="poster-agency">{p.agency}</p>
            <h1>{heading}</h1>
            {p.detail.map(|d| view! { <p class="poster-detail">{d}</p> })}
            <p class="poster-lead">{t!(i18n, feedback360.poster_lead)}</p>
            <div class="poster-qr" role="img" aria-label=qr_label inner_html=p.qr_svg></div>
            <p class="poster-url" data-testid="poster-url">{p.url}</p>
            <ol class="poster-steps">
                <li>{t!(i18n, feedback360.poster_step_1)}</li>
                <li>{t!(i18n, feedback360.poster_step_2)}</li>
                <li>{t!(i18n, feedback360.poster_step_3)}</li>
            </ol>
            <p class="poster-privacy">{t!(i18n, feedback360.poster_privacy)}</p>
            <p class="poster-until">{t!(i18n, feedback360.poster_until, date = long_date(locale, p.closes_on))}</p>
        </article>
    }
}
