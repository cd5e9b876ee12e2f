//! Embeds `lessons/*.md` into the binary: writes `$OUT_DIR/bundled_lessons.rs`, a slice of
//! `(file name, include_str!(path))` sorted by name, which src/course/loader.rs includes.

use std::path::Path;

pub(crate) fn embed() {
    embed_files(".md", "bundled_lessons.rs");
}

/// Embeds the quizzes beside the lessons, `lessons/*.quiz.yaml`, the same way, into
/// `$OUT_DIR/bundled_quizzes.rs` (read by src/quiz/pack.rs).
pub(crate) fn embed_quizzes() {
    embed_files(".quiz.yaml", "bundled_quizzes.rs");
}

fn embed_files(suffix: &str, out_name: &str) {
    println!("cargo::rerun-if-changed=lessons");
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&root).join("lessons");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .filter(|name| name.ends_with(suffix) && !name.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from("&[\n");
    for name in &names {
        let path = dir.join(name);
        out.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("]\n");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join(out_name), out).expect("write the bundled file list");
}
