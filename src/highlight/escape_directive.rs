//! The pre-pass that reads `# escape=`` so the backtick variant of our grammar can be used.
//! A grammar cannot change its escape character from what the file says, so the highlighter
//! asks this module first and picks the syntax by name.

/// Whether the Dockerfile's parser directives set the escape character to a backtick.
///
/// Follows BuildKit's rule: directives (`syntax`, `escape`, `check`, any case) are only read at
/// the very top; the first other line (comment, blank line or instruction) ends them.
pub fn declares_backtick_escape(dockerfile: &str) -> bool {
    for line in dockerfile.lines() {
        let Some((key, value)) = directive(line) else {
            return false;
        };
        if key.eq_ignore_ascii_case("escape") {
            return value == "`";
        }
    }
    false
}

/// `# key=value` with a known directive key, as (key, trimmed value).
fn directive(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim_start().strip_prefix('#')?;
    let (key, value) = rest.split_once('=')?;
    let key = key.trim();
    let known = ["syntax", "escape", "check"]
        .iter()
        .any(|k| k.eq_ignore_ascii_case(key));
    known.then_some((key, value.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backtick_directive_is_found_after_other_directives() {
        assert!(declares_backtick_escape("# escape=`\nFROM x\n"));
        assert!(declares_backtick_escape(
            "# syntax=docker/dockerfile:1\n#ESCAPE = `\n"
        ));
        assert!(!declares_backtick_escape("# escape=\\\nFROM x\n"));
    }

    #[test]
    fn directives_end_at_the_first_other_line() {
        assert!(!declares_backtick_escape("FROM x\n# escape=`\n"));
        assert!(!declares_backtick_escape("\n# escape=`\n"));
        assert!(!declares_backtick_escape("# a comment\n# escape=`\n"));
        assert!(!declares_backtick_escape(""));
    }
}
