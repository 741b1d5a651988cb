//! Embeds the programme definitions of programmes/ minified: what the wasm
//! package ships is data, and every byte of it counts toward the size budget.
//! A definition that is not JSON stops the build here. Its `$schema` is for
//! editors: the engine reads past it, so it is not shipped.

use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=programmes");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("programmes");
    fs::create_dir_all(&out).expect("OUT_DIR is writable");
    for entry in fs::read_dir("programmes").expect("programmes/ is readable") {
        let path = entry.expect("programmes/ is readable").path();
        let text = fs::read_to_string(&path).expect("a definition is UTF-8 text");
        let mut value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if let Some(definition) = value.as_object_mut() {
            definition.remove("$schema");
        }
        let name = path.file_name().expect("a file has a name");
        fs::write(out.join(name), value.to_string()).expect("OUT_DIR is writable");
    }
}
