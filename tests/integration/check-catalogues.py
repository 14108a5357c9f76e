#!/usr/bin/env python3
"""Checks every catalogue listed in po/LINGUAS: it compiles with
`msgfmt --check`, every message is translated (no untranslated or
fuzzy messages), and it holds every message the sources have today, as
xgettext extracts them from the files po/POTFILES.in lists (so a string
added since the catalogue was last merged fails here, not in a user's
window).

Usage: check-catalogues.py MSGFMT PO_DIR [XGETTEXT MSGCMP]
Prints TAP; exits non-zero on any failure."""

import os
import re
import subprocess
import sys
import tempfile

# The keywords of meson's i18n.gettext(preset: 'glib').
XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
]


def extract_template(xgettext, po_dir, out):
    """Writes the sources' messages to @out; returns an error text or None."""
    top = os.path.dirname(os.path.abspath(po_dir))
    result = subprocess.run([xgettext] + XGETTEXT_ARGS +
                            ["--files-from=" + os.path.join(po_dir, "POTFILES.in"),
                             "--directory=" + top, "--output=" + out],
                            capture_output=True, text=True,
                            env=dict(os.environ, LC_ALL="C", LANGUAGE="C"))
    if result.returncode != 0:
        return (result.stdout + result.stderr).strip()
    return None


def main():
    msgfmt, po_dir = sys.argv[1], sys.argv[2]
    xgettext = sys.argv[3] if len(sys.argv) > 4 else None
    msgcmp = sys.argv[4] if len(sys.argv) > 4 else None
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        languages = [w for line in f if not line.startswith("#") for w in line.split()]
    if not languages:
        print("1..0 # SKIP no languages in po/LINGUAS")
        return 0

    checks = 3 if xgettext else 2
    print("1..%d" % (checks * len(languages)))
    number = 0
    failed = 0
    workdir = tempfile.TemporaryDirectory()
    template = os.path.join(workdir.name, "sources.pot")
    template_error = extract_template(xgettext, po_dir, template) if xgettext else None
    for lang in languages:
        po = os.path.join(po_dir, lang + ".po")
        result = subprocess.run([msgfmt, "--check", "--statistics", "--output-file=/dev/null", po],
                                capture_output=True, text=True,
                                env=dict(os.environ, LC_ALL="C", LANGUAGE="C"))
        output = (result.stdout + result.stderr).strip()
        number += 1
        if result.returncode == 0:
            print("ok %d - %s.po compiles with msgfmt --check" % (number, lang))
        else:
            failed += 1
            print("not ok %d - %s.po compiles with msgfmt --check" % (number, lang))
            for line in output.splitlines():
                print("# " + line)

        number += 1
        statistics = output.splitlines()[-1] if output else ""
        complete = (result.returncode == 0 and
                    re.search(r"\d+ translated messages?\.$", statistics) is not None and
                    "untranslated" not in statistics and "fuzzy" not in statistics)
        if complete:
            print("ok %d - %s.po is complete: %s" % (number, lang, statistics))
        else:
            failed += 1
            print("not ok %d - %s.po is complete" % (number, lang))
            print("# " + (statistics or "no statistics"))

        if not xgettext:
            continue
        number += 1
        if template_error is not None:
            failed += 1
            print("not ok %d - %s.po has every message of the sources" % (number, lang))
            print("# xgettext failed: " + template_error.replace("\n", "\n# "))
            continue
        result = subprocess.run([msgcmp, po, template], capture_output=True, text=True,
                                env=dict(os.environ, LC_ALL="C", LANGUAGE="C"))
        missing = [line for line in (result.stdout + result.stderr).splitlines()
                   if "used but not defined" in line]
        if result.returncode == 0 and not missing:
            print("ok %d - %s.po has every message of the sources" % (number, lang))
        else:
            failed += 1
            print("not ok %d - %s.po has every message of the sources" % (number, lang))
            print("# %d missing; run `ninja -C BUILD nichiro-update-po` and translate them" % len(missing))
            with open(template, encoding="utf-8") as f:
                lines = f.read().splitlines()
            for line in missing:
                m = re.search(r":(\d+): this message", line)
                if m and int(m.group(1)) <= len(lines):
                    print("# " + lines[int(m.group(1)) - 1])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
