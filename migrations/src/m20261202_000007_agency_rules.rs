//! Two agency settings the documents and the self-assessment need: whether every reported
//! indicator needs evidence (an application rule, not the regulation's, so each agency decides;
//! existing agencies keep today's behaviour, off), and the place printed above the signatures.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Instansi {
    Table,
    RequireEvidence,
    DocumentPlace,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Instansi::Table)
                .add_column(
                    ColumnDef::new(Instansi::RequireEvidence)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Instansi::Table)
                .add_column(
                    ColumnDef::new(Instansi::DocumentPlace)
                        .string_len(80)
                        .not_null()
                        .default(""),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for column in [Instansi::DocumentPlace, Instansi::RequireEvidence] {
            m.alter_table(
                Table::alter()
                    .table(Instansi::Table)
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
