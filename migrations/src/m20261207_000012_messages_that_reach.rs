//! Messages that reach people: a notification carries the appraiser's note (a returned plan or
//! self-assessment says why in the bell and the list), and a refused form's errors wait on the
//! server for the page the browser is sent back to, instead of riding in its address.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Notifikasi {
    Table,
    Note,
}

#[derive(DeriveIden)]
enum FormFlash {
    Table,
    TokenHash,
    Page,
    FnPath,
    Error,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Notifikasi::Table)
                .add_column(ColumnDef::new(Notifikasi::Note).text().null())
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(FormFlash::Table)
                .col(
                    ColumnDef::new(FormFlash::TokenHash)
                        .string_len(64)
                        .not_null()
                        .primary_key(),
                )
                .col(ColumnDef::new(FormFlash::Page).text().not_null())
                .col(ColumnDef::new(FormFlash::FnPath).text().not_null())
                .col(ColumnDef::new(FormFlash::Error).text().not_null())
                .col(
                    ColumnDef::new(FormFlash::CreatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_form_flash_created_at")
                .table(FormFlash::Table)
                .col(FormFlash::CreatedAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(FormFlash::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(Notifikasi::Table)
                .drop_column(Notifikasi::Note)
                .to_owned(),
        )
        .await
    }
}
