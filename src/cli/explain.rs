//! `dockerlings explain ID`: one rule in full.

/// "unknown rule `X`" with the nearest known ID or alias, for every place that takes rule names.
pub(crate) fn unknown_rule(name: &str) -> String {
    format!("unknown rule `{name}`")
}
