//! Leptos ends every rendered page with two inline scripts holding the data its islands hydrate
//! from (`__RESOLVED_RESOURCES=[…];…` and `__INCOMPLETE_CHUNKS=[…];`). A page without an island
//! has nothing that reads them, so they are taken out: such a page carries no script at all
//! (`app::ui::islands` decides which pages have islands).

use axum::body::Body;
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;

/// Far beyond any page (the longest, a 100-row directory page, is about 100 KB).
const MAX_PAGE_BYTES: usize = 64 * 1024 * 1024;

/// The data scripts, by how their content starts.
const DATA_SCRIPTS: [&str; 2] = ["__RESOLVED_RESOURCES=", "__INCOMPLETE_CHUNKS="];

pub async fn drop_unread_island_data(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    let is_page = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_page {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(bytes) => bytes,
        Err(err) => {
            tracing::error!(error = %err, "a rendered page could not be read");
            parts.status = axum::http::StatusCode::INTERNAL_SERVER_ERROR;
            parts.headers.remove(header::CONTENT_LENGTH);
            return Response::from_parts(parts, Body::empty());
        }
    };
    let page = match std::str::from_utf8(&bytes) {
        Ok(page) => without_unread_data(page),
        Err(_) => None,
    };
    match page {
        Some(page) => {
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(page))
        }
        None => Response::from_parts(parts, Body::from(bytes)),
    }
}

/// The page without its island data scripts, if it has no island and has them.
fn without_unread_data(page: &str) -> Option<String> {
    if page.contains("<leptos-island") {
        return None;
    }
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    let mut removed = false;
    while let Some(start) = rest.find("<script") {
        let Some(open_end) = rest[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let Some(close) = rest[open_end..].find("</script>").map(|i| open_end + i) else {
            break;
        };
        let content = &rest[open_end..close];
        let end = close + "</script>".len();
        if DATA_SCRIPTS.iter().any(|data| content.starts_with(data)) {
            out.push_str(&rest[..start]);
            removed = true;
        } else {
            out.push_str(&rest[..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    removed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATA: &str = r#"<script nonce="n">__RESOLVED_RESOURCES=[];__SERIALIZED_ERRORS=[];__PENDING_RESOURCES=[];__RESOURCE_RESOLVERS=[];</script><script nonce="n">__INCOMPLETE_CHUNKS=[];</script>"#;

    #[test]
    fn a_page_without_islands_loses_its_data_scripts_only() {
        let page = format!(
            "<!DOCTYPE html><html><head><script src=\"/js/w.js\"></script></head><body><p>x</p></body></html>{DATA}"
        );
        assert_eq!(
            without_unread_data(&page).as_deref(),
            Some(
                "<!DOCTYPE html><html><head><script src=\"/js/w.js\"></script></head><body><p>x</p></body></html>"
            )
        );
    }

    #[test]
    fn a_page_with_islands_keeps_them() {
        let page =
            format!("<body><leptos-island data-component=\"A_1\"></leptos-island></body>{DATA}");
        assert_eq!(without_unread_data(&page), None);
    }

    #[test]
    fn a_page_without_data_scripts_is_left_alone() {
        assert_eq!(without_unread_data("<body><p>x</p></body>"), None);
        assert_eq!(without_unread_data("<body><script>"), None);
    }
}
