#!/usr/bin/env python3
# Runs Nichiro's test suite inside flatpak-builder's build sandbox, which has
# no display and no Xvfb: every test but those run on a private Xvfb
# (through tests/xvfb-test.sh: the 'ui' and 'e2e' suites and any other
# widget test) and the benchmarks. Run from the meson build directory.
import json
import os
import subprocess
import sys

build_dir = sys.argv[1] if len(sys.argv) > 1 else "."
tests = json.loads(subprocess.check_output(["meson", "introspect", "--tests", build_dir]))


def needs_display(test):
    return any(os.path.basename(part) == "xvfb-test.sh" for part in test["cmd"])


def is_bench(test):
    return any(suite.split(":")[-1] == "bench" for suite in test["suite"])


names = [t["name"] for t in tests if not needs_display(t) and not is_bench(t)]
skipped = sorted(t["name"] for t in tests if needs_display(t))
print(f"test-without-display: running {len(names)} tests; "
      f"left out for want of a display: {', '.join(skipped) or 'none'}", flush=True)
if not names:
    sys.exit("test-without-display: no test to run")
sys.exit(subprocess.call(["meson", "test", "-C", build_dir, "--no-rebuild",
                          "--print-errorlogs", *names]))
