//! Login and profile pages. Their forms are plain HTML posts to the server functions (they lead
//! to a new page either way), which work without JavaScript.

use super::api::{
    ChangePassword, ConfirmMfa, DisableMfa, Login, Logout, LogoutEverywhere, PersonRef,
    ResetPassword, SetLanguage, StartMfaSetup, VerifyLogin, my_profile,
};
use crate::error::AppError;
use crate::i18n::*;
use crate::ui::banner::{Banner, Tone};
use crate::ui::error::{ErrorNotice, posted_error};
use crate::ui::form::{CodeField, FormErrorSummary, PasswordField, Posted, SelectField, TextField};
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

/// `/masuk`: NIP (or e-mail) and password.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let next = query.with_untracked(|q| q.get("next")).unwrap_or_default();
    let (form, general_error) = Posted::to(Login::url());
    let login_error = form.error(i18n, "login");
    let password_error = form.error(i18n, "password");
    let was_reset = query.with_untracked(|q| q.get("sandi").as_deref() == Some("direset"));

    view! {
        <PageTitle text=move || t_string!(i18n, login.title).to_string() />
        <section class="auth-card" aria-labelledby="login-title">
            <h1 id="login-title">{t!(i18n, login.title)}</h1>
            {was_reset.then(|| view! { <Banner tone=Tone::Success announce=true><p>{t!(i18n, reset.done)}</p></Banner> })}
            <p class="muted">{t!(i18n, login.intro)}</p>
            <form class="form" method="post" action=Login::url() novalidate>
                <FormErrorSummary posted=form.clone() />
                <input type="hidden" name="next" value=next />
                <TextField name="login" label=t_string!(i18n, login.login_label).to_string()
                    value=form.value("login", "") error=login_error
                    hint=t_string!(i18n, login.login_hint).to_string() autocomplete="username"
                    autocapitalize="none" spellcheck="false" />
                <PasswordField
                    name="password"
                    label=t_string!(i18n, login.password_label).to_string()
                    error=password_error
                    autocomplete="current-password"
                />
                {general_error.map(|error| view! { <ErrorNotice error /> })}
                <button class="button button-block" type="submit">{t!(i18n, login.submit)}</button>
            </form>
        </section>
    }
}

/// One labelled row of a profile's fact list.
#[component]
fn Fact(label: String, children: Children) -> impl IntoView {
    view! {
        <div>
            <dt>{label}</dt>
            <dd>{children()}</dd>
        </div>
    }
}

fn person_text(p: Option<PersonRef>, none: String) -> (String, Option<String>) {
    match p {
        Some(p) => {
            let detail = match p.position {
                Some(position) => format!("NIP {} · {position}", p.nip),
                None => format!("NIP {}", p.nip),
            };
            (p.name, Some(detail))
        }
        None => (none, None),
    }
}

/// Change password, on the profile page. Errors come back in the address (plain form post).
#[component]
fn ChangePasswordForm() -> impl IntoView {
    let i18n = use_i18n();
    let (form, general) = Posted::to(ChangePassword::url());
    let field_error = |field: &str| form.error(i18n, field);
    let changed = use_query_map().with_untracked(|q| q.get("sandi").as_deref() == Some("diubah"));
    view! {
        <h2 id="password-title">{t!(i18n, profile.change_password)}</h2>
        {changed.then(|| view! { <Banner tone=Tone::Success announce=true><p>{t!(i18n, profile.password_changed)}</p></Banner> })}
        <form class="form narrow" method="post" action=ChangePassword::url() aria-labelledby="password-title" novalidate>
            <FormErrorSummary posted=form.clone() />
            <PasswordField
                name="current_password"
                label=t_string!(i18n, profile.current_password).to_string()
                error=field_error("current_password")
                autocomplete="current-password"
            />
            <PasswordField
                name="new_password"
                label=t_string!(i18n, profile.new_password).to_string()
                hint=t_string!(i18n, profile.new_password_hint).to_string()
                error=field_error("new_password")
                autocomplete="new-password"
            />
            <PasswordField
                name="confirm_password"
                label=t_string!(i18n, profile.confirm_password).to_string()
                error=field_error("confirm_password")
                autocomplete="new-password"
            />
            {general.map(|error| view! { <ErrorNotice error /> })}
            <button class="button" type="submit">{t!(i18n, profile.change_password)}</button>
        </form>
    }
}

