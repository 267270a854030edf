//! At most one public 360° link per person or unit in a cycle, even when two managers create
//! one at the same moment. A unit link has no person (NULL) and a person's link no unit; NULL
//! values never collide in a unique index on either engine, so each index constrains only its
//! own kind of link.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Tautan360 {
    #[sea_orm(iden = "tautan_360")]
    Table,
    CycleId,
    RateeId,
    UnitId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name("ux_tautan_360_ratee")
                .table(Tautan360::Table)
                .col(Tautan360::CycleId)
                .col(Tautan360::RateeId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_tautan_360_unit")
                .table(Tautan360::Table)
                .col(Tautan360::CycleId)
                .col(Tautan360::UnitId)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for name in ["ux_tautan_360_unit", "ux_tautan_360_ratee"] {
            m.drop_index(Index::drop().name(name).table(Tautan360::Table).to_owned())
                .await?;
        }
        Ok(())
    }
}
