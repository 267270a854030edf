//! Where a multi-step task stands: numbered steps, each a link, the current one marked for
//! screen readers (`aria-current="step"`), finished ones filled, and a short note under a step
//! that still lacks something. The wizard's island updates the notes in place after each save,
//! finding them by `data-progress`.

use leptos::prelude::*;

#[derive(Clone, Debug)]
pub struct Step {
    pub href: String,
    pub name: String,
    pub done: bool,
    pub current: bool,
    /// "2 belum diisi"; the element stays (hidden) when empty so a script can fill it.
    pub note: Option<String>,
}

#[component]
pub fn Stepper(#[prop(into)] label: String, steps: Vec<Step>) -> impl IntoView {
    view! {
        <nav class="stepper" aria-label=label>
            <ol>
                {steps.into_iter().enumerate().map(|(i, step)| {
                    let n = i + 1;
                    let hidden = step.note.is_none();
                    view! {
                        <li class:done=step.done data-progress=n.to_string()>
                            <a href=step.href data-goto=n.to_string()
                                aria-current=step.current.then_some("step")>
                                <span class="step-number" aria-hidden="true">{n}</span>
                                <span class="step-name">{step.name}</span>
                                <span class="step-missing" hidden=hidden>{step.note}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </nav>
    }
}
