//! Two facts of a real organisation (DOMAIN.md §4, issue "the organisation as it is"):
//! - a *unit kerja mandiri* (a UPT, a puskesmas) whose head writes the JPT form of the SKP;
//! - appraisers who do not work in the application (the Sekda or the Bupati appraising the head
//!   of an agency), kept by name, NIP and position; an employee's record and a plan point at one
//!   instead of at an employee.
//!
//! The two pointers are added to existing tables, where SQLite cannot add a foreign key; the
//! application writes them only from rows it has just read.

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
    Independent,
}

#[derive(DeriveIden)]
enum PejabatLuar {
    Table,
    Id,
    InstansiId,
    Name,
    Nip,
    Position,
    RankGrade,
    AtasanId,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Pegawai {
    Table,
    PenilaiLuarId,
}

#[derive(DeriveIden)]
enum Skp {
    Table,
    PenilaiLuarId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(UnitKerja::Table)
                .add_column(
                    ColumnDef::new(UnitKerja::Independent)
                        .boolean()
                        .not_null()
                        .default(false),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PejabatLuar::Table)
                .col(
                    ColumnDef::new(PejabatLuar::Id)
                        .big_integer()
                        .not_null()
                        .auto_increment()
                        .primary_key(),
                )
                .col(
                    ColumnDef::new(PejabatLuar::InstansiId)
                        .big_integer()
                        .not_null(),
                )
                .col(ColumnDef::new(PejabatLuar::Name).string_len(200).not_null())
                // Elected officials (a Bupati) have no NIP.
                .col(ColumnDef::new(PejabatLuar::Nip).string_len(18).null())
                .col(
                    ColumnDef::new(PejabatLuar::Position)
                        .string_len(200)
                        .not_null(),
                )
                .col(
                    ColumnDef::new(PejabatLuar::RankGrade)
                        .string_len(80)
                        .not_null()
                        .default(""),
                )
                .col(ColumnDef::new(PejabatLuar::AtasanId).big_integer().null())
                .col(ColumnDef::new(PejabatLuar::Version).integer().not_null())
                .col(
                    ColumnDef::new(PejabatLuar::CreatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(PejabatLuar::UpdatedAt)
                        .timestamp_with_time_zone()
                        .not_null(),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(PejabatLuar::Table, PejabatLuar::InstansiId)
                        .to(Instansi::Table, Instansi::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(PejabatLuar::Table, PejabatLuar::AtasanId)
                        .to(PejabatLuar::Table, PejabatLuar::Id),
                )
                .to_owned(),
        )
        .await?;
        // Several NULLs are allowed on both engines: only a NIP that is given must be unique.
        m.create_index(
            Index::create()
                .name("ux_pejabat_luar_nip")
                .table(PejabatLuar::Table)
                .col(PejabatLuar::Nip)
                .unique()
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Pegawai::Table)
                .add_column(ColumnDef::new(Pegawai::PenilaiLuarId).big_integer().null())
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Skp::Table)
                .add_column(ColumnDef::new(Skp::PenilaiLuarId).big_integer().null())
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Skp::Table)
                .drop_column(Skp::PenilaiLuarId)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Pegawai::Table)
                .drop_column(Pegawai::PenilaiLuarId)
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(PejabatLuar::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(UnitKerja::Table)
                .drop_column(UnitKerja::Independent)
                .to_owned(),
        )
        .await
    }
}
