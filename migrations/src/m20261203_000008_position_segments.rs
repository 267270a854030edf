//! A plan covers one position segment of its period (DOMAIN.md §11.3): a transfer (mutasi)
//! closes the employee's plan on the day before and the next plan starts the day of the move.
//! Existing plans cover their whole period.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Skp {
    Table,
    StartsOn,
    EndsOn,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // A column added to existing rows needs a default on SQLite; every row is then given
        // its period's first day, and the application always writes the value itself.
        m.alter_table(
            Table::alter()
                .table(Skp::Table)
                .add_column(
                    ColumnDef::new(Skp::StartsOn)
                        .date()
                        .not_null()
                        .default("1970-01-01"),
                )
                .to_owned(),
        )
        .await?;
        m.get_connection()
            .execute_unprepared(
                "UPDATE skp SET starts_on = \
                 (SELECT periode.starts_on FROM periode WHERE periode.id = skp.periode_id)",
            )
            .await?;
        m.alter_table(
            Table::alter()
                .table(Skp::Table)
                .add_column(ColumnDef::new(Skp::EndsOn).date().null())
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for column in [Skp::EndsOn, Skp::StartsOn] {
            m.alter_table(
                Table::alter()
                    .table(Skp::Table)
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
