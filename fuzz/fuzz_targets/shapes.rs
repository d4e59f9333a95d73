//! bytes -> a shapes graph compiled by the engine builder: Ok or a typed BuildError, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let built = fair_core::Engine::builder()
        .profile("core")
        .shapes("fuzz.ttl", data.to_vec(), fair_core::Format::Turtle)
        .build();
    if let Ok(engine) = built {
        // A compiled shapes graph must also validate a small record without trouble.
        let record = b"@prefix schema: <http://schema.org/> .\n<https://example.org/x> a schema:Dataset ; schema:name \"x\" .\n";
        let _ = engine.check(record, Some(fair_core::Format::Turtle), None);
    }
});
