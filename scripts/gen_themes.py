#!/usr/bin/env python3
"""Writes assets/themes/*.tmTheme from one table, so the four themes share their scope list.

Run from the crate root: python3 scripts/gen_themes.py  (the output is committed; cargo never runs it).

The `ansi` theme stores a named terminal colour, not an RGB value: `#NN000000` (alpha 00) means
"ANSI colour NN" (00-0f), and `#ff000000` means "the terminal's default colour". The highlighter
(src/highlight/style.rs) decodes that, so the default theme follows the user's colour scheme.
"""
from pathlib import Path

# role -> scope selector (comma-separated selectors are one role)
ROLES = {
    "comment": "comment, punctuation.definition.comment",
    "instruction": "keyword.other.instruction",
    "directive": "keyword.other.directive, meta.directive punctuation",
    "directive-value": "string.unquoted.directive-value, meta.directive constant.character.escape",
    "keyword": "keyword, storage",
    "operator": "keyword.operator",
    "heredoc": "keyword.operator.heredoc, constant.other.heredoc-delimiter",
    "stage": "entity.name.stage",
    "stage-ref": "entity.other.stage-reference",
    "as": "keyword.other.as",
    "image": "entity.name.image",
    "registry": "constant.other.registry",
    "tag": "constant.other.tag, punctuation.separator.tag",
    "digest": "constant.other.digest, punctuation.separator.digest",
    "flag": "variable.parameter.flag, variable.parameter.option, entity.other.attribute-name",
    "string": "string, punctuation.definition.string",
    "heredoc-body": "string.unquoted.heredoc",
    "plain-value": "string.unquoted.flag-value, string.unquoted.option-value, string.unquoted.expansion",
    "variable": "variable.other, punctuation.definition.variable, punctuation.section.expansion",
    "definition": "variable.other.definition",
    "function": "variable.function, support.function, entity.name.function",
    "number": "constant.numeric, constant.language",
    "escape": "constant.character.escape",
    "continuation": "punctuation.separator.continuation",
    "invalid": "invalid",
}

# ANSI indices: 0 black 1 red 2 green 3 yellow 4 blue 5 magenta 6 cyan 7 white, +8 bright.
DEFAULT = -1
ANSI = {
    "comment": (8, "italic"), "instruction": (5, "bold"), "directive": (5, ""),
    "directive-value": (6, ""), "keyword": (5, ""), "operator": (DEFAULT, ""),
    "heredoc": (5, "bold"), "stage": (3, "bold"), "stage-ref": (3, ""), "as": (5, "bold"),
    "image": (6, ""), "registry": (4, ""), "tag": (2, ""), "digest": (8, ""), "flag": (4, ""),
    "string": (2, ""), "heredoc-body": (2, ""), "plain-value": (DEFAULT, ""), "variable": (1, ""),
    "definition": (1, "bold"), "function": (4, ""), "number": (3, ""), "escape": (6, ""),
    "continuation": (8, "bold"), "invalid": (1, "underline"),
}

