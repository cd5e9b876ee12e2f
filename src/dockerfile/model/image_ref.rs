//! Image references as written in `FROM` or `COPY --from`, normalised the way Docker does
//! (`node` is `docker.io/library/node:latest`), so the base-image table can be looked up by name.

use serde::Serialize;

/// Docker Hub's canonical registry name; `index.docker.io` and `registry-1.docker.io` are aliases.
pub(crate) const DOCKER_HUB: &str = "docker.io";

/// A parsed, normalised image reference.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ImageRef {
    /// The text it was parsed from (after `${VAR}` expansion).
    pub original: String,
    /// Registry host, with port if any (`docker.io`, `gcr.io`, `localhost:5000`).
    pub registry: String,
    /// Path inside the registry (`library/node`, `distroless/static-debian13`).
    pub repository: String,
    /// The tag as written; `None` when absent (Docker then uses `latest`, unless a digest is given).
    pub tag: Option<String>,
    /// `sha256:…` when pinned by digest.
    pub digest: Option<String>,
}

/// Why a string is not an image reference.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RefError {
    #[error("image reference is empty")]
    Empty,
    #[error("invalid reference format: repository name must be lowercase: \"{0}\"")]
    Uppercase(String),
    #[error("invalid reference format: \"{0}\"")]
    Invalid(String),
}

