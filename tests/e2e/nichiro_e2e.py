# nichiro_e2e.py
#
# Copyright 2026 The Nichiro authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the end-to-end scenarios share: starting the real program with a
# home of its own and reading what it prints, finding it and its widgets on
# the accessibility bus, pressing keys through the XTest extension of the
# private display, and reporting in TAP.

import os
import re
import subprocess
import sys
import tempfile
import threading
import time

import pyatspi
from gi.repository import GLib
from Xlib import X, XK, display as xdisplay
from Xlib.ext import xtest

PROGRAM = os.environ["NICHIRO_PROGRAM"]
# Generous: a loaded machine answers slowly, and waiting costs only time.
TIMEOUT = 30.0
WARNING = re.compile(r"-(WARNING|CRITICAL) \*\*|^\*\*$|Gtk-WARNING|GLib-CRITICAL")


def use_tap_fd():
    # The TAP stream goes where the runner says; the rest of stdout is the bus's.
    if "--tap-fd" in sys.argv:
        sys.stdout = os.fdopen(int(sys.argv[sys.argv.index("--tap-fd") + 1]), "w", buffering=1)


def make_home():
    # A home of its own: what the scenarios open is not the reader's last
    # entry, and the next run starts the same.
    home = tempfile.mkdtemp(prefix="nichiro-e2e-")
    os.makedirs(os.path.join(home, "data"))
    os.makedirs(os.path.join(home, "config"))
    return home


class Program:
    """The real nichiro, started in @home, its standard error read as it comes."""

    def __init__(self, home, *arguments):
        env = dict(os.environ, GTK_A11Y="atspi", LANGUAGE="en",
                   XDG_DATA_HOME=os.path.join(home, "data"), XDG_CONFIG_HOME=os.path.join(home, "config"))
        env.pop("NO_AT_BRIDGE", None)
        # The program's warnings are checked in its output rather than made
        # fatal, so that one says what it was and the scenarios go on.
        debug = [flag for flag in os.environ.get("NICHIRO_E2E_G_DEBUG", "").split(",")
                 if flag and not flag.startswith("fatal")]
        env["G_DEBUG"] = ",".join(debug)
        self.log = []
        self.lock = threading.Lock()
        self.process = subprocess.Popen([PROGRAM, *arguments], env=env, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True, errors="replace")
        self.reader = threading.Thread(target=self.read_log, daemon=True)
        self.reader.start()

    def read_log(self):
        for line in self.process.stderr:
            with self.lock:
                self.log.append(line.rstrip("\n"))
            sys.stderr.write("nichiro[%d]: %s" % (self.process.pid, line))

    def log_length(self):
        with self.lock:
            return len(self.log)

    def warnings(self, start=0):
        with self.lock:
            return [line for line in self.log[start:] if WARNING.search(line)]

    # The program on the bus; one that ended first is said so at once.
    def find_app(self):
        app = wait_for("Nichiro on the accessibility bus",
                       lambda: self.process.poll() is not None or find_app(self.process.pid))
        if app is True:
            raise AssertionError("Nichiro ended (exit status %d) before it was on the accessibility bus"
                                 % self.process.returncode)
        return app

    # The exit status, or None if it is still running after @timeout.
    def wait(self, timeout):
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            if self.wait(10) is None:
                self.process.kill()
                self.process.wait()
        self.reader.join(timeout=5)


class Tap:
    """Numbered TAP results; a scenario fails on what it asserts and on
    any warning @program printed meanwhile."""

    def __init__(self):
        self.passed = self.failed = 0

    def scenario(self, name, program, function, *arguments):
        start = program.log_length() if program else 0
        try:
            function(*arguments)
            warnings = program.warnings(start) if program else []
            if warnings:
                raise AssertionError("Nichiro warned: " + " | ".join(warnings))
            self.passed += 1
            print("ok %d %s" % (self.passed + self.failed, name))
        except Exception as error:
            self.failed += 1
            print("not ok %d %s # %s" % (self.passed + self.failed, name, error))
            if os.environ.get("NICHIRO_E2E_TRACE"):
                import traceback
                traceback.print_exc(file=sys.stdout)


def wait_for(what, check, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
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


# Nichiro on the bus; with @pid, the one that process runs.
def find_app(pid=None):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == "nichiro" and (pid is None or app.get_process_id() == pid):
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


# The keyboard and the screen, through the X display the test runs on.
class Screen:
    def __init__(self):
        self.display = xdisplay.Display()
        self.root = self.display.screen().root
        self.focused = []
        pyatspi.Registry.registerEventListener(self.on_focus, "object:state-changed:focused")

    def on_focus(self, event):
        if event.detail1:
            self.focused.append(event.source)

    def pump(self, seconds):
        context = GLib.MainContext.default()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            while context.iteration(False):
                pass
            time.sleep(0.01)

    def key(self, name, *modifiers):
        codes = [self.display.keysym_to_keycode(XK.string_to_keysym(m)) for m in modifiers]
        code = self.display.keysym_to_keycode(XK.string_to_keysym(name))
        for c in codes:
            xtest.fake_input(self.display, X.KeyPress, c)
        xtest.fake_input(self.display, X.KeyPress, code)
        xtest.fake_input(self.display, X.KeyRelease, code)
        for c in reversed(codes):
            xtest.fake_input(self.display, X.KeyRelease, c)
        self.display.sync()

    # Lower-case letters, digits and spaces.
    def type(self, text, pause=0.03):
        for character in text:
            self.key("space" if character == " " else character)
            if pause:
                self.pump(pause)

    # Tab, or another key, and what the focus moved to (None if it did not).
    def press_for_focus(self, name, *modifiers):
        self.focused.clear()
        self.key(name, *modifiers)
        deadline = time.monotonic() + 3.0
        while not self.focused and time.monotonic() < deadline:
            self.pump(0.05)
        # Let the focus ring be drawn and any scrolling end.
        self.pump(0.25)
        return self.focused[-1] if self.focused else None

    # Where the first window shown is on the screen.
    def window_origin(self):
        for child in self.root.query_tree().children:
            attributes = child.get_attributes()
            geometry = child.get_geometry()
            if attributes.map_state == X.IsViewable and geometry.width > 300:
                return geometry.x, geometry.y
        raise AssertionError("no window on the display")

    # The pixels of @box (x0, y0, x1, y1), once they have stopped changing
    # for a twentieth of a second, or after @most seconds: a slow build may
    # still be scrolling to a stop or drawing its focus ring.
    def settle_box(self, box, most=1.5):
        x0, y0, x1, y1 = box
        if x1 <= x0 or y1 <= y0:
            return
        deadline = time.monotonic() + most
        before = self.root.get_image(x0, y0, x1 - x0, y1 - y0, X.ZPixmap, 0xffffffff).data
        while time.monotonic() < deadline:
            self.pump(0.05)
            after = self.root.get_image(x0, y0, x1 - x0, y1 - y0, X.ZPixmap, 0xffffffff).data
            if after == before:
                return
            before = after

    def grab(self):
        geometry = self.root.get_geometry()
        image = self.root.get_image(0, 0, geometry.width, geometry.height, X.ZPixmap, 0xffffffff)
        return (geometry.width, image.data)
