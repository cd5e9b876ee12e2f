//! `.dockerlings.yaml`: per-project settings for `dockerlings check`, found by walking up from
//! each checked file to the filesystem root (the nearest file wins; files are not merged).
//! The display `theme` is one per run, so it is read from the file found upward from the
//! current directory ([`theme_here`]); `--theme` wins over it.
//!
//! ```yaml
//! ignore: [DL3008, DK104]   # rule IDs or aliases never reported
//! fail-level: warning       # info | style | warning | error | none
//! severity:                 # per-rule severity overrides
//!   DL3006: error
//! theme: dark               # ansi | dark | light | high-contrast
//! ```

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use crate::dockerfile::Severity;
use crate::highlight::CodeTheme;
use crate::safe_fs::{Kind, read_text};

/// Names looked for in each directory, in this order.
pub(crate) const FILE_NAMES: [&str; 2] = [".dockerlings.yaml", ".dockerlings.yml"];

/// The lowest severity that makes `check` exit 1, or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailLevel {
    At(Severity),
    Never,
}

impl FailLevel {
    /// `info`, `style`, `warning`, `error` or `none` (case-insensitive).
    pub(crate) fn from_name(name: &str) -> Option<Self> {
        if name.eq_ignore_ascii_case("none") {
            Some(FailLevel::Never)
        } else {
            Severity::from_name(name).map(FailLevel::At)
        }
    }

    /// Whether a finding of `severity` reaches this level.
    pub(crate) fn is_reached_by(self, severity: Severity) -> bool {
        match self {
            FailLevel::At(level) => severity >= level,
            FailLevel::Never => false,
        }
    }
}

/// A parsed configuration. Rule IDs are kept as written; the caller resolves aliases.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub ignore: Vec<String>,
    pub fail_level: Option<FailLevel>,
    pub severity: BTreeMap<String, Severity>,
    pub theme: Option<CodeTheme>,
}

/// A configuration file that could not be read or understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {message}", path.display(), position.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default())]
pub struct ConfigError {
    pub path: PathBuf,
    pub position: Option<(usize, usize)>,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    ignore: Vec<String>,
    fail_level: Option<String>,
    #[serde(default)]
    severity: BTreeMap<String, String>,
    theme: Option<String>,
}

/// Parses the text of a configuration file; `path` only names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
    let error = |position, message: String| ConfigError {
        path: path.to_path_buf(),
        position,
        message,
    };
    if text.trim().is_empty() {
        return Ok(Config::default());
    }
    let raw: RawConfig =
        crate::yaml::parse(text).map_err(|err| error(Some((err.line, err.column)), err.message))?;
    let fail_level = match raw.fail_level {
        None => None,
        Some(name) => Some(FailLevel::from_name(&name).ok_or_else(|| {
            error(
                None,
                format!("fail-level `{name}` is not one of info, style, warning, error, none"),
            )
        })?),
    };
    let severity = raw
        .severity
        .into_iter()
        .map(|(rule, name)| match Severity::from_name(&name) {
            Some(severity) => Ok((rule, severity)),
            None => Err(error(
                None,
                format!("severity `{name}` for {rule} is not one of info, style, warning, error"),
            )),
        })
        .collect::<Result<_, _>>()?;
    let theme = match raw.theme {
        None => None,
        Some(name) => Some(
            name.parse::<CodeTheme>()
                .map_err(|err| error(None, err.to_string()))?,
        ),
    };
    Ok(Config {
        ignore: raw.ignore,
        fail_level,
        severity,
        theme,
    })
}

/// The `theme` of the configuration file found upward from the current directory, if any.
pub fn theme_here() -> Result<Option<CodeTheme>, ConfigError> {
    let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    Ok(Finder::default()
        .for_dir(&here)?
        .and_then(|loaded| loaded.config.theme))
}

/// The configuration file that applies to files in `dir`: the nearest one in `dir` or above.
pub fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .flat_map(|d| FILE_NAMES.iter().map(move |name| d.join(name)))
        .find(|candidate| candidate.is_file())
}

/// A configuration together with the file it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub path: PathBuf,
    pub config: Config,
}

/// Finds and loads configurations for many files, reading each configuration file once.
#[derive(Default)]
pub(crate) struct Finder {
    by_dir: HashMap<PathBuf, Option<Arc<Loaded>>>,
    by_file: HashMap<PathBuf, Arc<Loaded>>,
}

