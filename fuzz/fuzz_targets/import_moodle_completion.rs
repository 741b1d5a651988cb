#![no_main]
//! Invariants: tests/invariants/ (`import_moodle_completion` in TARGETS).
libfuzzer_sys::fuzz_target!(|data: &[u8]| pacte_rules_fuzz::import::moodle_completion(data));
