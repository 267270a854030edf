//! Peer nominations (issue: raters "nominated by the employee within the min/max, approved or
//! adjusted by the appraiser"). While a cycle takes nominations, each person of its population
//! chooses the colleagues who will rate them at `/360/usulan/{cycle}/{employee}`, starting from
//! the peers the organisation proposed; they hand the list to their appraiser, who approves it
//! as it is or adjusted. Opening the cycle invites whoever is on the lists then.
//!
//! Once the list leaves the employee's hands they no longer see it: the appraiser may add people
//! the employee should not learn of, and after the opening nobody changes who was invited.

use super::types::*;
use crate::domain::deadline::DeadlineStatus;
use crate::domain::feedback360::NominationState;
use crate::domain::ids::{CycleId, EmployeeId};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::banner::{Banner, Tone};
use crate::ui::dates::long_date;
use crate::ui::error::{ErrorNotice, posted_error};
use crate::ui::form::{FormErrorSummary, Hidden, Posted, report_to_summary};
use crate::ui::page::PageHeader;
use crate::ui::tag::{Tag, TagTone};
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::collections::HashMap;

type I18n = leptos_i18n::I18nContext<Locale>;

#[server(endpoint = "360/usulan")]
pub async fn load_nomination(
    cycle: CycleId,
    employee: EmployeeId,
    search: String,
) -> Result<NominationView, AppError> {
    crate::state::respond(ssr::view(cycle, employee, search).await)
}

/// Keeps (`step` "save"), hands in ("submit") or approves ("approve") the peers ticked as
/// `peers[<employee id>]`.
#[server(endpoint = "360/usulan/simpan")]
pub async fn save_nomination(
    cycle: CycleId,
    employee: EmployeeId,
    #[server(default)] peers: HashMap<String, String>,
    step: String,
) -> Result<(), AppError> {
    crate::state::respond(ssr::save(cycle, employee, peers, step).await)
}

