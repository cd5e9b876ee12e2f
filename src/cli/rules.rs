//! `dockerlings rules`: every rule the validator has, as a table or as JSON.

use std::process::ExitCode;

use clap::ValueEnum;
use serde::Serialize;

use crate::dockerfile::Severity;
use crate::dockerfile::rules::{self, RuleInfo};

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

pub fn run(args: RulesArgs) -> ExitCode {
    let text = match args.format {
        Format::Text => table(rules::all()),
        Format::Json => json(rules::all()),
    };
    print!("{text}");
    ExitCode::SUCCESS
}

/// One row per rule, columns aligned: ID, severity, aliases, title, lesson.
pub fn table(rules: &[RuleInfo]) -> String {
    let rows: Vec<[String; 5]> = rules
        .iter()
        .map(|r| {
            [
                r.id.to_string(),
                r.severity.name().to_string(),
                dash_if_empty(r.aliases.join(",")),
                r.title.to_string(),
                dash_if_empty(r.lesson.unwrap_or_default().to_string()),
            ]
        })
        .collect();
    let header = ["ID", "SEVERITY", "ALIASES", "TITLE", "LESSON"].map(str::to_string);
    let mut widths = [0; 5];
    for row in std::iter::once(&header).chain(&rows) {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 == row.len() {
                line.push_str(cell);
            } else {
                line.push_str(&format!("{cell:<width$}  ", width = widths[i]));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn dash_if_empty(text: String) -> String {
    if text.is_empty() {
        "-".to_string()
    } else {
        text
    }
}

/// `[{"id", "severity", "aliases", "title", "explanation", "lesson", "runtime"}]`, in registry order.
pub fn json(rules: &[RuleInfo]) -> String {
    #[derive(Serialize)]
    struct Rule<'a> {
        id: &'a str,
        severity: Severity,
        aliases: &'a [&'a str],
        title: &'a str,
        explanation: &'a str,
        lesson: Option<&'a str>,
        runtime: bool,
    }
    let rules: Vec<Rule<'_>> = rules
        .iter()
        .map(|r| Rule {
            id: r.id,
            severity: r.severity,
            aliases: r.aliases,
            title: r.title,
            explanation: r.explanation,
            lesson: r.lesson,
            runtime: r.runtime,
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&rules).expect("plain data always serialises");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_a_header_and_one_aligned_row_per_rule() {
        let text = table(rules::all());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), rules::all().len() + 1);
        assert!(lines[0].starts_with("ID "));
        let severity_column = lines[0].find("SEVERITY").unwrap();
        for (line, rule) in lines[1..].iter().zip(rules::all()) {
            assert!(line.starts_with(rule.id), "{line}");
            assert_eq!(
                &line[severity_column..][..rule.severity.name().len()],
                rule.severity.name()
            );
        }
    }

    #[test]
    fn json_lists_every_rule() {
        let value: serde_json::Value = serde_json::from_str(&json(rules::all())).unwrap();
        let list = value.as_array().unwrap();
        assert_eq!(list.len(), rules::all().len());
        assert_eq!(list[0]["id"], rules::all()[0].id);
        assert!(list[0]["aliases"].is_array());
    }
}
