//! GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…::message` line per
//! finding, which the runner turns into annotations on the pull request.

use std::fmt::Write as _;

use super::FileReport;
use crate::dockerfile::Severity;

pub(crate) fn render(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        let file = property(&report.path);
        if let Some(error) = report.error() {
            let position = error
                .position
                .map(|(line, column)| format!(",line={line},col={column}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "::error file={file}{position}::{}",
                data(&error.message)
            );
        }
        for d in report.diagnostics() {
            let loc = d.location;
            let _ = writeln!(
                out,
                "::{} file={file},line={},col={},endLine={},endColumn={},title={}::{}",
                command(d.severity),
                loc.line,
                loc.column,
                loc.end_line,
                loc.end_column,
                property(d.rule),
                data(&d.message)
            );
        }
    }
    out
}

/// GitHub has three annotation levels; info and style findings become notices.
fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Style => "notice",
    }
}

/// Escapes a message (after `::`), as the runner decodes it. The log the runner shows is a
/// terminal of sorts, so other control characters are shown escaped first.
fn data(text: &str) -> String {
    crate::escape::lines(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`), where `:` and `,` are separators too.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fixtures;

    #[test]
    fn one_command_per_finding_and_per_unreadable_file() {
        let text = render(&fixtures::reports());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "::warning file=app/Dockerfile,line=1,col=6,endLine=1,endColumn=12,title=DL3006::Always tag the version of an image explicitly",
                "::error file=app/Dockerfile,line=2,col=5,endLine=2,endColumn=12,title=DL3003::Use WORKDIR to switch to a directory",
                "::notice file=app/Dockerfile,line=3,col=1,endLine=3,endColumn=13,title=DL3025::Use arguments JSON notation for CMD, a, b",
                "::error file=bin/Dockerfile,line=2,col=3::not valid UTF-8",
            ]
        );
    }

    #[test]
    fn separators_and_newlines_are_escaped() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("C:\\a,b"), "C%3A\\a%2Cb");
        assert_eq!(
            data("x\u{1b}]52;c;aA==\u{7}\u{9b}"),
            "x\\x1b]52;c;aA==\\x07\\u{9b}"
        );
    }
}