#[cfg(feature = "ssr")]
pub use ssr::nomination_tasks;

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::db::entities::{pegawai, siklus_360};
    use crate::db::feedback360 as store;
    use crate::db::nominations;
    use crate::domain::access::{Action, Target, authorize};
    use crate::domain::employee::display_name;
    use crate::domain::feedback360::{
        CycleState, NominationParty, NominationStep, RaterGroup, check_nomination_step,
        nomination_step,
    };
    use crate::domain::notification::NotificationKind;
    use crate::error::FormErrors;
    use crate::features::feedback360::api::ssr::{audited, signed_in, today};
    use crate::state::CurrentUser;
    use chrono::NaiveDate;
    use sea_orm::{DatabaseConnection, EntityTrait, TransactionTrait};
    use std::collections::BTreeSet;

    fn name_of(p: &pegawai::Model) -> String {
        display_name(p.front_title.as_deref(), &p.name, p.back_title.as_deref())
    }

    fn due_of(cycle: &siklus_360::Model) -> NaiveDate {
        crate::domain::feedback360::Window {
            opens_on: cycle.opens_on,
            closes_on: cycle.closes_on,
        }
        .nominations_due()
    }

    fn link(cycle: CycleId, employee: EmployeeId) -> String {
        format!("/360/usulan/{cycle}/{employee}")
    }

    /// The cycle, the participant's nomination and who the viewer is to it, through the policy:
    /// the employee themselves, or their appraiser (or an admin acting for one outside the
    /// application). Anyone else gets 403; a person outside the cycle 404.
    async fn context(
        db: &DatabaseConnection,
        user: &CurrentUser,
        agency: &crate::db::agency::Agency,
        cycle_id: CycleId,
        employee: EmployeeId,
    ) -> Result<(siklus_360::Model, NominationState, NominationParty), AppError> {
        let cycle = store::cycle(db, cycle_id).await?;
        // A draft is the admin's alone.
        if cycle.instansi_id != agency.id || cycle.state == CycleState::Draft {
            return Err(AppError::NotFound);
        }
        let facts = crate::db::people::employee_facts(db, employee).await?;
        let party = if authorize(
            &user.actor,
            Action::NominateRaters,
            Target::Employee(&facts),
        )
        .is_ok()
        {
            NominationParty::Employee
        } else {
            authorize(&user.actor, Action::ApproveRaters, Target::Employee(&facts))?;
            NominationParty::Appraiser
        };
        let participant = nominations::participant(db, cycle_id, employee)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok((cycle, participant.nomination, party))
    }

    /// Whether the viewer sees who is on the list: the appraiser always, the employee only
    /// while the list is theirs to change.
    fn shows_names(
        party: NominationParty,
        state: NominationState,
        cycle: &siklus_360::Model,
    ) -> bool {
        match party {
            NominationParty::Appraiser => true,
            NominationParty::Employee => {
                state == NominationState::Pending
                    && cycle.state == crate::domain::feedback360::CycleState::Nominating
            }
        }
    }

    pub async fn view(
        cycle_id: CycleId,
        employee: EmployeeId,
        search: String,
    ) -> Result<NominationView, AppError> {
        let (db, user, agency) = signed_in().await?;
        let (cycle, state, party) = context(&db, &user, &agency, cycle_id, employee).await?;
        let settings = store::settings_of(&cycle)?;
        let ratee = pegawai::Entity::find_by_id(employee)
            .one(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        let step = match party {
            NominationParty::Employee => NominationStep::Save,
            NominationParty::Appraiser => NominationStep::Approve,
        };
        let editable = nomination_step(cycle.state, state, step, party).is_some();
        let search: String = search.chars().take(100).collect();
        let people = if shows_names(party, state, &cycle) {
            let raters = nominations::raters_of(&db, cycle_id, employee).await?;
            let chosen: BTreeSet<EmployeeId> = raters
                .iter()
                .filter(|(_, g)| *g == RaterGroup::Peer)
                .map(|(r, _)| *r)
                .collect();
            let elsewhere: BTreeSet<EmployeeId> = raters
                .iter()
                .filter(|(_, g)| *g != RaterGroup::Peer)
                .map(|(r, _)| *r)
                .collect();
            let mut offered: Vec<pegawai::Model> = if editable {
                nominations::candidates(&db, agency.id, &ratee, &search).await?
            } else {
                Vec::new()
            };
            let missing: Vec<EmployeeId> = chosen
                .iter()
                .filter(|id| !offered.iter().any(|p| p.id == **id))
                .copied()
                .collect();
            offered.extend(store::employees(&db, missing).await?.into_values());
            let units = store::unit_names(&db, offered.iter().map(|p| p.unit_id)).await?;
            let mut people: Vec<Candidate> = offered
                .into_iter()
                .filter(|p| !elsewhere.contains(&p.id))
                .map(|p| Candidate {
                    id: p.id,
                    name: name_of(&p),
                    unit: units.get(&p.unit_id).cloned().unwrap_or_default(),
                    chosen: chosen.contains(&p.id),
                })
                .collect();
            // The list first, then the rest, each by name.
            people.sort_by(|a, b| (!a.chosen, &a.name).cmp(&(!b.chosen, &b.name)));
            people
        } else {
            Vec::new()
        };
        Ok(NominationView {
            cycle: cycle_id,
            employee,
            cycle_title: cycle.title.clone(),
            ratee: name_of(&ratee),
            own: party == NominationParty::Employee,
            state,
            due: due_of(&cycle),
            today: today(&agency).await?,
            min_peers: settings.min_peers,
            max_peers: settings.max_peers,
            editable,
            people,
            search,
        })
    }

    pub async fn save(
        cycle_id: CycleId,
        employee: EmployeeId,
        peers: HashMap<String, String>,
        step: String,
    ) -> Result<(), AppError> {
        let (db, user, agency) = signed_in().await?;
        let (cycle, state, party) = context(&db, &user, &agency, cycle_id, employee).await?;
        let settings = store::settings_of(&cycle)?;
        // Refused before echoing anything back: a post with thousands of ticks is not a list.
        if peers.len() > usize::from(settings.max_peers) {
            return Err(AppError::Invalid(
                FormErrors::default().field("peers", "feedback360_nominees_above_max"),
            ));
        }
        let mut errors = FormErrors::default();
        let mut ids = Vec::with_capacity(peers.len());
        for key in peers.keys() {
            let Ok(id) = key.trim().parse::<i64>() else {
                return Err(AppError::Invalid(
                    errors.field("peers", "malformed_request"),
                ));
            };
            errors = errors.value(&format!("p{id}"), "on");
            ids.push(EmployeeId(id));
        }
        ids.sort();
        let step: NominationStep = step
            .parse()
            .map_err(|_| AppError::Invalid(errors.clone().field("peers", "malformed_request")))?;
        let Some(next) = nomination_step(cycle.state, state, step, party) else {
            return Err(AppError::Invalid(
                errors.field("peers", "feedback360_nominations_closed"),
            ));
        };
        if let Err(code) = check_nomination_step(employee, &ids, &settings, step) {
            return Err(AppError::Invalid(errors.field("peers", code)));
        }
        let known = nominations::active_in_agency(&db, agency.id, &ids).await?;
        if ids.iter().any(|id| !known.contains(id)) {
            return Err(AppError::Invalid(
                errors.field("peers", "feedback360_nominee_unknown"),
            ));
        }
        let elsewhere: BTreeSet<EmployeeId> = nominations::raters_of(&db, cycle_id, employee)
            .await?
            .into_iter()
            .filter(|(_, g)| *g != RaterGroup::Peer)
            .map(|(r, _)| r)
            .collect();
        if ids.iter().any(|id| elsewhere.contains(id)) {
            return Err(AppError::Invalid(
                errors.field("peers", "feedback360_nominee_other_group"),
            ));
        }
        let actor_name = match user.actor.employee_id {
            Some(me) => pegawai::Entity::find_by_id(me)
                .one(&db)
                .await?
                .map(|p| name_of(&p))
                .unwrap_or_else(|| user.account.login.clone()),
            None => user.account.login.clone(),
        };
        let txn = db.begin().await?;
        if !nominations::hold_nominating(&txn, cycle_id).await? {
            return Err(AppError::Invalid(
                errors.field("peers", "feedback360_nominations_closed"),
            ));
        }
        if !nominations::move_nomination(&txn, cycle_id, employee, state, next).await? {
            return Err(AppError::Conflict);
        }
        nominations::set_peers(&txn, cycle_id, employee, &ids).await?;
        let page = link(cycle_id, employee);
        match step {
            NominationStep::Submit => {
                let facts = crate::db::people::employee_facts(&txn, employee).await?;
                let recipients = match facts.penilai_id {
                    Some(appraiser) => vec![appraiser],
                    None if facts.external_appraiser => {
                        crate::db::accounts::admins_over(&txn, &facts.unit).await?
                    }
                    None => Vec::new(),
                };
                for recipient in recipients {
                    crate::db::notifications::notify_employee(
                        &txn,
                        recipient,
                        NotificationKind::Feedback360Nominated,
                        None,
                        &actor_name,
                        &page,
                        None,
                    )
                    .await?;
                }
            }
            // The employee hears once that their list is settled, not of every later change.
            NominationStep::Approve if state != NominationState::Approved => {
                crate::db::notifications::notify_employee(
                    &txn,
                    employee,
                    NotificationKind::Feedback360RatersApproved,
                    None,
                    &actor_name,
                    &page,
                    None,
                )
                .await?;
            }
            NominationStep::Save | NominationStep::Approve => {}
        }
        if step != NominationStep::Save {
            // Who handed in or approved a list, and its size; never who is on it.
            audited(
                &txn,
                &user,
                match step {
                    NominationStep::Submit => "feedback360.nominate",
                    _ => "feedback360.approve_raters",
                },
                cycle_id,
                Some(serde_json::json!({ "employee": employee, "nomination": state })),
                Some(serde_json::json!({
                    "employee": employee,
                    "nomination": next,
                    "peers": ids.len(),
                })),
            )
            .await?;
        }
        txn.commit().await?;
        leptos_axum::redirect(&format!("{page}?disimpan={}", step.as_str()));
        Ok(())
    }

    /// The lists waiting for `me`: their own to choose, and as appraiser those handed to them.
    pub async fn nomination_tasks(
        db: &DatabaseConnection,
        me: EmployeeId,
    ) -> Result<Vec<NominationTask>, AppError> {
        let mut tasks: Vec<NominationTask> = nominations::nominations_of(db, me)
            .await?
            .into_iter()
            .filter(|(_, state)| *state == NominationState::Pending)
            .map(|(cycle, _)| NominationTask {
                own: true,
                link: link(cycle.id, me),
                due: due_of(&cycle),
                cycle_title: cycle.title,
                employee_name: String::new(),
            })
            .collect();
        tasks.extend(
            nominations::waiting_for_approval(db, me)
                .await?
                .into_iter()
                .map(|(cycle, person)| NominationTask {
                    own: false,
                    link: link(cycle.id, person.id),
                    due: due_of(&cycle),
                    cycle_title: cycle.title,
                    employee_name: name_of(&person),
                }),
        );
        Ok(tasks)
    }
}

