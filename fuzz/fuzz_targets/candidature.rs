#![no_main]
//! Invariants: tests/invariants/ (`candidature` in TARGETS).
libfuzzer_sys::fuzz_target!(|data: &[u8]| pacte_rules_fuzz::candidature::target(data));
