//! *Rencana aksi* (DOMAIN.md §5): one step per IKI and sub-period of an established SKP, with
//! what will be done and the periodic target, and per SKP where the agreement with the
//! appraiser stands. An SKP without a status row has no action plan yet.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Skp {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SkpIndikator {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum RencanaAksi {
    Table,
    Id,
    SkpId,
    IndikatorId,
    Seq,
    Description,
    Target,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RencanaAksiStatus {
    Table,
    SkpId,
    State,
    Note,
    SubmittedAt,
    AgreedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(RencanaAksi::Table)
                .col(
                    ColumnDef::new(RencanaAksi::Id)
                        .big_integer()
                        .not_null()
                        .auto_increment()
                        .primary_key(),
                )
                .col(ColumnDef::new(RencanaAksi::SkpId).big_integer().not_null())
                .col(
                    ColumnDef::new(RencanaAksi::IndikatorId)
                        .big_integer()
                        .not_null(),
                )
                // The sub-period: 1–12 by month, 1–4 by quarter, 1–2 by semester.
                .col(ColumnDef::new(RencanaAksi::Seq).integer().not_null())
                .col(ColumnDef::new(RencanaAksi::Description).text().not_null())
                .col(
                    ColumnDef::new(RencanaAksi::Target)
                        .string_len(60)
                        .not_null(),
                )
                .col(
                    ColumnDef::new(RencanaAksi::UpdatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(RencanaAksi::Table, RencanaAksi::SkpId)
                        .to(Skp::Table, Skp::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(RencanaAksi::Table, RencanaAksi::IndikatorId)
                        .to(SkpIndikator::Table, SkpIndikator::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_rencana_aksi_step")
                .table(RencanaAksi::Table)
                .col(RencanaAksi::IndikatorId)
                .col(RencanaAksi::Seq)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_rencana_aksi_skp")
                .table(RencanaAksi::Table)
                .col(RencanaAksi::SkpId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RencanaAksiStatus::Table)
                .col(
                    ColumnDef::new(RencanaAksiStatus::SkpId)
                        .big_integer()
                        .not_null()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(RencanaAksiStatus::State)
                        .string_len(20)
                        .not_null(),
                )
                .col(ColumnDef::new(RencanaAksiStatus::Note).text().null())
                .col(
                    ColumnDef::new(RencanaAksiStatus::SubmittedAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .col(
                    ColumnDef::new(RencanaAksiStatus::AgreedAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .col(
                    ColumnDef::new(RencanaAksiStatus::UpdatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(RencanaAksiStatus::Table, RencanaAksiStatus::SkpId)
                        .to(Skp::Table, Skp::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(RencanaAksiStatus::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(RencanaAksi::Table).to_owned())
            .await
    }
}
