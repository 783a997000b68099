//! The wall clock, read here only. The rules get it as a `domain::schedule::Now` (built in
//! `state`), so they stay pure and tests can inject any time.

/// Milliseconds since the epoch, and the local offset in minutes east of UTC.
pub fn now() -> (i64, i32) {
    let date = js_sys::Date::new_0();
    // getTimezoneOffset is minutes *behind* UTC.
    (date.get_time() as i64, -(date.get_timezone_offset() as i32))
}
