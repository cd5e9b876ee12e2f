//! `dockerlings explain ID`: one rule in full: severity, aliases, explanation, lesson.

use std::process::ExitCode;

use crate::dockerfile::rules::{self, RuleInfo};

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// Rule ID or alias, e.g. DL3006 (case-insensitive)
    #[arg(value_name = "ID")]
    id: String,
}

pub(super) fn run(args: ExplainArgs) -> ExitCode {
    match rules::find(&args.id) {
        Some(rule) => {
            print!("{}", explanation(rule));
            ExitCode::SUCCESS
        }
        None => {
            eprintln!(
                "dockerlings explain: {}",
                super::shown(unknown_rule(&args.id))
            );
            ExitCode::from(2)
        }
    }
}

/// The full text of one rule.
pub(super) fn explanation(rule: &RuleInfo) -> String {
    let mut out = format!("{} ({}): {}\n", rule.id, rule.severity.name(), rule.title);
    if !rule.aliases.is_empty() {
        out.push_str(&format!("aliases: {}\n", rule.aliases.join(", ")));
    }
    out.push('\n');
    out.push_str(rule.explanation.trim_end());
    out.push('\n');
    if let Some(lesson) = rule.lesson {
        out.push_str(&format!(
            "\nlesson: {lesson} (open it with `dockerlings`)\n"
        ));
    }
    out
}

/// "unknown rule `X`" with the nearest known ID or alias, for every place that takes rule names.
pub(crate) fn unknown_rule(name: &str) -> String {
    let names = rules::all()
        .iter()
        .flat_map(|rule| std::iter::once(rule.id).chain(rule.aliases.iter().copied()));
    match nearest(name, names) {
        Some(near) => format!(
            "unknown rule `{name}`; did you mean `{near}`? (`dockerlings rules` lists them all)"
        ),
        None => format!("unknown rule `{name}` (`dockerlings rules` lists them all)"),
    }
}

/// The candidate most like `name` (fewest edits, ignoring case; the first on a tie), if it is
/// close enough to be a likely typo.
fn nearest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = name.to_ascii_lowercase();
    candidates
        .map(|c| (strsim::levenshtein(&wanted, &c.to_ascii_lowercase()), c))
        .filter(|&(distance, _)| distance <= 2 || distance * 3 <= wanted.len())
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_finds_typos_and_ignores_strangers() {
        let names = ["DL3006", "DL3008", "DK101", "FromAsCasing"];
        assert_eq!(nearest("dl3006", names.into_iter()), Some("DL3006"));
        assert_eq!(nearest("DL30O6", names.into_iter()), Some("DL3006"));
        assert_eq!(
            nearest("fromascasng", names.into_iter()),
            Some("FromAsCasing")
        );
        assert_eq!(nearest("zzz", names.into_iter()), None);
    }

    #[test]
    fn every_rule_explains_itself() {
        for rule in rules::all() {
            let text = explanation(rule);
            assert!(text.starts_with(rule.id), "{text}");
            assert!(text.contains(rule.explanation.trim_end()), "{text}");
        }
    }
}
