//! SARIF 2.1.0, written with serde_json (the typed crate costs a heavy build for ~one screen of
//! code). One run; `tool.driver.rules` lists the whole registry; files that could not be read
//! become error notifications of the invocation.

use serde_json::{Value, json};

use super::FileReport;
use crate::dockerfile::{Diagnostic, Severity};

/// What the driver's rule list says about one rule (filled from the rule registry).
#[derive(Debug, Clone, Copy)]
pub(crate) struct RuleDescription<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub explanation: &'a str,
    pub severity: Severity,
}

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub(crate) fn render(reports: &[FileReport], rules: &[RuleDescription<'_>]) -> String {
    let results: Vec<Value> = reports
        .iter()
        .flat_map(|report| {
            let uri = Artifact::of(&report.path);
            report
                .diagnostics()
                .iter()
                .map(move |d| result(d, &uri, rules))
        })
        .collect();
    let notifications: Vec<Value> = reports
        .iter()
        .filter_map(|report| {
            let error = report.error()?;
            let mut physical = json!({ "artifactLocation": Artifact::of(&report.path).json() });
            // Without a position the location is the whole file: SARIF rejects an empty region.
            if let Some((line, column)) = error.position {
                physical["region"] = json!({ "startLine": line, "startColumn": column });
            }
            Some(json!({
                "level": "error",
                "message": { "text": error.message },
                "locations": [{ "physicalLocation": physical }],
            }))
        })
        .collect();
    let document = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "dockerlings",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/dockerlings/dockerlings",
                "rules": rules.iter().map(rule).collect::<Vec<_>>(),
            }},
            // Our columns count characters, not SARIF's default UTF-16 code units.
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }],
    });
    let mut text = serde_json::to_string_pretty(&document).expect("JSON values always serialise");
    text.push('\n');
    text
}

fn rule(rule: &RuleDescription<'_>) -> Value {
    json!({
        "id": rule.id,
        "shortDescription": { "text": rule.title },
        "fullDescription": { "text": rule.explanation },
        "help": { "text": rule.explanation },
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": { "severity": rule.severity.name() },
    })
}

fn result(d: &Diagnostic, artifact: &Artifact, rules: &[RuleDescription<'_>]) -> Value {
    let loc = d.location;
    let mut value = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": { "text": d.message },
        "locations": [{ "physicalLocation": {
            "artifactLocation": artifact.json(),
            "region": {
                "startLine": loc.line,
                "startColumn": loc.column,
                "endLine": loc.end_line,
                "endColumn": loc.end_column,
            },
        }}],
    });
    if let Some(index) = rules.iter().position(|r| r.id == d.rule) {
        value["ruleIndex"] = json!(index);
    }
    if let Some(fix) = &d.fix {
        // A region with only a line covers that whole line (without its line ending).
        value["fixes"] = json!([{
            "description": { "text": format!("Replace line {} with: {}", fix.line, fix.replacement) },
            "artifactChanges": [{
                "artifactLocation": artifact.json(),
                "replacements": [{
                    "deletedRegion": { "startLine": fix.line },
                    "insertedContent": { "text": fix.replacement },
                }],
            }],
        }]);
    }
    value
}

/// SARIF has no style or info level: both are notes.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Style => "note",
    }
}

/// A file as a SARIF artifact location: relative paths are relative to the source root.
struct Artifact {
    uri: String,
    relative: bool,
}

impl Artifact {
    fn of(path: &str) -> Self {
        let slashed = path.replace('\\', "/");
        let relative = !slashed.starts_with('/');
        let encoded = percent_encode(slashed.strip_prefix("./").unwrap_or(&slashed));
        Artifact {
            uri: if relative {
                encoded
            } else {
                format!("file://{encoded}")
            },
            relative,
        }
    }

    fn json(&self) -> Value {
        if self.relative {
            json!({ "uri": self.uri, "uriBaseId": "%SRCROOT%" })
        } else {
            json!({ "uri": self.uri })
        }
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters and `/`.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    const RULES: [RuleDescription<'static>; 2] = [
        RuleDescription {
            id: "DL3003",
            title: "Use WORKDIR to switch to a directory",
            explanation: "cd in RUN only lasts for that RUN.",
            severity: Severity::Warning,
        },
        RuleDescription {
            id: "DL3006",
            title: "Always tag the version of an image explicitly",
            explanation: "An untagged base changes under you.",
            severity: Severity::Warning,
        },
    ];

    fn document() -> Value {
        serde_json::from_str(&render(&fixtures::reports(), &RULES)).unwrap()
    }

    #[test]
    fn run_has_driver_rules_and_results() {
        let doc = document();
        assert_eq!(doc["version"], "2.1.0");
        let run = &doc["runs"][0];
        assert_eq!(run["tool"]["driver"]["rules"][1]["id"], "DL3006");
        assert_eq!(
            run["tool"]["driver"]["rules"][1]["defaultConfiguration"]["level"],
            "warning"
        );
        let results = run["results"].as_array().unwrap();
        assert_eq!(results.len(), 3);
        assert_eq!(results[0]["ruleId"], "DL3006");
        assert_eq!(results[0]["ruleIndex"], 1);
        assert_eq!(results[0]["level"], "warning");
        let location = &results[0]["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], "app/Dockerfile");
        assert_eq!(
            location["region"],
            json!({ "startLine": 1, "startColumn": 6, "endLine": 1, "endColumn": 12 })
        );
        assert_eq!(
            results[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"],
            "FROM alpine:3.20"
        );
        // A rule missing from the registry gets no index; style maps to note.
        assert_eq!(results[2]["ruleIndex"], Value::Null);
        assert_eq!(results[2]["level"], "note");
    }

    #[test]
    fn unreadable_file_is_a_failed_invocation() {
        let invocation = &document()["runs"][0]["invocations"][0];
        assert_eq!(invocation["executionSuccessful"], false);
        let note = &invocation["toolExecutionNotifications"][0];
        assert_eq!(note["message"]["text"], "not valid UTF-8");
        assert_eq!(
            note["locations"][0]["physicalLocation"]["region"]["startLine"],
            2
        );
    }

    #[test]
    fn error_without_a_position_has_no_region() {
        let mut reports = fixtures::reports();
        reports.push(FileReport {
            path: "gone/Dockerfile".to_string(),
            outcome: crate::report::Outcome::Failed(crate::report::FileError {
                message: "No such file or directory".to_string(),
                position: None,
            }),
        });
        let doc: Value = serde_json::from_str(&render(&reports, &RULES)).unwrap();
        let notes = &doc["runs"][0]["invocations"][0]["toolExecutionNotifications"];
        let physical = &notes[1]["locations"][0]["physicalLocation"];
        assert_eq!(physical["artifactLocation"]["uri"], "gone/Dockerfile");
        assert_eq!(physical.get("region"), None, "{physical}");
    }

    #[test]
    fn uris_are_encoded_and_absolute_paths_become_file_uris() {
        assert_eq!(
            Artifact::of("./my dir/Dockerfile").uri,
            "my%20dir/Dockerfile"
        );
        assert_eq!(
            Artifact::of("/srv/app/Dockerfile").uri,
            "file:///srv/app/Dockerfile"
        );
        assert!(!Artifact::of("/srv/Dockerfile").relative);
    }
}
