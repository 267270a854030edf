//! Server side of the self-assessment. Every entry point loads the evaluation with its plan, asks
//! the policy about this plan's owner and appraisers, and changes the evaluation only through
//! its `version` (compare-and-swap): a phone that was offline, or a second tab, never overwrites
//! a newer copy silently; it gets the server's values back and the employee chooses.
//!
//! The wizard's island saves through [`autosave`]; plain form posts (whose field names depend on
//! the plan) and uploads (large multipart bodies with progress) go to the feature's own routes
//! (`super::routes`), which call [`ssr`] below as well.

use super::types::*;
use crate::domain::ids::{EvaluationId, SkpId};
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "evaluasi/view")]
pub async fn load_wizard(id: EvaluationId) -> Result<WizardView, AppError> {
    crate::state::respond(ssr::view(id).await)
}

#[server(endpoint = "evaluasi/mine")]
pub async fn load_my_evaluations() -> Result<MyEvaluations, AppError> {
    crate::state::respond(ssr::mine().await)
}

/// Opens the self-assessment of evaluation `seq` (0 = annual) of the plan, creating it once.
#[server(endpoint = "evaluasi/mulai")]
pub async fn start_evaluation(skp_id: SkpId, seq: i32) -> Result<(), AppError> {
    crate::state::respond(ssr::start(skp_id, seq).await)
}

#[server(endpoint = "evaluasi/ajukan")]
pub async fn submit_evaluation(id: EvaluationId, version: i32) -> Result<(), AppError> {
    crate::state::respond(ssr::submit(id, version).await)
}

/// The island's autosave: the fields changed since the last save (as typed), the `version` the
/// island last saw and the `step` the employee is on, which is remembered for the next visit.
#[server(endpoint = "evaluasi/simpan", input = Json)]
pub async fn autosave(
    id: EvaluationId,
    version: i32,
    step: u8,
    fields: Vec<(String, String)>,
) -> Result<AutosaveReply, AppError> {
    crate::state::respond(ssr::autosave(id, version, step, fields).await)
}

/// The appraiser sends a submitted self-assessment back for completion, with a note.
#[server(endpoint = "evaluasi/kembalikan")]
pub async fn return_evaluation(
    id: EvaluationId,
    version: i32,
    note: String,
) -> Result<(), AppError> {
    crate::state::respond(ssr::send_back(id, version, note).await)
}

/// The self-assessments submitted to the signed-in appraiser and not yet returned.
#[server(endpoint = "evaluasi/masuk")]
pub async fn load_submitted() -> Result<Vec<SubmittedEvaluation>, AppError> {
    crate::state::respond(ssr::submitted().await)
}

#[cfg(feature = "ssr")]
pub mod ssr {
    use super::*;
    use crate::auth::server::ClientInfo;
    use crate::db::audit::{self, Entry};
    use crate::db::entities::{
        bukti, evaluasi, evaluasi_perilaku, evaluasi_realisasi, periode, skp, skp_indikator,
    };
    use crate::db::notifications;
    use crate::db::people::plan_facts;
    use crate::db::skp::{self as plans, SkpRecord};
    use crate::db::versioning;
    use crate::domain::access::{Action, EmployeeFacts, Target, authorize};
    use crate::domain::deadline::{DeadlineStatus, SubmissionRefusal, may_submit, reporting_ends};
    use crate::domain::evaluation::{
        Completeness, EvaluationEvent, EvaluationKind, EvaluationState, EvidenceKind, Field,
        IndicatorFacts, RETURN_NOTE_MAX, Step, clean_link, clean_value, evaluation_transition,
        format_size, missing, without_evidence,
    };
    use crate::domain::ids::{EvidenceId, IndicatorId};
    use crate::domain::notification::NotificationKind;
    use crate::domain::period::{PeriodState, SubPeriod, sub_periods};
    use crate::domain::segment::Segment;
    use crate::domain::skp::{CoreValue, ResultGroup, SkpParty};
    use crate::domain::text::clean_text;
    use crate::domain::vocabulary::IntoEnumIterator;
    use crate::error::FormErrors;
    use crate::state::{self, CurrentUser};
    use crate::storage::{EvidenceStore, EvidenceType};
    use chrono::{NaiveDate, Utc};
    use sea_orm::sea_query::Expr;
    use sea_orm::{
        ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
        QueryFilter, QueryOrder, Set, TransactionTrait,
    };

    /// An evaluation with who is looking at it.
    pub struct Context {
        pub user: CurrentUser,
        pub evaluation: evaluasi::Model,
        pub plan: skp::Model,
        pub facts: EmployeeFacts,
        pub period: periode::Model,
        pub is_owner: bool,
        pub is_appraiser: bool,
    }

    impl Context {
        pub fn link(&self) -> String {
            format!("/evaluasi/{}", self.evaluation.id)
        }

        fn may_edit(&self) -> bool {
            self.is_owner
                && self.evaluation.state.owner_may_edit()
                && self.period.state == PeriodState::Open
                && self.plan.state.is_effective()
        }

        /// Only the employee changes it, and only while it is open in an open period.
        pub fn require_editable(&self) -> Result<(), AppError> {
            if !self.is_owner {
                return Err(AppError::Forbidden);
            }
            if !self.may_edit() {
                return Err(locked());
            }
            Ok(())
        }

        async fn audit(
            &self,
            db: &impl ConnectionTrait,
            client: &ClientInfo,
            action: &str,
            after: serde_json::Value,
        ) -> Result<(), AppError> {
            audit::record(
                db,
                Entry {
                    actor_user_id: Some(self.user.account.id),
                    action,
                    object_type: "evaluasi",
                    object_id: Some(self.evaluation.id.to_string()),
                    before: None,
                    after: Some(after),
                },
                client,
            )
            .await
        }
    }

    /// Submitted, returned-but-closed period, or a plan no longer in force: nothing changes.
    pub fn locked() -> AppError {
        AppError::Invalid(FormErrors::default().field("evaluation", "evaluation_locked"))
    }

