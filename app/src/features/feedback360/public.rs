//! `/umpan-balik/{token}`: the short form a service user (a citizen, a patient) fills in without
//! an account, reached through a cycle's public link or its poster's QR code.
//!
//! Nothing about the person is asked or kept. Against repeat answers the browser gets a random
//! device token (a cookie) whose hash with the link is recorded, with no time (so the rows of
//! two links cannot be matched to one device); against floods the answers of a link are counted
//! per hour in the database, and those of a network address in memory only
//! (`crate::address_counts`). Like the colleagues' answers, the scores are stored with the day
//! only, and nothing is logged or audited (the request log shortens `/umpan-balik/…`).

use super::pages::statement_fieldset;
use super::types::*;
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::banner::{Banner, Tone};
use crate::ui::dates::long_date;
use crate::ui::error::{ErrorNotice, posted_error};
use crate::ui::form::{FormErrorSummary, Hidden, Posted, TextAreaField};
use crate::ui::page::PageHeader;
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::collections::HashMap;

type I18n = leptos_i18n::I18nContext<Locale>;

/// A service user's comment is one free text; it is filed under *Berorientasi Pelayanan*
/// (value 1), the value a service user sees.
const COMMENT_VALUE: u8 = 1;

#[server(endpoint = "public/360")]
pub async fn load_public_form(token: String) -> Result<PublicForm, AppError> {
    crate::state::respond(ssr::form(token).await)
}

