//! Size estimates: a stage's base image from the table, plus what is known of what its
//! instructions add. Only whole filesystems copied from a sized stage or image (`COPY
//! --from=x / /`) have a known size; every other RUN, COPY or ADD adds an unknown amount, which
//! turns the figure into a lower bound. An unknown base makes the figure unknown: never guessed.

use super::build::{copy_words, display};
use super::{Estimate, Figure, Part, Sizes};
use crate::dockerfile::ast::{Dockerfile, Instruction, Keyword};
use crate::dockerfile::images::{self, ImageInfo, SizeFigure};
use crate::dockerfile::model::{Base, Edge, EdgeKind, EdgeTarget, Model, Stage};
use std::collections::{HashMap, HashSet};

/// A running sum of one measure; `None` = unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Sum {
    min: u64,
    max: u64,
    /// Something of unknown size was added.
    open: bool,
}

impl Sum {
    fn of(figure: Option<&SizeFigure>) -> Option<Sum> {
        figure.map(|f| Sum {
            min: f.min_bytes,
            max: f.max_bytes,
            open: false,
        })
    }

    fn figure(sum: Option<Sum>) -> Figure {
        match sum {
            Some(s) => Figure {
                min_bytes: Some(s.min),
                max_bytes: (!s.open).then_some(s.max),
                at_least: s.open,
                unknown: false,
            },
            None => Figure::UNKNOWN,
        }
    }
}

/// One stage's estimate while it is being worked out.
#[derive(Debug, Clone)]
struct Acc {
    base_image: Option<String>,
    uncompressed: Option<Sum>,
    compressed: Option<Sum>,
    unknown_parts: Vec<Part>,
    /// (stage, line) of each part, so a part reached twice (a stage built on and copied from
    /// the same one) is listed once and the lists cannot double at each stage.
    seen: HashSet<(usize, usize)>,
    sources: Vec<String>,
}

impl Acc {
    fn from_image(st: &Stage) -> Acc {
        let info = st.image_info.as_ref();
        let mut acc = Acc {
            base_image: st.base_image.as_ref().map(display),
            uncompressed: info.and_then(|i| Sum::of(i.uncompressed.as_ref())),
            compressed: info.and_then(|i| Sum::of(i.compressed.as_ref())),
            unknown_parts: Vec::new(),
            seen: HashSet::new(),
            sources: Vec::new(),
        };
        if let Some(i) = info {
            acc.cite(i);
        }
        acc
    }

    fn cite(&mut self, info: &ImageInfo) {
        for f in [&info.uncompressed, &info.compressed].into_iter().flatten() {
            let s = format!("{} ({})", f.source, f.date);
            if !self.sources.contains(&s) {
                self.sources.push(s);
            }
        }
    }

    fn add_unknown(&mut self, part: Part) {
        for s in [&mut self.uncompressed, &mut self.compressed]
            .into_iter()
            .flatten()
        {
            s.open = true;
        }
        self.push_part(part);
    }

    fn push_part(&mut self, part: Part) {
        if self.seen.insert((part.stage, part.line)) {
            self.unknown_parts.push(part);
        }
    }

    /// Adds a whole copied filesystem of known (or partly known) size.
    fn add(&mut self, other: &Acc, part: Part) {
        let plus = |a: &mut Option<Sum>, b: Option<Sum>| {
            if let Some(s) = a {
                match b {
                    Some(b) => {
                        s.min += b.min;
                        s.max += b.max;
                        s.open |= b.open;
                    }
                    None => s.open = true,
                }
            }
        };
        plus(&mut self.uncompressed, other.uncompressed);
        plus(&mut self.compressed, other.compressed);
        if other.uncompressed.is_none() || other.compressed.is_none() {
            self.push_part(part);
        }
        for p in &other.unknown_parts {
            self.push_part(p.clone());
        }
        for s in &other.sources {
            if !self.sources.contains(s) {
                self.sources.push(s.clone());
            }
        }
    }

