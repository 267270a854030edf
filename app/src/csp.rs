//! The Content-Security-Policy of every answer: scripts only from this origin or carrying the
//! nonce of the page they are in, so injected markup can never run script.

/// Pages: the hydration scripts Leptos writes inline carry the per-response nonce (leptos_axum
/// generates one for every render); the wasm bundle needs `wasm-unsafe-eval` to compile.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; {COMMON}"
    )
}

/// Everything that is not a rendered page (server-function answers, files, refusals, the panic
/// page): no script at all. The panic page carries its own small inline style.
pub const DEFAULT_POLICY: &str = "default-src 'self'; script-src 'none'; \
    style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'; \
    frame-ancestors 'none'";

const COMMON: &str =
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/// Sends the page policy with the response being rendered.
pub fn send_page_policy() {
    if let Some(nonce) = leptos::nonce::use_nonce() {
        if let Some(options) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
            && let Ok(value) = http::HeaderValue::from_str(&page_policy(&nonce))
        {
            options.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
        }
    } else {
        // Without a nonce the page would carry no policy of its own and fall back to the
        // default one, under which its hydration scripts cannot run: say so loudly.
        tracing::error!("page rendered without a nonce; its scripts will be blocked");
    }
}
