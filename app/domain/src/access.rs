//! The one authorization policy: `authorize(actor, action, target)` decides every request.
//! The UI may hide what a user cannot do, but only this function decides, on the server.
//!
//! Roles are not stored flags but facts about the organisation: a *pejabat penilai* is whoever is
//! recorded as an employee's appraiser, an *atasan pejabat penilai* whoever is recorded above
//! that, a *pimpinan unit* the head of a unit (who sees its whole subtree). Only the admin roles
//! are granted explicitly, and an admin may be scoped to a unit subtree.
use crate::ids::{AccountId, EmployeeId};

use serde::{Deserialize, Serialize};

/// Materialised path of a unit in the organisation tree, e.g. `/1/4/9/`: a unit's subtree is
/// every unit whose path starts with its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitPath(pub String);

impl UnitPath {
    pub fn contains(&self, other: &UnitPath) -> bool {
        other.0.starts_with(&self.0)
    }

    /// Above every unit: what an agency-wide scope covers.
    pub fn whole_tree() -> Self {
        Self("/".to_owned())
    }

    /// The unit directly above (`/1/2/` for `/1/2/4/`); none for a root unit.
    pub fn parent(&self) -> Option<UnitPath> {
        let inner = self.0.strip_suffix('/')?;
        let (above, _) = inner.rsplit_once('/')?;
        (!above.is_empty()).then(|| UnitPath(format!("{above}/")))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AdminScope {
    /// The whole agency.
    Agency,
    /// One unit and everything below it.
    Subtree(UnitPath),
}

impl AdminScope {
    fn covers(&self, unit: &UnitPath) -> bool {
        match self {
            Self::Agency => true,
            Self::Subtree(root) => root.contains(unit),
        }
    }
}

/// Who is acting, as authorization sees them. Built by the server from the session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    pub user_id: AccountId,
    /// The employee record of this account (admins without one are service accounts).
    pub employee_id: Option<EmployeeId>,
    /// Units this person heads (*pimpinan unit*); they see those subtrees.
    pub heads_units: Vec<UnitPath>,
    pub admin_scope: Option<AdminScope>,
    pub is_super_admin: bool,
}

/// The employee an action is about, with the reporting facts the policy needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmployeeFacts {
    pub employee_id: EmployeeId,
    pub unit: UnitPath,
    /// *Pejabat penilai kinerja* of the employee for the current period.
    pub penilai_id: Option<EmployeeId>,
    /// *Atasan pejabat penilai*.
    pub atasan_penilai_id: Option<EmployeeId>,
    /// The appraiser is an official outside the application (then `penilai_id` is empty).
    pub external_appraiser: bool,
    /// The admin rights the employee's own account holds: an admin may only manage people
    /// with less than their own, so nobody takes over an equal or higher account.
    pub admin_rank: AdminRank,
}

/// The admin right an account is granted, as stored in `user_account.admin_scope`; a subtree
/// grant applies to the unit in `admin_unit_id` and everything below it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumIter)]
#[cfg_attr(
    feature = "ssr",
    derive(sea_orm::DeriveActiveEnum),
    sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum AdminRole {
    None,
    Subtree,
    Agency,
}

crate::vocabulary::from_str_via_as_str!(AdminRole);

impl AdminRole {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Subtree => "subtree",
            Self::Agency => "agency",
        }
    }

    /// The rank of an account holding this grant (super admins rank above every grant).
    pub fn rank(self, is_super_admin: bool) -> AdminRank {
        match (is_super_admin, self) {
            (true, _) => AdminRank::Super,
            (false, Self::Agency) => AdminRank::Agency,
            (false, Self::Subtree) => AdminRank::Subtree,
            (false, Self::None) => AdminRank::None,
        }
    }
}

/// Whether an account's admin rights are held back until it sets up a second factor: the agency
/// demands one of admins, and this account holds admin rights without one. Such an admin acts as
/// a plain employee (the profile says why).
pub fn admin_rights_suspended(
    rank: AdminRank,
    has_second_factor: bool,
    agency_requires: bool,
) -> bool {
    rank != AdminRank::None && !has_second_factor && agency_requires
}

/// Whether the directory (and the admin menu leading to it) is open to the actor at all.
pub fn sees_directory(actor: &Actor) -> bool {
    directory_scope(actor).is_ok()
}

/// The admin pages, in the order of their tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumIter)]
pub enum AdminPage {
    Employees,
    Units,
    Import,
    Audit,
    Agency,
    Periods,
    Feedback360,
}

impl AdminPage {
    /// Whether `actor` may open the page: the same question its server function asks, so a menu
    /// never offers a page that answers 403.
    pub fn opens_for(self, actor: &Actor) -> bool {
        match self {
            Self::Employees => sees_directory(actor),
            Self::Units => authorize_within_own_scope(actor, Action::ManageUnit).is_ok(),
            Self::Import => {
                authorize_within_own_scope(actor, Action::ImportExportEmployees).is_ok()
            }
            Self::Audit => authorize(actor, Action::ViewAuditLog, Target::Agency).is_ok(),
            Self::Agency => authorize(actor, Action::ManageAgency, Target::Agency).is_ok(),
            Self::Periods => authorize(actor, Action::ManagePeriods, Target::Agency).is_ok(),
            Self::Feedback360 => {
                authorize_within_own_scope(actor, Action::ManageFeedbackCycles).is_ok()
                    || actor.heads_units.iter().any(|unit| {
                        authorize(actor, Action::ManageFeedbackCycles, Target::Unit(unit)).is_ok()
                    })
            }
        }
    }
}

