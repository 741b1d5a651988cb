#![no_main]
//! Invariants: tests/invariants/ (`mapping` in TARGETS).
libfuzzer_sys::fuzz_target!(|data: &[u8]| pacte_rules_fuzz::import::mapping(data));
