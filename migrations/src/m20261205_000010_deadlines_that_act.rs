//! Deadlines that act (DOMAIN.md §11.4–§11.5):
//! - an agency setting that refuses self-assessments handed in after their deadline (off, as
//!   before, for existing agencies);
//! - the deadline a reminder notification is about, so the bell can say "batas 07-08-2026";
//! - one row per reminder sent, whose unique key makes sending idempotent across restarts and
//!   across instances running the same job.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Instansi {
    Table,
    LockLateSubmissions,
}

#[derive(DeriveIden)]
enum Notifikasi {
    Table,
    DueOn,
}

#[derive(DeriveIden)]
enum Pegawai {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Pengingat {
    Table,
    Id,
    PegawaiId,
    Task,
    Deadline,
    LeadDays,
    SentAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Instansi::Table)
                .add_column(
                    ColumnDef::new(Instansi::LockLateSubmissions)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Notifikasi::Table)
                .add_column(ColumnDef::new(Notifikasi::DueOn).date().null())
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Pengingat::Table)
                .col(
                    ColumnDef::new(Pengingat::Id)
                        .big_integer()
                        .not_null()
                        .auto_increment()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(Pengingat::PegawaiId)
                        .big_integer()
                        .not_null(),
                )
                // What the reminder is about, e.g. `evaluation:12:7` (plan 12, July).
                .col(ColumnDef::new(Pengingat::Task).string_len(80).not_null())
                .col(ColumnDef::new(Pengingat::Deadline).date().not_null())
                // Days before the deadline; -1 for the one sent the day after it.
                .col(ColumnDef::new(Pengingat::LeadDays).integer().not_null())
                .col(
                    ColumnDef::new(Pengingat::SentAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Pengingat::Table, Pengingat::PegawaiId)
                        .to(Pegawai::Table, Pegawai::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_pengingat_once")
                .table(Pengingat::Table)
                .col(Pengingat::PegawaiId)
                .col(Pengingat::Task)
                .col(Pengingat::Deadline)
                .col(Pengingat::LeadDays)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Pengingat::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(Notifikasi::Table)
                .drop_column(Notifikasi::DueOn)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Instansi::Table)
                .drop_column(Instansi::LockLateSubmissions)
                .to_owned(),
        )
        .await
    }
}
