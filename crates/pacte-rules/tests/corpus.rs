//! The fuzz targets' invariants (tests/invariants/), replayed without the
//! fuzzer: on every fixture of the repository, and on every input of
//! `fuzz/regressions/<target>/` — each once broke an invariant, and must not again.

mod invariants;

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn target(name: &str) -> fn(&[u8]) {
    invariants::TARGETS
        .iter()
        .find(|(target, _)| *target == name)
        .map(|(_, run)| *run)
        .unwrap_or_else(|| panic!("no fuzz target {name}"))
}

#[test]
fn every_fixture_keeps_the_invariants() {
    let seeds = invariants::seeds::all(&repo());
    for seed in &seeds {
        println!("{}: {}", seed.target, seed.name);
        target(seed.target)(&seed.data);
    }
    // Every target but `records` (made of bytes, not of a document) has fixtures.
    let seeded = |name: &str| seeds.iter().any(|s| s.target == name);
    let unseeded: Vec<&str> = invariants::TARGETS
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| !seeded(name))
        .collect();
    assert_eq!(unseeded, ["records"]);
}

#[test]
fn every_input_that_once_broke_an_invariant_keeps_them_now() {
    let regressions = repo().join("fuzz/regressions");
    for (name, run) in invariants::TARGETS {
        let Ok(entries) = std::fs::read_dir(regressions.join(name)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            println!("{}", path.display());
            run(&std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())));
        }
    }
}

/// Writes the seeds into `fuzz/corpus/<target>/` for the fuzzer
/// (scripts/fuzz.sh runs it): `cargo test --test corpus -- --ignored`.
#[test]
#[ignore = "writes the fuzzer's seed corpus, for scripts/fuzz.sh"]
fn write_the_seed_corpus() {
    for seed in invariants::seeds::all(&repo()) {
        let dir = repo().join("fuzz/corpus").join(seed.target);
        std::fs::create_dir_all(&dir).expect("a corpus directory");
        std::fs::write(dir.join(format!("seed-{}", seed.name)), &seed.data)
            .expect("a seed written");
    }
}