    fn estimate(self, stage: Option<usize>) -> Estimate {
        Estimate {
            stage,
            base_image: self.base_image,
            uncompressed: Sum::figure(self.uncompressed),
            compressed: Sum::figure(self.compressed),
            unknown_parts: self.unknown_parts,
            sources: self.sources,
        }
    }

    /// A whole image's filesystem, as copied by `COPY --from=image / …`.
    fn image(info: &ImageInfo) -> Acc {
        let mut acc = Acc::unknown();
        acc.uncompressed = Sum::of(info.uncompressed.as_ref());
        acc.compressed = Sum::of(info.compressed.as_ref());
        acc.cite(info);
        acc
    }

    fn unknown() -> Acc {
        Acc {
            base_image: None,
            uncompressed: None,
            compressed: None,
            unknown_parts: Vec::new(),
            seen: HashSet::new(),
            sources: Vec::new(),
        }
    }
}

pub(super) fn sizes(df: &Dockerfile, model: &Model) -> Sizes {
    let copies = copy_edges(model);
    let final_image = match model.final_stage {
        Some(i) => per_stage(df, model, &copies, i).estimate(Some(i)),
        None => Acc::unknown().estimate(None),
    };
    Sizes {
        final_image,
        single_stage: single_stage(df, model, &copies),
    }
}

/// The `COPY --from` edge of each instruction that has one: looked up per COPY, so a scan of
/// all edges each time made a long chain of stages quadratic.
fn copy_edges(model: &Model) -> HashMap<usize, &Edge> {
    let mut by_instruction = HashMap::new();
    for e in model.edges.iter().filter(|e| e.kind == EdgeKind::CopyFrom) {
        by_instruction.entry(e.instruction).or_insert(e);
    }
    by_instruction
}

/// The estimate of stage `last`, working through the stages in order (a stage only builds on
/// or copies from earlier ones). A stage's estimate is handed on, not copied, at its last use:
/// copying it along a chain of stages was quadratic.
fn per_stage(df: &Dockerfile, model: &Model, copies: &HashMap<usize, &Edge>, last: usize) -> Acc {
    let stages = &model.stages[..=last];
    let mut wholes: Vec<Vec<(usize, Option<Whole>)>> = stages
        .iter()
        .map(|st| {
            st.body()
                .map(|idx| (idx, whole_copy(copies, idx, &df.instructions[idx])))
                .collect()
        })
        .collect();
    let mut uses = vec![0usize; stages.len()];
    uses[last] += 1;
    for st in stages {
        if let Base::Stage { index } = st.base
            && index < st.index
        {
            uses[index] += 1;
        }
        for (_, whole) in &wholes[st.index] {
            if let Some(Whole::Stage(s)) = whole
                && *s < st.index
            {
                uses[*s] += 1;
            }
        }
    }
    let mut done: Vec<Option<Acc>> = Vec::with_capacity(stages.len());
    let mut take = |done: &mut Vec<Option<Acc>>, i: usize| -> Option<Acc> {
        let slot = done.get_mut(i)?;
        uses[i] = uses[i].saturating_sub(1);
        if uses[i] == 0 {
            slot.take()
        } else {
            slot.clone()
        }
    };
    for st in stages {
        let mut acc = match st.base {
            Base::Stage { index } if index < done.len() => {
                take(&mut done, index).unwrap_or_else(Acc::unknown)
            }
            Base::Image { .. } => Acc::from_image(st),
            _ => Acc::unknown(),
        };
        for (idx, whole) in std::mem::take(&mut wholes[st.index]) {
            let ins = &df.instructions[idx];
            match whole {
                Some(Whole::Stage(s)) if s < done.len() => {
                    let copied = take(&mut done, s).unwrap_or_else(Acc::unknown);
                    acc.add(&copied, part(st.index, ins));
                }
                Some(Whole::Image(info)) => acc.add(&Acc::image(&info), part(st.index, ins)),
                _ if adds_files(ins) => acc.add_unknown(part(st.index, ins)),
                _ => {}
            }
        }
        done.push(Some(acc));
    }
    take(&mut done, last).unwrap_or_else(Acc::unknown)
}