    /// Loads evaluation `id` for `user`: 404 when it does not exist, 403 when the user may not
    /// even read the plan it belongs to.
    pub async fn context(
        db: &DatabaseConnection,
        user: CurrentUser,
        id: EvaluationId,
    ) -> Result<Context, AppError> {
        let evaluation = evaluasi::Entity::find_by_id(id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
        let plan = plans::find(db, evaluation.skp_id).await?;
        let facts = plan_facts(db, &plan).await?;
        authorize(&user.actor, Action::ViewSkp, Target::Employee(&facts))?;
        let is_owner = authorize(&user.actor, Action::DraftSkp, Target::Employee(&facts)).is_ok();
        // An admin recording the decisions of an appraiser outside the application decides
        // as that appraiser would.
        let is_appraiser = authorize(&user.actor, Action::ReviewSkp, Target::Employee(&facts))
            .is_ok()
            || authorize(
                &user.actor,
                Action::ActForExternalAppraiser,
                Target::Employee(&facts),
            )
            .is_ok();
        let period = periode::Entity::find_by_id(plan.periode_id)
            .one(db)
            .await?
            .ok_or(AppError::Internal)?;
        Ok(Context {
            user,
            evaluation,
            plan,
            facts,
            period,
            is_owner,
            is_appraiser,
        })
    }

    async fn context_here(id: EvaluationId) -> Result<(DatabaseConnection, Context), AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let cx = context(&db, user, id).await?;
        Ok((db, cx))
    }

    fn date(d: NaiveDate) -> String {
        crate::ui::dates::local_date(d)
    }

    /// The stretch an evaluation covers: its sub-period, or the whole year for the annual one.
    fn span_of(period: &periode::Model, seq: i32) -> Option<(NaiveDate, NaiveDate)> {
        match EvaluationKind::from_seq(seq)? {
            EvaluationKind::Annual => Some((period.starts_on, period.ends_on)),
            EvaluationKind::Periodic(n) => sub_periods(period.year, period.evaluation_interval)
                .into_iter()
                .find(|s: &SubPeriod| s.seq == n)
                .map(|s| (s.starts_on, s.ends_on)),
        }
    }

    fn span_text(period: &periode::Model, seq: i32) -> String {
        span_of(period, seq)
            .map(|(from, to)| format!("{} – {}", date(from), date(to)))
            .unwrap_or_default()
    }

    async fn today(db: &impl ConnectionTrait) -> Result<NaiveDate, AppError> {
        state::today(db).await
    }

    /// The deadline of evaluation `seq` in `period`. Opening a period gives every sub-period
    /// its deadline, so a missing one is damaged data: refused, not guessed.
    async fn deadline_of(
        db: &impl ConnectionTrait,
        period: &periode::Model,
        seq: i32,
    ) -> Result<NaiveDate, AppError> {
        let deadlines = crate::db::periods::deadlines_of(db, period.id).await?;
        crate::db::periods::evaluation_deadline(period, &deadlines, seq).ok_or_else(|| {
            tracing::error!(period = %period.id, seq, "sub-period without a deadline");
            AppError::Internal
        })
    }

    /// When the evaluation in `cx` is due, and whether it may be handed in today
    /// (DOMAIN.md §11.4: not before its months are over; after the deadline only if the agency
    /// accepts late submissions).
    struct Window {
        deadline: NaiveDate,
        today: NaiveDate,
        verdict: Result<(), SubmissionRefusal>,
    }

    async fn window(db: &impl ConnectionTrait, cx: &Context) -> Result<Window, AppError> {
        let seq = cx.evaluation.seq;
        let Some((_, sub_ends_on)) = span_of(&cx.period, seq) else {
            tracing::error!(evaluation = %cx.evaluation.id, seq, "evaluation outside its period");
            return Err(AppError::Internal);
        };
        let segment = crate::db::segments::segment_of(&cx.plan, &cx.period);
        let deadline = deadline_of(db, &cx.period, seq).await?;
        let lock_late = crate::db::agency::primary(db)
            .await?
            .is_some_and(|a| a.lock_late_submissions);
        let today = today(db).await?;
        let verdict = may_submit(
            reporting_ends(sub_ends_on, segment),
            deadline,
            lock_late,
            today,
        );
        Ok(Window {
            deadline,
            today,
            verdict,
        })
    }

    /// Whether `evaluation` was handed in after `deadline` (on the agency's calendar).
    fn handed_in_late(
        evaluation: Option<&evaluasi::Model>,
        deadline: Option<NaiveDate>,
        time_zone: crate::domain::agency::AgencyTimeZone,
    ) -> bool {
        match (evaluation.and_then(|e| e.submitted_at), deadline) {
            (Some(at), Some(deadline)) => time_zone.local(at).date_naive() > deadline,
            _ => false,
        }
    }

    /// Evaluations that may be filled in by `today` (`domain::evaluation::fillable`).
    fn available(period: &periode::Model, segment: Segment, today: NaiveDate) -> Vec<i32> {
        crate::domain::evaluation::fillable(
            &sub_periods(period.year, period.evaluation_interval),
            segment,
            today,
        )
    }

    /// The indicators of the plan with whether each must be reported on and whether its
    /// realisation must be a number.
    struct PlanIndicator {
        model: skp_indikator::Model,
        required: bool,
        numeric: bool,
    }

    fn plan_indicators(record: &SkpRecord) -> Vec<PlanIndicator> {
        record
            .results
            .iter()
            .flat_map(|(result, indicators)| {
                let required = result.grp == ResultGroup::Utama;
                indicators.iter().map(move |i| PlanIndicator {
                    model: i.clone(),
                    required,
                    numeric: i.target_min.is_some() || i.target_max.is_some(),
                })
            })
            .collect()
    }

