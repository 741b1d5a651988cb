#![no_main]
//! Invariants: tests/invariants/ (`import_moodle_attendance` in TARGETS).
libfuzzer_sys::fuzz_target!(|data: &[u8]| pacte_rules_fuzz::import::moodle_attendance(data));
