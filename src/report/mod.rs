//! `check` output formats over the validator's findings: a human report with source snippets,
//! JSON, SARIF 2.1.0, GitHub workflow commands and GitLab's code-quality report. Each format is a pure function of the
//! checked files, so the CLI, the tests and the benches print the same bytes.

pub(crate) mod github;
pub(crate) mod gitlab;
pub(crate) mod human;
pub(crate) mod json;
pub(crate) mod sarif;
mod source_lines;

use crate::dockerfile::{Diagnostic, Severity};

/// One checked input: its display path and either its findings or why it could not be checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileReport {
    /// The path as the user gave it or as the directory search found it (`<stdin>` for `-`).
    pub path: String,
    pub outcome: Outcome,
}

/// What became of one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The file was read and linted; `source` is kept for the snippets.
    Checked {
        source: String,
        diagnostics: Vec<Diagnostic>,
    },
    /// The file could not be read as a Dockerfile (missing, unreadable, not UTF-8, binary).
    Failed(FileError),
}

/// Why a file could not be checked, with the place in it when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileError {
    pub message: String,
    /// 1-based line and column of the offending byte (e.g. the first invalid UTF-8 sequence).
    pub position: Option<(usize, usize)>,
}

impl FileReport {
    /// The findings of a checked file; none for a file that failed.
    pub(crate) fn diagnostics(&self) -> &[Diagnostic] {
        match &self.outcome {
            Outcome::Checked { diagnostics, .. } => diagnostics,
            Outcome::Failed(_) => &[],
        }
    }

    pub(crate) fn error(&self) -> Option<&FileError> {
        match &self.outcome {
            Outcome::Checked { .. } => None,
            Outcome::Failed(err) => Some(err),
        }
    }
}

/// Counts over a whole run, for the human summary line and the JSON `summary` object.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Summary {
    /// Inputs given or found, including those that failed.
    pub files: usize,
    /// Inputs that could not be checked.
    pub failed: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub styles: usize,
}

impl Summary {
    pub(crate) fn of(reports: &[FileReport]) -> Self {
        let mut summary = Summary {
            files: reports.len(),
            ..Summary::default()
        };
        for report in reports {
            if report.error().is_some() {
                summary.failed += 1;
            }
            for diagnostic in report.diagnostics() {
                *summary.count_mut(diagnostic.severity) += 1;
            }
        }
        summary
    }

    fn count_mut(&mut self, severity: Severity) -> &mut usize {
        match severity {
            Severity::Error => &mut self.errors,
            Severity::Warning => &mut self.warnings,
            Severity::Info => &mut self.infos,
            Severity::Style => &mut self.styles,
        }
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! Hand-made reports shared by the format tests, so every format is tested on the same input.
    use super::*;
    use crate::dockerfile::{Fix, Location};

    pub(crate) const SOURCE: &str = "FROM alpine\nRUN cd /app && make\nCMD make run\n";

    pub(crate) fn diagnostic(
        rule: &'static str,
        severity: Severity,
        message: &str,
        (line, column, end_line, end_column): (usize, usize, usize, usize),
        fix: Option<(usize, &str)>,
    ) -> Diagnostic {
        Diagnostic {
            rule,
            severity,
            message: message.to_string(),
            location: Location {
                line,
                column,
                end_line,
                end_column,
            },
            fix: fix.map(|(line, replacement)| Fix {
                line,
                replacement: replacement.to_string(),
                safe: false,
            }),
        }
    }

    pub(crate) fn reports() -> Vec<FileReport> {
        vec![
            FileReport {
                path: "app/Dockerfile".to_string(),
                outcome: Outcome::Checked {
                    source: SOURCE.to_string(),
                    diagnostics: vec![
                        diagnostic(
                            "DL3006",
                            Severity::Warning,
                            "Always tag the version of an image explicitly",
                            (1, 6, 1, 12),
                            Some((1, "FROM alpine:3.20")),
                        ),
                        diagnostic(
                            "DL3003",
                            Severity::Error,
                            "Use WORKDIR to switch to a directory",
                            (2, 5, 2, 12),
                            None,
                        ),
                        diagnostic(
                            "DL3025",
                            Severity::Style,
                            "Use arguments JSON notation for CMD, a, b",
                            (3, 1, 3, 13),
                            Some((3, "CMD [\"make\", \"run\"]")),
                        ),
                    ],
                },
            },
            FileReport {
                path: "clean/Dockerfile".to_string(),
                outcome: Outcome::Checked {
                    source: "FROM scratch\n".to_string(),
                    diagnostics: vec![],
                },
            },
            FileReport {
                path: "bin/Dockerfile".to_string(),
                outcome: Outcome::Failed(FileError {
                    message: "not valid UTF-8".to_string(),
                    position: Some((2, 3)),
                }),
            },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_counts_each_severity_and_failures() {
        let summary = Summary::of(&fixtures::reports());
        assert_eq!(
            summary,
            Summary {
                files: 3,
                failed: 1,
                errors: 1,
                warnings: 1,
                infos: 0,
                styles: 1,
            }
        );
    }
}
