//! The self-assessment wizard's island. The server renders every step as plain forms, so the
//! wizard works without JavaScript; this island wraps them and, once hydrated, adds what a phone
//! on a bad connection needs: instant step changes, autosave through the [`autosave`] server
//! function with its state on screen, edits kept on the device while offline and sent when the
//! connection returns, the choice between both versions after a stale save, and uploads with
//! progress, retry and downscaling of large photos (`browser`).
//!
//! The steps stay server-rendered children: only the save state and the conflict dialog are
//! the island's own view.
//!
//! [`autosave`]: super::autosave

// The rules of the browser half, kept apart so they are tested without a browser (on the server
// build, by `tests/unit`).
#[cfg(any(feature = "hydrate", feature = "ssr"))]
pub mod edits;
#[cfg(any(feature = "hydrate", feature = "ssr"))]
pub mod photo;

#[cfg(feature = "hydrate")]
mod browser;

use crate::domain::ids::EvaluationId;
use crate::i18n::*;
use leptos::prelude::*;

/// What the save-state line says.
// The browser half says it; the server renders the line empty.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SaveKind {
    Saving,
    Saved,
    Offline,
    Error,
}

impl SaveKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Saving => "saving",
            Self::Saved => "saved",
            Self::Offline => "offline",
            Self::Error => "error",
        }
    }
}

/// The save state and its sentence; `None` until there is something to say.
pub(crate) type SaveStatus = Option<(SaveKind, String)>;

/// Which side of a conflict the employee keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Keep {
    Device,
    Server,
}

/// A conflict as the dialog shows it.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct OpenClash {
    pub name: String,
    /// The field's label, as the step shows it.
    pub label: String,
    pub device: String,
    pub server: String,
}

/// The island's reactive state, shared with its browser half.
#[derive(Clone, Copy)]
pub(crate) struct Signals {
    pub status: RwSignal<SaveStatus>,
    pub clashes: RwSignal<Vec<OpenClash>>,
    /// Choices made in the dialog, taken by the browser half.
    pub choices: RwSignal<Vec<(String, Keep)>>,
    pub dialog: NodeRef<leptos::html::Dialog>,
}

/// The wizard of evaluation `id` as the page was rendered: its `version`, the `step` shown and
/// the largest evidence file accepted.
#[island]
pub fn Wizard(
    id: EvaluationId,
    version: i32,
    step: u8,
    max_bytes: u64,
    children: Children,
) -> impl IntoView {
    let signals = Signals {
        status: RwSignal::new(None),
        clashes: RwSignal::new(Vec::new()),
        choices: RwSignal::new(Vec::new()),
        dialog: NodeRef::new(),
    };
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    browser::start(
        browser::Settings {
            id,
            version,
            step,
            max_bytes,
        },
        root,
        signals,
        crate::ui::islands::use_island_i18n(),
    );
    #[cfg(not(feature = "hydrate"))]
    let _ = (id, version, step, max_bytes);
    let status = signals.status;
    view! {
        <div id="wizard" class="wizard" node_ref=root>
            <p class="save-state" role="status" aria-live="polite" data-testid="save-state"
                data-state=move || status.with(|s| s.as_ref().map(|(kind, _)| kind.as_str()))>
                {move || status.with(|s| s.as_ref().map(|(_, message)| message.clone()))}
            </p>
            {children()}
            <ConflictDialog signals />
        </div>
    }
}

/// Both versions of each conflicting field side by side; the employee decides per field or for
/// all of them. It cannot be dismissed without a choice.
#[component]
fn ConflictDialog(signals: Signals) -> impl IntoView {
    let i18n = crate::ui::islands::use_island_i18n();
    let Signals {
        clashes,
        choices,
        dialog,
        ..
    } = signals;
    let choose_all = move |keep: Keep| {
        let open = clashes.with_untracked(|list| {
            list.iter()
                .map(|c| (c.name.clone(), keep))
                .collect::<Vec<_>>()
        });
        choices.update(|c| c.extend(open));
    };
    let or_dash = |s: String| if s.is_empty() { "—".to_owned() } else { s };
    view! {
        <dialog class="conflict-dialog" node_ref=dialog aria-labelledby="conflict-title"
            on:cancel=|ev: leptos::web_sys::Event| ev.prevent_default()>
            <h2 id="conflict-title">{t!(i18n, evaluation.conflict_title)}</h2>
            <p>{t!(i18n, evaluation.conflict_intro)}</p>
            <For each=move || clashes.get() key=|c| c.name.clone() let:clash>
                <section class="conflict" data-testid="conflict">
                    <h3>{clash.label.clone()}</h3>
                    <p>
                        <strong>{t!(i18n, evaluation.conflict_device)}":"</strong>" "
                        <span class="pre-line">{or_dash(clash.device.clone())}</span>
                    </p>
                    <p>
                        <strong>{t!(i18n, evaluation.conflict_server)}":"</strong>" "
                        <span class="pre-line">{or_dash(clash.server.clone())}</span>
                    </p>
                    <div class="wizard-actions">
                        <button type="button" class="button" on:click={
                            let name = clash.name.clone();
                            move |_| choices.update(|c| c.push((name.clone(), Keep::Device)))
                        }>
                            {t!(i18n, evaluation.use_device)}
                        </button>
                        <button type="button" class="button button-secondary" on:click={
                            let name = clash.name.clone();
                            move |_| choices.update(|c| c.push((name.clone(), Keep::Server)))
                        }>
                            {t!(i18n, evaluation.use_server)}
                        </button>
                    </div>
                </section>
            </For>
            <Show when=move || clashes.with(|c| c.len() > 1)>
                <div class="wizard-actions">
                    <button type="button" class="button" on:click=move |_| choose_all(Keep::Device)>
                        {t!(i18n, evaluation.use_all_device)}
                    </button>
                    <button type="button" class="button button-secondary" on:click=move |_| choose_all(Keep::Server)>
                        {t!(i18n, evaluation.use_all_server)}
                    </button>
                </div>
            </Show>
        </dialog>
    }
}
