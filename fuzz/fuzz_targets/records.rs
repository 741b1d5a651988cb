#![no_main]
//! Invariants: tests/invariants/ (`records` in TARGETS).
libfuzzer_sys::fuzz_target!(|data: &[u8]| pacte_rules_fuzz::records::target(data));