# RGB themes: background, foreground, then role -> (#rrggbb, font style)
DARK = ("#1c1f26", "#d4d7dd", {
    "comment": ("#7b8494", "italic"), "instruction": ("#c792ea", "bold"), "directive": ("#c792ea", ""),
    "directive-value": ("#7fdbca", ""), "keyword": ("#c792ea", ""), "operator": ("#89ddff", ""),
    "heredoc": ("#f78c6c", "bold"), "stage": ("#ffcb6b", "bold"), "stage-ref": ("#ffcb6b", ""),
    "as": ("#c792ea", "bold"), "image": ("#7fdbca", ""), "registry": ("#82aaff", ""),
    "tag": ("#c3e88d", ""), "digest": ("#7b8494", ""), "flag": ("#82aaff", ""),
    "string": ("#c3e88d", ""), "heredoc-body": ("#b5d98a", ""), "plain-value": ("#d4d7dd", ""),
    "variable": ("#f07178", ""), "definition": ("#f07178", "bold"), "function": ("#82aaff", ""),
    "number": ("#f78c6c", ""), "escape": ("#89ddff", ""), "continuation": ("#7b8494", "bold"),
    "invalid": ("#ff5370", "underline"),
})
LIGHT = ("#fbfbf8", "#2b2f36", {
    "comment": ("#6e7781", "italic"), "instruction": ("#8639b8", "bold"), "directive": ("#8639b8", ""),
    "directive-value": ("#0a7f86", ""), "keyword": ("#8639b8", ""), "operator": ("#0b6bcb", ""),
    "heredoc": ("#b3400f", "bold"), "stage": ("#8a5a00", "bold"), "stage-ref": ("#8a5a00", ""),
    "as": ("#8639b8", "bold"), "image": ("#0a7f86", ""), "registry": ("#0b57b0", ""),
    "tag": ("#2f7d1f", ""), "digest": ("#6e7781", ""), "flag": ("#0b57b0", ""),
    "string": ("#2f7d1f", ""), "heredoc-body": ("#3d6b2b", ""), "plain-value": ("#2b2f36", ""),
    "variable": ("#c4262e", ""), "definition": ("#c4262e", "bold"), "function": ("#0b57b0", ""),
    "number": ("#b3400f", ""), "escape": ("#0b6bcb", ""), "continuation": ("#6e7781", "bold"),
    "invalid": ("#d1242f", "underline"),
})
HIGH_CONTRAST = ("#000000", "#ffffff", {
    "comment": ("#c0c0c0", "italic"), "instruction": ("#ff7bff", "bold"), "directive": ("#ff7bff", ""),
    "directive-value": ("#00ffff", ""), "keyword": ("#ff7bff", "bold"), "operator": ("#ffffff", ""),
    "heredoc": ("#ffa040", "bold"), "stage": ("#ffff00", "bold underline"), "stage-ref": ("#ffff00", "underline"),
    "as": ("#ff7bff", "bold"), "image": ("#00ffff", ""), "registry": ("#80c0ff", ""),
    "tag": ("#80ff80", ""), "digest": ("#c0c0c0", ""), "flag": ("#80c0ff", "bold"),
    "string": ("#80ff80", ""), "heredoc-body": ("#80ff80", ""), "plain-value": ("#ffffff", ""),
    "variable": ("#ff8080", "bold"), "definition": ("#ff8080", "bold"), "function": ("#80c0ff", ""),
    "number": ("#ffa040", ""), "escape": ("#00ffff", "bold"), "continuation": ("#ffffff", "bold"),
    "invalid": ("#ff4040", "bold underline"),
})


def ansi_colour(index):
    return "#ff000000" if index == DEFAULT else f"#{index:02x}000000"


def entry(key, value):
    return f"\t\t\t\t<key>{key}</key>\n\t\t\t\t<string>{value}</string>\n"


def theme(name, background, foreground, roles):
    items = [
        "\t\t<dict>\n\t\t\t<key>settings</key>\n\t\t\t<dict>\n"
        + entry("background", background) + entry("foreground", foreground)
        + "\t\t\t</dict>\n\t\t</dict>\n"
    ]
    for role, selector in ROLES.items():
        colour, font = roles[role]
        settings = entry("foreground", colour) + entry("fontStyle", font)
        items.append(
            f"\t\t<dict>\n\t\t\t<key>name</key>\n\t\t\t<string>{role}</string>\n"
            f"\t\t\t<key>scope</key>\n\t\t\t<string>{selector}</string>\n"
            f"\t\t\t<key>settings</key>\n\t\t\t<dict>\n{settings}\t\t\t</dict>\n\t\t</dict>\n"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
        '<!-- generated by scripts/gen_themes.py: edit the script, not this file -->\n'
        f'<plist version="1.0">\n<dict>\n\t<key>name</key>\n\t<string>{name}</string>\n'
        "\t<key>settings</key>\n\t<array>\n" + "".join(items) + "\t</array>\n</dict>\n</plist>\n"
    )


def main():
    out = Path("assets/themes")
    out.mkdir(parents=True, exist_ok=True)
    ansi_roles = {role: (ansi_colour(i), font) for role, (i, font) in ANSI.items()}
    ansi_default = ansi_colour(DEFAULT)
    (out / "ansi.tmTheme").write_text(theme("ansi", ansi_default, ansi_default, ansi_roles))
    for name, (bg, fg, roles) in {"dark": DARK, "light": LIGHT, "high-contrast": HIGH_CONTRAST}.items():
        (out / f"{name}.tmTheme").write_text(theme(name, bg, fg, roles))


if __name__ == "__main__":
    main()
