//! bytes -> Document::parse as DataCite (JSON or XML, schema validation + crosswalk): must
//! return Ok or a typed error, never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = fair_core::Document::parse(data, fair_core::Format::DataCite);
});