    /// The stored value of each field, as the form shows it.
    async fn field_values(
        db: &impl ConnectionTrait,
        evaluation: &evaluasi::Model,
        fields: &[Field],
    ) -> Result<Vec<(String, String)>, AppError> {
        let realisations = evaluasi_realisasi::Entity::find()
            .filter(evaluasi_realisasi::Column::EvaluasiId.eq(evaluation.id))
            .all(db)
            .await?;
        let behaviours = evaluasi_perilaku::Entity::find()
            .filter(evaluasi_perilaku::Column::EvaluasiId.eq(evaluation.id))
            .all(db)
            .await?;
        let realisation = |id: IndicatorId| realisations.iter().find(|r| r.indikator_id == id);
        let behaviour = |v: CoreValue| {
            behaviours
                .iter()
                .find(|b| b.core_value == i32::from(v.number()))
        };
        Ok(fields
            .iter()
            .map(|field| {
                let value = match *field {
                    Field::Realisation(id) => realisation(id).and_then(|r| r.value.clone()),
                    Field::Comment(id) => realisation(id).and_then(|r| r.comment.clone()),
                    Field::Rating(v) => {
                        behaviour(v).and_then(|b| b.rating.map(|r| r.as_str().to_owned()))
                    }
                    Field::Example(v) => behaviour(v).and_then(|b| b.example.clone()),
                    Field::Achievements => evaluation.achievements.clone(),
                    Field::Projects => evaluation.projects.clone(),
                    Field::Challenges => evaluation.challenges.clone(),
                    Field::Development => evaluation.development.clone(),
                };
                (field.name(), value.unwrap_or_default())
            })
            .collect())
    }

    /// What the wizard sends: the version it last saw, the step it is on, changed fields.
    pub struct SaveRequest {
        pub version: i32,
        pub step: Option<Step>,
        pub fields: Vec<(String, String)>,
    }

    #[derive(Debug, PartialEq, Eq)]
    pub enum SaveOutcome {
        /// Stored; `values` as stored, `errors` (field, code) for the fields that were not,
        /// `open` how many required items each step (1–5) still lacks.
        Saved {
            version: i32,
            values: Vec<(String, String)>,
            errors: Vec<(String, String)>,
            open: [usize; 5],
        },
        /// Someone saved a newer copy: nothing was stored; the server's value of every field.
        Conflict {
            version: i32,
            values: Vec<(String, String)>,
        },
    }

    /// Saves fields of the self-assessment. Valid fields are stored even when others are not
    /// (each error names its field); a stale `version` stores nothing.
    pub async fn save(
        db: &DatabaseConnection,
        client: &ClientInfo,
        id: EvaluationId,
        request: SaveRequest,
    ) -> Result<SaveOutcome, AppError> {
        let user = state::user_for(db, client)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let cx = context(db, user, id).await?;
        cx.require_editable()?;
        let record = plans::load(db, cx.plan.id).await?;
        let indicators = plan_indicators(&record);

        let mut valid: Vec<(Field, Option<String>)> = Vec::new();
        let mut errors: Vec<(String, String)> = Vec::new();
        for (name, raw) in &request.fields {
            let Some(field) = Field::parse(name) else {
                errors.push((name.clone(), "invalid".to_owned()));
                continue;
            };
            let numeric = match field {
                Field::Realisation(i) | Field::Comment(i) => {
                    match indicators.iter().find(|p| p.model.id == i) {
                        Some(p) => p.numeric,
                        None => {
                            errors.push((name.clone(), "invalid".to_owned()));
                            continue;
                        }
                    }
                }
                _ => false,
            };
            match clean_value(field, raw, numeric) {
                Ok(value) => valid.push((field, value)),
                Err(code) => errors.push((name.clone(), code.to_owned())),
            }
        }
        let step_changes = request
            .step
            .is_some_and(|s| i32::from(s.number()) != cx.evaluation.step);
        if valid.is_empty() && !step_changes {
            if errors.is_empty() {
                return Ok(SaveOutcome::Saved {
                    version: request.version,
                    values: vec![],
                    errors,
                    open: open_per_step(db, id, &indicators).await?,
                });
            }
            let mut form = FormErrors::default();
            for (field, code) in &errors {
                form = form.field(field, code);
            }
            for (name, raw) in &request.fields {
                form = form.value(name, raw);
            }
            return Err(AppError::Invalid(form));
        }

        let txn = db.begin().await?;
        let mut update = evaluasi::Entity::update_many()
            .col_expr(evaluasi::Column::Version, Expr::value(request.version + 1))
            .col_expr(evaluasi::Column::UpdatedAt, Expr::value(Utc::now()));
        if let Some(step) = request.step {
            update = update.col_expr(
                evaluasi::Column::Step,
                Expr::value(i32::from(step.number())),
            );
        }
        for (field, value) in &valid {
            let column = match field {
                Field::Achievements => evaluasi::Column::Achievements,
                Field::Projects => evaluasi::Column::Projects,
                Field::Challenges => evaluasi::Column::Challenges,
                Field::Development => evaluasi::Column::Development,
                _ => continue,
            };
            update = update.col_expr(column, Expr::value(value.clone()));
        }
        let claimed = update
            .filter(evaluasi::Column::Id.eq(id))
            .filter(evaluasi::Column::Version.eq(request.version))
            .exec(&txn)
            .await?
            .rows_affected
            == 1;
        if !claimed {
            txn.rollback().await?;
            let current = evaluasi::Entity::find_by_id(id)
                .one(db)
                .await?
                .ok_or(AppError::NotFound)?;
            // Every field, so the island catches up with what changed elsewhere.
            let every: Vec<Field> = indicators
                .iter()
                .flat_map(|p| [Field::Realisation(p.model.id), Field::Comment(p.model.id)])
                .chain(CoreValue::iter().flat_map(|v| [Field::Rating(v), Field::Example(v)]))
                .chain([
                    Field::Achievements,
                    Field::Projects,
                    Field::Challenges,
                    Field::Development,
                ])
                .collect();
            let values = field_values(db, &current, &every).await?;
            return Ok(SaveOutcome::Conflict {
                version: current.version,
                values,
            });
        }
        for (field, value) in &valid {
            match *field {
                Field::Realisation(indicator) | Field::Comment(indicator) => {
                    let existing = evaluasi_realisasi::Entity::find()
                        .filter(evaluasi_realisasi::Column::EvaluasiId.eq(id))
                        .filter(evaluasi_realisasi::Column::IndikatorId.eq(indicator))
                        .one(&txn)
                        .await?;
                    let mut row = match existing {
                        Some(row) => row.into(),
                        None => evaluasi_realisasi::ActiveModel {
                            evaluasi_id: Set(id),
                            indikator_id: Set(indicator),
                            value: Set(None),
                            comment: Set(None),
                            ..Default::default()
                        },
                    };
                    if matches!(field, Field::Realisation(_)) {
                        row.value = Set(value.clone());
                    } else {
                        row.comment = Set(value.clone());
                    }
                    row.save(&txn).await?;
                }
                Field::Rating(v) | Field::Example(v) => {
                    let column = if matches!(field, Field::Rating(_)) {
                        evaluasi_perilaku::Column::Rating
                    } else {
                        evaluasi_perilaku::Column::Example
                    };
                    evaluasi_perilaku::Entity::update_many()
                        .col_expr(column, Expr::value(value.clone()))
                        .filter(evaluasi_perilaku::Column::EvaluasiId.eq(id))
                        .filter(evaluasi_perilaku::Column::CoreValue.eq(i32::from(v.number())))
                        .exec(&txn)
                        .await?;
                }
                _ => {}
            }
        }
        txn.commit().await?;
        Ok(SaveOutcome::Saved {
            version: request.version + 1,
            values: valid
                .into_iter()
                .map(|(f, v)| (f.name(), v.unwrap_or_default()))
                .collect(),
            errors,
            open: open_per_step(db, id, &indicators).await?,
        })
    }

