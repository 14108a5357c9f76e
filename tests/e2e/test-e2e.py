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
# detail view; then walk the whole window with Tab, as a keyboard user
# does, and check what each stop is called and that it shows. Runs under
# tests/xvfb-test.sh through run-e2e.sh, inside dbus-run-session, so the
# accessibility bus is private to the test; the keys go through the XTest
# extension of that private display.

import subprocess
import sys

import pyatspi

from nichiro_e2e import Program, Screen, Tap, find, labels, make_home, text_of, use_tap_fd, wait_for, walk


# What a status line (a live region Orca reads as it changes) says.
def statuses(app):
    said = []
    for node in walk(app):
        if node.getRole() == pyatspi.ROLE_STATUS_BAR:
            try:
                said.append(node.name or text_of(node))
            except NotImplementedError:
                said.append(node.name)
    return said


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


def test_open_result(app, screen):
    results = wait_for("the results", lambda: find(app, pyatspi.ROLE_LIST, "Search results"))
    first = wait_for("a result row", lambda: results.getChildAtIndex(0))
    # The best result is shown selected: that is the one Enter opens.
    if not first.getState().contains(pyatspi.STATE_SELECTED):
        raise AssertionError("the best result is not shown selected")
    screen.key("f", "Control_L")
    screen.pump(0.3)
    screen.key("Return")
    wait_for("the detail view's Russian title",
             lambda: any("Портсмутский мирный договор" in l for l in labels(app)))
    wait_for("the dates in full",
             lambda: "5 September 1905 (23 August O.S.)" in labels(app))


def region(shot, box):
    width, data = shot
    x0, y0, x1, y1 = box
    return b"".join(data[(y * width + x0) * 4:(y * width + x1) * 4] for y in range(y0, y1))


# Where @node is on the screen, its own allocation: a change just outside
# it may be its neighbour's.
def focus_box(screen, node):
    # Window coordinates: GTK 4.8 cannot tell screen ones on X11.
    extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    origin_x, origin_y = screen.window_origin()
    width, data = screen.grab()
    height = len(data) // (width * 4)
    return (max(0, origin_x + extents.x), max(0, origin_y + extents.y),
            min(width, origin_x + extents.x + extents.width),
            min(height, origin_y + extents.y + extents.height))


# An entry's page: an article where GTK has the role (4.14), else a panel.
PAGE_ROLES = (getattr(pyatspi, "ROLE_ARTICLE", pyatspi.ROLE_PANEL), pyatspi.ROLE_PANEL)


def describe(node):
    return "%s “%s”" % (node.getRoleName(), node.name)


# Presses Tab until the focus comes back to where the first press put it,
# or @until (a role and name) is reached, or @most presses; returns the
# stops and what is wrong with them. A stop shows the focus if its pixels
# change as it takes the focus; or, when the page scrolled it to the very
# place of the stop before (whose ring was there), as it gives it up.
def walk_with_tab(screen, most, until=None):
    stops, boxes, shots, problems = [], [], [screen.grab()], []
    for _ in range(most):
        node = screen.press_for_focus("Tab")
        if node is not None:
            screen.settle_box(focus_box(screen, node))
        shots.append(screen.grab())
        if node is None:
            problems.append("Tab after %s moved the focus nowhere" %
                            (describe(stops[-1]) if stops else "the first stop"))
            break
        key = (node.getRoleName(), node.name)
        if stops and key == (stops[0].getRoleName(), stops[0].name):
            break
        stops.append(node)
        boxes.append(focus_box(screen, node))
        if not node.name or node.name.startswith("Gtk"):
            problems.append("a %s stop is called “%s”" % (node.getRoleName(), node.name))
        if until is not None and key == until:
            # One more, so that the last stop gives the focus up.
            screen.press_for_focus("Tab")
            shots.append(screen.grab())
            break
    else:
        problems.append("Tab never came back to the first stop")
    while len(shots) < len(stops) + 2:
        shots.append(shots[-1])
    for i, (node, box) in enumerate(zip(stops, boxes)):
        with_focus = region(shots[i + 1], box)
        same_place = i > 0 and boxes[i - 1] == box
        if region(shots[i], box) == with_focus and (not same_place or region(shots[i + 2], box) == with_focus):
            problems.append("no visible change where %s has the focus (%d, %d to %d, %d)" % ((describe(node),) + tuple(box)))
    return stops, problems


