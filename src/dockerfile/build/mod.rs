//! The build model: for every stage, its filesystem as the build leaves it, as far as it can be
//! known, each path with where it came from and, for build output, what made it.
//!
//! - [`fs`]: paths, their origin and provenance, and regions the model cannot list;
//! - [`effects`]: what the commands of a RUN leave behind, one file per family;
//! - [`run`]: evaluates one stage; [`launch`]: what a container or RUN step executes.
//!
//! What the model cannot read stays unknown: an unread command (`make install`, `./build.sh`)
//! may create anything, so "missing" conclusions below it become silence.

pub(crate) mod effects;
pub(crate) mod fs;
pub(crate) mod launch;
pub(crate) mod run;

pub(crate) use fs::{Artifact, ArtifactKind, Certainty, Linkage, Origin, Presence};
pub use fs::{Entry, Open};
pub(crate) use launch::Resolved;
pub(crate) use run::StageModel;

use serde::Serialize;

use crate::dockerfile::Dockerfile;
use crate::dockerfile::model::Model;
use crate::dockerfile::shell;

/// Every stage as the build leaves it, in stage order.
#[derive(Debug, Clone, Serialize)]
pub struct BuildModel {
    pub stages: Vec<StageModel>,
}

impl BuildModel {
    /// Evaluates every stage of `df` (stages only build on earlier ones).
    pub fn evaluate(df: &Dockerfile, model: &Model) -> BuildModel {
        Self::evaluate_with(df, model, &|_| None)
    }

    /// Like [`BuildModel::evaluate`], taking each RUN's split script from `script_of`
    /// (instruction index → script) where it has one, so a caller that split them already
    /// does not pay twice.
    pub(crate) fn evaluate_with<'s>(
        df: &Dockerfile,
        model: &Model,
        script_of: &dyn Fn(usize) -> Option<&'s shell::Script<'s>>,
    ) -> BuildModel {
        let mut stages: Vec<StageModel> = Vec::with_capacity(model.stages.len());
        for st in &model.stages {
            let m = run::stage(df, model, st, &stages, script_of);
            stages.push(m);
        }
        BuildModel { stages }
    }

    pub fn stage(&self, index: usize) -> Option<&StageModel> {
        self.stages.get(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dockerfile::parse;

    fn eval(src: &str) -> (Model, BuildModel) {
        let p = parse(src);
        let m = Model::build(&p.dockerfile, None);
        let b = BuildModel::evaluate(&p.dockerfile, &m);
        (m, b)
    }

    #[test]
    fn go_binary_follows_copy_from_with_its_linkage() {
        let (_, b) = eval(
            "FROM golang:1.26 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\n",
        );
        let Presence::Found(e) = b.stages[1].fs.lookup("/app") else {
            panic!("{:?}", b.stages[1].fs)
        };
        assert_eq!(
            e.origin,
            Origin::Stage {
                stage: 0,
                path: "/out/app".into(),
                line: 6
            }
        );
        let a = e.artifact.as_ref().unwrap();
        assert_eq!(a.line, 4);
        assert!(matches!(
            &a.kind,
            ArtifactKind::Binary {
                linkage: Some(Linkage::Static),
                certain: true,
                ..
            }
        ));
        assert_eq!(
            b.stages[1].fs.lookup("/out/app"),
            Presence::Absent(Certainty::Known)
        );
    }

    #[test]
    fn directory_copies_take_contents_and_node_modules_keep_provenance() {
        let (_, b) = eval(
            "FROM node:24-alpine AS deps\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nFROM node:24-slim\nWORKDIR /srv\nCOPY --from=deps /app ./\n",
        );
        let Presence::Found(e) = b.stages[1].fs.lookup("/srv/node_modules") else {
            panic!()
        };
        assert!(matches!(
            e.artifact.as_ref().unwrap().kind,
            ArtifactKind::NodeModules {
                libc: Some(crate::dockerfile::images::Libc::Musl),
                ..
            }
        ));
    }

    #[test]
    fn copy_destinations_follow_buildkit() {
        let (_, b) = eval(
            "FROM golang:1.26 AS build\nRUN CGO_ENABLED=0 go build -o /out/app . && touch /out/a.so /out/b.so\nFROM scratch\nWORKDIR /srv\nCOPY --from=build /out/app /usr/local/bin/\nCOPY --from=build /out/ /data/\nCOPY --from=build /out/*.so /lib/\nCOPY --from=build /out/app /bin/tool\nCOPY --from=build /out/app bin/\n",
        );
        let fs = &b.stages[1].fs;
        for p in [
            "/usr/local/bin/app",
            "/data/app",
            "/data/a.so",
            "/lib/a.so",
            "/lib/b.so",
            "/bin/tool",
            "/srv/bin/app",
        ] {
            assert!(
                matches!(fs.lookup(p), Presence::Found(_)),
                "{p}: {:?}",
                fs.lookup(p)
            );
        }
        // A directory's contents are copied, not the directory.
        assert!(!matches!(fs.lookup("/data/out/app"), Presence::Found(_)));
        assert_eq!(fs.lookup("/srv/app"), Presence::Absent(Certainty::Known));
    }

    #[test]
    fn unknown_commands_open_everything_and_misses_are_recorded() {
        let (_, b) = eval(
            "FROM debian:13-slim AS build\nRUN ./build.sh\nFROM debian:13-slim AS b2\nRUN mkdir -p /out\nFROM scratch\nCOPY --from=build /x /x\nCOPY --from=b2 /out/y /y\n",
        );
        let misses = &b.stages[2].copy_misses;
        assert_eq!(misses.len(), 1, "{misses:?}");
        assert_eq!(misses[0].path, "/out/y");
        assert_eq!(misses[0].certainty, Certainty::Likely);
    }

    #[test]
    fn apk_virtual_group_removed_in_the_same_run_leaves_no_package() {
        let (_, b) = eval(
            "FROM alpine:3.22\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del .build-deps\n",
        );
        assert!(
            b.stages[0].packages.is_empty(),
            "{:?}",
            b.stages[0].packages
        );
    }
}