/// The admin pages `actor` may open, in tab order.
pub fn admin_pages(actor: &Actor) -> Vec<AdminPage> {
    use strum::IntoEnumIterator;
    AdminPage::iter().filter(|p| p.opens_for(actor)).collect()
}

/// How much admin power an account holds, lowest first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AdminRank {
    #[default]
    None,
    Subtree,
    Agency,
    Super,
}

impl Actor {
    pub fn admin_rank(&self) -> AdminRank {
        match (&self.admin_scope, self.is_super_admin) {
            (_, true) => AdminRank::Super,
            (Some(AdminScope::Agency), _) => AdminRank::Agency,
            (Some(AdminScope::Subtree(_)), _) => AdminRank::Subtree,
            (None, false) => AdminRank::None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, strum::EnumIter)]
pub enum Action {
    /// See an employee's profile and reporting line.
    ViewEmployee,
    /// List the employees of a unit's subtree (the directory), or of the agency.
    ListEmployees,
    /// Change an employee's data (name, rank, unit, position, status).
    EditEmployee,
    /// Set or override an employee's appraiser and the appraiser's superior.
    AssignAppraisers,
    /// Issue a one-time password-reset link for the employee's account.
    ResetPassword,
    /// Change one's own password, language or second factor.
    ManageOwnAccount,
    /// Create, rename, move or close a unit.
    ManageUnit,
    /// Import or export employees through CSV.
    ImportExportEmployees,
    /// Browse the audit log.
    ViewAuditLog,
    /// Change the agency's settings (name, time zone, evaluation interval, admin 2FA rule).
    ManageAgency,
    /// Grant or revoke admin roles.
    ManageAdmins,
    /// Read an employee's SKP (performance plan) and its history.
    ViewSkp,
    /// Draft one's own SKP: rows, submission, asking for a revision.
    DraftSkp,
    /// Review an SKP as its *pejabat penilai*: comment, write expectations, return, approve.
    ReviewSkp,
    /// Open periods and set their deadlines and per-period appraisers.
    ManagePeriods,
    /// Record a unit's organisational performance result (*capaian kinerja organisasi*).
    SetOrgAchievement,
    /// See the cascade of a unit (*matriks peran hasil*).
    ViewCascade,
    /// Open the evidence (*bukti dukung*) of an employee's self-assessment: the employee and
    /// their appraisers only, never admins or unit heads above them (except an admin acting for
    /// an appraiser outside the application, who needs it to decide).
    ViewEvidence,
    /// Record the decisions of an appraiser outside the application (the Sekda, the Bupati) on
    /// their behalf: an admin over the employee's unit, never on their own plan.
    ActForExternalAppraiser,
    /// Follow an account's live events (its notification bell): that account only, whatever
    /// the rank.
    FollowOwnEvents,
    /// Set up, open, extend, close and release 360° feedback cycles over a unit's subtree: its
    /// admins and its head; agency-wide, the agency's admins.
    ManageFeedbackCycles,
    /// Answer a 360° form as the rater it was given to: oneself only, whatever the rank (an
    /// admin never answers for anyone).
    AnswerFeedback,
    /// Read an employee's 360° report: the employee and their appraisers only. Admins and unit
    /// heads see completion counts, never answers.
    ViewFeedbackReport,
    /// Read a unit's pooled 360° summary (from 5 people rated): the heads of the unit and of
    /// the units above it. Admins see completion counts, never answers.
    ViewFeedbackUnitSummary,
    /// Choose the peers who will rate oneself in a 360° cycle: oneself only.
    NominateRaters,
    /// Approve or adjust the peers an employee chose: their appraiser of record (never on
    /// oneself), or for an appraiser outside the application the admins who act for them.
    ApproveRaters,
}

/// What an action is done to.
#[derive(Clone, Copy, Debug)]
pub enum Target<'a> {
    Employee(&'a EmployeeFacts),
    Unit(&'a UnitPath),
    /// Agency-wide things: the audit log, admin roles, CSV of the whole agency.
    Agency,
    /// A login account (its own events).
    Account(AccountId),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("not allowed")]
pub struct Denied;

pub fn authorize(actor: &Actor, action: Action, target: Target<'_>) -> Result<(), Denied> {
    if allowed(actor, action, target) {
        Ok(())
    } else {
        Err(Denied)
    }
}

/// `action` allowed on the whole agency or on the subtree the actor administers. Pages that
/// work within the actor's own scope (the CSV import and export, a new unit) open only for such
/// actors; every unit or employee they then touch is checked with [`authorize`].
pub fn authorize_within_own_scope(actor: &Actor, action: Action) -> Result<(), Denied> {
    if authorize(actor, action, Target::Agency).is_ok() {
        return Ok(());
    }
    match &actor.admin_scope {
        Some(AdminScope::Subtree(root)) => authorize(actor, action, Target::Unit(root)),
        Some(AdminScope::Agency) => authorize(actor, action, Target::Unit(&UnitPath::whole_tree())),
        None => Err(Denied),
    }
}

/// The part of the organisation an actor's lists cover when no unit is chosen: `None` for the
/// whole agency, else the subtree they administer or, for a unit head, the unit they head.
pub fn directory_scope(actor: &Actor) -> Result<Option<UnitPath>, Denied> {
    if actor.is_super_admin || actor.admin_scope == Some(AdminScope::Agency) {
        return Ok(None);
    }
    match (&actor.admin_scope, actor.heads_units.first()) {
        (Some(AdminScope::Subtree(root)), _) => Ok(Some(root.clone())),
        (None, Some(headed)) => Ok(Some(headed.clone())),
        _ => Err(Denied),
    }
}

fn allowed(actor: &Actor, action: Action, target: Target<'_>) -> bool {
    // Changing someone's record or password reaches their account: only over lower ranks.
    if let (
        Action::EditEmployee | Action::AssignAppraisers | Action::ResetPassword,
        Target::Employee(e),
    ) = (action, target)
        && e.admin_rank >= actor.admin_rank()
    {
        return false;
    }
    if actor.is_super_admin
        && !matches!(
            action,
            Action::DraftSkp
                | Action::ReviewSkp
                | Action::ViewEvidence
                | Action::ActForExternalAppraiser
                | Action::FollowOwnEvents
                | Action::AnswerFeedback
                | Action::ViewFeedbackReport
                | Action::NominateRaters
                | Action::ApproveRaters
                | Action::ViewFeedbackUnitSummary
        )
    {
        return true;
    }
    let admin_covers = |unit: &UnitPath| actor.admin_scope.as_ref().is_some_and(|s| s.covers(unit));
    let acts_for_external = |e: &EmployeeFacts| {
        e.external_appraiser
            && actor.employee_id != Some(e.employee_id)
            && (actor.is_super_admin || admin_covers(&e.unit))
    };
    let agency_admin = actor.admin_scope == Some(AdminScope::Agency);
    match (action, target) {
        (Action::ViewEmployee | Action::ViewSkp, Target::Employee(e)) => {
            let me = actor.employee_id;
            me == Some(e.employee_id)
                || (me.is_some() && (me == e.penilai_id || me == e.atasan_penilai_id))
                || actor.heads_units.iter().any(|u| u.contains(&e.unit))
                || admin_covers(&e.unit)
        }
        (Action::ViewEvidence, Target::Employee(e)) => {
            let me = actor.employee_id;
            (me.is_some()
                && (me == Some(e.employee_id) || me == e.penilai_id || me == e.atasan_penilai_id))
                || acts_for_external(e)
        }
        (Action::ActForExternalAppraiser, Target::Employee(e)) => acts_for_external(e),
        (Action::FollowOwnEvents, Target::Account(account)) => actor.user_id == account,
        (
            Action::ManageOwnAccount
            | Action::DraftSkp
            | Action::AnswerFeedback
            | Action::NominateRaters,
            Target::Employee(e),
        ) => actor.employee_id == Some(e.employee_id),
        (Action::ApproveRaters, Target::Employee(e)) => {
            (actor.employee_id.is_some()
                && actor.employee_id == e.penilai_id
                && actor.employee_id != Some(e.employee_id))
                || acts_for_external(e)
        }
        (Action::ViewFeedbackReport, Target::Employee(e)) => {
            let me = actor.employee_id;
            me.is_some()
                && (me == Some(e.employee_id) || me == e.penilai_id || me == e.atasan_penilai_id)
        }
        (Action::ViewFeedbackUnitSummary, Target::Unit(unit)) => {
            actor.heads_units.iter().any(|u| u.contains(unit))
        }
        (Action::ManageFeedbackCycles, Target::Unit(unit)) => {
            admin_covers(unit) || actor.heads_units.iter().any(|u| u.contains(unit))
        }
        // Only the appraiser of record; never one's own plan, even if recorded so by mistake.
        (Action::ReviewSkp, Target::Employee(e)) => {
            actor.employee_id.is_some()
                && actor.employee_id == e.penilai_id
                && actor.employee_id != Some(e.employee_id)
        }
        (Action::ViewCascade, Target::Unit(unit)) => {
            admin_covers(unit) || actor.heads_units.iter().any(|u| u.contains(unit))
        }
        // The leader exactly one level up sets it (SE MenPANRB 3/2023), or BKPSDM: a head two
        // levels up has their own subordinate leader to judge the unit.
        (Action::SetOrgAchievement, Target::Unit(unit)) => {
            agency_admin
                || unit
                    .parent()
                    .is_some_and(|up| actor.heads_units.contains(&up))
        }
        (
            Action::EditEmployee | Action::AssignAppraisers | Action::ResetPassword,
            Target::Employee(e),
        ) => admin_covers(&e.unit),
        // `EditEmployee` on a unit: add people to it (each existing record is checked as a
        // `Target::Employee`, with its account's rank).
        (
            Action::ManageUnit | Action::ImportExportEmployees | Action::EditEmployee,
            Target::Unit(unit),
        ) => admin_covers(unit),
        (Action::ListEmployees, Target::Unit(unit)) => {
            admin_covers(unit) || actor.heads_units.iter().any(|u| u.contains(unit))
        }
        (
            Action::ListEmployees
            | Action::ManageUnit
            | Action::ImportExportEmployees
            | Action::ViewAuditLog
            | Action::ManageAgency
            | Action::ManagePeriods
            | Action::ManageFeedbackCycles,
            Target::Agency,
        ) => agency_admin,
        // Granting admin rights is reserved to super admins (handled above).
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_second_factor_holds_back_admin_rights_only_where_required() {
        for rank in [AdminRank::Subtree, AdminRank::Agency, AdminRank::Super] {
            assert!(admin_rights_suspended(rank, false, true));
            assert!(!admin_rights_suspended(rank, true, true));
            assert!(!admin_rights_suspended(rank, false, false));
        }
        assert!(!admin_rights_suspended(AdminRank::None, false, true));
    }

    // The organisation of the matrix: agency /1/, two bidang /1/2/ and /1/3/, a sub-unit /1/2/4/.
    // Employee 10 sits in /1/2/4/; 20 is their penilai (head of /1/2/4/), 30 the atasan penilai
    // (head of /1/2/); 11 is a colleague in /1/2/4/; 40 works in the other bidang /1/3/.
    fn employee(id: i64) -> EmployeeFacts {
        match id {
            10 | 11 => EmployeeFacts {
                employee_id: EmployeeId(id),
                unit: UnitPath("/1/2/4/".into()),
                penilai_id: Some(EmployeeId(20)),
                atasan_penilai_id: Some(EmployeeId(30)),
                external_appraiser: false,
                admin_rank: AdminRank::None,
            },
            40 => EmployeeFacts {
                employee_id: EmployeeId(40),
                unit: UnitPath("/1/3/".into()),
                penilai_id: Some(EmployeeId(50)),
                atasan_penilai_id: Some(EmployeeId(60)),
                external_appraiser: false,
                admin_rank: AdminRank::None,
            },
            _ => unreachable!(),
        }
    }

    #[derive(Clone, Copy, Debug)]
    enum Role {
        Pegawai,
        PejabatPenilai,
        AtasanPenilai,
        PimpinanUnit,
        AdminSubtree,
        AdminAgency,
        SuperAdmin,
    }

    /// How the target relates to the actor.
    #[derive(Clone, Copy, Debug)]
    enum Rel {
        Own,
        Subordinate,
        SameUnit,
        OtherUnit,
    }

    fn actor(role: Role) -> Actor {
        let base = |n: i64| Actor {
            user_id: AccountId(n),
            employee_id: Some(EmployeeId(n)),
            heads_units: vec![],
            admin_scope: None,
            is_super_admin: false,
        };
        match role {
            Role::Pegawai => base(10),
            Role::PejabatPenilai => base(20),
            Role::AtasanPenilai => base(30),
            Role::PimpinanUnit => Actor {
                heads_units: vec![UnitPath("/1/2/".into())],
                ..base(30)
            },
            Role::AdminSubtree => Actor {
                admin_scope: Some(AdminScope::Subtree(UnitPath("/1/2/".into()))),
                ..base(12)
            },
            Role::AdminAgency => Actor {
                admin_scope: Some(AdminScope::Agency),
                ..base(12)
            },
            Role::SuperAdmin => Actor {
                is_super_admin: true,
                ..base(12)
            },
        }
    }

    #[test]
    fn each_role_is_offered_exactly_the_admin_pages_it_may_open() {
        use AdminPage::*;
        let expected: [(Role, &[AdminPage]); 7] = [
            (Role::Pegawai, &[]),
            (Role::PejabatPenilai, &[]),
            (Role::AtasanPenilai, &[]),
            // A unit head reads the directory of the unit and runs 360° cycles in it.
            (Role::PimpinanUnit, &[Employees, Feedback360]),
            (Role::AdminSubtree, &[Employees, Units, Import, Feedback360]),
            (
                Role::AdminAgency,
                &[
                    Employees,
                    Units,
                    Import,
                    Audit,
                    Agency,
                    Periods,
                    Feedback360,
                ],
            ),
            (
                Role::SuperAdmin,
                &[
                    Employees,
                    Units,
                    Import,
                    Audit,
                    Agency,
                    Periods,
                    Feedback360,
                ],
            ),
        ];
        for (role, pages) in expected {
            assert_eq!(admin_pages(&actor(role)), pages, "{role:?}");
        }
    }

    /// The employee that stands in `rel` to an actor with `role`.
    fn target_employee(role: Role, rel: Rel) -> EmployeeFacts {
        let own = match role {
            Role::Pegawai => 10,
            Role::PejabatPenilai => 20,
            Role::AtasanPenilai | Role::PimpinanUnit => 30,
            _ => 12,
        };
        match rel {
            Rel::Own => EmployeeFacts {
                employee_id: EmployeeId(own),
                unit: UnitPath("/1/2/4/".into()),
                penilai_id: Some(EmployeeId(30)),
                atasan_penilai_id: None,
                external_appraiser: false,
                admin_rank: actor(role).admin_rank(),
            },
            Rel::Subordinate if matches!(role, Role::Pegawai) => employee(11),
            Rel::Subordinate => employee(10),
            Rel::SameUnit => employee(11),
            Rel::OtherUnit => employee(40),
        }
    }

    /// The expected decisions: (role, action, [own, subordinate, same unit, other unit]).
    /// A plain pegawai appraises nobody: their "subordinate" column is someone else's
    /// subordinate (employee 10 is the pegawai, so they get employee 11 instead).
    const MATRIX: &[(Role, Action, [bool; 4])] = {
        use Action::*;
        use Role::*;
        &[
            (Pegawai, ViewEmployee, [true, false, false, false]),
            (Pegawai, EditEmployee, [false, false, false, false]),
            (Pegawai, AssignAppraisers, [false, false, false, false]),
            (Pegawai, ResetPassword, [false, false, false, false]),
            (Pegawai, ManageOwnAccount, [true, false, false, false]),
            (PejabatPenilai, ViewEmployee, [true, true, true, false]),
            (PejabatPenilai, EditEmployee, [false, false, false, false]),
            (
                PejabatPenilai,
                AssignAppraisers,
                [false, false, false, false],
            ),
            (PejabatPenilai, ResetPassword, [false, false, false, false]),
            (
                PejabatPenilai,
                ManageOwnAccount,
                [true, false, false, false],
            ),
            (AtasanPenilai, ViewEmployee, [true, true, true, false]),
            (AtasanPenilai, EditEmployee, [false, false, false, false]),
            (AtasanPenilai, ManageOwnAccount, [true, false, false, false]),
            (PimpinanUnit, ViewEmployee, [true, true, true, false]),
            (PimpinanUnit, EditEmployee, [false, false, false, false]),
            (PimpinanUnit, ResetPassword, [false, false, false, false]),
            (AdminSubtree, ViewEmployee, [true, true, true, false]),
            (AdminSubtree, EditEmployee, [false, true, true, false]),
            (AdminSubtree, AssignAppraisers, [false, true, true, false]),
            (AdminSubtree, ResetPassword, [false, true, true, false]),
            (AdminAgency, ViewEmployee, [true, true, true, true]),
            (AdminAgency, EditEmployee, [false, true, true, true]),
            (AdminAgency, AssignAppraisers, [false, true, true, true]),
            (AdminAgency, ResetPassword, [false, true, true, true]),
            (SuperAdmin, ViewEmployee, [true, true, true, true]),
            (SuperAdmin, EditEmployee, [false, true, true, true]),
            (SuperAdmin, ResetPassword, [false, true, true, true]),
            (Pegawai, ViewSkp, [true, false, false, false]),
            (Pegawai, DraftSkp, [true, false, false, false]),
            (Pegawai, ReviewSkp, [false, false, false, false]),
            (PejabatPenilai, ViewSkp, [true, true, true, false]),
            (PejabatPenilai, DraftSkp, [true, false, false, false]),
            (PejabatPenilai, ReviewSkp, [false, true, true, false]),
            (AtasanPenilai, ViewSkp, [true, true, true, false]),
            (AtasanPenilai, DraftSkp, [true, false, false, false]),
            (AtasanPenilai, ReviewSkp, [false, false, false, false]),
            (PimpinanUnit, ViewSkp, [true, true, true, false]),
            (PimpinanUnit, DraftSkp, [true, false, false, false]),
            (PimpinanUnit, ReviewSkp, [false, false, false, false]),
            (AdminSubtree, ViewSkp, [true, true, true, false]),
            (AdminSubtree, DraftSkp, [true, false, false, false]),
            (AdminSubtree, ReviewSkp, [false, false, false, false]),
            (AdminAgency, ViewSkp, [true, true, true, true]),
            (AdminAgency, DraftSkp, [true, false, false, false]),
            (AdminAgency, ReviewSkp, [false, false, false, false]),
            (SuperAdmin, ViewSkp, [true, true, true, true]),
            // Drafting and appraising are personal acts, not admin powers.
            (SuperAdmin, DraftSkp, [true, false, false, false]),
            (SuperAdmin, ReviewSkp, [false, false, false, false]),
            // Evidence stays within the appraisal chain: no admin or head sees it by rank.
            (Pegawai, ViewEvidence, [true, false, false, false]),
            (PejabatPenilai, ViewEvidence, [true, true, true, false]),
            (AtasanPenilai, ViewEvidence, [true, true, true, false]),
            (PimpinanUnit, ViewEvidence, [true, true, true, false]),
            (AdminSubtree, ViewEvidence, [true, false, false, false]),
            (AdminAgency, ViewEvidence, [true, false, false, false]),
            (SuperAdmin, ViewEvidence, [true, false, false, false]),
            // Every appraiser here works in the application: nobody acts for them.
            (
                AdminSubtree,
                ActForExternalAppraiser,
                [false, false, false, false],
            ),
            (
                AdminAgency,
                ActForExternalAppraiser,
                [false, false, false, false],
            ),
            (
                SuperAdmin,
                ActForExternalAppraiser,
                [false, false, false, false],
            ),
            (
                PejabatPenilai,
                ActForExternalAppraiser,
                [false, false, false, false],
            ),
        ]
    };

    #[test]
    fn admins_act_for_an_appraiser_outside_the_application_within_their_scope() {
        // Employee 10 (in /1/2/4/) and 40 (in /1/3/) appraised by the Sekda; the admin (12) is
        // appraised by the Sekda too.
        let external = |id: i64| EmployeeFacts {
            penilai_id: None,
            atasan_penilai_id: None,
            external_appraiser: true,
            ..employee(id)
        };
        let own = EmployeeFacts {
            employee_id: EmployeeId(12),
            ..external(10)
        };
        let roles = [
            (Role::Pegawai, [false, false, false]),
            (Role::PejabatPenilai, [false, false, false]),
            (Role::PimpinanUnit, [false, false, false]),
            (Role::AdminSubtree, [true, false, false]),
            (Role::AdminAgency, [true, true, false]),
            (Role::SuperAdmin, [true, true, false]),
        ];
        for (role, expected) in roles {
            let who = actor(role);
            for (target, want) in [external(10), external(40), own.clone()]
                .iter()
                .zip(expected)
            {
                for action in [
                    Action::ActForExternalAppraiser,
                    Action::ViewEvidence,
                    Action::ApproveRaters,
                ] {
                    let got = authorize(&who, action, Target::Employee(target)).is_ok();
                    // The employee always sees their own evidence.
                    let want = want
                        || (action == Action::ViewEvidence
                            && who.employee_id == Some(target.employee_id));
                    assert_eq!(got, want, "{role:?} {action:?} {:?}", target.employee_id);
                }
                // Acting for the appraiser is not being the appraiser.
                assert!(authorize(&who, Action::ReviewSkp, Target::Employee(target)).is_err());
            }
        }
    }

    #[test]
    fn feedback_360_answers_are_one_s_own_and_reports_stay_in_the_chain() {
        let rels = [Rel::Own, Rel::Subordinate, Rel::SameUnit, Rel::OtherUnit];
        for (role, report) in [
            (Role::Pegawai, [true, false, false, false]),
            (Role::PejabatPenilai, [true, true, true, false]),
            (Role::AtasanPenilai, [true, true, true, false]),
            (Role::PimpinanUnit, [true, true, true, false]),
            // Admins see who answered, never what: not even the super admin.
            (Role::AdminSubtree, [true, false, false, false]),
            (Role::AdminAgency, [true, false, false, false]),
            (Role::SuperAdmin, [true, false, false, false]),
        ] {
            let who = actor(role);
            for (rel, want) in rels.iter().zip(report) {
                let target = target_employee(role, *rel);
                let answer = authorize(&who, Action::AnswerFeedback, Target::Employee(&target));
                assert_eq!(
                    answer.is_ok(),
                    matches!(rel, Rel::Own),
                    "{role:?} answer {rel:?}"
                );
                let read = authorize(&who, Action::ViewFeedbackReport, Target::Employee(&target));
                assert_eq!(read.is_ok(), want, "{role:?} report {rel:?}");
                let nominate = authorize(&who, Action::NominateRaters, Target::Employee(&target));
                assert_eq!(
                    nominate.is_ok(),
                    matches!(rel, Rel::Own),
                    "{role:?} nominate {rel:?}"
                );
                // Approving raters follows the appraisal itself: the appraiser of record only.
                let approve = authorize(&who, Action::ApproveRaters, Target::Employee(&target));
                let review = authorize(&who, Action::ReviewSkp, Target::Employee(&target));
                assert_eq!(approve.is_ok(), review.is_ok(), "{role:?} approve {rel:?}");
                if matches!(role, Role::PejabatPenilai) && matches!(rel, Rel::Subordinate) {
                    assert!(approve.is_ok());
                }
            }
        }
        let inside = UnitPath("/1/2/4/".into());
        let outside = UnitPath("/1/3/".into());
        for (role, unit_in, unit_out, agency) in [
            (Role::Pegawai, false, false, false),
            (Role::PejabatPenilai, false, false, false),
            // A unit head runs cycles for the units they head.
            (Role::PimpinanUnit, true, false, false),
            (Role::AdminSubtree, true, false, false),
            (Role::AdminAgency, true, true, true),
            (Role::SuperAdmin, true, true, true),
        ] {
            let who = actor(role);
            let manage = |target| authorize(&who, Action::ManageFeedbackCycles, target).is_ok();
            // A unit's pooled summary: its heads only, never an admin.
            let summary = |target| authorize(&who, Action::ViewFeedbackUnitSummary, target).is_ok();
            assert_eq!(
                summary(Target::Unit(&inside)),
                matches!(role, Role::PimpinanUnit),
                "{role:?} summary in"
            );
            assert!(!summary(Target::Unit(&outside)), "{role:?} summary out");
            assert_eq!(manage(Target::Unit(&inside)), unit_in, "{role:?} in");
            assert_eq!(manage(Target::Unit(&outside)), unit_out, "{role:?} out");
            assert_eq!(manage(Target::Agency), agency, "{role:?} agency");
        }
    }

    #[test]
    fn live_events_are_followed_by_their_own_account_only() {
        use Role::*;
        for role in [
            Pegawai,
            PejabatPenilai,
            AtasanPenilai,
            PimpinanUnit,
            AdminSubtree,
            AdminAgency,
            SuperAdmin,
        ] {
            let who = actor(role);
            let follow = |target| authorize(&who, Action::FollowOwnEvents, target).is_ok();
            assert!(follow(Target::Account(who.user_id)), "{role:?} own");
            assert!(!follow(Target::Account(AccountId(999))), "{role:?} another");
            assert!(!follow(Target::Agency), "{role:?} agency");
            assert!(
                !follow(Target::Employee(&target_employee(role, Rel::Own))),
                "{role:?} employee"
            );
        }
    }

    #[test]
    fn authorization_matrix_for_employee_actions() {
        let rels = [Rel::Own, Rel::Subordinate, Rel::SameUnit, Rel::OtherUnit];
        for (role, action, expected) in MATRIX {
            for (rel, want) in rels.iter().zip(expected) {
                let who = actor(*role);
                let target = target_employee(*role, *rel);
                let got = authorize(&who, *action, Target::Employee(&target)).is_ok();
                assert_eq!(got, *want, "{role:?} {action:?} {rel:?}");
            }
        }
    }

    #[test]
    fn unit_and_agency_actions() {
        let inside = UnitPath("/1/2/4/".into());
        let outside = UnitPath("/1/3/".into());
        for (role, unit_in, unit_out, agency) in [
            (Role::Pegawai, false, false, false),
            (Role::PejabatPenilai, false, false, false),
            (Role::PimpinanUnit, false, false, false),
            (Role::AdminSubtree, true, true, false),
            (Role::AdminAgency, true, true, true),
            (Role::SuperAdmin, true, true, true),
        ] {
            let a = actor(role);
            let unit_out = unit_out && !matches!(role, Role::AdminSubtree);
            for action in [Action::ManageUnit, Action::ImportExportEmployees] {
                assert_eq!(
                    authorize(&a, action, Target::Unit(&inside)).is_ok(),
                    unit_in,
                    "{role:?} {action:?} in"
                );
                assert_eq!(
                    authorize(&a, action, Target::Unit(&outside)).is_ok(),
                    unit_out,
                    "{role:?} {action:?} out"
                );
            }
            assert_eq!(
                authorize(&a, Action::ViewAuditLog, Target::Agency).is_ok(),
                agency,
                "{role:?} audit"
            );
            assert_eq!(
                authorize(&a, Action::ManageAgency, Target::Agency).is_ok(),
                agency,
                "{role:?} agency settings"
            );
            // Heads of a unit list their own subtree, like admins scoped to it.
            let lists_inside = unit_in || matches!(role, Role::PimpinanUnit);
            assert_eq!(
                authorize(&a, Action::ListEmployees, Target::Unit(&inside)).is_ok(),
                lists_inside,
                "{role:?} list in"
            );
            assert_eq!(
                authorize(&a, Action::ListEmployees, Target::Unit(&outside)).is_ok(),
                unit_out,
                "{role:?} list out"
            );
            assert_eq!(
                authorize(&a, Action::ListEmployees, Target::Agency).is_ok(),
                agency,
                "{role:?} list agency"
            );
            assert_eq!(
                authorize(&a, Action::ManageAdmins, Target::Agency).is_ok(),
                matches!(role, Role::SuperAdmin),
                "{role:?} manage admins"
            );
        }
    }

    #[test]
    fn pages_within_one_s_own_scope_open_for_admins_only() {
        for (role, expected) in [
            (Role::Pegawai, false),
            (Role::PejabatPenilai, false),
            (Role::AtasanPenilai, false),
            (Role::PimpinanUnit, false),
            (Role::AdminSubtree, true),
            (Role::AdminAgency, true),
            (Role::SuperAdmin, true),
        ] {
            for action in [Action::ManageUnit, Action::ImportExportEmployees] {
                assert_eq!(
                    authorize_within_own_scope(&actor(role), action).is_ok(),
                    expected,
                    "{role:?} {action:?}"
                );
            }
        }
        // Actions no admin has stay closed whatever the scope.
        assert!(
            authorize_within_own_scope(&actor(Role::AdminSubtree), Action::ManageAdmins).is_err()
        );
    }

    #[test]
    fn a_unit_knows_the_unit_above() {
        assert_eq!(
            UnitPath("/1/2/4/".into()).parent(),
            Some(UnitPath("/1/2/".into()))
        );
        assert_eq!(
            UnitPath("/1/2/".into()).parent(),
            Some(UnitPath("/1/".into()))
        );
        assert_eq!(UnitPath("/1/".into()).parent(), None);
        assert_eq!(UnitPath("/".into()).parent(), None);
        assert_eq!(UnitPath(String::new()).parent(), None);
    }

    #[test]
    fn planning_actions_on_units_and_the_agency() {
        let sub_unit = UnitPath("/1/2/4/".into());
        let own_unit = UnitPath("/1/2/".into());
        let other = UnitPath("/1/3/".into());
        let deeper = UnitPath("/1/2/4/9/".into());
        // (role, periods, [org result of /1/2/4/, /1/2/, /1/3/, /1/2/4/9/], [cascade of the same])
        for (role, periods, org, cascade) in [
            (Role::Pegawai, false, [false; 4], [false; 4]),
            (Role::PejabatPenilai, false, [false; 4], [false; 4]),
            // The head of /1/2/ sets the result of the units directly below, not of their own
            // and not of a unit two levels down (its own head sets that).
            (
                Role::PimpinanUnit,
                false,
                [true, false, false, false],
                [true, true, false, true],
            ),
            (
                Role::AdminSubtree,
                false,
                [false; 4],
                [true, true, false, true],
            ),
            (Role::AdminAgency, true, [true; 4], [true; 4]),
            (Role::SuperAdmin, true, [true; 4], [true; 4]),
        ] {
            let a = actor(role);
            assert_eq!(
                authorize(&a, Action::ManagePeriods, Target::Agency).is_ok(),
                periods,
                "{role:?} periods"
            );
            for (i, unit) in [&sub_unit, &own_unit, &other, &deeper]
                .into_iter()
                .enumerate()
            {
                assert_eq!(
                    authorize(&a, Action::SetOrgAchievement, Target::Unit(unit)).is_ok(),
                    org[i],
                    "{role:?} org result {unit:?}"
                );
                assert_eq!(
                    authorize(&a, Action::ViewCascade, Target::Unit(unit)).is_ok(),
                    cascade[i],
                    "{role:?} cascade {unit:?}"
                );
            }
        }
    }

    #[test]
    fn actions_on_the_wrong_kind_of_target_are_denied() {
        let a = actor(Role::AdminAgency);
        let e = employee(10);
        assert!(authorize(&a, Action::ViewAuditLog, Target::Employee(&e)).is_err());
        assert!(authorize(&a, Action::EditEmployee, Target::Agency).is_err());
        assert!(authorize(&a, Action::ManageAdmins, Target::Agency).is_err());
    }

    #[test]
    fn admins_only_manage_accounts_of_lower_rank() {
        let target = |rank| EmployeeFacts {
            admin_rank: rank,
            ..employee(10)
        };
        for (role, rank, allowed) in [
            (Role::AdminSubtree, AdminRank::None, true),
            (Role::AdminSubtree, AdminRank::Subtree, false),
            (Role::AdminSubtree, AdminRank::Agency, false),
            (Role::AdminAgency, AdminRank::Subtree, true),
            (Role::AdminAgency, AdminRank::Agency, false),
            (Role::AdminAgency, AdminRank::Super, false),
            (Role::SuperAdmin, AdminRank::Agency, true),
            (Role::SuperAdmin, AdminRank::Super, false),
        ] {
            for action in [
                Action::EditEmployee,
                Action::AssignAppraisers,
                Action::ResetPassword,
            ] {
                assert_eq!(
                    authorize(&actor(role), action, Target::Employee(&target(rank))).is_ok(),
                    allowed,
                    "{role:?} {action:?} on {rank:?}"
                );
            }
            // Seeing them stays as before.
            assert!(
                authorize(
                    &actor(role),
                    Action::ViewEmployee,
                    Target::Employee(&target(rank))
                )
                .is_ok()
            );
        }
    }

    #[test]
    fn admin_roles_are_stored_as_spelled() {
        crate::vocabulary::assert_round_trips(AdminRole::as_str);
        crate::vocabulary::assert_serde_spelling(AdminRole::as_str);
        #[cfg(feature = "ssr")]
        crate::vocabulary::assert_column_spelling(AdminRole::as_str);
        assert_eq!(AdminRole::None.rank(true), AdminRank::Super);
        assert_eq!(AdminRole::Agency.rank(false), AdminRank::Agency);
        assert_eq!(AdminRole::Subtree.rank(false), AdminRank::Subtree);
        assert_eq!(AdminRole::None.rank(false), AdminRank::None);
    }

    #[test]
    fn only_admins_edit_employees_somewhere() {
        for (role, expected) in [
            (Role::Pegawai, false),
            (Role::PejabatPenilai, false),
            (Role::AtasanPenilai, false),
            (Role::PimpinanUnit, false),
            (Role::AdminSubtree, true),
            (Role::AdminAgency, true),
            (Role::SuperAdmin, true),
        ] {
            assert_eq!(
                authorize_within_own_scope(&actor(role), Action::EditEmployee).is_ok(),
                expected,
                "{role:?}"
            );
        }
        let subtree = actor(Role::AdminSubtree);
        let (inside, outside) = (UnitPath("/1/2/4/".into()), UnitPath("/1/3/".into()));
        assert!(authorize(&subtree, Action::EditEmployee, Target::Unit(&inside)).is_ok());
        assert!(authorize(&subtree, Action::EditEmployee, Target::Unit(&outside)).is_err());
    }

    #[test]
    fn the_directory_opens_on_the_actors_own_part() {
        let bidang = Some(UnitPath("/1/2/".into()));
        assert_eq!(directory_scope(&actor(Role::AdminAgency)), Ok(None));
        assert_eq!(directory_scope(&actor(Role::SuperAdmin)), Ok(None));
        assert_eq!(
            directory_scope(&actor(Role::AdminSubtree)),
            Ok(bidang.clone())
        );
        assert_eq!(directory_scope(&actor(Role::PimpinanUnit)), Ok(bidang));
        assert_eq!(directory_scope(&actor(Role::Pegawai)), Err(Denied));
        assert_eq!(directory_scope(&actor(Role::PejabatPenilai)), Err(Denied));
    }

    #[test]
    fn subtree_paths_do_not_match_siblings_with_a_common_prefix() {
        assert!(UnitPath("/1/2/".into()).contains(&UnitPath("/1/2/4/".into())));
        assert!(!UnitPath("/1/2/".into()).contains(&UnitPath("/1/23/".into())));
    }
}
