//! BuildKit's check configuration, read as BuildKit reads it: the `# check=…` parser directive
//! (or the `BUILDKIT_DOCKERFILE_CHECK` build argument, which replaces it), and `# check=…`
//! comments directly above one instruction, which apply to the checks BuildKit runs while
//! parsing or dispatching that instruction.
//!
//! A value is `skip=A,B|all`, `error=BOOL` and `experimental=A,B|all`, joined by `;`; like
//! BuildKit, only the text up to the first blank counts, and a malformed value is an error
//! (the build stops) in the directive, ignored in a comment.

use crate::dockerfile::parser::directives::{DirectiveLine, DirectiveScanner, split_directive};

/// A check configuration value BuildKit would reject (its wording).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum CheckOptionError {
    /// A part without `=`, or a key other than skip, experimental and error.
    #[error("invalid check option \"{0}\"")]
    Invalid(String),
    /// `error=` with a value Go's strconv.ParseBool refuses.
    #[error("failed to parse check option \"{0}\": invalid syntax")]
    NotABool(String),
}

/// Where a check's findings can be silenced by a comment above one instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// BuildKit runs it on the whole file with the file's configuration only.
    File,
    /// BuildKit runs it while parsing or dispatching the instruction it reports.
    Instruction,
}

/// The 22 checks of `docker build --check`: (name, experimental, scope).
pub const BUILDKIT_CHECKS: [(&str, bool, Scope); 22] = [
    ("ConsistentInstructionCasing", false, Scope::File),
    ("CopyIgnoredFile", false, Scope::Instruction),
    ("DuplicateStageName", false, Scope::File),
    ("ExposeInvalidFormat", false, Scope::Instruction),
    ("ExposeProtoCasing", false, Scope::Instruction),
    ("FromAsCasing", false, Scope::Instruction),
    ("FromPlatformFlagConstDisallowed", false, Scope::Instruction),
    ("InvalidBaseImagePlatform", false, Scope::File),
    ("InvalidDefaultArgInFrom", false, Scope::File),
    ("InvalidDefinitionDescription", true, Scope::Instruction),
    ("JSONArgsRecommended", false, Scope::Instruction),
    ("LegacyKeyValueFormat", false, Scope::Instruction),
    ("MaintainerDeprecated", false, Scope::Instruction),
    // Reported on the earlier instruction under the later one's comments: its rule reads them.
    ("MultipleInstructionsDisallowed", false, Scope::File),
    ("NoEmptyContinuation", false, Scope::File),
    ("RedundantTargetPlatform", false, Scope::Instruction),
    ("ReservedStageName", false, Scope::File),
    ("SecretsUsedInArgOrEnv", false, Scope::Instruction),
    ("StageNameCasing", false, Scope::Instruction),
    ("UndefinedArgInFrom", false, Scope::Instruction),
    ("UndefinedVar", false, Scope::Instruction),
    ("WorkdirRelativePath", false, Scope::Instruction),
];

/// The BuildKit check named `name` (exact spelling, as BuildKit compares), if it is one.
pub fn buildkit_check(name: &str) -> Option<(&'static str, bool, Scope)> {
    BUILDKIT_CHECKS.iter().copied().find(|(n, _, _)| *n == name)
}

/// What to run and how to fail: BuildKit's linter configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct CheckConfig {
    pub(crate) skip_all: bool,
    pub skip: Vec<String>,
    pub(crate) experimental_all: bool,
    pub experimental: Vec<String>,
    /// `error=true`: any check finding fails the build.
    pub error: bool,
}

impl CheckConfig {
    /// Parses a value the way BuildKit's `ParseLintOptions` does (at most three `;` parts).
    pub(crate) fn parse(value: &str) -> Result<Self, CheckOptionError> {
        let value = value.trim();
        let mut config = CheckConfig::default();
        if value.is_empty() {
            return Ok(config);
        }
        let names =
            |v: &str| -> Vec<String> { v.split(',').map(|n| n.trim().to_string()).collect() };
        for part in value.splitn(3, ';') {
            let Some((key, v)) = part.split_once('=') else {
                return Err(CheckOptionError::Invalid(part.to_string()));
            };
            let v = v.trim();
            match key.trim() {
                "skip" if v == "all" => config.skip_all = true,
                "skip" => config.skip = names(v),
                "experimental" if v == "all" => config.experimental_all = true,
                "experimental" => config.experimental = names(v),
                "error" => {
                    config.error =
                        go_bool(v).ok_or_else(|| CheckOptionError::NotABool(part.to_string()))?
                }
                other => return Err(CheckOptionError::Invalid(other.to_string())),
            }
        }
        Ok(config)
    }

