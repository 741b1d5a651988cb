#![no_main]
//! Invariants: tests/invariants/ (`import_csv` in TARGETS).
libfuzzer_sys::fuzz_target!(|data: &[u8]| pacte_rules_fuzz::import::csv(data));
