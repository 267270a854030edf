//! The agency (*instansi*) settings: one row per agency served by this installation.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Instansi {
    Table,
    Id,
    Code,
    Name,
    ShortName,
    TimeZone,
    EvaluationInterval,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Instansi::Table)
                    .col(
                        ColumnDef::new(Instansi::Id)
                            .big_integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(Instansi::Code)
                            .string_len(32)
                            .not_null()
                            .unique_key(),
                    )
                    .col(ColumnDef::new(Instansi::Name).string_len(200).not_null())
                    .col(
                        ColumnDef::new(Instansi::ShortName)
                            .string_len(60)
                            .not_null(),
                    )
                    // Stored as the IANA name (Asia/Jakarta, Asia/Makassar, Asia/Jayapura).
                    .col(ColumnDef::new(Instansi::TimeZone).string_len(40).not_null())
                    .col(
                        ColumnDef::new(Instansi::EvaluationInterval)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Instansi::Version)
                            .integer()
                            .not_null()
                            .default(1),
                    )
                    .col(
                        ColumnDef::new(Instansi::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Instansi::UpdatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .check(Expr::col(Instansi::TimeZone).is_in([
                        "Asia/Jakarta",
                        "Asia/Makassar",
                        "Asia/Jayapura",
                    ]))
                    .check(Expr::col(Instansi::EvaluationInterval).is_in([
                        "monthly",
                        "quarterly",
                        "semester",
                    ]))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(Instansi::Table).to_owned())
            .await
    }
}
