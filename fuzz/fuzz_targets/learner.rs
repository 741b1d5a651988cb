#![no_main]
//! Invariants: tests/invariants/ (`learner` in TARGETS).
libfuzzer_sys::fuzz_target!(|data: &[u8]| pacte_rules_fuzz::learner::target(data));
