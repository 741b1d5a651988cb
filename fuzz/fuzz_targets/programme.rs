#![no_main]
//! Invariants: tests/invariants/ (`programme` in TARGETS).
libfuzzer_sys::fuzz_target!(|data: &[u8]| pacte_rules_fuzz::programme::target(data));
