//! `/admin/audit`: browse and filter the audit log (agency admins).

use super::audit_text::{ACTIONS, action_label, field_label, object_label, value_label};
use super::pages::{AdminNav, Pager, load_failure};
use super::types::{AuditLine, FieldChange};
use crate::domain::directory::encode_params;
use crate::domain::text::date_input_value;
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::form::{DateField, SelectField, TextField};
use crate::ui::page::PageHeader;
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

/// One changed field: "Status: Draf → Diajukan"; just the value when the entry recorded no
/// earlier one (an action with what it carried, a record created); "—" for a value removed.
pub fn change_line(i18n: leptos_i18n::I18nContext<Locale>, change: FieldChange) -> impl IntoView {
    let FieldChange {
        field,
        before,
        after,
    } = change;
    let before = before.map(|before| {
        view! { <del>{value_label(i18n, &field, &before)}</del>" → " }
    });
    let after = after.map_or_else(|| "—".to_owned(), |after| value_label(i18n, &field, &after));
    view! {
        <li>
            <span class="change-field">{field_label(i18n, &field)}</span>": "
            {before}
            <ins>{after}</ins>
        </li>
    }
}

/// The log's filters as they travel in the address.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    pub action: Option<String>,
    /// NIP or e-mail login of whoever acted.
    pub actor: String,
    /// `YYYY-MM-DD`, inclusive, UTC.
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
    /// Zero-based.
    pub page: u64,
}

impl AuditFilter {
    pub const PAGE_SIZE: u64 = 50;

    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let date =
            |k: &str| get(k).and_then(|v| crate::domain::text::parse_date_input(&v).ok().flatten());
        Self {
            action: get("aksi").filter(|a| ACTIONS.contains(&a.as_str())),
            actor: get("pelaku")
                .unwrap_or_default()
                .trim()
                .chars()
                .take(200)
                .collect(),
            from: date("dari"),
            to: date("sampai"),
            page: get("page")
                .and_then(|p| p.parse::<u64>().ok())
                .map_or(0, |p| p.saturating_sub(1)),
        }
    }

    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if let Some(action) = &self.action {
            params.push(("aksi", action.clone()));
        }
        if !self.actor.is_empty() {
            params.push(("pelaku", self.actor.clone()));
        }
        if let Some(from) = self.from {
            params.push(("dari", from.to_string()));
        }
        if let Some(to) = self.to {
            params.push(("sampai", to.to_string()));
        }
        if self.page > 0 {
            params.push(("page", (self.page + 1).to_string()));
        }
        params
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub lines: Vec<AuditLine>,
    pub total: u64,
    pub page: u64,
    pub page_count: u64,
}

#[server(endpoint = "admin/audit")]
pub async fn load_audit_log(filter: AuditFilter) -> Result<AuditPage, AppError> {
    crate::state::respond(ssr::browse(filter).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::db::entities::{audit_log, user_account};
    use crate::domain::access::{Action, Target, authorize};
    use crate::domain::login::normalize_login;
    use crate::state;
    use sea_orm::{
        ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    };

    pub async fn browse(filter: AuditFilter) -> Result<AuditPage, AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        authorize(&user.actor, Action::ViewAuditLog, Target::Agency)?;
        let mut condition = Condition::all();
        if let Some(action) = &filter.action {
            condition = condition.add(audit_log::Column::Action.eq(action.as_str()));
        }
        if !filter.actor.is_empty() {
            let login = normalize_login(&filter.actor);
            let account = user_account::Entity::find()
                .filter(user_account::Column::Login.eq(login.as_str()))
                .one(&db)
                .await?;
            // Failed logins have no actor yet: they are found by the login they tried.
            condition = condition.add(
                Condition::any()
                    .add(audit_log::Column::ActorUserId.eq(account.map_or(-1, |a| a.id.get())))
                    .add(audit_log::Column::ObjectId.eq(login.as_str())),
            );
        }
        if let Some(from) = filter.from {
            condition = condition.add(
                audit_log::Column::At.gte(from.and_hms_opt(0, 0, 0).expect("midnight").and_utc()),
            );
        }
        if let Some(to) = filter.to.and_then(|d| d.succ_opt()) {
            condition = condition.add(
                audit_log::Column::At.lt(to.and_hms_opt(0, 0, 0).expect("midnight").and_utc()),
            );
        }
        let select = audit_log::Entity::find().filter(condition);
        let total = select.clone().count(&db).await?;
        let page_count = Ord::max(total.div_ceil(AuditFilter::PAGE_SIZE), 1);
        let page = Ord::min(filter.page, page_count - 1);
        let rows = select
            .order_by_desc(audit_log::Column::Id)
            .offset(page * AuditFilter::PAGE_SIZE)
            .limit(AuditFilter::PAGE_SIZE)
            .all(&db)
            .await?;
        Ok(AuditPage {
            lines: crate::features::admin::audit_lines(&db, rows).await?,
            total,
            page,
            page_count,
        })
    }
}

