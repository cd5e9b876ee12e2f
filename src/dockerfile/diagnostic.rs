//! What the validator reports: a finding of one rule at one place, with an optional fix.
//! Shared by the rules (which make them), `check`'s output formats and the quiz engine.

use serde::Serialize;

/// How bad a finding is. Ordered: `Info < Style < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Style,
    Warning,
    Error,
}

impl Severity {
    pub const ALL: [Severity; 4] = [Self::Info, Self::Style, Self::Warning, Self::Error];

    pub fn name(self) -> &'static str {
        match self {
            Self::Info => "info",
            Self::Style => "style",
            Self::Warning => "warning",
            Self::Error => "error",
        }
    }

    pub(crate) fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name))
    }
}

/// A 1-based line/column range in the checked file (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// A replacement that is certainly right: the whole of `line` becomes `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub line: usize,
    pub replacement: String,
    /// Changes how the file reads, never what it builds (keyword casing, quoting): `check
    /// --fix` applies it without asking.
    pub safe: bool,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule's stable ID, e.g. `DL3006` or `DK101`.
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub location: Location,
    pub fix: Option<Fix>,
}
