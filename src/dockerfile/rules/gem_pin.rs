//! DL3028: Pin versions in gem install.

use super::run_steps::report_runs;
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3028",
    aliases: &[],
    severity: Severity::Warning,
    title: "Pin versions in gem install",
    explanation: "`gem install rails` installs the newest release when the image is built. Pin it (`gem install rails:7.1.5` or `-v 7.1.5`), or install from a Gemfile.lock with `bundle install`. Local `.gem` files and paths carry their version (hadolint flags them); `-v=7.1` is read as a pin, as gem reads it.",
    lesson: None,
    runtime: false,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    report_runs(
        ctx,
        r,
        &["gem"],
        unpinned,
        "Pin versions in gem install: `gem install <gem>:<version>`",
    );
}

fn unpinned(c: &Command<'_>) -> bool {
    c.is("gem", &["install", "i"])
        && !c.has_short_or_long('v', &["--version"])
        && !c.has_flag(&["--version"])
        && c.operands()
            .any(|p| !p.contains([':', '/', '$']) && !p.ends_with(".gem"))
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_once_on_the_run() {
        let d = findings(
            "FROM ruby:3.4\nRUN gem install rails:7.1 bundler && gem i rake\n",
            "DL3028",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
    }

    #[test]
    fn silent_when_pinned() {
        for ok in [
            "gem install rails:7.1",
            "gem install rails -v 7.1",
            "gem install bundler --version 2.5",
            "gem install -N rails:7.1",
            "gem install ./vendor/x.gem",
            "gem update --system",
            "bundle install",
        ] {
            let src = format!("FROM ruby:3.4\nRUN {ok}\n");
            assert!(findings(&src, "DL3028").is_empty(), "{ok}");
        }
    }
}
