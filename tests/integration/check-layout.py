#!/usr/bin/env python3
"""Checks the rules the source tree's layout stands for (HACKING.md):

- the core (app/core/) and the program's GTK-free front doors (the
  command line, the Shell search provider, the metainfo reader) include
  no GTK, GDK, Pango, graphene or libadwaita header, directly or through
  a project header they include;
- no C file is longer than 1,000 lines unless it says why at its top.

Usage: check-layout.py SOURCE_ROOT
Prints TAP; exits non-zero on any failure."""

import glob
import os
import re
import sys

GTK_FREE_FRONT_DOORS = ["app/nichiro-appdata", "app/nichiro-cli", "app/nichiro-search-provider"]
DISPLAY_HEADERS = re.compile(r"^(gtk|gdk|gsk|pango|graphene|adwaita|adw)[-/.]")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)
LONG_FILE_LINES = 1000
# The first comment of a long file says why it is long, in these words.
LONG_FILE_REASON = re.compile(r"long because", re.I)


def project_headers(root):
    headers = {}
    for path in glob.glob(os.path.join(root, "app", "**", "*.h"), recursive=True):
        headers.setdefault(os.path.basename(path), path)
    for path in glob.glob(os.path.join(root, "ui", "**", "*.h"), recursive=True):
        headers.setdefault(os.path.basename(path), path)
    return headers


def display_includes(path, headers, seen):
    """The display headers @path includes, with the chain that brings each."""
    if path in seen:
        return []
    seen.add(path)
    found = []
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for kind, name in INCLUDE.findall(text):
        if DISPLAY_HEADERS.match(name):
            found.append("%s includes <%s>" % (os.path.relpath(path), name))
        elif kind == '"' and name in headers:
            for chain in display_includes(headers[name], headers, seen):
                found.append("%s → %s" % (os.path.relpath(path), chain))
    return found


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.getcwd()
    os.chdir(root)
    headers = project_headers(".")
    results = []

    gtk_free = sorted(glob.glob("app/core/**/*.[ch]", recursive=True))
    for stem in GTK_FREE_FRONT_DOORS:
        gtk_free += [stem + ".c", stem + ".h"]
    problems = []
    for path in gtk_free:
        problems += display_includes(path, headers, set())
    results.append(("the %d files of the core and the GTK-free front doors include no GTK"
                    % len(gtk_free), problems))

    problems = []
    sources = sorted(glob.glob("app/**/*.c", recursive=True) + glob.glob("ui/**/*.c", recursive=True) +
                     glob.glob("bench/**/*.c", recursive=True) + glob.glob("tests/**/*.c", recursive=True))
    for path in sources:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        if len(lines) <= LONG_FILE_LINES:
            continue
        head = "\n".join(lines[:40])
        if not LONG_FILE_REASON.search(head):
            problems.append("%s has %d lines and does not say at its top why it is long "
                            "(split it by concern, or write \"long because …\")" % (path, len(lines)))
    results.append(("no C file is over %d lines without a reason" % LONG_FILE_LINES, problems))

    print("1..%d" % len(results))
    failed = 0
    for number, (name, problems) in enumerate(results, 1):
        if problems:
            failed += 1
            print("not ok %d - %s" % (number, name))
            for problem in problems:
                print("# %s" % problem)
        else:
            print("ok %d - %s" % (number, name))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