/// `/masuk/verifikasi`: the code from the authenticator app, after a correct password.
#[component]
pub fn VerifyLoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let error = posted_error(VerifyLogin::url());
    let code_error = Posted::from_error(&error).error(i18n, "code");
    let expired = error.as_ref() == Some(&AppError::Unauthenticated);
    let posted = Posted::from_error(&error);
    let general = error.filter(|e| e.form().is_none() && *e != AppError::Unauthenticated);
    view! {
        <PageTitle text=move || t_string!(i18n, mfa.verify_title).to_string() />
        <section class="auth-card" aria-labelledby="verify-title">
            <h1 id="verify-title">{t!(i18n, mfa.verify_title)}</h1>
            {if expired {
                view! {
                    <Banner tone=Tone::Error announce=true><p>{t!(i18n, mfa.expired)}</p></Banner>
                    <a class="button" href="/masuk">{t!(i18n, login.submit)}</a>
                }.into_any()
            } else {
                view! {
                    <p class="muted">{t!(i18n, mfa.verify_intro)}</p>
                    <form class="form" method="post" action=VerifyLogin::url() novalidate>
                        <FormErrorSummary posted=posted.clone() />
                        <CodeField id="code" label=t_string!(i18n, mfa.code).to_string()
                            error=code_error autofocus=true />
                        {general.map(|error| view! { <ErrorNotice error /> })}
                        <button class="button button-block" type="submit">{t!(i18n, mfa.verify_submit)}</button>
                    </form>
                }.into_any()
            }}
        </section>
    }
}

/// Two-step verification on the profile: set up, confirm, or turn off TOTP.
#[component]
fn MfaSection(
    enabled: bool,
    setup: Option<(String, String)>,
    admin_needs_mfa: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let confirm_error = posted_error(ConfirmMfa::url());
    let disable_error = posted_error(DisableMfa::url());
    let (confirm_form, disable_form) = (
        Posted::from_error(&confirm_error),
        Posted::from_error(&disable_error),
    );
    let (confirm_problem, disable_problem) = (
        confirm_form.error(i18n, "code"),
        disable_form.error(i18n, "code"),
    );
    let disable_password_problem = disable_form.error(i18n, "current_password");
    let changed = use_query_map().with_untracked(|q| q.get("mfa"));
    let code_field = move |problem: Option<String>| {
        view! { <CodeField id="mfa-code" label=t_string!(i18n, mfa.code).to_string() error=problem /> }
    };
    view! {
        <h2 id="verifikasi">{t!(i18n, mfa.title)}</h2>
        {admin_needs_mfa.then(|| view! {
            <Banner tone=Tone::Warning testid="admin-needs-mfa"><p>{t!(i18n, mfa.admin_needs)}</p></Banner>
        })}
        {changed.map(|c| view! {
            <Banner tone=Tone::Success announce=true><p>
                {if c == "aktif" { t!(i18n, mfa.enabled_now).into_any() } else { t!(i18n, mfa.disabled_now).into_any() }}
            </p></Banner>
        })}
        {match (enabled, setup) {
            (true, _) => view! {
                <p data-testid="mfa-status">{t!(i18n, mfa.is_on)}</p>
                <form class="form narrow" method="post" action=DisableMfa::url() novalidate>
                    <FormErrorSummary posted=disable_form.clone() />
                    <PasswordField
                        name="current_password"
                        label=t_string!(i18n, profile.current_password).to_string()
                        error=disable_password_problem
                        autocomplete="current-password"
                    />
                    {code_field(disable_problem)}
                    <button class="button button-secondary" type="submit">{t!(i18n, mfa.turn_off)}</button>
                </form>
            }.into_any(),
            (false, Some((secret, url))) => view! {
                <ol class="steps">
                    <li>
                        {t!(i18n, mfa.step_app)}" "
                        <a href=url data-testid="mfa-link">{t!(i18n, mfa.open_app)}</a>
                    </li>
                    <li>
                        {t!(i18n, mfa.step_key)}
                        <code class="break block" data-testid="mfa-secret">{secret}</code>
                    </li>
                    <li>{t!(i18n, mfa.step_code)}</li>
                </ol>
                <form class="form narrow" method="post" action=ConfirmMfa::url() novalidate>
                    <FormErrorSummary posted=confirm_form.clone() />
                    {code_field(confirm_problem)}
                    <button class="button" type="submit">{t!(i18n, mfa.confirm)}</button>
                </form>
            }.into_any(),
            (false, None) => view! {
                <p class="muted">{t!(i18n, mfa.intro)}</p>
                <form method="post" action=StartMfaSetup::url()>
                    <button class="button button-secondary" type="submit">{t!(i18n, mfa.set_up)}</button>
                </form>
            }.into_any(),
        }}
    }
}

