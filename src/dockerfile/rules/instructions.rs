//! BuildKit's LegacyKeyValueFormat (DK309): left here for the BuildKit-checks work to place;
//! the DL rules that shared this file each have their own now.

use super::casing::replace_in_line;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Args;

pub(super) const RULES: &[RuleInfo] = &[RuleInfo {
    id: "DK309",
    aliases: &["LegacyKeyValueFormat"],
    severity: Severity::Warning,
    title: "Legacy `ENV key value` format",
    explanation: "`ENV key value` (no `=`) sets one variable to the whole rest of the line, which is easy to misread and is deprecated. Write `ENV key=\"value\"`.",
    lesson: None,
    runtime: false,
    check: legacy_key_value,
}];

fn legacy_key_value(ctx: &Ctx<'_>, r: &mut Report) {
    for ins in &ctx.df().instructions {
        let Args::KeyValues {
            pairs,
            legacy: true,
        } = &ins.args
        else {
            continue;
        };
        for kv in pairs {
            let value = kv.value.text.trim();
            let msg = format!(
                "\"{} key value\" should be used instead of legacy \"{} key value\" format: `{} {}=…`",
                ins.keyword, ins.keyword, ins.keyword, kv.key.text
            );
            let certain = !value.contains(['"', '\\', '`']) && ins.start_line == ins.end_line;
            let fixed = certain
                .then(|| replace_in_line(ctx, kv.span, &format!("{}=\"{value}\"", kv.key.text)))
                .flatten();
            match fixed {
                Some((line, text)) => r.fix(kv.span, msg, line, text),
                None => r.at(kv.span, msg),
            }
        }
    }
}
