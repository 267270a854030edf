//! Answers per network address in the current hour, kept in this process's memory only.
//!
//! The public 360° form limits how often one network answers (`domain::feedback360`), and the
//! address is personal data that, next to an answer's day, could point at a citizen. So it is
//! never written anywhere: the counts live here, are keyed by the address (an IPv6 client by its
//! /64, which one household's devices share), and are dropped when the hour turns. With several
//! instances each counts its own requests, so a network could send up to the limit to each.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

#[derive(Clone, Debug, Default)]
pub struct AddressCounts(Arc<Mutex<Window>>);

#[derive(Debug, Default)]
struct Window {
    hour: i64,
    counts: HashMap<String, u32>,
}

impl AddressCounts {
    /// The answers counted for `address` in `hour` so far.
    pub fn get(&self, address: Option<&str>, hour: i64) -> u32 {
        let key = key(address);
        let mut window = self.lock();
        window.turn(hour);
        window.counts.get(&key).copied().unwrap_or(0)
    }

    /// Counts one more answer from `address` in `hour`.
    pub fn add(&self, address: Option<&str>, hour: i64) {
        let key = key(address);
        let mut window = self.lock();
        window.turn(hour);
        *window.counts.entry(key).or_insert(0) += 1;
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Window> {
        // A panic while holding the lock leaves plain counts behind: still usable.
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Window {
    fn turn(&mut self, hour: i64) {
        if hour != self.hour {
            self.hour = hour;
            self.counts.clear();
        }
    }
}

/// The address as counted: IPv4 as it is, IPv6 by its /64 prefix, anything unknown together.
fn key(address: Option<&str>) -> String {
    match address.and_then(|a| a.parse::<IpAddr>().ok()) {
        Some(IpAddr::V4(v4)) => v4.to_string(),
        Some(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
        None => "unknown".to_owned(),
    }
}