/// Everything the final stage needs, built in one stage on the first needed stage's base:
/// the same instructions, minus the copies between stages (the files are already there).
fn single_stage(df: &Dockerfile, model: &Model, copies: &HashMap<usize, &Edge>) -> Estimate {
    let Some(first) = model.reachable.iter().position(|&r| r) else {
        return Acc::unknown().estimate(None);
    };
    let mut acc = Acc::from_image(&model.stages[first]);
    for st in model.stages.iter().filter(|s| model.reachable[s.index]) {
        for idx in st.body() {
            let ins = &df.instructions[idx];
            match whole_copy(copies, idx, ins) {
                Some(Whole::Image(info)) => acc.add(&Acc::image(&info), part(st.index, ins)),
                _ if is_copy_between_stages(copies, idx) => {}
                _ if adds_files(ins) => acc.add_unknown(part(st.index, ins)),
                _ => {}
            }
        }
    }
    acc.estimate(Some(first))
}

/// What a `COPY --from=x / …` copies whole.
enum Whole {
    Stage(usize),
    Image(Box<ImageInfo>),
}

/// A COPY of a whole filesystem (`/`) from a stage or a known image.
fn whole_copy(copies: &HashMap<usize, &Edge>, idx: usize, ins: &Instruction) -> Option<Whole> {
    if ins.keyword != Keyword::Copy {
        return None;
    }
    let edge = copies.get(&idx)?;
    let words = copy_words(ins);
    let [source, _dest] = words.as_slice() else {
        return None;
    };
    if !matches!(source.as_str(), "/" | "/." | "/*") {
        return None;
    }
    match &edge.target {
        EdgeTarget::Stage { index } => Some(Whole::Stage(*index)),
        EdgeTarget::Image { image } => images::lookup(image).map(|i| Whole::Image(Box::new(i))),
        _ => None,
    }
}

fn is_copy_between_stages(copies: &HashMap<usize, &Edge>, idx: usize) -> bool {
    copies
        .get(&idx)
        .is_some_and(|e| matches!(e.target, EdgeTarget::Stage { .. }))
}

/// Instructions that add a layer with files (WORKDIR's empty directory is not counted).
fn adds_files(ins: &Instruction) -> bool {
    matches!(ins.keyword, Keyword::Run | Keyword::Copy | Keyword::Add)
}

