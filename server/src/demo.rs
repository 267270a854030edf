//! Demo data for trying Kinerja out: loaded once, only into a database without an agency.

use app::db::agency::{self, NewAgency};
use app::domain::agency::{AgencyTimeZone, EvaluationInterval};
use sea_orm::{DatabaseConnection, DbErr, TransactionTrait};

pub const DEMO_AGENCY_NAME: &str =
    "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Sukamakmur";

/// Returns true when the demo data was loaded now, false when the database already had an agency.
pub async fn seed_once(db: &DatabaseConnection) -> Result<bool, DbErr> {
    let txn = db.begin().await?;
    if agency::primary(&txn).await?.is_some() {
        txn.rollback().await?;
        return Ok(false);
    }
    agency::create(
        &txn,
        NewAgency {
            code: "BKPSDM-SKM",
            name: DEMO_AGENCY_NAME,
            short_name: "BKPSDM Sukamakmur",
            time_zone: AgencyTimeZone::Wib,
            evaluation_interval: EvaluationInterval::Monthly,
        },
    )
    .await?;
    txn.commit().await?;
    tracing::info!("demo data loaded");
    Ok(true)
}
