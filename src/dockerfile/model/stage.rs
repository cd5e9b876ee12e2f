//! Stages: where each begins and ends, what it builds on, and its state at the end (user,
//! WORKDIR, SHELL, ENV), following `FROM <stage>` chains down to an image.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use super::Model;
use super::expand::ExpandError;
use super::image_ref::ImageRef;
// The meta-arg scope has its own module; these were public here and stay reachable.
pub(crate) use super::meta_args::{GlobalArg, expand_from_word};
use crate::dockerfile::ast::{Args, Dockerfile, Instruction, Keyword, Word};
use crate::dockerfile::images::{self, ImageInfo};

/// What a stage is built on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Base {
    /// An image (after `${VAR}` expansion), e.g. `golang:1.26`, `scratch`.
    Image { written: String, image: ImageRef },
    /// An earlier stage, by index.
    Stage { index: usize },
    /// The base could not be worked out; `why` says what kind of problem, `reason` in words.
    Unresolved {
        written: String,
        why: Unresolved,
        reason: String,
    },
}

/// Why a stage's base could not be resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unresolved {
    /// `FROM` without an image word.
    NoImage,
    /// A `${VAR}` with no global default (it may be given with `--build-arg`).
    UnsetVariable,
    /// A syntax error in a substitution (`${x`, `${}`).
    Expansion,
    /// A substitution the model does not evaluate (`${v#pat}`…): valid, but unknown here.
    Unsupported,
    /// The expanded text is not a valid image reference.
    InvalidReference,
}

/// One build stage: a FROM and the instructions up to the next FROM.
#[derive(Debug, Clone, Serialize)]
pub struct Stage {
    /// 0-based position (what `COPY --from=0` refers to).
    pub index: usize,
    /// The name after `AS`, lower-cased as BuildKit does (lookups are case-insensitive).
    pub name: Option<String>,
    /// The name as written, for casing checks.
    #[serde(skip)]
    pub(crate) name_word: Option<Word>,
    /// Index of the FROM instruction.
    pub from: usize,
    /// Indices of the stage's instructions, FROM included.
    pub instructions: Range<usize>,
    pub base: Base,
    /// `--platform` as written.
    pub platform: Option<String>,
    /// The image at the root of the FROM chain (this stage's own image, or its ancestor's).
    pub base_image: Option<ImageRef>,
    /// What the image table says about `base_image`; `None` = unknown image.
    pub image_info: Option<ImageInfo>,
    /// The user the stage runs as at its end; `None` = unknown.
    pub user: Option<String>,
    /// The USER instruction that set `user` (in this stage or an ancestor stage), if any.
    pub user_instruction: Option<usize>,
    /// The last WORKDIR set explicitly (in this stage or an ancestor stage), resolved against
    /// earlier ones.
    pub workdir: Option<String>,
    /// A SHELL instruction is in effect.
    pub shell_set: bool,
    /// ENV assignments in effect at the end (ancestors first), quotes removed.
    pub env: Vec<(String, String)>,
}

impl Stage {
    /// How the stage is referred to in messages: its name, or its index.
    pub fn label(&self) -> String {
        self.name
            .clone()
            .unwrap_or_else(|| format!("stage {}", self.index))
    }