    /// This configuration with `other`'s skips and experiments added (`error` is the file's
    /// alone, as in BuildKit).
    pub(crate) fn merged(&self, other: &CheckConfig) -> CheckConfig {
        let mut out = self.clone();
        out.skip_all |= other.skip_all;
        out.experimental_all |= other.experimental_all;
        out.skip.extend(other.skip.iter().cloned());
        out.experimental.extend(other.experimental.iter().cloned());
        out
    }

    /// Whether BuildKit runs the check `name` under this configuration: an experimental check
    /// only when enabled (whatever `skip` says), any other unless skipped.
    pub(crate) fn runs(&self, name: &str, experimental: bool) -> bool {
        let listed = |list: &[String]| list.iter().any(|n| n == name);
        if experimental {
            self.experimental_all || listed(&self.experimental)
        } else {
            !(self.skip_all || listed(&self.skip))
        }
    }

    /// The configuration a block of comments above an instruction adds: the first comment that
    /// is a valid `check=…` directive (BuildKit ignores the block if that one is malformed).
    pub(crate) fn from_comments(comments: &[String]) -> Option<CheckConfig> {
        for c in comments {
            // The comment has lost its `#`; BuildKit's directive parser reads it without one.
            let line = format!("#{c}");
            let Some((key, value)) = split_directive(&line) else {
                continue;
            };
            if key.eq_ignore_ascii_case("check") {
                return CheckConfig::parse(first_word(value)).ok();
            }
        }
        None
    }
}

/// BuildKit keeps a directive value up to its first blank.
fn first_word(value: &str) -> &str {
    value.split(' ').next().unwrap_or("")
}

/// Go's `strconv.ParseBool`.
fn go_bool(v: &str) -> Option<bool> {
    match v {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// The `# check=` parser directive as BuildKit's frontend finds it: after a BOM and a `#!`
/// line, among the leading `#key=value` lines (each starting at column 1), up to the first
/// line that is not one of the known directives. Returns its 1-based line and its value.
pub(crate) fn file_directive(source: &str) -> Option<(usize, &str)> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut lines = source
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l));
    let mut skip = 0;
    if source.starts_with("#!") {
        lines.next();
        skip = 1;
    }
    let mut scanner = DirectiveScanner::default();
    for (i, line) in lines.enumerate() {
        match scanner.line(line) {
            DirectiveLine::Done | DirectiveLine::Duplicate(_) => return None,
            DirectiveLine::Directive { name, value } if name == "check" => {
                return Some((i + 1 + skip, first_word(value)));
            }
            DirectiveLine::Directive { .. } => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_buildkit() {
        let c = CheckConfig::parse("skip=A, B;error=true").unwrap();
        assert_eq!(c.skip, ["A", "B"]);
        assert!(c.error && !c.skip_all);
        let c = CheckConfig::parse("skip=all;experimental=all;error=0").unwrap();
        assert!(c.skip_all && c.experimental_all && !c.error);
        assert_eq!(CheckConfig::parse("").unwrap(), CheckConfig::default());
        assert_eq!(
            CheckConfig::parse("skip").unwrap_err().to_string(),
            "invalid check option \"skip\""
        );
        assert_eq!(
            CheckConfig::parse("skip=all;").unwrap_err().to_string(),
            "invalid check option \"\""
        );
        assert_eq!(
            CheckConfig::parse("ignore=A").unwrap_err().to_string(),
            "invalid check option \"ignore\""
        );
        assert!(CheckConfig::parse("error=yes").is_err());
    }

    #[test]
    fn experimental_checks_ignore_skip() {
        let c = CheckConfig::parse("skip=all;experimental=X").unwrap();
        assert!(c.runs("X", true));
        assert!(!c.runs("Y", true));
        assert!(!c.runs("Z", false));
        assert!(CheckConfig::default().runs("Z", false));
    }

    #[test]
    fn directive_position() {
        assert_eq!(
            file_directive("# syntax=docker/dockerfile:1\n#check=skip=A\nFROM x\n"),
            Some((2, "skip=A"))
        );
        assert_eq!(
            file_directive("#!/usr/bin/env docker\n# check = skip=A  B\n"),
            Some((2, "skip=A"))
        );
        assert_eq!(
            file_directive("\u{feff}# CHECK=error=true\n"),
            Some((1, "error=true"))
        );
        // Not at the top, indented, after a comment or a blank line: not a directive.
        assert_eq!(file_directive("FROM x\n# check=skip=A\n"), None);
        assert_eq!(file_directive("  # check=skip=A\n"), None);
        assert_eq!(file_directive("# hello\n# check=skip=A\n"), None);
        assert_eq!(file_directive("\n# check=skip=A\n"), None);
    }

    #[test]
    fn comments_above_an_instruction() {
        let c = CheckConfig::from_comments(&["a note".into(), "check=skip=X".into()]).unwrap();
        assert_eq!(c.skip, ["X"]);
        assert_eq!(CheckConfig::from_comments(&["check=bogus".into()]), None);
        assert_eq!(CheckConfig::from_comments(&["skip=X".into()]), None);
    }
}
