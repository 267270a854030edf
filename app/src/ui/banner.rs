//! A banner: a message about the whole page, coloured by what it means for the reader, so that
//! "saved" is green and "returned to you" amber on every page. Errors interrupt a screen reader;
//! success and information are announced politely; a warning that describes the page's lasting
//! state (a closed period, a returned plan) is read in page order and not announced.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Something to know: how the page works, what happens next.
    Info,
    /// The last action worked.
    Success,
    /// Something needs the reader's attention but nothing failed.
    Warning,
    /// The last action failed or the page cannot be used.
    Error,
}

impl Tone {
    pub fn class(self) -> &'static str {
        match self {
            Self::Info => "notice",
            Self::Success => "notice notice-success",
            Self::Warning => "notice notice-warning",
            Self::Error => "notice notice-error",
        }
    }

    pub fn role(self, announce: bool) -> Option<&'static str> {
        match (self, announce) {
            (_, false) => None,
            (Self::Error, true) => Some("alert"),
            (_, true) => Some("status"),
        }
    }
}

/// A message block about the page. `announce` is on for the outcome of the action that just
/// happened (a save, a refusal) and off for a lasting state of the page.
#[component]
pub fn Banner(
    tone: Tone,
    #[prop(optional)] announce: bool,
    #[prop(optional, into)] title: Option<String>,
    #[prop(optional, into)] testid: Option<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=tone.class() role=tone.role(announce) data-testid=testid>
            {title.map(|t| view! { <p class="notice-title">{t}</p> })}
            {children()}
        </div>
    }
}
