//! `/notifikasi` (plain forms, work without JavaScript) and the bell, an island that follows the
//! account's live topic.

use super::api::*;
use super::text::notification_text_in;
use super::types::{BellState, NotificationView};
use crate::domain::ids::AccountId;
use crate::features::admin::load_failure;
use crate::i18n::*;
use crate::live::{LiveEvent, Topic};
use crate::ui::page::EmptyState;
use crate::ui::page::PageHeader;
use crate::ui::title::PageTitle;
use leptos::prelude::*;
use leptos::server_fn::ServerFn as _;

type I18n = leptos_i18n::I18nContext<Locale>;

fn notification_text(i18n: I18n, n: &NotificationView) -> String {
    notification_text_in(
        i18n.get_locale_untracked(),
        n.kind,
        &n.actor,
        n.due.as_deref(),
    )
}

/// `/notifikasi`: the latest notifications, newest first.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = OnceResource::new(load_notifications());
    view! {
        <PageTitle text=move || t_string!(i18n, notifications.title).to_string() />
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(list) => view! {
                        <section class="skp-page" aria-labelledby="notifications-title">
                            <PageHeader id="notifications-title" title=t_string!(i18n, notifications.title).to_string() />
                            {list.iter().any(|n| n.unread).then(|| view! {
                                <form method="post" action=ReadNotification::url()>
                                    <button class="button button-secondary" type="submit">{t!(i18n, notifications.read_all)}</button>
                                </form>
                            })}
                            {list.is_empty().then(|| view! { <EmptyState>{t!(i18n, notifications.empty)}</EmptyState> })}
                            <ul class="notification-list" data-testid="notifications">
                                {list.iter().map(|n| view! {
                                    <li class=if n.unread { "unread" } else { "" }>
                                        <form method="post" action=ReadNotification::url()>
                                            <input type="hidden" name="id" value=n.id.to_string() />
                                            <button class="link-like" type="submit">{notification_text(i18n, n)}</button>
                                        </form>
                                        {n.note.clone().map(|note| view! {
                                            <blockquote class="notification-note pre-line" data-testid="notification-note">{note}</blockquote>
                                        })}
                                        <p class="small muted">{n.at.clone()}</p>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                    }.into_any(),
                    Err(error) => load_failure(error),
                }
            })}
        </Suspense>
    }
}

/// The bell in the header of every signed-in page: a link to `/notifikasi` with the unread count,
/// which follows the account's live topic (see [`LiveBell`]).
#[component]
pub fn NotificationBell() -> impl IntoView {
    let bell = OnceResource::new(unread_notifications());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let BellState { account, unread } = bell.await.ok().flatten()?;
                Some(view! { <LiveBell account unread /> })
            })}
        </Suspense>
    }
}

/// The bell as an island: rendered with the count at the time of the page, then kept current by
/// the live stream of the account's own topic, without a reload. Without JavaScript it stays the
/// count the page was rendered with.
#[island]
fn LiveBell(account: AccountId, unread: u64) -> impl IntoView {
    let i18n = crate::ui::islands::use_island_i18n();
    let unread = RwSignal::new(unread);
    // Set once the stream has delivered the current count: the bell is live from then on.
    let live = RwSignal::new(false);
    crate::live::client::follow(Topic::User(account), move |event| {
        #[allow(irrefutable_let_patterns)] // the browser build knows no other event
        if let LiveEvent::Notifications { unread: now } = event {
            unread.set(now);
            live.set(true);
        }
    });
    let label = move || t_string!(i18n, notifications.bell, n = unread.get()).to_string();
    view! {
        <a
            class="header-link bell"
            href="/notifikasi"
            aria-label=label
            data-live=move || live.get().then_some("true")
            data-testid="bell"
        >
            <svg viewBox="0 0 24 24" aria-hidden="true" class="bell-icon">
                <path d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zm0 18a2.5 2.5 0 0 0 2.4-2h-4.8A2.5 2.5 0 0 0 12 21z" />
            </svg>
            {move || {
                let n = unread.get();
                (n > 0).then(|| view! { <span class="bell-count" data-testid="bell-count">{n}</span> })
            }}
        </a>
    }
}
