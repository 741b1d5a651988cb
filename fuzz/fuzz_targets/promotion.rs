#![no_main]
//! Invariants: tests/invariants/ (`promotion` in TARGETS).
libfuzzer_sys::fuzz_target!(|data: &[u8]| pacte_rules_fuzz::promotion::target(data));
