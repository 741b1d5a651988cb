//! The fuzz targets' invariants (tests/invariants/), replayed without the
//! fuzzer: on every fixture of the repository, and on every input of
//! `fuzz/regressions/<target>/` — each once broke an invariant, and must not
//! again. `fuzz/open/<target>/` holds inputs that break one because of a bug
//! still open: once it is fixed, the test below says to move them.

mod invariants;

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn target(name: &str) -> invariants::Target {
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

/// The inputs of `fuzz/<dir>/<target>/`, with the target that reads them.
fn inputs(dir: &str) -> Vec<(PathBuf, invariants::Target)> {
    let mut found = Vec::new();
    for (name, run) in invariants::TARGETS {
        let Ok(entries) = std::fs::read_dir(repo().join("fuzz").join(dir).join(name)) else {
            continue;
        };
        for entry in entries {
            found.push((entry.expect("a directory entry").path(), run));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_input_that_once_broke_an_invariant_keeps_them_now() {
    for (path, run) in inputs("regressions") {
        println!("{}", path.display());
        run(&bytes(&path));
    }
}

#[test]
fn every_input_of_a_bug_still_open_still_breaks_an_invariant() {
    for (path, run) in inputs("open") {
        let data = bytes(&path);
        let kept = std::panic::catch_unwind(|| run(&data)).is_ok();
        assert!(
            !kept,
            "{} keeps the invariants now: move it to fuzz/regressions/",
            path.display()
        );
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