/// `/360/usulan/{cycle}/{employee}`: choose, hand in or approve the peers who will rate an
/// employee.
#[component]
pub fn NominationPage() -> impl IntoView {
    let i18n = use_i18n();
    let ids = use_params_map().with_untracked(|p| {
        let cycle = p.get("cycle").and_then(|v| v.parse::<CycleId>().ok());
        let employee = p.get("employee").and_then(|v| v.parse::<EmployeeId>().ok());
        cycle.zip(employee)
    });
    let (search, saved) = use_query_map().with_untracked(|q| {
        (
            q.get("cari").unwrap_or_default(),
            q.get("disimpan").unwrap_or_default(),
        )
    });
    let data = OnceResource::new(async move {
        match ids {
            Some((cycle, employee)) => load_nomination(cycle, employee, search).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || {
                let saved = saved.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(view) => nomination(i18n, view, saved).into_any(),
                        Err(error) => crate::features::admin::load_failure(error),
                    }
                })
            }}
        </Suspense>
    }
}

fn state_text(i18n: I18n, v: &NominationView) -> String {
    match (v.own, v.state, v.editable) {
        (true, NominationState::Submitted, _) => {
            t_string!(i18n, feedback360.nomination_submitted_own).to_string()
        }
        (true, NominationState::Approved, _) => {
            t_string!(i18n, feedback360.nomination_approved_own).to_string()
        }
        (true, NominationState::Pending, false) | (false, _, false) => {
            t_string!(i18n, feedback360.nomination_closed).to_string()
        }
        (true, NominationState::Pending, true) => t_string!(
            i18n,
            feedback360.nomination_intro_own,
            min = v.min_peers,
            max = v.max_peers
        )
        .to_string(),
        (false, NominationState::Pending, true) => t_string!(
            i18n,
            feedback360.nomination_intro_pending,
            name = v.ratee.clone(),
            min = v.min_peers,
            max = v.max_peers
        )
        .to_string(),
        (false, NominationState::Submitted, true) => t_string!(
            i18n,
            feedback360.nomination_intro_submitted,
            name = v.ratee.clone(),
            min = v.min_peers,
            max = v.max_peers
        )
        .to_string(),
        (false, NominationState::Approved, true) => t_string!(
            i18n,
            feedback360.nomination_intro_approved,
            min = v.min_peers,
            max = v.max_peers
        )
        .to_string(),
    }
}