/// `scores[n]` is statement `n`'s point on the scale or `na`; `comments[1]` the optional comment.
#[server(endpoint = "public/360/answer")]
pub async fn answer_public(
    token: String,
    #[server(default)] scores: HashMap<String, String>,
    #[server(default)] comments: HashMap<String, String>,
) -> Result<(), AppError> {
    crate::state::respond(ssr::answer(token, scores, comments).await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::super::api::ssr::{clean_answers, english, posted_answers, today};
    use super::*;
    use crate::auth::server::{ClientInfo, random_token, token_hash};
    use crate::db::agency::Agency;
    use crate::db::entities::{siklus_360, tautan_360};
    use crate::db::feedback360 as store;
    use crate::domain::feedback360::{Audience, LinkTarget, RaterGroup, check_public_rate};
    use crate::domain::ids::PublicLinkId;
    use crate::state;
    use chrono::{NaiveDate, Utc};
    use sea_orm::{DatabaseConnection, TransactionTrait};

    const DEVICE_COOKIE: &str = "kinerja_perangkat";
    /// About 400 days, the longest a browser keeps a cookie.
    const DEVICE_COOKIE_SECONDS: i64 = 400 * 24 * 3600;

    /// The device token the browser sent, if it looks like one of ours.
    fn device_token() -> Option<String> {
        state::request_cookie(DEVICE_COOKIE)
            .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()))
    }

    /// What is recorded of a device: the hash of its token with the link, so one device's rows
    /// under two links share nothing.
    fn device_hash(link: PublicLinkId, device: &str) -> String {
        token_hash(&format!("{link}:{device}"))
    }

    fn device_cookie(token: &str, secure: bool) -> String {
        let secure = if secure { "; Secure" } else { "" };
        format!(
            "{DEVICE_COOKIE}={token}; Path=/; Max-Age={DEVICE_COOKIE_SECONDS}; HttpOnly; SameSite=Lax{secure}"
        )
    }

    /// The link of `token` with its cycle and agency; a link of a cycle that no longer asks
    /// service users is as unknown as a wrong token.
    async fn open_link(
        db: &DatabaseConnection,
        token: &str,
    ) -> Result<(tautan_360::Model, siklus_360::Model, Agency), AppError> {
        let link = store::link_by_token(db, token.trim()).await?;
        let cycle = store::cycle(db, link.cycle_id).await?;
        let agency = crate::db::agency::primary(db)
            .await?
            .ok_or(AppError::NotFound)?;
        if cycle.instansi_id != agency.id
            || !store::groups_of(&cycle)?.contains(&RaterGroup::External)
        {
            return Err(AppError::NotFound);
        }
        Ok((link, cycle, agency))
    }

    fn status(cycle: &siklus_360::Model, today: NaiveDate) -> Result<PublicStatus, AppError> {
        let window = store::settings_of(cycle)?.window;
        Ok(
            if cycle.state.accepts_answers() && window.accepts_on(today) {
                PublicStatus::Open
            } else if !cycle.state.is_closed() && today <= window.closes_on {
                PublicStatus::NotYet
            } else {
                PublicStatus::Closed
            },
        )
    }

    pub async fn form(token: String) -> Result<PublicForm, AppError> {
        let db = state::db()?;
        let (link, cycle, agency) = open_link(&db, &token).await?;
        let today = today(&agency).await?;
        let mut status = status(&cycle, today)?;
        if status == PublicStatus::Open
            && let Some(device) = device_token()
            && store::device_answered(&db, link.id, &device_hash(link.id, &device)).await?
        {
            status = PublicStatus::Answered;
        }
        let (subject, detail, unit) = super::super::links::ssr::subject_of(&db, &link).await?;
        let items = store::items(&db, cycle.instrument_id).await?;
        Ok(PublicForm {
            token: link.token,
            agency: agency.name,
            subject,
            detail,
            unit,
            opens_on: cycle.opens_on,
            closes_on: cycle.closes_on,
            status,
            values: super::super::instrument::by_value(items, Audience::External, english()),
        })
    }

    pub async fn answer(
        token: String,
        scores: HashMap<String, String>,
        comments: HashMap<String, String>,
    ) -> Result<(), AppError> {
        let db = state::db()?;
        let (link, cycle, agency) = open_link(&db, &token).await?;
        let errors = posted_answers(&scores, &comments);
        let today = today(&agency).await?;
        if status(&cycle, today)? != PublicStatus::Open {
            return Err(AppError::Invalid(
                errors.field("form", "feedback360_closed"),
            ));
        }
        let items = store::items(&db, cycle.instrument_id).await?;
        let answers = clean_answers(
            &scores,
            &comments,
            &items,
            Audience::External,
            errors.clone(),
        )?;
        let client = ClientInfo::current();
        let known_device = device_token();
        let device = known_device.clone().unwrap_or_else(random_token);
        let hour = Utc::now().timestamp().div_euclid(3600);
        let addresses = state::app_state()?.address_counts;
        let address_count = addresses.get(client.ip.as_deref(), hour) + 1;
        let (ratee, unit) = match store::target_of(&link)? {
            LinkTarget::Employee(id) => (Some(id), None),
            LinkTarget::Unit(id) => (None, Some(id)),
        };
        let txn = db.begin().await?;
        if !store::claim_device(&txn, link.id, &device_hash(link.id, &device)).await? {
            return Err(AppError::Invalid(
                errors.field("form", "feedback360_public_answered"),
            ));
        }
        let link_count = store::count_public_answer(&txn, link.id, hour).await?;
        if let Err(code) = check_public_rate(link_count, address_count) {
            // Dropping the transaction forgets this answer's count and its device.
            return Err(AppError::Invalid(errors.field("form", code)));
        }
        store::store_answer(
            &txn,
            cycle.id,
            ratee,
            unit,
            RaterGroup::External,
            &answers,
            today,
        )
        .await?;
        txn.commit().await?;
        addresses.add(client.ip.as_deref(), hour);
        if known_device.is_none() {
            state::append_header(
                http::header::SET_COOKIE,
                &device_cookie(&device, client.secure),
            );
        }
        leptos_axum::redirect(&format!("/umpan-balik/{}?terkirim=1", link.token));
        Ok(())
    }
}

