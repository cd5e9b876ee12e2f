//! DL3022: `COPY --from` names neither an earlier stage nor an image reference.

use super::{Ctx, Report, RuleInfo, suggest};
use crate::dockerfile::Severity;
use crate::dockerfile::model::EdgeTarget;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3022",
    aliases: &[],
    severity: Severity::Warning,
    title: "COPY --from names no stage",
    explanation: "When the value of `--from` is neither an earlier stage's name nor an index, BuildKit treats it as an image and tries to pull it: a typo like `--from=buider` becomes `pull access denied … docker.io/library/buider:latest`. Name the stage with `FROM … AS name` or fix the spelling. (A named build context passed with `--build-context` is the exception.)",
    lesson: Some("multi-stage-basics/one-dockerfile-several-stages"),
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    let names: Vec<&str> = ctx
        .model
        .stages
        .iter()
        .filter_map(|s| s.name.as_deref())
        .collect();
    for e in &ctx.model.edges {
        if let EdgeTarget::Image { image } = &e.target
            && !e.written.contains([':', '/', '@'])
        {
            let hint = match suggest(&e.written, &names) {
                Some(s) => format!(" (did you mean {s}?)"),
                None => String::new(),
            };
            r.at(
                e.span,
                format!(
                    "\"{}\" is not a stage defined before this one{hint}: BuildKit will try to pull the image {}",
                    e.written,
                    image.canonical()
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn typo_gets_a_suggestion() {
        let d = findings(
            "FROM golang:1.26 AS builder\nFROM scratch\nCOPY --from=buider /app /app\n",
            "DL3022",
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].location.line, 3);
        assert_eq!(
            d[0].message,
            "\"buider\" is not a stage defined before this one (did you mean builder?): BuildKit will try to pull the image docker.io/library/buider:latest"
        );
    }
}
