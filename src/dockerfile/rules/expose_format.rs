//! DK306 (BuildKit's ExposeInvalidFormat): EXPOSE with an IP address or a host port.

use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::ast::{Args, Keyword, Word};

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK306",
    aliases: &["ExposeInvalidFormat"],
    severity: Severity::Warning,
    title: "EXPOSE with an IP address or host port",
    explanation: "EXPOSE documents container ports only: `EXPOSE 80`. The `ip:host:container` and `host:container` forms are deprecated; publish host ports with `docker run -p`.",
    lesson: None,
    runtime: false,
    check,
};

/// The port words of every EXPOSE.
pub(super) fn expose_words<'a>(ctx: &Ctx<'a>) -> impl Iterator<Item = &'a Word> {
    ctx.df()
        .instructions
        .iter()
        .filter(|i| i.keyword == Keyword::Expose)
        .flat_map(|i| match &i.args {
            Args::Words(w) => w.as_slice(),
            _ => &[],
        })
}

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for w in expose_words(ctx) {
        let port = w.text.split('/').next().unwrap_or("");
        if port.contains(':') {
            r.at(
                w.span,
                format!(
                    "EXPOSE '{}' names an IP address or host port: expose only the container port ({})",
                    w.text,
                    port.rsplit(':').next().unwrap_or(port)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn host_port_and_ip() {
        let d = findings(
            "FROM alpine:3.22\nEXPOSE 8080:80 127.0.0.1:53:53/udp 443\n",
            "DK306",
        );
        assert_eq!(d.len(), 2);
        assert_eq!(
            d[0].message,
            "EXPOSE '8080:80' names an IP address or host port: expose only the container port (80)"
        );
        assert!(d[1].message.ends_with("(53)"), "{}", d[1].message);
    }
}
