//! `check --format sarif` on every file of the shared corpus, plus a file that does not exist,
//! validated against what the SARIF 2.1.0 schema requires of the parts we write (required
//! properties, value ranges, enumerations, rule references). Skipped with a printed reason
//! when ../shared is absent; failed when CI=true.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn corpus_files() -> Option<Vec<PathBuf>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !dir.is_dir() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{} is missing on CI",
            dir.display()
        );
        eprintln!("skipped: {} not found", dir.display());
        return None;
    }
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.to_string_lossy().contains("Dockerfile"))
        .collect();
    v.sort();
    Some(v)
}

const LEVELS: [&str; 4] = ["none", "note", "warning", "error"];

fn text(v: &Value, what: &str) {
    let t = v["text"]
        .as_str()
        .unwrap_or_else(|| panic!("{what}: message.text missing: {v}"));
    assert!(!t.is_empty(), "{what}: empty message");
}

/// A location as the schema wants it: an artifact location with a uri; a region, when
/// present, with a startLine ≥ 1, columns ≥ 1 and an end not before its start.
fn location(loc: &Value, what: &str) {
    let physical = &loc["physicalLocation"];
    assert!(physical.is_object(), "{what}: no physicalLocation: {loc}");
    assert!(
        physical["artifactLocation"]["uri"].is_string(),
        "{what}: artifactLocation.uri: {loc}"
    );
    if let Some(region) = physical.get("region") {
        region_ok(region, what);
    }
}

fn region_ok(region: &Value, what: &str) {
    let num = |k: &str| {
        region.get(k).map(|v| {
            v.as_u64()
                .unwrap_or_else(|| panic!("{what}: {k} not an integer: {region}"))
        })
    };
    let start =
        num("startLine").unwrap_or_else(|| panic!("{what}: region without startLine: {region}"));
    assert!(start >= 1, "{what}: startLine {start}");
    for k in ["startColumn", "endColumn", "endLine"] {
        if let Some(n) = num(k) {
            assert!(n >= 1, "{what}: {k} {n}");
        }
    }
    if let Some(end) = num("endLine") {
        assert!(end >= start, "{what}: endLine before startLine: {region}");
        if end == start
            && let (Some(c0), Some(c1)) = (num("startColumn"), num("endColumn"))
        {
            assert!(c1 >= c0, "{what}: endColumn before startColumn: {region}");
        }
    }
}

fn validate(doc: &Value) -> usize {
    assert_eq!(doc["version"], "2.1.0");
    assert!(
        doc["$schema"]
            .as_str()
            .is_some_and(|s| s.starts_with("https://"))
    );
    let runs = doc["runs"].as_array().expect("runs");
    assert!(!runs.is_empty());
    let mut results_seen = 0;
    for run in runs {
        let driver = &run["tool"]["driver"];
        assert!(driver["name"].as_str().is_some_and(|n| !n.is_empty()));
        let rules = driver["rules"].as_array().expect("driver.rules");
        let mut ids = HashSet::new();
        for r in rules {
            let id = r["id"].as_str().expect("rule id");
            assert!(ids.insert(id), "duplicate rule {id}");
            text(&r["shortDescription"], id);
            let level = r["defaultConfiguration"]["level"].as_str().unwrap();
            assert!(LEVELS.contains(&level), "{id}: level {level}");
        }
        if let Some(kind) = run.get("columnKind") {
            assert!(["utf16CodeUnits", "unicodeCodePoints"].contains(&kind.as_str().unwrap()));
        }
        for inv in run["invocations"].as_array().expect("invocations") {
            assert!(inv["executionSuccessful"].is_boolean());
            for n in inv["toolExecutionNotifications"].as_array().unwrap() {
                text(&n["message"], "notification");
                assert!(LEVELS.contains(&n["level"].as_str().unwrap()));
                for l in n["locations"].as_array().unwrap() {
                    location(l, "notification");
                }
            }
        }
        for res in run["results"].as_array().expect("results") {
            results_seen += 1;
            let id = res["ruleId"].as_str().expect("ruleId");
            assert!(ids.contains(id), "result for unlisted rule {id}");
            if let Some(i) = res.get("ruleIndex") {
                let i = i.as_u64().unwrap() as usize;
                assert_eq!(rules[i]["id"], id, "ruleIndex points elsewhere");
            }
            assert!(LEVELS.contains(&res["level"].as_str().unwrap()), "{res}");
            text(&res["message"], id);
            let locs = res["locations"].as_array().expect("locations");
            assert!(!locs.is_empty());
            for l in locs {
                location(l, id);
            }
            for fix in res
                .get("fixes")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                text(&fix["description"], id);
                let changes = fix["artifactChanges"].as_array().unwrap();
                assert!(!changes.is_empty());
                for c in changes {
                    assert!(c["artifactLocation"]["uri"].is_string());
                    for rep in c["replacements"].as_array().unwrap() {
                        region_ok(&rep["deletedRegion"], id);
                    }
                }
            }
        }
    }
    results_seen
}

#[test]
fn corpus_sarif_meets_the_schema() {
    let Some(files) = corpus_files() else { return };
    let missing = Path::new(env!("CARGO_MANIFEST_DIR")).join("no/such/Dockerfile");
    let out = Command::new(env!("CARGO_BIN_EXE_dockerlings"))
        .args(["check", "--format", "sarif", "--color", "never"])
        .args(&files)
        .arg(&missing)
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    let results = validate(&doc);
    assert!(results > files.len(), "{results} results");
    // The missing file is a notification located at the file, without an empty region.
    let notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    let gone = notes
        .iter()
        .find(|n| {
            n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .is_some_and(|u| u.ends_with("no/such/Dockerfile"))
        })
        .expect("a notification for the missing file");
    assert_eq!(gone["locations"][0]["physicalLocation"].get("region"), None);
}
