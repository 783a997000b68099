//! Code that is fetched when first needed, not with the first screen.
//!
//! In the release build (cargo feature `split`), every function declared with
//! [`split!`] is a split point: `scripts/wasm.mjs` runs wasm-split on the binary, which
//! moves the code that only such a function reaches into its own wasm file, fetched on the
//! first call (and precached by the service worker for offline use). Without the feature
//! (wasm-bindgen tests, `cargo check`), the same functions are plain calls, so the app
//! behaves the same either way.

/// A part of the app could not be fetched (offline before the service worker had cached
/// it, or the server is gone). The next call tries again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotLoaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// Declares split points: `fn name(args) -> T { body }` becomes
/// `async fn name(args) -> Result<T, NotLoaded>`.
macro_rules! split {
    ($($(#[$attr:meta])* $vis:vis fn $name:ident($($arg:ident: $ty:ty),*) -> $ret:ty $body:block)*) => {$(
        $(#[$attr])*
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        $vis fn $name($($arg: $ty),*) -> Result<$ret, $crate::platform::split::NotLoaded> {
            Ok($body)
        }

        $(#[$attr])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$ret, $crate::platform::split::NotLoaded> {
            Ok($body)
        }
    )*};
}
pub(crate) use split;
