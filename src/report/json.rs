//! The JSON report: one document, schema version 1:
//!
//! ```text
//! { "version": 1,
//!   "files": [ { "path": str,
//!                "error": null | { "message": str, "line": int|null, "column": int|null },
//!                "diagnostics": [ { "rule": str, "severity": "error"|"warning"|"info"|"style",
//!                                   "message": str, "line": int, "column": int,
//!                                   "end_line": int, "end_column": int,
//!                                   "fix": null | { "line": int, "replacement": str,
//!                                                  "safe": bool } } ] } ],
//!   "summary": { "files", "failed", "errors", "warnings", "infos", "styles": int } }
//! ```
//! Lines and columns are 1-based, columns count characters, `end_column` is exclusive.
//! New fields may be added; existing ones keep their meaning while `version` stays 1.

use serde::Serialize;

use super::{FileError, FileReport, Summary};
use crate::dockerfile::{Diagnostic, Fix, Severity};

/// The schema version written in every document.
pub(crate) const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    files: Vec<File<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    error: Option<Error<'a>>,
    diagnostics: Vec<Finding<'a>>,
}

#[derive(Serialize)]
struct Error<'a> {
    message: &'a str,
    line: Option<usize>,
    column: Option<usize>,
}

#[derive(Serialize)]
struct Finding<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    fix: Option<&'a Fix>,
}

/// Renders the report as pretty-printed JSON with a trailing newline.
pub(crate) fn render(reports: &[FileReport]) -> String {
    let document = Document {
        version: SCHEMA_VERSION,
        files: reports.iter().map(file).collect(),
        summary: Summary::of(reports),
    };
    let mut text = serde_json::to_string_pretty(&document).expect("plain data always serialises");
    text.push('\n');
    text
}

fn file(report: &FileReport) -> File<'_> {
    File {
        path: &report.path,
        error: report.error().map(error),
        diagnostics: report.diagnostics().iter().map(finding).collect(),
    }
}

fn error(err: &FileError) -> Error<'_> {
    Error {
        message: &err.message,
        line: err.position.map(|(line, _)| line),
        column: err.position.map(|(_, column)| column),
    }
}

fn finding(d: &Diagnostic) -> Finding<'_> {
    Finding {
        rule: d.rule,
        severity: d.severity,
        message: &d.message,
        line: d.location.line,
        column: d.location.column,
        end_line: d.location.end_line,
        end_column: d.location.end_column,
        fix: d.fix.as_ref(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;
    use serde_json::{Value, json};

    #[test]
    fn document_has_the_documented_shape() {
        let value: Value = serde_json::from_str(&render(&fixtures::reports())).unwrap();
        assert_eq!(value["version"], 1);
        let files = value["files"].as_array().unwrap();
        assert_eq!(files.len(), 3);
        assert_eq!(
            files[0]["diagnostics"][0],
            json!({
                "rule": "DL3006", "severity": "warning",
                "message": "Always tag the version of an image explicitly",
                "line": 1, "column": 6, "end_line": 1, "end_column": 12,
                "fix": { "line": 1, "replacement": "FROM alpine:3.20", "safe": false }
            })
        );
        assert_eq!(files[0]["diagnostics"][1]["fix"], Value::Null);
        assert_eq!(files[0]["error"], Value::Null);
        assert_eq!(files[1]["diagnostics"], json!([]));
        assert_eq!(
            files[2]["error"],
            json!({ "message": "not valid UTF-8", "line": 2, "column": 3 })
        );
        assert_eq!(
            value["summary"],
            json!({ "files": 3, "failed": 1, "errors": 1, "warnings": 1, "infos": 0, "styles": 1 })
        );
    }
}
