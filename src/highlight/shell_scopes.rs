//! Scope tests for our shell grammar (assets/syntaxes/Shell.sublime-syntax), standalone as in
//! an `sh` fence and embedded in a Dockerfile's RUN.

use syntect::parsing::{ParseState, ScopeStack};

use super::assets::syntax_set;

const SHELL_GRAMMAR: &str = include_str!("../../assets/syntaxes/Shell.sublime-syntax");

/// The scope names over the first character of the `nth` `needle` in `src`, parsed as `syntax`.
fn scopes_at(syntax: &str, src: &str, needle: &str, nth: usize) -> Vec<String> {
    let target = src
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` #{nth} not in {src:?}"))
        .0;
    let set = syntax_set();
    let mut state = ParseState::new(set.find_syntax_by_name(syntax).expect("syntax exists"));
    let mut stack = ScopeStack::new();
    let mut line_start = 0;
    for line in src.split_inclusive('\n') {
        let ops = state.parse_line(line, set).expect("the grammar parses");
        for (at, op) in ops {
            if line_start + at > target {
                return names(&stack);
            }
            stack.apply(&op).expect("valid op");
        }
        line_start += line.len();
        if line_start > target {
            return names(&stack);
        }
    }
    names(&stack)
}

fn names(stack: &ScopeStack) -> Vec<String> {
    stack.as_slice().iter().map(|s| s.build_string()).collect()
}

/// Asserts that the `nth` `needle` starts inside `scope` (or a scope under it), or not.
fn check(syntax: &str, src: &str, expect: &[(&str, usize, &str, bool)]) {
    for &(needle, nth, scope, wanted) in expect {
        let stack = scopes_at(syntax, src, needle, nth);
        let found = stack
            .iter()
            .any(|s| s == scope || s.starts_with(&format!("{scope}.")));
        assert_eq!(found, wanted, "`{needle}` #{nth} in {scope}? {stack:?}");
    }
}

fn sh(src: &str, expect: &[(&str, usize, &str, bool)]) {
    check("Shell (dockerlings)", src, expect);
}

#[test]
fn commands_options_operators_and_comments() {
    sh(
        "docker run --rm -it x 2>&1 | tee log # note\n$ ls\n",
        &[
            // A prompt stands where the command would.
            ("$", 0, "variable.function", true),
            ("docker", 0, "variable.function", true),
            ("run", 0, "variable.function", false),
            ("--rm", 0, "variable.parameter.option", true),
            ("2", 0, "constant.numeric", true),
            (">&", 0, "keyword.operator.redirection", true),
            ("|", 0, "keyword.operator.logical", true),
            ("tee", 0, "variable.function", true),
            ("# note", 0, "comment.line.number-sign", true),
        ],
    );
}

#[test]
fn assignments_and_command_substitution() {
    sh(
        "VERSION=$(git describe --tags) make\n",
        &[
            ("VERSION", 0, "variable.other.readwrite.assignment", true),
            ("=", 0, "keyword.operator.assignment", true),
            ("$", 0, "punctuation.definition.variable", true),
            ("git", 0, "variable.function", true),
            ("--tags", 0, "variable.parameter.option", true),
            ("describe", 0, "string.unquoted", true),
            ("make", 0, "variable.function", true),
            ("make", 0, "string", false),
        ],
    );
}

#[test]
fn control_keywords_and_in_only_where_it_is_one() {
    sh(
        "for f in a b; do echo \"$f\"; done\ncase \"$x\" in\nesac\nif ! grep -q in f; then exit 1; fi\n",
        &[
            ("for", 0, "keyword.control", true),
            ("in", 0, "keyword.control", true),
            ("do", 0, "keyword.control", true),
            ("$f", 0, "variable.other.readwrite", true),
            ("$f", 0, "string.quoted.double", true),
            ("done", 0, "keyword.control", true),
            ("in", 1, "keyword.control", true),
            ("esac", 0, "keyword.control", true),
            ("!", 0, "keyword.operator.logical", true),
            ("grep", 0, "variable.function", true),
            ("in", 2, "keyword.control", false),
            ("exit", 0, "variable.function", true),
            ("fi", 0, "keyword.control", true),
        ],
    );
}

#[test]
fn parameter_expansions_and_ansi_c_strings() {
    sh(
        "echo ${A:-def} ${#B} $'a\\tb' 'no $x'\n",
        &[
            ("${", 0, "punctuation.definition.variable", true),
            ("A", 0, "variable.other.readwrite", true),
            (":-", 0, "keyword.operator.expansion", true),
            ("def", 0, "string.unquoted", true),
            ("\\t", 0, "constant.character.escape", true),
            ("$x", 0, "string.quoted.single", true),
            ("$x", 0, "variable.other.readwrite", false),
        ],
    );
}

#[test]
fn heredoc_in_a_shell_block_keeps_a_quoted_body_literal() {
    sh(
        "cat <<'EOF' > /f\n$HOME stays\nEOF\ncat <<EOF\n$HOME grows\nEOF\necho done\n",
        &[
            ("<<", 0, "keyword.operator.heredoc", true),
            ("EOF", 0, "constant.other.heredoc-delimiter", true),
            (">", 0, "keyword.operator.redirection", true),
            (">", 0, "string.unquoted.heredoc", false),
            ("$HOME", 0, "string.unquoted.heredoc", true),
            ("$HOME", 0, "variable.other.readwrite", false),
            ("EOF", 1, "constant.other.heredoc-delimiter", true),
            ("$HOME", 1, "variable.other.readwrite", true),
            ("echo", 0, "variable.function", true),
            ("echo", 0, "string.unquoted.heredoc", false),
        ],
    );
}

#[test]
fn an_option_first_on_a_continued_run_line_is_an_option() {
    check(
        "Dockerfile",
        "RUN ./configure \\\n    --prefix=/usr \\\n    && make\n",
        &[
            ("./configure", 0, "variable.function", true),
            ("--prefix", 0, "variable.parameter.option", true),
            ("--prefix", 0, "variable.function", false),
            ("make", 0, "variable.function", true),
        ],
    );
}

/// A Unicode class (`\w`, `\s`, `\d`, `\b` and their negations) makes each compiled regex many
/// times bigger; the grammar spells out ASCII classes to keep the app's memory small.
#[test]
fn the_grammar_uses_no_unicode_classes() {
    let unicode_class = ['w', 's', 'd', 'b', 'W', 'S', 'D', 'B'];
    for (n, line) in SHELL_GRAMMAR.lines().enumerate() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        let bytes = line.as_bytes();
        for (i, pair) in bytes.windows(2).enumerate() {
            let escaped = pair[0] == b'\\' && (i == 0 || bytes[i - 1] != b'\\');
            assert!(
                !(escaped && unicode_class.contains(&char::from(pair[1]))),
                "line {}: {line}",
                n + 1
            );
        }
    }
}
