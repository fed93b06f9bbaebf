#!/usr/bin/env python3
"""Writes the ideenkiosk(1) man page from the program's own --help, of every command and subcommand.

    manpage.py BINARY VERSION DATE OUT.1

The help text is the one truth about the options; this only arranges it as roff. Defaults that depend on the
machine are shown for the installed package: the assets under /usr/share/ideenkiosk, the database under ~.
"""
import os
import re
import subprocess
import sys

SECTIONS = ("Options:", "Positionals:", "Subcommands:")


def help_of(binary, words):
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_DATA_HOME",)}
    env.update(HOME="~", IDEEN_ASSETS="/usr/share/ideenkiosk", COLUMNS="200")
    out = subprocess.run([binary, *words, "--help"], env=env, capture_output=True, text=True, check=True).stdout
    return out


def parse(text):
    """-> (description, {section: [(spec, description)]}) of one --help text."""
    lines = text.splitlines()
    description = lines[0].strip() if lines and not lines[0].startswith("Usage:") else ""
    sections, current = {}, None
    for line in lines:
        if line.strip() in SECTIONS:
            current = sections.setdefault(line.strip(), [])
        elif current is None or not line.strip():
            continue
        elif re.match(r"^ {20,}\S", line) and current:
            spec, text_ = current[-1]
            current[-1] = (spec, (text_ + " " + line.strip()).strip())
        else:
            m = re.match(r"^\s+(\S.*?)(?:\s{2,}(\S.*))?$", line)
            if m:
                current.append((m.group(1), m.group(2) or ""))
    return description, sections


def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\\&" + text if text[:1] in (".", "'") else text


def items(entries):
    out = []
    for spec, text in entries:
        out += [".TP", "\\fB" + roff(spec) + "\\fR", roff(text)]
    return out


def commands(binary, words):
    """The man page lines for the command `words` and, depth first, everything under it."""
    description, sections = help_of_parsed(binary, words)
    out = [".SS \"" + roff("ideenkiosk " + " ".join(words)) + "\"", roff(description)]
    positionals = sections.get("Positionals:", [])
    options = [o for o in sections.get("Options:", []) if not o[0].startswith("-h,--help")]
    if positionals or options:
        out += [".RS"] + items(positionals + options) + [".RE"]
    for name, _ in sections.get("Subcommands:", []):
        out += commands(binary, words + [name])
    return out


def help_of_parsed(binary, words):
    return parse(help_of(binary, words))


def main():
    binary, version, date, target = sys.argv[1:5]
    description, sections = help_of_parsed(binary, [])
    page = [
        '.TH IDEENKIOSK 1 "%s" "ideenkiosk %s" "User Commands"' % (date, version),
        ".SH NAME",
        "ideenkiosk \\- ideas and votes at a conference touchscreen",
        ".SH SYNOPSIS",
        ".B ideenkiosk",
        "[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fICOMMAND OPTIONS\\fR]",
        ".SH DESCRIPTION",
        roff(description),
        ".PP",
        "On a venue PC the package runs \\fBideenkiosk run\\fR under \\fBcage\\fR(1) as the system user",
        "\\fIideenkiosk\\fR (the unit \\fIideenkiosk\\-kiosk.service\\fR), reading \\fI/etc/ideenkiosk/kiosk.toml\\fR.",
        "Check the machine with \\fBideenkiosk \\-\\-config /etc/ideenkiosk/kiosk.toml doctor\\fR.",
        ".SH OPTIONS",
    ]
    page += items([o for o in sections.get("Options:", [])])
    page += [".SH COMMANDS"]
    for name, _ in sections.get("Subcommands:", []):
        page += commands(binary, [name])
    page += [
        ".SH FILES",
        ".TP", "\\fI/etc/ideenkiosk/kiosk.toml\\fR", "The venue PC's settings (\\fB\\-\\-config\\fR).",
        ".TP", "\\fI/var/lib/ideenkiosk/ideenkiosk.db\\fR", "The database of the installed kiosk.",
        ".TP", "\\fI/usr/share/ideenkiosk\\fR", "Translations, word lists and the example event.",
        ".SH SEE ALSO",
        "\\fBcage\\fR(1), \\fBsystemctl\\fR(1), \\fBjournalctl\\fR(1)",
    ]
    with open(target, "w", encoding="utf-8") as f:
        f.write("\n".join(page) + "\n")


if __name__ == "__main__":
    main()
