//! The rater's form as an island. The server renders the plain form, which works without
//! JavaScript; once hydrated, the island keeps what the rater chooses and types on the device as
//! they go, puts it back when the form is opened again (a phone that dropped the tab or ran out
//! of battery halfway), and shows how many statements are answered.
//!
//! The draft stays on the device, never on the server: a stored draft would tie answers to
//! their rater, which the stored answers never are (DOMAIN.md §8). It is removed from the device
//! as the form is sent, so a shared computer does not keep what its last rater answered; a post
//! the server refuses comes back with what was sent, and a post lost on the way stays in the
//! browser's page history.
//!
//! The island works on the server's markup and carries no text of its own: the count's sentence
//! is rendered by the server (hidden until the island fills in the number), so the browser
//! bundle holds no copy of the form or its translations.

use crate::domain::ids::AssignmentId;
use leptos::prelude::*;

/// The CSS class of the element whose text is the number of statements answered.
pub const COUNT_CLASS: &str = "draft-count";
/// The CSS class of the sentence around it, hidden until the island shows it.
pub const STATE_CLASS: &str = "draft-state";

/// The form of assignment `assignment` as its children.
#[island]
pub fn RaterDraft(assignment: AssignmentId, children: Children) -> impl IntoView {
    let root = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    browser::start(format!("kinerja.360.{assignment}"), root);
    #[cfg(not(feature = "hydrate"))]
    let _ = assignment;
    view! { <div class="rater-draft" node_ref=root>{children()}</div> }
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::{COUNT_CLASS, STATE_CLASS};
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{Element, HtmlFormElement, HtmlInputElement, HtmlTextAreaElement};

    pub fn start(key: String, root: NodeRef<leptos::html::Div>) {
        root.on_load(move |root| {
            let root: Element = root.into();
            let Some(form) = root
                .query_selector("form")
                .ok()
                .flatten()
                .and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
            else {
                return;
            };
            restore(&form, &key);
            show_count(&root);
            let on_edit = {
                let (form, key) = (form.clone(), key.clone());
                Closure::<dyn Fn()>::new(move || {
                    keep(&form, &key);
                    show_count(&root);
                })
            };
            let on_send = Closure::<dyn Fn()>::new(move || {
                if let Some(storage) = storage() {
                    let _ = storage.remove_item(&key);
                }
            });
            // The island lives as long as the page: its listeners are never removed.
            for event in ["change", "input"] {
                let _ =
                    form.add_event_listener_with_callback(event, on_edit.as_ref().unchecked_ref());
            }
            let _ =
                form.add_event_listener_with_callback("submit", on_send.as_ref().unchecked_ref());
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

    /// Statements with a point of the scale or "cannot judge" chosen, shown in the sentence the
    /// server rendered for it.
    fn show_count(root: &Element) {
        let n = all::<HtmlInputElement>(root, "input[type=radio]:checked").len();
        if let Ok(Some(count)) = root.query_selector(&format!(".{COUNT_CLASS}")) {
            count.set_text_content(Some(&n.to_string()));
        }
        if let Ok(Some(state)) = root.query_selector(&format!(".{STATE_CLASS}")) {
            let _ = state.set_attribute("data-answered", &n.to_string());
            let _ = state.remove_attribute("hidden");
        }
    }

    /// The form as it stands, as a query string of its answers.
    fn keep(form: &HtmlFormElement, key: &str) {
        let Ok(draft) = web_sys::UrlSearchParams::new() else {
            return;
        };
        for input in all::<HtmlInputElement>(form, "input[type=radio]:checked") {
            draft.append(&input.name(), &input.value());
        }
        for area in all::<HtmlTextAreaElement>(form, "textarea") {
            let (name, value) = (area.name(), area.value());
            if !value.trim().is_empty() {
                draft.append(&name, &value);
            }
        }
        if let Some(storage) = storage() {
            // Storage full or refused: the form itself still holds everything.
            let _ = storage.set_item(key, &String::from(draft.to_string()));
        }
    }

    /// Puts the kept draft back where the page has nothing: what the server echoed after a
    /// refused post wins over the device.
    fn restore(form: &HtmlFormElement, key: &str) {
        let Some(draft) = storage()
            .and_then(|s| s.get_item(key).ok().flatten())
            .and_then(|kept| web_sys::UrlSearchParams::new_with_str(&kept).ok())
        else {
            return;
        };
        let answered: Vec<String> = all::<HtmlInputElement>(form, "input[type=radio]:checked")
            .iter()
            .map(|r| r.name())
            .collect();
        for radio in all::<HtmlInputElement>(form, "input[type=radio]") {
            let name = radio.name();
            if !answered.contains(&name) && draft.get(&name) == Some(radio.value()) {
                radio.set_checked(true);
            }
        }
        for area in all::<HtmlTextAreaElement>(form, "textarea") {
            if area.value().is_empty()
                && let Some(value) = draft.get(&area.name())
            {
                area.set_value(&value);
            }
        }
    }
}
