//! A list of things to do, each a whole-row link to where it is done: who it is for, what it is,
//! by when. Late items carry a red edge and tag, so they stand out on any page that lists tasks.

use crate::domain::deadline::DeadlineStatus;
use crate::i18n::*;
use crate::ui::dates::long_date;
use crate::ui::deadline::DeadlineTag;
use chrono::NaiveDate;
use leptos::prelude::*;

#[component]
pub fn TaskList(
    #[prop(optional, into)] testid: Option<String>,
    children: Children,
) -> impl IntoView {
    view! { <ul class="task-list" data-testid=testid>{children()}</ul> }
}

/// One task. `children` go below the link: an appraiser's note, say.
#[component]
pub fn TaskItem(
    #[prop(into)] href: String,
    /// Whose work this is: "Milik saya", "Sebagai penilai".
    #[prop(into)]
    role: String,
    #[prop(into)] title: String,
    /// The deadline and how far it is, in the agency's calendar.
    #[prop(optional_no_strip)]
    due: Option<(NaiveDate, DeadlineStatus)>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let overdue = due.is_some_and(|(_, s)| s.is_overdue());
    view! {
        <li class="task-item" class:task-overdue=overdue data-testid="desk-item">
            <a class="task-link" href=href data-testid="desk-task">
                <span class="task-role small muted">{role}</span>
                <span class="task-title">{title}</span>
                {due.map(|(date, status)| view! {
                    <span class="task-due small">
                        <span class="nowrap">{t!(i18n, deadline.due, date = long_date(locale, date))}</span>
                        " "<DeadlineTag status />
                    </span>
                })}
            </a>
            {children.map(|c| c())}
        </li>
    }
}
