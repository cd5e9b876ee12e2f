//! The meta-arg scope: the ARGs before the first FROM, evaluated as BuildKit's dockerfile2llb
//! does (`buildMetaArgs`): each default expanded with the ARGs declared before it, a later
//! declaration with a value replacing an earlier one, and what only the build knows (the
//! platform args, `--build-arg` values) left unknown.

use std::cell::{Cell, RefCell};

use serde::Serialize;

use super::PREDEFINED_ARGS;
use super::expand::{self, ExpandError};
use super::stage::unquote;
use crate::dockerfile::ast::{Args, Instruction};

/// An `ARG` before the first `FROM`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct GlobalArg {
    pub name: String,
    /// Default as written, quotes removed; `None` for `ARG NAME`.
    pub default: Option<String>,
    /// What BuildKit gives it when no `--build-arg` does: the default with the global ARGs
    /// declared before it expanded (one declared later expands to nothing, as in BuildKit's
    /// meta-arg scope). `None` without a default, or when the default depends on a value only
    /// the build knows (`$TARGETARCH`, an ARG without a default) or cannot be evaluated here.
    pub value: Option<String>,
    /// Its value in a build given no `--build-arg` at all, as BuildKit's InvalidDefaultArgInFrom
    /// check evaluates it: ARGs without a default are empty. `None` when it depends on the
    /// build platform (`$TARGETOS`…), which BuildKit knows and the model does not.
    #[serde(skip)]
    pub bare_value: Option<String>,
    /// The ARGs without a default that `bare_value` read as empty.
    #[serde(skip)]
    pub(crate) bare_unset: Vec<String>,
    /// Index of the ARG instruction.
    pub instruction: usize,
}

/// The ARGs of the instructions before the first FROM, in order, each with its value.
pub(super) fn global_args(preamble: &[Instruction], escape: char) -> Vec<GlobalArg> {
    let mut out: Vec<GlobalArg> = Vec::new();
    for (i, ins) in preamble.iter().enumerate() {
        if let Args::Arg(decls) = &ins.args {
            for d in decls {
                let value = d
                    .default
                    .as_ref()
                    .and_then(|w| default_value(&w.text, &out, escape));
                let bare = d
                    .default
                    .as_ref()
                    .map(|w| expand_bare(&w.text, &out, escape));
                let (bare_value, bare_unset) = match bare {
                    Some(Some((v, unset))) => (Some(v), unset),
                    Some(None) => (None, Vec::new()),
                    None => (Some(String::new()), vec![d.name.text.clone()]),
                };
                out.push(GlobalArg {
                    name: d.name.text.clone(),
                    default: d.default.as_ref().map(|w| unquote(&w.text)),
                    value,
                    bare_value,
                    bare_unset,
                    instruction: i,
                });
            }
        }
    }
    out
}

/// What a global ARG's value is where `name` is read, given the declarations before it.
enum Meta<'a> {
    Known(&'a str),
    /// Only the build knows it: a predefined platform arg, an ARG without a default.
    Unknown,
    /// Not declared: BuildKit expands it to nothing.
    Undeclared,
}

/// `ARG X` without a value leaves an earlier `ARG X=v` in force (BuildKit only replaces a
/// meta arg when the new declaration has a value), so the last declaration with one wins.
fn meta_value<'a>(globals: &'a [GlobalArg], name: &str) -> Meta<'a> {
    match globals
        .iter()
        .rev()
        .find(|a| a.name == name && a.default.is_some())
    {
        Some(a) => a.value.as_deref().map_or(Meta::Unknown, Meta::Known),
        None if globals.iter().any(|a| a.name == name) || PREDEFINED_ARGS.contains(&name) => {
            Meta::Unknown
        }
        None => Meta::Undeclared,
    }
}

