//! The shared corpus holds real Dockerfiles that BuildKit builds: the build-model rules
//! (DK2xx) must raise no error on any of them (an error there is a false alarm). Prints how
//! many warnings each DK2xx rule raises, for the by-hand review. Skipped with a printed reason
//! when ../shared is absent, failed when CI=true.

mod needs;

use std::collections::BTreeMap;

use dockerlings::dockerfile::Severity;
use dockerlings::dockerfile::lint::{LintOptions, lint};

#[test]
fn no_build_model_error_on_the_corpus() {
    let Some(dir) = needs::shared("corpus") else {
        return;
    };
    let mut errors = Vec::new();
    let mut warnings: BTreeMap<&str, usize> = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if !path.is_file() {
            continue;
        }
        for d in lint(&text, &LintOptions::default()).diagnostics {
            if !d.rule.starts_with("DK2") {
                continue;
            }
            match d.severity {
                Severity::Error => errors.push(format!(
                    "{}:{} {} {}",
                    path.file_name().unwrap().to_string_lossy(),
                    d.location.line,
                    d.rule,
                    d.message
                )),
                Severity::Warning => *warnings.entry(d.rule).or_default() += 1,
                _ => {}
            }
        }
    }
    eprintln!("DK2xx warnings on the corpus: {warnings:?}");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
