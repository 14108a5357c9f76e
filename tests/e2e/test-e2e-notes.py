#!/usr/bin/python3
# test-e2e-notes.py
#
# Copyright 2026 The Nichiro authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The reader's notes through every way out of the real program: a note
# typed right before Ctrl+Q, or before the session ends the program with
# SIGTERM, is in the study file afterwards; when the file cannot be
# written, Ctrl+Q asks instead of quitting; and two programs on the same
# study file (nichiro and nichiro --data), typing in turn, never erase each
# other's notes. Keys go to a window chosen by its process through the
# XTest extension of the private display, as in test-e2e.py.

import json
import os
import shutil
import signal
import subprocess
import sys

import pyatspi
from Xlib import X, Xatom

from nichiro_e2e import Program, Screen, Tap, find, labels, make_home, use_tap_fd, wait_for, walk

TRIALS = 8
DATASET_ID = "japan-russia-1855-1956"


def study_path(home):
    return os.path.join(home, "data", "nichiro", "study.json")


def read_study(home):
    with open(study_path(home), encoding="utf-8") as file:
        return json.load(file)["datasets"][DATASET_ID]


def note_of(home, entry_id):
    try:
        entry = read_study(home)["entries"].get(entry_id, {})
    except (OSError, KeyError, ValueError):
        return None
    return entry.get("note")


# The top-level X window of process @pid, from _NET_WM_PID.
def window_of(screen, pid):
    atom = screen.display.intern_atom("_NET_WM_PID")
    for child in screen.root.query_tree().children:
        if child.get_attributes().map_state != X.IsViewable:
            continue
        prop = child.get_full_property(atom, Xatom.CARDINAL)
        if prop is not None and prop.value and prop.value[0] == pid:
            return child
    return None


def focus_window(screen, program):
    window = wait_for("the window of process %d" % program.process.pid,
                      lambda: window_of(screen, program.process.pid))
    window.set_input_focus(X.RevertToParent, X.CurrentTime)
    screen.display.sync()
    screen.pump(0.2)


# Opens the best result for @query and puts the focus in its note; returns
# the id the window shows, from the accessible name of its page.
def open_note(app, screen, query, title):
    screen.key("f", "Control_L")
    screen.pump(0.3)
    screen.key("a", "Control_L")
    screen.type(query)
    wait_for("%s among the results" % title, lambda: title in labels(app))
    screen.key("Return")
    wait_for("the page of %s" % title, lambda: find(app, pyatspi.ROLE_HEADING, title))
    screen.pump(0.3)
    # The note's mnemonic, then everything in it selected, to be typed over.
    screen.key("n", "Alt_L")
    screen.pump(0.3)
    screen.key("a", "Control_L")
    screen.pump(0.1)


# Every program a scenario started, whose warnings fail it.
started = []


def start(home, screen, *arguments):
    program = Program(home, *arguments)
    started.append(program)
    app = program.find_app()
    wait_for("the window", lambda: find(app, pyatspi.ROLE_FRAME))
    focus_window(screen, program)
    return program, app


# Text typed right before Ctrl+Q is in the study file, every time.
def test_quit_keeps_last_keys(home, screen):
    saved = 0
    problems = []
    for trial in range(TRIALS):
        program, app = start(home, screen)
        try:
            open_note(app, screen, "portsmouth", "Treaty of Portsmouth")
            text = "typed before quitting %d" % trial
            screen.type(text, pause=0.01)
            screen.key("q", "Control_L")
            status = program.wait(20)
            if status is None:
                problems.append("trial %d: still running 20 s after Ctrl+Q (%s)" % (trial, labels(app)[-3:]))
                continue
            if note_of(home, "portsmouth-1905") == text:
                saved += 1
            else:
                problems.append("trial %d: the note is “%s”" % (trial, note_of(home, "portsmouth-1905")))
        finally:
            program.stop()
    print("# text typed right before Ctrl+Q saved %d/%d times" % (saved, TRIALS))
    if problems:
        raise AssertionError("; ".join(problems))


# The session ends the program with SIGTERM: what was typed is saved.
def test_sigterm_keeps_last_keys(home, screen):
    program, app = start(home, screen)
    try:
        open_note(app, screen, "portsmouth", "Treaty of Portsmouth")
        screen.type("typed before sigterm", pause=0.01)
        screen.pump(0.05)
        program.process.send_signal(signal.SIGTERM)
        status = program.wait(20)
        if status is None:
            raise AssertionError("still running 20 s after SIGTERM")
        if status != 0:
            raise AssertionError("exit status %d after SIGTERM" % status)
        if note_of(home, "portsmouth-1905") != "typed before sigterm":
            raise AssertionError("the note is “%s”" % note_of(home, "portsmouth-1905"))
    finally:
        program.stop()


