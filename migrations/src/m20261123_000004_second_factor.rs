//! Second factor: the agency's "admins need TOTP" switch, the last accepted TOTP step per account
//! (a code is accepted once), and the short-lived challenge between password and code at login.
//! Also the indexes the admin screens need at scale (unit heads, audit trail per object).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Instansi {
    Table,
    RequireAdminMfa,
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    Id,
    TotpLastStep,
}

#[derive(DeriveIden)]
enum Pegawai {
    Table,
    JabatanId,
}

#[derive(DeriveIden)]
enum Jabatan {
    Table,
    UnitId,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    ObjectType,
    ObjectId,
    Id,
}

#[derive(DeriveIden)]
enum LoginChallenge {
    Table,
    TokenHash,
    UserId,
    Next,
    CreatedAt,
    ExpiresAt,
    Attempts,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Instansi::Table)
                .add_column(
                    ColumnDef::new(Instansi::RequireAdminMfa)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(UserAccount::Table)
                .add_column(
                    ColumnDef::new(UserAccount::TotpLastStep)
                        .big_integer()
                        .null(),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(LoginChallenge::Table)
                .col(
                    ColumnDef::new(LoginChallenge::TokenHash)
                        .string_len(64)
                        .not_null()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(LoginChallenge::UserId)
                        .big_integer()
                        .not_null(),
                )
                .col(ColumnDef::new(LoginChallenge::Next).string_len(500).null())
                .col(
                    ColumnDef::new(LoginChallenge::CreatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(LoginChallenge::ExpiresAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(LoginChallenge::Attempts)
                        .integer()
                        .not_null()
                        .default(0),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(LoginChallenge::Table, LoginChallenge::UserId)
                        .to(UserAccount::Table, UserAccount::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_pegawai_jabatan")
                .table(Pegawai::Table)
                .col(Pegawai::JabatanId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_jabatan_unit")
                .table(Jabatan::Table)
                .col(Jabatan::UnitId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_audit_log_object")
                .table(AuditLog::Table)
                .col(AuditLog::ObjectType)
                .col(AuditLog::ObjectId)
                .col(AuditLog::Id)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, table) in [
            ("ix_audit_log_object", AuditLog::Table.into_iden()),
            ("ix_jabatan_unit", Jabatan::Table.into_iden()),
            ("ix_pegawai_jabatan", Pegawai::Table.into_iden()),
        ] {
            m.drop_index(Index::drop().name(name).table(table).to_owned())
                .await?;
        }
        m.drop_table(Table::drop().table(LoginChallenge::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(UserAccount::Table)
                .drop_column(UserAccount::TotpLastStep)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Instansi::Table)
                .drop_column(Instansi::RequireAdminMfa)
                .to_owned(),
        )
        .await
    }
}
