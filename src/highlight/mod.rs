//! Syntax highlighting: our own Dockerfile and shell grammars (plus syntect's defaults, loaded
//! only for blocks in other fenced languages), themes, colour-depth fallback and the
//! stage-aware overlay.
//!
//! One [`Highlighter`] serves the whole app (reader, quiz editor, `check`). It turns a code
//! block into styled lines with a terminal-independent [`HlStyle`]; the TUI converts a
//! style for the [`ColorDepth`] at draw time. Results are cached per block, but highlighting a
//! large block still takes time, so callers highlight when content loads (or on a worker
//! thread) and keep the `Arc`, never on the draw path.
//!
//! The grammar and themes are precompiled by build.rs (build/highlight.rs) and embedded; call
//! [`warm_up`] on a background thread once the first frame is drawn, to compile the shell regexes
//! before the first lesson needs them.

mod ansi_text;
mod assets;
#[cfg(test)]
mod course_spans;
mod depth;
mod editor;
mod escape_directive;
mod highlighter;
mod model_refs;
mod palette;
#[cfg(test)]
mod shell_scopes;
mod stages;
mod style;
mod theme;

pub(crate) use ansi_text::line_to_ansi;
pub use assets::{load_syntax_set, load_theme_set};
pub(crate) use depth::ColorChoice;
pub use depth::ColorDepth;
pub(crate) use editor::EditorHighlight;
pub use escape_directive::declares_backtick_escape;
pub use highlighter::{BACKGROUND_LINES, Highlighter, warm_up};
pub use model_refs::stage_refs;
pub use palette::at_depth;
pub use stages::{LineSpan, StageRef};
pub(crate) use style::{AnsiColor, HlColor};
pub use style::{HighlightedLines, HlStyle, StyledSpan};
pub use theme::CodeTheme;
