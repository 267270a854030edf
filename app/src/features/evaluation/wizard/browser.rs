//! The wizard's island in the browser. It works on the steps the server rendered, which stay
//! plain forms: it listens to them at the island's root, shows one step at a time, saves what
//! changed through the `autosave` server function, keeps unsaved edits on the device and uploads
//! evidence with progress. The rules it follows (which edits to send, what a stale save means,
//! when a photo is redrawn) live in `edits` and `photo`.

use super::edits::{Clash, Edits, Stored};
use super::photo;
use super::{Keep, OpenClash, SaveKind, Signals};
use crate::domain::evaluation::format_size;
use crate::domain::ids::EvaluationId;
use crate::error::AppError;
use crate::features::evaluation::paths;
use crate::features::evaluation::types::{
    AutosaveReply, FieldMessage, UploadRefusal, UploadedEvidence,
};
use crate::i18n::*;
use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

type I18n = leptos_i18n::I18nContext<Locale>;

/// How long typing may pause before it is saved.
const DEBOUNCE: Duration = Duration::from_millis(800);
/// How often unsaved edits are tried again, and how long after a failed save.
const RETRY: Duration = Duration::from_secs(15);
/// The JPEG quality of a redrawn photo.
const PHOTO_QUALITY: f64 = 0.85;

#[derive(Clone)]
pub struct Settings {
    pub id: EvaluationId,
    pub version: i32,
    pub step: u8,
    pub max_bytes: u64,
}

/// Starts the wizard once the island's root is in the page.
pub fn start(settings: Settings, root: NodeRef<leptos::html::Div>, signals: Signals, i18n: I18n) {
    let started: Rc<std::cell::OnceCell<Rc<Wizard>>> = Rc::default();
    let wizard = started.clone();
    root.on_load(move |root| {
        let wizard =
            wizard.get_or_init(|| Rc::new(Wizard::new(settings, root.into(), signals, i18n)));
        wizard.listen();
    });
    // Choices made in the conflict dialog.
    let choices = signals.choices;
    Effect::new(move |_| {
        choices.track();
        let Some(wizard) = started.get() else {
            return;
        };
        let taken = choices
            .try_update_untracked(std::mem::take)
            .unwrap_or_default();
        for (name, keep) in taken {
            wizard.choose(&name, keep);
        }
    });
    // The dialog is open exactly while conflicts wait for a choice.
    let clashes = signals.clashes;
    let dialog = signals.dialog;
    Effect::new(move |_| {
        let open = clashes.with(|c| !c.is_empty());
        if let Some(dialog) = dialog.get() {
            if open && !dialog.open() {
                let _ = dialog.show_modal();
            } else if !open && dialog.open() {
                dialog.close();
            }
        }
    });
    // The browser closes a modal dialog on a second Escape whatever the page says; while a
    // choice is still open it comes back, or nothing would ever be saved again.
    dialog.on_load(move |element| {
        let reopen = element.clone();
        let closed = Closure::<dyn Fn()>::new(move || {
            if clashes.with_untracked(|c| !c.is_empty()) {
                let _ = reopen.show_modal();
            }
        });
        let _ = element.add_event_listener_with_callback("close", closed.as_ref().unchecked_ref());
        closed.forget();
    });
}

struct Wizard {
    id: EvaluationId,
    max_bytes: u64,
    root: HtmlElement,
    i18n: I18n,
    signals: Signals,
    /// The evaluation's version the next save claims to build on.
    version: Cell<i32>,
    step: Cell<u8>,
    edits: RefCell<Edits>,
    /// The step changed since the last save (the server remembers it for the next visit).
    step_changed: Cell<bool>,
    in_flight: Cell<bool>,
    /// Handed in elsewhere: nothing more is saved.
    locked: Cell<bool>,
    timer: Cell<Option<TimeoutHandle>>,
}

