//! The wasm entry point: the allocator, a panic hook (not in a release) and the mount.
//! Everything else is in the library.

/// Talc, not dlmalloc: fewer bytes in the first load and faster (see Cargo.toml).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    // A bug's message and place in the console (a smaller hook than
    // console_error_panic_hook, which also formats a JS stack: 0.7 KB of the first load).
    // Not in a release: it stops at a panic with no message (scripts/wasm.mjs), the browser
    // reporting where ("unreachable", with the wasm stack).
    #[cfg(not(panic = "immediate-abort"))]
    std::panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("a panic");
        let (file, line) = info.location().map_or(("?", 0), |l| (l.file(), l.line()));
        web_sys::console::error_4(
            &"diffdeck panicked:".into(),
            &message.into(),
            &file.into(),
            &line.into(),
        );
    }));
    diffdeck::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("diffdeck is a web app: build it with `trunk build --release` (see README.md).");
    std::process::exit(2);
}
