//! What a file's findings go through before they are printed: rules ignored on the command
//! line or in its `.dockerlings.yaml`, per-rule severity overrides, and the fail level.
//! Rule names are resolved through the registry, so an alias works wherever an ID does.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::config::{FailLevel, Loaded};
use crate::dockerfile::lint::LintOptions;
use crate::dockerfile::{Diagnostic, Severity};
use crate::report::sarif::RuleDescription;

/// The command line's part of every file's policy.
pub(crate) struct CliPolicy {
    ignore: Vec<String>,
    fail_level: Option<FailLevel>,
}

impl CliPolicy {
    /// Resolves `--ignore` names; an unknown one is a usage error with a suggestion.
    pub(super) fn new(
        ignore: &[String],
        fail_level: Option<FailLevel>,
    ) -> Result<Self, UnknownIgnore> {
        let ignore = ignore
            .iter()
            .map(|name| canonical(name).ok_or_else(|| UnknownIgnore(name.clone())))
            .collect::<Result<_, _>>()?;
        Ok(CliPolicy { ignore, fail_level })
    }
}

/// `--ignore` names no rule; the message suggests the nearest names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("--ignore {}", super::super::explain::unknown_rule(.0))]
pub(crate) struct UnknownIgnore(pub String);

/// The effective policy for one file.
#[derive(Debug)]
pub(crate) struct Policy {
    /// Passed to the validator, which then skips these rules altogether.
    ignore: Vec<String>,
    severity: HashMap<String, Severity>,
    pub fail_level: FailLevel,
}

impl Policy {
    fn new(cli: &CliPolicy, loaded: Option<&Loaded>) -> Self {
        let mut ignore = cli.ignore.clone();
        let mut severity = HashMap::new();
        let mut fail_level = super::DEFAULT_FAIL_LEVEL;
        if let Some(Loaded { path, config }) = loaded {
            ignore.extend(
                config
                    .ignore
                    .iter()
                    .map(|name| resolve_from_config(name, path)),
            );
            for (name, &level) in &config.severity {
                severity.insert(resolve_from_config(name, path), level);
            }
            fail_level = config.fail_level.unwrap_or(fail_level);
        }
        Policy {
            ignore,
            severity,
            fail_level: cli.fail_level.unwrap_or(fail_level),
        }
    }

    /// The validator's options for a file under this policy: the run's `base` (target,
    /// build argument) with this policy's ignores.
    pub(crate) fn lint_options(&self, base: &LintOptions) -> LintOptions {
        let mut options = base.clone();
        options.ignore.extend(self.ignore.iter().cloned());
        options
    }

    /// Applies severity overrides and orders the findings by position.
    pub(super) fn apply(&self, mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        for d in &mut diagnostics {
            if let Some(&severity) = self.severity.get(d.rule) {
                d.severity = severity;
            }
        }
        diagnostics.sort_by_key(|d| d.location);
        diagnostics
    }
}

/// A config may name rules this version does not know (it may be shared with newer versions):
/// warn and keep the name as written.
fn resolve_from_config(name: &str, path: &std::path::Path) -> String {
    match canonical(name) {
        Some(id) => id,
        None => {
            eprintln!(
                "dockerlings check: warning: {}: {}",
                crate::escape::line(&path.display().to_string()),
                crate::escape::line(&super::super::explain::unknown_rule(name))
            );
            name.to_string()
        }
    }
}

/// One policy per configuration file (and one for files without any), built once.
#[derive(Default)]
pub(crate) struct Cache {
    by_config: HashMap<Option<PathBuf>, Arc<Policy>>,
}

impl Cache {
    pub(super) fn get(&mut self, cli: &CliPolicy, loaded: Option<Arc<Loaded>>) -> Arc<Policy> {
        let key = loaded.as_ref().map(|l| l.path.clone());
        self.by_config
            .entry(key)
            .or_insert_with(|| Arc::new(Policy::new(cli, loaded.as_deref())))
            .clone()
    }
}

/// The registry's ID for a rule ID or alias (case-insensitive).
fn canonical(name: &str) -> Option<String> {
    crate::dockerfile::rules::find(name).map(|rule| rule.id.to_string())
}

/// The registry as SARIF's driver rules.
pub(crate) fn rule_descriptions() -> Vec<RuleDescription<'static>> {
    crate::dockerfile::rules::all()
        .iter()
        .map(|rule| RuleDescription {
            id: rule.id,
            title: rule.title,
            explanation: rule.explanation,
            severity: rule.severity,
        })
        .collect()
}