    /// The ENV value of `name` at the end of the stage.
    pub fn env_value(&self, name: &str) -> Option<&str> {
        self.env
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the stage's final user is root; `None` when unknown.
    pub fn runs_as_root(&self) -> Option<bool> {
        self.user.as_deref().map(images::is_root_user)
    }

    /// Instruction indices after the FROM.
    pub fn body(&self) -> Range<usize> {
        self.from + 1..self.instructions.end
    }
}

pub(super) fn split(df: &Dockerfile, first_from: usize, globals: &[GlobalArg]) -> Vec<Stage> {
    let ins = &df.instructions;
    let mut starts: Vec<usize> = (first_from..ins.len())
        .filter(|&i| ins[i].keyword == Keyword::From)
        .collect();
    starts.push(ins.len());
    let mut stages: Vec<Stage> = Vec::new();
    // Lower-cased name → the latest stage so far with it (lookups must stay linear overall).
    let mut named: HashMap<String, usize> = HashMap::new();
    for (index, w) in starts.windows(2).enumerate() {
        let from = &ins[w[0]];
        let (image_word, alias, platform) = match &from.args {
            Args::From(f) => (f.image.clone(), f.alias.clone(), f.platform.clone()),
            _ => (None, None, None),
        };
        let name = alias.as_ref().map(|a| a.text.to_ascii_lowercase());
        // BuildKit (dockerfile2llb `addState`) resolves the base before it registers this
        // stage's own name: `FROM gcc AS gcc` is the image gcc, and a FROM never forms a cycle.
        let base = resolve_base(image_word.as_ref(), &named, globals, df.escape);
        if let Some(n) = &name {
            named.insert(n.clone(), index);
        }
        stages.push(Stage {
            index,
            name,
            name_word: alias,
            from: w[0],
            instructions: w[0]..w[1],
            base,
            platform: platform.map(|p| p.text),
            base_image: None,
            image_info: None,
            user: None,
            user_instruction: None,
            workdir: None,
            shell_set: false,
            env: Vec::new(),
        });
    }
    stages
}

fn resolve_base(
    word: Option<&Word>,
    earlier: &HashMap<String, usize>,
    globals: &[GlobalArg],
    escape: char,
) -> Base {
    let Some(word) = word else {
        return Base::Unresolved {
            written: String::new(),
            why: Unresolved::NoImage,
            reason: "FROM has no image".into(),
        };
    };
    let written = word.text.clone();
    let unresolved = |why: Unresolved, reason: String| Base::Unresolved {
        written: written.clone(),
        why,
        reason,
    };
    let value = match expand_from_word(&written, globals, escape) {
        Ok(e) if !e.unset.is_empty() => {
            return unresolved(
                Unresolved::UnsetVariable,
                format!("${} has no default value", e.unset[0]),
            );
        }
        Ok(e) => e.value,
        Err(e @ ExpandError::Unsupported(_)) => {
            return unresolved(Unresolved::Unsupported, e.to_string());
        }
        Err(e) => return unresolved(Unresolved::Expansion, e.to_string()),
    };
    // Stage names are stored lower-cased but the base is looked up as written (BuildKit's
    // `statesByName[BaseName]`): `FROM Build` names no stage, and is an invalid image.
    if let Some(&i) = earlier.get(&value) {
        return Base::Stage { index: i };
    }
    match ImageRef::parse(&value) {
        Ok(image) => Base::Image {
            written: value,
            image,
        },
        Err(e) => unresolved(Unresolved::InvalidReference, e.to_string()),
    }
}

/// Fills in each stage's effective image, user, WORKDIR, SHELL and ENV, in stage order (a
/// stage only builds on earlier ones).
pub(super) fn resolve_states(df: &Dockerfile, model: &mut Model) {
    for i in 0..model.stages.len() {
        // A parent stage is always an earlier one (names resolve to earlier stages only).
        let (earlier, rest) = model.stages.split_at_mut(i);
        let st = &mut rest[0];
        let parent = match st.base {
            Base::Stage { index } => earlier.get(index),
            _ => None,
        };
        match parent {
            Some(p) => {
                st.base_image = p.base_image.clone();
                st.image_info = p.image_info.clone();
                st.user = p.user.clone();
                st.user_instruction = p.user_instruction;
                st.workdir = p.workdir.clone();
                st.shell_set = p.shell_set;
                st.env = p.env.clone();
            }
            None => {
                if let Base::Image { image, .. } = &st.base {
                    st.image_info = images::lookup(image);
                    st.base_image = Some(image.clone());
                    st.user = st.image_info.as_ref().and_then(|info| info.user.clone());
                }
            }
        }
        for idx in st.body() {
            apply(&df.instructions[idx], idx, st);
        }
    }
}

fn apply(ins: &Instruction, idx: usize, st: &mut Stage) {
    match (&ins.keyword, &ins.args) {
        (Keyword::User, Args::Text(w)) => {
            st.user = Some(w.text.trim().to_string());
            st.user_instruction = Some(idx);
        }
        (Keyword::Workdir, Args::Text(w)) => {
            let dir = unquote(w.text.trim());
            st.workdir = Some(match &st.workdir {
                Some(prev) if !dir.starts_with('/') && !dir.starts_with('$') => {
                    format!("{}/{}", prev.trim_end_matches('/'), dir)
                }
                _ => dir,
            });
        }
        (Keyword::Shell, _) => st.shell_set = true,
        (Keyword::Env, Args::KeyValues { pairs, .. }) => {
            for kv in pairs {
                st.env.push((kv.key.text.clone(), unquote(&kv.value.text)));
            }
        }
        _ => {}
    }
}

/// Removes one level of surrounding quotes (`"a b"` → `a b`).
pub(crate) fn unquote(s: &str) -> String {
    unquoted(s).to_string()
}

/// [`unquote`], borrowed.
pub(crate) fn unquoted(s: &str) -> &str {
    let s = s.trim();
    for q in ['"', '\''] {
        if s.len() >= 2 && s.starts_with(q) && s.ends_with(q) {
            return &s[1..s.len() - 1];
        }
    }
    s
}
