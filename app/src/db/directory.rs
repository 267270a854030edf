//! The employee directory query: search, filters, sorting and pagination done by the database,
//! so a page costs the same with 60 employees or 20,000 (see `server/benches/directory.rs`).

use crate::db::entities::{jabatan, pegawai, unit_kerja};
use crate::domain::directory::{
    DirectoryPage, DirectoryQuery, DirectoryRow, SearchTerm, SortKey, StatusFilter,
};
use crate::domain::employee::{AsnType, display_name};
use crate::domain::ids::EmployeeId;
use crate::error::AppError;
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, FromQueryResult, JoinType, Order,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, RelationDef, Select,
};

#[derive(FromQueryResult)]
struct RawRow {
    id: EmployeeId,
    nip: String,
    name: String,
    front_title: Option<String>,
    back_title: Option<String>,
    unit_name: String,
    position: Option<String>,
    rank_grade: String,
    asn_type: AsnType,
    active: bool,
}

fn unit_join() -> RelationDef {
    pegawai::Entity::belongs_to(unit_kerja::Entity)
        .from(pegawai::Column::UnitId)
        .to(unit_kerja::Column::Id)
        .into()
}

fn position_join() -> RelationDef {
    pegawai::Entity::belongs_to(jabatan::Entity)
        .from(pegawai::Column::JabatanId)
        .to(jabatan::Column::Id)
        .into()
}

/// `LIKE` pattern matching `text` literally (its `%`, `_` and `\` escaped).
pub fn like_literal(prefix: &str, text: &str, suffix: &str) -> LikeExpr {
    let escaped: String = text
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    LikeExpr::new(format!("{prefix}{escaped}{suffix}")).escape('\\')
}

/// Every employee in the subtree at `within` (a unit path; `None` is the whole agency) that
/// matches `query`, sorted as asked, unpaginated.
fn filtered(within: Option<&str>, query: &DirectoryQuery) -> Select<pegawai::Entity> {
    let mut condition = Condition::all();
    if let Some(path) = within {
        condition = condition.add(unit_kerja::Column::Path.like(like_literal("", path, "%")));
    }
    match query.search_term() {
        Some(SearchTerm::NipPrefix(digits)) => {
            condition = condition.add(pegawai::Column::Nip.like(like_literal("", &digits, "%")));
        }
        Some(SearchTerm::Name(words)) => {
            // Every word somewhere in the name: "siti ami" finds "Siti Aminah" and "Aminah Siti".
            for word in words {
                condition = condition.add(
                    Expr::col((pegawai::Entity, pegawai::Column::NameSearch))
                        .like(like_literal("%", &word, "%")),
                );
            }
        }
        None => {}
    }
    match query.status {
        StatusFilter::Active => condition = condition.add(pegawai::Column::Active.eq(true)),
        StatusFilter::Inactive => condition = condition.add(pegawai::Column::Active.eq(false)),
        StatusFilter::All => {}
    }
    if let Some(asn_type) = query.asn_type {
        condition = condition.add(pegawai::Column::AsnType.eq(asn_type));
    }
    pegawai::Entity::find()
        .join(JoinType::InnerJoin, unit_join())
        .filter(condition)
}

fn sorted(select: Select<pegawai::Entity>, query: &DirectoryQuery) -> Select<pegawai::Entity> {
    let order = if query.descending {
        Order::Desc
    } else {
        Order::Asc
    };
    let select = match query.sort {
        SortKey::Name => select.order_by(pegawai::Column::NameSearch, order),
        SortKey::Nip => select.order_by(pegawai::Column::Nip, order),
        SortKey::Unit => select
            .order_by(unit_kerja::Column::Name, order)
            .order_by(pegawai::Column::NameSearch, Order::Asc),
        SortKey::Rank => select
            .order_by(pegawai::Column::RankGrade, order)
            .order_by(pegawai::Column::NameSearch, Order::Asc),
    };
    select.order_by(pegawai::Column::Id, Order::Asc)
}

/// The ids of every matching employee, in the query's order (for exports).
pub async fn matching_ids(
    db: &impl ConnectionTrait,
    within: Option<&str>,
    query: &DirectoryQuery,
) -> Result<Vec<EmployeeId>, AppError> {
    Ok(sorted(filtered(within, query), query)
        .select_only()
        .column(pegawai::Column::Id)
        .into_tuple::<EmployeeId>()
        .all(db)
        .await?)
}

/// One page of the employees in the subtree at `within` that match `query`.
pub async fn search(
    db: &impl ConnectionTrait,
    within: Option<&str>,
    query: &DirectoryQuery,
) -> Result<DirectoryPage, AppError> {
    let base = filtered(within, query);
    let total = base.clone().count(db).await?;
    let page_count = Ord::max(total.div_ceil(DirectoryQuery::PAGE_SIZE), 1);
    let page = Ord::min(query.page, page_count - 1);
    let raw = sorted(base, query)
        .join(JoinType::LeftJoin, position_join())
        .select_only()
        .columns([
            pegawai::Column::Id,
            pegawai::Column::Nip,
            pegawai::Column::Name,
            pegawai::Column::FrontTitle,
            pegawai::Column::BackTitle,
            pegawai::Column::RankGrade,
            pegawai::Column::AsnType,
            pegawai::Column::Active,
        ])
        .column_as(unit_kerja::Column::Name, "unit_name")
        .column_as(jabatan::Column::Name, "position")
        .offset(page * DirectoryQuery::PAGE_SIZE)
        .limit(DirectoryQuery::PAGE_SIZE)
        .into_model::<RawRow>()
        .all(db)
        .await?;

    Ok(DirectoryPage {
        rows: raw
            .into_iter()
            .map(|r| DirectoryRow {
                id: r.id,
                name: display_name(r.front_title.as_deref(), &r.name, r.back_title.as_deref()),
                nip: r.nip,
                unit: r.unit_name,
                position: r.position,
                rank_grade: r.rank_grade,
                asn_type: r.asn_type,
                active: r.active,
            })
            .collect(),
        total,
        page,
        page_count,
    })
}
