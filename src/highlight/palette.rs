//! Colour downsampling: RGB to the xterm-256 palette or to the 16 named colours.

use super::depth::ColorDepth;
use super::style::{AnsiColor, HlColor};

/// The xterm colour cube's six channel levels (indices 16-231).
const CUBE_LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];

/// Typical xterm values of the 16 named colours, used only to find the nearest one; the
/// terminal then shows its own version of that colour.
const NAMED_RGB: [(u8, u8, u8); 16] = [
    (0, 0, 0),
    (205, 0, 0),
    (0, 205, 0),
    (205, 205, 0),
    (0, 0, 238),
    (205, 0, 205),
    (0, 205, 205),
    (229, 229, 229),
    (127, 127, 127),
    (255, 0, 0),
    (0, 255, 0),
    (255, 255, 0),
    (92, 92, 255),
    (255, 0, 255),
    (0, 255, 255),
    (255, 255, 255),
];

/// `color` as the terminal at `depth` can show it: named colours stay named (the user's own
/// scheme); RGB is kept for truecolor and mapped to the nearest xterm-256 or named colour below
/// that; `None` when the depth has no colour.
pub fn at_depth(color: HlColor, depth: ColorDepth) -> Option<HlColor> {
    let named = |(r, g, b)| HlColor::Named(rgb_to_ansi16(r, g, b));
    Some(match (color, depth) {
        (_, ColorDepth::None) => return None,
        (HlColor::Indexed(i), _) if i < 16 => HlColor::Named(AnsiColor::from_index(i)?),
        (HlColor::Named(_), _) | (_, ColorDepth::TrueColor) => color,
        (HlColor::Rgb(r, g, b), ColorDepth::Ansi256) => HlColor::Indexed(rgb_to_xterm256(r, g, b)),
        (HlColor::Indexed(_), ColorDepth::Ansi256) => color,
        (HlColor::Rgb(r, g, b), ColorDepth::Ansi16) => named((r, g, b)),
        (HlColor::Indexed(i), ColorDepth::Ansi16) => named(xterm256_to_rgb(i)),
    })
}

/// The RGB value of an xterm-256 index.
pub(crate) fn xterm256_to_rgb(index: u8) -> (u8, u8, u8) {
    match index {
        0..=15 => NAMED_RGB[usize::from(index)],
        16..=231 => {
            let i = index - 16;
            let level = |n: u8| CUBE_LEVELS[usize::from(n)];
            (level(i / 36), level(i / 6 % 6), level(i % 6))
        }
        232..=255 => {
            let v = 8 + 10 * (index - 232);
            (v, v, v)
        }
    }
}

/// The nearest xterm-256 colour, searching the cube (16-231) and the grey ramp (232-255); the
/// first 16 are skipped because terminals redefine them.
pub(crate) fn rgb_to_xterm256(r: u8, g: u8, b: u8) -> u8 {
    let nearest_level = |c: u8| -> u8 {
        let mut best = 0;
        for (i, level) in CUBE_LEVELS.iter().enumerate() {
            if c.abs_diff(*level) < c.abs_diff(CUBE_LEVELS[best]) {
                best = i;
            }
        }
        best as u8
    };
    let cube = 16 + 36 * nearest_level(r) + 6 * nearest_level(g) + nearest_level(b);
    let average = ((u16::from(r) + u16::from(g) + u16::from(b)) / 3) as u8;
    let grey = 232 + (average.saturating_sub(3) / 10).min(23);
    let target = (r, g, b);
    if distance(xterm256_to_rgb(grey), target) < distance(xterm256_to_rgb(cube), target) {
        grey
    } else {
        cube
    }
}

/// The closest of the 16 named colours by hue and brightness. Nearest-RGB distance would send
/// most pastel theme colours to grey, because the named colours are fully saturated.
pub(crate) fn rgb_to_ansi16(r: u8, g: u8, b: u8) -> AnsiColor {
    use AnsiColor::*;
    let (max, min) = (r.max(g).max(b), r.min(g).min(b));
    let chroma = f32::from(max - min);
    if chroma < 48.0 || chroma < f32::from(max) * 0.25 {
        let average = (u16::from(r) + u16::from(g) + u16::from(b)) / 3;
        return match average {
            0..60 => Black,
            60..150 => BrightBlack,
            150..220 => White,
            _ => BrightWhite,
        };
    }
    let (rf, gf, bf) = (f32::from(r), f32::from(g), f32::from(b));
    let sector = if max == r {
        (gf - bf) / chroma
    } else if max == g {
        2.0 + (bf - rf) / chroma
    } else {
        4.0 + (rf - gf) / chroma
    };
    let hue = (sector * 60.0).rem_euclid(360.0);
    let bright = max >= 200;
    let (normal, light) = match hue {
        h if !(35.0..330.0).contains(&h) => (Red, BrightRed),
        h if h < 75.0 => (Yellow, BrightYellow),
        h if h < 150.0 => (Green, BrightGreen),
        h if h < 210.0 => (Cyan, BrightCyan),
        h if h < 270.0 => (Blue, BrightBlue),
        _ => (Magenta, BrightMagenta),
    };
    if bright { light } else { normal }
}

/// Squared distance, weighted toward green as the eye is (a cheap perceptual approximation).
fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| u32::from(x.abs_diff(y)).pow(2);
    2 * d(a.0, b.0) + 4 * d(a.1, b.1) + 3 * d(a.2, b.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_cube_and_grey_colours_map_to_themselves() {
        for index in 16..=255u8 {
            let (r, g, b) = xterm256_to_rgb(index);
            let back = rgb_to_xterm256(r, g, b);
            assert_eq!(
                xterm256_to_rgb(back),
                (r, g, b),
                "index {index} came back as {back}"
            );
        }
    }

    #[test]
    fn near_colours_round_to_the_closest_entry() {
        assert_eq!(rgb_to_xterm256(250, 2, 3), 196); // pure red corner of the cube
        assert_eq!(rgb_to_xterm256(0x1c, 0x1f, 0x26), 234); // a dark background: grey ramp
        assert_eq!(rgb_to_xterm256(0xff, 0xcb, 0x6b), 221);
    }

    #[test]
    fn sixteen_colour_fallback_picks_the_obvious_hue() {
        assert_eq!(rgb_to_ansi16(0xc4, 0x26, 0x2e), AnsiColor::Red);
        assert_eq!(rgb_to_ansi16(0x86, 0x39, 0xb8), AnsiColor::Magenta);
        assert_eq!(rgb_to_ansi16(0xff, 0xcb, 0x6b), AnsiColor::BrightYellow);
        assert_eq!(rgb_to_ansi16(0x7b, 0x84, 0x94), AnsiColor::BrightBlack);
        assert_eq!(rgb_to_ansi16(0xfb, 0xfb, 0xf8), AnsiColor::BrightWhite);
        assert_eq!(rgb_to_ansi16(0xf0, 0x71, 0x78), AnsiColor::BrightRed);
        assert_eq!(rgb_to_ansi16(0xc3, 0xe8, 0x8d), AnsiColor::BrightGreen);
        assert_eq!(rgb_to_ansi16(0x10, 0x10, 0x10), AnsiColor::Black);
        assert_eq!(rgb_to_ansi16(0x82, 0xaa, 0xff), AnsiColor::BrightBlue);
    }
}
