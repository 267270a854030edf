use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A person in someone's reporting line, as shown on a profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRef {
    pub name: String,
    pub nip: String,
    pub position: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileView {
    pub name: String,
    pub nip: String,
    pub asn_type: String,
    pub rank_grade: String,
    pub position: Option<String>,
    pub unit: String,
    pub email: Option<String>,
    pub superior: Option<PersonRef>,
    pub appraiser: Option<PersonRef>,
    pub appraiser_superior: Option<PersonRef>,
    pub subordinate_count: u64,
    /// Admins and unit heads get a link to the employee directory.
    pub sees_directory: bool,
    /// Stored language preference (`id` or `en`), applied at login on devices without one.
    pub locale: String,
    pub mfa_enabled: bool,
    /// While setting up TOTP: the secret (grouped for typing) and the `otpauth://` address.
    pub mfa_setup: Option<(String, String)>,
    /// An admin whose rights wait for a second factor the agency requires.
    pub admin_needs_mfa: bool,
}

/// Signs in with NIP (or e-mail) and password, then goes to `next` (a local path) or home.
#[server(endpoint = "auth/login")]
pub async fn login(login: String, password: String, next: Option<String>) -> Result<(), AppError> {
    crate::state::respond(ssr::login(login, password, next).await)
}

/// Ends this session.
#[server(endpoint = "auth/logout")]
pub async fn logout() -> Result<(), AppError> {
    crate::state::respond(ssr::logout(false).await)
}

/// Ends every session of this account, on every device.
#[server(endpoint = "auth/logout-everywhere")]
pub async fn logout_everywhere() -> Result<(), AppError> {
    crate::state::respond(ssr::logout(true).await)
}

/// Replaces the signed-in user's password; every other session of the account ends.
#[server(endpoint = "auth/password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    confirm_password: String,
) -> Result<(), AppError> {
    crate::state::respond(
        ssr::change_password(current_password, new_password, confirm_password).await,
    )
}

/// Stores the user's language, applied when they log in on a device that has not chosen one.
#[server(endpoint = "profile/language")]
pub async fn set_language(locale: String) -> Result<(), AppError> {
    crate::state::respond(ssr::set_language(locale).await)
}

/// The second step of a login with TOTP: the 6-digit code from the authenticator app.
#[server(endpoint = "auth/verify")]
pub async fn verify_login(code: String) -> Result<(), AppError> {
    crate::state::respond(ssr::verify_login(code).await)
}

/// Begins setting up TOTP on the profile (a new secret, inactive until confirmed).
#[server(endpoint = "profile/mfa/start")]
pub async fn start_mfa_setup() -> Result<(), AppError> {
    crate::state::respond(ssr::start_mfa_setup().await)
}

#[server(endpoint = "profile/mfa/confirm")]
pub async fn confirm_mfa(code: String) -> Result<(), AppError> {
    crate::state::respond(ssr::confirm_mfa(code).await)
}

#[server(endpoint = "profile/mfa/disable")]
pub async fn disable_mfa(code: String, current_password: String) -> Result<(), AppError> {
    crate::state::respond(ssr::disable_mfa(code, current_password).await)
}

/// Whether a password-reset link can still be used (unused, unexpired).
#[server(endpoint = "auth/reset-link")]
pub async fn reset_link_usable(token: String) -> Result<bool, AppError> {
    crate::state::respond(ssr::reset_link_usable(token).await)
}

/// Sets a new password through a one-time link an admin issued; then the user logs in.
#[server(endpoint = "auth/reset")]
pub async fn reset_password(
    token: String,
    new_password: String,
    confirm_password: String,
) -> Result<(), AppError> {
    crate::state::respond(ssr::reset_password(token, new_password, confirm_password).await)
}