impl Wizard {
    fn new(settings: Settings, root: HtmlElement, signals: Signals, i18n: I18n) -> Self {
        let wizard = Self {
            id: settings.id,
            max_bytes: settings.max_bytes,
            root,
            i18n,
            signals,
            version: Cell::new(settings.version),
            step: Cell::new(settings.step),
            edits: RefCell::new(Edits::default()),
            step_changed: Cell::new(false),
            in_flight: Cell::new(false),
            locked: Cell::new(false),
            timer: Cell::new(None),
        };
        let mut names = wizard
            .all("[data-autosave]")
            .into_iter()
            .filter_map(|el| el.get_attribute("name"))
            .collect::<Vec<_>>();
        names.dedup();
        // The page as the server rendered it; whatever was typed before the island woke up is
        // an edit like any other.
        let mut edits = Edits::new(names.iter().map(|n| (n.clone(), rendered_value_of(n))));
        for name in &names {
            edits.edit(name, &value_of(name));
        }
        *wizard.edits.borrow_mut() = edits;
        wizard
    }

    fn listen(self: &Rc<Self>) {
        let on_root = |event: &str, handler: Box<dyn Fn(web_sys::Event)>| {
            // The island lives as long as the page: its listeners are never removed.
            let closure = Closure::<dyn Fn(web_sys::Event)>::new(handler);
            let _ = self
                .root
                .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
            closure.forget();
        };
        let w = self.clone();
        on_root("click", Box::new(move |e| w.clicked(&e)));
        let w = self.clone();
        on_root("input", Box::new(move |e| w.changed(&e)));
        let w = self.clone();
        on_root("change", Box::new(move |e| w.changed(&e)));
        let w = self.clone();
        on_root("change", Box::new(move |e| w.file_chosen(&e)));
        let w = self.clone();
        on_root("submit", Box::new(move |e| w.submitting(&e)));
        let w = self.clone();
        on_root("keydown", Box::new(move |e| w.key(&e)));

        let w = self.clone();
        let _ = window_event_listener(leptos::ev::popstate, move |_| w.moved_in_history());
        let w = self.clone();
        let _ = window_event_listener(leptos::ev::online, move |_| w.clone().save_now());
        let w = self.clone();
        let _ = window_event_listener(leptos::ev::offline, move |_| {
            w.say(
                SaveKind::Offline,
                t_string!(w.i18n, evaluation.autosave_offline),
            );
        });
        let w = self.clone();
        let _ = set_interval_with_handle(
            move || {
                if online() {
                    w.clone().save_now();
                }
            },
            RETRY,
        );

        self.restore();
        if self.edits.borrow().has_pending() {
            self.schedule(Duration::ZERO);
        }
    }

    // ---- Finding things in the page --------------------------------------------------------

    fn all(&self, selector: &str) -> Vec<Element> {
        let Ok(list) = self.root.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .collect()
    }