    /// How many required items each step still lacks, for the progress indicator.
    async fn open_per_step(
        db: &impl ConnectionTrait,
        evaluation_id: EvaluationId,
        indicators: &[PlanIndicator],
    ) -> Result<[usize; 5], AppError> {
        let facts = completeness(db, evaluation_id, indicators).await?;
        let mut open = [0; 5];
        for item in missing(&facts) {
            open[usize::from(item.step().number() - 1)] += 1;
        }
        Ok(open)
    }

    async fn completeness(
        db: &impl ConnectionTrait,
        evaluation_id: EvaluationId,
        indicators: &[PlanIndicator],
    ) -> Result<Completeness, AppError> {
        let realisations = evaluasi_realisasi::Entity::find()
            .filter(evaluasi_realisasi::Column::EvaluasiId.eq(evaluation_id))
            .all(db)
            .await?;
        let behaviours = evaluasi_perilaku::Entity::find()
            .filter(evaluasi_perilaku::Column::EvaluasiId.eq(evaluation_id))
            .all(db)
            .await?;
        let evidence = bukti::Entity::find()
            .filter(bukti::Column::EvaluasiId.eq(evaluation_id))
            .all(db)
            .await?;
        let evaluation = evaluasi::Entity::find_by_id(evaluation_id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
        let value_of = |b: &evaluasi_perilaku::Model| {
            u8::try_from(b.core_value)
                .ok()
                .and_then(CoreValue::from_number)
        };
        Ok(Completeness {
            indicators: indicators
                .iter()
                .map(|p| IndicatorFacts {
                    indicator_id: p.model.id,
                    required: p.required,
                    has_realisation: realisations
                        .iter()
                        .any(|r| r.indikator_id == p.model.id && r.value.is_some()),
                    has_evidence: evidence.iter().any(|e| e.indikator_id == p.model.id),
                })
                .collect(),
            rated: behaviours
                .iter()
                .filter(|b| b.rating.is_some())
                .filter_map(value_of)
                .collect(),
            exemplified: behaviours
                .iter()
                .filter(|b| b.example.is_some())
                .filter_map(value_of)
                .collect(),
            has_achievements: evaluation.achievements.is_some(),
            evidence_required: crate::db::agency::evidence_required(db).await?,
        })
    }

    fn evidence_view(e: &bukti::Model, decimal_comma: bool) -> EvidenceView {
        if e.kind == EvidenceKind::Link {
            let url = e.url.clone().unwrap_or_default();
            EvidenceView {
                id: e.id,
                kind: EvidenceKind::Link,
                name: url.clone(),
                size: String::new(),
                url,
                photo: false,
            }
        } else {
            EvidenceView {
                id: e.id,
                kind: EvidenceKind::File,
                name: e.file_name.clone().unwrap_or_default(),
                size: format_size(
                    u64::try_from(e.size.unwrap_or_default()).unwrap_or_default(),
                    decimal_comma,
                ),
                url: crate::features::evaluation::paths::download(e.id),
                photo: e.file_type.is_some_and(|t| t.is_image()),
            }
        }
    }

    /// [`save`] for the island, answered in the employee's language.
    pub async fn autosave(
        id: EvaluationId,
        version: i32,
        step: u8,
        fields: Vec<(String, String)>,
    ) -> Result<AutosaveReply, AppError> {
        let db = state::db()?;
        let locale = if decimal_comma() {
            crate::i18n::Locale::id
        } else {
            crate::i18n::Locale::en
        };
        let messages = |fields: &[(String, String)]| {
            fields
                .iter()
                .map(|(field, code)| FieldMessage {
                    field: field.clone(),
                    code: code.clone(),
                    message: crate::ui::error::field_message_in(locale, code),
                })
                .collect::<Vec<_>>()
        };
        let request = SaveRequest {
            version,
            step: Step::from_number(i64::from(step)),
            fields,
        };
        match save(&db, &ClientInfo::current(), id, request).await {
            Ok(SaveOutcome::Saved {
                version,
                values,
                errors,
                open,
            }) => Ok(AutosaveReply::Saved {
                version,
                saved_at: saved_at(&db).await,
                values,
                errors: messages(&errors),
                open,
            }),
            Ok(SaveOutcome::Conflict { version, values }) => {
                Ok(AutosaveReply::Conflict { version, values })
            }
            Err(AppError::Invalid(form))
                if form.error_for("evaluation") == Some("evaluation_locked") =>
            {
                Ok(AutosaveReply::Locked)
            }
            Err(AppError::Invalid(form)) => Ok(AutosaveReply::Refused {
                errors: messages(&form.fields),
            }),
            Err(err) => Err(err),
        }
    }

    /// The time of a save as the agency reads a clock: `10.42`.
    pub async fn saved_at(db: &DatabaseConnection) -> String {
        use crate::ui::{dates::clock_time, locale::request_locale};
        // The save has already happened: an agency that cannot be read is no reason to fail it.
        match state::now_local(db).await {
            Ok(now) => clock_time(request_locale(), now.time()),
            Err(error) => {
                tracing::warn!(
                    ?error,
                    "the agency's time zone cannot be read; save time in WIB"
                );
                let now = state::clock().map_or_else(|_| Utc::now(), |clock| clock.now());
                let local = crate::domain::agency::AgencyTimeZone::Wib.local(now);
                clock_time(request_locale(), local.time())
            }
        }
    }

    fn decimal_comma() -> bool {
        crate::state::request_cookie(crate::ui::locale::LOCALE_COOKIE).as_deref() != Some("en")
    }

    pub async fn view(id: EvaluationId) -> Result<WizardView, AppError> {
        let (db, cx) = context_here(id).await?;
        let record = plans::load(&db, cx.plan.id).await?;
        let indicators = plan_indicators(&record);
        let realisations = evaluasi_realisasi::Entity::find()
            .filter(evaluasi_realisasi::Column::EvaluasiId.eq(id))
            .all(&db)
            .await?;
        let behaviours = evaluasi_perilaku::Entity::find()
            .filter(evaluasi_perilaku::Column::EvaluasiId.eq(id))
            .all(&db)
            .await?;
        // Evidence stays within the appraisal chain; others see the text only.
        let may_see_evidence = authorize(
            &cx.user.actor,
            Action::ViewEvidence,
            Target::Employee(&cx.facts),
        )
        .is_ok();
        let evidence = if may_see_evidence {
            bukti::Entity::find()
                .filter(bukti::Column::EvaluasiId.eq(id))
                .order_by_asc(bukti::Column::Id)
                .all(&db)
                .await?
        } else {
            Vec::new()
        };
        let comma = decimal_comma();
        let periodic = cx.evaluation.seq != EvaluationKind::Annual.seq();
        let planned = if periodic {
            crate::db::action_plans::agreed_steps(&db, cx.plan.id, cx.evaluation.seq).await?
        } else {
            Default::default()
        };
        let results = record
            .results
            .iter()
            .map(|(result, items)| ResultItem {
                id: result.id,
                group: result.grp,
                text: result.text.clone(),
                indicators: items
                    .iter()
                    .map(|i| {
                        let r = realisations.iter().find(|r| r.indikator_id == i.id);
                        IndicatorItem {
                            id: i.id,
                            text: i.text.clone(),
                            aspect: i.aspect,
                            target_min: i.target_min.clone(),
                            target_max: i.target_max.clone(),
                            target_unit: i.target_unit.clone(),
                            numeric: i.target_min.is_some() || i.target_max.is_some(),
                            value: r.and_then(|r| r.value.clone()).unwrap_or_default(),
                            comment: r.and_then(|r| r.comment.clone()).unwrap_or_default(),
                            evidence: evidence
                                .iter()
                                .filter(|e| e.indikator_id == i.id)
                                .map(|e| evidence_view(e, comma))
                                .collect(),
                            planned: planned.get(&i.id).map(|s| PlannedStep {
                                description: s.description.clone(),
                                target: s.target.clone(),
                            }),
                        }
                    })
                    .collect(),
            })
            .collect();
        let behaviours = CoreValue::iter()
            .map(|value| {
                let mine = behaviours
                    .iter()
                    .find(|b| b.core_value == i32::from(value.number()));
                let expectation = record
                    .behaviours
                    .iter()
                    .find(|b| b.core_value == i32::from(value.number()))
                    .and_then(|b| b.expectation.clone());
                BehaviourItem {
                    value: value.number(),
                    rating: mine.and_then(|b| b.rating),
                    example: mine.and_then(|b| b.example.clone()).unwrap_or_default(),
                    expectation: expectation.unwrap_or_default(),
                }
            })
            .collect();
        let facts = completeness(&db, id, &indicators).await?;
        let e = &cx.evaluation;
        let submitted_at = match e.submitted_at {
            Some(at) => Some(crate::ui::dates::local_moment(
                crate::db::agency::time_zone(&db).await?,
                at,
            )),
            None => None,
        };
        let max_upload_bytes = state::evidence()?.max_bytes();
        let window = window(&db, &cx).await?;
        let time_zone = crate::db::agency::time_zone(&db).await?;
        Ok(WizardView {
            deadline: date(window.deadline),
            deadline_status: (e.state == EvaluationState::Open)
                .then(|| DeadlineStatus::on(window.deadline, window.today)),
            submit_refusal: window.verdict.err(),
            late: handed_in_late(Some(e), Some(window.deadline), time_zone),
            id,
            skp_id: cx.plan.id,
            seq: e.seq,
            year: cx.period.year,
            without_action_plan: periodic && planned.is_empty(),
            span: span_text(&cx.period, e.seq),
            state: e.state,
            version: e.version,
            step: u8::try_from(e.step).map_err(|_| {
                tracing::error!(evaluation = %e.id, step = e.step, "impossible stored step");
                AppError::Internal
            })?,
            employee: plans::parse_header(&cx.plan)?.employee,
            results,
            behaviours,
            achievements: e.achievements.clone().unwrap_or_default(),
            projects: e.projects.clone().unwrap_or_default(),
            challenges: e.challenges.clone().unwrap_or_default(),
            development: e.development.clone().unwrap_or_default(),
            missing: missing(&facts)
                .into_iter()
                .map(|m| MissingItem {
                    field: m.anchor(),
                    step: m.step().number(),
                })
                .collect(),
            without_evidence: if may_see_evidence {
                without_evidence(&facts)
            } else {
                Vec::new()
            },
            return_note: e.return_note.clone(),
            submitted_at,
            can_edit: cx.may_edit(),
            can_return: cx.is_appraiser
                && evaluation_transition(
                    cx.evaluation.state,
                    EvaluationEvent::Return,
                    SkpParty::Appraiser,
                )
                .is_some(),
            max_upload_bytes,
            evidence_required: facts.evidence_required,
        })
    }

    /// The signed-in employee's established plans in the open period with the period: one,
    /// or one per position segment after a transfer (earliest first).
    async fn my_plans(
        db: &DatabaseConnection,
        user: &CurrentUser,
    ) -> Result<Option<(Vec<skp::Model>, periode::Model)>, AppError> {
        let Some(me) = user.actor.employee_id else {
            return Ok(None);
        };
        let Some(agency) = crate::db::agency::primary(db).await? else {
            return Ok(None);
        };
        let Some(period) = crate::db::periods::open_period(db, agency.id).await? else {
            return Ok(None);
        };
        let plans: Vec<skp::Model> = skp::Entity::find()
            .filter(skp::Column::PegawaiId.eq(me))
            .filter(skp::Column::PeriodeId.eq(period.id))
            .order_by_asc(skp::Column::StartsOn)
            .order_by_asc(skp::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .filter(|p| p.state.is_effective())
            .collect();
        Ok(Some((plans, period)))
    }

    pub async fn mine() -> Result<MyEvaluations, AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let Some((plans, period)) = my_plans(&db, &user).await? else {
            return Ok(MyEvaluations {
                year: None,
                plans: Vec::new(),
            });
        };
        let deadlines = crate::db::periods::deadlines_of(&db, period.id).await?;
        let today = today(&db).await?;
        let time_zone = crate::db::agency::time_zone(&db).await?;
        let mut out = Vec::with_capacity(plans.len());
        for plan in plans {
            let started = evaluasi::Entity::find()
                .filter(evaluasi::Column::SkpId.eq(plan.id))
                .all(&db)
                .await?;
            let segment = crate::db::segments::segment_of(&plan, &period);
            let entries = available(&period, segment, today)
                .into_iter()
                .map(|seq| {
                    let e = started.iter().find(|e| e.seq == seq);
                    let deadline =
                        crate::db::periods::evaluation_deadline(&period, &deadlines, seq);
                    let to_hand_in = e.is_none_or(|e| e.state == EvaluationState::Open);
                    EvaluationEntry {
                        seq,
                        span: span_text(&period, seq),
                        id: e.map(|e| e.id),
                        state: e.map(|e| e.state),
                        deadline: deadline.map(date).unwrap_or_default(),
                        deadline_status: deadline
                            .filter(|_| to_hand_in)
                            .map(|d| DeadlineStatus::on(d, today)),
                        late: handed_in_late(e, deadline, time_zone),
                    }
                })
                .collect();
            out.push(PlanEvaluations {
                skp_id: plan.id,
                segment: crate::db::segments::part_of(&plan, &period),
                position: plans::parse_header(&plan)?.employee.position,
                entries,
            });
        }
        Ok(MyEvaluations {
            year: Some(period.year),
            plans: out,
        })
    }

    pub async fn start(skp_id: SkpId, seq: i32) -> Result<(), AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let plan = plans::find(&db, skp_id).await?;
        let facts = plan_facts(&db, &plan).await?;
        authorize(&user.actor, Action::DraftSkp, Target::Employee(&facts))?;
        let period = periode::Entity::find_by_id(plan.periode_id)
            .one(&db)
            .await?
            .ok_or(AppError::Internal)?;
        if let Some(existing) = evaluasi::Entity::find()
            .filter(evaluasi::Column::SkpId.eq(skp_id))
            .filter(evaluasi::Column::Seq.eq(seq))
            .one(&db)
            .await?
        {
            leptos_axum::redirect(&format!("/evaluasi/{}", existing.id));
            return Ok(());
        }
        let in_force = plan.state.is_effective();
        if !in_force || period.state != PeriodState::Open {
            return Err(locked());
        }
        let segment = crate::db::segments::segment_of(&plan, &period);
        if !available(&period, segment, today(&db).await?).contains(&seq) {
            return Err(AppError::Invalid(
                FormErrors::default().field("seq", "invalid"),
            ));
        }
        let now = Utc::now();
        let txn = db.begin().await?;
        let created = evaluasi::ActiveModel {
            skp_id: Set(skp_id),
            seq: Set(seq),
            state: Set(EvaluationState::Open),
            step: Set(1),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await;
        let created = match created {
            Ok(created) => created,
            // Two taps at once: the unique index keeps one; open that one.
            Err(_) => {
                txn.rollback().await?;
                let existing = evaluasi::Entity::find()
                    .filter(evaluasi::Column::SkpId.eq(skp_id))
                    .filter(evaluasi::Column::Seq.eq(seq))
                    .one(&db)
                    .await?
                    .ok_or(AppError::Internal)?;
                leptos_axum::redirect(&format!("/evaluasi/{}", existing.id));
                return Ok(());
            }
        };
        for value in CoreValue::iter() {
            evaluasi_perilaku::ActiveModel {
                evaluasi_id: Set(created.id),
                core_value: Set(i32::from(value.number())),
                rating: Set(None),
                example: Set(None),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        txn.commit().await?;
        leptos_axum::redirect(&format!("/evaluasi/{}", created.id));
        Ok(())
    }

    pub async fn submit(id: EvaluationId, version: i32) -> Result<(), AppError> {
        let (db, cx) = context_here(id).await?;
        cx.require_editable()?;
        let next = evaluation_transition(
            cx.evaluation.state,
            EvaluationEvent::Submit,
            SkpParty::Owner,
        )
        .ok_or_else(locked)?;
        let code = match window(&db, &cx).await?.verdict {
            Ok(()) => None,
            Err(SubmissionRefusal::NotYetEnded { .. }) => Some("evaluation_not_ended"),
            Err(SubmissionRefusal::Late { .. }) => Some("evaluation_late_locked"),
        };
        if let Some(code) = code {
            return Err(AppError::Invalid(
                FormErrors::default().field("evaluation", code),
            ));
        }
        let record = plans::load(&db, cx.plan.id).await?;
        let facts = completeness(&db, id, &plan_indicators(&record)).await?;
        if !missing(&facts).is_empty() {
            return Err(AppError::Invalid(
                FormErrors::default().field("evaluation", "evaluation_incomplete"),
            ));
        }
        let client = ClientInfo::current();
        let employee = plans::parse_header(&cx.plan)?.employee.name;
        let txn = db.begin().await?;
        versioning::claim::<evaluasi::Entity>(&txn, id, version).await?;
        evaluasi::Entity::update_many()
            .col_expr(evaluasi::Column::State, Expr::value(next))
            // The business clock: whether it came in late is read off this moment.
            .col_expr(
                evaluasi::Column::SubmittedAt,
                Expr::value(Some(state::clock()?.now())),
            )
            .filter(evaluasi::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        for appraiser in crate::db::people::appraiser_recipients(&txn, &cx.plan).await? {
            notifications::notify_employee(
                &txn,
                appraiser,
                NotificationKind::EvaluationSubmitted,
                Some(cx.plan.id),
                &employee,
                &cx.link(),
                None,
            )
            .await?;
        }
        cx.audit(
            &txn,
            &client,
            "evaluation_submitted",
            serde_json::json!({ "skp_id": cx.plan.id, "seq": cx.evaluation.seq }),
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("{}?status=submitted", cx.link()));
        Ok(())
    }

    pub async fn send_back(id: EvaluationId, version: i32, note: String) -> Result<(), AppError> {
        let (db, cx) = context_here(id).await?;
        if !cx.is_appraiser {
            return Err(AppError::Forbidden);
        }
        let next = evaluation_transition(
            cx.evaluation.state,
            EvaluationEvent::Return,
            SkpParty::Appraiser,
        )
        .filter(|_| cx.period.state == PeriodState::Open)
        .ok_or_else(locked)?;
        let note = clean_text(&note, RETURN_NOTE_MAX).map_err(|code| {
            AppError::Invalid(
                FormErrors::default()
                    .field("note", code)
                    .value("note", &note),
            )
        })?;
        let client = ClientInfo::current();
        let appraiser = plans::parse_header(&cx.plan)?
            .appraiser
            .map(|a| a.name)
            .unwrap_or_else(|| cx.user.account.login.clone());
        let txn = db.begin().await?;
        versioning::claim::<evaluasi::Entity>(&txn, id, version).await?;
        evaluasi::Entity::update_many()
            .col_expr(evaluasi::Column::State, Expr::value(next))
            .col_expr(
                evaluasi::Column::ReturnNote,
                Expr::value(Some(note.clone())),
            )
            .col_expr(evaluasi::Column::ReturnedAt, Expr::value(Some(Utc::now())))
            .filter(evaluasi::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        notifications::notify_employee(
            &txn,
            cx.plan.pegawai_id,
            NotificationKind::EvaluationReturned,
            Some(cx.plan.id),
            &appraiser,
            &cx.link(),
            Some(&note),
        )
        .await?;
        cx.audit(
            &txn,
            &client,
            "evaluation_returned",
            serde_json::json!({ "note": note }),
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect(&format!("{}?status=returned", cx.link()));
        Ok(())
    }

    fn indicator_of_plan(record: &SkpRecord, indicator_id: IndicatorId) -> Result<(), AppError> {
        let found = record
            .results
            .iter()
            .any(|(_, items)| items.iter().any(|i| i.id == indicator_id));
        if found {
            Ok(())
        } else {
            Err(AppError::Invalid(
                FormErrors::default().field("indikator", "invalid"),
            ))
        }
    }

    /// Adds a link as evidence for one indicator; a refused link is reported on the field
    /// `tautan-{indicator}` with what was typed.
    pub async fn add_link(
        db: &DatabaseConnection,
        client: &ClientInfo,
        id: EvaluationId,
        indicator_id: IndicatorId,
        link: &str,
    ) -> Result<EvidenceId, AppError> {
        let user = state::user_for(db, client)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let cx = context(db, user, id).await?;
        cx.require_editable()?;
        indicator_of_plan(&plans::load(db, cx.plan.id).await?, indicator_id)?;
        let url = clean_link(link).map_err(|code| {
            let field = format!("tautan-{indicator_id}");
            AppError::Invalid(
                FormErrors::default()
                    .field(&field, code)
                    .value(&field, link),
            )
        })?;
        let row = bukti::ActiveModel {
            evaluasi_id: Set(id),
            indikator_id: Set(indicator_id),
            kind: Set(EvidenceKind::Link),
            url: Set(Some(url.clone())),
            uploaded_by: Set(cx.user.account.id),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        cx.audit(
            db,
            client,
            "evidence_added",
            serde_json::json!({ "bukti_id": row.id, "indikator_id": indicator_id, "url": url }),
        )
        .await?;
        Ok(row.id)
    }

    /// A file as it arrived for one indicator.
    pub struct UploadedFile<'a> {
        pub indicator_id: IndicatorId,
        pub file_name: &'a str,
        pub bytes: bytes::Bytes,
    }

    /// Stores an uploaded file as evidence for one indicator of the evaluation.
    pub async fn upload(
        db: &DatabaseConnection,
        store: &EvidenceStore,
        client: &ClientInfo,
        id: EvaluationId,
        file: UploadedFile<'_>,
        decimal_comma: bool,
    ) -> Result<EvidenceView, AppError> {
        let user = state::user_for(db, client)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let cx = context(db, user, id).await?;
        cx.require_editable()?;
        let UploadedFile {
            indicator_id,
            file_name,
            bytes,
        } = file;
        indicator_of_plan(&plans::load(db, cx.plan.id).await?, indicator_id)?;
        let (object, kind) = store.put(bytes).await?;
        let name = stored_name(file_name, kind);
        let row = bukti::ActiveModel {
            evaluasi_id: Set(id),
            indikator_id: Set(indicator_id),
            kind: Set(EvidenceKind::File),
            file_type: Set(Some(kind)),
            object_key: Set(Some(object.key.clone())),
            sha256: Set(Some(object.sha256.clone())),
            size: Set(Some(i64::try_from(object.size).unwrap_or(i64::MAX))),
            file_name: Set(Some(name)),
            url: Set(None),
            uploaded_by: Set(cx.user.account.id),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        cx.audit(
            db,
            client,
            "evidence_uploaded",
            serde_json::json!({
                "bukti_id": row.id,
                "indikator_id": indicator_id,
                "sha256": object.sha256,
                "size": object.size,
                "type": kind.as_str(),
            }),
        )
        .await?;
        Ok(evidence_view(&row, decimal_comma))
    }

    /// The name shown for an uploaded file: what the phone called it, without any path, with
    /// the extension of what it really is.
    pub fn stored_name(file_name: &str, kind: EvidenceType) -> String {
        let base = file_name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or_default()
            .chars()
            .filter(|c| !c.is_control())
            .take(120)
            .collect::<String>();
        let stem = base
            .rsplit_once('.')
            .map_or(base.as_str(), |(stem, _)| stem)
            .trim();
        let stem = if stem.is_empty() { "bukti" } else { stem };
        format!("{stem}.{}", kind.extension())
    }

    pub async fn remove_evidence(
        db: &DatabaseConnection,
        client: &ClientInfo,
        id: EvaluationId,
        evidence_id: EvidenceId,
    ) -> Result<IndicatorId, AppError> {
        let user = state::user_for(db, client)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let cx = context(db, user, id).await?;
        cx.require_editable()?;
        let row = bukti::Entity::find_by_id(evidence_id)
            .one(db)
            .await?
            .filter(|b| b.evaluasi_id == id)
            .ok_or(AppError::NotFound)?;
        // The stored object stays: it is content-addressed and may back other evidence.
        bukti::Entity::delete_by_id(row.id).exec(db).await?;
        cx.audit(
            db,
            client,
            "evidence_removed",
            serde_json::json!({ "bukti_id": row.id, "indikator_id": row.indikator_id }),
        )
        .await?;
        Ok(row.indikator_id)
    }

    /// A stored evidence file, for the employee and their appraisers only.
    pub async fn download(
        db: &DatabaseConnection,
        store: &EvidenceStore,
        client: &ClientInfo,
        evidence_id: EvidenceId,
    ) -> Result<(EvidenceType, String, bytes::Bytes), AppError> {
        let user = state::user_for(db, client)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let row = bukti::Entity::find_by_id(evidence_id)
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
        let cx = context(db, user, row.evaluasi_id).await?;
        authorize(
            &cx.user.actor,
            Action::ViewEvidence,
            Target::Employee(&cx.facts),
        )?;
        let (Some(key), Some(kind)) = (row.object_key.as_deref(), row.file_type) else {
            return Err(AppError::NotFound);
        };
        let bytes = store.get(key).await?;
        Ok((kind, row.file_name.unwrap_or_default(), bytes))
    }

    pub async fn submitted() -> Result<Vec<SubmittedEvaluation>, AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let Some(me) = user.actor.employee_id else {
            return Ok(Vec::new());
        };
        let mut plans_of_mine = skp::Entity::find()
            .filter(skp::Column::PenilaiId.eq(me))
            .all(&db)
            .await?;
        if user.actor.admin_rank() != crate::domain::access::AdminRank::None {
            plans_of_mine.extend(
                skp::Entity::find()
                    .filter(skp::Column::PenilaiLuarId.is_not_null())
                    .all(&db)
                    .await?,
            );
        }
        let time_zone = crate::db::agency::time_zone(&db).await?;
        let mut out = Vec::new();
        for plan in plans_of_mine {
            // The policy decides, not the column: never one's own plan.
            let facts = plan_facts(&db, &plan).await?;
            let decides = [Action::ReviewSkp, Action::ActForExternalAppraiser]
                .into_iter()
                .any(|action| authorize(&user.actor, action, Target::Employee(&facts)).is_ok());
            if !decides {
                continue;
            }
            let waiting = evaluasi::Entity::find()
                .filter(evaluasi::Column::SkpId.eq(plan.id))
                .filter(evaluasi::Column::State.eq(EvaluationState::SelfAssessed))
                .order_by_asc(evaluasi::Column::SubmittedAt)
                .all(&db)
                .await?;
            if waiting.is_empty() {
                continue;
            }
            let period = periode::Entity::find_by_id(plan.periode_id)
                .one(&db)
                .await?
                .ok_or(AppError::Internal)?;
            let header = plans::parse_header(&plan)?;
            let deadlines = crate::db::periods::deadlines_of(&db, period.id).await?;
            for e in waiting {
                let deadline = crate::db::periods::evaluation_deadline(&period, &deadlines, e.seq);
                let late = handed_in_late(Some(&e), deadline, time_zone);
                let submitted_at = match e.submitted_at {
                    Some(at) => crate::ui::dates::local_moment(time_zone, at),
                    None => String::new(),
                };
                out.push(SubmittedEvaluation {
                    id: e.id,
                    employee: header.employee.name.clone(),
                    nip: header.employee.nip.clone(),
                    seq: e.seq,
                    span: span_text(&period, e.seq),
                    submitted_at,
                    late,
                });
            }
        }
        Ok(out)
    }
}
