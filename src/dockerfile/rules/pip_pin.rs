//! DL3013: Pin versions in pip install.

use super::run_steps::report_runs;
use super::shell::Command;
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::options;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DL3013",
    aliases: &[],
    severity: Severity::Warning,
    title: "Pin versions in pip install",
    explanation: "`pip install flask` installs the newest release at build time. Pin (`flask==3.1.1`) or install from a locked requirements file. pip called by its path (`/venv/bin/pip install`) is read too (hadolint does not). Option values (`--trusted-host host`, `-i URL`) are not packages.",
    lesson: None,
    runtime: false,
    check,
};

pub(super) fn pip_install(c: &Command) -> bool {
    c.is("pip", &["install"]) || c.is("pip3", &["install"]) || {
        // python -m pip install
        let w = c.without_wrappers();
        w.len() > 3
            && w[0]
                .rsplit('/')
                .next()
                .is_some_and(|p| p.starts_with("python"))
            && w[1] == "-m"
            && w[2] == "pip"
            && w[3] == "install"
    }
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    report_runs(
        ctx,
        r,
        &[],
        unpinned,
        "Pin versions in pip: `pip install <package>==<version>`",
    );
}

fn unpinned(c: &Command<'_>) -> bool {
    if !pip_install(c)
        || c.has_short_or_long('r', &["--requirement", "-e", "--editable"])
        || c.has_flag(&["--constraint", "-c"])
    {
        return false;
    }
    let words = c.without_wrappers();
    // From `install` on (pip may be `python -m pip`), read by pip's option table.
    let start = words
        .iter()
        .position(|w| w == "install")
        .unwrap_or(words.len());
    options::positionals("pip", &words[start..]).any(|p| {
        !p.contains(['=', '<', '>', '~', '@', '/', '$'])
            && !p.ends_with(".whl")
            && !p.ends_with(".tar.gz")
            && p != "."
    })
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn fires_at_its_span() {
        let d = findings(
            "FROM python:3.13\nRUN pip install --no-cache-dir flask\n",
            "DL3013",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].location.line, d[0].location.column), (2, 1));
        assert_eq!(
            d[0].message,
            "Pin versions in pip: `pip install <package>==<version>`"
        );
    }

    #[test]
    fn silent_when_fixed() {
        assert!(findings("FROM python:3.13\nRUN pip install --no-cache-dir flask==3.1.1 && pip install --no-cache-dir -r requirements.txt\n", "DL3013").is_empty());
    }
}
