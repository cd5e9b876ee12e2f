//! `.dockerignore` patterns with Docker's semantics (moby/patternmatcher, as BuildKit uses
//! it): lines read like `ignorefile.ReadAll` (`#` comments at column 1, blanks trimmed, `!`
//! exceptions, paths cleaned, a leading `/` dropped), and matched like `MatchesOrParentMatches`
//! (`*` and `?` stop at `/`, `**` spans directories, a pattern matching a parent directory
//! matches what is inside it, later patterns override earlier ones), including the shortcuts
//! patternmatcher takes for `foo/**` (a prefix) and `**foo` (a suffix).

/// A parsed `.dockerignore`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DockerIgnore {
    patterns: Vec<Pattern>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Pattern {
    exclusion: bool,
    /// The cleaned pattern, without its `!`.
    text: String,
    kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Exact,
    /// `lit/**`: the path starts with `lit/`.
    Prefix(String),
    /// `**lit`: the path ends with `lit` (or is `lit` without its leading `/`).
    Suffix(String),
    Glob(Vec<Tok>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Lit(char),
    /// `*`: any run of characters but `/`.
    Star,
    /// `?`: one character but `/`.
    One,
    /// `**` inside a pattern (`**/` too): nothing, or anything that ends with `/`.
    Dirs,
    /// `**` at the end: anything.
    All,
    /// `[…]`: (negated, ranges).
    Class(bool, Vec<(char, char)>),
}

impl DockerIgnore {
    /// Reads the text of a `.dockerignore` (a UTF-8 BOM is dropped).
    pub fn parse(text: &str) -> DockerIgnore {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let patterns = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let l = l.trim();
                let (exclusion, p) = match l.strip_prefix('!') {
                    Some(rest) => (true, rest.trim()),
                    None => (false, l),
                };
                if p.is_empty() {
                    // An empty line, or a bare `!` (which patternmatcher refuses).
                    return None;
                }
                let mut cleaned = clean(p);
                if cleaned.len() > 1 && cleaned.starts_with('/') {
                    cleaned.remove(0);
                }
                Some(Pattern {
                    exclusion,
                    kind: compile(&cleaned),
                    text: cleaned,
                })
            })
            .collect();
        DockerIgnore { patterns }
    }

    /// Whether any pattern is a `!` exception.
    pub(crate) fn has_exclusions(&self) -> bool {
        self.patterns.iter().any(|p| p.exclusion)
    }

    /// Whether a pattern excludes the whole context (`*`, `**` or `**/*`), so that `COPY . .`
    /// copies nothing (BuildKit's test for a context-root source).
    pub(crate) fn excludes_root(&self) -> bool {
        self.patterns
            .iter()
            .any(|p| !p.exclusion && matches!(p.text.as_str(), "*" | "**" | "**/*"))
    }

    /// Whether `file` (a cleaned, `/`-separated path relative to the context) is excluded:
    /// the last pattern that matches it or one of its parent directories decides.
    pub fn excludes(&self, file: &str) -> bool {
        let parent = match file.rfind('/') {
            Some(0) => "/",
            Some(i) => &file[..i],
            None => ".",
        };
        let dirs: Vec<&str> = parent.split('/').collect();
        let mut matched = false;
        for p in &self.patterns {
            if p.exclusion != matched {
                continue;
            }
            let mut hit = p.matches(file);
            if !hit && parent != "." {
                hit = (1..=dirs.len()).any(|n| p.matches(&dirs[..n].join("/")));
            }
            if hit {
                matched = !p.exclusion;
            }
        }
        matched
    }
}

impl Pattern {
    fn matches(&self, path: &str) -> bool {
        match &self.kind {
            Kind::Exact => path == self.text,
            Kind::Prefix(prefix) => path.starts_with(prefix.as_str()),
            Kind::Suffix(suffix) => {
                path.ends_with(suffix.as_str())
                    || suffix.strip_prefix('/').is_some_and(|s| path == s)
            }
            Kind::Glob(toks) => {
                let chars: Vec<char> = path.chars().collect();
                glob(toks, &chars)
            }
        }
    }
}

/// patternmatcher's `compile`, with its exact, prefix and suffix shortcuts (decided as it
/// decides them: a leading `**` makes a suffix match unless a later wildcard needs the
/// general matcher).
fn compile(pattern: &str) -> Kind {
    #[derive(PartialEq)]
    enum Type {
        Exact,
        Prefix,
        Suffix,
        General,
    }
    let chars: Vec<char> = pattern.chars().collect();
    let mut toks = Vec::new();
    let mut t = Type::Exact;
    let mut i = 0;
    let mut first = true;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        match c {
            '*' if chars.get(i) == Some(&'*') => {
                i += 1;
                if chars.get(i) == Some(&'/') {
                    i += 1;
                }
                if i == chars.len() {
                    t = if t == Type::Exact {
                        Type::Prefix
                    } else {
                        Type::General
                    };
                    toks.push(Tok::All);
                } else {
                    t = Type::General;
                    toks.push(Tok::Dirs);
                }
                if first {
                    t = Type::Suffix;
                }
            }
            '*' => {
                toks.push(Tok::Star);
                t = Type::General;
            }
            '?' => {
                toks.push(Tok::One);
                t = Type::General;
            }
            '\\' => match chars.get(i) {
                Some(&next) => {
                    i += 1;
                    toks.push(Tok::Lit(next));
                    t = Type::General;
                }
                None => toks.push(Tok::Lit('\\')),
            },
            '[' => {
                let (tok, end) = class(&chars, i);
                toks.push(tok);
                i = end;
                t = Type::General;
            }
            c => toks.push(Tok::Lit(c)),
        }
        first = false;
    }
    match t {
        Type::General => Kind::Glob(toks),
        Type::Suffix => Kind::Suffix(pattern[2..].to_string()),
        Type::Prefix => Kind::Prefix(pattern[..pattern.len() - 2].to_string()),
        Type::Exact => Kind::Exact,
    }
}

