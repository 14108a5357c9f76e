#!/usr/bin/python3
# test-e2e.py
#
# Copyright 2026 The Nichiro authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End-to-end scenarios through the accessibility tree, the way a screen
# reader or an assistive tool sees Nichiro: start the real program, find its
# search entry, type a query, read the results, open one and read the
# detail view. Runs under tests/xvfb-test.sh through run-e2e.sh, inside
# dbus-run-session, so the accessibility bus is private to the test.

import os
import re
import subprocess
import sys
import threading
import time

import pyatspi

PROGRAM = os.environ["NICHIRO_PROGRAM"]
# The TAP stream goes where the runner says; the rest of stdout is the bus's.
if "--tap-fd" in sys.argv:
    sys.stdout = os.fdopen(int(sys.argv[sys.argv.index("--tap-fd") + 1]), "w", buffering=1)
# Generous: a loaded machine answers slowly, and waiting costs only time.
TIMEOUT = 30.0
passed = failed = 0

# What the program writes to its standard error, read as it comes.
program_log = []
program_log_lock = threading.Lock()
WARNING = re.compile(r"-(WARNING|CRITICAL) \*\*|^\*\*$|Gtk-WARNING|GLib-CRITICAL")


def read_program_log(stream):
    for line in stream:
        with program_log_lock:
            program_log.append(line.rstrip("\n"))
        sys.stderr.write("nichiro: " + line)


def program_warnings(start=0):
    with program_log_lock:
        return [line for line in program_log[start:] if WARNING.search(line)]


def wait_for(what, check):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            found = check()
        except Exception:
            found = None
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


def walk(node):
    yield node
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from walk(child)


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == "nichiro":
            return app
    return None


def find(app, role, name=None):
    for node in walk(app):
        if node.getRole() == role and (name is None or node.name == name):
            return node
    return None


def labels(app):
    return [n.name for n in walk(app) if n.getRole() == pyatspi.ROLE_LABEL]


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def scenario(name, function, app):
    global passed, failed
    with program_log_lock:
        start = len(program_log)
    try:
        function(app)
        warnings = program_warnings(start)
        if warnings:
            raise AssertionError("Nichiro warned: " + " | ".join(warnings))
        passed += 1
        print("ok %d %s" % (passed + failed, name))
    except Exception as error:
        failed += 1
        print("not ok %d %s # %s" % (passed + failed, name, error))


def test_window_lists_entries(app):
    wait_for("the entry list", lambda: find(app, pyatspi.ROLE_LIST, "Entries"))
    wait_for("the count of entries", lambda: any(l.endswith(" entries") for l in labels(app)))


def test_search_and_read(app):
    entry = wait_for("the search entry", lambda: find(app, pyatspi.ROLE_ENTRY))
    editable = entry.queryEditableText()
    editable.setTextContents("ポーツマス")
    wait_for("the results", lambda: find(app, pyatspi.ROLE_LIST, "Search results"))
    wait_for("a result count", lambda: any(l.endswith(" results") for l in labels(app)))
    wait_for("the treaty among the results",
             lambda: "Treaty of Portsmouth" in labels(app))


def test_open_result(app):
    results = wait_for("the results", lambda: find(app, pyatspi.ROLE_LIST, "Search results"))
    wait_for("a result row", lambda: results.getChildAtIndex(0))
    selection = results.querySelection()
    selection.selectChild(0)
    wait_for("the detail view's Russian title",
             lambda: "Портсмутский мирный договор" in labels(app))
    wait_for("the dates in full",
             lambda: "5 September 1905 (23 August O.S.)" in labels(app))


def shell_search(method, *arguments):
    return subprocess.run(
        ["gdbus", "call", "--session", "--dest", "io.github.nichiro.Nichiro",
         "--object-path", "/io/github/nichiro/Nichiro/SearchProvider",
         "--method", "org.gnome.Shell.SearchProvider2." + method, *arguments],
        check=True, capture_output=True, text=True, timeout=30).stdout


def test_shell_search(app):
    # GNOME Shell asks the running program for results, in any script.
    for query in ("['Portsmouth']", "['ポーツマス']"):
        reply = shell_search("GetInitialResultSet", query)
        ids = reply.strip("()[], \n").replace("'", "").split(",")
        if ids[0].strip() != "portsmouth-1905":
            raise AssertionError("Shell search for %s gave %s" % (query, reply))
    metas = shell_search("GetResultMetas", "['joint-declaration-1956']")
    if "Soviet–Japanese Joint Declaration" not in metas:
        raise AssertionError("no name in " + metas)
    shell_search("ActivateResult", "joint-declaration-1956", "['1956']", "0")
    wait_for("the Joint Declaration opened from the Shell",
             lambda: "Советско-японская декларация 1956 года" in labels(app))


def test_no_warnings(app):
    warnings = program_warnings()
    if warnings:
        raise AssertionError("Nichiro warned: " + " | ".join(warnings))


def main():
    global passed, failed
    env = dict(os.environ, GTK_A11Y="atspi", LANGUAGE="en")
    env.pop("NO_AT_BRIDGE", None)
    # The program's warnings are checked in its output rather than made
    # fatal, so that one says what it was and the scenarios go on.
    debug = [flag for flag in os.environ.get("NICHIRO_E2E_G_DEBUG", "").split(",")
             if flag and not flag.startswith("fatal")]
    env["G_DEBUG"] = ",".join(debug)
    process = subprocess.Popen([PROGRAM], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, errors="replace")
    reader = threading.Thread(target=read_program_log, args=(process.stderr,), daemon=True)
    reader.start()
    try:
        app = wait_for("Nichiro on the accessibility bus", find_app)
        print("1..5")
        scenario("window lists entries", test_window_lists_entries, app)
        scenario("search in Japanese and read the results", test_search_and_read, app)
        scenario("open a result and read it", test_open_result, app)
        scenario("GNOME Shell search finds and opens an entry", test_shell_search, app)
    except AssertionError as error:
        print("Bail out! %s" % error)
        return 1
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        reader.join(timeout=5)
    # Down to its last word, at exit too.
    scenario("Nichiro printed no warning or critical", test_no_warnings, None)
    print("# %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
