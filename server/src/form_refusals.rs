//! Refused plain form posts. Leptos sends the browser back to the form with the error in the
//! address (`?__path=…&__err=…`); this layer takes it out of the address, keeps it on the server
//! (`app::db::form_flash`) behind a short-lived cookie, and sends the browser to the form's error
//! summary (`#ringkasan-galat`). The page the browser then opens finds the refusal in its request
//! (`app::ui::error::PostedRefusal`) and draws it once.

use app::auth::server::ClientAddr;
use app::db::form_flash::{self, Refusal};
use app::state::AppState;
use app::ui::error::{PostedRefusal, SUMMARY_ID};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::Response;
use chrono::Utc;

const COOKIE: &str = "kinerja_form";
const SECURE_COOKIE: &str = "__Host-kinerja_form";

pub async fn form_refusals(
    State(state): State<AppState>,
    mut req: Request<Body>,
    next: Next,
) -> Response {
    let secure = req
        .extensions()
        .get::<ClientAddr>()
        .is_some_and(|a| a.secure);
    let token = cookie(&req, if secure { SECURE_COOKIE } else { COOKIE });
    let posted = req.method() == Method::POST;
    let mut taken = false;
    if req.method() == Method::GET
        && is_page(req.uri().path())
        && let Some(token) = token
    {
        taken = true;
        let page = req.uri().path().to_owned();
        match form_flash::take(&state.db, &token, &page, Utc::now()).await {
            Ok(Some(refusal)) => {
                req.extensions_mut().insert(PostedRefusal(refusal));
            }
            Ok(None) => {}
            Err(err) => tracing::warn!(error = %err, "a refused form's errors could not be read"),
        }
    }
    let mut res = next.run(req).await;
    if posted && res.status().is_redirection() {
        let split = res
            .headers()
            .get(header::LOCATION)
            .and_then(|l| l.to_str().ok())
            .and_then(split_refusal);
        if let Some((back, page, refusal)) = split {
            match form_flash::keep(&state.db, &page, refusal, Utc::now()).await {
                Ok(token) => {
                    let location = format!("{back}#{SUMMARY_ID}");
                    if let (Ok(location), Ok(cookie)) = (
                        HeaderValue::from_str(&location),
                        HeaderValue::from_str(&set_cookie(&token, secure)),
                    ) {
                        res.headers_mut().insert(header::LOCATION, location);
                        res.headers_mut().append(header::SET_COOKIE, cookie);
                    }
                }
                // The address still carries the error: the form shows it all the same.
                Err(err) => {
                    tracing::warn!(error = %err, "a refused form's errors could not be kept")
                }
            }
            return res;
        }
    }
    if taken {
        res.headers_mut().append(
            header::SET_COOKIE,
            HeaderValue::from_static(clear_cookie(secure)),
        );
    }
    res
}

/// Requests that draw a page. Scripts, styles, server-function calls and the live stream leave
/// a waiting refusal for the page it belongs to.
fn is_page(path: &str) -> bool {
    !["/api/", "/pkg/", "/live", "/healthz", "/favicon"]
        .iter()
        .any(|prefix| path.starts_with(prefix))
}

fn cookie(req: &Request<Body>, name: &str) -> Option<String> {
    req.headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
        .filter(|value| !value.is_empty())
}

fn set_cookie(token: &str, secure: bool) -> String {
    let max_age = form_flash::LIFETIME.num_seconds();
    if secure {
        format!(
            "{SECURE_COOKIE}={token}; Path=/; Max-Age={max_age}; HttpOnly; Secure; SameSite=Lax"
        )
    } else {
        format!("{COOKIE}={token}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax")
    }
}

fn clear_cookie(secure: bool) -> &'static str {
    if secure {
        "__Host-kinerja_form=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax"
    } else {
        "kinerja_form=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
    }
}

/// A redirect address carrying a refusal, split into the address without it (fragment
/// dropped: the browser goes to the error summary instead), the page's path, and the refusal.
fn split_refusal(location: &str) -> Option<(String, String, Refusal)> {
    let without_fragment = location.split('#').next().unwrap_or(location);
    let (base, query) = without_fragment.split_once('?')?;
    let mut fn_path = None;
    let mut error = None;
    let mut kept = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let key = pair.split('=').next().unwrap_or_default();
        match key {
            "__path" | "__err" => {
                let value = form_urlencoded::parse(pair.as_bytes())
                    .next()
                    .map(|(_, v)| v.into_owned())
                    .unwrap_or_default();
                if key == "__path" {
                    fn_path = Some(value);
                } else {
                    error = Some(value);
                }
            }
            _ => kept.push(pair),
        }
    }
    let refusal = Refusal {
        fn_path: fn_path?,
        error: error?,
    };
    let page = match base.find("://") {
        Some(scheme_end) => {
            let rest = &base[scheme_end + 3..];
            rest.find('/').map_or("/", |slash| &rest[slash..])
        }
        None => base,
    }
    .to_owned();
    let back = if kept.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    Some((back, page, refusal))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_refusal_leaves_the_address_and_the_rest_stays() {
        let (back, page, refusal) = split_refusal(
            "http://kinerja.test/evaluasi/5?langkah=3&__path=%2Fapi%2Fsave&__err=Invalid%7Bx%7D#ind-2",
        )
        .unwrap();
        assert_eq!(back, "http://kinerja.test/evaluasi/5?langkah=3");
        assert_eq!(page, "/evaluasi/5");
        assert_eq!(refusal.fn_path, "/api/save");
        assert_eq!(refusal.error, "Invalid{x}");

        let (back, page, _) = split_refusal("/profil?__path=%2Fa&__err=b").unwrap();
        assert_eq!((back.as_str(), page.as_str()), ("/profil", "/profil"));
        let (_, page, _) = split_refusal("http://kinerja.test?__path=a&__err=b").unwrap();
        assert_eq!(page, "/");
    }

    #[test]
    fn other_redirects_are_left_alone() {
        assert_eq!(split_refusal("/skp/4#hasil-2"), None);
        assert_eq!(split_refusal("/skp/4?disimpan=1"), None);
        assert_eq!(split_refusal("/skp/4?__path=%2Fa"), None);
        assert!(!is_page("/api/skp/save") && !is_page("/pkg/kinerja.js") && is_page("/skp/4"));
    }
}