    fn one(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).ok().flatten()
    }

    fn section(&self, step: u8) -> Option<HtmlElement> {
        self.one(&format!(".wizard-step[data-step=\"{step}\"]"))
            .and_then(|el| el.dyn_into().ok())
    }

    fn say(&self, kind: SaveKind, message: impl ToString) {
        self.signals.status.set(Some((kind, message.to_string())));
    }

    // ---- Steps -------------------------------------------------------------------------------

    fn clicked(self: &Rc<Self>, e: &web_sys::Event) {
        let Some(target) = event_element(e) else {
            return;
        };
        if let Some(block) = closest(&target, "[data-upload]")
            .and_then(|button| closest(&button, ".evidence-upload"))
        {
            e.prevent_default();
            let w = self.clone();
            leptos::task::spawn_local(async move { w.upload(block).await });
            return;
        }
        let Some(el) = closest(&target, "[data-goto], [data-next], [data-back]") else {
            return;
        };
        let step = el
            .get_attribute("data-goto")
            .or_else(|| el.get_attribute("value"))
            .and_then(|v| v.parse::<u8>().ok());
        let Some(step) = step.filter(|&n| n == 5 || (n > 0 && self.section(n).is_some())) else {
            return;
        };
        e.prevent_default();
        self.go(step);
    }

    fn go(self: &Rc<Self>, step: u8) {
        if step == 5 {
            // The review is computed by the server from what is saved.
            if !online() {
                self.say(
                    SaveKind::Offline,
                    t_string!(self.i18n, evaluation.review_needs_connection),
                );
                return;
            }
            let w = self.clone();
            leptos::task::spawn_local(async move {
                w.clone().flush().await;
                if !w.edits.borrow().has_pending() {
                    let _ = window()
                        .location()
                        .assign(&format!("{}?langkah=5", w.pathname()));
                }
            });
            return;
        }
        self.show(step, true);
        self.step_changed.set(true);
        let w = self.clone();
        after_paint(move || w.schedule(Duration::ZERO));
    }

    fn pathname(&self) -> String {
        window().location().pathname().unwrap_or_default()
    }

    fn show(&self, step: u8, push: bool) {
        let Some(target) = self.section(step) else {
            return;
        };
        for section in self.all(".wizard-step") {
            if let Ok(section) = section.dyn_into::<HtmlElement>() {
                section.set_hidden(section != target);
            }
        }
        let current = step.to_string();
        for link in self.all(".stepper [data-goto]") {
            if link.get_attribute("data-goto").as_deref() == Some(current.as_str()) {
                let _ = link.set_attribute("aria-current", "step");
            } else {
                let _ = link.remove_attribute("aria-current");
            }
        }
        self.step.set(step);
        window().scroll_to_with_x_and_y(0.0, 0.0);
        // What the new step does not need to be seen and used waits until it is painted.
        after_paint(move || {
            if push {
                let address = window().location().href().ok();
                if let Some(url) = address.and_then(|a| web_sys::Url::new(&a).ok()) {
                    url.search_params().set("langkah", &step.to_string());
                    url.set_hash("");
                    let _ = window()
                        .history()
                        .and_then(|h| h.push_state_with_url(&JsValue::NULL, "", Some(&url.href())));
                }
            }
            if let Some(heading) = target
                .query_selector("h2")
                .ok()
                .flatten()
                .and_then(|h| h.dyn_into::<HtmlElement>().ok())
            {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = heading.focus_with_options(&options);
            }
        });
    }

    fn moved_in_history(&self) {
        let step = window()
            .location()
            .search()
            .ok()
            .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok())
            .and_then(|q| q.get("langkah"))
            .and_then(|n| n.parse::<u8>().ok())
            .unwrap_or(1);
        if step != 5 || self.section(5).is_some() {
            self.show(step, false);
        }
    }

    // ---- Autosave ----------------------------------------------------------------------------

    fn changed(self: &Rc<Self>, e: &web_sys::Event) {
        if self.locked.get() {
            return;
        }
        let Some(field) = event_element(e).and_then(|t| closest(&t, "[data-autosave]")) else {
            return;
        };
        let Some(name) = field.get_attribute("name") else {
            return;
        };
        self.edits.borrow_mut().edit(&name, &value_of(&name));
        self.show_error(&name, None);
        self.persist();
        // Leaving a saved field, or typing its saved value back: nothing waits.
        if self.edits.borrow().to_send().is_empty() {
            return;
        }
        // Never "saved" while an edit still waits for its pause.
        if online() {
            self.say(
                SaveKind::Saving,
                t_string!(self.i18n, evaluation.autosave_saving),
            );
        } else {
            self.say(
                SaveKind::Offline,
                t_string!(self.i18n, evaluation.autosave_offline),
            );
        }
        self.schedule(DEBOUNCE);
    }

    fn schedule(self: &Rc<Self>, after: Duration) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        let w = self.clone();
        if let Ok(timer) = set_timeout_with_handle(move || w.save_now(), after) {
            self.timer.set(Some(timer));
        }
    }

    fn save_now(self: Rc<Self>) {
        leptos::task::spawn_local(self.flush());
    }

    /// Sends the unsaved edits (and the step), one save at a time.
    async fn flush(self: Rc<Self>) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        let sent = self.edits.borrow().to_send();
        // While a conflict waits for the employee's choice nothing is sent: the version already
        // moved on, so a save now would overwrite the other device's value unseen.
        let choosing = self.signals.clashes.with_untracked(|c| !c.is_empty());
        if self.in_flight.get()
            || self.locked.get()
            || choosing
            || (sent.is_empty() && !self.step_changed.get())
        {
            return;
        }
        if !online() {
            self.say(
                SaveKind::Offline,
                t_string!(self.i18n, evaluation.autosave_offline),
            );
            return;
        }
        self.in_flight.set(true);
        self.step_changed.set(false);
        self.say(
            SaveKind::Saving,
            t_string!(self.i18n, evaluation.autosave_saving),
        );
        let reply = crate::features::evaluation::autosave(
            self.id,
            self.version.get(),
            self.step.get(),
            sent.clone(),
        )
        .await;
        self.in_flight.set(false);
        match reply {
            Ok(AutosaveReply::Saved {
                version,
                saved_at,
                values,
                errors,
                open,
            }) => {
                self.set_version(version);
                self.show_open(open);
                self.stored(&sent, &values, &errors, Some(saved_at));
            }
            Ok(AutosaveReply::Refused { errors }) => self.stored(&sent, &[], &errors, None),
            Ok(AutosaveReply::Conflict { version, values }) => {
                self.set_version(version);
                // The step goes again with the next save, now on the current version.
                self.step_changed.set(true);
                let stale = self.edits.borrow_mut().stale(&values);
                for (name, value) in &stale.refreshed {
                    set_value(name, value);
                }
                self.persist();
                if stale.clashes.is_empty() {
                    self.schedule(Duration::ZERO);
                } else {
                    self.ask(stale.clashes);
                }
            }
            Ok(AutosaveReply::Locked) => {
                self.locked.set(true);
                self.say(
                    SaveKind::Error,
                    t_string!(self.i18n, evaluation.autosave_read_only),
                );
            }
            Err(AppError::Unauthenticated) => self.say(
                SaveKind::Error,
                t_string!(self.i18n, evaluation.autosave_session_ended),
            ),
            // The request never got an answer: the connection comes back (or the next round
            // tries again).
            Err(AppError::Transport(_)) => {
                self.step_changed.set(true);
                self.say(
                    SaveKind::Offline,
                    t_string!(self.i18n, evaluation.autosave_offline),
                );
            }
            Err(_) => {
                self.step_changed.set(true);
                self.say(
                    SaveKind::Error,
                    t_string!(self.i18n, evaluation.autosave_error),
                );
                self.schedule(RETRY);
            }
        }
    }

    /// A save was answered with what the server now holds and what it refused.
    fn stored(
        self: &Rc<Self>,
        sent: &[(String, String)],
        values: &[(String, String)],
        errors: &[FieldMessage],
        saved_at: Option<String>,
    ) {
        self.edits
            .borrow_mut()
            .saved(sent, values, errors.iter().map(|e| e.field.as_str()));
        for error in errors {
            self.show_error(&error.field, Some(&error.message));
        }
        self.persist();
        // Edits typed while the save was out are still unsaved.
        let more = !self.edits.borrow().to_send().is_empty();
        if let Some(error) = errors.first() {
            self.say(SaveKind::Error, &error.message);
        } else if more {
            self.say(
                SaveKind::Saving,
                t_string!(self.i18n, evaluation.autosave_saving),
            );
        } else {
            let time = saved_at.unwrap_or_default();
            self.say(
                SaveKind::Saved,
                t_string!(self.i18n, evaluation.autosave_saved, time),
            );
        }
        if more {
            self.schedule(Duration::ZERO);
        }
    }

    /// The version the plain forms of the steps (adding a link, removing evidence) post too.
    fn set_version(&self, version: i32) {
        self.version.set(version);
        for input in self.all("form input[name=\"version\"]") {
            if let Ok(input) = input.dyn_into::<HtmlInputElement>() {
                input.set_value(&version.to_string());
            }
        }
    }

    /// What each step still lacks, as the server counted it after the save.
    fn show_open(&self, open: [usize; 5]) {
        for (i, n) in open.into_iter().enumerate() {
            let Some(item) = self.one(&format!("[data-progress=\"{}\"]", i + 1)) else {
                continue;
            };
            if let Some(badge) = item
                .query_selector(".step-missing")
                .ok()
                .flatten()
                .and_then(|b| b.dyn_into::<HtmlElement>().ok())
            {
                badge.set_hidden(n == 0);
                let text =
                    (n > 0).then(|| t_string!(self.i18n, evaluation.missing_count, n).to_string());
                badge.set_text_content(text.as_deref());
            }
            let _ = item
                .class_list()
                .toggle_with_force("done", n == 0 && i < open.len() - 1);
        }
    }

    fn show_error(&self, name: &str, message: Option<&str>) {
        for el in self.all("[data-error-for]") {
            if el.get_attribute("data-error-for").as_deref() == Some(name) {
                el.set_text_content(message);
            }
        }
        if let Some(field) = document().get_elements_by_name(name).item(0)
            && let Ok(field) = field.dyn_into::<Element>()
        {
            let _ = match message {
                Some(_) => field.set_attribute("aria-invalid", "true"),
                None => field.remove_attribute("aria-invalid"),
            };
        }
    }

    // ---- Kept on the device ----------------------------------------------------------------

    fn storage_key(&self) -> String {
        format!("kinerja:evaluasi:{}", self.id)
    }

    fn persist(&self) {
        let stored = self.edits.borrow().stored(self.version.get());
        if let (Some(storage), Ok(json)) = (local_storage(), serde_json::to_string(&stored)) {
            // Storage full or refused: the server copy is still written while online.
            let _ = storage.set_item(&self.storage_key(), &json);
        }
    }

    fn restore(&self) {
        let kept = local_storage()
            .and_then(|s| s.get_item(&self.storage_key()).ok().flatten())
            .and_then(|json| serde_json::from_str::<Stored>(&json).ok());
        let Some(kept) = kept else {
            return;
        };
        let restored = self.edits.borrow_mut().restore(kept.pending);
        for (name, value) in &restored.refill {
            set_value(name, value);
        }
        self.persist();
        self.ask(restored.clashes);
    }

    // ---- Conflicts ---------------------------------------------------------------------------

    /// Opens the dialog for `clashes` (nothing is saved until each has a choice).
    fn ask(&self, clashes: Vec<Clash>) {
        if clashes.is_empty() {
            return;
        }
        let open = clashes
            .into_iter()
            .map(|c| OpenClash {
                label: label_of(&c.name),
                name: c.name,
                device: c.device,
                server: c.server,
            })
            .collect();
        self.signals.clashes.set(open);
    }

    fn choose(self: &Rc<Self>, name: &str, keep: Keep) {
        let clashes = self.signals.clashes;
        let Some(clash) = clashes.with_untracked(|c| c.iter().find(|c| c.name == name).cloned())
        else {
            return;
        };
        match keep {
            Keep::Device => self.edits.borrow_mut().keep_device(name, &clash.server),
            Keep::Server => {
                self.edits.borrow_mut().take_server(name, &clash.server);
                set_value(name, &clash.server);
            }
        }
        clashes.update(|c| c.retain(|c| c.name != name));
        self.persist();
        if clashes.with_untracked(Vec::is_empty) {
            // A round trip even when every choice went to the server: it confirms the version
            // and ends with the save state the employee expects.
            self.step_changed.set(true);
            self.schedule(Duration::ZERO);
        }
    }

    // ---- Submitting, links ---------------------------------------------------------------

    /// Handing in waits for the unsaved edits.
    fn submitting(self: &Rc<Self>, e: &web_sys::Event) {
        let Some(form) = event_element(e)
            .filter(|f| f.has_attribute("data-submit-evaluation"))
            .and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok())
        else {
            return;
        };
        if !self.edits.borrow().has_pending() {
            return;
        }
        e.prevent_default();
        if !online() {
            self.say(
                SaveKind::Offline,
                t_string!(self.i18n, evaluation.submit_needs_connection),
            );
            return;
        }
        let w = self.clone();
        leptos::task::spawn_local(async move {
            w.clone().flush().await;
            if !w.edits.borrow().has_pending() {
                let _ = form.submit();
            }
        });
    }

    /// Enter in a link field adds the link (the step form's own Enter only saves).
    fn key(&self, e: &web_sys::Event) {
        let Some(event) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if event.key() != "Enter" {
            return;
        }
        let Some(input) = event_element(e).filter(|t| t.has_attribute("data-link-input")) else {
            return;
        };
        e.prevent_default();
        if let Some(button) = closest(&input, ".evidence-link")
            .and_then(|block| block.query_selector("[data-add-link]").ok().flatten())
            .and_then(|b| b.dyn_into::<HtmlElement>().ok())
        {
            button.click();
        }
    }

    // ---- Uploads -----------------------------------------------------------------------------

    fn size_text(&self, bytes: f64) -> String {
        format_size(bytes as u64, self.i18n.get_locale_untracked() == Locale::id)
    }

    /// A file chosen is uploaded at once (the button stays for a second try).
    fn file_chosen(self: &Rc<Self>, e: &web_sys::Event) {
        let Some(block) = event_element(e)
            .filter(|t| t.get_attribute("type").as_deref() == Some("file"))
            .and_then(|input| closest(&input, ".evidence-upload"))
        else {
            return;
        };
        let w = self.clone();
        leptos::task::spawn_local(async move { w.upload(block).await });
    }

    async fn upload(self: Rc<Self>, block: Element) {
        let Some(input) = find::<HtmlInputElement>(&block, "input[type=\"file\"]") else {
            return;
        };
        let Some(original) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        let file = downscale(&original).await;
        if file.size() > self.max_bytes as f64 {
            let message = t_string!(
                self.i18n,
                evaluation.upload_too_large,
                name = original.name(),
                size = self.size_text(file.size()),
                max = self.size_text(self.max_bytes as f64),
            );
            if let Some(error) = find::<Element>(&block, "[data-upload-error]") {
                error.set_text_content(Some(&message.to_string()));
            }
            input.set_value("");
            return;
        }
        self.send(block, file);
    }

    fn send(self: &Rc<Self>, block: Element, file: web_sys::File) {
        let (Some(error), Some(bar), Some(button)) = (
            find::<Element>(&block, "[data-upload-error]"),
            find::<web_sys::HtmlProgressElement>(&block, "progress"),
            find::<web_sys::HtmlButtonElement>(&block, "[data-upload]"),
        ) else {
            return;
        };
        if let Some(retry) = find::<Element>(&block, "[data-retry]") {
            retry.remove();
        }
        let Ok(data) = web_sys::FormData::new() else {
            return;
        };
        let _ = data.append_with_str("indikator", &button.value());
        let _ = data.append_with_blob_and_filename("berkas", &file, &file.name());
        let Ok(request) = web_sys::XmlHttpRequest::new() else {
            return;
        };
        let _ = request.open("POST", &paths::upload(self.id));
        let _ = request.set_request_header("Accept", "application/json");
        if let Ok(upload) = request.upload() {
            let bar = bar.clone();
            let progress =
                Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
                    if e.length_computable() && e.total() > 0.0 {
                        bar.set_value((e.loaded() / e.total() * 100.0).round());
                    }
                });
            upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
            progress.forget();
        }
        let finished = {
            let w = self.clone();
            let request = request.clone();
            let (block, error, bar, button) =
                (block.clone(), error.clone(), bar.clone(), button.clone());
            Closure::<dyn Fn()>::new(move || {
                bar.set_hidden(true);
                button.set_disabled(false);
                let status = request.status().unwrap_or(0);
                let body = request.response_text().ok().flatten().unwrap_or_default();
                if status == 200
                    && let Ok(stored) = serde_json::from_str::<UploadedEvidence>(&body)
                {
                    error.set_text_content(None);
                    w.add_evidence(&block, &stored);
                    if let Some(input) = find::<HtmlInputElement>(&block, "input[type=\"file\"]") {
                        input.set_value("");
                    }
                    return;
                }
                let refusal = serde_json::from_str::<UploadRefusal>(&body).ok();
                match refusal {
                    Some(refusal) if (400..500).contains(&status) => {
                        error.set_text_content(Some(&refusal.message));
                        // A refused file is refused again: the picker waits for another one.
                        if let Some(input) =
                            find::<HtmlInputElement>(&block, "input[type=\"file\"]")
                        {
                            input.set_value("");
                        }
                    }
                    _ => w.failed(&block, &error, file.clone()),
                }
            })
            .into_js_value()
        };
        // `load` fires for every answer, `error` when none came.
        request.set_onload(Some(finished.unchecked_ref()));
        request.set_onerror(Some(finished.unchecked_ref()));
        bar.set_value(0.0);
        bar.set_hidden(false);
        button.set_disabled(true);
        error.set_text_content(Some(t_string!(self.i18n, evaluation.uploading)));
        if request.send_with_opt_form_data(Some(&data)).is_err() {
            bar.set_hidden(true);
            button.set_disabled(false);
            error.set_text_content(Some(t_string!(self.i18n, evaluation.upload_failed)));
        }
    }

    /// No answer, or a server error: the message, and a button to send the same file again.
    fn failed(self: &Rc<Self>, block: &Element, error: &Element, file: web_sys::File) {
        error.set_text_content(Some(t_string!(self.i18n, evaluation.upload_failed)));
        let Ok(retry) = document().create_element("button") else {
            return;
        };
        let _ = retry.set_attribute("type", "button");
        let _ = retry.set_attribute("class", "button button-secondary");
        let _ = retry.set_attribute("data-retry", "");
        retry.set_text_content(Some(t_string!(self.i18n, evaluation.upload_retry)));
        let w = self.clone();
        let again = block.clone();
        let click = Closure::<dyn Fn()>::new(move || w.send(again.clone(), file.clone()));
        let _ = retry.add_event_listener_with_callback("click", click.as_ref().unchecked_ref());
        click.forget();
        let _ = error.after_with_node_1(&retry);
    }

    /// The stored file joins the indicator's list, as the server renders it.
    fn add_evidence(&self, block: &Element, stored: &UploadedEvidence) {
        let Some(evidence) = closest(block, ".evidence") else {
            return;
        };
        let (Some(template), Some(list)) = (
            find::<web_sys::HtmlTemplateElement>(&evidence, "template[data-evidence-item]"),
            find::<Element>(&evidence, ".evidence-list"),
        ) else {
            return;
        };
        let Some(item) = template
            .content()
            .first_element_child()
            .and_then(|item| item.clone_node_with_deep(true).ok())
            .and_then(|item| item.dyn_into::<Element>().ok())
        else {
            return;
        };
        if let Some(link) = find::<web_sys::HtmlAnchorElement>(&item, "[data-link]") {
            link.set_href(&stored.url);
        }
        if let Some(name) = find::<Element>(&item, "[data-name]") {
            name.set_text_content(Some(&stored.name));
        }
        if stored.photo
            && let Some(thumb) = find::<web_sys::HtmlImageElement>(&item, "[data-thumb]")
        {
            thumb.set_src(&stored.url);
            thumb.set_hidden(false);
        }
        if let Some(size) = find::<Element>(&item, "[data-size]") {
            size.set_text_content(Some(&stored.size));
        }
        if let Some(remove) = find::<web_sys::HtmlButtonElement>(&item, "[data-delete]") {
            remove.set_form_action(&stored.remove_url);
        }
        let _ = list.append_child(&item);
    }
}

