//! Converts `assets/images.yaml` to JSON in `$OUT_DIR/images.json`, which
//! src/dockerfile/images.rs embeds: reading JSON at start-up costs a fraction of reading the
//! YAML, and every `check` of one file reads the table. The YAML is still the file people
//! edit, and it is read through the crate's one YAML module (included here by path).

use std::path::Path;

// The build only needs `parse`; the `pub` items are the library's API, not this script's.
#[allow(dead_code, unreachable_pub)]
#[path = "../src/yaml.rs"]
mod yaml;

pub(crate) fn convert() {
    println!("cargo::rerun-if-changed=assets/images.yaml");
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let source = Path::new(&root).join("assets/images.yaml");
    let text = std::fs::read_to_string(&source).expect("assets/images.yaml is readable");
    let value: serde_json::Value =
        yaml::parse(&text).unwrap_or_else(|err| panic!("assets/images.yaml: {err}"));
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let json = serde_json::to_string(&value).expect("a YAML value is JSON");
    std::fs::write(Path::new(&out).join("images.json"), json).expect("OUT_DIR is writable");
}
