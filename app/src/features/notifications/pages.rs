//! `/notifikasi` and the bell: server-rendered, plain forms (work without JavaScript).

use super::api::*;
use super::text::notification_text_in;
use super::types::NotificationView;
use crate::features::admin::load_failure;
use crate::i18n::*;
use crate::ui::title::PageTitle;
use leptos::prelude::*;

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
                            <h1 id="notifications-title">{t!(i18n, notifications.title)}</h1>
                            {list.iter().any(|n| n.unread).then(|| view! {
                                <form method="post" action="/api/notifications/read">
                                    <button class="button button-secondary" type="submit">{t!(i18n, notifications.read_all)}</button>
                                </form>
                            })}
                            {list.is_empty().then(|| view! { <p class="muted">{t!(i18n, notifications.empty)}</p> })}
                            <ul class="notification-list" data-testid="notifications">
                                {list.iter().map(|n| view! {
                                    <li class=if n.unread { "unread" } else { "" }>
                                        <form method="post" action="/api/notifications/read">
                                            <input type="hidden" name="id" value=n.id.to_string() />
                                            <button class="link-like" type="submit">{notification_text(i18n, n)}</button>
                                        </form>
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

/// The bell in the header of server-rendered pages: a link with the unread count.
#[component]
pub fn NotificationBell() -> impl IntoView {
    let i18n = use_i18n();
    let count = OnceResource::new(unread_notifications());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let n = count.await.ok().flatten()?;
                let label = t_string!(i18n, notifications.bell, n = n).to_string();
                Some(view! {
                    <a class="header-link bell" href="/notifikasi" aria-label=label data-testid="bell">
                        <svg viewBox="0 0 24 24" aria-hidden="true" class="bell-icon">
                            <path d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6zm0 18a2.5 2.5 0 0 0 2.4-2h-4.8A2.5 2.5 0 0 0 12 21z" />
                        </svg>
                        {(n > 0).then(|| view! { <span class="bell-count" data-testid="bell-count">{n}</span> })}
                    </a>
                })
            })}
        </Suspense>
    }
}
