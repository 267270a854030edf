//! The frame every page shares, so each reads the same way: what this page is (the header),
//! then what needs doing, then the detail in cards; an empty list says so in one calm box.

use leptos::prelude::*;

/// The page's title and the line or two that place it: whose it is, its state, its deadline.
/// The `h1` carries `id`, so the page's landmark can be labelled by it.
#[component]
pub fn PageHeader(
    id: &'static str,
    #[prop(into)] title: String,
    /// A short line above the title: the section of the product, the person concerned.
    #[prop(optional, into)]
    eyebrow: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <header class="page-header">
            {eyebrow.map(|e| view! { <p class="eyebrow">{e}</p> })}
            <h1 id=id>{title}</h1>
            {children.map(|c| view! { <div class="page-meta">{c()}</div> })}
        </header>
    }
}

/// A titled section of a page. `count` adds a pill after the title (the number of tasks).
#[component]
pub fn Card(
    /// The id of the section's `h2`.
    id: &'static str,
    #[prop(into)] title: String,
    #[prop(optional)] count: Option<usize>,
    #[prop(optional, into)] class: Option<&'static str>,
    #[prop(optional, into)] testid: Option<String>,
    children: Children,
) -> impl IntoView {
    let class = match class {
        Some(extra) => format!("card {extra}"),
        None => "card".to_owned(),
    };
    view! {
        <section class=class aria-labelledby=id data-testid=testid>
            <h2 id=id class="card-title">
                {title}
                {count.filter(|n| *n > 0).map(|n| view! { " "<span class="count-pill">{n}</span> })}
            </h2>
            {children()}
        </section>
    }
}

/// What an empty list says instead of nothing: that there is nothing, and often what to do.
#[component]
pub fn EmptyState(
    #[prop(optional, into)] testid: Option<String>,
    children: Children,
) -> impl IntoView {
    view! { <p class="empty-state" data-testid=testid>{children()}</p> }
}
