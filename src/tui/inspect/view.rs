//! What the inspect view shows, in the view's own small types: the drawing code reads only
//! these, so it can be tested with hand-made values, and the engine's report is mapped onto
//! them in one place.

/// One Dockerfile as the inspect view shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InspectView {
    /// What is inspected, e.g. `your Dockerfile`.
    pub source: String,
    /// In file order.
    pub stages: Vec<StageView>,
    pub edges: Vec<EdgeView>,
    /// The final image's estimate, then the single-stage alternative.
    pub sizes: Vec<SizeBar>,
    /// Said under the chart: what the figures leave out, where they come from.
    pub(crate) size_notes: Vec<String>,
    /// One row per stage.
    pub surface: Vec<SurfaceRow>,
    /// Problems in the file (`line 3: …`); everything else shows what could be understood.
    pub errors: Vec<String>,
    /// What the final image runs and whether it would start.
    pub run: RunView,
    /// Per stage, the paths that matter and where each came from (stages with none left out).
    pub paths: Vec<StagePaths>,
}

/// The library's would-run verdict, worded as the text form words it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunView {
    /// `/app/server (line 12, in /app)`.
    pub command: String,
    pub outcome: RunOutcome,
    /// `yes, as far as the model can tell`, `probably not`, `no`.
    pub verdict: String,
    /// Why not, each with its chain of lines (`line 9: DK216 line 9 copies …`).
    pub reasons: Vec<Reason>,
}

/// One reason the image would not start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reason {
    /// An error: the model knows it fails (else a warning: it likely does).
    pub known: bool,
    pub text: String,
}

/// How sure the model is that the image would not start.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RunOutcome {
    #[default]
    Runs,
    /// Warnings only.
    LikelyFails,
    /// The model knows it fails.
    Fails,
}

/// One stage's paths that matter: `/app/server ← stage build /out/server, line 9: …`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StagePaths {
    pub stage: String,
    pub paths: Vec<String>,
    /// How many more there are.
    pub more: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StageView {
    /// The `AS` name, if any.
    pub name: Option<String>,
    /// The base as written or resolved (`golang:1.20`, `builder`, `scratch`).
    pub base: String,
    /// Whether the base is a stage of this file, a known image, or an image nobody knows.
    pub(crate) base_kind: BaseKind,
    /// Whether it ships (the plate) or stays behind (the kitchen).
    pub role: StageRole,
    /// Copies from outside the file's stages (an image, a build context): `nginx:1.27 /etc/x`.
    pub notes: Vec<String>,
}

impl StageView {
    /// `0 builder`, or `1` for an unnamed stage.
    pub fn title(&self, index: usize) -> String {
        match &self.name {
            Some(name) => format!("{index} {name}"),
            None => index.to_string(),
        }
    }

    /// How edges name this stage: its name, else `stage N`.
    pub fn reference(&self, index: usize) -> String {
        self.name
            .clone()
            .unwrap_or_else(|| format!("stage {index}"))
    }
}

/// A stage's part in the build.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StageRole {
    /// The image that is built: it ships.
    Final,
    /// The final stage is built on it, so its layers ship too.
    Base,
    /// The final stage takes files from it; the stage itself stays behind.
    #[default]
    Builder,
    /// Nothing the final stage needs: not even built.
    Unused,
}

impl StageRole {
    /// Its layers are in the shipped image.
    pub fn ships(self) -> bool {
        matches!(self, StageRole::Final | StageRole::Base)
    }

    /// The tag on the stage's box.
    pub fn tag(self) -> &'static str {
        match self {
            StageRole::Final => "ships",
            StageRole::Base => "ships as base",
            StageRole::Builder => "kitchen",
            StageRole::Unused => "not built",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum BaseKind {
    /// An earlier stage.
    Stage,
    /// An image in the table of known images.
    Known,
    /// An image not in the table (or a base that could not be resolved).
    #[default]
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    /// `FROM <stage>`.
    Base,
    /// `COPY --from=<stage>`.
    Copy,
    /// `RUN --mount=…,from=<stage>`.
    Mount,
}

/// `to` depends on the earlier stage `from`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeView {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    /// What a copy brings in (`/app/myapp`); empty for a base.
    pub brings: String,
}

/// One bar of the size chart. A range when sources disagree; `at_least` when part of the
/// image (copied files of unknown size) is not counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SizeBar {
    pub label: String,
    pub min_bytes: Option<u64>,
    pub max_bytes: Option<u64>,
    pub at_least: bool,
}

impl SizeBar {
    /// The figure as text: `unknown`, `at least 45 MB`, `45-60 MB` or `45 MB`. ASCII only, so
    /// the chart can place it by bytes.
    pub fn text(&self) -> String {
        // "At least 0 MB" (files of unknown size on `scratch`) says nothing: unknown.
        let Some(min) = self.min_bytes.filter(|&m| m > 0 || !self.at_least) else {
            return "unknown".into();
        };
        let max = self.max_bytes.unwrap_or(min);
        let range = if megabytes(max) > megabytes(min) && !self.at_least {
            format!("{}-{} MB", megabytes(min), megabytes(max))
        } else {
            format!("{} MB", megabytes(min))
        };
        if self.at_least {
            format!("at least {range}")
        } else {
            range
        }
    }
}

/// Bytes as whole megabytes (10^6, as registries report them), at least 1 for a non-zero size.
pub(crate) fn megabytes(bytes: u64) -> u64 {
    if bytes == 0 {
        0
    } else {
        (bytes.saturating_add(500_000) / 1_000_000).max(1)
    }
}

/// What a stage's image gives an attacker. `None` is unknown; `Some("none")` means known absent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SurfaceRow {
    pub stage: String,
    pub ships: bool,
    pub shell: Option<String>,
    pub package_manager: Option<String>,
    pub user: Option<String>,
    pub libc: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(min: Option<u64>, max: Option<u64>, at_least: bool) -> SizeBar {
        SizeBar {
            label: "x".into(),
            min_bytes: min,
            max_bytes: max,
            at_least,
        }
    }

    #[test]
    fn size_text_is_honest_about_ranges_and_unknowns() {
        assert_eq!(bar(None, None, false).text(), "unknown");
        assert_eq!(bar(None, None, true).text(), "unknown");
        assert_eq!(bar(Some(45_000_000), None, false).text(), "45 MB");
        assert_eq!(
            bar(Some(45_000_000), Some(60_400_000), false).text(),
            "45-60 MB"
        );
        assert_eq!(
            bar(Some(45_000_000), Some(60_000_000), true).text(),
            "at least 45 MB"
        );
        assert_eq!(bar(Some(2_000), Some(2_000), false).text(), "1 MB");
        assert_eq!(bar(Some(0), None, true).text(), "unknown");
        assert_eq!(bar(Some(0), Some(0), false).text(), "0 MB");
        assert_eq!(megabytes(0), 0);
    }

    #[test]
    fn stage_titles_and_references() {
        let named = StageView {
            name: Some("builder".into()),
            ..Default::default()
        };
        assert_eq!(named.title(0), "0 builder");
        assert_eq!(named.reference(0), "builder");
        let unnamed = StageView::default();
        assert_eq!(unnamed.title(3), "3");
        assert_eq!(unnamed.reference(3), "stage 3");
    }
}
