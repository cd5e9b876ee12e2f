//! DK309 (BuildKit's LegacyKeyValueFormat): `ENV key value` without `=`.

use super::text::replace_in_line;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::Args;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK309",
    aliases: &["LegacyKeyValueFormat"],
    severity: Severity::Warning,
    title: "Legacy `ENV key value` format",
    explanation: "`ENV key value` (no `=`) sets one variable to the whole rest of the line, which is easy to misread and is deprecated. Write `ENV key=\"value\"`.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
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
                "\"{} key=value\" should be used instead of legacy \"{} key value\" format: `{} {}=…`",
                ins.keyword, ins.keyword, ins.keyword, kv.key.text
            );
            // Quotes, escapes and continuations change what the value is: no fix for those.
            let certain = !value.contains(['"', '\\', '`']) && ins.start_line == ins.end_line;
            let fixed = certain
                .then(|| replace_in_line(ctx, kv.span, &format!("{}=\"{value}\"", kv.key.text)))
                .flatten();
            match fixed {
                Some((line, text)) => r.safe_fix(kv.span, msg, line, text),
                None => r.at(kv.span, msg),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn env_key_value_gets_quoted_fix() {
        let d = findings("FROM alpine:3.22\nENV DEPS curl git\n", "DK309");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].location.line, 2);
        assert_eq!(
            d[0].message,
            "\"ENV key=value\" should be used instead of legacy \"ENV key value\" format: `ENV DEPS=…`"
        );
        assert_eq!(
            d[0].fix.as_ref().map(|f| f.replacement.as_str()),
            Some("ENV DEPS=\"curl git\"")
        );
    }

    #[test]
    fn no_fix_when_the_value_has_quotes() {
        let d = findings("FROM alpine:3.22\nENV A \"x y\"\n", "DK309");
        assert_eq!(d.len(), 1);
        assert!(d[0].fix.is_none());
    }
}