// ---- The browser --------------------------------------------------------------------------

fn online() -> bool {
    window().navigator().on_line()
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Runs `f` once the browser has painted what changed.
fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}

fn event_element(e: &web_sys::Event) -> Option<Element> {
    e.target().and_then(|t| t.dyn_into::<Element>().ok())
}

fn closest(el: &Element, selector: &str) -> Option<Element> {
    el.closest(selector).ok().flatten()
}

fn find<T: JsCast>(scope: &Element, selector: &str) -> Option<T> {
    scope
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<T>().ok())
}

fn named(name: &str) -> Vec<Element> {
    let list = document().get_elements_by_name(name);
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

/// A field's value as the form would post it; for radios, the checked one's.
fn value_of(name: &str) -> String {
    for el in named(name) {
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            if input.type_() != "radio" {
                return input.value();
            }
            if input.checked() {
                return input.value();
            }
        } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
            return area.value();
        }
    }
    String::new()
}

/// A field's value as the server rendered it.
fn rendered_value_of(name: &str) -> String {
    for el in named(name) {
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            if input.type_() != "radio" || input.default_checked() {
                return input.default_value();
            }
        } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
            return area.default_value().unwrap_or_default();
        }
    }
    String::new()
}

fn set_value(name: &str, value: &str) {
    for el in named(name) {
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            if input.type_() == "radio" {
                input.set_checked(input.value() == value);
            } else {
                input.set_value(value);
            }
        } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
            area.set_value(value);
        }
    }
}

