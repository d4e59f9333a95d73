//! bytes -> format detection -> parse -> every check and profile -> every renderer.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn engine() -> &'static fair_core::Engine {
    static ENGINE: OnceLock<fair_core::Engine> = OnceLock::new();
    ENGINE.get_or_init(|| fair_core::Engine::new().expect("default engine builds"))
}

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = engine().check(data, None, None) {
        let _ = fair_core::render::json(&report);
        let _ = fair_core::render::text(&report);
    }
});
