//! DK305 (BuildKit's ExposeProtoCasing): `EXPOSE 80/TCP`.

use super::expose_format::expose_words;
use super::text::{is_lower, report_word_fix};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK305",
    aliases: &["ExposeProtoCasing"],
    severity: Severity::Style,
    title: "EXPOSE protocol not in lower case",
    explanation: "Write the protocol of an exposed port in lower case: `EXPOSE 80/tcp`, not `80/TCP`.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for w in expose_words(ctx) {
        if let Some((_, proto)) = w.text.split_once('/')
            && !is_lower(proto)
        {
            let want = w.text.to_ascii_lowercase();
            let msg = format!(
                "Defined protocol '{}' in EXPOSE should be lowercase: '{want}'",
                w.text
            );
            report_word_fix(ctx, r, (w, &want), msg, true);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn lower_cases_the_protocol() {
        let d = findings("FROM alpine:3.22\nEXPOSE 80/TCP 443/udp\n", "DK305");
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].location.line, d[0].location.column), (2, 8));
        assert_eq!(
            d[0].fix.as_ref().unwrap().replacement,
            "EXPOSE 80/tcp 443/udp"
        );
    }
}
