//! Self-assessment (*penilaian mandiri*) of an approved SKP, one per periodic evaluation and one
//! for the annual evaluation: realisations per indicator, behaviour self-ratings with examples,
//! the performance report, development wishes, and the evidence (*bukti dukung*) behind them.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Evaluasi {
    Table,
    Id,
    SkpId,
    Seq,
    State,
    Step,
    Achievements,
    Projects,
    Challenges,
    Development,
    ReturnNote,
    Version,
    SubmittedAt,
    ReturnedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EvaluasiRealisasi {
    Table,
    Id,
    EvaluasiId,
    IndikatorId,
    Value,
    Comment,
}

#[derive(DeriveIden)]
enum EvaluasiPerilaku {
    Table,
    Id,
    EvaluasiId,
    CoreValue,
    Rating,
    Example,
}

#[derive(DeriveIden)]
enum Bukti {
    Table,
    Id,
    EvaluasiId,
    IndikatorId,
    Kind,
    FileType,
    ObjectKey,
    Sha256,
    Size,
    FileName,
    Url,
    UploadedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Skp {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SkpIndikator {
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

fn text_null<T: IntoIden>(name: T) -> ColumnDef {
    ColumnDef::new(name).text().null().to_owned()
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

/// A child row that lives and dies with its evaluation.
fn owned_by_evaluation<T: IntoIden + 'static>(
    table: T,
    col: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, col)
        .to(Evaluasi::Table, Evaluasi::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn unique<T: IntoIden>(name: &str, table: T, cols: &[&'static str]) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).unique().to_owned();
    for col in cols {
        index.col(Alias::new(*col));
    }
    index
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Evaluasi::Table)
                .col(id_col(Evaluasi::Id))
                .col(big(Evaluasi::SkpId))
                // 1..n: the periodic evaluation of that sub-period; 0: the annual evaluation.
                .col(ColumnDef::new(Evaluasi::Seq).integer().not_null())
                .col(ColumnDef::new(Evaluasi::State).string_len(20).not_null())
                .col(
                    ColumnDef::new(Evaluasi::Step)
                        .integer()
                        .not_null()
                        .default(1),
                )
                .col(text_null(Evaluasi::Achievements))
                .col(text_null(Evaluasi::Projects))
                .col(text_null(Evaluasi::Challenges))
                .col(text_null(Evaluasi::Development))
                .col(text_null(Evaluasi::ReturnNote))
                .col(
                    ColumnDef::new(Evaluasi::Version)
                        .integer()
                        .not_null()
                        .default(1),
                )
                .col(at_null(Evaluasi::SubmittedAt))
                .col(at_null(Evaluasi::ReturnedAt))
                .col(at(Evaluasi::CreatedAt))
                .col(at(Evaluasi::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Evaluasi::Table, Evaluasi::SkpId)
                        .to(Skp::Table, Skp::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(unique(
            "ux_evaluasi_skp_seq",
            Evaluasi::Table,
            &["skp_id", "seq"],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(EvaluasiRealisasi::Table)
                .col(id_col(EvaluasiRealisasi::Id))
                .col(big(EvaluasiRealisasi::EvaluasiId))
                .col(big(EvaluasiRealisasi::IndikatorId))
                .col(text_null(EvaluasiRealisasi::Value))
                .col(text_null(EvaluasiRealisasi::Comment))
                .foreign_key(&mut owned_by_evaluation(
                    EvaluasiRealisasi::Table,
                    EvaluasiRealisasi::EvaluasiId,
                ))
                // A revision that removes an indicator removes what was reported against it.
                .foreign_key(
                    ForeignKey::create()
                        .from(EvaluasiRealisasi::Table, EvaluasiRealisasi::IndikatorId)
                        .to(SkpIndikator::Table, SkpIndikator::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(unique(
            "ux_evaluasi_realisasi",
            EvaluasiRealisasi::Table,
            &["evaluasi_id", "indikator_id"],
        ))
        .await?;

        m.create_table(
            Table::create()
                .table(EvaluasiPerilaku::Table)
                .col(id_col(EvaluasiPerilaku::Id))
                .col(big(EvaluasiPerilaku::EvaluasiId))
                .col(
                    ColumnDef::new(EvaluasiPerilaku::CoreValue)
                        .integer()
                        .not_null(),
                )
                .col(
                    ColumnDef::new(EvaluasiPerilaku::Rating)
                        .string_len(20)
                        .null(),
                )
                .col(text_null(EvaluasiPerilaku::Example))
                .foreign_key(&mut owned_by_evaluation(
                    EvaluasiPerilaku::Table,
                    EvaluasiPerilaku::EvaluasiId,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(unique(
            "ux_evaluasi_perilaku",
            EvaluasiPerilaku::Table,
            &["evaluasi_id", "core_value"],
        ))
        .await?;

        // Evidence is never cascaded away: files stay attached to what was submitted.
        m.create_table(
            Table::create()
                .table(Bukti::Table)
                .col(id_col(Bukti::Id))
                .col(big(Bukti::EvaluasiId))
                .col(big(Bukti::IndikatorId))
                .col(ColumnDef::new(Bukti::Kind).string_len(10).not_null())
                .col(ColumnDef::new(Bukti::FileType).string_len(10).null())
                .col(ColumnDef::new(Bukti::ObjectKey).string_len(200).null())
                .col(ColumnDef::new(Bukti::Sha256).string_len(64).null())
                .col(ColumnDef::new(Bukti::Size).big_integer().null())
                .col(ColumnDef::new(Bukti::FileName).string_len(255).null())
                .col(text_null(Bukti::Url))
                .col(big(Bukti::UploadedBy))
                .col(at(Bukti::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Bukti::Table, Bukti::EvaluasiId)
                        .to(Evaluasi::Table, Evaluasi::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Bukti::Table, Bukti::UploadedBy)
                        .to(UserAccount::Table, UserAccount::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_bukti_evaluasi")
                .table(Bukti::Table)
                .col(Bukti::EvaluasiId)
                .col(Bukti::IndikatorId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            Bukti::Table.into_iden(),
            EvaluasiPerilaku::Table.into_iden(),
            EvaluasiRealisasi::Table.into_iden(),
            Evaluasi::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
