//! Performance planning: annual periods with their deadlines, the organisation's achievement per
//! unit, per-period appraiser overrides, the SKP with its rows (work results, indicators,
//! behaviour expectations, attachments), review comments, the history of every transition, and
//! in-app notifications.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Periode {
    Table,
    Id,
    InstansiId,
    Year,
    EvaluationInterval,
    StartsOn,
    EndsOn,
    PlanningDeadline,
    AnnualDeadline,
    State,
    Version,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PeriodeTenggat {
    Table,
    Id,
    PeriodeId,
    Seq,
    StartsOn,
    EndsOn,
    Deadline,
}

#[derive(DeriveIden)]
enum CapaianOrganisasi {
    Table,
    Id,
    PeriodeId,
    UnitId,
    Predikat,
    Basis,
    SetBy,
    Version,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PenilaiPeriode {
    Table,
    Id,
    PeriodeId,
    PegawaiId,
    PenilaiId,
    AtasanPenilaiId,
    Reason,
    SetBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Skp {
    Table,
    Id,
    PeriodeId,
    PegawaiId,
    State,
    Form,
    Approach,
    PenilaiId,
    AtasanPenilaiId,
    Header,
    Revision,
    Version,
    SubmittedAt,
    ApprovedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SkpHasil {
    Table,
    Id,
    SkpId,
    Grp,
    Position,
    Text,
    ParentId,
    ParentText,
    Perspective,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SkpIndikator {
    Table,
    Id,
    HasilId,
    Position,
    Aspect,
    Text,
    TargetMin,
    TargetMax,
    TargetUnit,
}

#[derive(DeriveIden)]
enum SkpPerilaku {
    Table,
    Id,
    SkpId,
    CoreValue,
    Expectation,
}

#[derive(DeriveIden)]
enum SkpLampiran {
    Table,
    Id,
    SkpId,
    Kind,
    Position,
    Text,
}

#[derive(DeriveIden)]
enum SkpKomentar {
    Table,
    Id,
    SkpId,
    HasilId,
    AuthorId,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum SkpRiwayat {
    Table,
    Id,
    SkpId,
    Event,
    FromState,
    ToState,
    ActorUserId,
    Note,
    Snapshot,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Notifikasi {
    Table,
    Id,
    UserId,
    Kind,
    SkpId,
    ActorName,
    Link,
    ReadAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Instansi {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum UnitKerja {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Pegawai {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    Id,
}

fn id_col<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name)
        .big_integer()
        .not_null()
        .auto_increment()
        .primary_key()
        .to_owned()
}

fn big<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).big_integer().not_null().to_owned()
}

fn big_null<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).big_integer().null().to_owned()
}

fn at<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name)
        .timestamp_with_time_zone()
        .not_null()
        .to_owned()
}

fn at_null<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name)
        .timestamp_with_time_zone()
        .null()
        .to_owned()
}