fn label_of(name: &str) -> String {
    named(name)
        .first()
        .and_then(|el| el.get_attribute("data-label"))
        .unwrap_or_else(|| name.to_owned())
}

/// A large photo redrawn smaller as JPEG; anything else (or a photo the browser cannot read) as
/// chosen: the server decides.
async fn downscale(file: &web_sys::File) -> web_sys::File {
    if !photo::is_photo(&file.type_()) {
        return file.clone();
    }
    match redraw(file).await {
        Ok(Some(smaller)) => smaller,
        Ok(None) => file.clone(),
        Err(err) => {
            leptos::logging::warn!("photo not downscaled: {err:?}");
            file.clone()
        }
    }
}

async fn redraw(file: &web_sys::File) -> Result<Option<web_sys::File>, JsValue> {
    let bitmap: web_sys::ImageBitmap =
        JsFuture::from(window().create_image_bitmap_with_blob(file)?)
            .await?
            .dyn_into()?;
    let Some((width, height)) = photo::redraw_size(bitmap.width(), bitmap.height(), file.size())
    else {
        return Ok(None);
    };
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas")?.dyn_into()?;
    canvas.set_width(width);
    canvas.set_height(height);
    let context: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")?
        .ok_or_else(|| JsValue::from_str("no 2d context"))?
        .dyn_into()?;
    context.draw_image_with_image_bitmap_and_dw_and_dh(
        &bitmap,
        0.0,
        0.0,
        f64::from(width),
        f64::from(height),
    )?;
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = canvas.to_blob_with_type_and_encoder_options(
            &resolve,
            "image/jpeg",
            &JsValue::from_f64(PHOTO_QUALITY),
        );
    });
    let blob = JsFuture::from(promise).await?;
    let Ok(blob) = blob.dyn_into::<web_sys::Blob>() else {
        return Ok(None);
    };
    if blob.size() >= file.size() {
        return Ok(None);
    }
    let options = web_sys::FilePropertyBag::new();
    options.set_type("image/jpeg");
    web_sys::File::new_with_blob_sequence_and_options(
        &js_sys::Array::of1(&blob),
        &photo::jpeg_name(&file.name()),
        &options,
    )
    .map(Some)
}
