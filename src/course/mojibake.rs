//! Repairs UTF-8 text that was once decoded as Mac Roman (`‚Äî` for `—`, `üêò` for 🐘): the
//! real inverse, not a lookup of known pairs. Characters are encoded back to Mac Roman bytes and
//! decoded as UTF-8, but only where a whole run of such characters becomes valid UTF-8, so
//! correct text (`café`, `—`, `’`) is left alone.

use std::borrow::Cow;

/// Mac Roman bytes 0x80..=0xFF (Apple's mapping; 0xDB is `€`, older tables say `¤`).
const HIGH_HALF: [char; 128] = [
    'Ä', 'Å', 'Ç', 'É', 'Ñ', 'Ö', 'Ü', 'á', 'à', 'â', 'ä', 'ã', 'å', 'ç', 'é', 'è', // 0x80
    'ê', 'ë', 'í', 'ì', 'î', 'ï', 'ñ', 'ó', 'ò', 'ô', 'ö', 'õ', 'ú', 'ù', 'û', 'ü', // 0x90
    '†', '°', '¢', '£', '§', '•', '¶', 'ß', '®', '©', '™', '´', '¨', '≠', 'Æ', 'Ø', // 0xA0
    '∞', '±', '≤', '≥', '¥', 'µ', '∂', '∑', '∏', 'π', '∫', 'ª', 'º', 'Ω', 'æ', 'ø', // 0xB0
    '¿', '¡', '¬', '√', 'ƒ', '≈', '∆', '«', '»', '…', '\u{A0}', 'À', 'Ã', 'Õ', 'Œ',
    'œ', // 0xC0
    '–', '—', '“', '”', '‘', '’', '÷', '◊', 'ÿ', 'Ÿ', '⁄', '€', '‹', '›', 'ﬁ', 'ﬂ', // 0xD0
    '‡', '·', '‚', '„', '‰', 'Â', 'Ê', 'Á', 'Ë', 'È', 'Í', 'Î', 'Ï', 'Ì', 'Ó', 'Ô', // 0xE0
    '\u{F8FF}', 'Ò', 'Ú', 'Û', 'Ù', 'ı', 'ˆ', '˜', '¯', '˘', '˙', '˚', '¸', '˝', '˛',
    'ˇ', // 0xF0
];

/// The Mac Roman byte for a non-ASCII character, if it has one.
fn mac_roman_byte(c: char) -> Option<u8> {
    if c == '¤' {
        return Some(0xDB);
    }
    HIGH_HALF
        .iter()
        .position(|&h| h == c)
        .map(|i| 0x80 + i as u8)
}

/// Repairs Mac Roman mojibake; returns the text unchanged (borrowed) when there is none.
pub(crate) fn repair_mac_roman(text: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut copied = 0; // bytes of `text` already handled into `out`
    let mut run_start = None;
    let mut bytes = Vec::new();
    let mut changed = false;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if let Some(byte) = (!c.is_ascii()).then(|| mac_roman_byte(c)).flatten() {
            run_start.get_or_insert(at);
            bytes.push(byte);
        }
        let run_ends = run_start.is_some()
            && chars
                .peek()
                .is_none_or(|&(_, next)| next.is_ascii() || mac_roman_byte(next).is_none());
        if let (true, Some(start)) = (run_ends, run_start) {
            let end = at + c.len_utf8();
            // A lone character is never a multi-byte sequence's encoding.
            if let (true, Ok(fixed)) = (bytes.len() > 1, std::str::from_utf8(&bytes)) {
                out.push_str(&text[copied..start]);
                out.push_str(fixed);
                copied = end;
                changed = true;
            }
            run_start = None;
            bytes.clear();
        }
    }
    if !changed {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_the_notes_mojibake() {
        assert_eq!(
            repair_mac_roman("Dockerfile ‚Äî where"),
            "Dockerfile — where"
        );
        assert_eq!(repair_mac_roman("size \u{F8FF}üêò  "), "size 🐘  ");
        assert_eq!(repair_mac_roman("‚úÖ Smaller"), "✅ Smaller");
        assert_eq!(repair_mac_roman("what‚Äôs"), "what’s");
        assert_eq!(repair_mac_roman("‚Äúdistroless‚Äù"), "“distroless”");
        assert_eq!(
            repair_mac_roman("\u{F8FF}üîê\u{F8FF}üê¢"),
            "🔐🐢",
            "two in one run"
        );
    }

    #[test]
    fn correct_text_is_untouched() {
        for text in [
            "café — naïve ’quoted’ … 🐘 ✅ 容器",
            "Ä Ö ü",
            "plain ascii",
            "°C and ± and ∞",
        ] {
            assert!(matches!(repair_mac_roman(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn table_is_a_bijection() {
        for (i, &c) in HIGH_HALF.iter().enumerate() {
            assert_eq!(mac_roman_byte(c), Some(0x80 + i as u8), "{c}");
        }
    }
}
