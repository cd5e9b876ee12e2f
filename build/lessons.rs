//! Embeds `lessons/` into the binary (filled in by the course loader).

pub fn embed() {
    println!("cargo::rerun-if-changed=lessons");
}
