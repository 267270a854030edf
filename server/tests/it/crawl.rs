//! Every page each demo role can reach by following links: the page answers (not even a 403:
//! the menus offer only what the role may use), each of its links answers, and each form posts
//! to an address that exists for the form's method (no 404, no 405). Forms post to their server
//! function's own URL, so a renamed function breaks the build, not the page; this catches the
//! rest (hand-made routes, links built from ids).

use crate::common::{self, TestDb, web};
use axum::http::StatusCode;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// Addresses of one shape (`/skp/{id}`) fetched and read; more of the same shape add nothing
/// but time (the admin's directory alone links hundreds of employees).
const ADDRESSES_PER_SHAPE: usize = 4;

async fn every_link_and_form_answers(t: TestDb) {
    server::demo::seed_once(&t.db).await.unwrap();
    let app = web::app(&t);
    let server_fns: BTreeSet<(String, String)> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| (path.to_owned(), method.to_string()))
        .collect();
    for login in [
        server::demo::ADMIN_NIP,
        server::demo::HEAD_NIP,
        server::demo::SUPERVISOR_NIP,
        server::demo::EMPLOYEE_NIP,
        server::demo::PPPK_EMPLOYEE_NIP,
        server::demo::ANALYST_NIP,
        server::demo::PUSKESMAS_HEAD_NIP,
        // A unit head whose demo plan is approved: plans, action plans and self-assessments.
        "198610082011011004",
    ] {
        let cookie = common::session_cookie(&t.db, login).await;
        let mut crawl = Crawl::default();
        crawl.visit("/".to_owned());
        while let Some(path) = crawl.queue.pop_front() {
            let (status, page) = web::get(&app, &path, &cookie).await;
            // Not even a 403: the menus offer only what the role may use.
            assert!(
                status.is_success() || status.is_redirection(),
                "{login} {path}: {status}"
            );
            for link in tags(&page, "a")
                .iter()
                .flat_map(|tag| attribute_values(tag, "href"))
            {
                crawl.visit(link);
            }
            for form in forms(&page) {
                crawl.forms += 1;
                let action = local(&form.action).unwrap_or_else(|| path.clone());
                if form.method == "POST" && action.starts_with("/api/") {
                    assert!(
                        server_fns.contains(&(action.clone(), "POST".to_owned())),
                        "{login} {path}: a form posts to {action}, which is no server function"
                    );
                } else if form.method == "POST" {
                    // A hand-made route: it exists when it refuses a GET for its method only.
                    let (status, _) = web::get(&app, &action, &cookie).await;
                    assert_eq!(
                        status,
                        StatusCode::METHOD_NOT_ALLOWED,
                        "{login} {path}: the form's action {action}"
                    );
                } else {
                    crawl.visit(action);
                }
            }
        }
        // The frame links every signed-in page to these: the crawl really went through pages.
        for frame in ["/", "/notifikasi", "/profil"] {
            assert!(crawl.seen.contains(frame), "{login}: {frame} not reached");
        }
        eprintln!(
            "{login}: {} addresses, {} fetched, {} forms",
            crawl.seen.len(),
            crawl.read,
            crawl.forms,
        );
    }
}

on_both_engines!(every_link_and_form_answers);

#[derive(Default)]
struct Crawl {
    queue: VecDeque<String>,
    seen: BTreeSet<String>,
    shapes: BTreeMap<String, usize>,
    read: usize,
    forms: usize,
}

impl Crawl {
    /// Queues a local address once, and at most [`ADDRESSES_PER_SHAPE`] of each shape.
    fn visit(&mut self, href: String) {
        let Some(path) = local(&href) else {
            return;
        };
        if path.starts_with("/pkg/") || !self.seen.insert(path.clone()) {
            return;
        }
        // A file the site ships (`public/`, copied into the site root by the build, which these
        // tests do not run) answers; anything else is asked for.
        let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../public")
            .join(path.trim_start_matches('/'));
        if shipped.is_file() {
            return;
        }
        let count = self.shapes.entry(shape(&path)).or_default();
        *count += 1;
        if *count <= ADDRESSES_PER_SHAPE {
            self.read += 1;
            self.queue.push_back(path);
        }
    }
}

/// The address within this site, without its fragment; `None` for other sites and pseudo-links.
fn local(href: &str) -> Option<String> {
    let href = href.replace("&amp;", "&");
    let href = href.split('#').next().unwrap_or_default();
    (href.starts_with('/') && !href.starts_with("//")).then(|| href.to_owned())
}

/// `/skp/12/cetak?x=1` → `/skp/#/cetak`: which route an address goes to.
fn shape(path: &str) -> String {
    path.split('?')
        .next()
        .unwrap_or_default()
        .split('/')
        .map(|segment| {
            if segment.bytes().any(|b| b.is_ascii_digit()) {
                "#"
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn attribute_values(page: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    page.match_indices(&needle)
        .filter_map(|(at, _)| {
            let rest = &page[at + needle.len()..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        .collect()
}

/// The opening tags `<name …>` of a page.
fn tags<'a>(page: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name} ");
    page.match_indices(&open)
        .map(|(at, _)| &page[at..at + page[at..].find('>').unwrap_or(0)])
        .collect()
}

struct Form {
    method: String,
    action: String,
}

/// Every form, and every button that posts its form elsewhere (`formaction`).
fn forms(page: &str) -> Vec<Form> {
    let mut out = Vec::new();
    for tag in tags(page, "form") {
        let method = attribute_values(tag, "method")
            .pop()
            .unwrap_or_else(|| "get".to_owned())
            .to_ascii_uppercase();
        let action = attribute_values(tag, "action").pop().unwrap_or_default();
        out.push(Form { method, action });
    }
    for action in attribute_values(page, "formaction") {
        if !action.is_empty() {
            out.push(Form {
                method: "POST".to_owned(),
                action,
            });
        }
    }
    out
}