fn nomination(i18n: I18n, v: NominationView, saved: String) -> impl IntoView {
    let locale = i18n.get_locale_untracked();
    let error = posted_error(SaveNomination::url());
    let form = Posted::from_error(&error);
    let general = error.clone().filter(|e| e.form().is_none());
    let list_error = form.error(i18n, "peers");
    let title = if v.own {
        t_string!(i18n, feedback360.nomination_title).to_string()
    } else {
        t_string!(
            i18n,
            feedback360.nomination_title_for,
            name = v.ratee.clone()
        )
        .to_string()
    };
    let due = v.editable.then(|| {
        let tone = match DeadlineStatus::on(v.due, v.today) {
            DeadlineStatus::Overdue { .. } => TagTone::Late,
            _ => TagTone::Waiting,
        };
        view! {
            <Tag tone=tone>
                {t_string!(i18n, feedback360.nomination_due, date = long_date(locale, v.due)).to_string()}
            </Tag>
        }
    });
    let saved_text = (error.is_none()).then(|| match saved.as_str() {
        "save" => Some(t_string!(i18n, feedback360.nomination_saved).to_string()),
        "submit" => Some(t_string!(i18n, feedback360.nomination_sent).to_string()),
        "approve" => Some(t_string!(i18n, feedback360.nomination_approved).to_string()),
        _ => None,
    });
    let tab = title.clone();
    let header = view! {
        <PageTitle text=move || tab.clone() />
        <p><a href="/360">{t!(i18n, feedback360.mine_back)}</a></p>
        <PageHeader id="nomination-title" title=title eyebrow=v.cycle_title.clone()>
            <p>{due}</p>
        </PageHeader>
        {saved_text.flatten().map(|text| view! {
            <Banner tone=Tone::Success announce=true><p data-testid="nomination-saved">{text}</p></Banner>
        })}
        <p data-testid="nomination-state">{state_text(i18n, &v)}</p>
        {general.map(|error| view! { <ErrorNotice error /> })}
    };
    if v.people.is_empty() && !v.editable {
        return view! {
            <section class="page" aria-labelledby="nomination-title">{header}</section>
        }
        .into_any();
    }
    // What was ticked when a post came back refused, else the stored list.
    let kept = form.clone();
    let ticked = move |c: &Candidate| {
        if kept.is_posted() {
            kept.typed(&format!("p{}", c.id)).is_some()
        } else {
            c.chosen
        }
    };
    let first = v.people.first().map(|c| format!("p{}", c.id));
    if let Some(first) = &first {
        report_to_summary(
            "peers",
            first,
            t_string!(i18n, feedback360.nomination_list),
            &list_error,
        );
    }
    let rows = v
        .people
        .iter()
        .map(|c| {
            let id = format!("p{}", c.id);
            view! {
                <li>
                    <label class="choice nominee">
                        <input type="checkbox" id=id.clone() name=format!("peers[{}]", c.id) value="on"
                            checked=ticked(c) disabled=!v.editable
                            aria-describedby="peers-error" />
                        " "<span>{c.name.clone()}<br /><span class="small muted">{c.unit.clone()}</span></span>
                    </label>
                </li>
            }
        })
        .collect_view();
    let own = v.own;
    let search_form = v.editable.then(|| {
        view! {
            <form class="form nomination-search" method="get" role="search">
                <label for="cari">{t!(i18n, feedback360.nomination_search)}</label>
                <div class="inline-field">
                    <input id="cari" name="cari" type="search" value=v.search.clone() maxlength="100"
                        aria-describedby="cari-hint" />
                    <button class="button button-secondary" type="submit">{t!(i18n, feedback360.nomination_search_button)}</button>
                </div>
                <p id="cari-hint" class="hint">
                    {if own {
                        t_string!(i18n, feedback360.nomination_search_hint)
                    } else {
                        t_string!(i18n, feedback360.nomination_search_hint_appraiser)
                    }}
                </p>
            </form>
        }
    });
    let buttons = v.editable.then(|| {
        if v.own {
            view! {
                <div class="wizard-actions">
                    <button class="button button-secondary" type="submit" name="step" value="save" data-testid="nomination-save">
                        {t!(i18n, feedback360.nomination_save)}
                    </button>
                    <button class="button" type="submit" name="step" value="submit" data-testid="nomination-submit">
                        {t!(i18n, feedback360.nomination_submit)}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="wizard-actions">
                    <button class="button" type="submit" name="step" value="approve" data-testid="nomination-approve">
                        {t!(i18n, feedback360.nomination_approve)}
                    </button>
                </div>
            }
            .into_any()
        }
    });
    view! {
        <section class="page" aria-labelledby="nomination-title">
            {header}
            {search_form}
            <form class="form" method="post" action=SaveNomination::url() novalidate>
                <FormErrorSummary posted=form.clone() />
                <Hidden name="cycle" value=v.cycle.to_string() />
                <Hidden name="employee" value=v.employee.to_string() />
                <fieldset class="card" id="peers" aria-describedby="peers-count">
                    <legend>{t!(i18n, feedback360.nomination_list)}</legend>
                    <p id="peers-count" class="hint">
                        {t_string!(i18n, feedback360.nomination_count, min = v.min_peers, max = v.max_peers).to_string()}
                    </p>
                    <p id="peers-error" class="field-error">{list_error}</p>
                    <ul class="plain-list nominee-list" data-testid="nominees">{rows}</ul>
                </fieldset>
                {buttons}
            </form>
        </section>
    }
    .into_any()
}
