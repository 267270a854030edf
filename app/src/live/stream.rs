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
use crate::state::{AppState, CurrentUser, user_for_stream};
use axum::extract::{FromRef, Path, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use std::convert::Infallible;
use tokio::sync::broadcast::{self, error::RecvError};

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
    Path(topic): Path<String>,
) -> Response {
    let Some(topic) = Topic::parse(&topic) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let user = match user_for_stream(&state.db, &client).await {
        Ok(Some(user)) => user,
        Ok(None) => return StatusCode::UNAUTHORIZED.into_response(),
        Err(err) => return status(&err).into_response(),
    };
    if !may_follow(&user, topic) {
        tracing::warn!(account = %user.account.id, %topic, "live topic refused");
        return StatusCode::FORBIDDEN.into_response();
    }
    // Subscribed before the first read, so a change between the two is not missed.
    let follower = Follower {
        signals: state.live.subscribe(),
        state,
        client,
        topic,
        opened: false,
    };
    let events = futures_util::stream::unfold(follower, |mut follower| async move {
        let event = follower.next().await?;
        Some((Ok::<_, Infallible>(event), follower))
    });
    Sse::new(events)
        .keep_alive(KeepAlive::default())
        .into_response()
}

fn may_follow(user: &CurrentUser, topic: Topic) -> bool {
    match topic {
        Topic::User(account) => authorize(
            &user.actor,
            Action::FollowOwnEvents,
            Target::Account(account),
        )
        .is_ok(),
    }
}

fn status(err: &AppError) -> StatusCode {
    StatusCode::from_u16(err.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

struct Follower {
    state: AppState,
    client: ClientInfo,
    topic: Topic,
    signals: broadcast::Receiver<Signal>,
    opened: bool,
}

impl Follower {
    /// The next event to send: the current state at once, then after each change of the topic.
    /// `None` ends the stream.
    async fn next(&mut self) -> Option<Event> {
        if self.opened {
            loop {
                match self.signals.recv().await {
                    Ok(Signal::Changed(topic)) if topic == self.topic => break,
                    Ok(Signal::Changed(_)) => {}
                    // Hints may be lost: read again rather than miss one.
                    Ok(Signal::Resync) | Err(RecvError::Lagged(_)) => break,
                    Ok(Signal::Closing) | Err(RecvError::Closed) => return None,
                }
            }
        }
        self.opened = true;
        match self.read().await {
            Ok(Some(event)) => Event::default().event(event.name()).json_data(&event).ok(),
            // Signed out (or the account disabled) since the stream opened.
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
        if !may_follow(&user, self.topic) {
            return Ok(None);
        }
        Ok(Some(match self.topic {
            Topic::User(account) => LiveEvent::Notifications {
                unread: crate::db::notifications::unread_count(&self.state.db, account).await?,
            },
        }))
    }
}
