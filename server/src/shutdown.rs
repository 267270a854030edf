//! Stopping without dropping requests. On SIGTERM the server first *drains*: it keeps accepting
//! and answering, but every answer carries `Connection: close`, so each kept-alive connection is
//! closed by the server right after a response instead of being cut while a request may be on
//! its way, and the health check answers 503 so that a load balancer stops sending new work.
//! Only then are the remaining (idle) connections closed and in-flight requests given the grace
//! period to finish. What is left is a connection idle for the whole drain whose client sends at
//! the very moment it is closed; browsers retry such a request on a new connection.

use axum::Json;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How long the drain lasts: a browser saving as the user types, or a client in the middle of a
/// series of calls, sends again well within it and is told to reconnect.
pub const DRAIN: Duration = Duration::from_secs(2);

/// Whether the server is draining; cheap to clone into the middleware.
#[derive(Clone, Debug, Default)]
pub struct Drain(Arc<AtomicBool>);

impl Drain {
    pub fn start(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_draining(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// While draining, ends each connection after its current answer, and fails the health check.
pub async fn close_after_answer(drain: Drain, req: Request<Body>, next: Next) -> Response {
    if drain.is_draining() && req.uri().path() == "/healthz" {
        let mut res = (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CACHE_CONTROL, "no-store")],
            Json(serde_json::json!({ "status": "draining" })),
        )
            .into_response();
        res.headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
        return res;
    }
    let mut res = next.run(req).await;
    if drain.is_draining() {
        res.headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    res
}
