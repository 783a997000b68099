//! The wall clock, read here only. The rules get it as a `domain::schedule::Now` (built in
//! `state`), so they stay pure and tests can inject any time.

use wasm_bindgen::{JsCast, JsValue};

/// Milliseconds since the epoch, and the local offset in minutes east of UTC.
pub fn now() -> (i64, i32) {
    let date = js_sys::Date::new_0();
    // getTimezoneOffset is minutes *behind* UTC.
    (date.get_time() as i64, -(date.get_timezone_offset() as i32))
}

/// When the local time `hour:minute` on the date `year-month-day` is (ms since the epoch),
/// by the browser's time zone rules (a daylight-saving change on the way included).
pub fn local_ms(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> i64 {
    let args = [
        year,
        month as i32 - 1,
        day as i32,
        hour as i32,
        minute as i32,
    ]
    .map(JsValue::from);
    super::js::construct("Date", &args)
        .map_or(0, |d| d.unchecked_into::<js_sys::Date>().get_time() as i64)
}