impl Finder {
    /// The configuration for a checked file (or, for stdin, for a file in `dir`).
    pub(crate) fn for_dir(&mut self, dir: &Path) -> Result<Option<Arc<Loaded>>, ConfigError> {
        let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        if let Some(found) = self.by_dir.get(&dir) {
            return Ok(found.clone());
        }
        let loaded = match find(&dir) {
            None => None,
            Some(path) => Some(self.load(path)?),
        };
        self.by_dir.insert(dir, loaded.clone());
        Ok(loaded)
    }

    fn load(&mut self, path: PathBuf) -> Result<Arc<Loaded>, ConfigError> {
        if let Some(loaded) = self.by_file.get(&path) {
            return Ok(loaded.clone());
        }
        let text = read_text(&path, Kind::Config).map_err(|err| ConfigError {
            path: path.clone(),
            position: None,
            message: err.to_string(),
        })?;
        let config = parse(&text, &path)?;
        let loaded = Arc::new(Loaded {
            path: path.clone(),
            config,
        });
        self.by_file.insert(path, loaded.clone());
        Ok(loaded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> Config {
        parse(text, Path::new(".dockerlings.yaml")).unwrap()
    }

    #[test]
    fn parses_every_key() {
        let config = parse_ok(
            "ignore: [DL3008, apt-pin]\nfail-level: WARNING\nseverity:\n  DL3006: error\ntheme: dark\n",
        );
        assert_eq!(config.ignore, ["DL3008", "apt-pin"]);
        assert_eq!(config.fail_level, Some(FailLevel::At(Severity::Warning)));
        assert_eq!(config.severity["DL3006"], Severity::Error);
        assert_eq!(config.theme, Some(CodeTheme::Dark));
    }

    #[test]
    fn empty_file_is_the_default() {
        assert_eq!(parse_ok(""), Config::default());
        assert_eq!(parse_ok("# nothing yet\n"), Config::default());
        assert_eq!(
            parse_ok("fail-level: none").fail_level,
            Some(FailLevel::Never)
        );
    }

    #[test]
    fn unknown_key_is_an_error_with_its_position() {
        let err = parse(
            "ignore: []\nfail_level: error\n",
            Path::new("x/.dockerlings.yaml"),
        )
        .unwrap_err();
        assert_eq!(err.position, Some((2, 1)), "{err}");
        assert!(
            err.to_string()
                .starts_with("x/.dockerlings.yaml:2:1: unknown field `fail_level`"),
            "{err}"
        );
    }

    #[test]
    fn theme_is_read_and_checked() {
        assert_eq!(
            parse_ok("theme: high-contrast\n").theme,
            Some(CodeTheme::HighContrast)
        );
        assert_eq!(parse_ok("ignore: []\n").theme, None);
        let err = parse("theme: neon\n", Path::new("c")).unwrap_err();
        assert!(err.message.contains("`neon`"), "{err}");
    }

    #[test]
    fn bad_levels_are_errors() {
        let err = parse("fail-level: loud\n", Path::new("c")).unwrap_err();
        assert!(err.message.contains("`loud`"), "{err}");
        let err = parse("severity: {DL3006: fatal}\n", Path::new("c")).unwrap_err();
        assert!(err.message.contains("`fatal` for DL3006"), "{err}");
    }

    #[test]
    fn fail_level_orders_severities() {
        let warning = FailLevel::At(Severity::Warning);
        assert!(warning.is_reached_by(Severity::Error));
        assert!(warning.is_reached_by(Severity::Warning));
        assert!(!warning.is_reached_by(Severity::Style));
        assert!(!FailLevel::Never.is_reached_by(Severity::Error));
    }

    #[test]
    fn nearest_file_upward_wins() {
        let root = tempfile::tempdir().unwrap();
        let inner = root.path().join("a/b");
        std::fs::create_dir_all(&inner).unwrap();
        std::fs::write(root.path().join(".dockerlings.yaml"), "ignore: [X1]\n").unwrap();
        std::fs::write(root.path().join("a/.dockerlings.yml"), "ignore: [X2]\n").unwrap();
        let mut finder = Finder::default();
        let found = finder.for_dir(&inner).unwrap().unwrap();
        assert_eq!(found.config.ignore, ["X2"]);
        let found = finder.for_dir(root.path()).unwrap().unwrap();
        assert_eq!(found.config.ignore, ["X1"]);
    }
}
