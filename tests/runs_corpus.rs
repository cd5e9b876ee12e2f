//! The shared corpus holds real Dockerfiles: no error-level finding of any rule may fall on a
//! file that `docker build` builds (an error there is a false alarm), and the build-model rules
//! (DK2xx, the would-run rules among them) raise no error at all. Prints how many warnings each
//! DK2xx rule raises, for the by-hand review in docs/corpus-findings.md. Skipped with a printed
//! reason when ../shared is absent, failed when CI=true.

mod needs;

use std::collections::BTreeMap;

use dockerlings::dockerfile::Severity;
use dockerlings::dockerfile::lint::{LintOptions, lint};

/// Corpus files `docker build` rejects, and why: only these may draw an error.
const REJECTED: [(&str, &str); 1] = [(
    "containers__buildah__tests__bud__from-multiple-files__Dockerfile2.nofrom.Dockerfile",
    "a fragment with no FROM (buildah's test joins it to another file): `no stages to build`",
)];

#[test]
fn no_error_on_a_corpus_file_that_builds() {
    let Some(dir) = needs::shared("corpus") else {
        return;
    };
    let mut errors = Vec::new();
    let mut rejected_with_errors = Vec::new();
    let mut warnings: BTreeMap<&str, usize> = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_file() || !path.to_string_lossy().ends_with("Dockerfile") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let rejected = REJECTED.iter().any(|(file, _)| *file == name);
        for d in lint(&text, &LintOptions::default()).diagnostics {
            match d.severity {
                Severity::Error if rejected && !d.rule.starts_with("DK2") => {
                    rejected_with_errors.push(name.clone());
                }
                Severity::Error => errors.push(format!(
                    "{name}:{} {} {}",
                    d.location.line, d.rule, d.message
                )),
                Severity::Warning if d.rule.starts_with("DK2") => {
                    *warnings.entry(d.rule).or_default() += 1;
                }
                _ => {}
            }
        }
    }
    eprintln!("DK2xx warnings on the corpus: {warnings:?}");
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    // The list stays true: each file on it still draws the error that says why it fails.
    for (file, why) in REJECTED {
        assert!(
            rejected_with_errors.iter().any(|n| n == file),
            "{file} ({why}) no longer draws an error"
        );
    }
}
