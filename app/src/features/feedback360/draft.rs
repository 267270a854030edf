//! The rater's form as an island. The server renders the plain form, which works without
//! JavaScript; once hydrated, the island keeps what the rater chooses and types on the device as
//! they go, puts it back when the form is opened again (a phone that dropped the tab or ran out
//! of battery halfway), and says how many statements are answered.
//!
//! The draft stays on the device, never on the server: a stored draft would tie answers to
//! their rater, which the stored answers never are (DOMAIN.md §8). It is removed from the device
//! as the form is sent, so a shared computer does not keep what its last rater answered; a post
//! the server refuses comes back with what was sent, and a post lost on the way stays in the
//! browser's page history.

use crate::domain::ids::AssignmentId;
use crate::i18n::*;
use leptos::prelude::*;

/// The form of assignment `assignment`, with `total` statements, as its children.
#[island]
pub fn RaterDraft(assignment: AssignmentId, total: u16, children: Children) -> impl IntoView {
    let i18n = crate::ui::islands::use_island_i18n();
    // `None` until the browser has counted: the server says nothing.
    let answered = RwSignal::new(None::<u16>);
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    browser::start(format!("kinerja.360.{assignment}"), root, answered);
    #[cfg(not(feature = "hydrate"))]
    let _ = assignment;
    view! {
        <div class="rater-draft" node_ref=root>
            {children()}
            <p class="draft-state" role="status" aria-live="polite" data-testid="draft-state"
                data-answered=move || answered.get().map(|n| n.to_string())>
                {move || answered.get().map(|n| {
                    t_string!(i18n, feedback360.draft_state, n = n, total = total).to_string()
                })}
            </p>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::*;
    use std::collections::BTreeMap;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{Element, HtmlInputElement, HtmlTextAreaElement};

    pub fn start(key: String, root: NodeRef<leptos::html::Div>, answered: RwSignal<Option<u16>>) {
        root.on_load(move |root| {
            let root: Element = root.into();
            restore(&root, &key);
            answered.set(Some(count(&root)));
            let on_edit = {
                let (root, key) = (root.clone(), key.clone());
                Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
                    keep(&root, &key);
                    answered.set(Some(count(&root)));
                })
            };
            let on_send = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
                if let Some(storage) = storage() {
                    let _ = storage.remove_item(&key);
                }
            });
            // The island lives as long as the page: its listeners are never removed.
            for event in ["change", "input"] {
                let _ =
                    root.add_event_listener_with_callback(event, on_edit.as_ref().unchecked_ref());
            }
            let _ =
                root.add_event_listener_with_callback("submit", on_send.as_ref().unchecked_ref());
            on_edit.forget();
            on_send.forget();
        });
    }

    fn storage() -> Option<web_sys::Storage> {
        window().local_storage().ok().flatten()
    }

    fn all<T: JsCast>(root: &Element, selector: &str) -> Vec<T> {
        let Ok(list) = root.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<T>().ok())
            .collect()
    }

    /// Statements with a point of the scale or "cannot judge" chosen.
    fn count(root: &Element) -> u16 {
        all::<HtmlInputElement>(root, "input[type=radio]:checked").len() as u16
    }

    /// The form as it stands: each chosen point and each comment typed, by field name.
    fn keep(root: &Element, key: &str) {
        let mut draft = BTreeMap::new();
        for input in all::<HtmlInputElement>(root, "input[type=radio]:checked") {
            draft.insert(input.name(), input.value());
        }
        for area in all::<HtmlTextAreaElement>(root, "textarea") {
            if !area.value().trim().is_empty() {
                draft.insert(area.name(), area.value());
            }
        }
        if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(&draft)) {
            let _ = storage.set_item(key, &json);
        }
    }

    /// Puts the kept draft back where the page has nothing: what the server echoed after a
    /// refused post wins over the device.
    fn restore(root: &Element, key: &str) {
        let Some(draft) = storage()
            .and_then(|s| s.get_item(key).ok().flatten())
            .and_then(|json| serde_json::from_str::<BTreeMap<String, String>>(&json).ok())
        else {
            return;
        };
        let radios = all::<HtmlInputElement>(root, "input[type=radio]");
        let areas = all::<HtmlTextAreaElement>(root, "textarea");
        for (name, value) in draft {
            let group: Vec<&HtmlInputElement> =
                radios.iter().filter(|r| r.name() == name).collect();
            if !group.is_empty() {
                if !group.iter().any(|r| r.checked())
                    && let Some(radio) = group.iter().find(|r| r.value() == value)
                {
                    radio.set_checked(true);
                }
            } else if let Some(area) = areas.iter().find(|a| a.name() == name)
                && area.value().is_empty()
            {
                area.set_value(&value);
            }
        }
    }
}
