//! Precompiles the syntax set and themes into dumps (filled in by the highlighting work).

pub fn precompile() {
    println!("cargo::rerun-if-changed=assets/syntaxes");
    println!("cargo::rerun-if-changed=assets/themes");
}
