//! A deadline as every list shows it: "batas 07-08-2026 · 3 hari lagi", late ones marked.

use crate::domain::deadline::DeadlineStatus;
use crate::i18n::*;
use crate::ui::tag::{Tag, TagTone};
use leptos::prelude::*;

type I18n = leptos_i18n::I18nContext<Locale>;

/// "3 hari lagi", "hari ini batasnya", "terlambat 12 hari".
pub fn status_text(i18n: I18n, status: DeadlineStatus) -> String {
    match status {
        DeadlineStatus::Upcoming { days_left: 1 } => {
            t_string!(i18n, deadline.one_day_left).to_string()
        }
        DeadlineStatus::Upcoming { days_left } => {
            t_string!(i18n, deadline.days_left, n = days_left).to_string()
        }
        DeadlineStatus::DueToday => t_string!(i18n, deadline.due_today).to_string(),
        DeadlineStatus::Overdue { days_late: 1 } => {
            t_string!(i18n, deadline.one_day_late).to_string()
        }
        DeadlineStatus::Overdue { days_late } => {
            t_string!(i18n, deadline.days_late, n = days_late).to_string()
        }
    }
}

/// How far the deadline is, as a tag: late ones stand out (`data-testid="overdue"`).
#[component]
pub fn DeadlineTag(status: DeadlineStatus) -> impl IntoView {
    let i18n = use_i18n();
    let text = status_text(i18n, status);
    if status.is_overdue() {
        view! { <Tag tone=TagTone::Late testid="overdue">{text}</Tag> }.into_any()
    } else {
        let class = match status {
            DeadlineStatus::Upcoming { days_left } if days_left > 7 => "deadline-far",
            _ => "deadline-near",
        };
        view! { <span class=format!("deadline-tag {class}") data-testid="deadline-status">{text}</span> }
            .into_any()
    }
}