fn part(stage: usize, ins: &Instruction) -> Part {
    const MAX: usize = 48;
    let first = ins.original.lines().next().unwrap_or("").trim();
    let what = if first.chars().count() > MAX {
        let cut: String = first.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    } else {
        first.to_string()
    };
    Part {
        line: ins.start_line as usize,
        stage,
        what,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Figure, inspect};

    const MB: u64 = 1_000_000;

    fn at_least(bytes: u64) -> Figure {
        Figure {
            min_bytes: Some(bytes),
            max_bytes: None,
            at_least: true,
            unknown: false,
        }
    }

    #[test]
    fn final_is_its_base_plus_unknown_additions() {
        let r = inspect(
            "FROM node:22 AS builder\nWORKDIR /app\nCOPY . .\nRUN npm ci\n\
             FROM node:22-alpine\nWORKDIR /app\nCOPY --from=builder /app/dist ./dist\n\
             CMD [\"node\", \"dist/server.js\"]\n",
        );
        let f = &r.sizes.final_image;
        assert_eq!(f.stage, Some(1));
        assert_eq!(f.base_image.as_deref(), Some("node:22-alpine"));
        assert_eq!(f.uncompressed, at_least(155 * MB));
        assert_eq!(f.compressed, at_least(60_700_000));
        assert_eq!(f.unknown_parts.len(), 1);
        assert_eq!(f.unknown_parts[0].line, 7);
        assert!(f.unknown_parts[0].what.starts_with("COPY --from=builder"));
        assert!(f.sources.iter().any(|s| s.contains("iximiuz")));
        let single = &r.sizes.single_stage;
        assert_eq!(single.stage, Some(0));
        assert_eq!(single.base_image.as_deref(), Some("node:22"));
        assert_eq!(single.uncompressed, at_least(1_100 * MB));
        assert_eq!(
            single.unknown_parts.len(),
            2,
            "COPY . . and RUN, not the stage copy"
        );
    }

    #[test]
    fn nothing_added_keeps_the_base_range() {
        let r = inspect("FROM gcr.io/distroless/static-debian13\nUSER 65532\nCMD [\"/app\"]\n");
        let f = &r.sizes.final_image.uncompressed;
        assert_eq!((f.min_bytes, f.max_bytes), (Some(2 * MB), Some(2 * MB)));
        assert!(!f.at_least && !f.unknown);
        let c = &r.sizes.final_image.compressed;
        assert_eq!((c.min_bytes, c.max_bytes), (Some(700_000), Some(MB)));
    }

    #[test]
    fn whole_filesystem_copies_are_counted() {
        let r = inspect(
            "FROM alpine:3.20 AS fs\nFROM scratch\nCOPY --from=fs / /\n\
             COPY --from=gcr.io/distroless/static-debian13 / /\n",
        );
        let f = &r.sizes.final_image.uncompressed;
        assert_eq!(f.min_bytes, Some(7_500_000 + 2 * MB));
        assert_eq!(f.max_bytes, Some(8_500_000 + 2 * MB));
        assert!(!f.at_least);
        let r = inspect("FROM alpine AS fs\nRUN apk add curl\nFROM scratch\nCOPY --from=fs / /\n");
        assert_eq!(r.sizes.final_image.uncompressed, at_least(7_500_000));
        assert_eq!(r.sizes.final_image.unknown_parts[0].line, 2);
    }

    #[test]
    fn unknown_base_is_unknown_never_guessed() {
        let r = inspect(
            "FROM golang:1.26 AS b\nRUN go build\nFROM mycorp/runtime:3\nCOPY --from=b /x /x\n",
        );
        assert_eq!(r.sizes.final_image.uncompressed, Figure::UNKNOWN);
        assert_eq!(r.sizes.final_image.compressed, Figure::UNKNOWN);
        assert_eq!(r.sizes.single_stage.uncompressed, at_least(850 * MB));
        let r = inspect("FROM mycorp/sdk AS b\nFROM scratch\nCOPY --from=b /x /x\n");
        assert_eq!(r.sizes.final_image.uncompressed, at_least(0));
        assert!(r.sizes.single_stage.uncompressed.unknown);
        let r = inspect("FROM $UNSET\n");
        assert!(r.sizes.final_image.uncompressed.unknown);
        assert_eq!(r.sizes.final_image.base_image, None);
    }

    #[test]
    fn base_from_a_global_arg_is_sized_by_its_value() {
        let r = inspect(
            "ARG RUNTIME=gcr.io/distroless/static-debian13:nonroot\nFROM golang:1.26 AS b\n\
             RUN go build -o /app\nFROM ${RUNTIME}\nCOPY --from=b /app /app\n",
        );
        let f = &r.sizes.final_image;
        assert_eq!(
            f.base_image.as_deref(),
            Some("gcr.io/distroless/static-debian13:nonroot")
        );
        assert_eq!(f.uncompressed, at_least(2 * MB));
    }

    #[test]
    fn single_stage_starts_from_the_first_needed_stage() {
        let r = inspect(
            "FROM python:3.13 AS unused\nFROM golang:1.26 AS build\nRUN go build\n\
             FROM scratch\nCOPY --from=build /app /app\n",
        );
        assert_eq!(r.sizes.single_stage.stage, Some(1));
        assert_eq!(
            r.sizes.single_stage.base_image.as_deref(),
            Some("golang:1.26")
        );
        assert_eq!(r.sizes.final_image.uncompressed, at_least(0));
    }
}