impl ImageRef {
    /// Parses `[registry[:port]/]path[:tag][@digest]`.
    pub fn parse(text: &str) -> Result<Self, RefError> {
        if text.is_empty() {
            return Err(RefError::Empty);
        }
        let invalid = || RefError::Invalid(text.to_string());
        let (name_tag, digest) = match text.split_once('@') {
            Some((n, d)) => {
                let valid = d.split_once(':').is_some_and(|(algo, hex)| {
                    !algo.is_empty()
                        && !hex.is_empty()
                        && hex.chars().all(|c| c.is_ascii_alphanumeric())
                });
                if !valid {
                    return Err(invalid());
                }
                (n, Some(d.to_string()))
            }
            None => (text, None),
        };
        // A ':' after the last '/' separates the tag; one before it is a registry port.
        let last_slash = name_tag.rfind('/').map_or(0, |i| i + 1);
        let (name, tag) = match name_tag[last_slash..].find(':') {
            Some(i) => {
                let at = last_slash + i;
                (&name_tag[..at], Some(name_tag[at + 1..].to_string()))
            }
            None => (name_tag, None),
        };
        if let Some(t) = &tag
            && (t.is_empty()
                || t.len() > 128
                || t.starts_with(['.', '-'])
                || !t
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c)))
        {
            return Err(invalid());
        }
        let (registry, path) = match name.split_once('/') {
            Some((first, rest))
                if first.contains('.') || first.contains(':') || first == "localhost" =>
            {
                (first.to_string(), rest.to_string())
            }
            _ => (DOCKER_HUB.to_string(), name.to_string()),
        };
        let registry = match registry.as_str() {
            "index.docker.io" | "registry-1.docker.io" => DOCKER_HUB.to_string(),
            _ => registry,
        };
        if path.is_empty() || path.split('/').any(str::is_empty) {
            return Err(invalid());
        }
        if path.chars().any(|c| c.is_ascii_uppercase()) {
            return Err(RefError::Uppercase(text.to_string()));
        }
        if !path
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-/".contains(c))
        {
            return Err(invalid());
        }
        let repository = if registry == DOCKER_HUB && !path.contains('/') {
            format!("library/{path}")
        } else {
            path
        };
        Ok(ImageRef {
            original: text.to_string(),
            registry,
            repository,
            tag,
            digest,
        })
    }

    /// `registry/repository`, e.g. `docker.io/library/node`.
    pub fn name(&self) -> String {
        // Built by hand: the image table asks for it several times per stage.
        let mut s = String::with_capacity(self.registry.len() + 1 + self.repository.len());
        s.push_str(&self.registry);
        s.push('/');
        s.push_str(&self.repository);
        s
    }

    /// The tag Docker pulls: the written one, or `latest` when neither tag nor digest is given.
    pub(crate) fn effective_tag(&self) -> Option<&str> {
        match (&self.tag, &self.digest) {
            (Some(t), _) => Some(t),
            (None, Some(_)) => None,
            (None, None) => Some("latest"),
        }
    }

    /// The fully spelled-out form, e.g. `docker.io/library/node:latest`.
    pub fn canonical(&self) -> String {
        let mut s = self.name();
        if let Some(t) = self.effective_tag() {
            s.push(':');
            s.push_str(t);
        }
        if let Some(d) = &self.digest {
            s.push('@');
            s.push_str(d);
        }
        s
    }

    /// The reserved empty image `scratch` (only as a bare name).
    pub(crate) fn is_scratch(&self) -> bool {
        self.original.eq_ignore_ascii_case("scratch")
    }

    /// Short name as users write it for Docker Hub images (`node`, `bitnami/redis`), else `name()`.
    pub(crate) fn short_name(&self) -> String {
        if self.registry == DOCKER_HUB {
            self.repository
                .strip_prefix("library/")
                .unwrap_or(&self.repository)
                .to_string()
        } else {
            self.name()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str) -> (String, String, Option<String>, Option<String>) {
        let r = ImageRef::parse(s).unwrap();
        (r.registry, r.repository, r.tag, r.digest)
    }

    #[test]
    fn normalises_docker_hub_names() {
        assert_eq!(
            parts("node"),
            ("docker.io".into(), "library/node".into(), None, None)
        );
        assert_eq!(
            ImageRef::parse("node").unwrap().canonical(),
            "docker.io/library/node:latest"
        );
        assert_eq!(
            parts("bitnami/redis:7"),
            (
                "docker.io".into(),
                "bitnami/redis".into(),
                Some("7".into()),
                None
            )
        );
        assert_eq!(
            ImageRef::parse("index.docker.io/library/node:22")
                .unwrap()
                .name(),
            "docker.io/library/node"
        );
        assert_eq!(
            ImageRef::parse("docker.io/node:22").unwrap().canonical(),
            "docker.io/library/node:22"
        );
    }

    #[test]
    fn registries_ports_tags_digests() {
        assert_eq!(
            parts("localhost:5000/app:1.0"),
            (
                "localhost:5000".into(),
                "app".into(),
                Some("1.0".into()),
                None
            )
        );
        assert_eq!(
            parts("registry.example.com:443/team/app"),
            (
                "registry.example.com:443".into(),
                "team/app".into(),
                None,
                None
            )
        );
        let r = ImageRef::parse("gcr.io/distroless/static-debian13:nonroot@sha256:abc123").unwrap();
        assert_eq!(r.repository, "distroless/static-debian13");
        assert_eq!(r.tag.as_deref(), Some("nonroot"));
        assert_eq!(r.digest.as_deref(), Some("sha256:abc123"));
        let d = ImageRef::parse("alpine@sha256:0123abcd").unwrap();
        assert_eq!(d.effective_tag(), None);
        assert_eq!(d.canonical(), "docker.io/library/alpine@sha256:0123abcd");
    }

    #[test]
    fn rejects_bad_references() {
        assert_eq!(ImageRef::parse(""), Err(RefError::Empty));
        assert!(matches!(
            ImageRef::parse("Node:22"),
            Err(RefError::Uppercase(_))
        ));
        for bad in [
            "node:",
            "node:-x",
            "a//b",
            "node@sha256:",
            "no de",
            "node@",
            "/node",
        ] {
            assert!(ImageRef::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn scratch_and_short_names() {
        assert!(ImageRef::parse("scratch").unwrap().is_scratch());
        assert!(!ImageRef::parse("scratchy").unwrap().is_scratch());
        assert_eq!(ImageRef::parse("node:22").unwrap().short_name(), "node");
        assert_eq!(
            ImageRef::parse("gcr.io/distroless/base")
                .unwrap()
                .short_name(),
            "gcr.io/distroless/base"
        );
    }
}
