//! 360° feedback (DOMAIN.md §8, §11.6): cycles, versioned instruments, who rates whom, and the
//! answers — kept so that nobody, admins included, can learn who gave which answer.
//!
//! The answer tables (`jawaban_360`, `komentar_360`) have no column that points at a rater, an
//! assignment, a device or an account, random keys instead of sequence numbers (a sequence would
//! give the order of submission), and the day instead of the time. An assignment records only
//! *that* its rater answered, with no time. Scores and comments are separate rows with no key
//! between them. `server/tests/it/feedback360.rs` inspects this schema and the stored rows.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Instansi {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Periode {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Pegawai {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum UnitKerja {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Instrumen360 {
    #[sea_orm(iden = "instrumen_360")]
    Table,
    Id,
    InstansiId,
    Version,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Instrumen360Butir {
    #[sea_orm(iden = "instrumen_360_butir")]
    Table,
    InstrumentId,
    Number,
    CoreValue,
    Audience,
    TextId,
    TextEn,
}

#[derive(DeriveIden)]
enum Siklus360 {
    #[sea_orm(iden = "siklus_360")]
    Table,
    Id,
    InstansiId,
    PeriodeId,
    InstrumentId,
    Title,
    State,
    OpensOn,
    ClosesOn,
    MinAnswers,
    MinPeers,
    MaxPeers,
    Groups,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Siklus360Peserta {
    #[sea_orm(iden = "siklus_360_peserta")]
    Table,
    CycleId,
    EmployeeId,
    UnitId,
}

#[derive(DeriveIden)]
enum Penugasan360 {
    #[sea_orm(iden = "penugasan_360")]
    Table,
    Id,
    CycleId,
    RateeId,
    RaterId,
    RaterGroup,
    State,
    RemindedOn,
}

#[derive(DeriveIden)]
enum Jawaban360 {
    #[sea_orm(iden = "jawaban_360")]
    Table,
    Id,
    CycleId,
    RateeId,
    UnitId,
    RaterGroup,
    SubmittedOn,
    Scores,
}

#[derive(DeriveIden)]
enum Komentar360 {
    #[sea_orm(iden = "komentar_360")]
    Table,
    Id,
    CycleId,
    RateeId,
    UnitId,
    RaterGroup,
    CoreValue,
    Text,
    Hidden,
}

#[derive(DeriveIden)]
enum Tautan360 {
    #[sea_orm(iden = "tautan_360")]
    Table,
    Id,
    CycleId,
    Token,
    RateeId,
    UnitId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Perangkat360 {
    #[sea_orm(iden = "perangkat_360")]
    Table,
    LinkId,
    DeviceHash,
}

#[derive(DeriveIden)]
enum Batas360 {
    #[sea_orm(iden = "batas_360")]
    Table,
    Bucket,
    Hour,
    Count,
}

fn id(col: impl IntoIden) -> ColumnDef {
    ColumnDef::new(col)
        .big_integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .to_owned()
}

fn fk(
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Instrumen360::Table)
                .col(id(Instrumen360::Id))
                .col(
                    ColumnDef::new(Instrumen360::InstansiId)
                        .big_integer()
                        .not_null(),
                )
                .col(ColumnDef::new(Instrumen360::Version).integer().not_null())
                .col(
                    ColumnDef::new(Instrumen360::CreatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .foreign_key(&mut fk(
                    (Instrumen360::Table, Instrumen360::InstansiId),
                    (Instansi::Table, Instansi::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_instrumen_360_version")
                .table(Instrumen360::Table)
                .col(Instrumen360::InstansiId)
                .col(Instrumen360::Version)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Instrumen360Butir::Table)
                .col(
                    ColumnDef::new(Instrumen360Butir::InstrumentId)
                        .big_integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(Instrumen360Butir::Number)
                        .integer()
                        .not_null(),
                )
                // 1–7, the BerAKHLAK value in its official order.
                .col(
                    ColumnDef::new(Instrumen360Butir::CoreValue)
                        .integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(Instrumen360Butir::Audience)
                        .string_len(20)
                        .not_null(),
                )
                .col(ColumnDef::new(Instrumen360Butir::TextId).text().not_null())
                .col(ColumnDef::new(Instrumen360Butir::TextEn).text().not_null())
                .primary_key(
                    Index::create()
                        .col(Instrumen360Butir::InstrumentId)
                        .col(Instrumen360Butir::Number),
                )
                .foreign_key(&mut fk(
                    (Instrumen360Butir::Table, Instrumen360Butir::InstrumentId),
                    (Instrumen360::Table, Instrumen360::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Siklus360::Table)
                .col(id(Siklus360::Id))
                .col(
                    ColumnDef::new(Siklus360::InstansiId)
                        .big_integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(Siklus360::PeriodeId)
                        .big_integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(Siklus360::InstrumentId)
                        .big_integer()
                        .not_null(),
                )
                .col(ColumnDef::new(Siklus360::Title).string_len(120).not_null())
                .col(ColumnDef::new(Siklus360::State).string_len(20).not_null())
                .col(ColumnDef::new(Siklus360::OpensOn).date().not_null())
                .col(ColumnDef::new(Siklus360::ClosesOn).date().not_null())
                .col(ColumnDef::new(Siklus360::MinAnswers).integer().not_null())
                .col(ColumnDef::new(Siklus360::MinPeers).integer().not_null())
                .col(ColumnDef::new(Siklus360::MaxPeers).integer().not_null())
                // The rater groups, comma-separated spellings ("superior,peer,external").
                .col(ColumnDef::new(Siklus360::Groups).string_len(100).not_null())
                .col(ColumnDef::new(Siklus360::Version).integer().not_null())
                .col(
                    ColumnDef::new(Siklus360::CreatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(Siklus360::UpdatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .foreign_key(&mut fk(
                    (Siklus360::Table, Siklus360::InstansiId),
                    (Instansi::Table, Instansi::Id),
                ))
                .foreign_key(&mut fk(
                    (Siklus360::Table, Siklus360::PeriodeId),
                    (Periode::Table, Periode::Id),
                ))
                .foreign_key(
                    ForeignKey::create()
                        .from(Siklus360::Table, Siklus360::InstrumentId)
                        .to(Instrumen360::Table, Instrumen360::Id)
                        .on_delete(ForeignKeyAction::Restrict),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Siklus360Peserta::Table)
                .col(
                    ColumnDef::new(Siklus360Peserta::CycleId)
                        .big_integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(Siklus360Peserta::EmployeeId)
                        .big_integer()
                        .not_null(),
                )
                // The unit the employee was in when the cycle took them in (unit reports).
                .col(
                    ColumnDef::new(Siklus360Peserta::UnitId)
                        .big_integer()
                        .not_null(),
                )
                .primary_key(
                    Index::create()
                        .col(Siklus360Peserta::CycleId)
                        .col(Siklus360Peserta::EmployeeId),
                )
                .foreign_key(&mut fk(
                    (Siklus360Peserta::Table, Siklus360Peserta::CycleId),
                    (Siklus360::Table, Siklus360::Id),
                ))
                .foreign_key(&mut fk(
                    (Siklus360Peserta::Table, Siklus360Peserta::EmployeeId),
                    (Pegawai::Table, Pegawai::Id),
                ))
                .foreign_key(&mut fk(
                    (Siklus360Peserta::Table, Siklus360Peserta::UnitId),
                    (UnitKerja::Table, UnitKerja::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Penugasan360::Table)
                .col(id(Penugasan360::Id))
                .col(
                    ColumnDef::new(Penugasan360::CycleId)
                        .big_integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(Penugasan360::RateeId)
                        .big_integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(Penugasan360::RaterId)
                        .big_integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(Penugasan360::RaterGroup)
                        .string_len(20)
                        .not_null(),
                )
                .col(
                    ColumnDef::new(Penugasan360::State)
                        .string_len(20)
                        .not_null(),
                )
                // The last reminder's day: one every five days at most.
                .col(ColumnDef::new(Penugasan360::RemindedOn).date().null())
                .foreign_key(&mut fk(
                    (Penugasan360::Table, Penugasan360::CycleId),
                    (Siklus360::Table, Siklus360::Id),
                ))
                .foreign_key(&mut fk(
                    (Penugasan360::Table, Penugasan360::RateeId),
                    (Pegawai::Table, Pegawai::Id),
                ))
                .foreign_key(&mut fk(
                    (Penugasan360::Table, Penugasan360::RaterId),
                    (Pegawai::Table, Pegawai::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_penugasan_360_pair")
                .table(Penugasan360::Table)
                .col(Penugasan360::CycleId)
                .col(Penugasan360::RateeId)
                .col(Penugasan360::RaterId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_penugasan_360_rater")
                .table(Penugasan360::Table)
                .col(Penugasan360::RaterId)
                .col(Penugasan360::State)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Jawaban360::Table)
                // Random, so the keys say nothing about the order of submission.
                .col(
                    ColumnDef::new(Jawaban360::Id)
                        .string_len(32)
                        .not_null()
                        .primary_key(),
                )
                .col(ColumnDef::new(Jawaban360::CycleId).big_integer().not_null())
                // The person rated, or the service unit of a unit poster.
                .col(ColumnDef::new(Jawaban360::RateeId).big_integer().null())
                .col(ColumnDef::new(Jawaban360::UnitId).big_integer().null())
                .col(
                    ColumnDef::new(Jawaban360::RaterGroup)
                        .string_len(20)
                        .not_null(),
                )
                .col(ColumnDef::new(Jawaban360::SubmittedOn).date().not_null())
                // JSON: [[statement, score or null], ...].
                .col(ColumnDef::new(Jawaban360::Scores).text().not_null())
                .foreign_key(&mut fk(
                    (Jawaban360::Table, Jawaban360::CycleId),
                    (Siklus360::Table, Siklus360::Id),
                ))
                .foreign_key(&mut fk(
                    (Jawaban360::Table, Jawaban360::RateeId),
                    (Pegawai::Table, Pegawai::Id),
                ))
                .foreign_key(&mut fk(
                    (Jawaban360::Table, Jawaban360::UnitId),
                    (UnitKerja::Table, UnitKerja::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_jawaban_360_ratee")
                .table(Jawaban360::Table)
                .col(Jawaban360::CycleId)
                .col(Jawaban360::RateeId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Komentar360::Table)
                .col(
                    ColumnDef::new(Komentar360::Id)
                        .string_len(32)
                        .not_null()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(Komentar360::CycleId)
                        .big_integer()
                        .not_null(),
                )
                .col(ColumnDef::new(Komentar360::RateeId).big_integer().null())
                .col(ColumnDef::new(Komentar360::UnitId).big_integer().null())
                .col(
                    ColumnDef::new(Komentar360::RaterGroup)
                        .string_len(20)
                        .not_null(),
                )
                .col(ColumnDef::new(Komentar360::CoreValue).integer().not_null())
                .col(ColumnDef::new(Komentar360::Text).text().not_null())
                // Hidden by an admin before release (abusive); kept for the record.
                .col(
                    ColumnDef::new(Komentar360::Hidden)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .foreign_key(&mut fk(
                    (Komentar360::Table, Komentar360::CycleId),
                    (Siklus360::Table, Siklus360::Id),
                ))
                .foreign_key(&mut fk(
                    (Komentar360::Table, Komentar360::RateeId),
                    (Pegawai::Table, Pegawai::Id),
                ))
                .foreign_key(&mut fk(
                    (Komentar360::Table, Komentar360::UnitId),
                    (UnitKerja::Table, UnitKerja::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_komentar_360_ratee")
                .table(Komentar360::Table)
                .col(Komentar360::CycleId)
                .col(Komentar360::RateeId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Tautan360::Table)
                .col(id(Tautan360::Id))
                .col(ColumnDef::new(Tautan360::CycleId).big_integer().not_null())
                .col(ColumnDef::new(Tautan360::Token).string_len(43).not_null())
                .col(ColumnDef::new(Tautan360::RateeId).big_integer().null())
                .col(ColumnDef::new(Tautan360::UnitId).big_integer().null())
                .col(
                    ColumnDef::new(Tautan360::CreatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .foreign_key(&mut fk(
                    (Tautan360::Table, Tautan360::CycleId),
                    (Siklus360::Table, Siklus360::Id),
                ))
                .foreign_key(&mut fk(
                    (Tautan360::Table, Tautan360::RateeId),
                    (Pegawai::Table, Pegawai::Id),
                ))
                .foreign_key(&mut fk(
                    (Tautan360::Table, Tautan360::UnitId),
                    (UnitKerja::Table, UnitKerja::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_tautan_360_token")
                .table(Tautan360::Table)
                .col(Tautan360::Token)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Perangkat360::Table)
                .col(
                    ColumnDef::new(Perangkat360::LinkId)
                        .big_integer()
                        .not_null(),
                )
                // SHA-256 of the device's token: that a device answered, not what or when.
                .col(
                    ColumnDef::new(Perangkat360::DeviceHash)
                        .string_len(64)
                        .not_null(),
                )
                .primary_key(
                    Index::create()
                        .col(Perangkat360::LinkId)
                        .col(Perangkat360::DeviceHash),
                )
                .foreign_key(&mut fk(
                    (Perangkat360::Table, Perangkat360::LinkId),
                    (Tautan360::Table, Tautan360::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Batas360::Table)
                // "link:<id>" (network addresses are counted in memory only, never stored).
                .col(ColumnDef::new(Batas360::Bucket).string_len(80).not_null())
                // Hours since the Unix epoch.
                .col(ColumnDef::new(Batas360::Hour).big_integer().not_null())
                .col(ColumnDef::new(Batas360::Count).integer().not_null())
                .primary_key(Index::create().col(Batas360::Bucket).col(Batas360::Hour))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Batas360::Table.into_iden(),
            Perangkat360::Table.into_iden(),
            Tautan360::Table.into_iden(),
            Komentar360::Table.into_iden(),
            Jawaban360::Table.into_iden(),
            Penugasan360::Table.into_iden(),
            Siklus360Peserta::Table.into_iden(),
            Siklus360::Table.into_iden(),
            Instrumen360Butir::Table.into_iden(),
            Instrumen360::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
