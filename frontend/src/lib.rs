//! The browser entry point. The server renders every page; the bundle hydrates only the page's
//! islands (the `#[island]` components of `app`, exported from this bundle by wasm-bindgen),
//! which the islands script finds in the document and hydrates right after this runs.

use app as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // Lets browser tests know the islands are interactive: the islands script hydrates them in
    // the same task, before anything else can run.
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute("data-hydrated", "true");
    }
}