# The whole window with Tab, from the search entry back to it: every stop
# is named, each related entry and each source is a stop of its own, a
# list is one stop, and the focus shows where it is on every stop. Then
# Enter on a related entry opens it, and the focus lands on its title.
def test_keyboard_walk(app, screen):
    # Ctrl+F, then the query typed over what was there.
    screen.key("f", "Control_L")
    screen.pump(0.3)
    screen.key("a", "Control_L")
    screen.type("portsmouth")
    wait_for("the results", lambda: "Treaty of Portsmouth" in labels(app))
    screen.key("Return")
    wait_for("the treaty's page",
             lambda: find(app, pyatspi.ROLE_HEADING, "Treaty of Portsmouth"))
    screen.pump(1.0)

    stops, problems = walk_with_tab(screen, 200)

    names = [(n.getRoleName(), n.name) for n in stops]
    print("# %d stops: %s" % (len(stops), "; ".join("%s %s" % n for n in names)))

    # A list is one stop: its rows are reached with the arrows.
    lists = [n.parent.name for n in stops if n.getRole() == pyatspi.ROLE_LIST_ITEM]
    if len(lists) != len(set(lists)):
        problems.append("a list takes more than one stop: %s" % lists)

    # Every related entry and every source that goes somewhere is a stop.
    for list_name in ("Related", "Sources"):
        group = find(app, pyatspi.ROLE_LIST, list_name)
        if group is None:
            problems.append("no list called %s" % list_name)
            continue
        links = [group.getChildAtIndex(i) for i in range(group.childCount)]
        links = [l for l in links if l is not None and l.getRole() == pyatspi.ROLE_LINK]
        if not links:
            problems.append("%s has no links" % list_name)
        for link in links:
            if (link.getRoleName(), link.name) not in names:
                problems.append("%s “%s” is not a stop" % (list_name, link.name))

    if problems:
        raise AssertionError("; ".join(problems))

    # Enter on the first related entry opens it; the focus lands on its page,
    # which is called by its title.
    first = next(n for n in stops if n.getRole() == pyatspi.ROLE_LINK and n.parent.name == "Related")
    target = first.name.split(": ", 1)[1]
    for _ in range(len(stops) + 1):
        node = screen.press_for_focus("Tab")
        if node is not None and node.name == first.name:
            break
    else:
        raise AssertionError("Tab did not come back to %s" % describe(first))
    landed = screen.press_for_focus("Return")
    wait_for("the related entry's page",
             lambda: any(h.name and target.startswith(h.name + ",")
                         for h in walk(app) if h.getRole() == pyatspi.ROLE_HEADING))
    if landed is None or landed.getRole() not in PAGE_ROLES or not target.startswith(landed.name + ","):
        raise AssertionError("after Enter the focus is on %s, not the page of %s" %
                             (describe(landed) if landed else "nothing", target))

    # Without a search the sidebar shows the chapter guide: its switcher,
    # and the guide as one stop, its rows named, the focus shown on them.
    screen.key("f", "Control_L")
    screen.pump(0.3)
    screen.key("Escape")
    wait_for("the chapter guide", lambda: find(app, pyatspi.ROLE_LIST, "Chapter guide"))
    screen.key("f", "Control_L")
    screen.pump(0.3)
    stops, problems = walk_with_tab(screen, 30, until=("push button", "Copy Details"))
    print("# %d stops: %s" % (len(stops), "; ".join(describe(n) for n in stops)))
    guide = [n for n in stops if n.getRole() == pyatspi.ROLE_LIST_ITEM and n.parent.name == "Chapter guide"]
    if len(guide) != 1:
        problems.append("the chapter guide takes %d stops" % len(guide))
    if problems:
        raise AssertionError("; ".join(problems))


# A self-test card as Orca hears it, by keyboard alone: Ctrl+T brings the
# focus to Start Review; Enter, to the question, named with its place in
# the session; Space, to the answer; the grade buttons are named with when
# the card comes back; 3 grades it Good and brings the next question. The
# focus is what Orca reads, in every version of GTK.
def test_self_test(app, screen):
    wait_for("the count of cards due",
             lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, "Self-test: 10 cards due today (Ctrl+T)"))
    start = screen.press_for_focus("t", "Control_L")
    if start is None or start.getRole() != pyatspi.ROLE_PUSH_BUTTON or start.name != "Start Review":
        raise AssertionError("Ctrl+T put the focus on %s, not Start Review" % (describe(start) if start else "nothing"))

    question = screen.press_for_focus("Return")
    if question is None or question.getRole() != pyatspi.ROLE_LABEL or not question.name.startswith("Card 1 of 10: "):
        raise AssertionError("Enter put the focus on %s, not the first question" %
                             (describe(question) if question else "nothing"))

    answer = screen.press_for_focus("space")
    if answer is None or not answer.name.startswith("Answer: "):
        raise AssertionError("Space put the focus on %s, not the answer" % (describe(answer) if answer else "nothing"))
    grades = [n.name for n in walk(app) if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and ", next in " in (n.name or "")]
    if [g.split(",")[0] for g in grades] != ["Again", "Hard", "Good", "Easy"]:
        raise AssertionError("the grade buttons are named %s" % grades)

    following = screen.press_for_focus("3")
    if following is None or not following.name.startswith("Card 2 of "):
        raise AssertionError("3 put the focus on %s, not the next question" %
                             (describe(following) if following else "nothing"))
    try:
        wait_for("the grade said", lambda: "Good: back in 10 min." in statuses(app))
    except AssertionError:
        raise AssertionError("the status says %s, not the grade" % statuses(app))

    # Escape twice: back to the start, then out of the self-test.
    screen.press_for_focus("Escape")
    screen.press_for_focus("Escape")
    # The card answered Good is due again in 10 minutes: still today, unless
    # the day ends first (the test may run at 23:55).
    wait_for("the count after one answer",
             lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, "Self-test: 10 cards due today (Ctrl+T)")
             or find(app, pyatspi.ROLE_PUSH_BUTTON, "Self-test: 9 cards due today (Ctrl+T)"))


