//! CSV formula injection (OWASP): a spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`,
//! a tab or a CR as a formula (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`). Such a cell is written
//! with a leading apostrophe, which spreadsheets show as text; reading takes it off again.
//!
//! The rule keeps round trips exact: after any run of leading apostrophes, a trigger character
//! earns one more apostrophe on writing and loses one on reading, so a name that really starts
//! with `'=` is written `''=` and read back as `'=`.

use std::borrow::Cow;

/// Characters that make a spreadsheet read a cell as a formula.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` as written to a CSV file.
pub(crate) fn defuse(cell: &str) -> Cow<'_, str> {
    if guarded(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell read from a CSV file, as it was before [`defuse`].
pub(crate) fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if guarded(rest) => rest,
        _ => cell,
    }
}

/// True when the first character after any leading apostrophes is a trigger.
fn guarded(cell: &str) -> bool {
    cell.trim_start_matches('\'')
        .starts_with(|c| TRIGGERS.contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_get_an_apostrophe() {
        assert_eq!(
            defuse("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        assert_eq!(defuse("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        for trigger in ["+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(defuse(trigger), format!("'{trigger}"));
        }
        assert!(matches!(defuse("Ada Lovelace"), Cow::Borrowed(_)));
        assert_eq!(defuse("it's = fine"), "it's = fine");
    }

    #[test]
    fn round_trips_are_exact() {
        for cell in ["=1+1", "'=1+1", "''-x", "'plain", "plain", "", "'", "@"] {
            assert_eq!(restore(&defuse(cell)), cell, "{cell:?}");
        }
    }
}