#[server(endpoint = "profile/me")]
pub async fn my_profile() -> Result<ProfileView, AppError> {
    crate::state::respond(ssr::my_profile().await)
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::*;
    use crate::auth::mfa;
    use crate::auth::server::{self as auth, ClientInfo, Credentials};
    use crate::db::audit::{self, Entry};
    use crate::db::entities::{jabatan, pegawai, unit_kerja};
    use crate::domain::access::{
        Action, AdminRank, Target, admin_rights_suspended, authorize, sees_directory,
    };
    use crate::domain::ids::{AccountId, EmployeeId};
    use crate::domain::login::{
        ACCOUNT_THROTTLE, ADDRESS_THROTTLE, local_path_or_root, normalize_login,
    };
    use crate::error::FormErrors;
    use crate::state;
    use chrono::Utc;
    use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

    fn display_name(p: &pegawai::Model) -> String {
        crate::domain::employee::display_name(
            p.front_title.as_deref(),
            &p.name,
            p.back_title.as_deref(),
        )
    }

    pub async fn login(
        login: String,
        password: String,
        next: Option<String>,
    ) -> Result<(), AppError> {
        let db = state::db()?;
        let client = ClientInfo::current();
        let now = Utc::now();
        let typed = normalize_login(&login);
        // Echoed back into the form; an absurdly long value is cut rather than put in a URL.
        let echoed: String = login
            .trim()
            .chars()
            .take(crate::domain::login::LOGIN_MAX_CHARS + 1)
            .collect();
        let mut errors = FormErrors::default().value("login", &echoed);
        if typed.is_empty() {
            errors = errors.field("login", "required");
        } else if typed.chars().count() > crate::domain::login::LOGIN_MAX_CHARS {
            // No account has such a login; refusing it here keeps it out of the throttle table.
            errors = errors.field("login", "too_long");
        } else if let Err(code) = crate::domain::text::refuse_control(&typed) {
            errors = errors.field("login", code);
        }
        if password.is_empty() {
            errors = errors.field("password", "required");
        }
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }

        // An e-mail address counts against the same account lock as the NIP it stands for.
        let normalized = auth::resolve_login(&db, &typed).await?;
        let account_key = format!("account:{normalized}");
        let ip_key = client.ip.as_ref().map(|ip| format!("ip:{ip}"));
        let mut keys = vec![(account_key.as_str(), ACCOUNT_THROTTLE)];
        if let Some(ip_key) = &ip_key {
            keys.push((ip_key.as_str(), ADDRESS_THROTTLE));
        }
        if let Some(retry_after_secs) = auth::throttled(&db, &keys, now).await? {
            audit::record(
                &db,
                login_entry("login_throttled", None, &normalized),
                &client,
            )
            .await?;
            return Err(AppError::TooManyRequests { retry_after_secs });
        }

        match auth::check_credentials(&db, &normalized, &password).await? {
            Credentials::Invalid => {
                for (key, policy) in &keys {
                    auth::record_failure(&db, key, *policy, now).await?;
                }
                audit::record(&db, login_entry("login_failed", None, &normalized), &client).await?;
                Err(AppError::Invalid(
                    errors.field("login", "invalid_credentials"),
                ))
            }
            Credentials::Valid(account) if account.totp_enabled => {
                // The password was right; the account's failure count stays until the code is
                // right too, so guessing codes is throttled exactly like guessing passwords.
                let token = mfa::create_challenge(&db, account.id, next, now).await?;
                state::append_header(
                    http::header::SET_COOKIE,
                    &mfa::challenge_cookie(&token, client.secure),
                );
                leptos_axum::redirect("/masuk/verifikasi");
                Ok(())
            }
            Credentials::Valid(account) => {
                auth::clear_failures(&db, &account_key).await?;
                complete_login(&db, &client, &account, next.as_deref()).await
            }
        }
    }

    /// Issues the session of a fully authenticated login and sends the browser on.
    async fn complete_login(
        db: &sea_orm::DatabaseConnection,
        client: &ClientInfo,
        account: &crate::db::entities::user_account::Model,
        next: Option<&str>,
    ) -> Result<(), AppError> {
        // Rotation: whatever session the browser had is ended, a new token is issued.
        if let Some(old) = &client.session_token {
            auth::end_session(db, old).await?;
        }
        let token = auth::create_session(db, account.id, client, Utc::now()).await?;
        state::append_header(
            http::header::SET_COOKIE,
            &auth::session_cookie(&token, client.secure),
        );
        // The user's stored language follows them to every device that has not picked one.
        if state::request_cookie(crate::ui::locale::LOCALE_COOKIE).is_none()
            && let Some(person_id) = account.pegawai_id
            && let Some(person) = pegawai::Entity::find_by_id(person_id).one(db).await?
        {
            state::append_header(
                http::header::SET_COOKIE,
                &crate::ui::locale::locale_cookie(&person.locale, client.secure),
            );
        }
        audit::record(
            db,
            login_entry("login", Some(account.id), &account.login),
            client,
        )
        .await?;
        leptos_axum::redirect(&local_path_or_root(next));
        Ok(())
    }

    pub async fn verify_login(code: String) -> Result<(), AppError> {
        let db = state::db()?;
        let client = ClientInfo::current();
        let now = Utc::now();
        let token =
            state::request_cookie(mfa::CHALLENGE_COOKIE).ok_or(AppError::Unauthenticated)?;
        let (challenge, account) = mfa::challenge(&db, &token, now)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let key = format!("account:{}", account.login);
        if let Some(retry_after_secs) =
            auth::throttled(&db, &[(key.as_str(), ACCOUNT_THROTTLE)], now).await?
        {
            return Err(AppError::TooManyRequests { retry_after_secs });
        }
        if !mfa::spend_attempt(&db, &token).await? {
            mfa::end_challenge(&db, &token).await?;
            state::append_header(http::header::SET_COOKIE, &mfa::clear_challenge_cookie());
            return Err(AppError::Unauthenticated);
        }
        let step = match (&account.totp_secret, account.totp_enabled) {
            (Some(secret), true) => mfa::accepted_step(secret, &code, now, account.totp_last_step)?,
            _ => None,
        };
        let claimed = match step {
            Some(step) => mfa::claim_step(&db, account.id, step).await?,
            None => false,
        };
        let Some(_) = step.filter(|_| claimed) else {
            auth::record_failure(&db, &key, ACCOUNT_THROTTLE, now).await?;
            audit::record(
                &db,
                login_entry("login_mfa_failed", Some(account.id), &account.login),
                &client,
            )
            .await?;
            return Err(AppError::Invalid(
                FormErrors::default().field("code", "totp_invalid"),
            ));
        };
        mfa::end_challenge(&db, &token).await?;
        state::append_header(http::header::SET_COOKIE, &mfa::clear_challenge_cookie());
        auth::clear_failures(&db, &key).await?;
        complete_login(&db, &client, &account, challenge.next.as_deref()).await
    }

    /// Starts TOTP setup: a new secret is kept (not yet active) until a code from it is confirmed.
    pub async fn start_mfa_setup() -> Result<(), AppError> {
        use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        if user.account.totp_enabled {
            return Err(AppError::Conflict);
        }
        let mut row = user.account.clone().into_active_model();
        row.totp_secret = Set(Some(mfa::new_secret()));
        row.updated_at = Set(Utc::now());
        row.update(&db).await?;
        leptos_axum::redirect("/profil#verifikasi");
        Ok(())
    }

    pub async fn confirm_mfa(code: String) -> Result<(), AppError> {
        use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
        let db = state::db()?;
        let client = ClientInfo::current();
        let user = state::require_user(&db).await?;
        let now = Utc::now();
        let secret = user
            .account
            .totp_secret
            .clone()
            .filter(|_| !user.account.totp_enabled)
            .ok_or(AppError::Conflict)?;
        let Some(step) = mfa::accepted_step(&secret, &code, now, None)? else {
            return Err(AppError::Invalid(
                FormErrors::default().field("code", "totp_invalid"),
            ));
        };
        let mut row = user.account.clone().into_active_model();
        row.totp_enabled = Set(true);
        row.totp_last_step = Set(Some(step));
        row.updated_at = Set(now);
        row.update(&db).await?;
        audit::record(
            &db,
            login_entry("mfa_enabled", Some(user.account.id), &user.account.login),
            &client,
        )
        .await?;
        leptos_axum::redirect("/profil?mfa=aktif#verifikasi");
        Ok(())
    }

    pub async fn disable_mfa(code: String, current_password: String) -> Result<(), AppError> {
        use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
        let db = state::db()?;
        let client = ClientInfo::current();
        let user = state::require_user(&db).await?;
        let now = Utc::now();
        let account = &user.account;
        let has_admin_role = account.admin_scope.rank(account.is_super_admin) != AdminRank::None;
        let required = crate::db::agency::primary(&db)
            .await?
            .is_some_and(|a| a.require_admin_mfa);
        if has_admin_role && required {
            return Err(AppError::Invalid(
                FormErrors::default().field("code", "mfa_required_for_admin"),
            ));
        }
        // Turning protection off needs everything it protects: password and a current code,
        // both counted against the account lock.
        let key = format!("account:{}", account.login);
        if let Some(retry_after_secs) =
            auth::throttled(&db, &[(key.as_str(), ACCOUNT_THROTTLE)], now).await?
        {
            return Err(AppError::TooManyRequests { retry_after_secs });
        }
        let password_ok = {
            let hash = account.password_hash.clone();
            tokio::task::spawn_blocking(move || auth::verify_password(&current_password, &hash))
                .await
                .map_err(|_| AppError::Internal)?
        };
        let step = match (&account.totp_secret, account.totp_enabled) {
            (Some(secret), true) => mfa::accepted_step(secret, &code, now, account.totp_last_step)?,
            _ => return Err(AppError::Conflict),
        };
        let mut errors = FormErrors::default();
        if !password_ok {
            errors = errors.field("current_password", "wrong_password");
        }
        if step.is_none() {
            errors = errors.field("code", "totp_invalid");
        }
        if !errors.is_empty() {
            auth::record_failure(&db, &key, ACCOUNT_THROTTLE, now).await?;
            return Err(AppError::Invalid(errors));
        }
        let mut row = account.clone().into_active_model();
        row.totp_enabled = Set(false);
        row.totp_secret = Set(None);
        row.totp_last_step = Set(None);
        row.updated_at = Set(now);
        row.update(&db).await?;
        audit::record(
            &db,
            login_entry("mfa_disabled", Some(account.id), &account.login),
            &client,
        )
        .await?;
        leptos_axum::redirect("/profil?mfa=nonaktif#verifikasi");
        Ok(())
    }

    fn login_entry<'a>(action: &'a str, user_id: Option<AccountId>, login: &str) -> Entry<'a> {
        Entry {
            actor_user_id: user_id,
            action,
            object_type: "user_account",
            object_id: Some(login.to_owned()),
            before: None,
            after: None,
        }
    }

    pub async fn logout(everywhere: bool) -> Result<(), AppError> {
        let db = state::db()?;
        let client = ClientInfo::current();
        let user = state::current_user(&db).await?;
        if let Some(user) = &user {
            if everywhere {
                auth::end_all_sessions(&db, user.account.id).await?;
            } else if let Some(token) = &client.session_token {
                auth::end_session(&db, token).await?;
            }
            let action = if everywhere {
                "logout_everywhere"
            } else {
                "logout"
            };
            audit::record(
                &db,
                Entry {
                    actor_user_id: Some(user.account.id),
                    action,
                    object_type: "user_account",
                    object_id: Some(user.account.login.clone()),
                    before: None,
                    after: None,
                },
                &client,
            )
            .await?;
        }
        state::append_header(
            http::header::SET_COOKIE,
            &auth::clear_session_cookie(client.secure),
        );
        leptos_axum::redirect("/masuk");
        Ok(())
    }

    pub async fn change_password(
        current: String,
        new: String,
        confirm: String,
    ) -> Result<(), AppError> {
        use crate::db::accounts;
        use crate::domain::login::new_password_errors;

        let db = state::db()?;
        let client = ClientInfo::current();
        let user = state::require_user(&db).await?;
        let person_id = user.account.pegawai_id.ok_or(AppError::Forbidden)?;
        let facts = crate::db::people::employee_facts(&db, person_id).await?;
        authorize(
            &user.actor,
            Action::ManageOwnAccount,
            Target::Employee(&facts),
        )?;

        let now = Utc::now();
        let key = format!("account:{}", user.account.login);
        if let Some(retry_after_secs) =
            auth::throttled(&db, &[(key.as_str(), ACCOUNT_THROTTLE)], now).await?
        {
            return Err(AppError::TooManyRequests { retry_after_secs });
        }
        let mut errors = FormErrors::default();
        for (field, code) in new_password_errors(&new, &confirm, Some(&current)) {
            errors = errors.field(field, code);
        }
        let current_ok = {
            let (password, hash) = (current.clone(), user.account.password_hash.clone());
            tokio::task::spawn_blocking(move || auth::verify_password(&password, &hash))
                .await
                .map_err(|_| AppError::Internal)?
        };
        if !current_ok {
            auth::record_failure(&db, &key, ACCOUNT_THROTTLE, now).await?;
            errors = errors.field("current_password", "wrong_password");
        }
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }

        let hash = {
            let new = new.clone();
            tokio::task::spawn_blocking(move || auth::hash_password(&new))
                .await
                .map_err(|_| AppError::Internal)??
        };
        accounts::set_password(&db, user.account.clone(), hash, now).await?;
        // Anyone holding another session (a lost phone, a shared computer) is logged out.
        auth::end_all_sessions(&db, user.account.id).await?;
        let token = auth::create_session(&db, user.account.id, &client, now).await?;
        state::append_header(
            http::header::SET_COOKIE,
            &auth::session_cookie(&token, client.secure),
        );
        audit::record(
            &db,
            Entry {
                actor_user_id: Some(user.account.id),
                action: "password_changed",
                object_type: "user_account",
                object_id: Some(user.account.login.clone()),
                before: None,
                after: None,
            },
            &client,
        )
        .await?;
        leptos_axum::redirect("/profil?sandi=diubah");
        Ok(())
    }

    pub async fn set_language(locale: String) -> Result<(), AppError> {
        use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let person_id = user.account.pegawai_id.ok_or(AppError::Forbidden)?;
        let facts = crate::db::people::employee_facts(&db, person_id).await?;
        authorize(
            &user.actor,
            Action::ManageOwnAccount,
            Target::Employee(&facts),
        )?;
        if locale.parse::<crate::i18n::Locale>().is_err() {
            return Err(AppError::Invalid(
                FormErrors::default().field("locale", "invalid"),
            ));
        }
        let person = pegawai::Entity::find_by_id(person_id)
            .one(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut row = person.into_active_model();
        row.locale = Set(locale.clone());
        row.updated_at = Set(Utc::now());
        row.update(&db).await?;
        state::append_header(
            http::header::SET_COOKIE,
            &crate::ui::locale::locale_cookie(&locale, ClientInfo::current().secure),
        );
        leptos_axum::redirect("/profil?bahasa=disimpan");
        Ok(())
    }

    pub async fn reset_link_usable(token: String) -> Result<bool, AppError> {
        let db = state::db()?;
        Ok(auth::reset_link_account(&db, &token, Utc::now())
            .await?
            .is_some())
    }

    pub async fn reset_password(
        token: String,
        new: String,
        confirm: String,
    ) -> Result<(), AppError> {
        use crate::domain::login::new_password_errors;
        use sea_orm::TransactionTrait;

        let db = state::db()?;
        let client = ClientInfo::current();
        let now = Utc::now();
        let Some((link, account)) = auth::reset_link_account(&db, &token, now).await? else {
            return Err(AppError::NotFound);
        };
        let mut errors = FormErrors::default();
        for (field, code) in new_password_errors(&new, &confirm, None) {
            errors = errors.field(field, code);
        }
        if !errors.is_empty() {
            return Err(AppError::Invalid(errors));
        }
        let hash = tokio::task::spawn_blocking(move || auth::hash_password(&new))
            .await
            .map_err(|_| AppError::Internal)??;
        let login = account.login.clone();
        let user_id = account.id;
        let txn = db.begin().await?;
        auth::redeem_password_reset(&txn, link, account, hash, now).await?;
        auth::clear_failures(&txn, &format!("account:{login}")).await?;
        audit::record(
            &txn,
            Entry {
                actor_user_id: Some(user_id),
                action: "password_reset_used",
                object_type: "user_account",
                object_id: Some(login),
                before: None,
                after: None,
            },
            &client,
        )
        .await?;
        txn.commit().await?;
        leptos_axum::redirect("/masuk?sandi=direset");
        Ok(())
    }

    pub async fn my_profile() -> Result<ProfileView, AppError> {
        let db = state::db()?;
        let user = state::require_user(&db).await?;
        let person_id = user.account.pegawai_id.ok_or(AppError::NotFound)?;
        let person = pegawai::Entity::find_by_id(person_id)
            .one(&db)
            .await?
            .ok_or(AppError::NotFound)?;
        let unit = unit_kerja::Entity::find_by_id(person.unit_id)
            .one(&db)
            .await?
            .ok_or(AppError::Internal)?;
        let facts = crate::db::people::employee_facts(&db, person.id).await?;
        authorize(&user.actor, Action::ViewEmployee, Target::Employee(&facts))?;
        let position = match person.jabatan_id {
            Some(id) => jabatan::Entity::find_by_id(id)
                .one(&db)
                .await?
                .map(|j| j.name),
            None => None,
        };
        let subordinate_count = pegawai::Entity::find()
            .filter(pegawai::Column::PenilaiId.eq(person.id))
            .filter(pegawai::Column::Active.eq(true))
            .count(&db)
            .await?;
        Ok(ProfileView {
            name: display_name(&person),
            nip: person.nip.clone(),
            asn_type: person.asn_type.label().to_owned(),
            rank_grade: person.rank_grade.clone(),
            position,
            unit: unit.name,
            email: person.email.clone(),
            superior: person_ref(&db, person.atasan_id).await?,
            appraiser: match person.penilai_luar_id {
                Some(official) => official_ref(&db, official, 0).await?,
                None => person_ref(&db, person.penilai_id).await?,
            },
            appraiser_superior: match person.penilai_luar_id {
                Some(official) => official_ref(&db, official, 1).await?,
                None => person_ref(&db, person.atasan_penilai_id).await?,
            },
            subordinate_count,
            locale: person.locale.clone(),
            mfa_enabled: user.account.totp_enabled,
            mfa_setup: match (&user.account.totp_secret, user.account.totp_enabled) {
                (Some(secret), false) => Some((
                    secret
                        .as_bytes()
                        .chunks(4)
                        .map(|c| String::from_utf8_lossy(c).into_owned())
                        .collect::<Vec<_>>()
                        .join(" "),
                    mfa::otpauth_url(secret, &user.account.login)?,
                )),
                _ => None,
            },
            admin_needs_mfa: admin_rights_suspended(
                user.account.admin_scope.rank(user.account.is_super_admin),
                user.account.totp_enabled,
                crate::db::agency::primary(&db)
                    .await?
                    .is_some_and(|a| a.require_admin_mfa),
            ),
            sees_directory: sees_directory(&user.actor),
        })
    }

    /// The official `steps` above `official` (0: themselves), as the profile shows people.
    async fn official_ref(
        db: &impl ConnectionTrait,
        official: crate::domain::ids::ExternalOfficialId,
        steps: usize,
    ) -> Result<Option<PersonRef>, AppError> {
        let chain = crate::db::officials::chain_from(db, official).await?;
        Ok(chain.into_iter().nth(steps).map(|o| PersonRef {
            name: o.name,
            nip: o.nip.unwrap_or_default(),
            position: Some(o.position),
        }))
    }

    async fn person_ref(
        db: &impl ConnectionTrait,
        id: Option<EmployeeId>,
    ) -> Result<Option<PersonRef>, AppError> {
        let Some(id) = id else { return Ok(None) };
        let Some(p) = pegawai::Entity::find_by_id(id).one(db).await? else {
            return Ok(None);
        };
        let position = match p.jabatan_id {
            Some(j) => jabatan::Entity::find_by_id(j)
                .one(db)
                .await?
                .map(|j| j.name),
            None => None,
        };
        Ok(Some(PersonRef {
            name: display_name(&p),
            nip: p.nip.clone(),
            position,
        }))
    }
}
