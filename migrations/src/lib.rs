//! Schema migrations, one file per change. They run at server start-up and are reversible.
//! Migrations never import application entities: the schema they create is frozen in time.

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_create_instansi;
mod m20261123_000002_organisation_and_accounts;
mod m20261123_000003_employee_import;
mod m20261123_000004_second_factor;
mod m20261123_000005_performance_planning;
mod m20261124_000006_self_assessment;
mod m20261202_000007_agency_rules;
mod m20261203_000008_position_segments;
mod m20261204_000009_organisation_as_it_is;
mod m20261205_000010_deadlines_that_act;
mod m20261206_000011_action_plans;
mod m20261207_000012_messages_that_reach;
mod m20261208_000013_feedback_360;
mod m20261209_000014_one_link_per_target;
mod m20261210_000015_peer_nominations;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_create_instansi::Migration),
            Box::new(m20261123_000002_organisation_and_accounts::Migration),
            Box::new(m20261123_000003_employee_import::Migration),
            Box::new(m20261123_000004_second_factor::Migration),
            Box::new(m20261123_000005_performance_planning::Migration),
            Box::new(m20261124_000006_self_assessment::Migration),
            Box::new(m20261202_000007_agency_rules::Migration),
            Box::new(m20261203_000008_position_segments::Migration),
            Box::new(m20261204_000009_organisation_as_it_is::Migration),
            Box::new(m20261205_000010_deadlines_that_act::Migration),
            Box::new(m20261206_000011_action_plans::Migration),
            Box::new(m20261207_000012_messages_that_reach::Migration),
            Box::new(m20261208_000013_feedback_360::Migration),
            Box::new(m20261209_000014_one_link_per_target::Migration),
            Box::new(m20261210_000015_peer_nominations::Migration),
        ]
    }
}
