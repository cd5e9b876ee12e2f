//! GitLab's code-quality report (a subset of Code Climate's JSON): an array of issues, each
//! with a description, a check name, a fingerprint, a severity and a path and line. GitLab
//! compares fingerprints between the merge request and its target to show new and fixed
//! issues, so a fingerprint leaves the line out (moving an instruction changes nothing): it is
//! the path, the rule, the message and which occurrence of that triple this is.

use std::collections::HashMap;

use serde::Serialize;

use super::FileReport;
use crate::dockerfile::Severity;

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

pub(crate) fn render(reports: &[FileReport]) -> String {
    let mut issues = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut fingerprint = |path: &str, rule: &str, message: &str| {
        let key = format!("{path}:{rule}:{message}");
        let n = seen.entry(key.clone()).or_default();
        *n += 1;
        format!("{key}:{n}")
    };
    for report in reports {
        let path = report.path.as_str();
        if let Some(error) = report.error() {
            issues.push(Issue {
                description: &error.message,
                check_name: "dockerlings",
                fingerprint: fingerprint(path, "dockerlings", &error.message),
                severity: "critical",
                location: Location {
                    path,
                    lines: Lines {
                        begin: error.position.map_or(1, |(line, _)| line),
                    },
                },
            });
        }
        for d in report.diagnostics() {
            issues.push(Issue {
                description: &d.message,
                check_name: d.rule,
                fingerprint: fingerprint(path, d.rule, &d.message),
                severity: severity(d.severity),
                location: Location {
                    path,
                    lines: Lines {
                        begin: d.location.line,
                    },
                },
            });
        }
    }
    let mut text = serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}

/// Code Climate's levels: info, minor, major, critical, blocker.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "critical",
        Severity::Warning => "major",
        Severity::Style => "minor",
        Severity::Info => "info",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;
    use serde_json::Value;

    #[test]
    fn one_issue_per_finding_and_per_unreadable_file() {
        let doc: Value = serde_json::from_str(&render(&fixtures::reports())).unwrap();
        let issues = doc.as_array().unwrap();
        let brief: Vec<(&str, &str, &str, u64)> = issues
            .iter()
            .map(|i| {
                (
                    i["check_name"].as_str().unwrap(),
                    i["severity"].as_str().unwrap(),
                    i["location"]["path"].as_str().unwrap(),
                    i["location"]["lines"]["begin"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            brief,
            [
                ("DL3006", "major", "app/Dockerfile", 1),
                ("DL3003", "critical", "app/Dockerfile", 2),
                ("DL3025", "minor", "app/Dockerfile", 3),
                ("dockerlings", "critical", "bin/Dockerfile", 2),
            ]
        );
        for i in issues {
            assert!(!i["description"].as_str().unwrap().is_empty());
        }
    }

    #[test]
    fn fingerprints_are_unique_and_ignore_the_line() {
        let d = |line| {
            fixtures::diagnostic(
                "DL3059",
                Severity::Info,
                "Consecutive",
                (line, 1, line, 4),
                None,
            )
        };
        let report = |lines: &[usize]| FileReport {
            path: "Dockerfile".into(),
            outcome: super::super::Outcome::Checked {
                source: String::new(),
                diagnostics: lines.iter().map(|&l| d(l)).collect(),
            },
        };
        let prints = |lines: &[usize]| -> Vec<String> {
            let doc: Value = serde_json::from_str(&render(&[report(lines)])).unwrap();
            doc.as_array()
                .unwrap()
                .iter()
                .map(|i| i["fingerprint"].as_str().unwrap().to_string())
                .collect()
        };
        let before = prints(&[3, 5]);
        assert_ne!(before[0], before[1]);
        assert_eq!(
            prints(&[4, 9]),
            before,
            "moved lines keep their fingerprints"
        );
        assert_eq!(render(&[]), "[]\n");
    }
}
