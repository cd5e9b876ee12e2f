//! The app's one highlighter: code block text + fence language → styled lines, cached.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use syntect::highlighting::{HighlightIterator, HighlightState};
use syntect::parsing::{ParseState, ScopeStack, SyntaxReference, SyntaxSet};

use super::assets::{DOCKERFILE, DOCKERFILE_BACKTICK, other_syntax_set, syntax_set, theme_set};
use super::escape_directive::declares_backtick_escape;
use super::model_refs::stage_refs;
use super::stages::{StageRef, overlay_stages};
use super::style::{HighlightedLines, HlStyle, StyledSpan, push_span};
use super::theme::CodeTheme;

/// Blocks kept before the cache is emptied; a course has far fewer code blocks than this.
const CACHE_CAPACITY: usize = 512;

/// Blocks longer than this are highlighted on a worker thread by
/// [`Highlighter::highlight_soon`]: about 0.1 s of work on a slow machine, a visible stall.
pub const BACKGROUND_LINES: usize = 1_500;

/// Fence languages that mean our Dockerfile grammar.
const DOCKERFILE_NAMES: [&str; 3] = ["dockerfile", "docker", "containerfile"];

/// Highlights code blocks with one theme. Cheap to share (`Arc<Highlighter>`); results are
/// cached per (language, text), so asking again for the same block costs a hash.
pub struct Highlighter {
    theme: CodeTheme,
    cache: Mutex<HashMap<u64, Arc<HighlightedLines>>>,
    /// Blocks being highlighted on worker threads, by cache key.
    pending: Mutex<HashSet<u64>>,
    /// How many worker results have landed in the cache.
    landed: AtomicU64,
}

impl Highlighter {
    pub fn new(theme: CodeTheme) -> Highlighter {
        Highlighter {
            theme,
            cache: Mutex::new(HashMap::new()),
            pending: Mutex::new(HashSet::new()),
            landed: AtomicU64::new(0),
        }
    }

    pub fn theme(&self) -> CodeTheme {
        self.theme
    }

    /// Styled lines, one per source line (split at `\n`, a trailing `\r` dropped). `lang` is
    /// the fence's info string; `None`, an empty or unknown language gives plain text.
    pub fn highlight(&self, code: &str, lang: Option<&str>) -> Arc<HighlightedLines> {
        let key = cache_key(code, lang);
        if let Some(hit) = self.lock_cache().get(&key) {
            return Arc::clone(hit);
        }
        let lines = Arc::new(self.highlight_uncached(code, lang));
        self.store(key, Arc::clone(&lines));
        lines
    }

    /// [`Highlighter::highlight`] with the validator's stage spans laid over it, in this
    /// theme's stage palette. Not cached: the caller keeps the result with its stage model.
    pub fn highlight_with_stages(
        &self,
        code: &str,
        lang: Option<&str>,
        refs: &[StageRef],
    ) -> HighlightedLines {
        overlay_stages(
            &self.highlight(code, lang),
            refs,
            self.theme.stage_palette(),
        )
    }

    /// A code block's colours (with the stage overlay when `stages`) if they can be had now.
    /// A block of more than [`BACKGROUND_LINES`] lines is highlighted once on a worker thread:
    /// until it is done this returns `None` (draw the block plain), and [`Highlighter::landed`]
    /// counts up when it is, so the caller knows to draw again. Results are cached.
    pub fn highlight_soon(
        self: &Arc<Self>,
        code: &str,
        lang: Option<&str>,
        stages: bool,
    ) -> Option<Arc<HighlightedLines>> {
        let key = cache_key(code, lang) ^ u64::from(stages);
        if let Some(hit) = self.lock_cache().get(&key) {
            return Some(Arc::clone(hit));
        }
        let work = {
            let (code, lang) = (code.to_owned(), lang.map(str::to_owned));
            move |hl: &Highlighter| {
                let lang = lang.as_deref();
                if stages {
                    hl.highlight_with_stages(&code, lang, &stage_refs(&code))
                } else {
                    hl.highlight_uncached(&code, lang)
                }
            }
        };
        if code.lines().nth(BACKGROUND_LINES).is_none() {
            let lines = Arc::new(work(self));
            self.store(key, Arc::clone(&lines));
            return Some(lines);
        }
        if self.lock_pending().insert(key) {
            let me = Arc::clone(self);
            let spawned = std::thread::Builder::new()
                .name("highlight".into())
                .spawn(move || {
                    me.store(key, Arc::new(work(&me)));
                    me.lock_pending().remove(&key);
                    me.landed.fetch_add(1, Ordering::Release);
                });
            if spawned.is_err() {
                // No thread to be had: the block stays plain, and asking again retries.
                self.lock_pending().remove(&key);
            }
        }
        None
    }

    /// Counts the blocks [`Highlighter::highlight_soon`] finished in the background.
    pub fn landed(&self) -> u64 {
        self.landed.load(Ordering::Acquire)
    }

    /// Whether any block is still being highlighted in the background.
    pub fn busy(&self) -> bool {
        !self.lock_pending().is_empty()
    }