/// The stored language preference, applied at login on devices that have not chosen one.
#[component]
fn LanguageForm(current: String) -> impl IntoView {
    let i18n = use_i18n();
    let saved = use_query_map().with_untracked(|q| q.get("bahasa").is_some());
    view! {
        <h2 id="language-title">{t!(i18n, profile.language)}</h2>
        {saved.then(|| view! { <Banner tone=Tone::Success announce=true><p>{t!(i18n, profile.language_saved)}</p></Banner> })}
        <form class="form narrow" method="post" action=SetLanguage::url() aria-labelledby="language-title">
            <SelectField name="locale" label=t_string!(i18n, profile.language_label).to_string()
                value=current error=Posted::to(SetLanguage::url()).0.error(i18n, "locale")
                options=vec![("id".to_owned(), "Bahasa Indonesia".to_owned()), ("en".to_owned(), "English".to_owned())]
                hint=t_string!(i18n, profile.language_hint).to_string() />
            <button class="button button-secondary" type="submit">{t!(i18n, profile.language_save)}</button>
        </form>
    }
}

/// `/atur-sandi/{token}`: choose a new password through a one-time link from an admin.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = leptos_router::hooks::use_params_map()
        .with_untracked(|p| p.get("token"))
        .unwrap_or_default();
    let usable = OnceResource::new(super::api::reset_link_usable(token.clone()));
    let error = posted_error(ResetPassword::url());
    let form = Posted::from_error(&error);
    let new_error = form.error(i18n, "new_password");
    let confirm_error = form.error(i18n, "confirm_password");
    let spent = error.as_ref() == Some(&AppError::NotFound);
    view! {
        <PageTitle text=move || t_string!(i18n, reset.title).to_string() />
        <section class="auth-card" aria-labelledby="reset-title">
            <h1 id="reset-title">{t!(i18n, reset.title)}</h1>
            <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
                {move || {
                    let token = token.clone();
                    let (new_error, confirm_error) = (new_error.clone(), confirm_error.clone());
                    let posted = form.clone();
                    Suspend::new(async move {
                        match usable.await {
                            Ok(true) if !spent => view! {
                                <p class="muted">{t!(i18n, reset.intro)}</p>
                                <form class="form" method="post" action=ResetPassword::url() novalidate>
                                    <FormErrorSummary posted />
                                    <input type="hidden" name="token" value=token />
                                    <PasswordField
                                        name="new_password"
                                        label=t_string!(i18n, profile.new_password).to_string()
                                        hint=t_string!(i18n, profile.new_password_hint).to_string()
                                        error=new_error
                                        autocomplete="new-password"
                                    />
                                    <PasswordField
                                        name="confirm_password"
                                        label=t_string!(i18n, profile.confirm_password).to_string()
                                        error=confirm_error
                                        autocomplete="new-password"
                                    />
                                    <button class="button button-block" type="submit">{t!(i18n, reset.submit)}</button>
                                </form>
                            }.into_any(),
                            Ok(_) => {
                                #[cfg(feature = "ssr")]
                                crate::state::set_status(410);
                                view! {
                                    <Banner tone=Tone::Error announce=true testid="reset-invalid"><p>
                                        {t!(i18n, reset.invalid)}
                                    </p></Banner>
                                    <a class="button" href="/masuk">{t!(i18n, login.submit)}</a>
                                }.into_any()
                            }
                            Err(error) => view! { <ErrorNotice error /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

/// `/profil`: the signed-in user's own data and reporting line.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let profile = OnceResource::new(my_profile());

    view! {
        <PageTitle text=move || t_string!(i18n, profile.title).to_string() />
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                let p = match profile.await {
                    Ok(p) => p,
                    Err(AppError::Unauthenticated) => {
                        return view! { <Redirect path="/masuk?next=/profil" /> }.into_any();
                    }
                    Err(error) => return view! { <ErrorNotice error /> }.into_any(),
                };
                let none = t_string!(i18n, profile.none).to_string();
                let facts = [
                    ("NIP".to_owned(), p.nip.clone()),
                    (t_string!(i18n, profile.asn_type).to_string(), p.asn_type.clone()),
                    (t_string!(i18n, profile.rank).to_string(), p.rank_grade.clone()),
                    (t_string!(i18n, profile.unit).to_string(), p.unit.clone()),
                    (t_string!(i18n, profile.email).to_string(), p.email.clone().unwrap_or_else(|| "—".into())),
                ];
                let people = [
                    (t_string!(i18n, profile.superior).to_string(), person_text(p.superior.clone(), none.clone())),
                    (t_string!(i18n, profile.appraiser).to_string(), person_text(p.appraiser.clone(), none.clone())),
                    (
                        t_string!(i18n, profile.appraiser_superior).to_string(),
                        person_text(p.appraiser_superior.clone(), none),
                    ),
                    (
                        t_string!(i18n, profile.appraises).to_string(),
                        (t_string!(i18n, profile.people_count, count = p.subordinate_count).to_string(), None),
                    ),
                ];
                view! {
                    <section class="profile" aria-labelledby="profile-title">
                        <h1 id="profile-title">{p.name.clone()}</h1>
                        <p class="muted">{p.position.clone().unwrap_or_default()}</p>
                        {p.sees_directory.then(|| view! {
                            <p><a class="button button-secondary" href="/admin/pegawai">{t!(i18n, admin.directory_title)}</a></p>
                        })}
                        <dl class="facts" data-testid="profile-facts">
                            {facts
                                .into_iter()
                                .map(|(label, value)| view! { <Fact label>{value}</Fact> })
                                .collect_view()}
                        </dl>
                        <h2>{t!(i18n, profile.reporting_line)}</h2>
                        <dl class="facts people">
                            {people
                                .into_iter()
                                .map(|(label, (main, detail))| {
                                    view! {
                                        <Fact label>
                                            <span>{main}</span>
                                            <span class="muted small">{detail}</span>
                                        </Fact>
                                    }
                                })
                                .collect_view()}
                        </dl>
                        <form class="logout-inline" method="post" action=Logout::url()>
                            <button class="button" type="submit">{t!(i18n, nav.logout)}</button>
                        </form>
                        <LanguageForm current=p.locale.clone() />
                        <MfaSection
                            enabled=p.mfa_enabled
                            setup=p.mfa_setup.clone()
                            admin_needs_mfa=p.admin_needs_mfa
                        />
                        <ChangePasswordForm />
                        <h2>{t!(i18n, profile.security)}</h2>
                        <p class="muted">{t!(i18n, profile.logout_everywhere_text)}</p>
                        <form method="post" action=LogoutEverywhere::url()>
                            <button class="button button-secondary" type="submit">
                                {t!(i18n, profile.logout_everywhere)}
                            </button>
                        </form>
                    </section>
                }
                    .into_any()
            })}
        </Suspense>
    }
}