#[component]
pub fn AuditLogPage() -> impl IntoView {
    let i18n = use_i18n();
    let filter = use_query_map().with_untracked(|q| AuditFilter::from_params(|k| q.get(k)));
    let data = OnceResource::new(load_audit_log(filter.clone()));
    let href = |f: &AuditFilter| {
        let params = encode_params(&f.to_params());
        if params.is_empty() {
            "/admin/audit".to_owned()
        } else {
            format!("/admin/audit?{params}")
        }
    };
    let actions = ACTIONS
        .iter()
        .map(|a| ((*a).to_owned(), action_label(i18n, a)))
        .collect();
    view! {
        <PageTitle text=move || t_string!(i18n, audit.title).to_string() />
        <AdminNav current="/admin/audit" />
        <section class="admin-page" aria-labelledby="audit-title">
            <PageHeader id="audit-title" title=t_string!(i18n, audit.title).to_string() />
            <form class="filters" method="get" action="/admin/audit" role="search">
                <SelectField name="aksi" label=t_string!(i18n, audit.action_label).to_string()
                    value=filter.action.clone().unwrap_or_default() options=actions error=None
                    placeholder=t_string!(i18n, audit.all_actions).to_string() />
                <TextField name="pelaku" label=t_string!(i18n, audit.actor).to_string()
                    value=filter.actor.clone() error=None inputmode="numeric" spellcheck="false" />
                <DateField name="dari" label=t_string!(i18n, audit.from).to_string() terse=true
                    value=filter.from.map(date_input_value).unwrap_or_default() error=None />
                <DateField name="sampai" label=t_string!(i18n, audit.to).to_string() terse=true
                    value=filter.to.map(date_input_value).unwrap_or_default() error=None />
                <button class="button" type="submit">{t!(i18n, admin.search)}</button>
            </form>
            <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
                {move || {
                    let filter = filter.clone();
                    Suspend::new(async move {
                        let page = match data.await {
                            Ok(page) => page,
                            Err(error) => return load_failure(error),
                        };
                        let prev = (page.page > 0).then(|| href(&AuditFilter { page: page.page - 1, ..filter.clone() }));
                        let next = (page.page + 1 < page.page_count)
                            .then(|| href(&AuditFilter { page: page.page + 1, ..filter.clone() }));
                        view! {
                            <p class="muted" role="status" data-testid="audit-summary">
                                {t!(i18n, audit.count, count = page.total)}
                            </p>
                            <div class="table-wrap">
                                <table class="data-table" data-testid="audit-log">
                                    <thead>
                                        <tr>
                                            <th scope="col">{t!(i18n, audit.when)}</th>
                                            <th scope="col">{t!(i18n, audit.actor)}</th>
                                            <th scope="col">{t!(i18n, audit.action_label)}</th>
                                            <th scope="col">{t!(i18n, audit.object)}</th>
                                            <th scope="col">{t!(i18n, audit.changes)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {page.lines.into_iter().map(|l| view! {
                                            <tr>
                                                <td data-label=t_string!(i18n, audit.when) class="nowrap">{l.at}</td>
                                                <td data-label=t_string!(i18n, audit.actor)>
                                                    {l.actor.unwrap_or_else(|| "—".into())}
                                                    <span class="muted small block">{l.ip.unwrap_or_default()}</span>
                                                </td>
                                                <td data-label=t_string!(i18n, audit.action_label)>{action_label(i18n, &l.action)}</td>
                                                <td data-label=t_string!(i18n, audit.object)>
                                                    {object_label(i18n, &l.object_type)}
                                                    {l.object_id.map(|id| view! { " "<span class="muted">{id}</span> })}
                                                </td>
                                                <td data-label=t_string!(i18n, audit.changes)>
                                                    <ul class="changes">
                                                        {l.changes.into_iter().map(|change| change_line(i18n, change)).collect_view()}
                                                    </ul>
                                                </td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <Pager page=page.page page_count=page.page_count prev next />
                        }
                            .into_any()
                    })
                }}
            </Suspense>
        </section>
    }
}
