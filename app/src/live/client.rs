//! The browser's end of the live channel: an island follows a topic and is handed each event.
//!
//! The browser's own `EventSource` does the work: it reconnects by itself after a dropped
//! connection, and the stream opens every connection with the topic's current state, so a
//! reconnected island catches up without asking. Islands of one page that follow the same topic
//! share one connection. On the server this does nothing: a page is rendered with the state of
//! its moment.

use super::{LiveEvent, Topic};

/// Calls `on_event` with every event of `topic` for as long as the island lives, the first time
/// as soon as the connection opens.
#[cfg(feature = "hydrate")]
pub fn follow(topic: Topic, on_event: impl Fn(LiveEvent) + 'static) {
    let Some(connection) = browser::connection(topic) else {
        return;
    };
    let id = connection.listen(on_event);
    let handle = send_wrapper::SendWrapper::new((topic, id));
    leptos::prelude::on_cleanup(move || {
        let (topic, id) = handle.take();
        browser::forget(topic, id);
    });
}

#[cfg(not(feature = "hydrate"))]
pub fn follow(_topic: Topic, _on_event: impl Fn(LiveEvent) + 'static) {}

#[cfg(feature = "hydrate")]
mod browser {
    use super::{LiveEvent, Topic};
    use std::cell::{Cell, RefCell};
    use std::collections::HashMap;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    type Listener = Rc<dyn Fn(LiveEvent)>;

    /// One `EventSource` and the islands listening to it.
    pub struct Connection {
        source: web_sys::EventSource,
        listeners: Rc<RefCell<Vec<(u32, Listener)>>>,
        next_id: Cell<u32>,
        _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
    }

    thread_local! {
        static OPEN: RefCell<HashMap<Topic, Rc<Connection>>> = RefCell::new(HashMap::new());
    }

    /// The page's connection to `topic`, opened on first use.
    pub fn connection(topic: Topic) -> Option<Rc<Connection>> {
        OPEN.with(|open| {
            let mut open = open.borrow_mut();
            if let Some(connection) = open.get(&topic) {
                return Some(connection.clone());
            }
            let connection = Rc::new(Connection::open(topic)?);
            open.insert(topic, connection.clone());
            Some(connection)
        })
    }

    /// Removes a listener; the last one closes the connection.
    pub fn forget(topic: Topic, id: u32) {
        OPEN.with(|open| {
            let mut open = open.borrow_mut();
            let Some(connection) = open.get(&topic) else {
                return;
            };
            connection
                .listeners
                .borrow_mut()
                .retain(|(each, _)| *each != id);
            if connection.listeners.borrow().is_empty() {
                connection.source.close();
                open.remove(&topic);
            }
        });
    }

    impl Connection {
        fn open(topic: Topic) -> Option<Self> {
            let listeners: Rc<RefCell<Vec<(u32, Listener)>>> = Rc::default();
            let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new({
                let listeners = listeners.clone();
                move |message: web_sys::MessageEvent| {
                    let Some(data) = message.data().as_string() else {
                        return;
                    };
                    let name = message.type_();
                    let Some(event) = LiveEvent::decode(&name, data) else {
                        // A newer server speaking of something this bundle does not know.
                        leptos::logging::warn!("live: unreadable {name} event on {topic}");
                        return;
                    };
                    // A listener may add or remove listeners: call a copy of the list.
                    let current: Vec<Listener> =
                        listeners.borrow().iter().map(|(_, l)| l.clone()).collect();
                    for listener in current {
                        listener(event.clone());
                    }
                }
            });
            let source = match web_sys::EventSource::new(&format!("/live/{topic}")) {
                Ok(source) => source,
                Err(err) => {
                    leptos::logging::warn!("live: cannot follow {topic}: {err:?}");
                    return None;
                }
            };
            for name in LiveEvent::NAMES {
                let _ = source
                    .add_event_listener_with_callback(name, on_message.as_ref().unchecked_ref());
            }
            Some(Self {
                source,
                listeners,
                next_id: Cell::new(0),
                _on_message: on_message,
            })
        }

        pub fn listen(&self, on_event: impl Fn(LiveEvent) + 'static) -> u32 {
            let id = self.next_id.get();
            self.next_id.set(id + 1);
            self.listeners.borrow_mut().push((id, Rc::new(on_event)));
            id
        }
    }
}
