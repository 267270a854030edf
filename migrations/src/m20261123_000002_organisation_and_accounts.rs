//! Organisation (units, positions, employees, mutation history), accounts, sessions, login
//! throttling, password resets and the audit log.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Instansi {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum UnitKerja {
    Table,
    Id,
    InstansiId,
    ParentId,
    Path,
    Depth,
    Code,
    Name,
    ClosedAt,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Jabatan {
    Table,
    Id,
    UnitId,
    Name,
    Kind,
    Eselon,
    Jenjang,
    IsHead,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Pegawai {
    Table,
    Id,
    InstansiId,
    Nip,
    Name,
    NameSearch,
    FrontTitle,
    BackTitle,
    Email,
    AsnType,
    RankGrade,
    UnitId,
    JabatanId,
    AtasanId,
    PenilaiId,
    AtasanPenilaiId,
    Active,
    Locale,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum RiwayatJabatan {
    Table,
    Id,
    PegawaiId,
    UnitId,
    JabatanId,
    StartedAt,
    EndedAt,
    Note,
    RecordedBy,
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    Id,
    PegawaiId,
    Login,
    PasswordHash,
    IsSuperAdmin,
    AdminScope,
    AdminUnitId,
    TotpSecret,
    TotpEnabled,
    PasswordChangedAt,
    Disabled,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AuthSession {
    Table,
    Id,
    UserId,
    CsrfToken,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
    Ip,
    UserAgent,
}

#[derive(DeriveIden)]
enum LoginThrottle {
    Table,
    Key,
    Failures,
    WindowStartedAt,
    LockedUntil,
}

#[derive(DeriveIden)]
enum PasswordReset {
    Table,
    TokenHash,
    UserId,
    CreatedBy,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    At,
    ActorUserId,
    Action,
    ObjectType,
    ObjectId,
    Before,
    After,
    Ip,
    RequestId,
}

fn id_col<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name)
        .big_integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .to_owned()
}

fn timestamps<T: IntoIden>(table: &mut TableCreateStatement, created: T, updated: T) {
    table
        .col(
            ColumnDef::new(created)
                .timestamp_with_time_zone()
                .not_null(),
        )
        .col(
            ColumnDef::new(updated)
                .timestamp_with_time_zone()
                .not_null(),
        );
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let mut unit = Table::create()
            .table(UnitKerja::Table)
            .col(id_col(UnitKerja::Id))
            .col(
                ColumnDef::new(UnitKerja::InstansiId)
                    .big_integer()
                    .not_null(),
            )
            .col(ColumnDef::new(UnitKerja::ParentId).big_integer().null())
            // Materialised path `/1/4/9/`: a subtree is one indexed prefix match.
            .col(
                ColumnDef::new(UnitKerja::Path)
                    .string_len(400)
                    .not_null()
                    .unique_key(),
            )
            .col(ColumnDef::new(UnitKerja::Depth).integer().not_null())
            .col(ColumnDef::new(UnitKerja::Code).string_len(40).not_null())
            .col(ColumnDef::new(UnitKerja::Name).string_len(200).not_null())
            .col(
                ColumnDef::new(UnitKerja::ClosedAt)
                    .timestamp_with_time_zone()
                    .null(),
            )
            .col(
                ColumnDef::new(UnitKerja::Version)
                    .integer()
                    .not_null()
                    .default(1),
            )
            .foreign_key(
                ForeignKey::create()
                    .from(UnitKerja::Table, UnitKerja::InstansiId)
                    .to(Instansi::Table, Instansi::Id),
            )
            .foreign_key(
                ForeignKey::create()
                    .from(UnitKerja::Table, UnitKerja::ParentId)
                    .to(UnitKerja::Table, UnitKerja::Id),
            )
            .to_owned();
        timestamps(&mut unit, UnitKerja::CreatedAt, UnitKerja::UpdatedAt);
        m.create_table(unit).await?;
        m.create_index(
            Index::create()
                .name("ux_unit_kerja_code")
                .table(UnitKerja::Table)
                .col(UnitKerja::InstansiId)
                .col(UnitKerja::Code)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_unit_kerja_parent")
                .table(UnitKerja::Table)
                .col(UnitKerja::ParentId)
                .to_owned(),
        )
        .await?;

        let mut jabatan = Table::create()
            .table(Jabatan::Table)
            .col(id_col(Jabatan::Id))
            .col(ColumnDef::new(Jabatan::UnitId).big_integer().not_null())
            .col(ColumnDef::new(Jabatan::Name).string_len(200).not_null())
            .col(ColumnDef::new(Jabatan::Kind).string_len(20).not_null())
            .col(ColumnDef::new(Jabatan::Eselon).string_len(8).null())
            .col(ColumnDef::new(Jabatan::Jenjang).string_len(30).null())
            .col(
                ColumnDef::new(Jabatan::IsHead)
                    .boolean()
                    .not_null()
                    .default(false),
            )
            .col(
                ColumnDef::new(Jabatan::Version)
                    .integer()
                    .not_null()
                    .default(1),
            )
            .check(Expr::col(Jabatan::Kind).is_in([
                "jpt_utama",
                "jpt_madya",
                "jpt_pratama",
                "administrator",
                "pengawas",
                "fungsional",
                "pelaksana",
            ]))
            .foreign_key(
                ForeignKey::create()
                    .from(Jabatan::Table, Jabatan::UnitId)
                    .to(UnitKerja::Table, UnitKerja::Id),
            )
            .to_owned();
        timestamps(&mut jabatan, Jabatan::CreatedAt, Jabatan::UpdatedAt);
        m.create_table(jabatan).await?;

        let mut pegawai = Table::create()
            .table(Pegawai::Table)
            .col(id_col(Pegawai::Id))
            .col(ColumnDef::new(Pegawai::InstansiId).big_integer().not_null())
            .col(
                ColumnDef::new(Pegawai::Nip)
                    .string_len(18)
                    .not_null()
                    .unique_key(),
            )
            .col(ColumnDef::new(Pegawai::Name).string_len(120).not_null())
            // Lower-cased name without titles, for case-insensitive search on both engines.
            .col(
                ColumnDef::new(Pegawai::NameSearch)
                    .string_len(120)
                    .not_null(),
            )
            .col(ColumnDef::new(Pegawai::FrontTitle).string_len(40).null())
            .col(ColumnDef::new(Pegawai::BackTitle).string_len(60).null())
            .col(
                ColumnDef::new(Pegawai::Email)
                    .string_len(200)
                    .null()
                    .unique_key(),
            )
            .col(ColumnDef::new(Pegawai::AsnType).string_len(4).not_null())
            .col(ColumnDef::new(Pegawai::RankGrade).string_len(10).not_null())
            .col(ColumnDef::new(Pegawai::UnitId).big_integer().not_null())
            .col(ColumnDef::new(Pegawai::JabatanId).big_integer().null())
            .col(ColumnDef::new(Pegawai::AtasanId).big_integer().null())
            .col(ColumnDef::new(Pegawai::PenilaiId).big_integer().null())
            .col(
                ColumnDef::new(Pegawai::AtasanPenilaiId)
                    .big_integer()
                    .null(),
            )
            .col(
                ColumnDef::new(Pegawai::Active)
                    .boolean()
                    .not_null()
                    .default(true),
            )
            .col(
                ColumnDef::new(Pegawai::Locale)
                    .string_len(5)
                    .not_null()
                    .default("id"),
            )
            .col(
                ColumnDef::new(Pegawai::Version)
                    .integer()
                    .not_null()
                    .default(1),
            )
            .check(Expr::col(Pegawai::AsnType).is_in(["pns", "pppk"]))
            .check(Expr::col(Pegawai::Locale).is_in(["id", "en"]))
            .foreign_key(
                ForeignKey::create()
                    .from(Pegawai::Table, Pegawai::InstansiId)
                    .to(Instansi::Table, Instansi::Id),
            )
            .foreign_key(
                ForeignKey::create()
                    .from(Pegawai::Table, Pegawai::UnitId)
                    .to(UnitKerja::Table, UnitKerja::Id),
            )
            .foreign_key(
                ForeignKey::create()
                    .from(Pegawai::Table, Pegawai::JabatanId)
                    .to(Jabatan::Table, Jabatan::Id),
            )
            .foreign_key(
                ForeignKey::create()
                    .from(Pegawai::Table, Pegawai::AtasanId)
                    .to(Pegawai::Table, Pegawai::Id),
            )
            .foreign_key(
                ForeignKey::create()
                    .from(Pegawai::Table, Pegawai::PenilaiId)
                    .to(Pegawai::Table, Pegawai::Id),
            )
            .foreign_key(
                ForeignKey::create()
                    .from(Pegawai::Table, Pegawai::AtasanPenilaiId)
                    .to(Pegawai::Table, Pegawai::Id),
            )
            .to_owned();
        timestamps(&mut pegawai, Pegawai::CreatedAt, Pegawai::UpdatedAt);
        m.create_table(pegawai).await?;
        for (name, col) in [
            ("ix_pegawai_name_search", Pegawai::NameSearch),
            ("ix_pegawai_unit", Pegawai::UnitId),
            ("ix_pegawai_penilai", Pegawai::PenilaiId),
            ("ix_pegawai_atasan_penilai", Pegawai::AtasanPenilaiId),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(Pegawai::Table)
                    .col(col)
                    .to_owned(),
            )
            .await?;
        }

        m.create_table(
            Table::create()
                .table(RiwayatJabatan::Table)
                .col(id_col(RiwayatJabatan::Id))
                .col(
                    ColumnDef::new(RiwayatJabatan::PegawaiId)
                        .big_integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(RiwayatJabatan::UnitId)
                        .big_integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(RiwayatJabatan::JabatanId)
                        .big_integer()
                        .null(),
                )
                .col(ColumnDef::new(RiwayatJabatan::StartedAt).date().not_null())
                .col(ColumnDef::new(RiwayatJabatan::EndedAt).date().null())
                .col(ColumnDef::new(RiwayatJabatan::Note).string_len(300).null())
                .col(
                    ColumnDef::new(RiwayatJabatan::RecordedBy)
                        .big_integer()
                        .null(),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(RiwayatJabatan::Table, RiwayatJabatan::PegawaiId)
                        .to(Pegawai::Table, Pegawai::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(RiwayatJabatan::Table, RiwayatJabatan::UnitId)
                        .to(UnitKerja::Table, UnitKerja::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(RiwayatJabatan::Table, RiwayatJabatan::JabatanId)
                        .to(Jabatan::Table, Jabatan::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_riwayat_jabatan_pegawai")
                .table(RiwayatJabatan::Table)
                .col(RiwayatJabatan::PegawaiId)
                .to_owned(),
        )
        .await?;

        let mut account = Table::create()
            .table(UserAccount::Table)
            .col(id_col(UserAccount::Id))
            .col(
                ColumnDef::new(UserAccount::PegawaiId)
                    .big_integer()
                    .null()
                    .unique_key(),
            )
            // NIP or e-mail, lower-cased.
            .col(
                ColumnDef::new(UserAccount::Login)
                    .string_len(200)
                    .not_null()
                    .unique_key(),
            )
            .col(
                ColumnDef::new(UserAccount::PasswordHash)
                    .string_len(200)
                    .not_null(),
            )
            .col(
                ColumnDef::new(UserAccount::IsSuperAdmin)
                    .boolean()
                    .not_null()
                    .default(false),
            )
            // none | agency | subtree
            .col(
                ColumnDef::new(UserAccount::AdminScope)
                    .string_len(8)
                    .not_null()
                    .default("none"),
            )
            .col(
                ColumnDef::new(UserAccount::AdminUnitId)
                    .big_integer()
                    .null(),
            )
            .col(
                ColumnDef::new(UserAccount::TotpSecret)
                    .string_len(64)
                    .null(),
            )
            .col(
                ColumnDef::new(UserAccount::TotpEnabled)
                    .boolean()
                    .not_null()
                    .default(false),
            )
            .col(
                ColumnDef::new(UserAccount::PasswordChangedAt)
                    .timestamp_with_time_zone()
                    .not_null(),
            )
            .col(
                ColumnDef::new(UserAccount::Disabled)
                    .boolean()
                    .not_null()
                    .default(false),
            )
            .col(
                ColumnDef::new(UserAccount::Version)
                    .integer()
                    .not_null()
                    .default(1),
            )
            .check(Expr::col(UserAccount::AdminScope).is_in(["none", "agency", "subtree"]))
            .foreign_key(
                ForeignKey::create()
                    .from(UserAccount::Table, UserAccount::PegawaiId)
                    .to(Pegawai::Table, Pegawai::Id),
            )
            .foreign_key(
                ForeignKey::create()
                    .from(UserAccount::Table, UserAccount::AdminUnitId)
                    .to(UnitKerja::Table, UnitKerja::Id),
            )
            .to_owned();
        timestamps(&mut account, UserAccount::CreatedAt, UserAccount::UpdatedAt);
        m.create_table(account).await?;

        m.create_table(
            Table::create()
                .table(AuthSession::Table)
                // SHA-256 of the cookie token: a leaked table does not reveal live sessions.
                .col(
                    ColumnDef::new(AuthSession::Id)
                        .string_len(64)
                        .not_null()
                        .primary_key(),
                )
                .col(ColumnDef::new(AuthSession::UserId).big_integer().not_null())
                .col(
                    ColumnDef::new(AuthSession::CsrfToken)
                        .string_len(64)
                        .not_null(),
                )
                .col(
                    ColumnDef::new(AuthSession::CreatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(AuthSession::LastSeenAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(AuthSession::ExpiresAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(ColumnDef::new(AuthSession::Ip).string_len(64).null())
                .col(
                    ColumnDef::new(AuthSession::UserAgent)
                        .string_len(300)
                        .null(),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(AuthSession::Table, AuthSession::UserId)
                        .to(UserAccount::Table, UserAccount::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_auth_session_user")
                .table(AuthSession::Table)
                .col(AuthSession::UserId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(LoginThrottle::Table)
                // `account:<login>` or `ip:<address>`.
                .col(
                    ColumnDef::new(LoginThrottle::Key)
                        .string_len(250)
                        .not_null()
                        .primary_key(),
                )
                .col(ColumnDef::new(LoginThrottle::Failures).integer().not_null())
                .col(
                    ColumnDef::new(LoginThrottle::WindowStartedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(LoginThrottle::LockedUntil)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(PasswordReset::Table)
                .col(
                    ColumnDef::new(PasswordReset::TokenHash)
                        .string_len(64)
                        .not_null()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(PasswordReset::UserId)
                        .big_integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(PasswordReset::CreatedBy)
                        .big_integer()
                        .null(),
                )
                .col(
                    ColumnDef::new(PasswordReset::CreatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(PasswordReset::ExpiresAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(PasswordReset::UsedAt)
                        .timestamp_with_time_zone()
                        .null(),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(PasswordReset::Table, PasswordReset::UserId)
                        .to(UserAccount::Table, UserAccount::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(AuditLog::Table)
                .col(id_col(AuditLog::Id))
                .col(
                    ColumnDef::new(AuditLog::At)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(ColumnDef::new(AuditLog::ActorUserId).big_integer().null())
                .col(ColumnDef::new(AuditLog::Action).string_len(60).not_null())
                .col(
                    ColumnDef::new(AuditLog::ObjectType)
                        .string_len(40)
                        .not_null(),
                )
                .col(ColumnDef::new(AuditLog::ObjectId).string_len(64).null())
                .col(ColumnDef::new(AuditLog::Before).text().null())
                .col(ColumnDef::new(AuditLog::After).text().null())
                .col(ColumnDef::new(AuditLog::Ip).string_len(64).null())
                .col(ColumnDef::new(AuditLog::RequestId).string_len(64).null())
                .to_owned(),
        )
        .await?;
        for (name, col) in [
            ("ix_audit_log_at", AuditLog::At),
            ("ix_audit_log_actor", AuditLog::ActorUserId),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(AuditLog::Table)
                    .col(col)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // Reverse order of creation: dependants first.
        for table in [
            AuditLog::Table.into_iden(),
            PasswordReset::Table.into_iden(),
            LoginThrottle::Table.into_iden(),
            AuthSession::Table.into_iden(),
            UserAccount::Table.into_iden(),
            RiwayatJabatan::Table.into_iden(),
            Pegawai::Table.into_iden(),
            Jabatan::Table.into_iden(),
            UnitKerja::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