/// `/umpan-balik/{token}`.
#[component]
pub fn PublicFormPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = use_params_map().with_untracked(|p| p.get("token").unwrap_or_default());
    let data = OnceResource::new(load_public_form(token));
    view! {
        <PageTitle text=move || t_string!(i18n, feedback360.public_title).to_string() />
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(form) => public_form(i18n, form).into_any(),
                    Err(error) => {
                        #[cfg(feature = "ssr")]
                        crate::state::set_status(error.status_code());
                        view! { <ErrorNotice error /> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

fn public_scale(i18n: I18n, point: u8) -> String {
    match point {
        1 => t_string!(i18n, feedback360.public_scale_1),
        2 => t_string!(i18n, feedback360.public_scale_2),
        3 => t_string!(i18n, feedback360.public_scale_3),
        4 => t_string!(i18n, feedback360.public_scale_4),
        _ => t_string!(i18n, feedback360.public_scale_5),
    }
    .to_string()
}

fn public_form(i18n: I18n, f: PublicForm) -> impl IntoView {
    use crate::domain::feedback360::{CANNOT_JUDGE, COMMENT_MAX, SCALE_MAX};
    let locale = i18n.get_locale_untracked();
    let error = posted_error(AnswerPublic::url());
    let form = Posted::from_error(&error);
    let general = error.filter(|e| e.form().is_none());
    let sent = use_query_map().with_untracked(|q| q.get("terkirim").is_some());
    let title = if f.unit {
        t_string!(
            i18n,
            feedback360.public_heading_unit,
            name = f.subject.clone()
        )
        .to_string()
    } else {
        t_string!(i18n, feedback360.public_heading, name = f.subject.clone()).to_string()
    };
    let header = view! {
        <PageHeader id="public-title" title=title eyebrow=f.agency.clone()>
            {f.detail.clone().map(|d| view! { <p>{d}</p> })}
        </PageHeader>
    };
    let notice = match f.status {
        // Sent from a browser that keeps no cookies: the answer is in, say so.
        PublicStatus::Open if sent => Some((
            Tone::Success,
            t_string!(i18n, feedback360.public_thanks).to_string(),
        )),
        PublicStatus::Open => None,
        PublicStatus::Answered => Some((
            if sent { Tone::Success } else { Tone::Info },
            if sent {
                t_string!(i18n, feedback360.public_thanks).to_string()
            } else {
                t_string!(i18n, feedback360.public_answered).to_string()
            },
        )),
        PublicStatus::NotYet => Some((
            Tone::Info,
            t_string!(
                i18n,
                feedback360.public_not_yet,
                date = long_date(locale, f.opens_on)
            )
            .to_string(),
        )),
        PublicStatus::Closed => Some((
            Tone::Info,
            t_string!(i18n, feedback360.public_closed).to_string(),
        )),
    };
    if let Some((tone, text)) = notice {
        return view! {
            <section class="page public-page" aria-labelledby="public-title">
                {header}
                <Banner tone announce=sent><p data-testid="public-done">{text}</p></Banner>
            </section>
        }
        .into_any();
    }
    let choices: Vec<(String, String)> = (1..=SCALE_MAX)
        .rev()
        .map(|point| (point.to_string(), public_scale(i18n, point)))
        .chain(std::iter::once((
            CANNOT_JUDGE.to_owned(),
            t_string!(i18n, feedback360.public_dont_know).to_string(),
        )))
        .collect();
    let mut summarised = false;
    let statements = f
        .values
        .into_iter()
        .flat_map(|(_, statements)| statements)
        .map(|(number, text)| {
            statement_fieldset(i18n, &form, number, text, &choices, &mut summarised)
        })
        .collect_view();
    let comment = format!("c{COMMENT_VALUE}");
    let comment_error = form.error(i18n, &comment);
    let comment_value = form.value(&comment, "");
    let comment_open = comment_error.is_some() || !comment_value.is_empty();
    view! {
        <section class="page public-page" aria-labelledby="public-title">
            {header}
            <Banner tone=Tone::Info title=t_string!(i18n, feedback360.public_privacy_title).to_string()>
                <p>{t!(i18n, feedback360.public_privacy_short)}</p>
            </Banner>
            <details class="privacy-notice" data-testid="privacy-notice">
                <summary>{t!(i18n, feedback360.public_privacy_more)}</summary>
                <p>{t!(i18n, feedback360.public_privacy_1)}</p>
                <p>{t!(i18n, feedback360.public_privacy_2)}</p>
                <p>{t!(i18n, feedback360.public_privacy_3, agency = f.agency.clone())}</p>
            </details>
            {general.map(|error| view! { <ErrorNotice error /> })}
            <form class="form feedback-form" method="post" action=AnswerPublic::url() novalidate>
                <FormErrorSummary posted=form.clone() />
                <Hidden name="token" value=f.token.clone() />
                <p class="hint">{t!(i18n, feedback360.public_intro)}</p>
                {statements}
                <details class="comment-box" open=comment_open>
                    <summary>{t!(i18n, feedback360.public_comment_open)}</summary>
                    <TextAreaField id=comment.clone() name=format!("comments[{COMMENT_VALUE}]")
                        label=t_string!(i18n, feedback360.public_comment).to_string()
                        value=comment_value error=comment_error maxlength=COMMENT_MAX />
                </details>
                <div class="wizard-actions">
                    <button class="button" type="submit" data-testid="send-public">{t!(i18n, feedback360.public_send)}</button>
                </div>
                <p class="small muted">{t!(i18n, feedback360.public_until, date = long_date(locale, f.closes_on))}</p>
            </form>
        </section>
    }
    .into_any()
}