    fn store(&self, key: u64, lines: Arc<HighlightedLines>) {
        let mut cache = self.lock_cache();
        if cache.len() >= CACHE_CAPACITY {
            cache.clear();
        }
        cache.insert(key, lines);
    }

    fn lock_pending(&self) -> std::sync::MutexGuard<'_, HashSet<u64>> {
        self.pending
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn lock_cache(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Arc<HighlightedLines>>> {
        // A panic while holding the lock cannot leave the map half-written; keep using it.
        self.cache
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn highlight_uncached(&self, code: &str, lang: Option<&str>) -> HighlightedLines {
        let Some(styler) = LineStyler::new(code, lang, self.theme) else {
            return plain(code);
        };
        let mut state = styler.start();
        let mut out = Vec::new();
        let mut buffer = String::new();
        for line in source_lines(code) {
            match styler.line(&mut state, line, &mut buffer) {
                Some(spans) => out.push(spans),
                // A grammar error (a bad regex) must not lose the text: the rest is plain.
                None => {
                    let done = out.len();
                    out.extend(source_lines(code).skip(done).map(plain_line));
                    break;
                }
            }
        }
        out
    }
}

/// The parser's and the theme's state between two lines: resuming from it gives the same
/// colours as highlighting the whole text again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct LineState {
    parse: ParseState,
    highlight: HighlightState,
}

/// Highlights one line at a time with one syntax and theme.
pub(super) struct LineStyler {
    /// The set `syntax` belongs to: its contexts are looked up there.
    set: &'static SyntaxSet,
    syntax: &'static SyntaxReference,
    highlighter: syntect::highlighting::Highlighter<'static>,
}

impl LineStyler {
    /// The styler for `code` in fence language `lang`; `None` means plain text.
    pub(super) fn new(code: &str, lang: Option<&str>, theme: CodeTheme) -> Option<LineStyler> {
        let (set, syntax) = syntax_for(code, lang)?;
        let theme = theme_set().themes.get(theme.name())?;
        Some(LineStyler {
            set,
            syntax,
            highlighter: syntect::highlighting::Highlighter::new(theme),
        })
    }

    /// The state before the first line.
    pub(super) fn start(&self) -> LineState {
        LineState {
            parse: ParseState::new(self.syntax),
            highlight: HighlightState::new(&self.highlighter, ScopeStack::new()),
        }
    }

    /// One source line (without its newline) as styled spans, moving `state` past it.
    /// `None` on a grammar error. `buffer` is scratch space kept between calls.
    pub(super) fn line(
        &self,
        state: &mut LineState,
        line: &str,
        buffer: &mut String,
    ) -> Option<Vec<StyledSpan>> {
        // The grammars are written for lines that end in a newline.
        buffer.clear();
        buffer.push_str(line);
        buffer.push('\n');
        let ops = state.parse.parse_line(buffer, self.set).ok()?;
        let mut spans = Vec::new();
        for (style, text) in
            HighlightIterator::new(&mut state.highlight, &ops, buffer, &self.highlighter)
        {
            push_span(
                &mut spans,
                text.trim_end_matches('\n'),
                HlStyle::from_syntect(style),
            );
        }
        Some(spans)
    }
}

impl Default for Highlighter {
    fn default() -> Highlighter {
        Highlighter::new(CodeTheme::default())
    }
}

/// The syntax for a fence language and the set it is in, or `None` for plain text.
fn syntax_for(
    code: &str,
    lang: Option<&str>,
) -> Option<(&'static SyntaxSet, &'static SyntaxReference)> {
    // The info string may carry more after the language (`dockerfile title="x"`).
    let lang = lang?.split_whitespace().next()?.to_ascii_lowercase();
    let ours = syntax_set();
    if DOCKERFILE_NAMES.contains(&lang.as_str()) {
        let name = if declares_backtick_escape(code) {
            DOCKERFILE_BACKTICK
        } else {
            DOCKERFILE
        };
        return Some((ours, ours.find_syntax_by_name(name)?));
    }
    if let Some(syntax) = ours.find_syntax_by_token(&lang) {
        return Some((ours, syntax));
    }
    let other = other_syntax_set(&lang)?;
    Some((other, other.find_syntax_by_token(&lang)?))
}

pub(super) fn source_lines(code: &str) -> impl Iterator<Item = &str> {
    code.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l))
}

pub(super) fn plain_line(line: &str) -> Vec<StyledSpan> {
    let mut spans = Vec::new();
    push_span(&mut spans, line, HlStyle::default());
    spans
}

fn plain(code: &str) -> HighlightedLines {
    source_lines(code).map(plain_line).collect()
}

fn cache_key(code: &str, lang: Option<&str>) -> u64 {
    let mut hasher = DefaultHasher::new();
    lang.hash(&mut hasher);
    code.hash(&mut hasher);
    hasher.finish()
}

/// A small Dockerfile touching the shell embedding, so its regexes are compiled.
const WARM_UP_SAMPLE: &str = "# syntax=docker/dockerfile:1\n\
FROM golang:1.25 AS build\n\
RUN --mount=type=cache,target=/root/.cache go build -o /out/app ./... && \\\n    echo \"built $(date)\" | tee /log\n\
COPY --from=build /out/app /app\n\
CMD [\"/app\"]\n";

