//! A repeating timer that stops when its owner is cleaned up (a callback after unmount
//! would touch disposed signals and panic).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use leptos::prelude::*;

/// Calls `f` every `ms` milliseconds while the calling owner lives. The interval is
/// cleared on cleanup, and a tick already queued when that happens is dropped.
pub fn use_interval(ms: u64, f: impl Fn() + 'static) {
    let alive = Arc::new(AtomicBool::new(true));
    let running = alive.clone();
    let tick = move || {
        if running.load(Ordering::Relaxed) {
            f();
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, std::time::Duration::from_millis(ms)) {
        on_cleanup(move || {
            alive.store(false, Ordering::Relaxed);
            handle.clear();
        });
    }
}
