//! The small glob used by requirements: `*` matches any run of characters (including `/`,
//! so `gcr.io/distroless/*` covers every distroless image and tag), `?` one character.

pub(crate) fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    // Iterative matcher with one backtrack point: linear in practice, no recursion.
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn stars_and_question_marks() {
        assert!(glob_match(
            "gcr.io/distroless/*",
            "gcr.io/distroless/static-debian12:nonroot"
        ));
        assert!(!glob_match("gcr.io/distroless/*", "node:22-slim"));
        assert!(glob_match("node:*-slim", "node:22-slim"));
        assert!(!glob_match("node:*-slim", "node:22"));
        assert!(glob_match("scratch", "scratch"));
        assert!(glob_match("a?c", "abc"));
        assert!(!glob_match("a?c", "ac"));
        assert!(glob_match("*", ""));
        assert!(glob_match(
            "*:*debug*",
            "gcr.io/distroless/base:debug-nonroot"
        ));
    }
}