/// A global ARG's default as BuildKit evaluates it in the meta-arg scope.
fn default_value(text: &str, earlier: &[GlobalArg], escape: char) -> Option<String> {
    let unknown = Cell::new(false);
    let lookup = |name: &str| match meta_value(earlier, name) {
        Meta::Known(v) => Some(v.to_string()),
        Meta::Unknown => {
            unknown.set(true);
            None
        }
        Meta::Undeclared => None,
    };
    let expanded = expand::expand(text, escape, &lookup).ok()?;
    (!unknown.get()).then_some(expanded.value)
}

/// `text` (a FROM word or an ARG default) in a build given no `--build-arg`: ARGs without a
/// default read as empty (and are returned, with those read through other ARGs' defaults).
/// `None` when the result depends on the build platform or cannot be evaluated here.
pub(crate) fn expand_bare(
    text: &str,
    globals: &[GlobalArg],
    escape: char,
) -> Option<(String, Vec<String>)> {
    let platform = Cell::new(false);
    let unset = RefCell::new(Vec::<String>::new());
    let lookup = |name: &str| {
        let declared = globals.iter().any(|a| a.name == name);
        match globals
            .iter()
            .rev()
            .find(|a| a.name == name && a.default.is_some())
        {
            Some(a) => match &a.bare_value {
                Some(v) => {
                    unset.borrow_mut().extend(a.bare_unset.iter().cloned());
                    Some(v.clone())
                }
                None => {
                    platform.set(true);
                    None
                }
            },
            // `ARG TARGETOS` without a value keeps the platform's value.
            None if PREDEFINED_ARGS.contains(&name) => {
                platform.set(true);
                None
            }
            None if declared => {
                unset.borrow_mut().push(name.to_string());
                None
            }
            None => None,
        }
    };
    let expanded = expand::expand(text, escape, &lookup).ok()?;
    if platform.get() {
        return None;
    }
    let mut unset = unset.into_inner();
    unset.dedup();
    Some((expanded.value, unset))
}

/// Expands a FROM word with the global ARG defaults, as BuildKit does before resolving it.
pub(crate) fn expand_from_word(
    text: &str,
    globals: &[GlobalArg],
    escape: char,
) -> Result<expand::Expanded, ExpandError> {
    let lookup = |name: &str| match meta_value(globals, name) {
        Meta::Known(v) => Some(v.to_string()),
        Meta::Unknown | Meta::Undeclared => None,
    };
    expand::expand(text, escape, &lookup)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dockerfile::parse;

    fn globals(text: &str) -> Vec<GlobalArg> {
        let df = parse(text).dockerfile;
        global_args(&df.instructions, df.escape)
    }

    #[test]
    fn values_follow_the_meta_arg_scope() {
        let g = globals("ARG A=1\nARG B=${A}.2 C=${D}x\nARG D=4\nARG A\n");
        let value = |i: usize| g[i].value.as_deref();
        assert_eq!(
            (value(1), value(2), value(3)),
            (Some("1.2"), Some("x"), Some("4"))
        );
        assert!(
            matches!(meta_value(&g, "A"), Meta::Known("1")),
            "ARG A alone keeps 1"
        );
        assert!(matches!(meta_value(&g, "TARGETOS"), Meta::Unknown));
        assert!(matches!(meta_value(&g, "NOPE"), Meta::Undeclared));
    }

    #[test]
    fn bare_values_read_args_without_default_as_empty() {
        let g = globals("ARG TAG\nARG IMAGE=alpine:${TAG}\nARG P=${TARGETOS}\n");
        assert_eq!(g[1].value, None, "depends on a build arg");
        assert_eq!(g[1].bare_value.as_deref(), Some("alpine:"));
        assert_eq!(g[1].bare_unset, ["TAG"]);
        assert_eq!(g[2].bare_value, None, "depends on the platform");
        assert_eq!(
            expand_bare("${IMAGE}-x", &g, '\\'),
            Some(("alpine:-x".to_string(), vec!["TAG".to_string()]))
        );
        assert_eq!(expand_bare("${P}", &g, '\\'), None);
    }
}