# A study file that cannot be written: Ctrl+Q asks, Keep Open keeps the
# note, and once the folder is back Ctrl+Q saves it and quits.
def test_quit_asks_when_unsaved(home, screen):
    folder = os.path.dirname(study_path(home))
    aside = folder + ".aside"
    program, app = start(home, screen)
    try:
        open_note(app, screen, "portsmouth", "Treaty of Portsmouth")
        # Root may write anywhere, so the folder becomes a file rather
        # than losing its permissions.
        os.rename(folder, aside)
        with open(folder, "w") as blocker:
            blocker.write("not a folder")
        screen.type("cannot be saved yet", pause=0.01)
        screen.key("q", "Control_L")
        wait_for("the question", lambda: "Notes Not Saved" in labels(app))
        if program.process.poll() is not None:
            raise AssertionError("Ctrl+Q quit without asking")
        # GTK 4.8 names the button by its label twice, with and without
        # the mnemonic's underline.
        keep = wait_for("Keep Open", lambda: next(
            n for n in walk(app) if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and "Keep Open" in n.name))
        keep.queryAction().doAction(0)
        screen.pump(0.5)
        if program.process.poll() is not None:
            raise AssertionError("Keep Open quit")
        os.remove(folder)
        os.rename(aside, folder)
        focus_window(screen, program)
        screen.key("q", "Control_L")
        if program.wait(20) is None:
            raise AssertionError("still running 20 s after the second Ctrl+Q")
        if note_of(home, "portsmouth-1905") != "cannot be saved yet":
            raise AssertionError("the note is “%s”" % note_of(home, "portsmouth-1905"))
    finally:
        if os.path.isfile(folder):
            os.remove(folder)
        if os.path.isdir(aside):
            os.rename(aside, folder)
        program.stop()


# nichiro and nichiro --data on the same study file, each typing in turn
# and saving between: neither erases the other's notes.
def test_two_programs(home, screen):
    copy = os.path.join(home, "japan-russia.json")
    shutil.copyfile(os.environ["NICHIRO_DATASET"], copy)
    first, first_app = start(home, screen)
    second, second_app = start(home, screen, "--data", copy)
    try:
        rounds = [(first, first_app, "portsmouth", "Treaty of Portsmouth", "portsmouth-1905"),
                  (second, second_app, "shimoda", "Treaty of Shimoda", "shimoda-1855")]
        for turn in range(3):
            for program, app, query, title, entry_id in rounds:
                focus_window(screen, program)
                open_note(app, screen, query, title)
                screen.type("%s turn %d" % (query, turn), pause=0.01)
                # Saved within a second of the last key.
                wait_for("the note saved", lambda: note_of(home, entry_id) == "%s turn %d" % (query, turn),
                         timeout=10)
        for program, app, query, title, entry_id in rounds:
            focus_window(screen, program)
            screen.key("q", "Control_L")
            if program.wait(20) is None:
                raise AssertionError("still running 20 s after Ctrl+Q")
        for program, app, query, title, entry_id in rounds:
            if note_of(home, entry_id) != "%s turn 2" % query:
                raise AssertionError("the note on %s is “%s”" % (entry_id, note_of(home, entry_id)))
    finally:
        first.stop()
        second.stop()


# Runs @function, then fails if a program it started printed a warning.
def checked(function, home, screen):
    started.clear()
    function(home, screen)
    warnings = [line for program in started for line in program.warnings()]
    if warnings:
        raise AssertionError("Nichiro warned: " + " | ".join(warnings))


def main():
    use_tap_fd()
    tap = Tap()
    screen = Screen()
    print("1..4")
    for name, function in (("text typed right before Ctrl+Q is saved", test_quit_keeps_last_keys),
                           ("text typed right before SIGTERM is saved", test_sigterm_keeps_last_keys),
                           ("Ctrl+Q asks when the notes cannot be saved", test_quit_asks_when_unsaved),
                           ("two programs on one study file keep each other's notes", test_two_programs)):
        # NICHIRO_E2E_ONLY=WORD runs the scenarios whose name holds WORD.
        if os.environ.get("NICHIRO_E2E_ONLY", "") not in name:
            continue
        home = make_home()
        try:
            tap.scenario(name, None, checked, function, home, screen)
        finally:
            subprocess.run(["rm", "-rf", home])
    print("# %d passed, %d failed" % (tap.passed, tap.failed))
    return 0 if tap.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
