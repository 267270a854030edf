//! `GET /live/{topic}`: the server-sent event stream of one topic, for those the policy lets
//! follow it. It opens with the topic's current state and sends it again after every change,
//! read from the database each time; it ends when the session does or the server stops, and
//! the browser's `EventSource` reconnects by itself. Following a stream is not activity: it never
//! extends the session's idle time.

use super::hub::Signal;
use super::{LiveEvent, Topic};
use crate::auth::server::ClientInfo;
use crate::domain::access::{Action, Target, authorize};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::state::{AppState, CurrentUser, user_for_stream};
use axum::extract::{FromRef, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use std::convert::Infallible;
use tokio::sync::broadcast::{
    self,
    error::{RecvError, TryRecvError},
};

pub const PATH: &str = "/live/{topic}";

/// The route to mount; the server's state must give the [`AppState`].
pub fn router<S>() -> axum::Router<S>
where
    S: Clone + Send + Sync + 'static,
    AppState: FromRef<S>,
{
    axum::Router::new().route(PATH, axum::routing::get(follow))
}

async fn follow(
    State(state): State<AppState>,
    client: ClientInfo,
    headers: HeaderMap,
    Path(topic): Path<String>,
) -> Response {
    let locale = crate::ui::locale::locale_of_headers(&headers);
    let Some(topic) = Topic::parse(&topic) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let user = match user_for_stream(&state.db, &client).await {
        Ok(Some(user)) => user,
        Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(err) => return status(&err).into_response(),
    };
    // Subscribed before the first read, so a change between the two is not missed.
    let signals = state.live.subscribe();
    // The first read asks the policy too: a topic the reader may not follow is refused here.
    let first = match read(&state, &user, topic, locale).await {
        Ok(event) => event,
        Err(err) => {
            if matches!(err, AppError::Forbidden) {
                tracing::warn!(account = %user.account.id, %topic, "live topic refused");
            }
            return status(&err).into_response();
        }
    };
    let follower = Follower {
        signals,
        state,
        client,
        topic,
        locale,
        first: Some(first),
    };
    let events = futures_util::stream::unfold(follower, |mut follower| async move {
        let event = follower.next().await?;
        Some((Ok::<_, Infallible>(event), follower))
    });
    Sse::new(events)
        .keep_alive(KeepAlive::default())
        .into_response()
}

/// The state of `topic` as `user` may see it, in their language, or why they may not follow it.
async fn read(
    state: &AppState,
    user: &CurrentUser,
    topic: Topic,
    locale: Locale,
) -> Result<LiveEvent, AppError> {
    match topic {
        Topic::User(account) => {
            authorize(
                &user.actor,
                Action::FollowOwnEvents,
                Target::Account(account),
            )?;
            Ok(LiveEvent::Notifications {
                unread: crate::db::notifications::unread_count(&state.db, account).await?,
            })
        }
        Topic::Cycle360(cycle) => {
            let board = crate::features::feedback360::live_board(&state.db, user, cycle).await?;
            Ok(LiveEvent::Cycle360 {
                html: crate::features::feedback360::board_html(locale, board),
            })
        }
    }
}

fn status(err: &AppError) -> StatusCode {
    StatusCode::from_u16(err.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// How long a dashboard gathers the hints of answers arriving together before it reads again:
/// one read per burst, not one per answer, and still well within the second a reader waits.
const GATHER: std::time::Duration = std::time::Duration::from_millis(150);

struct Follower {
    state: AppState,
    client: ClientInfo,
    topic: Topic,
    /// The language the reader's pages are in.
    locale: Locale,
    signals: broadcast::Receiver<Signal>,
    /// The state read when the stream opened, sent first.
    first: Option<LiveEvent>,
}

impl Follower {
    /// The next event to send: the current state at once, then after each change of the topic.
    /// `None` ends the stream.
    async fn next(&mut self) -> Option<Event> {
        if let Some(event) = self.first.take() {
            return encode(&event);
        }
        loop {
            match self.signals.recv().await {
                Ok(Signal::Changed(topic)) if topic == self.topic => break,
                Ok(Signal::Changed(_)) => {}
                // Hints may be lost: read again rather than miss one.
                Ok(Signal::Resync) | Err(RecvError::Lagged(_)) => break,
                Ok(Signal::Closing) | Err(RecvError::Closed) => return None,
            }
        }
        if matches!(self.topic, Topic::Cycle360(_)) {
            tokio::time::sleep(GATHER).await;
            loop {
                match self.signals.try_recv() {
                    Ok(Signal::Closing) | Err(TryRecvError::Closed) => return None,
                    Ok(_) | Err(TryRecvError::Lagged(_)) => {}
                    Err(TryRecvError::Empty) => break,
                }
            }
        }
        match self.read().await {
            Ok(Some(event)) => encode(&event),
            // Signed out (or the account disabled, or the right lost) since the stream opened.
            Ok(None) => None,
            Err(err) => {
                tracing::warn!(topic = %self.topic, error = ?err, "live stream ended");
                None
            }
        }
    }

    /// The topic's state, if the session still allows following it.
    async fn read(&self) -> Result<Option<LiveEvent>, AppError> {
        let Some(user) = user_for_stream(&self.state.db, &self.client).await? else {
            return Ok(None);
        };
        match read(&self.state, &user, self.topic, self.locale).await {
            Ok(event) => Ok(Some(event)),
            Err(AppError::Forbidden | AppError::NotFound) => Ok(None),
            Err(err) => Err(err),
        }
    }
}

fn encode(event: &LiveEvent) -> Option<Event> {
    Some(Event::default().event(event.name()).data(event.data()))
}
