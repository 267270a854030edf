//! Where each person's choice of peer raters stands in a 360° cycle (`pending` while they may
//! change it, `submitted` to their appraiser, `approved`). The chosen peers themselves are the
//! cycle's proposed assignments; this column only says whose hands the list is in.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Siklus360Peserta {
    #[sea_orm(iden = "siklus_360_peserta")]
    Table,
    EmployeeId,
    Nomination,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Siklus360Peserta::Table)
                .add_column(
                    ColumnDef::new(Siklus360Peserta::Nomination)
                        .string_len(20)
                        .not_null()
                        .default("pending"),
                )
                .to_owned(),
        )
        .await?;
        // Every desk load asks which cycles a person is in.
        m.create_index(
            Index::create()
                .name("ix_siklus_360_peserta_employee")
                .table(Siklus360Peserta::Table)
                .col(Siklus360Peserta::EmployeeId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("ix_siklus_360_peserta_employee")
                .table(Siklus360Peserta::Table)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Siklus360Peserta::Table)
                .drop_column(Siklus360Peserta::Nomination)
                .to_owned(),
        )
        .await
    }
}
