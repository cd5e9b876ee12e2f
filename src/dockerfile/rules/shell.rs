//! A small shell-command splitter for RUN bodies: enough to find `apt-get install` and its
//! options, pipes, `cd`, `go build` and leading `VAR=value` assignments. Not a shell parser:
//! it splits on `&&`, `||`, `;`, `|`, `&`, newlines and parentheses, honours quotes and `\`,
//! and drops `#` comments.

/// One simple command.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Command {
    /// Leading `NAME=value` assignments.
    pub env: Vec<(String, String)>,
    /// The words, quotes removed.
    pub words: Vec<String>,
    /// How many leading words are wrappers (see [`Command::without_wrappers`]), counted once
    /// when the command is split: rules ask for the program dozens of times per command.
    wrappers: usize,
}

impl Command {
    /// The program name without its directory (`/usr/bin/apt-get` → `apt-get`).
    pub fn program(&self) -> Option<&str> {
        self.words
            .first()
            .map(|w| w.rsplit('/').next().unwrap_or(w))
    }

    /// Whether this is `program sub…` (e.g. `is("apt-get", &["install"])`): the program, then
    /// the subcommand as the first non-option word.
    pub fn is(&self, program: &str, sub: &[&str]) -> bool {
        let words = self.without_wrappers();
        if !words.first().is_some_and(|w| names_program(w, program)) {
            return false;
        }
        if sub.is_empty() {
            return true;
        }
        words[1..]
            .iter()
            .find(|w| !w.starts_with('-'))
            .is_some_and(|w| sub.contains(&w.as_str()))
    }

    /// Words after `sudo`/`env VAR=…`/`exec` wrappers.
    pub fn without_wrappers(&self) -> &[String] {
        self.words.get(self.wrappers..).unwrap_or_default()
    }

    /// The arguments after the subcommand that are not options (packages, paths).
    pub fn operands(&self) -> impl Iterator<Item = &str> {
        let words = self.without_wrappers();
        words
            .iter()
            .skip(1)
            .skip_while(|w| w.starts_with('-'))
            .skip(1)
            .map(String::as_str)
            .filter(|w| !w.starts_with('-'))
    }

    /// Whether any word equals one of `flags` or starts with `flag=`.
    pub fn has_flag(&self, flags: &[&str]) -> bool {
        self.words.iter().any(|w| {
            flags.iter().any(|f| {
                w == f
                    || (f.starts_with("--")
                        && w.strip_prefix(f).is_some_and(|r| r.starts_with('=')))
            })
        })
    }

    /// Whether a short-option cluster contains `c` (`-qy` has `y`), or a word equals `long`.
    pub fn has_short_or_long(&self, c: char, long: &[&str]) -> bool {
        self.words.iter().any(|w| {
            long.contains(&w.as_str())
                || (w.starts_with('-') && !w.starts_with("--") && w[1..].contains(c))
        })
    }
}

/// How many leading words of a command are wrappers or shell keywords before the program.
fn wrapper_count(words: &[String]) -> usize {
    let mut w = words;
    while let Some(first) = w.first() {
        match first.as_str() {
            // Wrappers and the shell keywords that can precede a command.
            "sudo" | "exec" | "nohup" | "time" | "then" | "do" | "else" | "elif" | "if" | "!"
            | "{" => w = &w[1..],
            "env" => {
                w = &w[1..];
                while w
                    .first()
                    .is_some_and(|x| x.contains('=') && !x.starts_with('-'))
                {
                    w = &w[1..];
                }
            }
            _ => break,
        }
    }
    words.len() - w.len()
}

/// Whether `word` is `program` or a path ending in `/program` (`program` has no `/`). Rules
/// ask this of every command many times, so it compares the tail instead of splitting.
fn names_program(word: &str, program: &str) -> bool {
    word.strip_suffix(program)
        .is_some_and(|dir| dir.is_empty() || dir.ends_with('/'))
}

/// A script split into commands, with the separators seen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Script {
    pub commands: Vec<Command>,
    /// A single `|` joined two commands.
    pub has_pipe: bool,
}

impl Script {
    pub fn any(&self, program: &str, sub: &[&str]) -> bool {
        self.commands.iter().any(|c| c.is(program, sub))
    }

    pub fn find<'a>(
        &'a self,
        program: &'a str,
        sub: &'a [&'a str],
    ) -> impl Iterator<Item = &'a Command> + 'a {
        self.commands.iter().filter(move |c| c.is(program, sub))
    }
}

