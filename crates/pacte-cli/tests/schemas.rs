//! The JSON Schemas committed in schemas/ (shipped in the npm package) are the
//! ones the Rust types make: a type changed without them fails here.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const REGENERATE: &str = "cargo run -p pacte-cli -- schemas schemas";

fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the folder is readable")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn the_committed_schemas_are_the_ones_the_types_make() {
    let made =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("schemas-{}", std::process::id()));
    std::fs::create_dir_all(&made).expect("a scratch folder");
    let status = Command::new(env!("CARGO_BIN_EXE_pacte"))
        .arg("schemas")
        .arg(&made)
        .status()
        .expect("the pacte binary runs");
    assert!(status.success());
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas");
    let expected = [
        "candidature.schema.json",
        "learner.schema.json",
        "mapping.schema.json",
        "programme.schema.json",
    ];
    assert_eq!(file_names(&made), expected);
    assert_eq!(
        file_names(&committed),
        expected,
        "schemas/ holds the four schemas only"
    );
    for name in expected {
        let text = std::fs::read_to_string(made.join(name)).expect("written");
        assert!(
            std::fs::read_to_string(committed.join(name)).is_ok_and(|kept| kept == text),
            "schemas/{name} is not what the types make: run `{REGENERATE}` at the repository's root"
        );
    }
}

#[test]
fn each_schema_names_itself_and_its_draft() {
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schemas");
    let heads: Vec<[String; 3]> = file_names(&committed)
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(committed.join(name)).expect("readable");
            let schema: Value = serde_json::from_str(&text).expect("JSON");
            ["$schema", "$id", "title"].map(|key| schema[key].as_str().expect(key).to_string())
        })
        .collect();
    let head = |name: &str, title: &str| {
        [
            "https://json-schema.org/draft/2020-12/schema".to_string(),
            format!("https://example.invalid/pacte-rules/schemas/{name}.schema.json"),
            title.to_string(),
        ]
    };
    assert_eq!(
        heads,
        [
            head("candidature", "PACTE candidature file"),
            head("learner", "PACTE learner records"),
            head("mapping", "PACTE import mapping"),
            head("programme", "PACTE programme definition"),
        ]
    );
}