/// A `[…]` class starting after its `[` at `i`: the token and the index after its `]` (an
/// unclosed class is a literal `[`).
fn class(chars: &[char], mut i: usize) -> (Tok, usize) {
    let start = i;
    let negated = matches!(chars.get(i), Some('^'));
    if negated {
        i += 1;
    }
    let mut ranges = Vec::new();
    while i < chars.len() && (chars[i] != ']' || i == start + usize::from(negated)) {
        let lo = chars[i];
        if chars.get(i + 1) == Some(&'-') && chars.get(i + 2).is_some_and(|c| *c != ']') {
            ranges.push((lo, chars[i + 2]));
            i += 3;
        } else {
            ranges.push((lo, lo));
            i += 1;
        }
    }
    if i >= chars.len() {
        return (Tok::Lit('['), start);
    }
    (Tok::Class(negated, ranges), i + 1)
}

/// Whether `toks` match all of `s` (backtracking; paths are short).
fn glob(toks: &[Tok], s: &[char]) -> bool {
    let Some((tok, rest)) = toks.split_first() else {
        return s.is_empty();
    };
    match tok {
        Tok::Lit(c) => s.first() == Some(c) && glob(rest, &s[1..]),
        Tok::One => s.first().is_some_and(|c| *c != '/') && glob(rest, &s[1..]),
        Tok::Class(negated, ranges) => {
            s.first()
                .is_some_and(|c| ranges.iter().any(|(lo, hi)| (lo..=hi).contains(&c)) != *negated)
                && glob(rest, &s[1..])
        }
        Tok::Star => {
            let run = s.iter().take_while(|c| **c != '/').count();
            (0..=run).any(|n| glob(rest, &s[n..]))
        }
        Tok::All => (0..=s.len()).any(|n| glob(rest, &s[n..])),
        Tok::Dirs => glob(rest, s) || (0..s.len()).any(|n| s[n] == '/' && glob(rest, &s[n + 1..])),
    }
}

/// Go's `filepath.Clean` on a `/`-separated path.
pub(crate) fn clean(path: &str) -> String {
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            ".." if rooted => {}
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excluded(ignore: &str, file: &str) -> bool {
        DockerIgnore::parse(ignore).excludes(file)
    }

    #[test]
    fn cleans_like_go() {
        assert_eq!(clean("./a//b/../c/"), "a/c");
        assert_eq!(clean("/../a"), "/a");
        assert_eq!(clean("../a"), "../a");
        assert_eq!(clean("./"), ".");
        assert_eq!(clean("/"), "/");
    }

    #[test]
    fn reads_lines_like_ignorefile() {
        let d = DockerIgnore::parse(
            "\u{feff}# comment\n  /node_modules/  \n !keep \n\n  # not a comment\n",
        );
        let texts: Vec<(&str, bool)> = d
            .patterns
            .iter()
            .map(|p| (p.text.as_str(), p.exclusion))
            .collect();
        assert_eq!(
            texts,
            [
                ("node_modules", false),
                ("keep", true),
                ("# not a comment", false)
            ]
        );
        assert!(d.has_exclusions());
    }

    #[test]
    fn star_question_and_classes_stay_in_one_directory() {
        assert!(excluded("*.md", "README.md"));
        assert!(!excluded("*.md", "docs/README.md"));
        assert!(excluded("?.txt", "a.txt"));
        assert!(!excluded("?.txt", "ab.txt"));
        assert!(excluded("[a-c]at", "bat"));
        assert!(!excluded("[^a-c]at", "bat"));
        assert!(excluded("\\*", "*"));
        assert!(!excluded("\\*", "a"));
    }

    #[test]
    fn double_star_spans_directories() {
        assert!(excluded("**/*.md", "README.md"));
        assert!(excluded("**/*.md", "a/b/README.md"));
        assert!(excluded("a/**/b", "a/b"));
        assert!(excluded("a/**/b", "a/x/y/b"));
        assert!(excluded("**", "anything/at/all"));
        // The prefix shortcut: `dist/**` is `dist/` and what follows, not `dist` itself…
        assert!(excluded("dist/**", "dist/app.js"));
        assert!(!excluded("dist/**", "dist"));
        // …and the suffix shortcut: `**foo` is any path ending in foo.
        assert!(excluded("**.log", "a/b.log"));
        assert!(excluded("**/secret", "secret"));
    }

    #[test]
    fn a_matching_parent_excludes_what_is_inside() {
        assert!(excluded("node_modules", "node_modules/x/index.js"));
        assert!(excluded("/build", "build/out"));
        assert!(!excluded("build", "src/build"));
    }

    #[test]
    fn later_exceptions_win() {
        let ignore = "*.md\n!README.md\n";
        assert!(excluded(ignore, "NOTES.md"));
        assert!(!excluded(ignore, "README.md"));
        assert!(excluded("**\n!Dockerfile\nDockerfile\n", "Dockerfile"));
    }

    #[test]
    fn root_exclusion() {
        assert!(DockerIgnore::parse("*\n").excludes_root());
        assert!(!DockerIgnore::parse(".*\n").excludes_root());
    }
}
