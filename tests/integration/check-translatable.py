#!/usr/bin/env python3
"""Checks that no user-visible string in the GtkBuilder files is left
unmarked for translation, and that po/POTFILES.in lists every source file
with translatable strings.

Usage: check-translatable.py SOURCE_ROOT
Prints TAP; exits non-zero on any failure."""

import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

# Properties whose text people read.
VISIBLE_PROPERTIES = {
    "label", "title", "subtitle", "tooltip-text", "tooltip-markup",
    "placeholder-text", "description", "accelerator-title", "text",
    "secondary-text", "heading", "body", "button-label", "title-text",
}
VISIBLE_ATTRIBUTES = {"label"}

# (file name, element text) pairs intentionally left untranslated: none yet.
EXCEPTIONS = set()

# Text that is not words (an empty label, a number, punctuation, a symbol).
NOT_WORDS = re.compile(r"^[\s\d\W]*$", re.UNICODE)


def unmarked_strings(path):
    problems = []
    tree = ET.parse(path)
    name = os.path.basename(path)
    for element in tree.iter():
        if element.tag == "property":
            wanted = VISIBLE_PROPERTIES
        elif element.tag == "attribute":
            wanted = VISIBLE_ATTRIBUTES
        else:
            continue
        if element.get("name") not in wanted:
            continue
        text = (element.text or "").strip()
        if not text or NOT_WORDS.match(text) or element.get("bind-source"):
            continue
        if element.get("translatable") == "yes":
            continue
        if (name, text) in EXCEPTIONS:
            continue
        problems.append("%s: <%s name=\"%s\">%s</%s> lacks translatable=\"yes\""
                        % (path, element.tag, element.get("name"), text, element.tag))
    return problems


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()
    os.chdir(root)
    results = []

    ui_files = sorted(glob.glob("ui/**/*.ui", recursive=True) + glob.glob("resources/*.ui"))
    problems = []
    for path in ui_files:
        problems += unmarked_strings(path)
    results.append(("every visible string in %d .ui files is translatable" % len(ui_files),
                    problems))

    with open("po/POTFILES.in", encoding="utf-8") as f:
        listed = {line.strip() for line in f
                  if line.strip() and not line.startswith("#")}
    marked = re.compile(r'\b(?:N_|C_|NC_|_|ngettext|g_dngettext)\s*\(|translatable="yes"')
    needed = []
    for path in sorted(glob.glob("app/**/*.c", recursive=True) + glob.glob("ui/**/*.c", recursive=True) +
                       glob.glob("ui/**/*.ui", recursive=True) + glob.glob("resources/*.ui")):
        with open(path, encoding="utf-8") as f:
            if marked.search(f.read()):
                needed.append(path)
    problems = ["%s has translatable strings but is not in po/POTFILES.in" % p
                for p in needed if p not in listed]
    problems += ["po/POTFILES.in lists %s, which does not exist" % p
                 for p in sorted(listed) if not os.path.exists(p)]
    results.append(("po/POTFILES.in lists the %d files with translatable strings" % len(needed),
                    problems))

    print("1..%d" % len(results))
    failed = 0
    for number, (name, problems) in enumerate(results, 1):
        if problems:
            failed += 1
            print("not ok %d - %s" % (number, name))
            for problem in problems:
                print("# " + problem)
        else:
            print("ok %d - %s" % (number, name))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
