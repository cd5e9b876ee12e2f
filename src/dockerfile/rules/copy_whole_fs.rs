//! DL3067: COPY --from copies a whole filesystem.

use super::args::copy_words;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Instruction, Keyword, Word};
use crate::dockerfile::model::Stage;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3067",
    aliases: &[],
    severity: Severity::Warning,
    title: "COPY --from copies a whole filesystem",
    explanation: "`COPY --from=build / /` brings the builder's entire filesystem — compilers, caches, package managers — into this stage, undoing the point of a multi-stage build. Copy only the artifacts.",
    lesson: Some("why-multi-stage/keep-only-what-runs"),
    runtime: false,
    check,
};

/// Instructions of `keyword` in stage bodies, with the stage.
fn in_stages<'a>(
    ctx: &'a Ctx<'_>,
    keyword: Keyword,
) -> impl Iterator<Item = (&'a Stage, &'a Instruction)> + 'a {
    ctx.model.stages.iter().flat_map(move |st| {
        ctx.stage_body(st)
            .filter(move |(_, i)| i.keyword == keyword)
            .map(move |(_, i)| (st, i))
    })
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for (_, ins) in in_stages(ctx, Keyword::Copy) {
        if ins.flag("from").is_none() {
            continue;
        }
        let Some(words) = copy_words(ins) else {
            continue;
        };
        let root = |w: &Word| w.text == "/";
        if let Some((dest, sources)) = words.split_last()
            && root(dest)
            && sources.iter().any(root)
        {
            r.at(
                ins.span,
                "Do not copy an entire filesystem from another stage: copy only the artifacts you need",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings(
            "FROM alpine:3.22 AS a\nFROM alpine:3.22\nCOPY --from=a / /\n",
            "DL3067",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (3, 1));
        assert_eq!(
            d[0].message,
            "Do not copy an entire filesystem from another stage: copy only the artifacts you need"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(
            findings(
                "FROM alpine:3.22 AS a\nFROM alpine:3.22\nCOPY --from=a /out /out\n",
                "DL3067"
            )
            .is_empty()
        );
    }
}