/// Compiles the regexes of the Dockerfile and shell grammars that a lesson's first block needs. Call once on a background thread after the first frame so the first lesson
/// never stalls:
/// `std::thread::spawn(dockerlings::highlight::warm_up);`
pub fn warm_up() {
    let _ = Highlighter::new(CodeTheme::Ansi).highlight(WARM_UP_SAMPLE, Some("dockerfile"));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(lines: &HighlightedLines) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn text_is_preserved_line_by_line() {
        let code = "FROM alpine AS base\r\nRUN echo hi \\\n  && ls\n";
        let lines = Highlighter::default().highlight(code, Some("dockerfile"));
        assert_eq!(
            text_of(&lines),
            ["FROM alpine AS base", "RUN echo hi \\", "  && ls", ""]
        );
    }

    #[test]
    fn unknown_or_missing_language_is_plain_text() {
        let hl = Highlighter::default();
        for lang in [None, Some(""), Some("no-such-language"), Some("   ")] {
            let lines = hl.highlight("FROM x\nRUN y", lang);
            assert_eq!(lines.len(), 2);
            assert!(
                lines
                    .iter()
                    .flatten()
                    .all(|s| s.style == HlStyle::default()),
                "{lang:?}"
            );
        }
    }

    #[test]
    fn fence_info_after_the_language_is_ignored() {
        let hl = Highlighter::default();
        let lines = hl.highlight("FROM x", Some("Dockerfile title=\"build\""));
        assert!(lines[0][0].style.bold, "instruction styled: {:?}", lines[0]);
    }

    #[test]
    fn other_languages_use_syntect_defaults() {
        let lines = Highlighter::default().highlight("fn main() {}", Some("rust"));
        assert!(lines[0].len() > 1, "{:?}", lines[0]);
    }

    #[test]
    fn repeated_blocks_come_from_the_cache() {
        let hl = Highlighter::default();
        let a = hl.highlight("FROM x", Some("dockerfile"));
        let b = hl.highlight("FROM x", Some("dockerfile"));
        assert!(Arc::ptr_eq(&a, &b));
        let other_lang = hl.highlight("FROM x", Some("text"));
        assert!(!Arc::ptr_eq(&a, &other_lang));
    }

    #[test]
    fn a_ten_thousand_line_block_is_highlighted_once() {
        let code: String = (0..10_000)
            .map(|i| format!("RUN echo {i} && ls /tmp\n"))
            .collect();
        let hl = Highlighter::default();
        let first = hl.highlight(&code, Some("dockerfile"));
        assert_eq!(first.len(), 10_001);
        assert_eq!(
            first[9_999]
                .iter()
                .map(|s| s.text.as_str())
                .collect::<String>(),
            "RUN echo 9999 && ls /tmp"
        );
        assert!(Arc::ptr_eq(
            &first,
            &hl.highlight(&code, Some("dockerfile"))
        ));
    }

    /// Waits (up to a minute, for slow shared machines) until `hl` has landed more than `seen`.
    fn wait_for_landing(hl: &Highlighter, seen: u64) {
        let start = std::time::Instant::now();
        while hl.landed() == seen {
            assert!(start.elapsed().as_secs() < 60, "the worker never finished");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }

    #[test]
    fn large_blocks_are_highlighted_on_a_worker_small_ones_at_once() {
        let hl = Arc::new(Highlighter::default());
        let small = "FROM a AS b\nCOPY --from=b /x /y";
        let now = hl.highlight_soon(small, Some("dockerfile"), true);
        assert_eq!(now.as_deref().map(Vec::len), Some(2));
        assert_eq!(hl.landed(), 0);

        let big: String = (0..BACKGROUND_LINES + 10)
            .map(|i| format!("RUN echo {i}\n"))
            .collect();
        assert!(hl.highlight_soon(&big, Some("dockerfile"), true).is_none());
        // Asking again while it runs starts no second worker.
        let again = hl.highlight_soon(&big, Some("dockerfile"), true);
        assert!(again.is_none() || hl.landed() == 1);
        wait_for_landing(&hl, 0);
        assert!(!hl.busy());
        let done = hl.highlight_soon(&big, Some("dockerfile"), true).unwrap();
        assert_eq!(done.len(), BACKGROUND_LINES + 11);
        assert!(done[0][0].style.bold, "coloured: {:?}", done[0]);
        assert_eq!(hl.landed(), 1, "one worker for one block");
    }

    #[test]
    fn backtick_directive_selects_the_variant() {
        let hl = Highlighter::default();
        let code = "# escape=`\nRUN dir `\n  c:\\\nUSER x";
        let lines = hl.highlight(code, Some("dockerfile"));
        // USER is an instruction again (bold), so the trailing `\` did not continue the line.
        assert!(lines[3][0].style.bold, "{:?}", lines[3]);
        let plain = hl.highlight(&code.replace("# escape=`\n", ""), Some("dockerfile"));
        assert!(!plain[2][0].style.bold, "{:?}", plain[2]);
    }
}