# The frontier map the way a screen reader meets it: Ctrl+M shows it in the
# details' place; its description reads who held each area on the selected
# entry's day; Tab reaches every area's marker, each called by the area and
# its holder, and the focus shows on each; then the places' pins.
MAP_AREAS = ("Northern Sakhalin", "Southern Sakhalin (Karafuto)", "Kurils north of Urup", "Urup",
             "Etorofu (Iturup)", "Kunashiri (Kunashir)", "Shikotan", "Habomai islands")


def inside(node, ancestor):
    while node is not None:
        if node == ancestor:
            return True
        node = node.parent
    return False


def test_frontier_map(app, screen):
    screen.key("f", "Control_L")
    screen.pump(0.3)
    screen.key("a", "Control_L")
    screen.type("portsmouth")
    wait_for("the results", lambda: "Treaty of Portsmouth" in labels(app))
    screen.key("Return")
    wait_for("the treaty's page", lambda: find(app, pyatspi.ROLE_HEADING, "Treaty of Portsmouth"))
    screen.key("m", "Control_L")
    frontier = wait_for("the frontier map",
                        lambda: next((n for n in walk(app) if n.name == "Frontier map" and n.childCount > 0), None))
    description = frontier.description
    if not description.startswith("On 5 September 1905: Northern Sakhalin — Japan, occupied, since 1905"):
        raise AssertionError("the map is described as “%s”" % description)
    for area in MAP_AREAS:
        if area + " — " not in description:
            raise AssertionError("the map's description leaves out %s" % area)

    # Tab into the map, then through it until the focus leaves it.
    stops, problems, shots, boxes = [], [], [], []
    for _ in range(80):
        shot = screen.grab()
        node = screen.press_for_focus("Tab")
        if node is None:
            raise AssertionError("Tab moved the focus nowhere")
        if not inside(node, frontier):
            if stops:
                break
            continue
        screen.settle_box(focus_box(screen, node))
        shots.append((shot, screen.grab()))
        stops.append(node)
        boxes.append(focus_box(screen, node))
    else:
        raise AssertionError("Tab did not leave the map after %d stops" % len(stops))
    names = [n.name for n in stops]
    print("# %d stops in the map: %s" % (len(stops), "; ".join(names)))
    for area in MAP_AREAS:
        if not any(name.startswith(area + " — Japan, ") for name in names):
            problems.append("no stop says who held %s" % area)
    pins = [n for n in stops if " — " not in n.name]
    if not pins or any(not n.name for n in pins):
        problems.append("the places' pins are not stops, or not named: %s" % [n.name for n in pins])
    for node, box, (before, after) in zip(stops, boxes, shots):
        if region(before, box) == region(after, box):
            problems.append("no visible change where %s has the focus" % describe(node))
    screen.key("m", "Control_L")
    if problems:
        raise AssertionError("; ".join(problems))


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
             lambda: any("Советско-японская декларация 1956 года" in l for l in labels(app)))


def test_no_warnings(program):
    warnings = program.warnings()
    if warnings:
        raise AssertionError("Nichiro warned: " + " | ".join(warnings))


def main():
    use_tap_fd()
    home = make_home()
    program = Program(home)
    tap = Tap()
    try:
        app = program.find_app()
        screen = Screen()
        print("1..8")
        tap.scenario("window lists entries", program, test_window_lists_entries, app)
        tap.scenario("search in Japanese and read the results", program, test_search_and_read, app)
        tap.scenario("open the highlighted result with Enter and read it", program, test_open_result, app, screen)
        tap.scenario("GNOME Shell search finds and opens an entry", program, test_shell_search, app)
        tap.scenario("Tab walks the window: every stop named and shown", program, test_keyboard_walk, app, screen)
        tap.scenario("a self-test card by keyboard, as a screen reader hears it", program, test_self_test, app, screen)
        tap.scenario("the frontier map: described, every area reached and named", program, test_frontier_map, app, screen)
    except AssertionError as error:
        print("Bail out! %s" % error)
        return 1
    finally:
        program.stop()
        subprocess.run(["rm", "-rf", home])
    # Down to its last word, at exit too.
    tap.scenario("Nichiro printed no warning or critical", None, test_no_warnings, program)
    print("# %d passed, %d failed" % (tap.passed, tap.failed))
    return 0 if tap.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
