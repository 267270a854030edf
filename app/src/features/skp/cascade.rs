//! The cascade (*matriks peran hasil*) of a unit at `/matriks`: how the RHK of the unit head's
//! approved plan are supported by the main RHK of the people they appraise, which RHK support
//! nothing of the leader's, and who has no plan yet.

use super::pages::{I18n, loading, state_label};
use super::types::*;
use crate::domain::ids::UnitId;
use crate::error::AppError;
use crate::features::admin::load_failure;
use crate::i18n::*;
use crate::ui::banner::{Banner, Tone};
use crate::ui::form::SelectField;
use crate::ui::page::{Card, EmptyState, PageHeader};
use crate::ui::tag::{Tag, TagTone};
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[server(endpoint = "skp/cascade")]
pub async fn load_cascade(unit: Option<UnitId>) -> Result<CascadeView, AppError> {
    crate::state::respond(ssr::cascade(unit).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::db::entities::{pegawai, skp, skp_hasil, unit_kerja};
    use crate::db::skp as store;
    use crate::domain::access::{Action, Target, authorize};
    use crate::domain::employee::display_name;
    use crate::domain::ids::ResultId;
    use crate::domain::skp::{ResultGroup, SkpState};
    use crate::features::skp::api::ssr::{period_info, person_name};
    use crate::state;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

    pub async fn cascade(unit: Option<UnitId>) -> Result<CascadeView, AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let agency = crate::db::agency::primary(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        let period = crate::db::periods::open_period(&db, agency.id).await?;
        let all_units = unit_kerja::Entity::find()
            .filter(unit_kerja::Column::ClosedAt.is_null())
            .order_by_asc(unit_kerja::Column::Path)
            .all(&db)
            .await?;
        let visible: Vec<&unit_kerja::Model> = all_units
            .iter()
            .filter(|u| {
                let path = crate::domain::access::UnitPath(u.path.clone());
                authorize(&user.actor, Action::ViewCascade, Target::Unit(&path)).is_ok()
            })
            .collect();
        if visible.is_empty() {
            return Err(AppError::Forbidden);
        }
        let chosen = match unit {
            Some(id) => *visible
                .iter()
                .find(|u| u.id == id)
                .ok_or(AppError::Forbidden)?,
            None => visible[0],
        };
        let mut view = CascadeView {
            period: period.as_ref().map(period_info),
            units: visible
                .iter()
                .map(|u| CascadeUnit {
                    id: u.id,
                    name: format!(
                        "{}{}",
                        "· ".repeat(usize::try_from(u.depth).unwrap_or(0)),
                        u.name
                    ),
                })
                .collect(),
            unit_id: Some(chosen.id),
            leader: None,
            leader_skp: None,
            rows: Vec::new(),
            orphans: Vec::new(),
            without_skp: Vec::new(),
        };
        let Some(period) = period else {
            return Ok(view);
        };
        // The leader is the head of exactly this unit.
        let Some(leader) = crate::db::employees::nearest_head(&db, chosen, None)
            .await?
            .filter(|h| h.unit_id == chosen.id)
        else {
            return Ok(view);
        };
        view.leader = Some(display_name(
            leader.front_title.as_deref(),
            &leader.name,
            leader.back_title.as_deref(),
        ));
        let leader_results = store::leader_results(&db, Some(leader.id), period.id).await?;
        view.leader_skp = store::current_for(&db, leader.id, period.id)
            .await?
            .map(|s| s.id);
        let plans = skp::Entity::find()
            .filter(skp::Column::PeriodeId.eq(period.id))
            .filter(skp::Column::PenilaiId.eq(leader.id))
            .filter(skp::Column::State.ne(SkpState::Cancelled))
            .all(&db)
            .await?;
        let mut children: Vec<(Option<ResultId>, CascadeChild)> = Vec::new();
        let mut with_plan = Vec::new();
        for plan in &plans {
            with_plan.push(plan.pegawai_id);
            let name = person_name(&db, plan.pegawai_id).await?;
            let rows = skp_hasil::Entity::find()
                .filter(skp_hasil::Column::SkpId.eq(plan.id))
                .filter(skp_hasil::Column::Grp.eq(ResultGroup::Utama))
                .order_by_asc(skp_hasil::Column::Position)
                .all(&db)
                .await?;
            for r in rows {
                children.push((
                    r.parent_id,
                    CascadeChild {
                        skp_id: plan.id,
                        employee: name.clone(),
                        text: r.text,
                        state: plan.state,
                    },
                ));
            }
        }
        for l in &leader_results {
            view.rows.push(CascadeRow {
                leader_result: l.text.clone(),
                group: l.grp,
                children: children
                    .iter()
                    .filter(|(p, _)| *p == Some(l.id))
                    .map(|(_, c)| c.clone())
                    .collect(),
            });
        }
        view.orphans = children
            .into_iter()
            .filter(|(p, _)| !p.is_some_and(|p| leader_results.iter().any(|l| l.id == p)))
            .map(|(_, c)| c)
            .collect();
        let team = pegawai::Entity::find()
            .filter(pegawai::Column::PenilaiId.eq(leader.id))
            .filter(pegawai::Column::Active.eq(true))
            .order_by_asc(pegawai::Column::Name)
            .all(&db)
            .await?;
        view.without_skp = team
            .into_iter()
            .filter(|p| !with_plan.contains(&p.id))
            .map(|p| display_name(p.front_title.as_deref(), &p.name, p.back_title.as_deref()))
            .collect();
        Ok(view)
    }
}

/// `/matriks`: the cascade (*matriks peran hasil*) of a unit.
#[component]
pub fn CascadePage() -> impl IntoView {
    let i18n = use_i18n();
    let unit =
        use_query_map().with_untracked(|q| q.get("unit").and_then(|v| v.parse::<UnitId>().ok()));
    let data = OnceResource::new(load_cascade(unit));
    view! {
        <PageTitle text=move || t_string!(i18n, skp.cascade_title).to_string() />
        <Suspense fallback=move || loading(i18n)>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(c) => cascade_view(i18n, c).into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

fn cascade_view(i18n: I18n, c: CascadeView) -> impl IntoView {
    let chosen = c.unit_id.map(|i| i.to_string()).unwrap_or_default();
    let child = move |ch: CascadeChild| {
        let state = state_label(i18n, Some(ch.state));
        view! {
            <li>
                <a href=format!("/skp/{}", ch.skp_id)>{ch.employee}</a>
                " — "{ch.text}" "
                <Tag tone=TagTone::of_skp(Some(ch.state))>{state}</Tag>
            </li>
        }
    };
    view! {
        <section class="skp-page" aria-labelledby="cascade-title">
            <PageHeader id="cascade-title" title=t_string!(i18n, skp.cascade_title).to_string() />
            <form class="filters" method="get" action="/matriks">
                <SelectField name="unit" label=t_string!(i18n, skp.unit).to_string() value=chosen.clone()
                    options=c.units.iter().map(|u| (u.id.to_string(), u.name.clone())).collect()
                    error=None />
                <button class="button" type="submit">{t!(i18n, skp.show)}</button>
            </form>
            {c.period.is_none().then(|| view! { <Banner tone=Tone::Warning><p>{t!(i18n, skp.no_period)}</p></Banner> })}
            <p>
                <span class="label">{t!(i18n, skp.leader)}": "</span>
                {c.leader.clone().unwrap_or_else(|| t_string!(i18n, skp.no_leader).to_string())}
                {c.leader_skp.map(|id| view! { " · "<a href=format!("/skp/{id}")>{t!(i18n, skp.open)}</a> })}
            </p>
            {(c.leader.is_some() && c.rows.is_empty()).then(|| view! { <EmptyState>{t!(i18n, skp.leader_not_approved)}</EmptyState> })}
            <ol class="cascade" data-testid="cascade">
                {c.rows.into_iter().map(|row| view! {
                    <li class="card">
                        <p><strong>{row.leader_result}</strong></p>
                        {row.children.is_empty().then(|| view! { <p class="muted small">{t!(i18n, skp.no_supporters)}</p> })}
                        <ul class="plain-list">{row.children.into_iter().map(child).collect_view()}</ul>
                    </li>
                }).collect_view()}
            </ol>
            {(!c.orphans.is_empty()).then(|| view! {
                <Card id="orphans-title" title=t_string!(i18n, skp.orphans_title).to_string()
                    class="warning-card" testid="orphans">
                    <p class="hint">{t!(i18n, skp.orphans_hint)}</p>
                    <ul class="plain-list">{c.orphans.into_iter().map(child).collect_view()}</ul>
                </Card>
            })}
            {(!c.without_skp.is_empty()).then(|| view! {
                <section aria-labelledby="without-title">
                    <h2 id="without-title">{t!(i18n, skp.without_skp)}</h2>
                    <ul class="plain-list">{c.without_skp.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </section>
            })}
        </section>
    }
}
