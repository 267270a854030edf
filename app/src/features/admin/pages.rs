//! Admin pages: directory, employee form, CSV import and its report. Plain HTML;
//! forms post to server functions and come back with errors in the address, values kept.

use super::api::{
    CreateEmployee, IssueResetLink, SetEmployeeStatus, UpdateEmployee, employee_directory,
    load_employee_editor, load_import_report, load_import_scope,
};
use super::types::{DirectoryView, EmployeeEditor, ImportReport, ImportScope, UnitOption};
use crate::domain::access::AdminPage;
use crate::domain::directory::{DirectoryQuery, SortKey, StatusFilter, encode_params};
use crate::domain::employee::{AsnType, PNS_RANKS, PPPK_RANKS, PositionKind};
use crate::domain::ids::{EmployeeId, ImportId};
use crate::domain::vocabulary::IntoEnumIterator;
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::banner::{Banner, Tone};
use crate::ui::error::{ErrorNotice, field_message, posted_error};
use crate::ui::form::{DateField, FileField, FormErrorSummary, Posted, SelectField, TextField};
use crate::ui::menu::Menu;
use crate::ui::page::EmptyState;
use crate::ui::page::PageHeader;
use crate::ui::tag::{Tag, TagTone};
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

/// Tabs between the admin pages this person may open.
#[component]
pub fn AdminNav(current: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let menu = OnceResource::new(crate::ui::menu::load_menu());
    let label = move |page: AdminPage| match page {
        AdminPage::Employees => t_string!(i18n, admin.employees).to_string(),
        AdminPage::Units => t_string!(i18n, units.title).to_string(),
        AdminPage::Import => t_string!(i18n, admin.import).to_string(),
        AdminPage::Audit => t_string!(i18n, audit.title).to_string(),
        AdminPage::Agency => t_string!(i18n, agency.title).to_string(),
        AdminPage::Periods => t_string!(i18n, period.tab).to_string(),
        AdminPage::Feedback360 => t_string!(i18n, feedback360.tab).to_string(),
    };
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let pages = menu.await.map(|m| m.admin).unwrap_or_default();
                // One page is no choice: no tabs.
                (pages.len() > 1).then(|| view! {
                    <nav class="admin-nav" aria-label=t_string!(i18n, admin.nav_label)>
                        <ul>
                            {pages.into_iter().map(|page| {
                                let href = Menu::href(page);
                                view! {
                                    <li>
                                        <a href=href aria-current=(current == href).then_some("page")>{label(page)}</a>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </nav>
                })
            })}
        </Suspense>
    }
}

/// What a failed load of an admin page shows: the login page for a lost session, otherwise the
/// reason with the matching HTTP status.
pub fn load_failure(error: AppError) -> AnyView {
    if error == AppError::Unauthenticated {
        let location = use_location();
        let here = format!(
            "{}{}",
            location.pathname.get_untracked(),
            location.search.get_untracked()
        );
        let next = encode_params(&[("next", here)]);
        return view! { <Redirect path=format!("/masuk?{next}") /> }.into_any();
    }
    #[cfg(feature = "ssr")]
    crate::state::set_status(error.status_code());
    view! { <ErrorNotice error /> }.into_any()
}

fn unit_label(u: &UnitOption) -> String {
    format!(
        "{}{} · {}",
        "\u{a0}\u{a0}".repeat(u.depth.max(0) as usize),
        u.name,
        u.code
    )
}

