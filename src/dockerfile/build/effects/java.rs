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
    });
    let dir = step.path(out);
    step.open(dir, format!("`{program}`"), Some(jar));
    // Dependencies land in the user's cache (~/.m2, ~/.gradle).
    let home = step.var(cmd, "HOME").unwrap_or("/root").to_string();
    step.open(Some(home), format!("`{program}` caches"), None);
    true
}
