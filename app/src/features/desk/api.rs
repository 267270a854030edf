//! Server functions of the desk: what waits for the signed-in person, and reminding a team member.

use super::types::*;
use crate::domain::ids::EmployeeId;
use crate::error::AppError;
use leptos::prelude::*;

/// The desk of the signed-in person; `None` for a visitor.
#[server(endpoint = "desk")]
pub async fn load_desk() -> Result<Option<Desk>, AppError> {
    crate::state::respond(ssr::desk().await)
}

/// Reminds `employee`, whom the signed-in person appraises, of their earliest open task: an
/// in-app notification, at most once a day.
#[server(endpoint = "desk/remind")]
pub async fn remind_team_member(employee: EmployeeId) -> Result<ReminderOutcome, AppError> {
    crate::state::respond(ssr::remind(employee).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::db::entities::{
        employee_import, evaluasi, pegawai, pengingat, penilai_periode, periode,
        rencana_aksi_status, skp, skp_riwayat,
    };
    use crate::db::tasks::{OpenTask, Scope, TaskKind, open_tasks_in};
    use crate::domain::access::{Action, Target, authorize, authorize_within_own_scope};
    use crate::domain::action_plan::ActionPlanState;
    use crate::domain::deadline::DeadlineStatus;
    use crate::domain::employee::display_name;
    use crate::domain::evaluation::EvaluationState;
    use crate::domain::ids::{AccountId, AgencyId, SkpId};
    use crate::domain::skp::{SkpEvent, SkpState};
    use crate::state::{self, CurrentUser};
    use chrono::{Datelike, NaiveDate};
    use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
    use std::collections::{HashMap, HashSet};

    /// How long a refused import stays on its admin's desk.
    const IMPORT_DAYS: i64 = 30;

    fn name_of(p: &pegawai::Model) -> String {
        display_name(p.front_title.as_deref(), &p.name, p.back_title.as_deref())
    }

    pub async fn desk() -> Result<Option<Desk>, AppError> {
        let db = state::db()?;
        let Some(user) = state::current_user(&db).await? else {
            return Ok(None);
        };
        let me = match user.actor.employee_id {
            Some(id) => pegawai::Entity::find_by_id(id).one(&db).await?,
            None => None,
        };
        let mut desk = Desk {
            name: me
                .as_ref()
                .map(name_of)
                .unwrap_or_else(|| user.account.login.clone()),
            ..Desk::default()
        };
        let Some(agency) = crate::db::agency::primary(&db).await? else {
            return Ok(Some(desk));
        };
        let today = state::clock()?.today_in(agency.time_zone);
        desk.today = Some(today);
        let period = crate::db::periods::open_period(&db, agency.id).await?;

        if let (Some(period), Some(me)) = (&period, &me) {
            let tasks = open_tasks_in(&db, period, today, Scope::Around(me.id)).await?;
            own_tasks(&db, period, today, me.id, &tasks, &mut desk.items).await?;
            desk.team = team(&db, period, today, me.id, &tasks).await?;
            revision_in_hand(&db, period, me.id, user.account.id, &mut desk.items).await?;
            returned_action_plan(&db, period, me.id, &mut desk.items).await?;
        }
        if let Some(me) = &me {
            feedback_forms(&db, today, me.id, &mut desk.items).await?;
        }
        appraiser_queues(period.as_ref(), today, &mut desk.items).await?;
        admin_work(
            &db,
            &user,
            today,
            agency.id,
            period.as_ref(),
            &mut desk.items,
        )
        .await?;

        // Deadlines first, the earliest (so the most overdue) on top; the rest keep their order.
        desk.items.sort_by_key(|item| match item.due {
            Some((date, _)) => (0, date),
            None => (1, NaiveDate::MAX),
        });
        Ok(Some(desk))
    }

    fn due(deadline: NaiveDate, today: NaiveDate) -> Option<(NaiveDate, DeadlineStatus)> {
        Some((deadline, DeadlineStatus::on(deadline, today)))
    }

    /// The work the signed-in person owes by a deadline: their plan, their self-assessments, the
    /// plans handed to them.
    async fn own_tasks(
        db: &DatabaseConnection,
        period: &periode::Model,
        today: NaiveDate,
        me: EmployeeId,
        tasks: &[OpenTask],
        items: &mut Vec<DeskItem>,
    ) -> Result<(), AppError> {
        let mine: Vec<&OpenTask> = tasks.iter().filter(|t| t.owner == me).collect();
        let people: HashMap<EmployeeId, pegawai::Model> = pegawai::Entity::find()
            .filter(pegawai::Column::Id.is_in(mine.iter().map(|t| t.employee)))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        for task in mine {
            let item = match task.kind {
                TaskKind::DraftPlan => {
                    let (plan, note) = plan_in_hand(db, period, me).await?;
                    DeskItem {
                        task: DeskTask::DraftPlan {
                            returned: note.is_some(),
                        },
                        // The plan itself once it exists; before, the page that starts one.
                        link: plan.map_or_else(|| task.link(), |id| format!("/skp/{id}")),
                        due: due(task.deadline, today),
                        note,
                    }
                }
                TaskKind::ReviewPlan { skp_id } => {
                    let Some(person) = people.get(&task.employee) else {
                        tracing::error!(employee = %task.employee, "plan of an employee who is gone");
                        return Err(AppError::Internal);
                    };
                    DeskItem {
                        task: DeskTask::ReviewPlan {
                            employee: name_of(person),
                            revision: false,
                            acting_for: None,
                        },
                        link: format!("/skp/{skp_id}"),
                        due: due(task.deadline, today),
                        note: None,
                    }
                }
                TaskKind::SelfAssessment { skp_id, seq } => {
                    let (from, to) = crate::db::tasks::evaluation_span(period, seq)?;
                    let started = evaluasi::Entity::find()
                        .filter(evaluasi::Column::SkpId.eq(skp_id))
                        .filter(evaluasi::Column::Seq.eq(seq))
                        .one(db)
                        .await?;
                    let note = started
                        .as_ref()
                        .filter(|e| e.state == EvaluationState::Open && e.returned_at.is_some())
                        .and_then(|e| e.return_note.clone());
                    DeskItem {
                        task: DeskTask::SelfAssessment {
                            seq,
                            year: period.year,
                            from,
                            to,
                            returned: note.is_some(),
                        },
                        link: match &started {
                            Some(e) => format!("/evaluasi/{}", e.id),
                            None => "/evaluasi".to_owned(),
                        },
                        due: due(task.deadline, today),
                        note,
                    }
                }
            };
            items.push(item);
        }
        Ok(())
    }

    /// The employee's current plan, if one is started, and what the appraiser wrote when they
    /// last returned it, if it is back with the employee because of that.
    async fn plan_in_hand(
        db: &DatabaseConnection,
        period: &periode::Model,
        me: EmployeeId,
    ) -> Result<(Option<SkpId>, Option<String>), AppError> {
        let Some(plan) = crate::db::skp::current_for(db, me, period.id).await? else {
            return Ok((None, None));
        };
        if !matches!(plan.state, SkpState::Draft | SkpState::RevisionDraft) {
            return Ok((Some(plan.id), None));
        }
        let last = skp_riwayat::Entity::find()
            .filter(skp_riwayat::Column::SkpId.eq(plan.id))
            .order_by_desc(skp_riwayat::Column::Id)
            .one(db)
            .await?;
        let note = last
            .filter(|h| h.event == SkpEvent::Return)
            .map(|h| h.note.unwrap_or_default());
        Ok((Some(plan.id), note))
    }

    /// A change to the signed-in person's established plan that is still with them: asked for
    /// (or returned) by the appraiser, with their note, or started by the employee themselves
    /// (`account`). It has no deadline: a revision is not bound to the planning deadline.
    async fn revision_in_hand(
        db: &DatabaseConnection,
        period: &periode::Model,
        me: EmployeeId,
        account: AccountId,
        items: &mut Vec<DeskItem>,
    ) -> Result<(), AppError> {
        let Some(plan) = crate::db::skp::current_for(db, me, period.id).await? else {
            return Ok(());
        };
        if plan.state != SkpState::RevisionDraft {
            return Ok(());
        }
        let last = skp_riwayat::Entity::find()
            .filter(skp_riwayat::Column::SkpId.eq(plan.id))
            .order_by_desc(skp_riwayat::Column::Id)
            .one(db)
            .await?;
        let requested = last.as_ref().is_some_and(|h| match h.event {
            SkpEvent::Return => true,
            SkpEvent::RequestRevision => h.actor_user_id != Some(account),
            _ => false,
        });
        items.push(DeskItem {
            task: DeskTask::RevisePlan { requested },
            link: format!("/skp/{}", plan.id),
            due: None,
            note: last
                .filter(|_| requested)
                .and_then(|h| h.note)
                .filter(|n| !n.trim().is_empty()),
        });
        Ok(())
    }

    /// The signed-in person's action plan, when the appraiser returned it.
    async fn returned_action_plan(
        db: &DatabaseConnection,
        period: &periode::Model,
        me: EmployeeId,
        items: &mut Vec<DeskItem>,
    ) -> Result<(), AppError> {
        if let Some(plan) = crate::db::skp::current_for(db, me, period.id).await? {
            let status = rencana_aksi_status::Entity::find_by_id(plan.id)
                .one(db)
                .await?;
            if let Some(status) = status
                && status.state == ActionPlanState::Draft
                && let Some(note) = status.note
            {
                items.push(DeskItem {
                    task: DeskTask::FixActionPlan,
                    link: format!("/skp/{}/rencana-aksi", plan.id),
                    due: None,
                    note: Some(note),
                });
            }
        }
        Ok(())
    }

    /// What else waits for the signed-in person as appraiser: plans and changes of plans handed
    /// in that the deadline tasks do not cover (changes, and plans of appraisers outside the
    /// application an admin acts for), handed-in self-assessments and action plans. Each list is
    /// the one its own page shows.
    async fn appraiser_queues(
        period: Option<&periode::Model>,
        today: NaiveDate,
        items: &mut Vec<DeskItem>,
    ) -> Result<(), AppError> {
        if let Some(period) = period {
            for row in crate::features::skp::load_reviews().await?.rows {
                let (Some(skp_id), Some(state)) = (row.skp_id, row.state) else {
                    continue;
                };
                let link = format!("/skp/{skp_id}");
                if !state.awaits_appraiser() || items.iter().any(|i| i.link == link) {
                    continue;
                }
                let revision = state == SkpState::RevisionSubmitted;
                items.push(DeskItem {
                    task: DeskTask::ReviewPlan {
                        employee: row.employee,
                        revision,
                        acting_for: row.acting_for,
                    },
                    link,
                    due: (!revision)
                        .then(|| due(period.planning_deadline, today))
                        .flatten(),
                    note: None,
                });
            }
        }
        for e in crate::features::evaluation::load_submitted().await? {
            items.push(DeskItem {
                link: format!("/evaluasi/{}", e.id),
                task: DeskTask::ReadSelfAssessment {
                    employee: e.employee,
                    seq: e.seq,
                    span: e.span,
                },
                due: None,
                note: None,
            });
        }
        for a in crate::features::action_plan::load_waiting_action_plans().await? {
            items.push(DeskItem {
                link: format!("/skp/{}/rencana-aksi", a.skp_id),
                task: DeskTask::ReviewActionPlan {
                    employee: a.employee,
                },
                due: None,
                note: None,
            });
        }
        Ok(())
    }

    /// The 360° forms waiting for the person, each with the cycle's last day.
    async fn feedback_forms(
        db: &DatabaseConnection,
        today: NaiveDate,
        me: EmployeeId,
        items: &mut Vec<DeskItem>,
    ) -> Result<(), AppError> {
        use crate::domain::feedback360::RaterGroup;
        for form in crate::db::feedback360::pending_for(db, me, today).await? {
            items.push(DeskItem {
                task: DeskTask::AnswerFeedback {
                    employee: form.ratee_name,
                    own: form.group == RaterGroup::Oneself,
                },
                link: format!("/360/isi/{}", form.assignment),
                due: due(form.closes_on, today),
                note: None,
            });
        }
        for task in crate::features::feedback360::nomination_tasks(db, me).await? {
            items.push(DeskItem {
                task: if task.own {
                    DeskTask::NominatePeers {
                        cycle: task.cycle_title,
                    }
                } else {
                    DeskTask::ApprovePeers {
                        employee: task.employee_name,
                    }
                },
                link: task.link,
                due: due(task.due, today),
                note: None,
            });
        }
        Ok(())
    }

    /// Admin work: periods to open or close, the admin's own refused imports.
    async fn admin_work(
        db: &DatabaseConnection,
        user: &CurrentUser,
        today: NaiveDate,
        agency_id: AgencyId,
        open: Option<&periode::Model>,
        items: &mut Vec<DeskItem>,
    ) -> Result<(), AppError> {
        if authorize(&user.actor, Action::ManagePeriods, Target::Agency).is_ok() {
            if let Some(open) = open
                && today > open.annual_deadline
            {
                items.push(DeskItem {
                    task: DeskTask::ClosePeriod { year: open.year },
                    link: format!("/admin/periode/{}", open.id),
                    due: due(open.annual_deadline, today),
                    note: None,
                });
            }
            let this_year = crate::db::periods::period_of_year(db, agency_id, today.year()).await?;
            if this_year.is_none() {
                items.push(DeskItem {
                    task: DeskTask::OpenPeriod { year: today.year() },
                    link: "/admin/periode".to_owned(),
                    due: None,
                    note: None,
                });
            }
        }
        if authorize_within_own_scope(&user.actor, Action::ImportExportEmployees).is_ok() {
            let since = state::clock()?.now() - chrono::Duration::days(IMPORT_DAYS);
            let latest = employee_import::Entity::find()
                .filter(employee_import::Column::CreatedBy.eq(user.account.id))
                .filter(employee_import::Column::CreatedAt.gte(since))
                .order_by_desc(employee_import::Column::CreatedAt)
                .one(db)
                .await?;
            if let Some(import) = latest.filter(|i| i.error_count > 0 && !i.applied) {
                items.push(DeskItem {
                    task: DeskTask::FixImport {
                        file_name: import.file_name,
                        errors: import.error_count,
                    },
                    link: format!("/admin/impor/{}", import.id),
                    due: None,
                    note: None,
                });
            }
        }
        Ok(())
    }

    /// The people the signed-in person appraises, those needing a push first: whoever's plan of
    /// the period names them as appraiser, and whoever's record does while they have no plan
    /// (as `/bawahan` lists them).
    async fn team(
        db: &DatabaseConnection,
        period: &periode::Model,
        today: NaiveDate,
        me: EmployeeId,
        tasks: &[OpenTask],
    ) -> Result<Vec<TeamMember>, AppError> {
        let current = |q: sea_orm::Select<skp::Entity>| {
            q.filter(skp::Column::PeriodeId.eq(period.id))
                .filter(skp::Column::State.ne(SkpState::Cancelled))
                .filter(skp::Column::EndsOn.is_null())
        };
        let mut plans: HashMap<EmployeeId, skp::Model> = current(skp::Entity::find())
            .filter(skp::Column::PenilaiId.eq(me))
            .filter(skp::Column::PegawaiId.ne(me))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.pegawai_id, p))
            .collect();
        // Before a plan names the appraiser, the period's choice does, else the record's.
        let chosen = penilai_periode::Entity::find()
            .filter(penilai_periode::Column::PeriodeId.eq(period.id))
            .all(db)
            .await?;
        let chosen_elsewhere: HashSet<EmployeeId> = chosen
            .iter()
            .filter(|c| c.penilai_id != Some(me))
            .map(|c| c.pegawai_id)
            .collect();
        let mut by_record: Vec<EmployeeId> = pegawai::Entity::find()
            .filter(pegawai::Column::PenilaiId.eq(me))
            .filter(pegawai::Column::Id.ne(me))
            .all(db)
            .await?
            .into_iter()
            .map(|p| p.id)
            .filter(|id| !chosen_elsewhere.contains(id))
            .collect();
        by_record.extend(
            chosen
                .iter()
                .filter(|c| c.penilai_id == Some(me) && c.pegawai_id != me)
                .map(|c| c.pegawai_id),
        );
        // Someone whose current plan names another appraiser is that appraiser's, whatever the
        // record says.
        let with_plan: HashSet<EmployeeId> = current(skp::Entity::find())
            .filter(skp::Column::PegawaiId.is_in(by_record.clone()))
            .all(db)
            .await?
            .into_iter()
            .map(|p| p.pegawai_id)
            .collect();
        let mut ids: Vec<EmployeeId> = plans.keys().copied().collect();
        ids.extend(by_record.into_iter().filter(|id| !with_plan.contains(id)));
        let people = pegawai::Entity::find()
            .filter(pegawai::Column::Id.is_in(ids.clone()))
            .filter(pegawai::Column::Active.eq(true))
            .all(db)
            .await?;
        if people.is_empty() {
            return Ok(Vec::new());
        }
        let reminded: HashSet<EmployeeId> = pengingat::Entity::find()
            .filter(pengingat::Column::PegawaiId.is_in(ids))
            .filter(pengingat::Column::Task.eq(crate::reminders::nudge_key(today)))
            .all(db)
            .await?
            .into_iter()
            .map(|r| r.pegawai_id)
            .collect();
        let mut team: Vec<TeamMember> = people
            .into_iter()
            .map(|p| {
                let owed: Vec<&OpenTask> = tasks.iter().filter(|t| t.owner == p.id).collect();
                let days_late = owed
                    .iter()
                    .filter_map(|t| match DeadlineStatus::on(t.deadline, today) {
                        DeadlineStatus::Overdue { days_late } => Some(days_late),
                        _ => None,
                    })
                    .max();
                let plan = plans.remove(&p.id);
                let progress = match (&plan, days_late) {
                    (None, _) => Progress::NotStarted,
                    (Some(_), Some(days_late)) => Progress::Late { days_late },
                    (Some(_), None) if !owed.is_empty() => Progress::OnTrack,
                    (Some(_), None) => Progress::UpToDate,
                };
                let reminded_today = reminded.contains(&p.id);
                TeamMember {
                    employee: p.id,
                    name: name_of(&p),
                    nip: p.nip.clone(),
                    progress,
                    skp_id: plan.as_ref().map(|s| s.id),
                    may_remind: !owed.is_empty() && !reminded_today,
                    reminded_today,
                }
            })
            .collect();
        team.sort_by(|a, b| {
            let rank = |m: &TeamMember| match m.progress {
                Progress::NotStarted => (0, 0),
                Progress::Late { days_late } => (1, u32::MAX - days_late),
                Progress::OnTrack => (2, 0),
                Progress::UpToDate => (3, 0),
            };
            rank(a).cmp(&rank(b)).then_with(|| a.name.cmp(&b.name))
        });
        Ok(team)
    }

    pub async fn remind(employee: EmployeeId) -> Result<ReminderOutcome, AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let agency = crate::db::agency::primary(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        let period = crate::db::periods::open_period(&db, agency.id).await?;
        // Whoever appraises the employee may push them, nobody else: the appraiser named on the
        // current plan, or, before there is one, the one the period gives them.
        let plan = match &period {
            Some(period) => crate::db::skp::current_for(&db, employee, period.id).await?,
            None => None,
        };
        let facts = match (&plan, &period) {
            (Some(plan), _) => crate::db::people::plan_facts(&db, plan).await?,
            (None, Some(period)) => {
                let mut facts = crate::db::people::employee_facts(&db, employee).await?;
                let person = pegawai::Entity::find_by_id(employee)
                    .one(&db)
                    .await?
                    .ok_or(AppError::NotFound)?;
                let chosen = crate::db::periods::appraisers_for(&db, &person, period.id).await?;
                facts.penilai_id = chosen.penilai;
                facts.atasan_penilai_id = chosen.atasan;
                facts.external_appraiser = chosen.external.is_some();
                facts
            }
            (None, None) => crate::db::people::employee_facts(&db, employee).await?,
        };
        authorize(&user.actor, Action::ReviewSkp, Target::Employee(&facts))?;
        let Some(period) = period else {
            return Ok(ReminderOutcome::NothingOpen);
        };
        let clock = state::clock()?;
        let today = clock.today_in(agency.time_zone);
        let earliest = open_tasks_in(&db, &period, today, Scope::Around(employee))
            .await?
            .into_iter()
            .filter(|t| t.owner == employee)
            .min_by_key(|t| t.deadline);
        let Some(task) = earliest else {
            return Ok(ReminderOutcome::NothingOpen);
        };
        let sent = crate::reminders::nudge(&db, clock, &period, &task, today).await?;
        Ok(if sent {
            ReminderOutcome::Sent
        } else {
            ReminderOutcome::AlreadyToday
        })
    }
}