/// `/admin/pegawai`: search, filter, sort and page through employees.
#[component]
pub fn EmployeeDirectoryPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().with_untracked(|q| DirectoryQuery::from_params(|k| q.get(k)));
    let data = OnceResource::new(employee_directory(query.clone()));
    view! {
        <PageTitle text=move || t_string!(i18n, admin.directory_title).to_string() />
        <AdminNav current="/admin/pegawai" />
        <section class="admin-page" aria-labelledby="directory-title">
            <PageHeader id="directory-title" title=t_string!(i18n, admin.directory_title).to_string() />
            <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
                {move || {
                    let query = query.clone();
                    Suspend::new(async move {
                        match data.await {
                            Ok(view) => directory_view(i18n, query, view).into_any(),
                            Err(error) => load_failure(error),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

fn directory_view(
    i18n: leptos_i18n::I18nContext<Locale>,
    query: DirectoryQuery,
    view: DirectoryView,
) -> impl IntoView {
    let href = |q: &DirectoryQuery| {
        let params = encode_params(&q.to_params());
        if params.is_empty() {
            "/admin/pegawai".to_owned()
        } else {
            format!("/admin/pegawai?{params}")
        }
    };
    let sort_header = |key: SortKey, label: String| {
        let target = href(&query.sorted_by(key));
        let state = match (query.sort == key, query.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        view! {
            <th scope="col" aria-sort=state>
                <a href=target>{label}</a>
            </th>
        }
    };
    let page = view.page;
    let export_params = encode_params(&query.with_page(0).to_params());
    let selected_unit = query.unit_id;
    let unit_options = view
        .units
        .iter()
        .map(|u| (u.id.to_string(), unit_label(u)))
        .collect();
    let status_options = [
        (StatusFilter::Active, t_string!(i18n, admin.status_active)),
        (
            StatusFilter::Inactive,
            t_string!(i18n, admin.status_inactive),
        ),
        (StatusFilter::All, t_string!(i18n, admin.status_all)),
    ]
    .map(|(value, label)| (value.code().to_owned(), label.to_string()))
    .to_vec();
    let asn_options = [AsnType::Pns, AsnType::Pppk]
        .map(|a| (a.as_str().to_owned(), a.label().to_owned()))
        .to_vec();
    let first = page.page * DirectoryQuery::PAGE_SIZE + 1;
    let last = (first - 1 + page.rows.len() as u64).max(first.min(page.total));
    let summary = if page.total == 0 {
        t_string!(i18n, admin.no_results).to_string()
    } else {
        t_string!(
            i18n,
            admin.showing,
            first = first,
            last = last,
            total = page.total
        )
        .to_string()
    };
    let prev = (page.page > 0).then(|| href(&query.with_page(page.page - 1)));
    let next = (page.page + 1 < page.page_count).then(|| href(&query.with_page(page.page + 1)));
    view! {
        {view.can_edit.then(|| view! {
            <p class="actions">
                <a class="button" href="/admin/pegawai/baru">{t!(i18n, admin.new_employee)}</a>
                <a class="button button-secondary" href="/admin/impor">{t!(i18n, admin.import)}</a>
                <a class="button button-secondary" href=format!("/admin/ekspor-pegawai.csv?{export_params}") download>
                    {t!(i18n, admin.export)}
                </a>
            </p>
        })}
        <form class="filters" method="get" action="/admin/pegawai" role="search">
            <TextField name="q" label=t_string!(i18n, admin.search_label).to_string() kind="search"
                value=query.text.clone() error=None autocomplete="off" class="grow"
                placeholder=t_string!(i18n, admin.search_placeholder).to_string() />
            <SelectField name="unit" label=t_string!(i18n, admin.unit).to_string()
                value=selected_unit.map(|u| u.to_string()).unwrap_or_default() options=unit_options
                error=None placeholder=t_string!(i18n, admin.all_units).to_string() />
            <SelectField name="status" label=t_string!(i18n, admin.status).to_string()
                value=query.status.code().to_owned() options=status_options error=None />
            <SelectField name="asn" label=t_string!(i18n, admin.asn_type).to_string()
                value=query.asn_type.map(|a| a.as_str()).unwrap_or("").to_owned() options=asn_options
                error=None placeholder=t_string!(i18n, admin.all_types).to_string() />
            {(query.sort != SortKey::Name).then(|| view! { <input type="hidden" name="sort" value=query.sort.code() /> })}
            {query.descending.then(|| view! { <input type="hidden" name="dir" value="turun" /> })}
            <button class="button" type="submit">{t!(i18n, admin.search)}</button>
        </form>
        <p class="muted" role="status" data-testid="result-summary">{summary}</p>
        <div class="table-wrap">
            <table class="data-table" data-testid="directory">
                <thead>
                    <tr>
                        {sort_header(SortKey::Name, t_string!(i18n, admin.name).to_string())}
                        {sort_header(SortKey::Nip, "NIP".to_owned())}
                        {sort_header(SortKey::Unit, t_string!(i18n, admin.unit).to_string())}
                        {sort_header(SortKey::Rank, t_string!(i18n, admin.rank).to_string())}
                    </tr>
                </thead>
                <tbody>
                    {page.rows.into_iter().map(|row| {
                        let name = if view.can_edit {
                            view! { <a href=format!("/admin/pegawai/{}", row.id)>{row.name.clone()}</a> }.into_any()
                        } else {
                            view! { <span>{row.name.clone()}</span> }.into_any()
                        };
                        view! {
                            <tr class:inactive=!row.active>
                                <td data-label=t_string!(i18n, admin.name)>
                                    {name}
                                    <span class="muted small block">{row.position.clone().unwrap_or_default()}</span>
                                    {(!row.active).then(|| view! { " "<Tag tone=TagTone::Neutral>{t!(i18n, admin.status_inactive)}</Tag> })}
                                </td>
                                <td data-label="NIP" class="nowrap">{row.nip}</td>
                                <td data-label=t_string!(i18n, admin.unit)>{row.unit}</td>
                                <td data-label=t_string!(i18n, admin.rank)>
                                    {row.rank_grade}" · "{row.asn_type.label()}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <Pager page=page.page page_count=page.page_count prev next />
    }
}

/// Previous/next links around "page x of y"; the links carry the rest of the query.
#[component]
pub fn Pager(
    page: u64,
    page_count: u64,
    prev: Option<String>,
    next: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="pager" aria-label=t_string!(i18n, admin.pages)>
            {prev.map(|h| view! { <a class="button button-secondary" href=h rel="prev">{t!(i18n, admin.previous)}</a> })}
            <span class="muted">{t!(i18n, admin.page_of, page = page + 1, count = page_count)}</span>
            {next.map(|h| view! { <a class="button button-secondary" href=h rel="next">{t!(i18n, admin.next)}</a> })}
        </nav>
    }
}

/// The audited changes of one record, newest first: who, when, and each field before → after.
#[component]
pub fn ChangeList(lines: Vec<super::types::AuditLine>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="timeline" data-testid="changes">
            {lines.into_iter().map(|a| view! {
                <li>
                    <strong>{super::audit_text::action_label(i18n, &a.action)}</strong>
                    <span class="muted small block">{a.at}" · "{a.actor.unwrap_or_default()}</span>
                    <ul class="changes">
                        {a.changes.into_iter().map(|change| super::audit::change_line(i18n, change)).collect_view()}
                    </ul>
                </li>
            }).collect_view()}
        </ul>
    }
}

fn kind_label(i18n: leptos_i18n::I18nContext<Locale>, kind: PositionKind) -> String {
    match kind {
        PositionKind::JptUtama => t_string!(i18n, admin.kind.jpt_utama),
        PositionKind::JptMadya => t_string!(i18n, admin.kind.jpt_madya),
        PositionKind::JptPratama => t_string!(i18n, admin.kind.jpt_pratama),
        PositionKind::Administrator => t_string!(i18n, admin.kind.administrator),
        PositionKind::Pengawas => t_string!(i18n, admin.kind.pengawas),
        PositionKind::Fungsional => t_string!(i18n, admin.kind.fungsional),
        PositionKind::Pelaksana => t_string!(i18n, admin.kind.pelaksana),
    }
    .to_string()
}

/// `/admin/pegawai/baru` and `/admin/pegawai/{id}`: the employee record.
#[component]
pub fn EmployeeFormPage() -> impl IntoView {
    let i18n = use_i18n();
    let raw_id = use_params_map().with_untracked(|p| p.get("id"));
    let id = raw_id
        .as_deref()
        .and_then(|id| id.parse::<EmployeeId>().ok());
    // `/admin/pegawai/baru` has no id; anything else that is not a number is not an employee.
    let bad_id = raw_id.is_some() && id.is_none();
    let data = OnceResource::new(async move {
        if bad_id {
            Err(AppError::NotFound)
        } else {
            load_employee_editor(id).await
        }
    });
    view! {
        <PageTitle text=move || t_string!(i18n, admin.employee_title).to_string() />
        <AdminNav current="/admin/pegawai" />
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(editor) => employee_form(i18n, editor).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

fn employee_form(i18n: leptos_i18n::I18nContext<Locale>, editor: EmployeeEditor) -> impl IntoView {
    let action = if editor.id.is_some() {
        UpdateEmployee::url()
    } else {
        CreateEmployee::url()
    };
    let (form, general_error) = Posted::to(action);
    let posted = form.is_posted();
    let fields = editor.fields.clone();
    let value = |name: &str, stored: &str| form.value(name, stored);
    let err = |name: &str| form.error(i18n, name);
    let saved = !posted
        && general_error.is_none()
        && use_query_map().with_untracked(|q| q.get("disimpan").is_some());
    let title = match editor.id {
        Some(_) => editor.display_name.clone(),
        None => t_string!(i18n, admin.new_employee).to_string(),
    };
    let unit_options: Vec<(String, String)> = editor
        .units
        .iter()
        .map(|u| (u.code.clone(), unit_label(u)))
        .collect();
    let kind_options: Vec<(String, String)> = PositionKind::iter()
        .map(|k| (k.as_str().to_owned(), kind_label(i18n, k)))
        .collect();
    let rank_options: Vec<(String, String)> = PNS_RANKS
        .iter()
        .map(|r| ((*r).to_owned(), format!("PNS {r}")))
        .chain(
            PPPK_RANKS
                .iter()
                .map(|r| ((*r).to_owned(), format!("PPPK {r}"))),
        )
        .collect();
    let derived_hint = t_string!(i18n, admin.derived_hint).to_string();
    let line_hint = |current: &Option<String>| match current {
        Some(c) => format!(
            "{} {derived_hint}",
            t_string!(i18n, admin.currently, who = c.clone())
        ),
        None => derived_hint.clone(),
    };
    view! {
        <section class="admin-page" aria-labelledby="employee-title">
            <p><a href="/admin/pegawai">{t!(i18n, admin.back_to_directory)}</a></p>
            <PageHeader id="employee-title" title />
            {(editor.id.is_some() && !editor.active).then(|| view! {
                <Banner tone=Tone::Warning><p>{t!(i18n, admin.inactive_notice)}</p></Banner>
            })}
            {saved.then(|| view! { <Banner tone=Tone::Success announce=true><p>{t!(i18n, admin.saved)}</p></Banner> })}
            {general_error.map(|error| view! { <ErrorNotice error /> })}
            <form class="form form-grid" method="post" action=action novalidate>
                <FormErrorSummary posted=form.clone() />
                {editor.id.map(|id| view! {
                    <input type="hidden" name="id" value=id.to_string() />
                    <input type="hidden" name="version" value=editor.version.to_string() />
                })}
                <TextField name="nip" label="NIP".to_owned() value=value("nip", &fields.nip) error=err("nip")
                    hint=t_string!(i18n, login.login_hint).to_string() required=true inputmode="numeric" />
                <TextField name="name" label=t_string!(i18n, admin.name_without_titles).to_string()
                    value=value("name", &fields.name) error=err("name") required=true />
                <TextField name="front_title" label=t_string!(i18n, admin.front_title).to_string()
                    value=value("front_title", &fields.front_title) error=err("front_title") />
                <TextField name="back_title" label=t_string!(i18n, admin.back_title).to_string()
                    value=value("back_title", &fields.back_title) error=err("back_title") />
                <TextField name="email" label=t_string!(i18n, profile.email).to_string() kind="email"
                    value=value("email", &fields.email) error=err("email") />
                <SelectField name="asn_type" placeholder="—" required=true label=t_string!(i18n, admin.asn_type).to_string()
                    value=value("asn_type", &fields.asn_type)
                    options={AsnType::iter().map(|a| (a.as_str().to_owned(), a.label().to_owned())).collect::<Vec<_>>()}
                    error=err("asn_type") />
                <SelectField name="rank_grade" placeholder="—" required=true label=t_string!(i18n, admin.rank).to_string()
                    value=value("rank_grade", &fields.rank_grade) options=rank_options error=err("rank_grade") />
                <SelectField name="unit_code" placeholder="—" required=true label=t_string!(i18n, admin.unit).to_string()
                    value=value("unit_code", &fields.unit_code) options=unit_options error=err("unit_code") />
                <TextField name="position" label=t_string!(i18n, admin.position).to_string()
                    value=value("position", &fields.position) error=err("position") required=true />
                <SelectField name="position_kind" placeholder="—" required=true label=t_string!(i18n, admin.position_kind).to_string()
                    value=value("position_kind", &fields.position_kind) options=kind_options error=err("position_kind") />
                {editor.id.is_some().then(|| view! {
                    <DateField name="moved_on" label=t_string!(i18n, admin.moved_on).to_string()
                        value=value("moved_on", "") error=err("moved_on")
                        hint=t_string!(i18n, admin.moved_on_hint).to_string() />
                })}
                <TextField name="superior_nip" label=t_string!(i18n, profile.superior).to_string()
                    value=value("superior_nip", &fields.superior_nip) error=err("superior_nip")
                    hint=line_hint(&editor.superior) inputmode="numeric" />
                <TextField name="appraiser_nip" label=t_string!(i18n, profile.appraiser).to_string()
                    value=value("appraiser_nip", &fields.appraiser_nip) error=err("appraiser_nip")
                    hint=format!("{} {}", line_hint(&editor.appraiser), t_string!(i18n, admin.appraiser_external_hint))
                    inputmode="numeric" />
                <div class="form-actions">
                    <button class="button" type="submit">{t!(i18n, admin.save)}</button>
                </div>
            </form>
            {editor.id.map(|id| employee_side(i18n, id, &editor))}
        </section>
    }
}

fn employee_side(
    i18n: leptos_i18n::I18nContext<Locale>,
    id: EmployeeId,
    editor: &EmployeeEditor,
) -> impl IntoView + use<> {
    let status_error = posted_error(SetEmployeeStatus::url());
    let reset_error = posted_error(IssueResetLink::url());
    view! {
        <h2>{t!(i18n, profile.reporting_line)}</h2>
        <dl class="facts people">
            <div><dt>{t!(i18n, profile.superior)}</dt><dd>{editor.superior.clone().unwrap_or_else(|| "—".into())}</dd></div>
            <div><dt>{t!(i18n, profile.appraiser)}</dt><dd>{editor.appraiser.clone().unwrap_or_else(|| "—".into())}</dd></div>
            <div><dt>{t!(i18n, profile.appraiser_superior)}</dt><dd>{editor.appraiser_superior.clone().unwrap_or_else(|| "—".into())}</dd></div>
        </dl>
        <h2>{t!(i18n, admin.account)}</h2>
        {editor.reset_link.clone().map(|link| view! {
            <Banner tone=Tone::Success announce=true testid="reset-link">
                <p>{t!(i18n, admin.reset_link_issued)}</p>
                <p><code class="break">{link}</code></p>
            </Banner>
        })}
        {reset_error.map(|error| view! { <ErrorNotice error /> })}
        {status_error.map(|error| view! { <ErrorNotice error /> })}
        {if editor.has_account {
            view! {
                <form method="post" action=IssueResetLink::url()>
                    <input type="hidden" name="id" value=id.to_string() />
                    <p class="muted">{t!(i18n, admin.reset_link_text)}</p>
                    <button class="button button-secondary" type="submit">{t!(i18n, admin.reset_link)}</button>
                </form>
            }.into_any()
        } else {
            view! { <EmptyState>{t!(i18n, admin.no_account)}</EmptyState> }.into_any()
        }}
        <form method="post" action=SetEmployeeStatus::url() class="status-form">
            <input type="hidden" name="id" value=id.to_string() />
            <input type="hidden" name="version" value=editor.version.to_string() />
            <input type="hidden" name="active" value=(!editor.active).to_string() />
            <button class="button button-secondary" type="submit">
                {if editor.active { t!(i18n, admin.deactivate).into_any() } else { t!(i18n, admin.reactivate).into_any() }}
            </button>
        </form>
        <h2>{t!(i18n, admin.history)}</h2>
        <ol class="timeline" data-testid="history">
            {editor.history.iter().map(|h| view! {
                <li>
                    <strong>{h.position.clone().unwrap_or_default()}</strong>
                    <span class="block">{h.unit.clone()}</span>
                    <span class="muted small">{h.started.clone()}" – "{h.ended.clone().unwrap_or_else(|| t_string!(i18n, admin.now).to_string())}</span>
                </li>
            }).collect_view()}
        </ol>
        <h2>{t!(i18n, admin.plans)}</h2>
        {if editor.plans.is_empty() {
            view! { <EmptyState>{t!(i18n, admin.no_plans)}</EmptyState> }.into_any()
        } else {
            view! {
                <ul class="plain-list" data-testid="employee-plans">
                    {editor.plans.iter().map(|plan| view! {
                        <li>
                            <a href=format!("/skp/{}", plan.id)>{format!("SKP {}", plan.year)}</a>
                            {plan.segment.map(|segment| format!(" · {}", crate::features::skp::segment_text(i18n, segment, &plan.position)))}
                            " · "{crate::features::skp::state_label(i18n, Some(plan.state))}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h2>{t!(i18n, admin.changes)}</h2>
        <ChangeList lines=editor.audit.clone() />
    }
}

/// `/admin/impor`: upload a CSV file of employees.
#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let scope = OnceResource::new(load_import_scope());
    view! {
        <PageTitle text=move || t_string!(i18n, admin.import_title).to_string() />
        <AdminNav current="/admin/impor" />
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match scope.await {
                    Ok(scope) => import_form(i18n, scope).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

fn import_form(i18n: leptos_i18n::I18nContext<Locale>, scope: ImportScope) -> impl IntoView {
    let columns = crate::domain::employee::IMPORT_COLUMNS;
    let scope = match scope.unit {
        Some(unit) => t_string!(i18n, admin.import_scope_unit, unit = unit).to_string(),
        None => t_string!(i18n, admin.import_scope_agency).to_string(),
    };
    view! {
        <section class="admin-page" aria-labelledby="import-title">
            <PageHeader id="import-title" title=t_string!(i18n, admin.import_title).to_string()>
                <p>{t!(i18n, admin.import_intro)}</p>
                <p class="muted" data-testid="import-scope">{scope}</p>
            </PageHeader>
            <form class="form narrow" method="post" action=super::IMPORT_UPLOAD_PATH enctype="multipart/form-data">
                <FileField name="file" label=t_string!(i18n, admin.import_file).to_string()
                    accept=".csv,text/csv" required=true error=None
                    hint=t_string!(i18n, admin.import_file_hint).to_string() />
                <button class="button" type="submit">{t!(i18n, admin.import_submit)}</button>
            </form>
            <p><a href="/templat-pegawai.csv" download>{t!(i18n, admin.template_download)}</a></p>
            <h2>{t!(i18n, admin.template_columns)}</h2>
            <p class="muted"><code>{columns.map(|(c, _)| c).join(", ")}</code></p>
            <ul class="muted small">
                <li>{t!(i18n, admin.template_rule_required)}</li>
                <li>{t!(i18n, admin.template_rule_values)}</li>
                <li>{t!(i18n, admin.template_rule_lines)}</li>
                <li>{t!(i18n, admin.template_rule_all_or_nothing)}</li>
                <li>{t!(i18n, admin.template_rule_export)}</li>
            </ul>
        </section>
    }
}

/// `/admin/impor/{id}`: what an import did, or every line and column it refused.
#[component]
pub fn ImportReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let id =
        use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse::<ImportId>().ok()));
    let data = OnceResource::new(async move {
        match id {
            Some(id) => load_import_report(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <PageTitle text=move || t_string!(i18n, admin.import_title).to_string() />
        <AdminNav current="/admin/impor" />
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(report) => import_report(i18n, report).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

fn import_report(i18n: leptos_i18n::I18nContext<Locale>, report: ImportReport) -> impl IntoView {
    let more = (report.error_count as usize).saturating_sub(report.errors.len());
    view! {
        <section class="admin-page" aria-labelledby="report-title">
            <PageHeader id="report-title" title=t_string!(i18n, admin.import_report_title).to_string()>
                <p class="muted">{report.file_name.clone()}</p>
            </PageHeader>
            {if report.applied {
                view! {
                    <Banner tone=Tone::Info announce=true testid="import-outcome"><p>
                        {t!(i18n, admin.import_applied, created = report.created, updated = report.updated)}
                    </p></Banner>
                }.into_any()
            } else {
                view! {
                    <Banner tone=Tone::Error announce=true testid="import-outcome"><p>
                        {t!(i18n, admin.import_rejected, count = report.error_count)}
                    </p></Banner>
                }.into_any()
            }}
            {(!report.errors.is_empty()).then(|| view! {
                <div class="table-wrap">
                    <table class="data-table" data-testid="import-errors">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, admin.line)}</th>
                                <th scope="col">{t!(i18n, admin.column)}</th>
                                <th scope="col">{t!(i18n, admin.problem)}</th>
                                <th scope="col">{t!(i18n, admin.cell_value)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {report.errors.iter().map(|e| view! {
                                <tr>
                                    <td data-label=t_string!(i18n, admin.line)>{if e.line == 0 { "—".to_owned() } else { e.line.to_string() }}</td>
                                    <td data-label=t_string!(i18n, admin.column)>{e.column.clone()}</td>
                                    <td data-label=t_string!(i18n, admin.problem)>{field_message(i18n, &e.code)}</td>
                                    <td data-label=t_string!(i18n, admin.cell_value)><code>{e.value.clone()}</code></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
            {(more > 0).then(|| view! { <p class="muted">{t!(i18n, admin.more_errors, count = more)}</p> })}
            <p class="actions">
                <a class="button" href="/admin/impor">{t!(i18n, admin.import_again)}</a>
                <a class="button button-secondary" href="/admin/pegawai">{t!(i18n, admin.back_to_directory)}</a>
            </p>
        </section>
    }
}