/// Splits `text` into simple commands.
pub fn parse(text: &str) -> Script {
    let mut script = Script::default();
    let mut cmd = Command::default();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = text.chars().peekable();
    let finish_word = |cmd: &mut Command, word: &mut String, in_word: &mut bool| {
        if *in_word {
            // `word` is a scratch buffer reused across words, so each word costs one
            // allocation of its exact size rather than a series of regrowths.
            let w = word.as_str();
            let is_assignment = cmd.words.is_empty()
                && w.split_once('=').is_some_and(|(k, _)| {
                    !k.is_empty()
                        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                        && !k.starts_with(|c: char| c.is_ascii_digit())
                });
            if is_assignment {
                let (k, v) = w.split_once('=').unwrap_or_default();
                cmd.env.push((k.to_string(), v.to_string()));
            } else {
                cmd.words.push(w.to_owned());
            }
            word.clear();
            *in_word = false;
        }
    };
    let finish_cmd = |script: &mut Script, cmd: &mut Command| {
        if !cmd.words.is_empty() || !cmd.env.is_empty() {
            cmd.wrappers = wrapper_count(&cmd.words);
            script.commands.push(std::mem::take(cmd));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                in_word = true;
                while let Some(q) = chars.next() {
                    if q == c {
                        break;
                    }
                    if c == '"' && q == '$' && chars.peek() == Some(&'(') {
                        // A command substitution keeps its own quoting: "$(a "$b" | c)".
                        let inner = substitution(&mut chars);
                        script.has_pipe |= parse(&inner).has_pipe;
                        word.push_str("$(");
                        word.push_str(&inner);
                        word.push(')');
                        continue;
                    }
                    if q == '\\' && c == '"' {
                        if let Some(n) = chars.next() {
                            word.push(n);
                        }
                        continue;
                    }
                    word.push(q);
                }
            }
            '\\' => {
                in_word = true;
                match chars.next() {
                    Some('\n') | None => {}
                    Some(n) => word.push(n),
                }
            }
            '#' if !in_word => {
                for n in chars.by_ref() {
                    if n == '\n' {
                        break;
                    }
                }
                finish_cmd(&mut script, &mut cmd);
            }
            '&' if chars.peek() == Some(&'>') || (in_word && word.ends_with('>')) => {
                // `&>file`, `2>&1`: redirections, not separators.
                word.push(c);
                in_word = true;
            }
            '|' | '&' | ';' | '\n' | '(' | ')' => {
                finish_word(&mut cmd, &mut word, &mut in_word);
                if c == '|' {
                    if chars.peek() == Some(&'|') {
                        chars.next();
                    } else {
                        script.has_pipe = true;
                    }
                } else if c == '&' && chars.peek() == Some(&'&') {
                    chars.next();
                }
                finish_cmd(&mut script, &mut cmd);
            }
            c if c.is_whitespace() => finish_word(&mut cmd, &mut word, &mut in_word),
            c => {
                in_word = true;
                word.push(c);
            }
        }
    }
    finish_word(&mut cmd, &mut word, &mut in_word);
    finish_cmd(&mut script, &mut cmd);
    script
}

/// Reads `(…)` after a `$` up to the matching parenthesis; returns the text inside.
fn substitution(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> String {
    chars.next(); // the '('
    let mut depth = 1;
    let mut inner = String::new();
    for c in chars.by_ref() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ => {}
        }
        inner.push(c);
    }
    inner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn program_names_match_whole_path_segments() {
        assert!(names_program("apt-get", "apt-get"));
        assert!(names_program("/usr/bin/apt-get", "apt-get"));
        assert!(!names_program("xapt-get", "apt-get"));
        assert!(!names_program("apt-get/", "apt-get"));
        assert!(!names_program("", "go"));
    }

    #[test]
    fn splits_commands_and_assignments() {
        let s =
            parse("apt-get update && apt-get install -y curl; CGO_ENABLED=0 go build -o /app .");
        assert_eq!(s.commands.len(), 3);
        assert!(s.commands[1].is("apt-get", &["install"]));
        assert_eq!(s.commands[1].operands().collect::<Vec<_>>(), ["curl"]);
        assert_eq!(s.commands[2].env, [("CGO_ENABLED".into(), "0".into())]);
        assert!(s.commands[2].is("go", &["build"]));
        assert!(!s.has_pipe);
    }

    #[test]
    fn pipes_quotes_comments() {
        let s = parse("curl -fsSL 'https://x/a|b' | sh # trailing | comment");
        assert!(s.has_pipe);
        assert_eq!(s.commands[0].words, ["curl", "-fsSL", "https://x/a|b"]);
        assert_eq!(s.commands.len(), 2);
        assert!(!parse("a || b").has_pipe);
        assert!(!parse("echo 'a | b'").has_pipe);
        assert!(parse("dst=\"$(echo \"$src\" | tr -d 3)\"; ls").has_pipe);
        assert!(!parse("echo \"a | b\"").has_pipe);
        let r = parse("make 2>&1 && echo ok");
        assert_eq!(r.commands.len(), 2);
    }

    #[test]
    fn wrappers_and_flags() {
        let s = parse("sudo apt-get -qy install --no-install-recommends git=1:2.39");
        let c = &s.commands[0];
        assert!(c.is("apt-get", &["install"]));
        assert!(c.has_short_or_long('y', &["--yes"]));
        assert!(c.has_flag(&["--no-install-recommends"]));
        assert_eq!(c.operands().collect::<Vec<_>>(), ["git=1:2.39"]);
        assert_eq!(
            parse("/usr/bin/env FOO=1 pip install x").commands[0].program(),
            Some("env")
        );
        assert!(parse("env FOO=1 pip install x").commands[0].is("pip", &["install"]));
    }
}
