//! Maven and Gradle: JARs compiled by the builder's JDK (its major decides the class version).

use super::Step;
use crate::dockerfile::build::fs::ArtifactKind;
use crate::dockerfile::shell::Command;

pub(super) fn apply(cmd: &Command<'_>, step: &mut Step<'_>) -> bool {
    let words = cmd.without_wrappers();
    let program = words[0].rsplit('/').next().unwrap_or(&words[0]);
    let out = match program {
        "mvn" | "mvnw" => "target",
        "gradle" | "gradlew" => "build",
        _ => ".",
    };
    let jar = step.made(ArtifactKind::Jar {
        jdk: step.tools.java.clone(),
        release: release(words),
    });
    let dir = step.path(out);
    step.open(dir, format!("`{program}`"), Some(jar));
    // Dependencies land in the user's cache (~/.m2, ~/.gradle).
    let home = step.var(cmd, "HOME").unwrap_or("/root").to_string();
    step.open(Some(home), format!("`{program}` caches"), None);
    true
}

/// The Java release the command compiles for: Maven's `-Dmaven.compiler.release=N` (or
/// `.target`, which `release` overrides).
fn release(words: &[std::borrow::Cow<'_, str>]) -> Option<String> {
    let value = |key: &str| {
        words.iter().find_map(|w| {
            let v = w.strip_prefix("-D")?.strip_prefix(key)?.strip_prefix('=')?;
            let v = v.trim_matches(['"', '\'']);
            let major = v.strip_prefix("1.").unwrap_or(v);
            major
                .chars()
                .all(|c| c.is_ascii_digit())
                .then(|| major.to_string())
        })
    };
    value("maven.compiler.release").or_else(|| value("maven.compiler.target"))
}

#[cfg(test)]
mod tests {
    use super::release;
    use std::borrow::Cow;

    #[test]
    fn maven_release_and_target_properties_set_the_class_version() {
        let of = |line: &str| {
            let words: Vec<Cow<'_, str>> = line.split(' ').map(Cow::Borrowed).collect();
            release(&words)
        };
        assert_eq!(
            of("mvn -B package -Dmaven.compiler.release=21"),
            Some("21".into())
        );
        assert_eq!(
            of("mvn package -Dmaven.compiler.target=1.8"),
            Some("8".into())
        );
        assert_eq!(
            of("mvn -Dmaven.compiler.target=11 -Dmaven.compiler.release=17 package"),
            Some("17".into())
        );
        assert_eq!(of("mvn package -Dmaven.compiler.release=${JAVA}"), None);
        assert_eq!(of("mvn package"), None);
    }
}