fn fk<F: IntoIden, T: IntoIden>(
    from: (F, impl IntoIden),
    to: (T, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .to_owned()
}

fn index<T: IntoIden>(
    name: &str,
    table: T,
    cols: &[&'static str],
    unique: bool,
) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).to_owned();
    for col in cols {
        index.col(Alias::new(*col));
    }
    if unique {
        index.unique();
    }
    index
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Periode::Table)
                .col(id_col(Periode::Id))
                .col(big(Periode::InstansiId))
                .col(ColumnDef::new(Periode::Year).integer().not_null())
                .col(
                    ColumnDef::new(Periode::EvaluationInterval)
                        .string_len(20)
                        .not_null(),
                )
                .col(ColumnDef::new(Periode::StartsOn).date().not_null())
                .col(ColumnDef::new(Periode::EndsOn).date().not_null())
                .col(ColumnDef::new(Periode::PlanningDeadline).date().not_null())
                .col(ColumnDef::new(Periode::AnnualDeadline).date().not_null())
                .col(ColumnDef::new(Periode::State).string_len(20).not_null())
                .col(
                    ColumnDef::new(Periode::Version)
                        .integer()
                        .not_null()
                        .default(1),
                )
                .col(at(Periode::CreatedAt))
                .col(at(Periode::UpdatedAt))
                .foreign_key(&mut fk(
                    (Periode::Table, Periode::InstansiId),
                    (Instansi::Table, Instansi::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ux_periode_year",
            Periode::Table,
            &["instansi_id", "year"],
            true,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(PeriodeTenggat::Table)
                .col(id_col(PeriodeTenggat::Id))
                .col(big(PeriodeTenggat::PeriodeId))
                .col(ColumnDef::new(PeriodeTenggat::Seq).integer().not_null())
                .col(ColumnDef::new(PeriodeTenggat::StartsOn).date().not_null())
                .col(ColumnDef::new(PeriodeTenggat::EndsOn).date().not_null())
                .col(ColumnDef::new(PeriodeTenggat::Deadline).date().not_null())
                .foreign_key(
                    &mut fk(
                        (PeriodeTenggat::Table, PeriodeTenggat::PeriodeId),
                        (Periode::Table, Periode::Id),
                    )
                    .on_delete(ForeignKeyAction::Cascade)
                    .to_owned(),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ux_periode_tenggat_seq",
            PeriodeTenggat::Table,
            &["periode_id", "seq"],
            true,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(CapaianOrganisasi::Table)
                .col(id_col(CapaianOrganisasi::Id))
                .col(big(CapaianOrganisasi::PeriodeId))
                .col(big(CapaianOrganisasi::UnitId))
                .col(
                    ColumnDef::new(CapaianOrganisasi::Predikat)
                        .string_len(20)
                        .not_null(),
                )
                .col(ColumnDef::new(CapaianOrganisasi::Basis).text().not_null())
                .col(big(CapaianOrganisasi::SetBy))
                .col(
                    ColumnDef::new(CapaianOrganisasi::Version)
                        .integer()
                        .not_null()
                        .default(1),
                )
                .col(at(CapaianOrganisasi::UpdatedAt))
                .foreign_key(&mut fk(
                    (CapaianOrganisasi::Table, CapaianOrganisasi::PeriodeId),
                    (Periode::Table, Periode::Id),
                ))
                .foreign_key(&mut fk(
                    (CapaianOrganisasi::Table, CapaianOrganisasi::UnitId),
                    (UnitKerja::Table, UnitKerja::Id),
                ))
                .foreign_key(&mut fk(
                    (CapaianOrganisasi::Table, CapaianOrganisasi::SetBy),
                    (UserAccount::Table, UserAccount::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ux_capaian_organisasi_unit",
            CapaianOrganisasi::Table,
            &["periode_id", "unit_id"],
            true,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(PenilaiPeriode::Table)
                .col(id_col(PenilaiPeriode::Id))
                .col(big(PenilaiPeriode::PeriodeId))
                .col(big(PenilaiPeriode::PegawaiId))
                .col(big_null(PenilaiPeriode::PenilaiId))
                .col(big_null(PenilaiPeriode::AtasanPenilaiId))
                .col(
                    ColumnDef::new(PenilaiPeriode::Reason)
                        .string_len(500)
                        .not_null(),
                )
                .col(big(PenilaiPeriode::SetBy))
                .col(at(PenilaiPeriode::CreatedAt))
                .foreign_key(&mut fk(
                    (PenilaiPeriode::Table, PenilaiPeriode::PeriodeId),
                    (Periode::Table, Periode::Id),
                ))
                .foreign_key(&mut fk(
                    (PenilaiPeriode::Table, PenilaiPeriode::PegawaiId),
                    (Pegawai::Table, Pegawai::Id),
                ))
                .foreign_key(&mut fk(
                    (PenilaiPeriode::Table, PenilaiPeriode::PenilaiId),
                    (Pegawai::Table, Pegawai::Id),
                ))
                .foreign_key(&mut fk(
                    (PenilaiPeriode::Table, PenilaiPeriode::AtasanPenilaiId),
                    (Pegawai::Table, Pegawai::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ux_penilai_periode",
            PenilaiPeriode::Table,
            &["periode_id", "pegawai_id"],
            true,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Skp::Table)
                .col(id_col(Skp::Id))
                .col(big(Skp::PeriodeId))
                .col(big(Skp::PegawaiId))
                .col(ColumnDef::new(Skp::State).string_len(30).not_null())
                .col(ColumnDef::new(Skp::Form).string_len(10).not_null())
                .col(ColumnDef::new(Skp::Approach).string_len(20).not_null())
                .col(big_null(Skp::PenilaiId))
                .col(big_null(Skp::AtasanPenilaiId))
                // JSON of the employee, penilai and atasan penilai as printed on the document:
                // refreshed while the SKP is being drafted, frozen at approval.
                .col(ColumnDef::new(Skp::Header).text().not_null())
                .col(
                    ColumnDef::new(Skp::Revision)
                        .integer()
                        .not_null()
                        .default(0),
                )
                .col(ColumnDef::new(Skp::Version).integer().not_null().default(1))
                .col(at_null(Skp::SubmittedAt))
                .col(at_null(Skp::ApprovedAt))
                .col(at(Skp::CreatedAt))
                .col(at(Skp::UpdatedAt))
                .foreign_key(&mut fk(
                    (Skp::Table, Skp::PeriodeId),
                    (Periode::Table, Periode::Id),
                ))
                .foreign_key(&mut fk(
                    (Skp::Table, Skp::PegawaiId),
                    (Pegawai::Table, Pegawai::Id),
                ))
                .foreign_key(&mut fk(
                    (Skp::Table, Skp::PenilaiId),
                    (Pegawai::Table, Pegawai::Id),
                ))
                .foreign_key(&mut fk(
                    (Skp::Table, Skp::AtasanPenilaiId),
                    (Pegawai::Table, Pegawai::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_skp_owner",
            Skp::Table,
            &["periode_id", "pegawai_id"],
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_skp_penilai",
            Skp::Table,
            &["penilai_id", "periode_id"],
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(SkpHasil::Table)
                .col(id_col(SkpHasil::Id))
                .col(big(SkpHasil::SkpId))
                .col(ColumnDef::new(SkpHasil::Grp).string_len(20).not_null())
                .col(ColumnDef::new(SkpHasil::Position).integer().not_null())
                .col(ColumnDef::new(SkpHasil::Text).text().not_null())
                // The leader's RHK this one supports (the cascade). No cascade on delete: a
                // leader's RHK that others rely on cannot disappear under them.
                .col(big_null(SkpHasil::ParentId))
                // The leader's text when the link was made, to show when it has changed since.
                .col(ColumnDef::new(SkpHasil::ParentText).text().null())
                .col(ColumnDef::new(SkpHasil::Perspective).string_len(30).null())
                .col(at(SkpHasil::CreatedAt))
                .col(at(SkpHasil::UpdatedAt))
                .foreign_key(
                    &mut fk((SkpHasil::Table, SkpHasil::SkpId), (Skp::Table, Skp::Id))
                        .on_delete(ForeignKeyAction::Cascade)
                        .to_owned(),
                )
                .foreign_key(&mut fk(
                    (SkpHasil::Table, SkpHasil::ParentId),
                    (SkpHasil::Table, SkpHasil::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_skp_hasil_skp",
            SkpHasil::Table,
            &["skp_id", "position"],
            false,
        ))
        .await?;
        m.create_index(index(
            "ix_skp_hasil_parent",
            SkpHasil::Table,
            &["parent_id"],
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(SkpIndikator::Table)
                .col(id_col(SkpIndikator::Id))
                .col(big(SkpIndikator::HasilId))
                .col(ColumnDef::new(SkpIndikator::Position).integer().not_null())
                .col(ColumnDef::new(SkpIndikator::Aspect).string_len(20).null())
                .col(ColumnDef::new(SkpIndikator::Text).text().not_null())
                // Canonical decimal strings ("12.5"): exact, and the same on both engines.
                .col(
                    ColumnDef::new(SkpIndikator::TargetMin)
                        .string_len(30)
                        .null(),
                )
                .col(
                    ColumnDef::new(SkpIndikator::TargetMax)
                        .string_len(30)
                        .null(),
                )
                .col(
                    ColumnDef::new(SkpIndikator::TargetUnit)
                        .string_len(50)
                        .null(),
                )
                .foreign_key(
                    &mut fk(
                        (SkpIndikator::Table, SkpIndikator::HasilId),
                        (SkpHasil::Table, SkpHasil::Id),
                    )
                    .on_delete(ForeignKeyAction::Cascade)
                    .to_owned(),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_skp_indikator_hasil",
            SkpIndikator::Table,
            &["hasil_id"],
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(SkpPerilaku::Table)
                .col(id_col(SkpPerilaku::Id))
                .col(big(SkpPerilaku::SkpId))
                .col(ColumnDef::new(SkpPerilaku::CoreValue).integer().not_null())
                .col(ColumnDef::new(SkpPerilaku::Expectation).text().null())
                .foreign_key(
                    &mut fk(
                        (SkpPerilaku::Table, SkpPerilaku::SkpId),
                        (Skp::Table, Skp::Id),
                    )
                    .on_delete(ForeignKeyAction::Cascade)
                    .to_owned(),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ux_skp_perilaku_value",
            SkpPerilaku::Table,
            &["skp_id", "core_value"],
            true,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(SkpLampiran::Table)
                .col(id_col(SkpLampiran::Id))
                .col(big(SkpLampiran::SkpId))
                .col(ColumnDef::new(SkpLampiran::Kind).string_len(40).not_null())
                .col(ColumnDef::new(SkpLampiran::Position).integer().not_null())
                .col(ColumnDef::new(SkpLampiran::Text).text().not_null())
                .foreign_key(
                    &mut fk(
                        (SkpLampiran::Table, SkpLampiran::SkpId),
                        (Skp::Table, Skp::Id),
                    )
                    .on_delete(ForeignKeyAction::Cascade)
                    .to_owned(),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_skp_lampiran_skp",
            SkpLampiran::Table,
            &["skp_id"],
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(SkpKomentar::Table)
                .col(id_col(SkpKomentar::Id))
                .col(big(SkpKomentar::SkpId))
                // The row commented on; empty for a comment on the whole SKP. A row removed
                // later keeps its comments, shown as about a removed row.
                .col(big_null(SkpKomentar::HasilId))
                .col(big(SkpKomentar::AuthorId))
                .col(ColumnDef::new(SkpKomentar::Body).text().not_null())
                .col(at(SkpKomentar::CreatedAt))
                .foreign_key(
                    &mut fk(
                        (SkpKomentar::Table, SkpKomentar::SkpId),
                        (Skp::Table, Skp::Id),
                    )
                    .on_delete(ForeignKeyAction::Cascade)
                    .to_owned(),
                )
                .foreign_key(&mut fk(
                    (SkpKomentar::Table, SkpKomentar::AuthorId),
                    (Pegawai::Table, Pegawai::Id),
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_skp_komentar_skp",
            SkpKomentar::Table,
            &["skp_id"],
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(SkpRiwayat::Table)
                .col(id_col(SkpRiwayat::Id))
                .col(big(SkpRiwayat::SkpId))
                .col(ColumnDef::new(SkpRiwayat::Event).string_len(30).not_null())
                .col(
                    ColumnDef::new(SkpRiwayat::FromState)
                        .string_len(30)
                        .not_null(),
                )
                .col(
                    ColumnDef::new(SkpRiwayat::ToState)
                        .string_len(30)
                        .not_null(),
                )
                .col(big_null(SkpRiwayat::ActorUserId))
                .col(ColumnDef::new(SkpRiwayat::Note).text().null())
                // JSON of the whole SKP at approvals: the version history.
                .col(ColumnDef::new(SkpRiwayat::Snapshot).text().null())
                .col(at(SkpRiwayat::CreatedAt))
                .foreign_key(
                    &mut fk(
                        (SkpRiwayat::Table, SkpRiwayat::SkpId),
                        (Skp::Table, Skp::Id),
                    )
                    .on_delete(ForeignKeyAction::Cascade)
                    .to_owned(),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_skp_riwayat_skp",
            SkpRiwayat::Table,
            &["skp_id"],
            false,
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(Notifikasi::Table)
                .col(id_col(Notifikasi::Id))
                .col(big(Notifikasi::UserId))
                .col(ColumnDef::new(Notifikasi::Kind).string_len(40).not_null())
                .col(big_null(Notifikasi::SkpId))
                .col(
                    ColumnDef::new(Notifikasi::ActorName)
                        .string_len(200)
                        .not_null(),
                )
                .col(ColumnDef::new(Notifikasi::Link).string_len(300).not_null())
                .col(at_null(Notifikasi::ReadAt))
                .col(at(Notifikasi::CreatedAt))
                .foreign_key(
                    &mut fk(
                        (Notifikasi::Table, Notifikasi::UserId),
                        (UserAccount::Table, UserAccount::Id),
                    )
                    .on_delete(ForeignKeyAction::Cascade)
                    .to_owned(),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(index(
            "ix_notifikasi_user",
            Notifikasi::Table,
            &["user_id", "read_at"],
            false,
        ))
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Notifikasi::Table.into_iden(),
            SkpRiwayat::Table.into_iden(),
            SkpKomentar::Table.into_iden(),
            SkpLampiran::Table.into_iden(),
            SkpPerilaku::Table.into_iden(),
            SkpIndikator::Table.into_iden(),
            SkpHasil::Table.into_iden(),
            Skp::Table.into_iden(),
            PenilaiPeriode::Table.into_iden(),
            CapaianOrganisasi::Table.into_iden(),
            PeriodeTenggat::Table.into_iden(),
            Periode::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
