//! DK218: a JAR compiled by a newer JDK than the JRE that runs it.

use super::chain::{copied_artifacts, made, stage_image, version_newer};
use super::{Ctx, Report, RuleInfo};
use crate::dockerfile::Severity;
use crate::dockerfile::build::ArtifactKind;

pub(super) const RULE: RuleInfo = RuleInfo {
    id: "DK218",
    aliases: &[],
    severity: Severity::Error,
    title: "JAR built by a newer JDK than the runtime's Java",
    explanation: "Class files carry the version of the JDK that compiled them, unless the build sets `--release`/`maven.compiler.release`: a JAR built by JDK 25 on a Java 21 JRE stops with `UnsupportedClassVersionError`. Build with the runtime's major, or set the release to it. An error when the build's command line names the release (`-Dmaven.compiler.release=25`); a warning when only the JDK is known, since the pom or build.gradle may set one.",
    lesson: Some("java-on-distroless/class-versions"),
    runtime: true,
    check,
};

fn check(ctx: &Ctx<'_>, r: &mut Report) {
    for (sm, path, a, line) in copied_artifacts(ctx) {
        let ArtifactKind::Jar {
            jdk: Some(jdk),
            release,
        } = &a.kind
        else {
            continue;
        };
        let Some(run) = &sm.tools.java else { continue };
        // The class files are the release's when the build names one, else the JDK's.
        if !version_newer(release.as_ref().unwrap_or(jdk), run) {
            continue;
        }
        let Some((_, ins)) = ctx.ins_at_line(line) else {
            continue;
        };
        let (img, at) = (stage_image(ctx, sm), a.line);
        match release {
            // The build names the release: the model knows the class version.
            Some(release) => r.at(
                ins.span,
                format!(
                    "line {line} copies {path}, compiled for Java {release} (line {at}, {}), into Java {run} ({img}): it stops with UnsupportedClassVersionError",
                    made(a)
                ),
            ),
            // The pom or build.gradle may set a release the model cannot read: likely.
            None => r.at_severity(
                Severity::Warning,
                ins.span,
                format!(
                    "line {line} copies {path}, compiled by JDK {jdk} (line {at}, {}), into Java {run} ({img}): unless the build sets --release {run}, it stops with UnsupportedClassVersionError",
                    made(a)
                ),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::chain::findings;

    #[test]
    fn jdk_25_jar_on_a_21_jre_warns() {
        let d = findings(
            "FROM eclipse-temurin:25-jdk AS build\nRUN ./mvnw package\nFROM eclipse-temurin:21-jre\nCOPY --from=build /target/app.jar /app.jar\n",
            "DK218",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].location.line, 4);
        assert_eq!(
            d[0].message,
            "line 4 copies /app.jar, compiled by JDK 25 (line 2, eclipse-temurin:25-jdk, line 1), into Java 21 (eclipse-temurin:21-jre, line 3): unless the build sets --release 21, it stops with UnsupportedClassVersionError"
        );
    }

    #[test]
    fn a_release_named_on_the_command_line_decides() {
        let jar = |release: &str| {
            format!(
                "FROM eclipse-temurin:25-jdk AS build\nRUN ./mvnw package -Dmaven.compiler.release={release}\nFROM eclipse-temurin:21-jre\nCOPY --from=build /target/app.jar /app.jar\n"
            )
        };
        assert!(findings(&jar("21"), "DK218").is_empty());
        let d = findings(&jar("25"), "DK218");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, crate::dockerfile::Severity::Error);
        assert_eq!(
            d[0].message,
            "line 4 copies /app.jar, compiled for Java 25 (line 2, eclipse-temurin:25-jdk, line 1), into Java 21 (eclipse-temurin:21-jre, line 3): it stops with UnsupportedClassVersionError"
        );
    }

    #[test]
    fn silent_when_versions_are_unknown() {
        let src = "FROM example.com/jdk:1 AS build\nRUN mvn package\nFROM eclipse-temurin:21-jre\nCOPY --from=build /target/app.jar /app.jar\n";
        assert!(findings(src, "DK218").is_empty());
    }
}
