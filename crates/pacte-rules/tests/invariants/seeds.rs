//! The repository's fixtures, written as inputs of the fuzz targets: the
//! fuzzer's first corpus, and what `cargo test` checks the invariants on.

use super::import::MAPPINGS;
use super::programme::SEPARATOR;
use serde_json::value::RawValue;
use std::path::Path;

/// One input of one target, named after the fixture it comes from.
pub struct Seed {
    pub target: &'static str,
    pub name: String,
    pub data: Vec<u8>,
}

/// The envelope of a learner or candidature fixture.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Fixture<'a> {
    programme: String,
    as_of: String,
    #[serde(borrow, alias = "file")]
    learner: &'a RawValue,
}

/// Every seed, from the fixtures under `repo` (the repository's root).
pub fn all(repo: &Path) -> Vec<Seed> {
    let mut seeds = Vec::new();
    let mut add = |target: &'static str, name: &str, data: String| {
        seeds.push(Seed {
            target,
            name: name.to_string(),
            data: data.into_bytes(),
        })
    };
    for (name, text) in files(repo, "tests/fixtures/definitions") {
        add("programme", &name, text);
    }
    for (name, text) in files(repo, "crates/pacte-rules/programmes") {
        add("programme", &name, text);
    }
    let cycle = ["cycle-a-extends-b", "cycle-b-extends-a"]
        .map(|n| read(&repo.join(format!("tests/fixtures/definitions/{n}.json"))));
    add("programme", "cycle-a-with-b", cycle.join(SEPARATOR));
    for (target, dir) in [
        ("learner", "tests/fixtures/learners"),
        ("candidature", "tests/fixtures/candidatures"),
    ] {
        for (name, text) in files(repo, dir) {
            let f: Fixture =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{dir}/{name}: {e}"));
            add(
                target,
                &name,
                format!("{} {}\n{}", f.programme, f.as_of, f.learner.get()),
            );
        }
    }
    for file in ["promotion-hdf.json", "promotion-hdf.jsonl"] {
        let text = read(&repo.join("tests/browser/fixtures").join(file));
        add(
            "promotion",
            file,
            format!("hdf-leader-msp-2024 2024-09-20\n{text}"),
        );
    }
    for (name, text) in files(repo, "tests/fixtures/import") {
        let target = match name.split('-').next() {
            Some("csv") => "import_csv",
            Some("xapi") => "import_xapi",
            Some("moodle") if name.starts_with("moodle-completion") => "import_moodle_completion",
            Some("moodle") => "import_moodle_attendance",
            _ => "mapping",
        };
        if target == "mapping" {
            add(target, &name, text);
            continue;
        }
        for (mapping, _) in MAPPINGS {
            add(
                target,
                &format!("{name}.{mapping}"),
                format!("2025-06-30 {mapping}\n{text}"),
            );
        }
    }
    for (name, text) in MAPPINGS {
        add("mapping", name, text.to_string());
    }
    seeds
}

/// The files of a directory, by name, sorted.
fn files(repo: &Path, dir: &str) -> Vec<(String, String)> {
    let dir = repo.join(dir);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| (name.clone(), read(&dir.join(name))))
        .collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
