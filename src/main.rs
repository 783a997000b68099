//! The wasm entry point: a panic hook and the mount. Everything else is in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    diffdeck::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("diffdeck is a web app: build it with `trunk build --release` (see README.md).");
    std::process::exit(2);
}
