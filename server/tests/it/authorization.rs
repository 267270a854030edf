//! The authorization matrix against real data: actors are built from accounts and the
//! organisation in the database (as every server function does), on both engines.

use crate::common;
use app::domain::ids::EmployeeId;

use app::auth::server::actor_for;
use app::db::entities::{pegawai, unit_kerja, user_account};
use app::db::people::employee_facts;
use app::domain::access::{Action, Target, authorize};
use common::TestDb;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use server::demo::{ADMIN_NIP, EMPLOYEE_NIP, HEAD_NIP, PPPK_EMPLOYEE_NIP, SUPERVISOR_NIP};

/// Head of Bidang Mutasi dan Promosi: the supervisor's own appraiser, so the employee's
/// *atasan pejabat penilai*.
const BIDANG_HEAD_NIP: &str = "197912252002121002";
/// Head of Subbidang Mutasi (inside the same bidang), made a unit-scoped admin below.
const SUBTREE_ADMIN_NIP: &str = "198404042010012015";
/// Head of Subbidang Pengembangan Kompetensi Teknis: another bidang, made super admin below.
const SUPER_ADMIN_NIP: &str = "198812192012022008";

async fn person_id(t: &TestDb, nip: &str) -> EmployeeId {
    pegawai::Entity::find()
        .filter(pegawai::Column::Nip.eq(nip))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("demo employee {nip}"))
        .id
}

async fn account(t: &TestDb, nip: &str) -> user_account::Model {
    user_account::Entity::find()
        .filter(user_account::Column::Login.eq(nip))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap()
}

async fn matrix_holds_against_the_database(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();

    // Grant the two roles the demo does not hand out.
    let bidang = unit_kerja::Entity::find()
        .filter(unit_kerja::Column::Code.eq("MP"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let mut scoped: user_account::ActiveModel = account(&t, SUBTREE_ADMIN_NIP).await.into();
    scoped.admin_scope = Set(app::domain::access::AdminRole::Subtree);
    scoped.admin_unit_id = Set(Some(bidang.id));
    scoped.update(&t.db).await.unwrap();
    let mut root: user_account::ActiveModel = account(&t, SUPER_ADMIN_NIP).await.into();
    root.is_super_admin = Set(true);
    root.update(&t.db).await.unwrap();

    // Targets: the employee, her colleague in the same sub-unit, someone in another bidang.
    let employee = employee_facts(&t.db, person_id(&t, EMPLOYEE_NIP).await)
        .await
        .unwrap();
    let colleague = employee_facts(&t.db, person_id(&t, PPPK_EMPLOYEE_NIP).await)
        .await
        .unwrap();
    let other_unit = employee_facts(&t.db, person_id(&t, ADMIN_NIP).await)
        .await
        .unwrap();

    // (actor NIP, action, [employee, colleague, other unit], agency-wide audit log)
    let table: &[(&str, Action, [bool; 3])] = &[
        (EMPLOYEE_NIP, Action::ViewEmployee, [true, false, false]),
        (EMPLOYEE_NIP, Action::ManageOwnAccount, [true, false, false]),
        (EMPLOYEE_NIP, Action::EditEmployee, [false, false, false]),
        (SUPERVISOR_NIP, Action::ViewEmployee, [true, true, false]),
        (SUPERVISOR_NIP, Action::EditEmployee, [false, false, false]),
        (
            SUPERVISOR_NIP,
            Action::ManageOwnAccount,
            [false, false, false],
        ),
        (BIDANG_HEAD_NIP, Action::ViewEmployee, [true, true, false]),
        (
            BIDANG_HEAD_NIP,
            Action::ResetPassword,
            [false, false, false],
        ),
        (HEAD_NIP, Action::ViewEmployee, [true, true, true]),
        (HEAD_NIP, Action::EditEmployee, [false, false, false]),
        (SUBTREE_ADMIN_NIP, Action::ViewEmployee, [true, true, false]),
        (SUBTREE_ADMIN_NIP, Action::EditEmployee, [true, true, false]),
        (
            SUBTREE_ADMIN_NIP,
            Action::AssignAppraisers,
            [true, true, false],
        ),
        // The "other unit" target is the agency admin herself: an admin never manages an
        // account of equal rank, her own included (another admin, or the profile, does that).
        (ADMIN_NIP, Action::EditEmployee, [true, true, false]),
        (ADMIN_NIP, Action::ResetPassword, [true, true, false]),
        (SUPER_ADMIN_NIP, Action::EditEmployee, [true, true, true]),
    ];
    for (nip, action, expected) in table {
        let actor = actor_for(&t.db, &account(&t, nip).await).await.unwrap();
        for (target, want) in [&employee, &colleague, &other_unit]
            .into_iter()
            .zip(expected)
        {
            let got = authorize(&actor, *action, Target::Employee(target)).is_ok();
            assert_eq!(
                got, *want,
                "{nip} {action:?} on employee {}",
                target.employee_id
            );
        }
    }
    for (nip, audit) in [
        (EMPLOYEE_NIP, false),
        (HEAD_NIP, false),
        (SUBTREE_ADMIN_NIP, false),
        (ADMIN_NIP, true),
        (SUPER_ADMIN_NIP, true),
    ] {
        let actor = actor_for(&t.db, &account(&t, nip).await).await.unwrap();
        assert_eq!(
            authorize(&actor, Action::ViewAuditLog, Target::Agency).is_ok(),
            audit,
            "{nip} audit log"
        );
    }
}

on_both_engines!(matrix_holds_against_the_database);
