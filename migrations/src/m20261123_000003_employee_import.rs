//! CSV imports of employees: who uploaded which file, whether it was applied, and the per-line
//! errors of a rejected file (so the report survives the redirect and can be looked up later).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum EmployeeImport {
    Table,
    Id,
    CreatedBy,
    CreatedAt,
    FileName,
    Applied,
    RowsTotal,
    CreatedCount,
    UpdatedCount,
    ErrorCount,
    Errors,
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(EmployeeImport::Table)
                .col(
                    ColumnDef::new(EmployeeImport::Id)
                        .big_integer()
                        .not_null()
                        .auto_increment()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(EmployeeImport::CreatedBy)
                        .big_integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(EmployeeImport::CreatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(EmployeeImport::FileName)
                        .string_len(200)
                        .not_null(),
                )
                .col(ColumnDef::new(EmployeeImport::Applied).boolean().not_null())
                .col(
                    ColumnDef::new(EmployeeImport::RowsTotal)
                        .integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(EmployeeImport::CreatedCount)
                        .integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(EmployeeImport::UpdatedCount)
                        .integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(EmployeeImport::ErrorCount)
                        .integer()
                        .not_null(),
                )
                // JSON array of {line, column, code, value}; capped, see ErrorCount for the total.
                .col(ColumnDef::new(EmployeeImport::Errors).text().not_null())
                .foreign_key(
                    ForeignKey::create()
                        .from(EmployeeImport::Table, EmployeeImport::CreatedBy)
                        .to(UserAccount::Table, UserAccount::Id),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(EmployeeImport::Table).to_owned())
            .await
    }
}
