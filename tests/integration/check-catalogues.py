#!/usr/bin/env python3
"""Checks every catalogue listed in po/LINGUAS: it compiles with
`msgfmt --check` and every message is translated (no untranslated or
fuzzy messages).

Usage: check-catalogues.py MSGFMT PO_DIR
Prints TAP; exits non-zero on any failure."""

import os
import re
import subprocess
import sys


def main():
    msgfmt, po_dir = sys.argv[1], sys.argv[2]
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        languages = [w for line in f if not line.startswith("#") for w in line.split()]
    if not languages:
        print("1..0 # SKIP no languages in po/LINGUAS")
        return 0

    print("1..%d" % (2 * len(languages)))
    number = 0
    failed = 0
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
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
