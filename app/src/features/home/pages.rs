use super::api::load_agency_summary;
use crate::features::desk::{DeskView, load_desk};
use crate::i18n::*;
use crate::ui::banner::{Banner, Tone};
use crate::ui::error::ErrorNotice;
use leptos::prelude::*;
use leptos_meta::Title;

/// `/`: the desk of whoever is signed in; for a visitor, what Kinerja is and the way in.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let desk = OnceResource::new(load_desk());
    view! {
        <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
            {move || Suspend::new(async move {
                match desk.await {
                    Ok(Some(desk)) => view! { <DeskView desk /> }.into_any(),
                    Ok(None) => view! { <Welcome /> }.into_any(),
                    Err(err) => view! { <ErrorNotice error=err /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Welcome() -> impl IntoView {
    let i18n = use_i18n();
    let agency = OnceResource::new(load_agency_summary());

    view! {
        <Title text="" />
        <section class="hero" aria-labelledby="hero-title">
            <h1 id="hero-title">{t!(i18n, home.title)}</h1>
            <p class="lead">{t!(i18n, home.lead)}</p>
            <p class="hero-actions">
                <a class="button" href="/masuk" data-testid="login-cta">{t!(i18n, home.login_cta)}</a>
                <span class="muted small">{t!(i18n, home.login_hint)}</span>
            </p>
            <Suspense fallback=move || view! { <p class="muted">{t!(i18n, common.loading)}</p> }>
                {move || Suspend::new(async move {
                    match agency.await {
                        Ok(Some(a)) => {
                            view! {
                                <div class="agency-card" data-testid="agency">
                                    <p class="agency-name">{a.name}</p>
                                    <p class="muted">
                                        {t!(i18n, home.agency_facts, tz = a.time_zone.clone(), count = a.evaluations_per_year)}
                                    </p>
                                </div>
                            }
                                .into_any()
                        }
                        Ok(None) => {
                            view! { <Banner tone=Tone::Warning><p>{t!(i18n, home.no_agency)}</p></Banner> }.into_any()
                        }
                        Err(err) => view! { <ErrorNotice error=err /> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
        <section aria-labelledby="cycle-title">
            <h2 id="cycle-title">{t!(i18n, home.cycle_title)}</h2>
            <ol class="cycle">
                <li>
                    <h3>{t!(i18n, home.cycle.plan_title)}</h3>
                    <p>{t!(i18n, home.cycle.plan_text)}</p>
                </li>
                <li>
                    <h3>{t!(i18n, home.cycle.monitor_title)}</h3>
                    <p>{t!(i18n, home.cycle.monitor_text)}</p>
                </li>
                <li>
                    <h3>{t!(i18n, home.cycle.appraise_title)}</h3>
                    <p>{t!(i18n, home.cycle.appraise_text)}</p>
                </li>
                <li>
                    <h3>{t!(i18n, home.cycle.follow_up_title)}</h3>
                    <p>{t!(i18n, home.cycle.follow_up_text)}</p>
                </li>
            </ol>
        </section>
    }
}
